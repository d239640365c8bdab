import { describe, expect, it } from 'vitest';
import type { Progression } from '../../common/contract';
import {
  type ChartLabels,
  LIGHT,
  legendHeight,
  levelName,
  PRINT,
  PROJECTOR,
  progressionOption,
  radarOption,
  tableRows,
} from '../../renderer/src/charts/options';

const levels = ['Crisis', 'Kwetsbaar', 'Beperkt', 'Voldoende', 'Volledig'].map((label, i) => ({ value: i + 1, label }));
const indicator = (key: string, name: string) => ({
  key,
  name,
  sheetName: 'Zelfredzaamheid',
  scaleMin: 1,
  scaleMax: 5,
  levels,
});
const point = (date: string, value: number, scoredBy: 'caseworker' | 'client' = 'caseworker') => ({
  date,
  value,
  versionNumber: 1,
  scoredBy,
});

const progression: Progression = {
  indicators: [indicator('fin', 'Financiën'), indicator('won', 'Wonen'), indicator('dag', 'Dagbesteding')],
  series: [
    { key: 'fin', by: 'caseworker', points: [point('2026-01-10', 2), point('2026-03-10', 3), point('2026-05-10', 4)] },
    { key: 'fin', by: 'client', points: [point('2026-03-11', 5, 'client')] },
    { key: 'won', by: 'caseworker', points: [point('2026-01-10', 1), point('2026-03-10', 2), point('2026-05-10', 2)] },
    { key: 'dag', by: 'caseworker', points: [point('2026-01-10', 3), point('2026-05-10', 3)] },
  ],
  goals: [{ key: 'won', target: 4, targetDate: '2026-12-31' }],
  milestones: [{ date: '2026-04-01', title: 'Eigen woning' }],
  radar: {
    first: { date: '2026-01-10', values: { fin: 2, won: 1, dag: 3 } },
    previous: { date: '2026-03-10', values: { fin: 3, won: 2, dag: null } },
    latest: { date: '2026-05-10', values: { fin: 4, won: 2, dag: 3 } },
  },
  ladder: false,
};

const labels: ChartLabels = {
  caseworker: 'klantmanager',
  client: 'zelfscore',
  milestones: 'Mijlpalen',
  goals: 'Doelen',
  date: (value) => `d:${value}`,
  goal: (level, date) => (date ? `Doel ${level} vóór ${date}` : `Doel ${level}`),
  snapshot: (which, date) => `${which} ${date}`,
};

type Line = {
  type?: string;
  name?: string;
  step?: unknown;
  symbol?: unknown;
  lineStyle?: { type?: unknown };
  color?: unknown;
  data?: unknown;
  markLine?: { data?: unknown };
};
const lines = (option: ReturnType<typeof progressionOption>) => option.series as Line[];
const byName = (option: ReturnType<typeof progressionOption>, name: string) =>
  lines(option).find((s) => s.name === name);

describe('progressionOption', () => {
  it('draws one line per indicator and who scored, plus the milestones, without animation', () => {
    const option = progressionOption(progression, ['fin', 'won', 'dag'], labels);
    expect(option.animation).toBe(false);
    expect(lines(option).map((s) => s.name)).toEqual([
      'Financiën · klantmanager',
      'Financiën · zelfscore',
      'Wonen · klantmanager',
      'Dagbesteding · klantmanager',
      'Mijlpalen',
    ]);
    expect((option.legend as { data: string[] }).data).not.toContain('Mijlpalen');
    expect(byName(option, 'Financiën · klantmanager')?.data).toEqual([
      ['2026-01-10', 2],
      ['2026-03-10', 3],
      ['2026-05-10', 4],
    ]);
  });

  it('only the chosen indicators', () => {
    const option = progressionOption(progression, ['won'], labels);
    expect(lines(option).map((s) => s.name)).toEqual(['Wonen · klantmanager', 'Mijlpalen']);
  });

  it('self-scores dashed, in the same colour, with another symbol', () => {
    const option = progressionOption(progression, ['fin'], labels);
    const worker = byName(option, 'Financiën · klantmanager');
    const self = byName(option, 'Financiën · zelfscore');
    expect(worker?.lineStyle?.type).toBe('solid');
    expect(self?.lineStyle?.type).toBe('dashed');
    expect(self?.color).toBe(worker?.color);
    expect(self?.symbol).not.toBe(worker?.symbol);
  });

  it('a goal is a horizontal line at the target level, a milestone a vertical line with its title', () => {
    const option = progressionOption(progression, ['fin', 'won'], labels);
    expect(byName(option, 'Wonen · klantmanager')?.markLine?.data).toEqual([
      { yAxis: 4, name: 'Doel 4 Voldoende vóór d:2026-12-31', label: { formatter: '{b}' } },
    ]);
    expect(byName(option, 'Financiën · klantmanager')?.markLine).toBeUndefined();
    expect(byName(option, 'Mijlpalen')?.markLine?.data).toEqual([{ xAxis: '2026-04-01', name: 'Eigen woning' }]);
  });

  it('a goal shows even before the indicator was scored', () => {
    const option = progressionOption({ ...progression, series: [] }, ['won'], labels);
    expect(byName(option, 'Wonen · klantmanager')?.markLine?.data).toHaveLength(1);
  });

  it('level labels on the y axis for one indicator, numbers for more; a time axis', () => {
    const axis = (option: ReturnType<typeof progressionOption>) =>
      option.yAxis as { min: number; max: number; axisLabel: { formatter(v: number): string } };
    expect(axis(progressionOption(progression, ['won'], labels)).axisLabel.formatter(2)).toBe('2 Kwetsbaar');
    expect(axis(progressionOption(progression, ['won', 'fin'], labels)).axisLabel.formatter(2)).toBe('2');
    expect(axis(progressionOption(progression, ['won'], labels))).toMatchObject({ min: 1, max: 5 });
    expect((progressionOption(progression, ['won'], labels).xAxis as { type: string }).type).toBe('time');
  });

  it('a ladder is a step chart', () => {
    expect(lines(progressionOption(progression, ['fin'], labels))[0]?.step).toBe(false);
    const ladder = progressionOption({ ...progression, ladder: true }, ['fin'], labels);
    expect(
      lines(ladder)
        .filter((s) => s.name !== 'Mijlpalen')
        .every((s) => s.step === 'end'),
    ).toBe(true);
  });
});

