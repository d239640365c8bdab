import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Scenario } from './scenario';

/**
 * Child process of `npm run bench`: runs one scenario's own work or its baseline once,
 * in a fresh process, and prints the peak resident memory of the process and how far
 * the work raised it above the peak after setup.
 */
const [name, which] = process.argv.slice(2);
const folder = join(import.meta.dirname, 'scenarios');
const scenarios = (
  await Promise.all(
    readdirSync(folder)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => import(pathToFileURL(join(folder, f)).href) as Promise<{ default: Scenario | Scenario[] }>),
  )
).flatMap((m) => m.default);
const scenario = scenarios.find((s) => s.name === name);
if (!scenario || (which !== 'run' && which !== 'baseline')) throw new Error(`usage: memory.ts NAME run|baseline`);
const work = which === 'run' ? scenario.run : scenario.baseline;
if (!work) throw new Error(`${name} has no ${which}`);

const state = await scenario.setup?.();
(globalThis as { gc?: () => void }).gc?.();
// The kernel's high-water mark of resident memory (kB): a true peak, not a sample.
const before = process.resourceUsage().maxRSS * 1024;
await work(state, 0);
const peak = process.resourceUsage().maxRSS * 1024;
await scenario.teardown?.(state);
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
console.log(JSON.stringify({ peak_rss_mb: mb(peak), extra_rss_mb: mb(peak - before) }));
