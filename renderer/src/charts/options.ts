import type { LineSeriesOption, RadarSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  RadarComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Progression } from '../../../common/contract';

export type ChartOption = ComposeOption<
  | LineSeriesOption
  | RadarSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | RadarComponentOption
  | TooltipComponentOption
>;

/** Translated texts and formatting the options need; the builders stay free of i18n and the DOM. */
export interface ChartLabels {
  caseworker: string;
  client: string;
  milestones: string;
  goals: string;
  /** A calendar date (`YYYY-MM-DD`) as the user reads it. */
  date(value: string): string;
  goal(level: string, targetDate: string | null): string;
  snapshot(which: 'first' | 'previous' | 'latest', date: string): string;
}

/** Colours and type of a chart: the app's light screen, or a projector in a meeting room. */
export interface ChartTheme {
  text: string;
  axis: string;
  grid: string;
  fontSize: number;
  /** A legend too long for one line pages on screen, wraps on paper and slides. */
  legend: 'scroll' | 'plain';
  /** About how wide the chart is drawn (CSS pixels): room for a wrapping legend. */
  width: number;
  /** Told apart with colour-blindness too; lines differ in dash and symbol as well. */
  palette: readonly string[];
}

/** Okabe–Ito colours on white. */
export const LIGHT: ChartTheme = {
  text: '#1d2326',
  axis: '#596268',
  grid: '#e3e6e8',
  fontSize: 12,
  legend: 'scroll',
  width: 900,
  palette: ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#8C6D1F'],
};
/** On paper: as on screen, with the whole legend. */
export const PRINT: ChartTheme = { ...LIGHT, legend: 'plain', width: 680 };
/** Okabe–Ito's light tones on black, large type: reads on a weak projector. */
export const PROJECTOR: ChartTheme = {
  text: '#ffffff',
  axis: '#d9d9d9',
  grid: '#4d4d4d',
  fontSize: 20,
  legend: 'plain',
  width: 1100,
  palette: ['#56B4E9', '#E69F00', '#2FD3A0', '#F0E442', '#F7A8D8', '#FF8A4C', '#ffffff', '#C9B27C'],
};
const SYMBOL = { caseworker: 'circle', client: 'triangle' } as const;
const RADAR_SYMBOL = { first: 'rect', previous: 'diamond', latest: 'circle' } as const;

type Indicator = Progression['indicators'][number];

function colour(theme: ChartTheme, n: number): string {
  return theme.palette[n % theme.palette.length] ?? theme.text;
}

function colourOf(theme: ChartTheme, progression: Progression, key: string): string {
  return colour(
    theme,
    Math.max(
      0,
      progression.indicators.findIndex((i) => i.key === key),
    ),
  );
}

/** Height of the legend under the chart: one line that pages, or as many lines as the names wrap to. */
export function legendHeight(names: readonly string[], theme: ChartTheme): number {
  const line = theme.fontSize + 12;
  if (theme.legend === 'scroll') return line;
  // Symbol, gaps and text at about 0.6 em per character: an estimate, generous rather than tight.
  let lines = 1;
  let used = 0;
  for (const name of names) {
    const width = 45 + name.length * theme.fontSize * 0.6;
    if (used > 0 && used + width > theme.width) {
      lines += 1;
      used = 0;
    }
    used += width;
  }
  return lines * line;
}

/** Type, axes and legend in the theme's colours. */
function base(theme: ChartTheme) {
  const axis = {
    axisLine: { lineStyle: { color: theme.axis } },
    axisTick: { lineStyle: { color: theme.axis } },
    splitLine: { lineStyle: { color: theme.grid } },
  };
  return {
    animation: false,
    aria: { enabled: false },
    textStyle: { color: theme.text, fontSize: theme.fontSize },
    legendText: { color: theme.text, fontSize: theme.fontSize },
    axis,
  };
}