type Radar = ReturnType<typeof radarOption>;
const radarData = (option: Radar) =>
  (option.series as Array<{ data: Array<{ name: string; value: unknown }> }>)[0]?.data.map((d) => [d.name, d.value]);
const radarAxes = (option: Radar) => (option.radar as { indicator: unknown }).indicator;

describe('radarOption', () => {
  it('one axis per chosen indicator up to its scale maximum; first, previous and latest scoring', () => {
    const option = radarOption(
      {
        ...progression,
        indicators: [
          indicator('fin', 'Financiën'),
          { ...indicator('won', 'Wonen'), scaleMin: 0, scaleMax: 10 },
          indicator('dag', 'Dagbesteding'),
        ],
      },
      ['fin', 'won'],
      labels,
    );
    expect(option.animation).toBe(false);
    expect(radarAxes(option)).toEqual([
      { name: 'Financiën', min: 1, max: 5 },
      { name: 'Wonen (Doel 4)', min: 0, max: 10 },
    ]);
    expect(radarData(option)).toEqual([
      ['first d:2026-01-10', [2, 1]],
      ['previous d:2026-03-10', [3, 2]],
      ['latest d:2026-05-10', [4, 2]],
    ]);
  });

  it('the goal shape when every shown indicator has a goal', () => {
    const option = radarOption(
      { ...progression, goals: [...progression.goals, { key: 'dag', target: 5, targetDate: null }] },
      ['won', 'dag'],
      labels,
    );
    expect(radarData(option)?.at(-1)).toEqual(['Doelen', [4, 5]]);
  });

  it('a missing score is left open', () => {
    expect(radarData(radarOption({ ...progression, goals: [] }, ['dag'], labels))?.map(([, value]) => value)).toEqual([
      [3],
      ['-'],
      [3],
    ]);
  });
});

describe('tableRows and levelName', () => {
  it('one row per date and who scored, oldest first, only the chosen indicators', () => {
    expect(tableRows(progression, ['fin', 'dag'])).toEqual([
      { date: '2026-01-10', by: 'caseworker', values: { fin: 2, dag: 3 } },
      { date: '2026-03-10', by: 'caseworker', values: { fin: 3, dag: null } },
      { date: '2026-03-11', by: 'client', values: { fin: 5, dag: null } },
      { date: '2026-05-10', by: 'caseworker', values: { fin: 4, dag: 3 } },
    ]);
  });

  it('a level with its label, or the bare value', () => {
    expect(levelName(progression.indicators[0], 3)).toBe('3 Beperkt');
    expect(levelName(progression.indicators[0], 9)).toBe('9');
  });
});

describe('projector theme', () => {
  it('draws light on dark with large type and thicker lines, the same data as on screen', () => {
    const screen = progressionOption(progression, ['fin', 'won'], labels);
    const room = progressionOption(progression, ['fin', 'won'], labels, PROJECTOR);
    expect(room.textStyle).toEqual({ color: '#ffffff', fontSize: 20 });
    expect(screen.textStyle).toEqual({ color: LIGHT.text, fontSize: 12 });
    expect(lines(room).map((l) => l.data)).toEqual(lines(screen).map((l) => l.data));
    expect(byName(room, 'Financiën · klantmanager')?.color).toBe(PROJECTOR.palette[0]);
    expect((byName(room, 'Financiën · klantmanager')?.lineStyle as { width?: number }).width).toBeGreaterThan(
      (byName(screen, 'Financiën · klantmanager')?.lineStyle as { width?: number }).width ?? 0,
    );
    expect(room.animation).toBe(false);
  });
});

describe('legend room', () => {
  it('one paging line on screen; on paper as many lines as the names wrap to, so the legend never covers the axis', () => {
    const names = Array.from({ length: 24 }, (_, i) => `Indicator ${i} · klantmanager`);
    expect(legendHeight(names, LIGHT)).toBe(24);
    expect(legendHeight(names.slice(0, 2), PRINT)).toBe(24);
    expect(legendHeight(names, PRINT)).toBeGreaterThanOrEqual(24 * 8);
    const twelve = progressionOption(
      { ...progression, indicators: Array.from({ length: 12 }, (_, i) => indicator(`k${i}`, `Indicator ${i}`)) },
      Array.from({ length: 12 }, (_, i) => `k${i}`),
      labels,
      PRINT,
    );
    expect((twelve.grid as { bottom: number }).bottom).toBeGreaterThan(150);
  });
});
