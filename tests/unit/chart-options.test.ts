import { describe, expect, it } from 'vitest';
import type { Progression } from '../../common/contract';
import {
  type ChartBox,
  type ChartLabels,
  chartHeight,
  fillLayout,
  LIGHT,
  type Layout,
  levelName,
  PRINT,
  PROJECTOR,
  progressionOption,
  radarOption,
  type Rect,
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
const point = (
  date: string,
  value: number | null,
  scoredBy: 'caseworker' | 'client' | 'provider' = 'caseworker',
  organisation: string | null = null,
) => ({
  date,
  value,
  versionNumber: 1,
  scoredBy,
  organisation,
});

const progression: Progression = {
  indicators: [indicator('fin', 'Financiën'), indicator('won', 'Wonen'), indicator('dag', 'Dagbesteding')],
  series: [
    { key: 'fin', by: 'caseworker', points: [point('2026-01-10', 2), point('2026-03-10', 3), point('2026-05-10', 4)] },
    { key: 'fin', by: 'client', points: [point('2026-03-11', 5, 'client')] },
    { key: 'won', by: 'caseworker', points: [point('2026-01-10', 1), point('2026-03-10', 2), point('2026-05-10', 2)] },
    // Not scored on 10 March: a gap.
    {
      key: 'dag',
      by: 'caseworker',
      points: [point('2026-01-10', 3), point('2026-03-10', null), point('2026-05-10', 3)],
    },
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
  provider: 'externe aanbieder',
  milestones: 'Mijlpalen',
  goals: 'Doelen',
  date: (value) => `d:${value}`,
  axisDate: (value) => `a:${value}`,
  goal: (level, date) => (date ? `Doel ${level} vóór ${date}` : `Doel ${level}`),
  snapshot: (which, date) => `${which} ${date}`,
};

const screen: ChartBox = { width: 900, height: 0, fontSize: 16 };
const ALL = ['fin', 'won', 'dag'];
const day = (date: string) => new Date(`${date}T00:00:00`).getTime();

type Option = ReturnType<typeof progressionOption>;
type Line = {
  type?: string;
  name?: string;
  xAxisIndex?: number;
  step?: unknown;
  symbol?: unknown;
  connectNulls?: boolean;
  lineStyle?: { type?: unknown; width?: number };
  color?: unknown;
  data?: unknown;
  markLine?: { data?: unknown; label?: { show?: boolean } };
  markArea?: { data?: unknown };
};
type TimeAxis = {
  min: number;
  max: number;
  axisTick: { customValues: number[] };
  axisLabel: { show: boolean; customValues: number[]; formatter(v: number): string };
};
type ValueAxis = { min: number; max: number; axisLabel: { customValues: number[]; formatter(v: number): string } };
const lines = (option: Option) => option.series as Line[];
const of = (option: Option, panel: number, name: string) =>
  lines(option).find((s) => s.xAxisIndex === panel && s.name === name);
const xAxes = (option: Option) => option.xAxis as TimeAxis[];
const yAxes = (option: Option) => option.yAxis as ValueAxis[];
const titles = (option: Option) => (option.title as Array<{ text: string }>).map((t) => t.text);

describe('progressionOption: small multiples', () => {
  const option = progressionOption(progression, ALL, labels, LIGHT, screen);

  it('one small chart per indicator, each with its name, without animation', () => {
    expect(option.animation).toBe(false);
    expect(option.grid).toHaveLength(3);
    expect(titles(option)).toEqual(['Financiën', 'Wonen', 'Doel 4 vóór d:2026-12-31', 'Dagbesteding']);
    expect(lines(option).map((s) => `${s.xAxisIndex} ${s.name}`)).toEqual([
      '0 klantmanager',
      '0 zelfscore',
      '0 Mijlpalen',
      '1 klantmanager',
      '1 Doelen',
      '1 Mijlpalen',
      '2 klantmanager',
      '2 Mijlpalen',
    ]);
  });

  it('a shared time axis with ticks and labels at the scoring dates, dates only under the lowest charts', () => {
    const dates = ['2026-01-10', '2026-03-10', '2026-03-11', '2026-05-10'].map(day);
    for (const axis of xAxes(option)) {
      expect(axis.axisTick.customValues).toEqual(dates);
      expect(axis.axisLabel.customValues).toEqual(dates);
      expect([axis.min, axis.max]).toEqual([xAxes(option)[0]!.min, xAxes(option)[0]!.max]);
      expect(axis.min).toBeLessThan(dates[0]!);
      expect(axis.max).toBeGreaterThan(dates.at(-1)!);
    }
    expect(xAxes(option)[0]!.axisLabel.formatter(day('2026-03-10'))).toBe('a:2026-03-10');
    // Two columns across 900 pixels: dates under Wonen and Dagbesteding; three across 1200.
    expect(xAxes(option).map((a) => a.axisLabel.show)).toEqual([false, true, true]);
    const wide = progressionOption(progression, ALL, labels, LIGHT, { ...screen, width: 1200 });
    expect(xAxes(wide).map((a) => a.axisLabel.show)).toEqual([true, true, true]);
    const tall = progressionOption(progression, ALL, labels, LIGHT, { ...screen, width: 400 });
    expect(xAxes(tall).map((a) => a.axisLabel.show)).toEqual([false, false, true]);
  });

  it('a chart scored on one day has one tick and one label, with room either side', () => {
    const once: Progression = {
      ...progression,
      series: [{ key: 'fin', by: 'caseworker', points: [point('2026-05-10', 2)] }],
      milestones: [],
    };
    const axis = xAxes(progressionOption(once, ['fin'], labels, LIGHT, screen))[0]!;
    expect(axis.axisTick.customValues).toEqual([day('2026-05-10')]);
    expect(axis.axisLabel.customValues).toEqual([day('2026-05-10')]);
    expect(axis.min).toBeLessThan(day('2026-05-10'));
    expect(axis.max).toBeGreaterThan(day('2026-05-10'));
  });

  it('"not scored" leaves a gap: a null point, never bridged', () => {
    const line = of(option, 2, 'klantmanager');
    expect(line?.data).toEqual([
      [day('2026-01-10'), 3],
      [day('2026-03-10'), null],
      [day('2026-05-10'), 3],
    ]);
    expect(line?.connectNulls).toBe(false);
  });

  it('self-scores differ from the caseworker in colour, symbol and dash', () => {
    const worker = of(option, 0, 'klantmanager');
    const self = of(option, 0, 'zelfscore');
    expect(worker?.lineStyle?.type).toBe('solid');
    expect(self?.lineStyle?.type).toBe('dashed');
    expect(self?.color).not.toBe(worker?.color);
    expect(self?.symbol).not.toBe(worker?.symbol);
  });

  it('an external provider has a line of its own, told apart from both by colour, symbol and dash, and is in the legend', () => {
    const withProvider: Progression = {
      ...progression,
      series: [
        ...progression.series,
        { key: 'fin', by: 'provider', points: [point('2026-03-12', 2, 'provider', 'Werkbrug')] },
      ],
    };
    const o = progressionOption(withProvider, ALL, labels, LIGHT, screen);
    const lines = ['klantmanager', 'zelfscore', 'externe aanbieder'].map((name) => of(o, 0, name));
    expect(lines.every((l) => l !== undefined)).toBe(true);
    expect(new Set(lines.map((l) => l?.color)).size).toBe(3);
    expect(new Set(lines.map((l) => l?.symbol)).size).toBe(3);
    expect(new Set(lines.map((l) => l?.lineStyle?.type)).size).toBe(3);
    expect(of(o, 0, 'externe aanbieder')?.data).toEqual([[day('2026-03-12'), 2]]);
    // Never averaged into another line: the caseworker's keeps her own points.
    expect(of(o, 0, 'klantmanager')?.data).toHaveLength(3);
    const names = (o.legend as { data: Array<{ name: string }> }).data.map((d) => d.name);
    expect(names).toEqual(['klantmanager', 'zelfscore', 'externe aanbieder', 'Doelen', 'Mijlpalen']);
  });

  it('a goal is a band from the target level to the top of the scale; a milestone a vertical line', () => {
    expect(of(option, 1, 'Doelen')?.markArea?.data).toEqual([[{ yAxis: 3.5 }, { yAxis: 5.5 }]]);
    expect(of(option, 0, 'Doelen')).toBeUndefined();
    expect(of(option, 0, 'Mijlpalen')?.markLine?.data).toEqual([{ xAxis: day('2026-04-01'), name: 'Eigen woning' }]);
    // On small charts the title would cover the lines: the legend and tooltip name it.
    expect(of(option, 0, 'Mijlpalen')?.markLine?.label?.show).toBe(false);
  });

  it('a goal shows even before the indicator was scored', () => {
    const before = progressionOption({ ...progression, series: [] }, ['won'], labels, LIGHT, screen);
    expect(of(before, 0, 'Doelen')?.markArea?.data).toHaveLength(1);
  });

  it('the legend lists who scored, the goal and milestones, only when shown', () => {
    const names = (o: Option) => (o.legend as { data: Array<{ name: string }> }).data.map((d) => d.name);
    expect(names(option)).toEqual(['klantmanager', 'zelfscore', 'Doelen', 'Mijlpalen']);
    expect(names(progressionOption({ ...progression, milestones: [] }, ['dag'], labels, LIGHT, screen))).toEqual([
      'klantmanager',
    ]);
  });

  it('each level scale half a level beyond its ends; labels at the levels, names for a single wide chart', () => {
    expect(yAxes(option)[0]).toMatchObject({ min: 0.5, max: 5.5 });
    expect(yAxes(option)[0]!.axisLabel.customValues).toEqual([1, 2, 3, 4, 5]);
    expect(yAxes(option)[0]!.axisLabel.formatter(2)).toBe('2');
    const single = progressionOption(progression, ['won'], labels, LIGHT, screen);
    expect(yAxes(single)[0]!.axisLabel.formatter(2)).toBe('2 Kwetsbaar');
  });

  it('a low chart labels fewer levels, always the lowest and the highest', () => {
    const low = progressionOption(progression, ALL, labels, PROJECTOR, { width: 600, height: 250, fontSize: 20 });
    const shown = yAxes(low)[0]!.axisLabel.customValues;
    expect(shown.length).toBeLessThan(5);
    expect(shown[0]).toBe(1);
    expect(shown.at(-1)).toBe(5);
  });

  it('a ladder is a step chart', () => {
    expect(of(option, 0, 'klantmanager')?.step).toBe(false);
    const ladder = progressionOption({ ...progression, ladder: true }, ['fin'], labels, LIGHT, screen);
    expect(of(ladder, 0, 'klantmanager')?.step).toBe('end');
  });

  it('the projector: light on dark, the type of the slide, heavier lines, the same data', () => {
    const room = progressionOption(progression, ALL, labels, PROJECTOR, { width: 1100, height: 500, fontSize: 30 });
    expect(room.textStyle).toEqual({ color: '#ffffff', fontSize: 30 });
    expect(option.textStyle).toEqual({ color: LIGHT.text, fontSize: 14 });
    expect(lines(room).map((l) => l.data)).toEqual(lines(option).map((l) => l.data));
    expect(of(room, 0, 'klantmanager')?.lineStyle?.width).toBeGreaterThan(
      of(option, 0, 'klantmanager')?.lineStyle?.width ?? 0,
    );
  });
});

/** Every box a layout places: titles, plots with their level labels, dates under the lowest plots. */
function boxes(layout: Layout): Array<[string, Rect]> {
  return [
    ['legend', layout.legend],
    ...layout.panels.flatMap((p, n): Array<[string, Rect]> => [
      [`title ${n}`, p.title],
      [
        `plot ${n}`,
        {
          left: p.plot.left - layout.yAxisWidth,
          top: p.plot.top,
          width: p.plot.width + layout.yAxisWidth,
          height: p.plot.height + (p.lowest ? layout.xAxisHeight : 0),
        },
      ],
    ]),
  ];
}
const overlap = (a: Rect, b: Rect) =>
  Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left) > 0.5 &&
  Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top) > 0.5;

