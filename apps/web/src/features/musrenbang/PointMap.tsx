import { type GeoPermissibleObjects, geoIdentity, geoPath } from 'd3-geo';
import { type MouseEvent, useMemo } from 'react';
import type { MapFeatureCollection } from '../regions/RegionMap.tsx';
import { useRoam } from '../regions/roam.ts';

export interface PointMapProps {
  /** The desa of the proposal and its neighbours in the same kecamatan. */
  shapes: MapFeatureCollection;
  desaCode: string;
  point: { latitude: number; longitude: number } | null;
  onPick(latitude: number, longitude: number): void;
  /** What the map is for, read out by a screen reader. */
  label: string;
}

const WIDTH = 600;
const HEIGHT = 300;

/**
 * The chosen desa (shaded) among its neighbours, framed on it with a margin; a click anywhere sets
 * the proposal's point, shown as a dot. The wheel zooms in for a closer pick, a drag moves.
 */
export default function PointMap({ shapes, desaCode, point, onPick, label }: PointMapProps) {
  const roam = useRoam();
  const { projection, drawn } = useMemo(() => {
    const own = shapes.features.find((f) => f.properties.code === desaCode);
    const frame = own ? framing(own.geometry) : null;
    const all = {
      type: 'GeometryCollection',
      geometries: shapes.features.map((f) => f.geometry),
    } as unknown as GeoPermissibleObjects;
    // Longitude and latitude as a plane, north up (see RegionMap).
    const projection = geoIdentity()
      .reflectY(true)
      .fitSize([WIDTH, HEIGHT], (frame ?? all) as never);
    const path = geoPath(projection);
    const drawn = shapes.features.map((f) => ({
      code: f.properties.code,
      d: path(f.geometry as GeoPermissibleObjects) ?? '',
    }));
    return { projection, drawn };
  }, [shapes, desaCode]);
  const pick = (e: MouseEvent<SVGSVGElement>) => {
    if (roam.dragged()) return;
    const at = projection.invert?.(roam.onMap(e.clientX, e.clientY));
    if (at) onPick(Number(at[1].toFixed(6)), Number(at[0].toFixed(6)));
  };
  const dot = point ? projection([point.longitude, point.latitude]) : null;
  return (
    <div data-testid="point-map">
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard types the point into the Lintang and Bujur fields beside the map */}
      <svg
        ref={roam.svg}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        style={{
          width: '100%',
          height: 300,
          cursor: 'crosshair',
          touchAction: roam.zoom > 1 ? 'none' : 'auto',
        }}
        role="img"
        aria-label={label}
        {...roam.handlers}
        onClick={pick}
      >
        <g transform={roam.transform}>
          {drawn.map((r) => (
            <path
              key={r.code}
              d={r.d}
              fillRule="evenodd"
              fill={r.code === desaCode ? '#c3fae8' : '#f1f3f5'}
              stroke={r.code === desaCode ? '#087f5b' : '#868e96'}
              strokeWidth={(r.code === desaCode ? 2 : 0.8) / roam.zoom}
            />
          ))}
          {dot && <circle cx={dot[0]} cy={dot[1]} r={6 / roam.zoom} fill="#e03131" />}
        </g>
      </svg>
    </div>
  );
}

/** The desa's bounding box widened by half its size each way, as two corners to fit the map to. */
function framing(geometry: unknown): GeoPermissibleObjects | null {
  // geoPath without a projection measures in longitude and latitude as they are.
  const [[w, s], [e, n]] = geoPath().bounds(geometry as GeoPermissibleObjects);
  if (![w, s, e, n].every(Number.isFinite)) return null;
  const [dx, dy] = [(e - w) / 2, (n - s) / 2];
  return {
    type: 'MultiPoint',
    coordinates: [
      [w - dx, n + dy],
      [e + dx, s - dy],
    ],
  };
}
