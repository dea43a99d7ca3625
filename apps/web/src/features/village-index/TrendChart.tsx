import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { formatNumber } from '../../app/format.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface TrendSeries {
  name: string;
  kind: 'bar' | 'line';
  values: (number | null)[];
  colour?: string;
  stack?: string;
  /** Draw a line across the gaps (a projection from the last actual to a later year). */
  connectNulls?: boolean;
  dashed?: boolean;
}

/**
 * A small chart over categories on the x axis (years of the index, or months of a project's plan
 * curve): stacked bars or lines; loaded lazily with ECharts (pages wrap it in WhenShown).
 */
export default function TrendChart({
  years,
  series,
  height = 260,
  yMin,
  scale = false,
}: {
  years: readonly (number | string)[];
  series: TrendSeries[];
  height?: number;
  yMin?: number;
  /** Fit the y axis to the data instead of starting it at zero. */
  scale?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({
      // Drawn at once: an animation redraws every frame for a second, on every chart of the page.
      animation: false,
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? formatNumber(v, 4) : '–'),
      },
      legend: { bottom: 0, type: 'scroll' },
      grid: { left: 48, right: 16, top: 16, bottom: 48 },
      xAxis: { type: 'category', data: years.map(String) },
      // Axis numbers the Indonesian way (0,65; 1.500), not the chart library's English default.
      yAxis: {
        type: 'value',
        scale,
        ...(yMin !== undefined ? { min: yMin } : {}),
        axisLabel: { formatter: (v: number) => formatNumber(v, Number.isInteger(v) ? 0 : 2) },
      },
      series: series.map((s) => ({
        name: s.name,
        type: s.kind,
        data: s.values,
        ...(s.stack ? { stack: s.stack } : {}),
        ...(s.connectNulls ? { connectNulls: true } : {}),
        ...(s.dashed ? { lineStyle: { type: 'dashed', ...(s.colour ? { color: s.colour } : {}) } } : {}),
        ...(s.colour
          ? {
              itemStyle: { color: s.colour },
              lineStyle: { color: s.colour, ...(s.dashed ? { type: 'dashed' } : {}) },
            }
          : {}),
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [years, series, yMin, scale]);
  return <div ref={ref} style={{ width: '100%', height }} data-testid="trend-chart" />;
}
