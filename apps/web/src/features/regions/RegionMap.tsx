import type { MapSeriesOption } from 'echarts/charts';
import { MapChart } from 'echarts/charts';
import { TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { formatNumber } from '../../app/format.ts';

echarts.use([MapChart, TooltipComponent, VisualMapComponent, SVGRenderer]);

export interface MapFeatureCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    properties: { code: string; name: string; kind: string | null; parentCode: string | null };
    geometry: unknown;
  }[];
}

export interface RegionMapProps {
  /** A unique name for this set of shapes (ECharts keeps maps in a registry by name). */
  mapName: string;
  shapes: MapFeatureCollection;
  /** One value per region code: drives the colour scale (choropleth). */
  values: Record<string, number>;
  valueLabel: string;
  highlight?: string | undefined;
  onSelect(code: string): void;
}

/** A choropleth of region polygons; loaded lazily with ECharts so the first page stays small. */
export default function RegionMap({
  mapName,
  shapes,
  values,
  valueLabel,
  highlight,
  onSelect,
}: RegionMapProps) {
  const ref = useRef<HTMLDivElement>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    if (!ref.current) return;
    echarts.registerMap(mapName, shapes as never);
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    const names = new Map(shapes.features.map((f) => [f.properties.code, f.properties.name]));
    const numbers = Object.values(values).filter(Number.isFinite);
    const series: MapSeriesOption = {
      type: 'map',
      map: mapName,
      nameProperty: 'code',
      roam: true,
      selectedMode: false,
      label: {
        show: shapes.features.length <= 30,
        formatter: (p) => names.get(p.name) ?? p.name,
        fontSize: 10,
      },
      emphasis: {
        label: { show: true, formatter: (p) => names.get(p.name) ?? p.name },
        itemStyle: { areaColor: '#ffd43b' },
      },
      itemStyle: { borderColor: '#fff', borderWidth: 0.8 },
      data: shapes.features.map((f) => ({
        name: f.properties.code,
        // A region without a value (a kelurahan has no IDM) stays grey instead of looking like zero.
        value: values[f.properties.code] ?? Number.NaN,
        ...(f.properties.code === highlight ? { itemStyle: { areaColor: '#f76707' } } : {}),
      })),
    };
    chart.setOption({
      animation: false,
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; value: number }) =>
          `${names.get(p.name) ?? p.name}<br/>${p.name}<br/>${valueLabel}: ${Number.isFinite(p.value) ? formatNumber(p.value, Number.isInteger(p.value) ? 0 : 4) : '–'}`,
      },
      visualMap: {
        min: numbers.length ? Math.min(...numbers) : 0,
        max: numbers.length ? Math.max(...numbers) : 1,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 120,
        text: [valueLabel, ''],
        inRange: { color: ['#e6fcf5', '#63e6be', '#087f5b'] },
      },
      series: [series],
    });
    chart.on('click', (p) => {
      if (p.name) select.current(p.name);
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [mapName, shapes, values, valueLabel, highlight]);

  return <div ref={ref} style={{ width: '100%', height: 460 }} data-testid="region-map" />;
}
