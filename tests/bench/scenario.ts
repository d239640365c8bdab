/** One thing a user waits for, measured by `npm run bench`. */
export interface Scenario<State = unknown> {
  /** Stable name, e.g. `data.cold-start`; `npm run bench -- TEXT` selects by substring. */
  name: string;
  runs?: number;
  warmup?: number;
  setup?(): Promise<State> | State;
  /**
   * One run. `round` counts the rounds from the first warm-up on; run and baseline get the same
   * number in the same round, so a scenario that varies its input (keystrokes, queries) by it
   * gives both the same inputs.
   */
  run(state: State, round: number): Promise<unknown> | unknown;
  /**
   * The fastest way to do the same work by hand, with the same result, measured side by side with
   * `run` in the same rounds for a ratio.
   */
  baseline?(state: State, round: number): Promise<unknown> | unknown;
  teardown?(state: State): Promise<void> | void;
  /** Figures besides the times (rows, bytes, throughput, errors), read after the last round; kept in results.json. */
  report?(state: State): Promise<Record<string, number | string>> | Record<string, number | string>;
  /** Also measure peak memory of `run` and `baseline`, each once in a fresh process (exports, imports). */
  memory?: boolean;
  /** `run` returns the milliseconds to report (measured in the page with performance.mark), not the wall clock. */
  selfTimed?: boolean;
}

export function defineScenario<State>(scenario: Scenario<State>): Scenario<State> {
  return scenario;
}

export interface BenchResult {
  name: string;
  median_ms: number;
  min_ms: number;
  max_ms: number;
  runs: number;
  baseline?: { median_ms: number; min_ms: number; max_ms: number };
  ratio?: number;
  /** Peak resident memory of the process during one run, and how far it rose above the settled state. */
  peak_rss_mb?: number;
  extra_rss_mb?: number;
  baseline_peak_rss_mb?: number;
  baseline_extra_rss_mb?: number;
  /** Peak over the baseline's peak, both in a fresh process with the same data set open. */
  memory_ratio?: number;
  figures?: Record<string, number | string>;
}
