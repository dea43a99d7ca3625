import { Group, Text } from '@mantine/core';
import { useState } from 'react';
import { formatNumber } from '../../app/format.ts';
import { useWidth } from '../../app/use-width.ts';
import { MAP_HEIGHT, MAP_WIDTH } from './map-size.ts';
import { useProjected } from './projected.ts';
import { useRoam } from './roam.ts';

export interface MapFeatureCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    properties: { code: string; name: string; kind: string | null; parentCode: string | null };
    geometry: unknown;
  }[];
}

export interface RegionMapProps {
  shapes: MapFeatureCollection;
  /** One value per region code: drives the colour scale (choropleth). */
  values: Record<string, number>;
  valueLabel: string;
  highlight?: string | undefined;
  onSelect(code: string): void;
}

const [WIDTH, HEIGHT] = [MAP_WIDTH, MAP_HEIGHT];
/** Light to dark green: low to high. */
const RAMP = ['#e6fcf5', '#63e6be', '#087f5b'] as const;
const NO_VALUE = '#dee2e6';
const HIGHLIGHT = '#f76707';
const HOVER = '#ffd43b';

const channels = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));

/** The ramp's colour at t in [0, 1]. */
function colourAt(t: number): string {
  const x = Math.min(1, Math.max(0, t)) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(x));
  const [a, b] = [channels(RAMP[i]!), channels(RAMP[i + 1]!)];
  const mix = a.map((c, k) => Math.round(c + (b[k]! - c) * (x - i)));
  return `rgb(${mix.join(',')})`;
}

const shown = (v: number | undefined) =>
  v === undefined || !Number.isFinite(v) ? '–' : formatNumber(v, Number.isInteger(v) ? 0 : 4);

/**
 * A choropleth of region polygons drawn as SVG paths (d3-geo projects them once): the wheel zooms,
 * a drag moves, a click or Enter opens a region, and the region under the pointer or focus is named
 * with its value under the map. ECharts did the same with 250 ms of script on a slow phone.
 */
export default function RegionMap({ shapes, values, valueLabel, highlight, onSelect }: RegionMapProps) {
  const drawn = useProjected(shapes, WIDTH, HEIGHT);
  const numbers = Object.values(values).filter(Number.isFinite);
  const min = numbers.length ? Math.min(...numbers) : 0;
  const max = numbers.length ? Math.max(...numbers) : 1;
  const fill = (code: string) => {
    const v = values[code];
    // A region without a value (a kelurahan has no IDM) stays grey instead of looking like zero.
    if (v === undefined || !Number.isFinite(v)) return NO_VALUE;
    return colourAt(max > min ? (v - min) / (max - min) : 1);
  };

  const [active, setActive] = useState<string | null>(null);
  const roam = useRoam();
  const open = (code: string) => {
    if (!roam.dragged()) onSelect(code);
  };
  const named = drawn?.find((r) => r.code === active);
  // The width it is drawn at: names are written 10 px high on the screen, and only where they fit
  // (a phone reads the name under the map instead).
  const box = useWidth();
  const drawnWidth = box.width || WIDTH;
  const labels = shapes.features.length <= 30;
  const written = labels && drawnWidth >= 400;

  // Until its outlines are worked out, a box of the map's shape holds its place.
  if (!drawn) return <div ref={box.ref} style={{ aspectRatio: `${WIDTH} / ${HEIGHT}`, maxHeight: 440 }} />;
  return (
    <div ref={box.ref} data-testid="region-map">
      <svg
        ref={roam.svg}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        style={{
          width: '100%',
          height: 'auto',
          maxHeight: 440,
          touchAction: roam.zoom > 1 ? 'none' : 'auto',
        }}
        role="img"
        aria-label={valueLabel}
        {...roam.handlers}
        onPointerLeave={() => setActive(null)}
      >
        <g transform={roam.transform}>
          {drawn.map((r) => (
            // biome-ignore lint/a11y/useSemanticElements: a map region has no HTML element of its own
            <path
              key={r.code}
              d={r.d}
              fill={r.code === highlight ? HIGHLIGHT : r.code === active ? HOVER : fill(r.code)}
              fillRule="evenodd"
              stroke="#fff"
              strokeWidth={0.8 / roam.zoom}
              role="button"
              // A few regions are each a stop of the Tab key; two hundred desa would trap it (the
              // keyboard reaches a desa through the region pages' tables and the search instead).
              tabIndex={labels ? 0 : -1}
              aria-label={`${r.name}, ${valueLabel}: ${shown(values[r.code])}`}
              style={{ cursor: 'pointer', outline: 'none' }}
              onPointerEnter={() => setActive(r.code)}
              onFocus={() => setActive(r.code)}
              onClick={() => open(r.code)}
              onKeyDown={(e) => e.key === 'Enter' && onSelect(r.code)}
            />
          ))}
          {written &&
            drawn.map((r) => (
              <text
                key={r.code}
                x={r.x}
                y={r.y}
                fontSize={(10 * WIDTH) / drawnWidth / roam.zoom}
                textAnchor="middle"
                fill="#343a40"
                pointerEvents="none"
              >
                {r.name}
              </text>
            ))}
        </g>
      </svg>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="xs" data-testid="region-map-named">
          {named ? `${named.name} (${named.code}) · ${valueLabel}: ${shown(values[named.code])}` : ' '}
        </Text>
        <Group gap={4} wrap="nowrap" aria-hidden>
          <Text size="xs">{shown(min)}</Text>
          <div style={{ width: 120, height: 10, background: `linear-gradient(90deg, ${RAMP.join(', ')})` }} />
          <Text size="xs">{shown(max)}</Text>
        </Group>
      </Group>
    </div>
  );
}
