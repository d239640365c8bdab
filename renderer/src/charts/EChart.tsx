import { LineChart, RadarChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
} from 'echarts/components';
import { type ECharts, init, use as register } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type RefObject, useEffect, useEffectEvent, useRef } from 'react';
import type { ChartOption } from './options';

// Only what the charts use; the canvas renderer writes no style attributes, so the CSP holds.
register([
  LineChart,
  RadarChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
  CanvasRenderer,
]);

/** Draws an option at the chart's size on screen, `scale` times sharper, as a PNG data URL. */
export type ChartImage = (option: ChartOption, scale: number, background: string) => string;

export interface EChartProps {
  option: ChartOption;
  label: string;
  className?: string;
  /** Canvas pixels per CSS pixel: higher for print. */
  pixelRatio?: number;
  /** Set while the chart is mounted: the PNG export draws with it. */
  imageRef?: RefObject<ChartImage | null>;
  /** Called each time the chart has finished drawing. */
  onRendered?(): void;
}

/** An ECharts instance on a div: created and disposed with the component, resized with its box. */
export function EChart({ option, label, className = 'echart', pixelRatio, imageRef, onRendered }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const rendered = useEffectEvent(() => onRendered?.());

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = init(element, null, {
      renderer: 'canvas',
      ...(pixelRatio ? { devicePixelRatio: pixelRatio } : {}),
    });
    chart.current = instance;
    instance.on('finished', () => {
      // For `npm run bench` (ui.chart.render).
      performance.mark('koers:chart-rendered');
      rendered();
    });
    // An export may differ from the screen (no note text): drawn on its own, off screen.
    if (imageRef)
      imageRef.current = (exported, scale, background) => {
        const offscreen = init(document.createElement('div'), null, {
          renderer: 'canvas',
          width: element.clientWidth,
          height: element.clientHeight,
        });
        try {
          offscreen.setOption(exported);
          return offscreen.getDataURL({ type: 'png', pixelRatio: scale, backgroundColor: background });
        } finally {
          offscreen.dispose();
        }
      };
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      if (imageRef) imageRef.current = null;
      instance.dispose();
      chart.current = null;
    };
  }, [pixelRatio, imageRef]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} className={className} role="img" aria-label={label} />;
}
