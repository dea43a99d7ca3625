import { MapChart, ScatterChart } from 'echarts/charts';
import { GeoComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { MapFeatureCollection } from '../regions/RegionMap.tsx';

echarts.use([MapChart, ScatterChart, GeoComponent, SVGRenderer]);

export interface PointMapProps {
  /** The desa of the proposal and its neighbours in the same kecamatan. */
  shapes: MapFeatureCollection;
  desaCode: string;
  point: { latitude: number; longitude: number } | null;
  onPick(latitude: number, longitude: number): void;
}

/**
 * The chosen desa (shaded) among its neighbours; a click anywhere sets the proposal's point, shown
 * as a dot. Loaded lazily with ECharts so the form stays small.
 */
export default function PointMap({ shapes, desaCode, point, onPick }: PointMapProps) {
  const ref = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  useEffect(() => {
    if (!ref.current) return;
    const name = `point-${desaCode}`;
    echarts.registerMap(name, shapes as never);
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    const own = shapes.features.find((f) => f.properties.code === desaCode);
    const box = own ? boundsOf(own.geometry) : null;
    chart.setOption({
      geo: {
        map: name,
        // Framed on the chosen desa, with a margin showing its neighbours.
        ...(box ? { boundingCoords: box } : {}),
        nameProperty: 'code',
        roam: true,
        selectedMode: false,
        itemStyle: { areaColor: '#f1f3f5', borderColor: '#868e96' },
        emphasis: { disabled: true },
        regions: [
          { name: desaCode, itemStyle: { areaColor: '#c3fae8', borderColor: '#087f5b', borderWidth: 2 } },
        ],
      },
      series: [
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          symbolSize: 12,
          itemStyle: { color: '#e03131' },
          data: point ? [[point.longitude, point.latitude]] : [],
        },
      ],
    });
    chart.getZr().on('click', (e) => {
      const at = chart.convertFromPixel({ geoIndex: 0 }, [e.offsetX, e.offsetY]) as [number, number] | null;
      if (at) pick.current(Number(at[1].toFixed(6)), Number(at[0].toFixed(6)));
    });
    return () => chart.dispose();
  }, [shapes, desaCode, point]);
  return <div ref={ref} style={{ width: '100%', height: 300 }} data-testid="point-map" />;
}

/** The bounding box of a polygon geometry, widened by half its size: [[west, north], [east, south]]. */
function boundsOf(geometry: unknown): [[number, number], [number, number]] | null {
  const points: number[][] = [];
  const walk = (x: unknown) => {
    if (Array.isArray(x) && typeof x[0] === 'number') points.push(x as number[]);
    else if (Array.isArray(x)) for (const y of x) walk(y);
  };
  walk((geometry as { coordinates?: unknown }).coordinates);
  if (!points.length) return null;
  const lngs = points.map((p) => p[0]!);
  const lats = points.map((p) => p[1]!);
  const [w, e, s, n] = [Math.min(...lngs), Math.max(...lngs), Math.min(...lats), Math.max(...lats)];
  const [dx, dy] = [(e - w) / 2, (n - s) / 2];
  return [
    [w - dx, n + dy],
    [e + dx, s - dy],
  ];
}
