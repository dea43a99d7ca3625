import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  CloseButton,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { DrillNode, Alignment as Money, AlignmentScore as Score } from '@sinergi/contracts';
import { lazy, Suspense, useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatRupiah } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.ts';
import { useDrill, usePlans, useSynchronisation } from './api.ts';
import { ConsistencyTable } from './ConsistencyTable.tsx';
import { ProvinceCard } from './ProvinceCard.tsx';

// Drawn for those who may create a plan: its checks (the contracts' schemas) are not code the
// public's reading of the plans runs (issue 18: evaluating them was a task of 60-100 ms at 4x).
const NewPlan = lazy(() => import('./NewPlan.tsx').then((m) => ({ default: m.NewPlan })));

const pct = (x: number | null) => (x === null ? '–' : `${formatNumber(x * 100, 1)} %`);

/** The synchronisation dashboard: what supports nothing, what nothing supports, where the money goes, who is aligned. */
export default function PlanningPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [drill, setDrill] = useState<string | null>(null);
  const sync = useSynchronisation(year);
  const list = usePlans();
  // Drawn as React finds time once a read arrives, not in one task: the dashboard's tables arriving
  // after a page drawn without them were a task of 110-160 ms at 4x throttle (issue 18).
  const d = useDeferredValue(sync.data);
  const plans = useDeferredValue(list.data);
  const moneyTable = (m: Money, testId: string) => (
    <Table fz="xs" striped data-testid={testId}>
      <Table.Tbody>
        {[...m.byTarget]
          .sort((a, b) => b.amount - a.amount)
          .map((x) => (
            <Table.Tr key={x.id}>
              <Table.Td>
                <Anchor
                  component="button"
                  type="button"
                  size="xs"
                  onClick={() => setDrill(x.id)}
                  data-testid="drill-open"
                >
                  {x.title}
                </Anchor>
              </Table.Td>
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
        <Button component="a" size="xs" variant="default" href={`/api/plans/matrix.xlsx?year=${year}`}>
          {t('plans.matrixXlsx')}
        </Button>
        <Button component="a" size="xs" variant="default" href={`/api/plans/matrix.pdf?year=${year}`}>
          {t('plans.matrixPdf')}
        </Button>
        <Button component={Link} size="xs" variant="subtle" to="/capaian">
          {t('plans.publicTargets')}
        </Button>
        {can('plans.manage') && (
          <Button component={Link} size="xs" variant="subtle" to="/perencanaan/data">
            {t('plans.referenceData')}
          </Button>
        )}
      </Group>
      <Group>
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
      <ProvinceCard />
      {drill && <Drill node={drill} year={year} onClose={() => setDrill(null)} />}
      {d && d.nestedPagu.length > 0 && (
        <Alert
          color="orange"
          title={t('plans.nestedPagu', { n: d.nestedPagu.length })}
          data-testid="nested-pagu"
        >
          {d.nestedPagu.map((x) => (
            <Text size="xs" key={x.nodeId}>
              {x.title} ⊂ {x.ancestor} ({x.plan})
            </Text>
          ))}
        </Alert>
      )}
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
                      <Table.Td c="dimmed">
                        {o.plan}
                        {o.ownerName && ` · ${o.ownerName}`}
                      </Table.Td>
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
              <ScoreTable rows={d.scores} />
            </Card>
            <Card withBorder p={0} data-testid="villages">
              <Text fw={600} p="xs">
                {t('plans.villages')}
              </Text>
              <ScoreTable rows={d.villages} />
            </Card>
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder p={0}>
              <Text fw={600} p="xs">
                {t('plans.consistency', { n: d.consistency.length })}
              </Text>
              <ConsistencyTable rows={d.consistency} />
            </Card>
          </SimpleGrid>
        </>
      )}
      {can('plans.edit') && (
        <Suspense fallback={null}>
          <NewPlan />
        </Suspense>
      )}
      <Card withBorder p={0}>
        <Text fw={600} p="xs">
          {t('plans.list')}
        </Text>
        <Table fz="sm" striped>
          <Table.Tbody>
            {plans?.items.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Link to={`/perencanaan/${p.id}`}>{p.name}</Link>
                </Table.Td>
                <Table.Td>
                  {p.kind}
                  {p.source && (
                    <Badge ml="xs" size="xs" variant="light">
                      {t('province.copyBadge')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td c="dimmed">{p.ownerName ?? ''}</Table.Td>
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

function ScoreTable({ rows }: { rows: Score[] }) {
  return (
    <Table fz="xs" striped>
      <Table.Tbody>
        {rows.map((x) => (
          <Table.Tr key={x.owner}>
            <Table.Td>{x.ownerName}</Table.Td>
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
  );
}

/**
 * What serves a target, as a tree under it: the kabupaten goals and targets, the OPD programs down
 * to sub-kegiatan, the desa items, and the Musrenbang proposals linked to them, with the year's pagu.
 */
function Drill({ node, year, onClose }: { node: string; year: string; onClose: () => void }) {
  const { t } = useTranslation();
  const q = useDrill(node, year);
  const r = q.data;
  if (!r) return null;
  // Each node is drawn once, under the first node it goes through.
  const placed = new Set<string>();
  const rows: { node: DrillNode; depth: number }[] = [];
  const walk = (id: string, depth: number) => {
    for (const n of r.nodes.filter((x) => x.via.includes(id))) {
      if (placed.has(n.id)) continue;
      placed.add(n.id);
      rows.push({ node: n, depth });
      walk(n.id, depth + 1);
    }
  };
  walk(r.target.id, 0);
  // Money is counted once, on the work items (Renja and RKPDes), not again on what they serve.
  const total = rows.reduce((s, x) => s + x.node.budget, 0);
  return (
    <Card withBorder data-testid="drill">
      <Group justify="space-between">
        <Text fw={600}>{t('plans.drillTitle', { title: r.target.title })}</Text>
        <CloseButton onClick={onClose} aria-label={t('common.close')} />
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {t('plans.drillHelp', { n: rows.length, total: formatRupiah(total), year })}
      </Text>
      <Table fz="xs" striped>
        <Table.Tbody>
          {rows.map(({ node: n, depth }) => (
            <Table.Tr key={n.id}>
              <Table.Td pl={8 + depth * 18}>
                <Badge size="xs" variant="light" mr={6}>
                  {vocab('plans.kinds', n.kind)}
                </Badge>
                {n.code && `${n.code} `}
                <Anchor component={Link} to={`/perencanaan/${n.planId}`} size="xs">
                  {n.title}
                </Anchor>
                {r.proposals
                  .filter((x) => x.planNodeId === n.id)
                  .map((x) => (
                    <Text size="xs" c="dimmed" key={x.id}>
                      ↳ {t('plans.proposal')}{' '}
                      <Anchor component={Link} to={`/usulan/${x.id}`} size="xs">
                        {x.trackingCode}
                      </Anchor>{' '}
                      {x.title}
                    </Text>
                  ))}
              </Table.Td>
              <Table.Td c="dimmed">{n.ownerName ?? n.plan}</Table.Td>
              <Table.Td ta="right">{n.budget ? formatRupiah(n.budget) : ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
