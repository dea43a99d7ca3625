import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Card,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { RegionDetail } from '@sinergi/contracts';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, get, query } from '../../app/api.ts';
import { formatNumber } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { Link, useNavigate, useParams } from '../../app/router.tsx';
import { useSettings } from '../../app/settings.ts';
import { WhenShown } from '../../app/WhenShown.tsx';
import { useBoundaries, useRegion } from './api.ts';
import { MAP_ASPECT } from './map-size.ts';

const RegionMap = lazy(() => import('./RegionMap.tsx'));

interface SearchHit {
  code: string;
  name: string;
  level: string;
  kind: string | null;
  path: string;
}

function RegionSearch() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const results = useQuery({
    queryKey: ['region-search', q],
    queryFn: () => get<{ items: SearchHit[] }>(`/api/regions/search${query({ q, limit: 10 })}`),
    enabled: q.length >= 2,
  });
  return (
    <Stack gap={4}>
      <TextInput
        placeholder={t('regions.search')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        aria-label={t('regions.search')}
        data-testid="region-search"
      />
      {q.length >= 2 && results.data && (
        <Card withBorder p="xs" data-testid="region-search-results">
          {results.data.items.length === 0 && <Text size="sm">{t('regions.noResults')}</Text>}
          {results.data.items.map((r) => (
            <Anchor
              key={r.code}
              component={Link}
              to={`/wilayah/${r.code}`}
              onClick={() => setText('')}
              size="sm"
              py={2}
              display="block"
            >
              <b>{r.name}</b> · {vocab('regions.levels', r.level)} ·{' '}
              <Text span c="dimmed" size="xs">
                {r.path} · {r.code}
              </Text>
            </Anchor>
          ))}
        </Card>
      )}
    </Stack>
  );
}

function MapPanel({ region }: { region: RegionDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const atKabupaten = region.level === 'kabupaten';
  const kecamatanCode =
    region.level === 'kecamatan' ? region.code : region.level === 'desa' ? region.parentCode : null;
  const kec = useBoundaries('kecamatan', atKabupaten);
  const desa = useBoundaries('desa', !atKabupaten);
  const view = useMemo(() => {
    if (atKabupaten && kec.data) {
      const values = Object.fromEntries(region.children.map((c) => [c.code, c.childCount]));
      return { shapes: kec.data, values, label: t('regions.childCountLabel') };
    }
    if (!atKabupaten && desa.data && kecamatanCode) {
      const shapes = {
        ...desa.data,
        features: desa.data.features.filter((f) => f.properties.parentCode === kecamatanCode),
      };
      const values = Object.fromEntries(
        shapes.features.map((f) => [f.properties.code, f.properties.kind === 'kelurahan' ? 2 : 1]),
      );
      return { shapes, values, label: t('regions.kindScale') };
    }
    return null;
  }, [atKabupaten, kec.data, desa.data, kecamatanCode, region, t]);
  if (kec.isLoading || desa.isLoading) return <Loader />;
  if (!view || view.shapes.features.length === 0) return <Text c="dimmed">{t('regions.noMap')}</Text>;
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed">
        {t('regions.mapHint')}
      </Text>
      <WhenShown aspectRatio={MAP_ASPECT}>
        <Suspense fallback={<Text>{t('regions.loading')}</Text>}>
          <RegionMap
            shapes={view.shapes}
            values={view.values}
            valueLabel={view.label}
            highlight={region.level === 'desa' ? region.code : undefined}
            onSelect={(code) => navigate(`/wilayah/${code}`)}
          />
        </Suspense>
      </WhenShown>
    </Stack>
  );
}

export default function RegionPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  // Without a code: the kabupaten this installation serves.
  const { code = settings.data?.activeKabupaten.code } = useParams();
  const region = useRegion(code);
  const r = region.data;
  const hasMap = r && (r.hasBoundary || r.code === settings.data?.activeKabupaten.code);
  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={2}>{t('regions.title')}</Title>
      </Group>
      <RegionSearch />
      {region.isLoading && <Loader />}
      {region.error && (
        <Alert color={region.error instanceof ApiError && region.error.status === 404 ? 'yellow' : 'red'}>
          {region.error instanceof ApiError && region.error.status === 404
            ? t('regions.notReady')
            : region.error.message}
        </Alert>
      )}
      {r && (
        <>
          <Breadcrumbs separator="›" style={{ flexWrap: 'wrap' }}>
            {r.ancestors.map((a) => (
              <Anchor key={a.code} component={Link} to={`/wilayah/${a.code}`} size="sm">
                {a.name}
              </Anchor>
            ))}
            <Text size="sm">{r.name}</Text>
          </Breadcrumbs>
          <Group gap="xs">
            <Title order={3} data-testid="region-name">
              {r.name}
            </Title>
            <Badge variant="light">{vocab('regions.levels', r.level)}</Badge>
            {r.kind && <Badge variant="outline">{vocab('regions.kinds', r.kind)}</Badge>}
            {r.kind === 'desa' && (
              <Anchor component={Link} to={`/indeks-desa/${r.code}`} size="sm" data-testid="scorecard-link">
                {t('regions.scorecard')}
              </Anchor>
            )}
          </Group>
          <Text size="sm">
            {t('regions.code')}: <code>{r.code}</code>
            {r.level !== 'desa' && (
              <>
                {' '}
                ·{' '}
                {t('regions.counts', {
                  kecamatan: formatNumber(r.counts.kecamatan),
                  desa: formatNumber(r.counts.desa),
                  kelurahan: formatNumber(r.counts.kelurahan),
                })}
              </>
            )}
          </Text>
          <SimpleGrid cols={{ base: 1, md: hasMap ? 2 : 1 }}>
            {hasMap && (
              <Card withBorder>
                <Title order={4} size="h5" mb="xs">
                  {t('regions.map')}
                </Title>
                <MapPanel region={r} />
              </Card>
            )}
            {r.children.length > 0 && (
              <Card withBorder>
                <Title order={4} size="h5" mb="xs">
                  {t('regions.children')} ({formatNumber(r.children.length)})
                </Title>
                <div style={{ maxHeight: 460, overflow: 'auto' }}>
                  <Table fz="sm" striped data-testid="region-children">
                    <Table.Tbody>
                      {r.children.map((c) => (
                        <Table.Tr key={c.code}>
                          <Table.Td>
                            <Anchor component={Link} to={`/wilayah/${c.code}`}>
                              {c.name}
                            </Anchor>
                          </Table.Td>
                          <Table.Td>
                            <code>{c.code}</code>
                          </Table.Td>
                          <Table.Td>
                            {c.kind
                              ? vocab('regions.kinds', c.kind)
                              : c.childCount
                                ? formatNumber(c.childCount)
                                : ''}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </div>
              </Card>
            )}
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('regions.edition', { edition: r.edition })}
          </Text>
        </>
      )}
    </Stack>
  );
}
