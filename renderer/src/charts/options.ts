import type { LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkAreaComponentOption,
  MarkLineComponentOption,
  PolarComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Progression } from '../../../common/contract';
import { CHART_RATERS, type ChartRater } from '../../../common/enums';

export type ChartOption = ComposeOption<
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkAreaComponentOption
  | MarkLineComponentOption
  | PolarComponentOption
  | TitleComponentOption
  | TooltipComponentOption
>;

/** Translated texts and formatting the options need; the builders stay free of i18n and the DOM. */
export interface ChartLabels {
  caseworker: string;
  client: string;
  provider: string;
  milestones: string;
  goals: string;
  /** A calendar date (`YYYY-MM-DD`) as the user reads it. */
  date(value: string): string;
  /** The same, short and on two lines, for under a time axis. */
  axisDate(value: string): string;
  goal(level: string, targetDate: string | null): string;
  snapshot(which: 'first' | 'previous' | 'latest', date: string): string;
}

/** Colours and type of a chart: the app's light screen, paper, or a projector in a meeting room. */
export interface ChartTheme {
  text: string;
  axis: string;
  grid: string;
  /** CSS pixels; null: the chart box's own font size (the slide's type grows with the screen). */
  fontSize: number | null;
  /** Caseworker, self-score and provider differ in colour, and in symbol and dash as well. */
  caseworker: string;
  client: string;
  provider: string;
  /** The goal band: its edge and its fill. */
  goal: string;
  goalFill: string;
  /** In ems: lines as heavy as the type. */
  lineWidth: number;
  /** When the height follows the width (client page, report): a small chart's plot, in ems. */
  plotWidth: number;
  plotHeight: number;
  /** First, previous and latest scoring on the radar. */
  palette: readonly [string, string, string];
}

/** Okabe–Ito colours on white: told apart with colour-blindness too. */
export const LIGHT: ChartTheme = {
  text: '#1d2326',
  axis: '#596268',
  grid: '#e3e6e8',
  fontSize: 14,
  caseworker: '#0072B2',
  client: '#D55E00',
  provider: '#CC79A7',
  goal: '#007A5A',
  goalFill: 'rgba(0, 158, 115, 0.13)',
  lineWidth: 0.15,
  plotWidth: 24,
  plotHeight: 8,
  palette: ['#E69F00', '#56B4E9', '#0072B2'],
};
/** On paper: as on screen in smaller type (9 pt), two columns on A4. */
export const PRINT: ChartTheme = { ...LIGHT, fontSize: 12, plotWidth: 19, plotHeight: 5.5 };
/** Okabe–Ito's light tones on black, type as large as the slide's: reads on a weak projector. */
export const PROJECTOR: ChartTheme = {
  text: '#ffffff',
  axis: '#d9d9d9',
  grid: '#4d4d4d',
  fontSize: null,
  caseworker: '#56B4E9',
  client: '#E69F00',
  provider: '#F7A8D8',
  goal: '#2FD3A0',
  goalFill: 'rgba(47, 211, 160, 0.24)',
  lineWidth: 0.18,
  plotWidth: 16,
  plotHeight: 4,
  palette: ['#F0E442', '#F7A8D8', '#56B4E9'],
};

/** The chart's box on screen (CSS pixels) and its font size, for themes that take the page's. */
export interface ChartBox {
  width: number;
  height: number;
  fontSize: number;
}

/** Each rater's line: told apart by symbol and dash, not by colour alone. */
const RATER_LINE = {
  caseworker: { symbol: 'circle', legendIcon: 'circle', size: 0.7, dash: 'solid', z: 3 },
  client: { symbol: 'emptyTriangle', legendIcon: 'triangle', size: 0.95, dash: 'dashed', z: 2 },
  provider: { symbol: 'diamond', legendIcon: 'diamond', size: 0.85, dash: 'dotted', z: 2 },
} as const;
const RADAR_SYMBOL = { first: 'rect', previous: 'diamond', latest: 'circle' } as const;
const DAY = 86_400_000;

type Indicator = Progression['indicators'][number];

/** "3 Kwetsbaar", or the bare value when the level has no label. */
export function levelName(indicator: Indicator | undefined, value: number): string {
  const label = indicator?.levels.find((l) => l.value === value)?.label;
  return label ? `${value} ${label}` : String(value);
}

