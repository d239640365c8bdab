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

/** One side of a measurement: the scenario's own work or its baseline. */
export interface Contender {
  /** Gets the round's number (warm-up rounds included), so every contender can take the same input in a round. */
  fn(round: number): unknown;
  /** `fn` returns the milliseconds to report (measured elsewhere), not the wall clock. */
  selfTimed?: boolean;
}

/**
 * Runs `warmup` unmeasured rounds, then `runs` measured ones; in each round every
 * contender runs once, in turn. Side by side, a busy spell of the machine falls on
 * both sides of a ratio alike instead of on whichever ran while it lasted, and the
 * order flips every round (A B, B A, …) so neither always runs in what the other
 * left behind (garbage to collect, caches). Returns the samples per contender.
 */
export async function rounds(contenders: readonly Contender[], runs: number, warmup: number): Promise<number[][]> {
  const samples = contenders.map((): number[] => []);
  for (let round = 0; round < warmup + runs; round++) {
    const order = contenders.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    for (const i of order) {
      const { fn, selfTimed } = contenders[i]!;
      const start = performance.now();
      const reported = await fn(round);
      const elapsed = performance.now() - start;
      if (selfTimed && typeof reported !== 'number')
        throw new Error('a self-timed scenario must return its milliseconds');
      if (round >= warmup) samples[i]!.push(selfTimed ? Number(reported) : elapsed);
    }
  }
  return samples;
}