describe('layout', () => {
  // The chart's part of the slide at the five room sizes (about what the slide leaves it), 3% type.
  const rooms: ChartBox[] = [
    { width: 490, height: 600, fontSize: 18.6 },
    { width: 620, height: 540, fontSize: 17.5 },
    { width: 660, height: 580, fontSize: 18.6 },
    { width: 930, height: 820, fontSize: 26.2 },
    { width: 1860, height: 1640, fontSize: 52.5 },
  ];
  for (const room of rooms)
    it(`fills ${room.width}×${room.height}: 1 to 12 small charts, none overlapping, all inside, plots high enough for two labels`, () => {
      for (let count = 1; count <= 12; count++) {
        const layout = fillLayout(count, room, ['klantmanager', 'zelfscore', 'Doelen', 'Mijlpalen']);
        expect(layout.panels).toHaveLength(count);
        const placed = boxes(layout);
        for (const [name, box] of placed) {
          expect(box.left, `${count}: ${name}`).toBeGreaterThanOrEqual(0);
          expect(box.top, `${count}: ${name}`).toBeGreaterThanOrEqual(0);
          expect(box.left + box.width, `${count}: ${name}`).toBeLessThanOrEqual(room.width);
          expect(box.top + box.height, `${count}: ${name}`).toBeLessThanOrEqual(room.height);
        }
        placed.forEach(([a, boxA], i) => {
          for (const [b, boxB] of placed.slice(i + 1))
            expect(overlap(boxA, boxB), `${count}: ${a} and ${b}`).toBe(false);
        });
        for (const panel of layout.panels) expect(panel.plot.height).toBeGreaterThanOrEqual(room.fontSize * 2.2);
      }
    });

  it('on a page the height grows with the indicators; columns follow the width', () => {
    const many = {
      ...progression,
      indicators: Array.from({ length: 12 }, (_, i) => indicator(`k${i}`, `Indicator ${i}`)),
    };
    const keys = many.indicators.map((i) => i.key);
    const height = (n: number, width: number) => chartHeight(many, keys.slice(0, n), labels, LIGHT, width);
    expect(height(1, 900)).toBeGreaterThan(height(2, 900) - 100);
    expect(height(7, 900)).toBeGreaterThan(height(3, 900));
    expect(height(7, 500)).toBeGreaterThan(height(7, 1200));
    // On A4 two columns: twelve in six rows.
    expect(chartHeight(many, keys, labels, PRINT, 680)).toBeGreaterThan(
      chartHeight(many, keys.slice(0, 6), labels, PRINT, 680),
    );
  });
});

