import { Alert, Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { IndexSummary } from '@sinergi/contracts';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { Link, useNavigate } from '../../app/router.tsx';
import { WhenShown } from '../../app/WhenShown.tsx';
import { DesaMap } from '../regions/DesaMap.tsx';
import { indexKeys, useIndexResults, useIndexSummary, useWeakest } from './api.ts';
import { fmt4, statusColour, statusHex, whoActs } from './status.ts';

const TrendChart = lazy(() => import('./TrendChart.tsx'));
const NationalCard = lazy(() => import('./NationalCard.tsx'));

export function UnconfirmedNote({ scheme }: { scheme: IndexSummary['scheme'] }) {
  const { t, i18n } = useTranslation();
  if (scheme.unconfirmed.length === 0) return null;
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return (
    <Alert color="yellow" title={t('index.unconfirmedTitle')} data-testid="unconfirmed">
      {scheme.unconfirmed.map((part) => (
        <Text size="sm" key={part}>
          <b>{t(`index.parts.${part}`, { defaultValue: part })}</b>: {scheme.notes[part]?.[lang]}
        </Text>
      ))}
    </Alert>
  );
}

/** Each desa's IDM of the year on the map: its own component, so the results arriving draw only it. */
function IndexMap({ year }: { year: number | undefined }) {
  const navigate = useNavigate();
  const results = useIndexResults(year);
  const values = useMemo(
    () => Object.fromEntries((results.data?.items ?? []).map((r) => [r.code, Number(r.value.toFixed(4))])),
    [results.data],
  );
  if (!results.data) return null;
  return <DesaMap values={values} valueLabel="IDM" onSelect={(code) => navigate(`/indeks-desa/${code}`)} />;
}

export default function IndexDashboardPage() {
  const { t } = useTranslation();
  const summary = useIndexSummary();
  const s = summary.data;
  const lastYear = s?.years.at(-1)?.year;
  const weakest = useWeakest();
  if (!s) return <QueryState query={summary} queryKey={indexKeys.summary()} />;
  const statuses = s.scheme.statuses.map((x) => x.code);
  // At a province's Sinergi the table is per kabupaten/kota.
  const byKabupaten = s.region.code.length === 2;
  return (
    <Stack>
      <Title order={2}>
        {t('index.title')} · {s.region.name}
      </Title>
      <Text size="sm" c="dimmed">
        {s.scheme.name} ({s.scheme.regulation})
      </Text>
      <UnconfirmedNote scheme={s.scheme} />
      {s.inApproval && (
        <Text size="sm" data-testid="index-in-approval">
          {t('index.inApproval', s.inApproval)}
        </Text>
      )}
      <Anchor href="/api/index/dashboard.xlsx" size="sm" data-testid="dashboard-xlsx">
        {t('index.dashboardXlsx')}
      </Anchor>
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">
          {t('index.countsByYear')}
        </Title>
        <Table.ScrollContainer minWidth={560}>
          <Table fz="sm" data-testid="index-counts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('index.year')}</Table.Th>
                {statuses.map((c) => (
                  <Table.Th key={c}>
                    <Badge color={statusColour[c]} variant="light">
                      {s.scheme.statuses.find((x) => x.code === c)!.name}
                    </Badge>
                  </Table.Th>
                ))}
                <Table.Th>{t('index.mean')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.years.map((y) => (
                <Table.Tr key={y.year}>
                  <Table.Td fw={600}>{y.year}</Table.Td>
                  {statuses.map((c) => (
                    <Table.Td key={c}>{formatNumber(y.counts[c] ?? 0)}</Table.Td>
                  ))}
                  <Table.Td>{fmt4(y.mean)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {s.years.length > 1 && (
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">
            {t('index.trend')}
          </Title>
          <WhenShown height={260}>
            <Suspense fallback={<Text>{t('common.loading')}</Text>}>
              <TrendChart
                years={s.years.map((y) => y.year)}
                series={statuses.map((c) => ({
                  name: s.scheme.statuses.find((x) => x.code === c)!.name,
                  kind: 'bar' as const,
                  stack: 'status',
                  colour: statusHex[c],
                  values: s.years.map((y) => y.counts[c] ?? 0),
                }))}
              />
            </Suspense>
          </WhenShown>
        </Card>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">
            {t('index.map', { year: lastYear })}
          </Title>
          <Text size="xs" c="dimmed">
            {t('index.mapHint')}
          </Text>
          <Anchor href={`/api/index/results.xlsx?year=${lastYear}`} size="xs" data-testid="results-xlsx">
            {t('index.downloadXlsx', { year: lastYear })}
          </Anchor>
          <IndexMap year={lastYear} />
        </Card>
        {s.transition && (
          <Card withBorder>
            <Title order={3} size="h5" mb="xs">
              {t('index.transition', { from: s.transition.from, to: s.transition.to })}
            </Title>
            <Table fz="xs" data-testid="index-transition">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>
                    {s.transition.from} \ {s.transition.to}
                  </Table.Th>
                  {statuses.map((c) => (
                    <Table.Th key={c}>{s.scheme.statuses.find((x) => x.code === c)!.name}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {statuses.map((from) => (
                  <Table.Tr key={from}>
                    <Table.Td fw={600}>{s.scheme.statuses.find((x) => x.code === from)!.name}</Table.Td>
                    {statuses.map((to) => {
                      const n = s.transition!.matrix[from]?.[to] ?? 0;
                      const up = statuses.indexOf(to) > statuses.indexOf(from);
                      const down = statuses.indexOf(to) < statuses.indexOf(from);
                      return (
                        <Table.Td
                          key={to}
                          c={n && up ? 'green.8' : n && down ? 'red.8' : undefined}
                          fw={n ? 700 : 400}
                        >
                          {n || '·'}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        )}
      </SimpleGrid>
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">
          {t('index.weakest')}
        </Title>
        <Table.ScrollContainer minWidth={640}>
          <Table fz="sm" striped data-testid="index-weakest">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('index.indicator')}</Table.Th>
                <Table.Th>{t('index.zero')}</Table.Th>
                <Table.Th>{t('index.low')}</Table.Th>
                <Table.Th>{t('index.whoActs')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {weakest.data?.items.slice(0, 10).map((w) => (
                <Table.Tr key={w.code}>
                  <Table.Td>
                    {w.name}{' '}
                    <Text span size="xs" c="dimmed">
                      {w.dimension}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t('index.desaCount', { count: w.zero, n: formatNumber(w.zero) })}</Table.Td>
                  <Table.Td>{formatNumber(w.low)}</Table.Td>
                  <Table.Td>{whoActs(w)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">
          {t(byKabupaten ? 'index.byKabupaten' : 'index.byKecamatan', { year: lastYear })}
        </Title>
        <Table.ScrollContainer minWidth={640}>
          <Table fz="sm" striped data-testid="index-kecamatan">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>
                  {t(byKabupaten ? 'regions.levels.kabupaten' : 'regions.levels.kecamatan')}
                </Table.Th>
                <Table.Th>{t('index.desa')}</Table.Th>
                {statuses.map((c) => (
                  <Table.Th key={c}>{s.scheme.statuses.find((x) => x.code === c)!.name}</Table.Th>
                ))}
                <Table.Th>{t('index.mean')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.kecamatan.map((k) => (
                <Table.Tr key={k.code}>
                  <Table.Td>
                    <Anchor component={Link} to={`/wilayah/${k.code}`}>
                      {k.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{k.desa}</Table.Td>
                  {statuses.map((c) => (
                    <Table.Td key={c}>{k.counts[c] ?? 0}</Table.Td>
                  ))}
                  <Table.Td>{fmt4(k.mean)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <WhenShown height={1}>
        <Suspense fallback={null}>
          <NationalCard scheme={s.scheme} />
        </Suspense>
      </WhenShown>
      <Group>
        <Text size="xs" c="dimmed">
          {t('index.source')}
        </Text>
      </Group>
    </Stack>
  );
}
