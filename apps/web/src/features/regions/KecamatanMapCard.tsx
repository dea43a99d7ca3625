import { Card, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useNavigate } from '../../app/router.tsx';
import { WhenShown } from '../../app/WhenShown.tsx';
import { useBoundaries } from './api.ts';
import { MAP_ASPECT } from './map-size.ts';

const RegionMap = lazy(() => import('./RegionMap.tsx'));

/**
 * A card with the kabupaten's kecamatan coloured by a value (a choropleth); a click opens the
 * kecamatan's page. `values` gives the value by kecamatan code, or a function asked for every
 * kecamatan on the map. The shapes are fetched once and shared by every page that shows one.
 */
export function KecamatanMapCard({
  title,
  values,
  valueLabel,
  testId,
  compact = false,
}: {
  title?: string;
  values: Record<string, number> | ((code: string) => number);
  valueLabel: string;
  testId?: string;
  compact?: boolean;
}) {
  return (
    <Card withBorder {...(compact ? { p: 'xs' } : {})} data-testid={testId}>
      {title && (
        <Text fw={600} size="sm">
          {title}
        </Text>
      )}
      <WhenShown aspectRatio={MAP_ASPECT}>
        <KecamatanMap values={values} valueLabel={valueLabel} />
      </WhenShown>
    </Card>
  );
}

/** The map itself: its shapes are fetched, and the map library loaded, once it is shown. */
function KecamatanMap({
  values,
  valueLabel,
}: {
  values: Record<string, number> | ((code: string) => number);
  valueLabel: string;
}) {
  const navigate = useNavigate();
  const shapes = useBoundaries('kecamatan');
  if (!shapes.data) return <Text size="sm">…</Text>;
  const byCode =
    typeof values === 'function'
      ? Object.fromEntries(shapes.data.features.map((f) => [f.properties.code, values(f.properties.code)]))
      : values;
  return (
    <Suspense fallback={<Text size="sm">…</Text>}>
      <RegionMap
        shapes={shapes.data}
        values={byCode}
        valueLabel={valueLabel}
        onSelect={(code) => navigate(`/wilayah/${code}`)}
      />
    </Suspense>
  );
}
