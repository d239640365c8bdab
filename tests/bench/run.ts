import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Contender, rounds, summarize } from './measure';
import type { BenchResult, Scenario } from './scenario';

const here = import.meta.dirname;
const filter = process.argv[2] ?? '';

async function loadScenarios(): Promise<Scenario[]> {
  const folder = join(here, 'scenarios');
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.ts'))
    .sort();
  const modules = await Promise.all(
    files.map((f) => import(pathToFileURL(join(folder, f)).href) as Promise<{ default: Scenario | Scenario[] }>),
  );
  return modules.flatMap((m) => m.default);
}

async function measure(scenario: Scenario): Promise<BenchResult> {
  const runs = scenario.runs ?? 10;
  const warmup = scenario.warmup ?? 2;
  const state = await scenario.setup?.();
  let result: BenchResult;
  try {
    const { baseline } = scenario;
    const contenders: Contender[] = [{ fn: (round) => scenario.run(state, round), selfTimed: scenario.selfTimed }];
    if (baseline) contenders.push({ fn: (round) => baseline(state, round) });
    const [ours, base] = (await rounds(contenders, runs, warmup)).map(summarize);
    result = { name: scenario.name, ...ours!, runs };
    if (base) {
      result.baseline = base;
      result.ratio = Math.round((ours!.median_ms / base.median_ms) * 100) / 100;
    }
    const figures = await scenario.report?.(state);
    if (figures) result.figures = figures;
  } finally {
    await scenario.teardown?.(state);
  }
  if (scenario.memory) Object.assign(result, memoryOf(scenario));
  return result;
}

/** Peak memory in fresh processes (one for our code, one for the baseline): RSS never shrinks back in one process. */
function memoryOf(scenario: Scenario): Partial<BenchResult> {
  const probe = (which: 'run' | 'baseline') =>
    JSON.parse(
      execFileSync(
        process.execPath,
        ['--expose-gc', '--import', 'tsx', join(here, 'memory.ts'), scenario.name, which],
        { encoding: 'utf8' },
      )
        .trim()
        .split('\n')
        .at(-1) ?? '{}',
    ) as { peak_rss_mb: number; extra_rss_mb: number };
  const ours = probe('run');
  if (!scenario.baseline) return ours;
  const base = probe('baseline');
  return {
    ...ours,
    baseline_peak_rss_mb: base.peak_rss_mb,
    baseline_extra_rss_mb: base.extra_rss_mb,
    memory_ratio: Math.round((ours.peak_rss_mb / base.peak_rss_mb) * 100) / 100,
  };
}

function table(results: BenchResult[]): string {
  const header = [
    'scenario',
    'median ms',
    'min ms',
    'max ms',
    'runs',
    'baseline ms',
    'ratio',
    'peak MB',
    '+MB',
    'baseline +MB',
    'mem ratio',
  ];
  const rows = results.map((r) =>
    [
      r.name,
      r.median_ms,
      r.min_ms,
      r.max_ms,
      r.runs,
      r.baseline?.median_ms ?? '',
      r.ratio ?? '',
      r.peak_rss_mb ?? '',
      r.extra_rss_mb ?? '',
      r.baseline_extra_rss_mb ?? '',
      r.memory_ratio ?? '',
    ].map(String),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
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
for (const { name, figures } of results)
  if (figures)
    console.log(
      `${name}: ${Object.entries(figures)
        .map(([key, value]) => `${key} ${value}`)
        .join(', ')}`,
    );
const out = resolve(here, 'results.json');
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwritten to ${out}`);
