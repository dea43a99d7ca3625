import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { ProvinceSynchronisation } from '@sinergi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatRupiah } from '../../app/format.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { Link } from '../../app/router.tsx';
import { planKeys, useProvince, useProvinceSync } from './api.ts';
import { ConsistencyTable } from './ConsistencyTable.tsx';

const pct = (x: number | null) => (x === null ? '–' : `${formatNumber(x * 100, 1)} %`);
const SHOWN = 50;

/**
 * The province's Bappeda with its kabupaten/kota (issue 22, part 2): the synchronisation of the
 * province's RPJMD and Renstra with each kabupaten's plans, the matrix, and each kabupaten's plans.
 */
export default function ProvincePage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const overview = useProvince();
  const o = overview.data;
  const sync = useProvinceSync(year, o?.scope === 'provinsi');
  if (!o) return <QueryState query={overview} queryKey={planKeys.province()} />;
  if (o.scope !== 'provinsi')
    return (
      <Text size="sm" c="dimmed" data-testid="not-province">
        {t('province.notProvince')}
      </Text>
    );
  const d = sync.data;
  return (
    <Stack maw={1200}>
      <Title order={2}>{t('province.title')}</Title>
      <Text size="sm">{t('province.help', { province: o.province?.name ?? '' })}</Text>
      <Group>
        <Select
          value={year}
          onChange={(v) => v && setYear(v)}
          data={['2025', '2026', '2027', '2028', '2029']}
          w={120}
          allowDeselect={false}
          aria-label={t('plans.year')}
        />
        <Button
          component="a"
          size="xs"
          variant="default"
          href={`/api/plans/province/matrix.xlsx?year=${year}`}
        >
          {t('plans.matrixXlsx')}
        </Button>
        <Button
          component="a"
          size="xs"
          variant="default"
          href={`/api/plans/province/matrix.pdf?year=${year}`}
        >
          {t('plans.matrixPdf')}
        </Button>
      </Group>
      {d && d.unreachable.length > 0 && (
        <Alert color="yellow" data-testid="province-unreachable">
          {t('province.unreachable', { names: d.unreachable.map((k) => k.name).join(', ') })}
        </Alert>
      )}
      {d && (
        <Text size="sm" data-testid="province-served">
          {t('province.served', {
            served: formatRupiah(Math.round(d.money.served)),
            total: formatRupiah(Math.round(d.money.total)),
            share: pct(d.money.total ? d.money.served / d.money.total : null),
          })}
        </Text>
      )}
      {d && <Dashboard d={d} />}
      {o.kabupaten.map((k) => (
        <Card withBorder p={0} key={k.code} data-testid={`plans-${k.code}`}>
          <Text fw={600} p="xs">
            {t('province.plansOf', { name: k.name })}
          </Text>
          {k.plans.length === 0 && (
            <Text size="sm" c="dimmed" px="xs" pb="xs">
              {t('province.noPlans')}
            </Text>
          )}
          <Table fz="sm" striped>
            <Table.Tbody>
              {k.plans.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Link to={`/perencanaan/provinsi/${k.code}/${p.id}`}>{p.name}</Link>
                  </Table.Td>
                  <Table.Td>{p.kind}</Table.Td>
                  <Table.Td c="dimmed">{p.ownerName ?? ''}</Table.Td>
                  <Table.Td>
                    {p.startYear}–{p.endYear}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      ))}
    </Stack>
  );
}

function Dashboard({ d }: { d: ProvinceSynchronisation }) {
  const { t } = useTranslation();
  return (
    <>
      <Card withBorder p={0} data-testid="province-kabupaten">
        <Table.ScrollContainer minWidth={640}>
          <Table fz="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('province.kabupaten')}</Table.Th>
                <Table.Th ta="right">{t('province.plans')}</Table.Th>
                <Table.Th ta="right">{t('province.pagu', { year: d.year })}</Table.Th>
                <Table.Th ta="right">{t('province.aligned')}</Table.Th>
                <Table.Th ta="right">{t('province.score')}</Table.Th>
                <Table.Th ta="right">{t('province.orphansShort')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.kabupaten.map((k) => (
                <Table.Tr key={k.code}>
                  <Table.Td>{k.name}</Table.Td>
                  <Table.Td ta="right">{formatNumber(k.plans)}</Table.Td>
                  <Table.Td ta="right">{formatRupiah(Math.round(k.total))}</Table.Td>
                  <Table.Td ta="right">{formatRupiah(Math.round(k.aligned))}</Table.Td>
                  <Table.Td ta="right">
                    <Badge
                      variant="light"
                      color={
                        k.score === null ? 'gray' : k.score >= 90 ? 'teal' : k.score >= 60 ? 'yellow' : 'red'
                      }
                    >
                      {k.score === null ? '–' : `${formatNumber(k.score, 0)} %`}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(k.orphans)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder p={0} data-testid="province-uncovered">
          <Text fw={600} p="xs">
            {t('province.uncovered', { n: d.uncovered.length })}
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
        <Card withBorder p={0} data-testid="province-money">
          <Text fw={600} p="xs">
            {t('province.byTarget')}
          </Text>
          <Table fz="xs" striped>
            <Table.Tbody>
              {[...d.money.byTarget]
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
        </Card>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder p={0} data-testid="province-orphans">
          <Text fw={600} p="xs">
            {t('province.orphans', { n: d.orphans.length })}
          </Text>
          <Table fz="xs" striped>
            <Table.Tbody>
              {d.orphans.slice(0, SHOWN).map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>{o.title}</Table.Td>
                  <Table.Td c="dimmed">
                    {o.ownerName} · {o.plan}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {d.orphans.length > SHOWN && (
            <Text size="xs" c="dimmed" p="xs">
              {t('province.more', { n: d.orphans.length - SHOWN })}
            </Text>
          )}
        </Card>
        <Card withBorder p={0} data-testid="province-consistency">
          <Text fw={600} p="xs">
            {t('province.consistency', { n: d.consistency.length })}
          </Text>
          <ConsistencyTable rows={d.consistency} />
        </Card>
      </SimpleGrid>
      <Anchor component={Link} to="/perencanaan" size="sm">
        ← {t('plans.title')}
      </Anchor>
    </>
  );
}
