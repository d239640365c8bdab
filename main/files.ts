import { renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Writes next to the target and renames: a failed or interrupted save leaves an
 * existing file as it was, never half written.
 */
export function writeFileAtomic(path: string, data: Uint8Array | string): void {
  const temporary = `${path}.koers-${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
