import { Text } from '@mantine/core';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { WhenShown } from '../../app/WhenShown.tsx';
import { useBoundaries } from './api.ts';
import { MAP_ASPECT } from './map-size.ts';
import type { RegionMapProps } from './RegionMap.tsx';

const RegionMap = lazy(() => import('./RegionMap.tsx'));

type Props = Omit<RegionMapProps, 'shapes'> & {
  /** Only the desa of this kecamatan (its code); all of the kabupaten's when not given. */
  within?: string | null | undefined;
};

/**
 * The kabupaten's desa on a map, coloured by `values`. The boundaries are read, and the map's code
 * loaded, only once the map comes into view; until then a box of its shape. Their arrival draws the
 * map again, not the page around it: read by the page itself, the boundaries arriving after the
 * app had taken the page over made React draw the whole village index again at once (830 ms of a
 * 4x-throttled main thread, issue 18).
 */
export function DesaMap(props: Props) {
  return (
    <WhenShown aspectRatio={MAP_ASPECT}>
      <Shown {...props} />
    </WhenShown>
  );
}

function Shown({ within, ...map }: Props) {
  const { t } = useTranslation();
  const desa = useBoundaries('desa');
  const shapes = useMemo(
    () =>
      desa.data && within
        ? {
            ...desa.data,
            features: desa.data.features.filter((f) => f.properties.code.startsWith(`${within}.`)),
          }
        : desa.data,
    [desa.data, within],
  );
  const loading = <Text size="sm">{t('regions.loading')}</Text>;
  if (!shapes) return desa.isError ? <Text c="dimmed">{t('regions.noMap')}</Text> : loading;
  if (shapes.features.length === 0) return null;
  return (
    <Suspense fallback={loading}>
      <RegionMap shapes={shapes} {...map} />
    </Suspense>
  );
}
