import { type GeoPermissibleObjects, geoIdentity, geoPath } from 'd3-geo';
import { useEffect, useState } from 'react';
import { nextTask } from '../../app/steps.ts';
import type { MapFeatureCollection } from './RegionMap.tsx';

/** A region as the map draws it: its outline as an SVG path and the point its name is written at. */
export interface Drawn {
  code: string;
  name: string;
  d: string;
  x: number;
  y: number;
}

/** Work done between turns given back to the page (ms): a turn of a 4x-throttled phone stays short. */
const SLICE_MS = 8;

/**
 * The regions' outlines drawn to fit `width` x `height`, worked out a few at a time with the page
 * answering in between, then all at once (null until then). The desa of a kabupaten are 26,000
 * points: drawn in one go it was a task of 150-200 ms at 4x throttle on every page with a map
 * (issue 18). Longitude and latitude are drawn as a plane (north up): across a kabupaten eight
 * degrees south of the equator that is within 1 % of any map projection, and it skips the
 * spherical resampling and clipping that cost a slow phone 26,000 points' worth. One decimal of
 * the drawing's 800 units is a twelfth of a pixel unzoomed.
 */
export function useProjected(shapes: MapFeatureCollection, width: number, height: number): Drawn[] | null {
  const [drawn, setDrawn] = useState<{ of: MapFeatureCollection; regions: Drawn[] } | null>(null);
  useEffect(() => {
    let stopped = false;
    void (async () => {
      const geometries = shapes.features.map((f) => f.geometry as GeoPermissibleObjects);
      const all = { type: 'GeometryCollection', geometries } as GeoPermissibleObjects;
      const path = geoPath(
        geoIdentity()
          .reflectY(true)
          .fitSize([width, height], all as never),
      ).digits(1);
      const regions: Drawn[] = [];
      let since = performance.now();
      for (const [i, f] of shapes.features.entries()) {
        const geometry = geometries[i]!;
        const [x, y] = path.centroid(geometry);
        regions.push({ code: f.properties.code, name: f.properties.name, d: path(geometry) ?? '', x, y });
        if (performance.now() - since > SLICE_MS) {
          await nextTask();
          if (stopped) return;
          since = performance.now();
        }
      }
      if (!stopped) setDrawn({ of: shapes, regions });
    })();
    return () => {
      stopped = true;
    };
  }, [shapes, width, height]);
  return drawn?.of === shapes ? drawn.regions : null;
}
