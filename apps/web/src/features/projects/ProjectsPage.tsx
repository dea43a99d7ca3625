import {
  Badge,
  Button,
  Card,
  Group,
  Pagination,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber, formatRupiah } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.ts';
import { WhenShown } from '../../app/WhenShown.tsx';
import { useBottlenecks, useProjects } from './api.ts';
import { ProjectExtras } from './ProjectExtras.tsx';

export const statusColour: Record<string, string> = {
  sesuai: 'teal',
  terlambat: 'orange',
  kritis: 'red',
  selesai: 'blue',
  belum_mulai: 'gray',
};
/** Rows of the list at a time: hundreds of rows at once blocked the page for seconds on a slow phone. */
const PAGE = 50;
/** About the height of a row of the list, for the box that holds its place until it is drawn. */
const ROW_HEIGHT = 56;
const n1 = (x: number) =>
  formatNumber(Math.round(x * 10) / 10, Number.isInteger(Math.round(x * 10) / 10) ? 0 : 1);

/** The portfolio: status counts, money by OPD and source, the projects at risk, and the list. */
export default function ProjectsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [status, setStatusOnly] = useState<string | null>(null);
  const [opd, setOpdOnly] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const list = useRef<HTMLDivElement>(null);
  // A new filter starts at its first page; a new page starts at the top of the list.
  const setStatus = (s: string | null) => {
    setStatusOnly(s);
    setPage(1);
  };
  const setOpd = (o: string | null) => {
    setOpdOnly(o);
    setPage(1);
  };
  const turnPage = (p: number) => {
    setPage(p);
    list.current?.scrollIntoView({ block: 'start' });
  };
  const data = useProjects({ status, organisationId: opd, limit: PAGE, offset: (page - 1) * PAGE });
  const bottlenecks = useBottlenecks();
  const items = data.data?.items ?? [];
  const summary = data.data?.summary;
  const total = data.data?.total ?? 0;
  const everything = summary ? Object.values(summary.statuses).reduce((a, b) => a + b, 0) : 0;
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const current = Math.min(page, pages);
  return (
    <Stack maw={1250}>
      <Group justify="space-between">
        <Title order={2}>{t('projects.title')}</Title>
        <Group>
          <Button component={Link} to="/jalan" variant="default">
            {t('roads.title')}
          </Button>
          <Button component="a" href="/api/oc4ids.json" variant="default">
            OC4IDS
          </Button>
          {can('projects.manage') && (
            <Button component={Link} to="/proyek/baru" data-testid="project-new">
              {t('projects.new')}
            </Button>
          )}
        </Group>
      </Group>
      <Text size="sm">{t('projects.help', { date: data.data ? formatDate(data.data.on) : '' })}</Text>
      <SimpleGrid cols={{ base: 2, sm: 5 }} data-testid="project-status-counts">
        {(['sesuai', 'terlambat', 'kritis', 'selesai', 'belum_mulai'] as const).map((s) => (
          <Card
            withBorder
            key={s}
            onClick={() => setStatus(status === s ? null : s)}
            style={{ cursor: 'pointer' }}
          >
            <Badge color={statusColour[s]} variant="light">
              {vocab('projects.statuses', s)}
            </Badge>
            <Text fw={700} size="xl">
              {formatNumber(summary?.statuses[s] ?? 0)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card withBorder p={0}>
          <Text fw={600} p="xs">
            {t('projects.byOpd')}
          </Text>
          <Table.ScrollContainer minWidth={480}>
            <Table fz="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>OPD</Table.Th>
                  <Table.Th ta="right">{t('projects.count')}</Table.Th>
                  <Table.Th ta="right">{t('projects.value')}</Table.Th>
                  <Table.Th ta="right">{t('projects.spent')}</Table.Th>
                  <Table.Th ta="right">{t('projects.atRisk')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {summary?.byOpd.map((o) => (
                  <Table.Tr
                    key={o.organisationId}
                    onClick={() => setOpd(opd === o.organisationId ? null : o.organisationId)}
                    style={{ cursor: 'pointer' }}
                    fw={opd === o.organisationId ? 700 : undefined}
                  >
                    <Table.Td>{o.organisation}</Table.Td>
                    <Table.Td ta="right">{formatNumber(o.projects)}</Table.Td>
                    <Table.Td ta="right">{formatRupiah(o.value)}</Table.Td>
                    <Table.Td ta="right">{formatRupiah(o.spent)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(o.atRisk)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
        <Card withBorder p={0}>
          <Text fw={600} p="xs">
            {t('projects.bySource')}
          </Text>
          <Table fz="xs" striped>
            <Table.Tbody>
              {summary?.bySource.map((v) => (
                <Table.Tr key={v.source}>
                  <Table.Td>{vocab('projects.sources', v.source)}</Table.Td>
                  <Table.Td ta="right">{formatRupiah(v.planned)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
        <Card withBorder p={0} data-testid="bottlenecks">
          <Text fw={600} p="xs">
            {t('projects.bottlenecks')}
          </Text>
          <Table fz="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('projects.permitKind')}</Table.Th>
                <Table.Th ta="right">{t('projects.count')}</Table.Th>
                <Table.Th ta="right">{t('projects.value')}</Table.Th>
                <Table.Th ta="right">{t('projects.daysBlocked')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {bottlenecks.data?.items.map((b) => (
                <Table.Tr key={b.kind}>
                  <Table.Td>{vocab('projects.permits', b.kind)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(b.projects)}</Table.Td>
                  <Table.Td ta="right">{formatRupiah(b.money)}</Table.Td>
                  <Table.Td ta="right">{b.meanDaysBlocked ?? '–'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      </SimpleGrid>
      {summary && <ProjectExtras summary={summary} />}
      <Group>
        <Select
          placeholder={t('projects.status')}
          clearable
          value={status}
          onChange={setStatus}
          data={(['sesuai', 'terlambat', 'kritis', 'selesai', 'belum_mulai'] as const).map((s) => ({
            value: s,
            label: vocab('projects.statuses', s),
          }))}
        />
        <Text size="sm" c="dimmed">
          {formatNumber(total)} / {formatNumber(everything)}
        </Text>
      </Group>
      {/* Below the first screen: drawn as it comes near, a box of its height until then (watched
          once the summary above has its height). */}
      <div ref={list}>
        {summary && (
          <WhenShown height={items.length * ROW_HEIGHT}>
            <Card withBorder p={0}>
              <Table fz="sm" striped data-testid="projects">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('projects.name')}</Table.Th>
                    <Table.Th>OPD</Table.Th>
                    <Table.Th>{t('projects.location')}</Table.Th>
                    <Table.Th ta="right">{t('projects.value')}</Table.Th>
                    <Table.Th ta="right">{t('projects.planActual')}</Table.Th>
                    <Table.Th ta="right">{t('projects.deviation')}</Table.Th>
                    <Table.Th>{t('projects.status')}</Table.Th>
                    <Table.Th>{t('projects.forecast')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        <Link to={`/proyek/${p.id}`}>{p.name}</Link>
                        <Text size="xs" c="dimmed">
                          {p.code}
                          {p.blockedPermits > 0 && ` · ${t('projects.blocked')}`}
                        </Text>
                      </Table.Td>
                      <Table.Td>{p.organisation}</Table.Td>
                      <Table.Td>
                        {p.regionName}, {p.kecamatanName}
                      </Table.Td>
                      <Table.Td ta="right">{formatRupiah(p.contractValue)}</Table.Td>
                      <Table.Td ta="right">
                        {n1(p.plannedPhysical)} % / {n1(p.physical)} %
                      </Table.Td>
                      <Table.Td ta="right" c={p.deviation < 0 ? 'red' : undefined}>
                        {n1(p.deviation)}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={statusColour[p.status]} variant="light">
                          {vocab('projects.statuses', p.status)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{p.forecast ? formatDate(p.forecast) : '–'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          </WhenShown>
        )}
      </div>
      {pages > 1 && (
        <Pagination total={pages} value={current} onChange={turnPage} data-testid="projects-pages" />
      )}
    </Stack>
  );
}
