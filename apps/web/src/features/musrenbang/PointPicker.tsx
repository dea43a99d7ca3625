import { Button, Card, Loader, Text } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoundaries } from '../regions/api.ts';

const PointMap = lazy(() => import('./PointMap.tsx'));

/**
 * "Pick the point on the map": opens a map of the chosen desa and its neighbours; a click sets the
 * latitude and longitude fields above (which can still be typed). The server checks the point lies
 * in the desa's boundary.
 */
export function PointPicker({
  desaCode,
  point,
  onPick,
}: {
  desaCode: string;
  point: { latitude: number; longitude: number } | null;
  onPick(latitude: number, longitude: number): void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const desa = useBoundaries('desa', open);
  const kecamatan = desaCode.split('.').slice(0, 3).join('.');
  if (!open)
    return (
      <Button
        variant="light"
        size="xs"
        w="fit-content"
        onClick={() => setOpen(true)}
        data-testid="open-point-map"
      >
        {t('musrenbang.pickOnMap')}
      </Button>
    );
  const shapes = desa.data && {
    ...desa.data,
    features: desa.data.features.filter((f) => f.properties.parentCode === kecamatan),
  };
  return (
    <Card withBorder p="xs">
      <Text size="xs" c="dimmed" mb={4}>
        {t('musrenbang.pickHelp')}
      </Text>
      {shapes?.features.some((f) => f.properties.code === desaCode) ? (
        <Suspense fallback={<Loader size="sm" />}>
          <PointMap
            shapes={shapes}
            desaCode={desaCode}
            point={point}
            onPick={onPick}
            label={t('musrenbang.pickHelp')}
          />
        </Suspense>
      ) : desa.isLoading ? (
        <Loader size="sm" />
      ) : (
        <Text size="sm">{t('musrenbang.noBoundary')}</Text>
      )}
    </Card>
  );
}