/** "3 Kwetsbaar", or the bare value when the level has no label. */
export function levelName(indicator: Indicator | undefined, value: number): string {
  const label = indicator?.levels.find((l) => l.value === value)?.label;
  return label ? `${value} ${label}` : String(value);
}

/** The line's name in legend and table: indicator and who scored. */
export function seriesName(indicator: Indicator, by: 'caseworker' | 'client', labels: ChartLabels): string {
  return `${indicator.name} · ${by === 'caseworker' ? labels.caseworker : labels.client}`;
}

/** A local date of the time axis (milliseconds) as `YYYY-MM-DD`. */
function isoDate(time: number): string {
  const d = new Date(time);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The progression line chart: per selected indicator a solid caseworker line with a
 * dotted goal line, a dashed self-score line with other symbols, milestones as
 * vertical lines; a step chart for a ladder.
 */
export function progressionOption(
  progression: Progression,
  selected: readonly string[],
  labels: ChartLabels,
  theme: ChartTheme = LIGHT,
): ChartOption {
  const shown = progression.indicators.filter((i) => selected.includes(i.key));
  const single = shown.length === 1 ? shown[0] : undefined;
  const series: LineSeriesOption[] = [];
  const legend: string[] = [];

  for (const indicator of shown) {
    const color = colourOf(theme, progression, indicator.key);
    for (const by of ['caseworker', 'client'] as const) {
      const line = progression.series.find((s) => s.key === indicator.key && s.by === by);
      const goals = by === 'caseworker' ? progression.goals.filter((g) => g.key === indicator.key) : [];
      // The caseworker line always exists: it carries the goal even before a first score.
      if (!line && by === 'client') continue;
      const name = seriesName(indicator, by, labels);
      legend.push(name);
      series.push({
        type: 'line',
        name,
        color,
        data: (line?.points ?? []).map((p) => [p.date, p.value]),
        step: progression.ladder ? 'end' : false,
        symbol: SYMBOL[by],
        symbolSize: (by === 'client' ? 11 : 8) * (theme.fontSize / LIGHT.fontSize) ** 0.5,
        lineStyle: { width: theme === LIGHT ? 2 : 4, type: by === 'client' ? 'dashed' : 'solid' },
        ...(goals.length > 0 && {
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color, type: 'dotted', width: 2 },
            label: { position: 'insideStartTop', color, fontSize: theme.fontSize },
            data: goals.map((g) => ({
              yAxis: g.target,
              name: labels.goal(levelName(indicator, g.target), g.targetDate ? labels.date(g.targetDate) : null),
              label: { formatter: '{b}' },
            })),
          },
        }),
      });
    }
  }

  if (progression.milestones.length > 0) {
    series.push({
      type: 'line',
      name: labels.milestones,
      data: [],
      markLine: {
        symbol: 'none',
        silent: true,
        lineStyle: { color: theme.axis, type: 'solid', width: 1 },
        label: { position: 'insideEndTop', color: theme.text, fontSize: theme.fontSize, formatter: '{b}' },
        data: progression.milestones.map((m) => ({ xAxis: m.date, name: m.title })),
      },
    });
  }

  const min = Math.min(...shown.map((i) => i.scaleMin));
  const max = Math.max(...shown.map((i) => i.scaleMax));
  const { legendText, axis, ...common } = base(theme);
  const scale = theme.fontSize / LIGHT.fontSize;
  return {
    ...common,
    legend: { data: legend, bottom: 0, type: theme.legend, textStyle: legendText, pageTextStyle: legendText },
    grid: {
      left: (single ? 190 : 40) * scale,
      right: 24 * scale,
      top: 32 * scale,
      bottom: 40 * scale + legendHeight(legend, theme),
    },
    tooltip: { trigger: 'item' },
    xAxis: {
      type: 'time',
      ...axis,
      axisLabel: {
        color: theme.text,
        fontSize: theme.fontSize,
        formatter: (value: number) => labels.date(isoDate(value)),
        hideOverlap: true,
      },
    },
    yAxis: {
      type: 'value',
      ...axis,
      ...(shown.length > 0 && { min, max }),
      interval: 1,
      axisLabel: {
        color: theme.text,
        fontSize: theme.fontSize,
        formatter: (value: number) => (single ? levelName(single, value) : String(value)),
        width: 180 * scale,
        overflow: 'truncate',
      },
    },
    series,
  };
}

