import { v7 } from 'uuid';
import type { Random } from './random';

/**
 * A UUIDv7 like the app's own ids (db/ids.ts), but reproducible: the time part is
 * the row's own (demo) creation moment and the random part comes from the seed.
 */
export function demoId(random: Random, msecs: number): string {
  return v7({ msecs, random: random.bytes16() });
}
