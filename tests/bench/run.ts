import { readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { summarize, time } from './measure';
import type { BenchResult, Scenario } from './scenario';

const here = import.meta.dirname;
const filter = process.argv[2] ?? '';

async function loadScenarios(): Promise<Scenario[]> {
  const folder = join(here, 'scenarios');
  const files = readdirSync(folder).filter((f) => f.endsWith('.ts')).sort();
  const modules = await Promise.all(files.map((f) => import(pathToFileURL(join(folder, f)).href) as Promise<{ default: Scenario | Scenario[] }>));
  return modules.flatMap((m) => m.default);
}

async function measure(scenario: Scenario): Promise<BenchResult> {
  const runs = scenario.runs ?? 10;
  const warmup = scenario.warmup ?? 2;
  const state = await scenario.setup?.();
  try {
    const ours = summarize(await time(() => scenario.run(state), runs, warmup));
    const result: BenchResult = { name: scenario.name, ...ours, runs };
    if (scenario.baseline) {
      const baseline = summarize(await time(() => scenario.baseline!(state), runs, warmup));
      result.baseline = baseline;
      result.ratio = Math.round((ours.median_ms / baseline.median_ms) * 100) / 100;
    }
    return result;
  } finally {
    await scenario.teardown?.(state);
  }
}

function table(results: BenchResult[]): string {
  const header = ['scenario', 'median ms', 'min ms', 'max ms', 'runs', 'baseline ms', 'ratio'];
  const rows = results.map((r) => [r.name, r.median_ms, r.min_ms, r.max_ms, r.runs, r.baseline?.median_ms ?? '', r.ratio ?? ''].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const selected = (await loadScenarios()).filter((s) => s.name.includes(filter));
if (selected.length === 0) {
  console.error(`No benchmark scenario matches "${filter}".`);
  process.exit(1);
}
const results: BenchResult[] = [];
for (const scenario of selected) {
  process.stderr.write(`running ${scenario.name}…\n`);
  results.push(await measure(scenario));
}
console.log(table(results));
const out = resolve(here, 'results.json');
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwritten to ${out}`);
