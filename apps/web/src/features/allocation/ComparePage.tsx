import { Anchor, Card, Grid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatRupiah } from '../../app/format.ts';
import { Link, useSearchParams } from '../../app/router.tsx';
import { KecamatanMapCard } from '../regions/KecamatanMapCard.tsx';
import { useComparison } from './api.ts';
import { Spending } from './Spending.tsx';

/** Scenarios side by side: totals, the selected set, a map and spending by kecamatan, OPD and bidang. */
export default function ComparePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const ids = params.get('ids') ?? '';
  const data = useComparison(ids);
  const items = data.data?.items ?? [];
  if (ids === '')
    return (
      <Stack maw={1200}>
        <Title order={2}>{t('allocation.compareTitle')}</Title>
        <Text data-testid="compare-none">
          {t('allocation.compareNone')}{' '}
          <Anchor component={Link} to="/skenario">
            {t('nav.budget')}
          </Anchor>
        </Text>
      </Stack>
    );
  const all = new Map(items.flatMap((s) => s.candidates.map((c) => [c.id, c] as const)));
  return (
    <Stack maw={1200}>
      <Title order={2}>{t('allocation.compareTitle')}</Title>
      <Card withBorder p={0}>
        <Table fz="sm" data-testid="compare-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              {items.map((s) => (
                <Table.Th key={s.id}>
                  <Link to={`/skenario/${s.id}`}>{s.name}</Link>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>{t('allocation.budget')}</Table.Td>
              {items.map((s) => (
                <Table.Td key={s.id}>{formatRupiah(s.budget)}</Table.Td>
              ))}
            </Table.Tr>
            <Table.Tr>
              <Table.Td>{t('allocation.totalScore')}</Table.Td>
              {items.map((s) => (
                <Table.Td key={s.id}>
                  {s.result?.objective === null || s.result?.objective === undefined
                    ? '—'
                    : formatNumber(s.result.objective, 2)}
                </Table.Td>
              ))}
            </Table.Tr>
            <Table.Tr>
              <Table.Td>{t('allocation.spent')}</Table.Td>
              {items.map((s) => (
                <Table.Td key={s.id}>{s.result ? formatRupiah(s.result.cost) : '—'}</Table.Td>
              ))}
            </Table.Tr>
            {[...all.values()].map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  {c.title}{' '}
                  <Text span size="xs" c="dimmed">
                    {formatRupiah(c.cost)}
                  </Text>
                </Table.Td>
                {items.map((s) => (
                  <Table.Td key={s.id}>
                    {s.candidates.find((x) => x.id === c.id)?.inOptimum ? '✓' : ''}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Grid>
        {items.map((s) => (
          <Grid.Col key={s.id} span={{ base: 12, md: 12 / Math.max(items.length, 1) }}>
            <Text fw={600}>{s.name}</Text>
            {s.result && s.result.status !== 'infeasible' && (
              <Stack gap="xs">
                <KecamatanMapCard
                  compact
                  testId="compare-map"
                  title={t('allocation.mapTitle')}
                  values={(code) => s.result?.spending.optimum.kecamatanCode[code] ?? 0}
                  valueLabel={t('allocation.spent')}
                />
                <Spending title={t('allocation.by.kecamatan')} data={s.result.spending.optimum.kecamatan} />
                <Spending title={t('allocation.by.opd')} data={s.result.spending.optimum.opd} />
                <Spending
                  title={t('allocation.by.bidang')}
                  data={s.result.spending.optimum.bidang}
                  label={(b) => t(`musrenbang.bidangs.${b}`, { defaultValue: b })}
                />
              </Stack>
            )}
          </Grid.Col>
        ))}
      </Grid>
    </Stack>
  );
}