/** The radar: first, previous and latest caseworker scoring and the goals, on each indicator's own scale. */
export function radarOption(
  progression: Progression,
  selected: readonly string[],
  labels: ChartLabels,
  theme: ChartTheme = LIGHT,
): ChartOption {
  const shown = progression.indicators.filter((i) => selected.includes(i.key));
  const data: Array<Extract<NonNullable<RadarSeriesOption['data']>[number], { name?: unknown }> & { name: string }> =
    [];
  (['first', 'previous', 'latest'] as const).forEach((which, n) => {
    const snapshot = progression.radar[which];
    if (!snapshot) return;
    const color = colour(theme, n);
    data.push({
      name: labels.snapshot(which, labels.date(snapshot.date)),
      value: shown.map((i) => snapshot.values[i.key] ?? '-'),
      symbol: RADAR_SYMBOL[which],
      symbolSize: 8,
      itemStyle: { color },
      lineStyle: { color, width: which === 'latest' ? 3 : 2 },
    });
  });
  // A missing value would be drawn at the centre, as if the goal were the lowest level:
  // the goal shape only when every shown indicator has a goal; the axis names carry them anyway.
  const goalOf = (key: string) => progression.goals.find((g) => g.key === key)?.target;
  const targets = shown.map((i) => goalOf(i.key));
  if (shown.length > 0 && targets.every((target) => target !== undefined)) {
    data.push({
      name: labels.goals,
      value: targets,
      symbol: 'pin',
      symbolSize: 12,
      itemStyle: { color: colour(theme, 3) },
      lineStyle: { color: colour(theme, 3), type: 'dashed', width: 2 },
    });
  }
  const { legendText, axis, ...common } = base(theme);
  return {
    ...common,
    legend: { bottom: 0, data: data.map((d) => d.name), textStyle: legendText },
    tooltip: { trigger: 'item' },
    radar: {
      axisLine: axis.axisLine,
      splitLine: axis.splitLine,
      indicator: shown.map((i) => {
        const target = goalOf(i.key);
        return {
          name: target === undefined ? i.name : `${i.name} (${labels.goal(String(target), null)})`,
          min: i.scaleMin,
          max: i.scaleMax,
        };
      }),
      radius: '70%',
      axisName: { color: theme.text, fontSize: theme.fontSize + 1 },
      splitNumber: Math.max(1, Math.min(...shown.map((i) => i.scaleMax - i.scaleMin))),
    },
    series: [{ type: 'radar', data }],
  };
}

export interface TableRow {
  date: string;
  by: 'caseworker' | 'client';
  /** Per shown indicator key; null: not scored that day. */
  values: Record<string, number | null>;
}

/** The chart as a table: one row per date and who scored, oldest first. */
export function tableRows(progression: Progression, selected: readonly string[]): TableRow[] {
  const rows = new Map<string, TableRow>();
  for (const line of progression.series) {
    if (!selected.includes(line.key)) continue;
    for (const point of line.points) {
      const id = `${point.date}|${line.by}`;
      let row = rows.get(id);
      if (!row)
        rows.set(
          id,
          (row = { date: point.date, by: line.by, values: Object.fromEntries(selected.map((k) => [k, null])) }),
        );
      row.values[line.key] = point.value;
    }
  }
  return [...rows.values()].sort((a, b) => a.date.localeCompare(b.date) || a.by.localeCompare(b.by));
}
