import { lazy, Suspense } from 'react';
import type { EChartProps } from './EChart';

// ECharts is half the renderer bundle: it loads with the first chart, not with the app.
const EChart = lazy(() => import('./EChart').then((m) => ({ default: m.EChart })));

export function LazyEChart(props: EChartProps) {
  return (
    <Suspense fallback={<div className={props.className ?? 'echart'} aria-busy="true" />}>
      <EChart {...props} />
    </Suspense>
  );
}
