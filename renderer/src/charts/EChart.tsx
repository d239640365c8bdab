import { LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  PolarComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { type ECharts, init, use as register } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type RefObject, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { ChartBox, ChartOption } from './options';

// Only what the charts use; the canvas renderer writes no style attributes, so the CSP holds.
register([
  LineChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  PolarComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

/** A chart laid out for the box it is drawn in. */
export type SizedOption = (box: ChartBox) => ChartOption;

/** Draws an option at the chart's size on screen, `scale` times sharper, as a PNG data URL. */
export type ChartImage = (option: SizedOption, scale: number, background: string) => string;

export interface EChartProps {
  option: SizedOption;
  label: string;
  className?: string;
  /** The height for a width, when the chart grows with what it shows; otherwise the stylesheet sizes it. */
  height?(width: number): number;
  /** Canvas pixels per CSS pixel: higher for print. */
  pixelRatio?: number;
  /** Set while the chart is mounted: the PNG export draws with it. */
  imageRef?: RefObject<ChartImage | null>;
  /** Called each time the chart has finished drawing. */
  onRendered?(): void;
}

function measure(element: HTMLElement): ChartBox {
  return {
    width: element.clientWidth,
    height: element.clientHeight,
    fontSize: Number.parseFloat(getComputedStyle(element).fontSize) || 16,
  };
}

/** An ECharts instance on a div: created and disposed with the component, laid out anew for its box. */
export function EChart({ option, label, className = 'echart', height, pixelRatio, imageRef, onRendered }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const [size, setSize] = useState<ChartBox | null>(null);
  const rendered = useEffectEvent(() => onRendered?.());
  // Sets the height the width asks for, then reads the box: one layout, not two.
  const fit = useEffectEvent(() => {
    const element = box.current;
    if (!element) return;
    if (height) element.style.height = `${height(element.clientWidth)}px`;
    const next = measure(element);
    setSize((before) =>
      before && before.width === next.width && before.height === next.height && before.fontSize === next.fontSize
        ? before
        : next,
    );
  });

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
        const drawn = measure(element);
        const offscreen = init(document.createElement('div'), null, {
          renderer: 'canvas',
          width: drawn.width,
          height: drawn.height,
        });
        try {
          offscreen.setOption(exported(drawn));
          return offscreen.getDataURL({ type: 'png', pixelRatio: scale, backgroundColor: background });
        } finally {
          offscreen.dispose();
        }
      };
    const observer = new ResizeObserver(() => fit());
    observer.observe(element);
    return () => {
      observer.disconnect();
      if (imageRef) imageRef.current = null;
      instance.dispose();
      chart.current = null;
    };
  }, [pixelRatio, imageRef]);

  // A new height rule (other indicators chosen) resizes the box; the observer follows.
  useEffect(() => fit(), [height]);

  useEffect(() => {
    const instance = chart.current;
    if (!size || !instance) return;
    // The size measured, not the box now: the box may be between two layouts (the slide's table trying its ways).
    if (instance.getWidth() !== size.width || instance.getHeight() !== size.height)
      instance.resize({ width: size.width, height: size.height });
    instance.setOption(option(size), { notMerge: true });
  }, [option, size]);

  return <div ref={box} className={className} role="img" aria-label={label} />;
}
