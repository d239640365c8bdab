/** What the typing needs of a sheet version: each indicator's scale, in order. */
type Scales = { indicators: ReadonlyArray<{ scaleMin: number; scaleMax: number }> };

export interface TypedScores {
  /** One per indicator typed so far; null: not scored (a dash). */
  values: Array<number | null>;
  /** Every indicator has its value and each lies on its scale. */
  complete: boolean;
  tooMany: boolean;
  /** Indicators (by position) whose typed value is not on their scale. */
  offScale: number[];
}

/** Whether each indicator takes one keystroke: every scale ends at 9 or lower. */
export function oneDigitEach(version: Scales): boolean {
  return version.indicators.every((i) => i.scaleMax <= 9);
}

/**
 * Scores typed as fast as the keyboard allows: one digit per indicator ("3425-1"), or, for a scale
 * past 9, numbers separated by spaces ("10 7 - 3"). A dash (or a dot) is "not scored".
 */
export function parseTypedScores(text: string, version: Scales): TypedScores {
  const tokens = oneDigitEach(version)
    ? [...text.replace(/[\s,;]/g, '')]
    : text.split(/[\s,;]+/).filter((t) => t !== '');
  const values = tokens.map((token) =>
    token === '-' || token === '.' ? null : /^\d+$/.test(token) ? Number(token) : NaN,
  );
  const offScale = values.flatMap((value, i) => {
    const indicator = version.indicators[i];
    if (!indicator || value === null) return [];
    return Number.isNaN(value) || value < indicator.scaleMin || value > indicator.scaleMax ? [i] : [];
  });
  const tooMany = values.length > version.indicators.length;
  return {
    values: values.slice(0, version.indicators.length).map((v) => (Number.isNaN(v) ? null : v)),
    complete: values.length === version.indicators.length && offScale.length === 0,
    tooMany,
    offScale,
  };
}
