import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { fundingLineKey, progressCurve } from '@sinergi/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber, formatRupiah } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { Link, useParams } from '../../app/router.tsx';
import { WhenShown } from '../../app/WhenShown.tsx';
import { SiteReports } from '../citizens/SiteReports.tsx';
import { projectKeys, useProject, useRefreshProjects } from './api.ts';
import { PermitsCard } from './PermitsCard.tsx';
import { ReportForm, ReportList } from './ProjectReports.tsx';
import { statusColour } from './ProjectsPage.tsx';

const TrendChart = lazy(() => import('../village-index/TrendChart.tsx'));

export const n1 = (x: number) =>
  formatNumber(Math.round(x * 10) / 10, Number.isInteger(Math.round(x * 10) / 10) ? 0 : 1);

/** One project: plan against actual, money by source, photos in time order, permits, reporting. */
export default function ProjectPage() {
  const { id } = useParams();
  const { t } = useTranslation();

  const q = useProject(id);
  const reload = useRefreshProjects();
  const p = q.data;
  if (!p) return <QueryState query={q} queryKey={projectKeys.detail(id)} />;
  // What the reader may do here comes with the project (core's projectAbilities), not from the role.
  const may = p.abilities;
  const reports = [...p.reports].sort((a, b) => a.reportDate.localeCompare(b.reportDate));
  // Physical and financial progress against plan, from verified reports, past the contract end if late.
  const curve = progressCurve(p.plan, reports, p.contractValue);
  const latest = reports.filter((r) => r.state !== 'ditolak').at(-1);
  const st = p.standing;
  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="start">
        <div>
          <Title order={2}>
            {p.name}{' '}
            {p.sample && (
              <Badge color="orange" variant="light">
                {t('registry.sample')}
              </Badge>
            )}
          </Title>
          <Text size="sm" c="dimmed">
            {p.code} · {vocab('projects.types', p.type)} · {p.organisation?.name} · {p.regionName} ·{' '}
            {p.contractor} · {formatDate(p.startDate)} – {formatDate(p.endDate)}
          </Text>
          {p.location?.type === 'Point' && (
            <Text size="sm">
              {t('projects.point')}:{' '}
              <a
                href={`https://www.openstreetmap.org/?mlat=${(p.location.coordinates as [number, number])[1]}&mlon=${(p.location.coordinates as [number, number])[0]}#map=16/${(p.location.coordinates as [number, number])[1]}/${(p.location.coordinates as [number, number])[0]}`}
                target="_blank"
                rel="noreferrer"
              >
                {formatNumber((p.location.coordinates as [number, number])[1], 5)};{' '}
                {formatNumber((p.location.coordinates as [number, number])[0], 5)}
              </a>
            </Text>
          )}
          {st.pending && (
            <Text size="sm" c="orange" data-testid="project-pending">
              {t('projects.pending', {
                date: formatDate(st.pending.reportDate),
                physical: n1(st.pending.physical),
                spent: formatRupiah(st.pending.spent),
              })}
            </Text>
          )}
          {p.proposal && (
            <Text size="sm">
              {t('projects.fromProposal')}:{' '}
              <Link to={`/lacak/${p.proposal.trackingCode}`}>{p.proposal.trackingCode}</Link> ·{' '}
              {p.proposal.title}
            </Text>
          )}
        </div>
        <Badge size="lg" color={statusColour[st.status]} variant="light" data-testid="project-status">
          {vocab('projects.statuses', st.status)}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Card withBorder>
          <Text size="xs" c="dimmed">
            {t('projects.planActual')}
          </Text>
          <Text fw={700} size="lg" data-testid="project-progress">
            {n1(st.plannedPhysical)} % / {n1(st.physical)} %
          </Text>
        </Card>
        <Card withBorder>
          <Text size="xs" c="dimmed">
            {t('projects.deviation')}
          </Text>
          <Text fw={700} size="lg" c={st.deviation < 0 ? 'red' : undefined}>
            {n1(st.deviation)}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="xs" c="dimmed">
            {t('projects.spentOfPlan')}
          </Text>
          <Text fw={700} size="lg">
            {formatRupiah(st.spent)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('projects.plannedSpending')}: {formatRupiah(Math.round(st.plannedFinancial))}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="xs" c="dimmed">
            {t('projects.forecast')}
          </Text>
          <Text fw={700} size="lg">
            {st.forecast ? formatDate(st.forecast) : '–'}
          </Text>
          <Text size="xs" c="dimmed">
            {t('projects.contractEnd')}: {formatDate(p.endDate)}
          </Text>
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Text fw={600} size="sm">
          {t('projects.curve')}
        </Text>
        <WhenShown height={260}>
          <Suspense fallback={<Text size="sm">…</Text>}>
            <TrendChart
              years={curve.map((x) => x.month)}
              series={(
                [
                  ['projects.planned', 'plannedPhysical', '#868e96'],
                  ['projects.actual', 'physical', '#12b886'],
                  ['projects.plannedFinancial', 'plannedFinancial', '#adb5bd'],
                  ['projects.actualFinancial', 'financial', '#1c7ed6'],
                ] as const
              ).map(([label, key, colour]) => ({
                name: t(label),
                kind: 'line' as const,
                values: curve.map((x) => x[key]),
                colour,
              }))}
            />
          </Suspense>
        </WhenShown>
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder p={0}>
          <Text fw={600} p="xs">
            {t('projects.money')}
          </Text>
          <Table fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('projects.source')}</Table.Th>
                <Table.Th ta="right">{t('projects.budget')}</Table.Th>
                <Table.Th ta="right">{t('projects.realised')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.funding.map((f) => (
                <Table.Tr key={fundingLineKey(f)}>
                  <Table.Td>
                    {vocab('projects.sources', f.source)}
                    {f.partnerId && (
                      <>
                        {': '}
                        <Anchor component={Link} to={`/mitra/${f.partnerId}`} size="sm">
                          {f.partnerName}
                        </Anchor>
                      </>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{formatRupiah(f.amount)}</Table.Td>
                  <Table.Td ta="right">{formatRupiah(latest?.spending[fundingLineKey(f)] ?? 0)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
        <PermitsCard project={p} manage={may.managePermits} onDone={reload} />
      </SimpleGrid>
      {may.report && <ReportForm project={p} onDone={reload} />}
      <Card withBorder p={0} data-testid="reports">
        <Text fw={600} p="xs">
          {t('projects.reports')}
        </Text>
        <ReportList reports={reports} mayVerify={may.verify} reporter={may.report} onDone={reload} />
      </Card>
      <SiteReports projectId={p.id} />
    </Stack>
  );
}
