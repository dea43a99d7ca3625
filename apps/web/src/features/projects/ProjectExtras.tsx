import { Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import type { ProjectSummary, ThresholdsView as Thresholds } from '@sinergi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { FileUpload } from '../../app/FileUpload.tsx';
import { formatNumber } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { PercentInput } from '../../app/inputs.tsx';
import { Problem } from '../../app/Problem.tsx';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.ts';
import { useSubmit } from '../../app/use-submit.ts';
import { KecamatanMapCard } from '../regions/KecamatanMapCard.tsx';
import { useRefreshProjects, useThresholds } from './api.ts';
import { statusColour } from './ProjectsPage.tsx';

const n1 = (x: number | null) => (x === null ? '–' : `${formatNumber(Math.round(x * 10) / 10, 1)} %`);

/**
 * The dashboard's second row: the projects at risk this month by agency, a map of them by
 * kecamatan, progress rolled up by program or activity (weighted by contract value), the monthly
 * report and the progress file, and the office's thresholds.
 */
export function ProjectExtras({ summary }: { summary: ProjectSummary }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const { atRisk, groups } = summary;
  const atRiskIn = new Map(atRisk.byKecamatan.map((k) => [k.kecamatan, k.projects]));
  const month = new Date().toISOString().slice(0, 7);
  const [reportMonth, setReportMonth] = useState(month);
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder p={0} data-testid="at-risk">
          <Text fw={600} p="xs">
            {t('projects.atRiskTitle', { n: formatNumber(atRisk.total) })}
          </Text>
          <Table fz="xs" striped>
            <Table.Tbody>
              {atRisk.byOpd.map((o) => (
                <Table.Tr key={o.organisation}>
                  <Table.Td fw={600} w={110}>
                    {o.organisation}
                  </Table.Td>
                  <Table.Td>
                    {o.worst.map((p) => (
                      <Group key={p.id} gap={4} wrap="nowrap">
                        <Badge size="xs" color={statusColour[p.status]} variant="light">
                          {formatNumber(Math.round(p.deviation))}
                        </Badge>
                        <Link to={`/proyek/${p.id}`}>{p.name}</Link>
                      </Group>
                    ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
        <KecamatanMapCard
          title={t('projects.mapAtRisk')}
          values={(code) => atRiskIn.get(code) ?? 0}
          valueLabel={t('projects.atRisk')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder p={0} data-testid="groups">
          <Text fw={600} p="xs">
            {t('projects.groups')}
          </Text>
          <Table fz="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('projects.group')}</Table.Th>
                <Table.Th ta="right">{t('projects.count')}</Table.Th>
                <Table.Th ta="right">{t('projects.planActual')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groups.map((g) => (
                <Table.Tr key={g.code}>
                  <Table.Td>{g.name}</Table.Td>
                  <Table.Td ta="right">{formatNumber(g.projects)}</Table.Td>
                  <Table.Td ta="right">
                    {n1(g.planned)} / {n1(g.actual)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
        <Stack>
          <Card withBorder>
            <Text fw={600} size="sm">
              {t('projects.monthly')}
            </Text>
            <Group mt="xs" align="end">
              <TextInput
                label={t('projects.month')}
                value={reportMonth}
                onChange={(e) => setReportMonth(e.currentTarget.value)}
                w={120}
              />
              <Button
                component="a"
                variant="default"
                href={`/api/projects/monthly-report.pdf?month=${reportMonth}`}
                data-testid="monthly-pdf"
              >
                PDF
              </Button>
              <Button
                component="a"
                variant="default"
                href={`/api/projects/monthly-report.xlsx?month=${reportMonth}`}
              >
                XLSX
              </Button>
            </Group>
          </Card>
          {can('projects.report') && <ProgressFile />}
          {can('projects.settings') && <ThresholdsCard />}
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}

function ProgressFile() {
  const { t } = useTranslation();
  const refresh = useRefreshProjects();
  return (
    <Card withBorder>
      <Text fw={600} size="sm">
        {t('projects.progressFile')}
      </Text>
      <Group mt="xs" align="start">
        <Button component="a" variant="default" href="/api/projects/export/progress.xlsx">
          {t('projects.downloadLayout')}
        </Button>
        <FileUpload<{ rows: number }>
          url="/api/projects/import/progress"
          label={t('projects.upload')}
          describe={(r) => t('projects.imported', { n: r.rows })}
          onDone={refresh}
        />
      </Group>
    </Card>
  );
}

function ThresholdsCard() {
  const { t } = useTranslation();
  const refresh = useRefreshProjects();
  const current = useThresholds();
  const [edit, setEdit] = useState<Thresholds | null>(null);
  const v = edit ?? current.data;
  const save = useSubmit(
    () => api('PUT', '/api/projects/thresholds', v),
    async () => {
      setEdit(null);
      await refresh();
    },
  );
  if (!v) return null;
  const field = (k: keyof Thresholds) => (
    <PercentInput
      size="xs"
      w={110}
      label={vocab('projects.thresholds', k)}
      value={v[k]}
      min={0}
      max={100}
      onChange={(x) => setEdit({ ...v, [k]: Number(x) || 0 })}
    />
  );
  return (
    <Card withBorder>
      <Text fw={600} size="sm">
        {t('projects.thresholdsTitle')}
      </Text>
      <Group mt="xs" align="end">
        {field('lateTolerance')}
        {field('criticalEarly')}
        {field('criticalLate')}
        {field('criticalSwitchAt')}
        <Button size="xs" onClick={() => save.submit()} loading={save.busy} disabled={!edit}>
          {t('projects.saveThresholds')}
        </Button>
      </Group>
      <Problem error={save.error} />
    </Card>
  );
}
