import { describe, expect, it } from 'vitest';
import { summarize, time } from '../bench/measure';

describe('benchmark statistics', () => {
  it('reports median, min and max', () => {
    expect(summarize([5, 1, 3])).toEqual({ median_ms: 3, min_ms: 1, max_ms: 5 });
    expect(summarize([4, 1, 3, 2])).toEqual({ median_ms: 2.5, min_ms: 1, max_ms: 4 });
    expect(() => summarize([])).toThrow();
  });

  it('runs the warm-up unmeasured and then the measured runs', async () => {
    let calls = 0;
    const samples = await time(() => calls++, 5, 2);
    expect(calls).toBe(7);
    expect(samples).toHaveLength(5);
  });
});
