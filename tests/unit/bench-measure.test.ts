import { describe, expect, it } from 'vitest';
import { rounds, summarize } from '../bench/measure';

describe('benchmark statistics', () => {
  it('reports median, min and max', () => {
    expect(summarize([5, 1, 3])).toEqual({ median_ms: 3, min_ms: 1, max_ms: 5 });
    expect(summarize([4, 1, 3, 2])).toEqual({ median_ms: 2.5, min_ms: 1, max_ms: 4 });
    expect(() => summarize([])).toThrow();
  });

  it('runs the warm-up unmeasured and then the measured runs', async () => {
    let calls = 0;
    const [samples] = await rounds([{ fn: () => calls++ }], 5, 2);
    expect(calls).toBe(7);
    expect(samples).toHaveLength(5);
  });

  it('runs a scenario and its baseline side by side, in turns that swap each round, with the same round numbers', async () => {
    const calls: string[] = [];
    const samples = await rounds(
      [{ fn: (round) => calls.push(`run ${round}`) }, { fn: (round) => calls.push(`baseline ${round}`) }],
      3,
      1,
    );
    expect(calls).toEqual(['run 0', 'baseline 0', 'baseline 1', 'run 1', 'run 2', 'baseline 2', 'baseline 3', 'run 3']);
    expect(samples.map((s) => s.length)).toEqual([3, 3]);
  });

  it('reports what a self-timed contender returns, and refuses one that returns no number', async () => {
    const [samples] = await rounds([{ fn: (round) => round * 10, selfTimed: true }], 2, 1);
    expect(samples).toEqual([10, 20]);
    await expect(rounds([{ fn: () => undefined, selfTimed: true }], 1, 0)).rejects.toThrow(/milliseconds/);
  });
});
