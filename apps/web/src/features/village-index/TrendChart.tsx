import { Group, Text } from '@mantine/core';
import { type PointerEvent, useState } from 'react';
import { formatNumber } from '../../app/format.ts';
import { useWidth } from '../../app/use-width.ts';

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

const PALETTE = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4'];
const PAD = { left: 48, right: 12, top: 12, bottom: 24 };

/** Round steps (1, 2 or 5 times a power of ten) from lo to hi, about five of them. */
export function niceTicks(lo: number, hi: number): number[] {
  if (!(hi > lo)) return [lo];
  const rough = (hi - lo) / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const ticks: number[] = [];
  for (let v = Math.floor(lo / step) * step; v <= hi + step * 1e-9; v += step)
    ticks.push(Math.round(v / step) * step);
  if (ticks.at(-1)! < hi) ticks.push(ticks.at(-1)! + step);
  return ticks;
}

const label = (v: number) => formatNumber(v, Number.isInteger(v) ? 0 : 2);
/** A value read out: as many decimals as it has, at most four (0,7535; 74,5; 108). */
const value = (v: number | null | undefined) =>
  v === null || v === undefined
    ? '–'
    : formatNumber(v, Math.min(4, (String(Math.round(v * 1e4) / 1e4).split('.')[1] ?? '').length));
/** The least room a year's label needs on the axis, in pixels: closer labels are skipped. */
const LABEL_ROOM = 36;

/**
 * A small chart over categories on the x axis (years of the index, or months of a project's plan
 * curve): bars (stacked when they share a `stack`) and lines, drawn as SVG at the width it is
 * given. The category under the pointer is read out below it; axis numbers the Indonesian way.
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
  const { ref, width } = useWidth();
  const [active, setActive] = useState<number | null>(null);
  const colour = (s: TrendSeries, i: number) => s.colour ?? PALETTE[i % PALETTE.length]!;
  // Bars share a slot per stack; a bar without a stack has a slot of its own.
  const slots = [...new Set(series.map((s, i) => (s.kind === 'bar' ? (s.stack ?? `#${i}`) : null)))].filter(
    (x): x is string => x !== null,
  );
  const base = new Map<string, number[]>();
  const bars = series.map((s, i) => {
    if (s.kind !== 'bar') return null;
    const slot = s.stack ?? `#${i}`;
    const below = base.get(slot) ?? years.map(() => 0);
    const from = [...below];
    base.set(
      slot,
      below.map((b, k) => b + (s.values[k] ?? 0)),
    );
    return { slot: slots.indexOf(slot), from };
  });
  const tops = [...base.values()].flat();
  const points = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const dataMax = Math.max(...tops, ...points, 0);
  const dataMin = Math.min(...points, ...(scale ? [] : [0]));
  const ticks = niceTicks(yMin ?? dataMin, dataMax);
  const [lo, hi] = [ticks[0]!, ticks.at(-1)!];
  const plotW = Math.max(1, width - PAD.left - PAD.right);
  const plotH = height - PAD.top - PAD.bottom;
  const band = plotW / Math.max(1, years.length);
  const x = (k: number) => PAD.left + band * (k + 0.5);
  const y = (v: number) => PAD.top + plotH - ((v - lo) / (hi - lo || 1)) * plotH;
  const barW = (band * 0.7) / Math.max(1, slots.length);
  const every = Math.max(1, Math.ceil(LABEL_ROOM / band));

  const linePath = (s: TrendSeries) => {
    let d = '';
    let pen = false;
    s.values.forEach((v, k) => {
      if (v === null) {
        pen = pen && !!s.connectNulls;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(k).toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
    });
    return d;
  };
  const onMove = (e: PointerEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const k = Math.floor((e.clientX - box.left - PAD.left) / band);
    setActive(k >= 0 && k < years.length ? k : null);
  };

  return (
    <div ref={ref} data-testid="trend-chart">
      {width > 0 && (
        <svg
          width={width}
          height={height}
          role="img"
          aria-label={series.map((s) => s.name).join(', ')}
          onPointerMove={onMove}
          onPointerLeave={() => setActive(null)}
          style={{ display: 'block' }}
        >
          {ticks.map((t) => (
            <g key={t}>
              <path d={`M${PAD.left},${y(t)}H${width - PAD.right}`} stroke="#e9ecef" />
              <text x={PAD.left - 6} y={y(t) + 4} fontSize={11} textAnchor="end" fill="#495057">
                {label(t)}
              </text>
            </g>
          ))}
          {years.map((year, k) =>
            k % every === 0 ? (
              <text
                key={String(year)}
                x={x(k)}
                y={height - 6}
                fontSize={11}
                textAnchor="middle"
                fill="#495057"
              >
                {String(year)}
              </text>
            ) : null,
          )}
          {active !== null && (
            <rect x={x(active) - band / 2} y={PAD.top} width={band} height={plotH} fill="#f1f3f5" />
          )}
          {series.map((s, i) => {
            const bar = bars[i];
            if (!bar) return null;
            return s.values.map((v, k) =>
              v === null ? null : (
                <path
                  key={`${s.name}-${years[k]}`}
                  d={`M${x(k) - (band * 0.35) + bar.slot * barW},${y(bar.from[k]! + v)}h${barW - 1}V${y(bar.from[k]!)}h${1 - barW}Z`}
                  fill={colour(s, i)}
                />
              ),
            );
          })}
          {series.map((s, i) =>
            s.kind === 'line' ? (
              <path
                key={s.name}
                d={linePath(s)}
                fill="none"
                stroke={colour(s, i)}
                strokeWidth={2}
                strokeDasharray={s.dashed ? '6 4' : undefined}
              />
            ) : null,
          )}
        </svg>
      )}
      <Group gap="xs" justify="center">
        {series.map((s, i) => (
          <Group key={s.name} gap={4} wrap="nowrap">
            <span style={{ width: 12, height: 8, background: colour(s, i), display: 'inline-block' }} />
            <Text size="xs">
              {s.name}
              {active !== null && `: ${value(s.values[active])}`}
            </Text>
          </Group>
        ))}
        {active !== null && (
          <Text size="xs" fw={600}>
            ({String(years[active])})
          </Text>
        )}
      </Group>
    </div>
  );
}
