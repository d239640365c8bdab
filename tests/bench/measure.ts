import { performance } from 'node:perf_hooks';

export interface Timing {
  median_ms: number;
  min_ms: number;
  max_ms: number;
}

export function summarize(samples: readonly number[]): Timing {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return { median_ms: round(median), min_ms: round(sorted[0]!), max_ms: round(sorted.at(-1)!) };
}

/** Runs `fn` warmup times unmeasured, then `runs` times measured (by the clock, or by what `fn` reports when self-timed). */
export async function time(fn: () => unknown, runs: number, warmup: number, selfTimed = false): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const reported = await fn();
    const elapsed = performance.now() - start;
    if (selfTimed && typeof reported !== 'number')
      throw new Error('a self-timed scenario must return its milliseconds');
    samples.push(selfTimed ? Number(reported) : elapsed);
  }
  return samples;
}