type Polar = { connectNulls?: boolean; name?: string; data: Array<[number | null, number]> };
const polar = (option: ReturnType<typeof radarOption>) => option.series as Polar[];

describe('radarOption', () => {
  it('first, previous and latest on spokes of their own scale; the lowest level a ring out from the centre', () => {
    const option = radarOption(progression, ['fin', 'won'], labels, LIGHT, screen);
    expect(option.animation).toBe(false);
    expect(polar(option).map((s) => s.name)).toEqual([
      'first d:2026-01-10',
      'previous d:2026-03-10',
      'latest d:2026-05-10',
      'Doelen',
    ]);
    // Round and back to the first spoke.
    expect(polar(option)[0]!.data).toEqual([
      [0.4, 0],
      [0.2, 1],
      [0.4, 2],
    ]);
    expect((option.angleAxis as { axisLabel: { formatter(v: number): string } }).axisLabel.formatter(1)).toBe('Wonen');
  });

  it('"not scored" is a gap in the line, not a point at the centre', () => {
    const previous = polar(radarOption(progression, ALL, labels, LIGHT, screen))[1]!;
    expect(previous.data[2]).toEqual([null, 2]);
    expect(previous.connectNulls).toBe(false);
    expect(previous.data.every(([r]) => r === null || r > 0)).toBe(true);
  });

  it('goals where there are goals, gaps elsewhere', () => {
    const goals = polar(radarOption(progression, ALL, labels, LIGHT, screen)).at(-1)!;
    expect(goals.name).toBe('Doelen');
    expect(goals.data.map(([r]) => r)).toEqual([null, 0.8, null, null]);
    expect(
      polar(radarOption({ ...progression, goals: [] }, ALL, labels, LIGHT, screen)).map((s) => s.name),
    ).not.toContain('Doelen');
  });
});

describe('tableRows and levelName', () => {
  it('one row per date and who scored, oldest first, only the chosen indicators; not scored is null', () => {
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
