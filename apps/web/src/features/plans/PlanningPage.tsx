import { Badge, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { get } from '../../app/api.ts';
import { formatNumber, formatRupiah } from '../../app/format.ts';

interface Named {
  id: string;
  title: string;
  plan: string;
  level: string;
  owner: string | null;
}
interface Money {
  total: number;
  served: number;
  unserved: number;
  byTarget: { id: string; title: string; amount: number; share: number | null }[];
}
interface Sync {
  year: string;
  orphans: Named[];
  uncovered: Named[];
  kabupaten: Money;
  nasional: Money;
  scores: { owner: string; total: number; aligned: number; score: number | null }[];
  consistency: {
    nodeId: string;
    title: string;
    year: string;
    unit: string;
    target: number;
    sumBelow: number;
    gap: number;
  }[];
}
interface PlanItem {
  id: string;
  kind: string;
  level: string;
  name: string;
  startYear: number;
  endYear: number;
  sample: boolean;
}

const pct = (x: number | null) => (x === null ? '–' : `${formatNumber(x * 100, 1)} %`);

/** The synchronisation dashboard: what supports nothing, what nothing supports, where the money goes, who is aligned. */
export default function PlanningPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const sync = useQuery({
    queryKey: ['plans-sync', year],
    queryFn: () => get<Sync>(`/api/plans/sync?year=${year}`),
  });
  const list = useQuery({ queryKey: ['plans'], queryFn: () => get<{ items: PlanItem[] }>('/api/plans') });
  const d = sync.data;
  const moneyTable = (m: Money, testId: string) => (
    <Table fz="xs" striped data-testid={testId}>
      <Table.Tbody>
        {[...m.byTarget]
          .sort((a, b) => b.amount - a.amount)
          .map((x) => (
            <Table.Tr key={x.id}>
              <Table.Td>{x.title}</Table.Td>
              <Table.Td ta="right">{formatRupiah(Math.round(x.amount))}</Table.Td>
              <Table.Td ta="right">{pct(x.share)}</Table.Td>
            </Table.Tr>
          ))}
      </Table.Tbody>
    </Table>
  );
  return (
    <Stack maw={1200}>
      <Title order={2}>{t('plans.title')}</Title>
      <Text size="sm">{t('plans.help')}</Text>
      <Group>
        <Select
          value={year}
          onChange={(v) => v && setYear(v)}
          data={['2025', '2026', '2027', '2028', '2029']}
          w={120}
          allowDeselect={false}
        />
        {d && (
          <Text size="sm">
            {t('plans.served', {
              served: formatRupiah(d.kabupaten.served),
              total: formatRupiah(d.kabupaten.total),
              share: pct(d.kabupaten.total ? d.kabupaten.served / d.kabupaten.total : null),
            })}
          </Text>
        )}
      </Group>
      {d && (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder p={0} data-testid="orphans">
              <Text fw={600} p="xs">
                {t('plans.orphans', { n: d.orphans.length })}
              </Text>
              <Table fz="xs" striped>
                <Table.Tbody>
                  {d.orphans.map((o) => (
                    <Table.Tr key={o.id}>
                      <Table.Td>{o.title}</Table.Td>
                      <Table.Td c="dimmed">{o.plan}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
            <Card withBorder p={0} data-testid="uncovered">
              <Text fw={600} p="xs">
                {t('plans.uncovered', { n: d.uncovered.length })}
              </Text>
              <Table fz="xs" striped>
                <Table.Tbody>
                  {d.uncovered.map((o) => (
                    <Table.Tr key={o.id}>
                      <Table.Td>{o.title}</Table.Td>
                      <Table.Td c="dimmed">{o.plan}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder p={0}>
              <Text fw={600} p="xs">
                {t('plans.byKabupaten')}
              </Text>
              {moneyTable(d.kabupaten, 'money-kabupaten')}
            </Card>
            <Card withBorder p={0}>
              <Text fw={600} p="xs">
                {t('plans.byNational')}
              </Text>
              {moneyTable(d.nasional, 'money-national')}
            </Card>
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder p={0} data-testid="scores">
              <Text fw={600} p="xs">
                {t('plans.scores')}
              </Text>
              <Table fz="xs" striped>
                <Table.Tbody>
                  {d.scores.map((x) => (
                    <Table.Tr key={x.owner}>
                      <Table.Td>{x.owner}</Table.Td>
                      <Table.Td ta="right">{formatRupiah(x.total)}</Table.Td>
                      <Table.Td ta="right">
                        <Badge
                          color={(x.score ?? 0) >= 90 ? 'teal' : (x.score ?? 0) >= 60 ? 'yellow' : 'red'}
                          variant="light"
                        >
                          {x.score === null ? '–' : `${formatNumber(x.score, 0)} %`}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
            <Card withBorder p={0}>
              <Text fw={600} p="xs">
                {t('plans.consistency', { n: d.consistency.length })}
              </Text>
              <Table fz="xs" striped>
                <Table.Tbody>
                  {d.consistency.map((c) => (
                    <Table.Tr key={`${c.nodeId}-${c.year}`}>
                      <Table.Td>{c.title}</Table.Td>
                      <Table.Td>{c.year}</Table.Td>
                      <Table.Td ta="right">
                        {formatNumber(c.sumBelow)} / {formatNumber(c.target)} {c.unit}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          </SimpleGrid>
        </>
      )}
      <Card withBorder p={0}>
        <Text fw={600} p="xs">
          {t('plans.list')}
        </Text>
        <Table fz="sm" striped>
          <Table.Tbody>
            {list.data?.items.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Link to={`/perencanaan/${p.id}`}>{p.name}</Link>
                </Table.Td>
                <Table.Td>{p.kind}</Table.Td>
                <Table.Td>
                  {p.startYear}–{p.endYear}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}