/** A calendar date as local midnight on the time axis. */
function dayTime(date: string): number {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(y, m - 1, d).getTime();
}

/** A local date of the time axis (milliseconds) as `YYYY-MM-DD`. */
function isoDate(time: number): string {
  const d = new Date(time);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Where everything goes: the legend on top, then per indicator its title and its plot. */
export interface Layout {
  fontSize: number;
  columns: number;
  rows: number;
  legend: Rect;
  /** Room left of a plot for the level labels. */
  yAxisWidth: number;
  /** Room under the lowest plot of a column for the dates. */
  xAxisHeight: number;
  panels: Array<{ title: Rect; plot: Rect; column: number; row: number; lowest: boolean }>;
}

/** Spacing in proportion to the type. */
function metrics(fontSize: number) {
  const em = (n: number) => Math.round(fontSize * n);
  return {
    legendRow: em(1.6),
    legendGap: em(0.6),
    title: em(1.7),
    xAxis: em(2.9),
    gapX: em(2),
    gapY: em(0.9),
    // The last date label is centred on its tick: half of it may reach past the plot.
    right: em(1),
    numbers: em(2),
  };
}

/** Level names beside a plot only when one indicator has the whole width. */
function yAxisWidth(count: number, width: number, fontSize: number): number {
  return count === 1 && width > fontSize * 40
    ? Math.round(Math.min(fontSize * 14, width * 0.3))
    : metrics(fontSize).numbers;
}

/** How high the legend is when its entries wrap at `width` (about 0.6 em a character, generous). */
function legendHeight(names: readonly string[], width: number, fontSize: number): number {
  const m = metrics(fontSize);
  let rows = 1;
  let used = 0;
  for (const name of names) {
    const item = fontSize * 1.6 + 5 + name.length * fontSize * 0.9 * 0.6 + fontSize * 1.2;
    if (used > 0 && used + item > width) {
      rows += 1;
      used = 0;
    }
    used += item;
  }
  return rows * m.legendRow + m.legendGap;
}

function place(
  count: number,
  columns: number,
  width: number,
  plotHeight: number,
  fontSize: number,
  legend: number,
): Layout {
  const m = metrics(fontSize);
  const rows = Math.max(1, Math.ceil(count / columns));
  const yAxis = yAxisWidth(count, width, fontSize);
  const cellWidth = (width - m.right - (columns - 1) * m.gapX) / columns;
  const panels = Array.from({ length: count }, (_, n) => {
    // In reading order, row by row, as the sheet lists them.
    const column = n % columns;
    const row = Math.floor(n / columns);
    const left = column * (cellWidth + m.gapX);
    const top = legend + row * (m.title + plotHeight + m.gapY);
    return {
      column,
      row,
      // Nothing under it: its dates go below it.
      lowest: n + columns >= count,
      title: { left, top, width: cellWidth, height: m.title },
      plot: { left: left + yAxis, top: top + m.title, width: cellWidth - yAxis, height: plotHeight },
    };
  });
  return {
    fontSize,
    columns,
    rows,
    legend: { left: 0, top: 0, width, height: legend },
    yAxisWidth: yAxis,
    xAxisHeight: m.xAxis,
    panels,
  };
}

/** Columns for `count` small charts in a box of fixed size (the slide): the roomiest plots win. */
export function fillLayout(count: number, box: ChartBox, legend: readonly string[]): Layout {
  const fontSize = box.fontSize;
  const m = metrics(fontSize);
  const top = legendHeight(legend, box.width, fontSize);
  let best = { columns: 1, score: -Infinity, plotHeight: 0 };
  for (let columns = 1; columns <= Math.max(1, Math.min(count, 4)); columns++) {
    const rows = Math.ceil(count / columns);
    const plotWidth = (box.width - m.right - (columns - 1) * m.gapX) / columns - yAxisWidth(count, box.width, fontSize);
    const plotHeight = (box.height - top - m.xAxis - (rows - 1) * m.gapY) / rows - m.title;
    // Wide plots read best (time runs sideways), but not so flat that the levels crowd.
    const score = Math.min(plotWidth / (fontSize * 10), plotHeight / (fontSize * 5));
    if (score > best.score) best = { columns, score, plotHeight };
  }
  return place(count, best.columns, box.width, Math.max(0, Math.floor(best.plotHeight)), fontSize, top);
}

/** Columns for `count` small charts across `width` at the theme's plot size; the height follows. */
export function flowLayout(
  count: number,
  width: number,
  theme: ChartTheme,
  fontSize: number,
  legend: readonly string[],
): Layout {
  const m = metrics(fontSize);
  const cell = theme.plotWidth * fontSize + m.numbers + m.gapX;
  const columns = Math.max(1, Math.min(count, 3, Math.floor((width - m.right + m.gapX) / cell)));
  // One indicator (a ladder) gets a taller plot: it is the whole chart.
  const plotHeight = Math.round(fontSize * (count === 1 ? theme.plotHeight * 2.5 : theme.plotHeight));
  return place(count, columns, width, plotHeight, fontSize, legendHeight(legend, width, fontSize));
}

/** The whole height of a layout: legend, rows of titled plots, the dates under the lowest. */
export function layoutHeight(layout: Layout): number {
  const lowest = Math.max(0, ...layout.panels.map((p) => p.plot.top + p.plot.height));
  return Math.ceil((lowest || layout.legend.height) + layout.xAxisHeight);
}

/** The legend's entries: who scored, the goal band and milestones, each only when the chart has them. */
function legendNames(progression: Progression, selected: readonly string[], labels: ChartLabels) {
  // The caseworker's line is always named: it is the chart's subject, scored or not yet.
  const raters = CHART_RATERS.filter(
    (by) => by === 'caseworker' || progression.series.some((s) => s.by === by && selected.includes(s.key)),
  );
  const goal = progression.goals.some((g) => selected.includes(g.key));
  const milestones = progression.milestones.length > 0;
  const names = [
    ...raters.map((by) => labels[by]),
    ...(goal ? [labels.goals] : []),
    ...(milestones ? [labels.milestones] : []),
  ];
  return { raters, goal, milestones, names };
}

/** The layout for the theme: a slide fills its box; the client page and the report grow with the indicators. */
export function chartLayout(
  progression: Progression,
  selected: readonly string[],
  labels: ChartLabels,
  theme: ChartTheme,
  box: ChartBox,
): Layout {
  const count = progression.indicators.filter((i) => selected.includes(i.key)).length;
  const legend = legendNames(progression, selected, labels).names;
  if (theme.fontSize === null) return fillLayout(count, box, legend);
  const flow = flowLayout(count, box.width, theme, theme.fontSize, legend);
  // A box kept lower than the flow wants (the report's page): the plots share what there is.
  return box.height > 0 && layoutHeight(flow) > box.height + 1
    ? fillLayout(count, { ...box, fontSize: theme.fontSize }, legend)
    : flow;
}

/** The chart's height at `width` when it grows with its indicators (client page, report). */
export function chartHeight(
  progression: Progression,
  selected: readonly string[],
  labels: ChartLabels,
  theme: ChartTheme,
  width: number,
): number {
  const fontSize = theme.fontSize ?? 12;
  return layoutHeight(chartLayout(progression, selected, labels, theme, { width, height: 0, fontSize }));
}

/** The dates the shown lines were scored on, and the span of the time axis around them and the milestones. */
function timeAxis(progression: Progression, shown: readonly Indicator[]) {
  const keys = new Set(shown.map((i) => i.key));
  const dates = [
    ...new Set(progression.series.filter((s) => keys.has(s.key)).flatMap((s) => s.points.map((p) => p.date))),
  ].sort();
  const times = [...dates, ...progression.milestones.map((m) => m.date)].map(dayTime);
  const first = times.length > 0 ? Math.min(...times) : Date.now();
  const last = times.length > 0 ? Math.max(...times) : first;
  // Room for the symbols at both ends; a single day gets a week either side.
  const pad = last === first ? 7 * DAY : Math.max((last - first) * 0.04, DAY);
  return { ticks: dates.map(dayTime), min: first - pad, max: last + pad };
}

/**
 * The levels that get a label: all of them when the plot is high enough, else every
 * n-th from the bottom with n dividing the scale, so the top level is always labelled.
 */
function levelTicks(indicator: Indicator, plotHeight: number, fontSize: number): number[] {
  const span = indicator.scaleMax - indicator.scaleMin;
  const needed = Math.ceil((fontSize * 1.15) / (plotHeight / (span + 1)));
  let step = Math.max(1, needed);
  while (span > 0 && span % step !== 0) step++;
  const values: number[] = [];
  for (let v = indicator.scaleMin; v <= indicator.scaleMax; v += Math.max(1, step)) values.push(v);
  return values;
}

/**
 * The progression as small multiples: one small chart per indicator on a shared time
 * axis with ticks at the scoring dates. Caseworker scores a solid line with dots,
 * self-scores a dashed line with open triangles, in another colour; "not scored" leaves
 * a gap; the goal a band from the target level up; milestones vertical lines; a ladder
 * steps. `box` is the size it is drawn at: the layout is worked out in pixels.
 */
export function progressionOption(
  progression: Progression,
  selected: readonly string[],
  labels: ChartLabels,
  theme: ChartTheme,
  box: ChartBox,
): ChartOption {
  const layout = chartLayout(progression, selected, labels, theme, box);
  const shown = progression.indicators.filter((i) => selected.includes(i.key));
  const fontSize = layout.fontSize;
  const small = Math.round(fontSize * 0.9);
  const stroke = Math.max(1.5, Math.round(theme.lineWidth * fontSize * 2) / 2);
  const axis = timeAxis(progression, shown);
  const single = shown.length === 1 && layout.yAxisWidth > metrics(fontSize).numbers ? shown[0] : undefined;
  const has = legendNames(progression, selected, labels);
  const series: LineSeriesOption[] = [];
  // For the tooltip: which indicator a series belongs to.
  const indicatorOf: Indicator[] = [];

  const titles: TitleComponentOption[] = [];
  const grids: GridComponentOption[] = [];
  const xAxes: unknown[] = [];
  const yAxes: unknown[] = [];

  shown.forEach((indicator, n) => {
    const panel = layout.panels[n];
    if (!panel) return;
    const goal = progression.goals.find((g) => g.key === indicator.key);
    // The goal with its date when the title has room for it, else the level alone.
    const goalText = !goal
      ? ''
      : ([
          labels.goal(String(goal.target), goal.targetDate ? labels.date(goal.targetDate) : null),
          labels.goal(String(goal.target), null),
        ].find(
          (text) => (indicator.name.length * fontSize + text.length * small) * 0.6 + fontSize < panel.title.width,
        ) ?? labels.goal(String(goal.target), null));
    // Name and goal as two plain texts: a name is the user's and must not be read as markup.
    // About 0.6 em a character: the goal gets what it needs up to half, the name the rest.
    const goalWidth = goal ? Math.min(panel.title.width / 2, goalText.length * small * 0.6) : 0;
    const nameWidth = panel.title.width - goalWidth - (goal ? fontSize : 0);
    titles.push({
      text: indicator.name,
      left: panel.title.left,
      top: panel.title.top,
      padding: 0,
      textStyle: { fontSize, fontWeight: 'bold', color: theme.text, width: nameWidth, overflow: 'truncate' },
    });
    if (goal)
      titles.push({
        text: goalText,
        left: panel.title.left + panel.title.width,
        top: panel.title.top + (fontSize - small),
        textAlign: 'right',
        padding: 0,
        textStyle: {
          fontSize: small,
          fontWeight: 'normal',
          color: theme.goal,
          width: goalWidth,
          overflow: 'truncate',
        },
      });
    grids.push({ ...panel.plot, outerBoundsMode: 'none' });
    xAxes.push({
      type: 'time',
      gridIndex: n,
      min: axis.min,
      max: axis.max,
      axisLine: { lineStyle: { color: theme.axis } },
      axisTick: { customValues: axis.ticks, lineStyle: { color: theme.axis } },
      splitLine: { show: true, lineStyle: { color: theme.grid } },
      axisLabel: {
        show: panel.lowest,
        customValues: axis.ticks,
        // The first and last scoring always (a time axis would drop them as "not nice"); between them what fits.
        showMinLabel: true,
        showMaxLabel: true,
        hideOverlap: true,
        color: theme.text,
        fontSize: small,
        formatter: (value: number) => labels.axisDate(isoDate(value)),
        lineHeight: Math.round(small * 1.15),
        ...(axis.ticks.length > 1 && { alignMinLabel: 'left', alignMaxLabel: 'right' }),
      },
    });
    const levels = levelTicks(indicator, panel.plot.height, small);
    yAxes.push({
      type: 'value',
      gridIndex: n,
      min: indicator.scaleMin - 0.5,
      max: indicator.scaleMax + 0.5,
      axisLine: { show: true, lineStyle: { color: theme.axis } },
      axisTick: { customValues: levels, lineStyle: { color: theme.axis } },
      splitLine: { show: true, lineStyle: { color: theme.grid } },
      axisLabel: {
        customValues: levels,
        color: theme.text,
        fontSize: small,
        formatter: (value: number) => (single ? levelName(single, value) : String(value)),
        width: layout.yAxisWidth - 8,
        overflow: 'truncate',
      },
    });

    for (const by of CHART_RATERS) {
      const line = progression.series.find((s) => s.key === indicator.key && s.by === by);
      if (!line) continue;
      const look = RATER_LINE[by];
      indicatorOf[series.length] = indicator;
      series.push({
        type: 'line',
        name: labels[by],
        xAxisIndex: n,
        yAxisIndex: n,
        color: theme[by],
        data: line.points.map((p) => [dayTime(p.date), p.value]),
        connectNulls: false,
        step: progression.ladder ? 'end' : false,
        symbol: look.symbol,
        symbolSize: Math.round(fontSize * look.size),
        lineStyle: { width: stroke, type: look.dash },
        z: look.z,
      });
    }
    if (goal) {
      series.push({
        type: 'line',
        name: labels.goals,
        xAxisIndex: n,
        yAxisIndex: n,
        data: [],
        markArea: {
          silent: true,
          itemStyle: { color: theme.goalFill, borderColor: theme.goal, borderWidth: 1.5, borderType: 'dashed' },
          label: { show: false },
          data: [[{ yAxis: goal.target - 0.5 }, { yAxis: indicator.scaleMax + 0.5 }]],
        },
      });
    }
    if (progression.milestones.length > 0) {
      series.push({
        type: 'line',
        name: labels.milestones,
        xAxisIndex: n,
        yAxisIndex: n,
        data: [],
        markLine: {
          symbol: 'none',
          lineStyle: { color: theme.axis, type: 'solid', width: Math.max(1, stroke / 2) },
          emphasis: { disabled: true },
          // Titles only on a high plot (a ladder), once: on small ones they would cover the lines.
          // The legend names the lines; the tooltip and the table give the titles.
          label: {
            show: panel.row === 0 && panel.plot.height >= fontSize * 12,
            position: 'insideEndTop',
            color: theme.text,
            fontSize: small,
            formatter: '{b}',
            width: Math.max(0, panel.plot.height - 4),
            overflow: 'truncate',
          },
          data: progression.milestones.map((m) => ({ xAxis: dayTime(m.date), name: m.title })),
        },
      });
    }
  });

  const legendItems: NonNullable<LegendComponentOption['data']> = [
    ...has.raters.map((by) => ({ name: labels[by], icon: RATER_LINE[by].legendIcon })),
    ...(has.goal
      ? [{ name: labels.goals, icon: 'rect', itemStyle: { color: theme.goalFill, borderColor: theme.goal } }]
      : []),
    ...(has.milestones
      ? [{ name: labels.milestones, icon: 'path://M0,0H2V10H0Z', itemStyle: { color: theme.axis } }]
      : []),
  ];

  return {
    animation: false,
    aria: { enabled: false },
    textStyle: { color: theme.text, fontSize },
    title: titles,
    legend: {
      data: legendItems,
      left: layout.legend.left,
      top: layout.legend.top,
      padding: 0,
      width: layout.legend.width,
      itemGap: fontSize * 1.2,
      itemWidth: fontSize * 1.6,
      itemHeight: fontSize * 0.9,
      textStyle: { color: theme.text, fontSize: small },
      // Only the chart's key: clicking it would hide lines the room expects to see.
      selectedMode: false,
    },
    tooltip: {
      trigger: 'item',
      // Drawn on the canvas: names come from the user and never become HTML.
      renderMode: 'richText',
      formatter: (params) => {
        const item = Array.isArray(params) ? params[0] : params;
        if (item?.componentType === 'markLine') {
          const time = (item.value as number | undefined) ?? 0;
          return `${item.name ?? ''}\n${labels.date(isoDate(time))}`;
        }
        const indicator = item ? indicatorOf[item.seriesIndex ?? -1] : undefined;
        const value = item?.value as [number, number | null] | undefined;
        if (!item || !indicator || !value || value[1] === null) return '';
        return `${indicator.name}\n${item.seriesName ?? ''}: ${levelName(indicator, value[1])}\n${labels.date(isoDate(value[0]))}`;
      },
    },
    grid: grids,
    xAxis: xAxes as ChartOption['xAxis'],
    yAxis: yAxes as ChartOption['yAxis'],
    series,
  };
}

/**
 * The radar: first, previous and latest caseworker scoring and the goals, each indicator
 * a spoke on its own scale (the lowest level a ring out from the centre, so the centre
 * means nothing). Drawn as lines on polar axes so that "not scored" leaves a gap, where
 * a radar polygon would pull it to the centre as if it were the lowest level.
 */
export function radarOption(
  progression: Progression,
  selected: readonly string[],
  labels: ChartLabels,
  theme: ChartTheme,
  box: ChartBox,
): ChartOption {
  const shown = progression.indicators.filter((i) => selected.includes(i.key));
  const fontSize = theme.fontSize ?? box.fontSize;
  const stroke = Math.max(1.5, Math.round(theme.lineWidth * fontSize * 2) / 2);
  const radius = (indicator: Indicator, value: number | null | undefined) =>
    value === null || value === undefined
      ? null
      : (value - indicator.scaleMin + 1) / (indicator.scaleMax - indicator.scaleMin + 1);
  // Round the circle and back to the first spoke: a closed shape when nothing is missing.
  const around = (values: Array<number | null>) =>
    [...values, values[0] ?? null].map((r, n) => [r, n] as [number | null, number]);
  const series: LineSeriesOption[] = [];
  const names: string[] = [];
  (['first', 'previous', 'latest'] as const).forEach((which, n) => {
    const snapshot = progression.radar[which];
    if (!snapshot) return;
    const name = labels.snapshot(which, labels.date(snapshot.date));
    names.push(name);
    series.push({
      type: 'line',
      coordinateSystem: 'polar',
      name,
      color: theme.palette[n],
      connectNulls: false,
      data: around(shown.map((i) => radius(i, snapshot.values[i.key]))),
      symbol: RADAR_SYMBOL[which],
      symbolSize: Math.round(fontSize * 0.7),
      lineStyle: { width: which === 'latest' ? stroke + 1 : stroke },
    });
  });
  const goals = shown.map((i) => radius(i, progression.goals.find((g) => g.key === i.key)?.target));
  if (goals.some((g) => g !== null)) {
    names.push(labels.goals);
    series.push({
      type: 'line',
      coordinateSystem: 'polar',
      name: labels.goals,
      color: theme.goal,
      connectNulls: false,
      data: around(goals),
      symbol: 'pin',
      symbolSize: Math.round(fontSize * 1.1),
      lineStyle: { width: stroke, type: 'dashed' },
    });
  }
  // Rings at the levels when every shown indicator has the same scale; fifths otherwise.
  const scales = new Set(shown.map((i) => i.scaleMax - i.scaleMin + 1));
  const rings = scales.size === 1 ? ([...scales][0] ?? 5) : 5;
  return {
    animation: false,
    aria: { enabled: false },
    textStyle: { color: theme.text, fontSize },
    legend: { bottom: 0, data: names, selectedMode: false, textStyle: { color: theme.text, fontSize } },
    tooltip: { trigger: 'item', renderMode: 'richText' },
    polar: { radius: '66%', center: ['50%', '46%'] },
    angleAxis: {
      type: 'value',
      min: 0,
      max: Math.max(1, shown.length),
      startAngle: 90,
      clockwise: true,
      axisLine: { lineStyle: { color: theme.axis } },
      axisTick: { customValues: shown.map((_, n) => n) },
      splitLine: { show: true, lineStyle: { color: theme.grid } },
      axisLabel: {
        customValues: shown.map((_, n) => n),
        color: theme.text,
        fontSize: fontSize + 1,
        formatter: (value: number) => shown[value]?.name ?? '',
      },
    },
    radiusAxis: {
      min: 0,
      max: 1,
      interval: 1 / rings,
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { show: false },
      splitLine: { show: true, lineStyle: { color: theme.grid } },
    },
    series,
  };
}

export interface TableRow {
  date: string;
  by: ChartRater;
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
