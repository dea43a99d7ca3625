import { Text } from '@mantine/core';
import { type GeoPermissibleObjects, geoIdentity, geoPath } from 'd3-geo';
import { useMemo } from 'react';
import { useBoundaries } from '../regions/api.ts';
import { MAP_HEIGHT, MAP_WIDTH } from '../regions/map-size.ts';
import { useRoam } from '../regions/roam.ts';
import type { Sentra } from './api.ts';

/**
 * The kabupaten's desa in grey with a dot for each sentra IKM: at its recorded point, or at the
 * middle of its desa when no point was recorded. A dot's size follows the sentra's member count.
 */
export default function SentraMap({ sentra, label }: { sentra: readonly Sentra[]; label: string }) {
  const shapes = useBoundaries('desa');
  const roam = useRoam();
  const drawn = useMemo(() => {
    if (!shapes.data) return null;
    const all = {
      type: 'GeometryCollection',
      geometries: shapes.data.features.map((f) => f.geometry),
    } as unknown as GeoPermissibleObjects;
    // Longitude and latitude as a plane, north up (as the region maps).
    const projection = geoIdentity()
      .reflectY(true)
      .fitSize([MAP_WIDTH, MAP_HEIGHT], all as never);
    const path = geoPath(projection);
    const byCode = new Map(shapes.data.features.map((f) => [f.properties.code, f]));
    return {
      desa: shapes.data.features.map((f) => ({
        code: f.properties.code,
        d: path(f.geometry as GeoPermissibleObjects) ?? '',
      })),
      dots: sentra.flatMap((s) => {
        const at =
          s.latitude !== null && s.longitude !== null
            ? projection([s.longitude, s.latitude])
            : byCode.has(s.desaCode)
              ? path.centroid(byCode.get(s.desaCode)!.geometry as GeoPermissibleObjects)
              : null;
        return at && Number.isFinite(at[0]) ? [{ s, x: at[0], y: at[1] }] : [];
      }),
    };
  }, [shapes.data, sentra]);
  if (!drawn) return <Text size="sm">…</Text>;
  return (
    <svg
      ref={roam.svg}
      viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
      style={{ width: '100%', height: 'auto', touchAction: roam.zoom > 1 ? 'none' : 'auto' }}
      role="img"
      aria-label={label}
      data-testid="sentra-map"
      {...roam.handlers}
    >
      <g transform={roam.transform}>
        {drawn.desa.map((r) => (
          <path
            key={r.code}
            d={r.d}
            fillRule="evenodd"
            fill="#f1f3f5"
            stroke="#adb5bd"
            strokeWidth={0.5 / roam.zoom}
          />
        ))}
        {drawn.dots.map(({ s, x, y }) => (
          <circle
            key={s.id}
            cx={x}
            cy={y}
            r={(5 + Math.min(8, Math.sqrt(s.businesses) * 1.5)) / roam.zoom}
            fill="#e8590c"
            fillOpacity={0.8}
            stroke="#fff"
            strokeWidth={1 / roam.zoom}
          >
            <title>{`${s.name}: ${s.product}, ${s.desa}`}</title>
          </circle>
        ))}
      </g>
    </svg>
  );
}
