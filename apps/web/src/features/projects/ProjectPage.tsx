import {
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Image,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { get, post, uploadFile } from '../../app/api.ts';
import { formatDate, formatNumber, formatRupiah } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { Problem } from '../../app/Problem.tsx';
import { useSession } from '../../app/session.ts';
import { useSubmit } from '../../app/use-submit.ts';
import { statusColour } from './ProjectsPage.tsx';

const TrendChart = lazy(() => import('../village-index/TrendChart.tsx'));

interface Report {
  id: string;
  reportDate: string;
  physical: number;
  spending: Record<string, number>;
  note: string;
  problems: string;
  followUp: string;
  finalDocuments: string[];
  state: string;
  photos: { id: string; takenAt: string | null; lat: number | null; lng: number | null }[];
}
interface Project {
  id: string;
  code: string;
  name: string;
  type: string;
  organisationId: string;
  organisation: { shortName: string; name: string } | null;
  regionCode: string;
  regionName: string;
  contractor: string;
  contractValue: number;
  startDate: string;
  endDate: string;
  funding: { source: string; amount: number }[];
  plan: { month: string; physical: number; financial: number }[];
  proposal: { id: string; trackingCode: string; title: string } | null;
  location: { type: string; coordinates: [number, number] | [number, number][] } | null;
  reports: Report[];
  permits: {
    id: string;
    kind: string;
    status: string;
    office: string;
    requestedOn: string | null;
    daysBlocked: number | null;
    note: string;
  }[];
  standing: {
    plannedPhysical: number;
    physical: number;
    deviation: number;
    plannedFinancial: number;
    spent: number;
    status: string;
    forecast: string | null;
  };
  sample: boolean;
}

const n1 = (x: number) =>
  formatNumber(Math.round(x * 10) / 10, Number.isInteger(Math.round(x * 10) / 10) ? 0 : 1);

/** One project: plan against actual, money by source, photos in time order, permits, reporting. */
export default function ProjectPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { can, session } = useSession();
  const client = useQueryClient();
  const q = useQuery({ queryKey: ['project', id], queryFn: () => get<Project>(`/api/projects/${id}`) });
  const reload = () => client.invalidateQueries({ queryKey: ['project', id] });
  const p = q.data;
  if (!p) return <Text>{t('common.loading')}</Text>;
  const role = session?.user?.role;
  const runs = role === 'admin' || (role === 'opd' && session?.user?.organisationId === p.organisationId);
  const reports = [...p.reports].sort((a, b) => a.reportDate.localeCompare(b.reportDate));
  const lastMonth =
    reports
      .filter((r) => r.state !== 'ditolak')
      .at(-1)
      ?.reportDate.slice(0, 7) ?? '';
  const actualByMonth = (month: string) => {
    // Only months up to the last report: the future has no actual value yet.
    if (month > lastMonth) return null;
    const inMonth = reports.filter((r) => r.state !== 'ditolak' && r.reportDate.slice(0, 7) <= month);
    return inMonth.length ? inMonth.at(-1)!.physical : 0;
  };
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
                {(p.location.coordinates as [number, number])[1].toFixed(5)},{' '}
                {(p.location.coordinates as [number, number])[0].toFixed(5)}
              </a>
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
        <Suspense fallback={<Text size="sm">…</Text>}>
          <TrendChart
            years={p.plan.map((x) => x.month)}
            series={[
              {
                name: t('projects.planned'),
                kind: 'line',
                values: p.plan.map((x) => x.physical),
                colour: '#868e96',
              },
              {
                name: t('projects.actual'),
                kind: 'line',
                values: p.plan.map((x) => actualByMonth(x.month)),
                colour: '#12b886',
              },
            ]}
          />
        </Suspense>
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
                <Table.Tr key={f.source}>
                  <Table.Td>{vocab('projects.sources', f.source)}</Table.Td>
                  <Table.Td ta="right">{formatRupiah(f.amount)}</Table.Td>
                  <Table.Td ta="right">{formatRupiah(latest?.spending[f.source] ?? 0)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
        <PermitsCard project={p} manage={runs || role === 'perencana'} onDone={reload} />
      </SimpleGrid>
      {can('projects.report') && <ReportForm project={p} onDone={reload} />}
      <Card withBorder p={0} data-testid="reports">
        <Text fw={600} p="xs">
          {t('projects.reports')}
        </Text>
        <Table fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('projects.reportDate')}</Table.Th>
              <Table.Th ta="right">{t('projects.physical')}</Table.Th>
              <Table.Th ta="right">{t('projects.spent')}</Table.Th>
              <Table.Th>{t('projects.problems')}</Table.Th>
              <Table.Th>{t('projects.state')}</Table.Th>
              <Table.Th>{t('projects.photos')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...reports].reverse().map((r) => (
              <ReportRow
                key={r.id}
                report={r}
                runs={runs}
                reporter={can('projects.report')}
                onDone={reload}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}

function ReportRow({
  report: r,
  runs,
  reporter,
  onDone,
}: {
  report: Report;
  runs: boolean;
  reporter: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const upload = useSubmit(async () => {
    if (!file) return;
    await uploadFile(`/api/reports/${r.id}/photos`, file, file.type);
    setFile(null);
  }, onDone);
  const verify = useSubmit(() => post(`/api/reports/${r.id}/verify`, { approve: true }), onDone);
  const spent = Object.values(r.spending).reduce((s, v) => s + v, 0);
  return (
    <Table.Tr>
      <Table.Td>{formatDate(r.reportDate)}</Table.Td>
      <Table.Td ta="right">{n1(r.physical)} %</Table.Td>
      <Table.Td ta="right">{formatRupiah(spent)}</Table.Td>
      <Table.Td>
        {r.problems}
        {r.followUp && (
          <Text size="xs" c="dimmed">
            {r.followUp}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Badge variant="light">{vocab('projects.states', r.state)}</Badge>
        {runs && r.state === 'dilaporkan' && (
          <Button
            size="xs"
            variant="subtle"
            onClick={() => verify.submit()}
            loading={verify.busy}
            data-testid="verify-report"
          >
            {t('projects.verify')}
          </Button>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {r.photos.map((ph) => (
            <a
              key={ph.id}
              href={`/api/photos/${ph.id}`}
              target="_blank"
              rel="noreferrer"
              title={ph.takenAt ?? ''}
            >
              <Image src={`/api/photos/${ph.id}`} w={48} h={48} fit="cover" radius="sm" alt="" />
            </a>
          ))}
          {reporter && (
            <Group gap={4}>
              <FileInput
                size="xs"
                w={140}
                placeholder={t('projects.addPhoto')}
                accept="image/jpeg,image/png,image/webp"
                value={file}
                onChange={setFile}
                data-testid="photo-input"
              />
              <Button
                size="xs"
                variant="light"
                disabled={!file}
                onClick={() => upload.submit()}
                loading={upload.busy}
                data-testid="photo-upload"
              >
                ↑
              </Button>
            </Group>
          )}
        </Group>
        <Problem error={upload.error ?? verify.error} />
      </Table.Td>
    </Table.Tr>
  );
}

function ReportForm({ project: p, onDone }: { project: Project; onDone: () => void }) {
  const { t } = useTranslation();
  const [f, setF] = useState({
    reportDate: new Date().toISOString().slice(0, 10),
    physical: '' as number | '',
    problems: '',
    followUp: '',
    finalDocuments: '',
  });
  const [spending, setSpending] = useState<Record<string, number | ''>>({});
  const save = useSubmit(
    () =>
      post(`/api/projects/${p.id}/reports`, {
        reportDate: f.reportDate,
        physical: f.physical === '' ? -1 : f.physical,
        spending: Object.fromEntries(Object.entries(spending).filter(([, v]) => v !== '')),
        problems: f.problems,
        followUp: f.followUp,
        finalDocuments: f.finalDocuments
          .split('\n')
          .map((x) => x.trim())
          .filter(Boolean),
      }),
    onDone,
  );
  const e = (name: string) => save.error?.fieldMessage(name);
  return (
    <Card withBorder component="form" onSubmit={save.submit} data-testid="report-form">
      <Stack gap="xs">
        <Text fw={600}>{t('projects.report')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <TextInput
            label={t('projects.reportDate')}
            value={f.reportDate}
            onChange={(x) => setF({ ...f, reportDate: x.currentTarget.value })}
            error={e('reportDate')}
            data-testid="report-date"
          />
          <NumberInput
            label={t('projects.physical')}
            suffix=" %"
            min={0}
            max={100}
            decimalScale={1}
            value={f.physical}
            onChange={(v) => setF({ ...f, physical: v === '' ? '' : Number(v) })}
            error={e('physical')}
            data-testid="report-physical"
          />
          {p.funding.map((fu) => (
            <NumberInput
              key={fu.source}
              label={`${t('projects.realised')}: ${vocab('projects.sources', fu.source)}`}
              prefix="Rp"
              thousandSeparator="."
              decimalSeparator=","
              allowDecimal={false}
              value={spending[fu.source] ?? ''}
              onChange={(v) => setSpending({ ...spending, [fu.source]: v === '' ? '' : Number(v) })}
              error={e(`spending.${fu.source}`)}
            />
          ))}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Textarea
            label={t('projects.problems')}
            value={f.problems}
            onChange={(x) => setF({ ...f, problems: x.currentTarget.value })}
            autosize
            minRows={1}
          />
          <Textarea
            label={t('projects.followUp')}
            value={f.followUp}
            onChange={(x) => setF({ ...f, followUp: x.currentTarget.value })}
            autosize
            minRows={1}
          />
          <Textarea
            label={t('projects.finalDocuments')}
            value={f.finalDocuments}
            onChange={(x) => setF({ ...f, finalDocuments: x.currentTarget.value })}
            autosize
            minRows={1}
            error={e('finalDocuments')}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={save.busy} data-testid="report-save">
            {t('projects.sendReport')}
          </Button>
        </Group>
        <Problem error={save.error} />
      </Stack>
    </Card>
  );
}

function PermitsCard({
  project: p,
  manage,
  onDone,
}: {
  project: Project;
  manage: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ kind: 'lahan', status: 'proses', office: '', requestedOn: '' });
  const add = useSubmit(
    () =>
      post(`/api/projects/${p.id}/permits`, {
        kind: form.kind,
        status: form.status,
        office: form.office,
        requestedOn: form.requestedOn || null,
      }),
    onDone,
  );
  const kinds = [
    'lahan',
    'pbg',
    'amdal_ukl_upl',
    'andalalin',
    'izin_galian',
    'rekomendasi_teknis',
    'lainnya',
  ];
  return (
    <Card withBorder p={0} data-testid="permits">
      <Text fw={600} p="xs">
        {t('projects.readiness')}
      </Text>
      <Table fz="sm">
        <Table.Tbody>
          {p.permits.map((x) => (
            <Table.Tr key={x.id}>
              <Table.Td>{vocab('projects.permits', x.kind)}</Table.Td>
              <Table.Td>
                <Badge
                  variant="light"
                  color={x.status === 'terkendala' ? 'red' : x.status === 'selesai' ? 'teal' : 'gray'}
                >
                  {vocab('projects.permitStatuses', x.status)}
                </Badge>
              </Table.Td>
              <Table.Td>{x.office}</Table.Td>
              <Table.Td ta="right">
                {x.daysBlocked === null ? '–' : t('projects.days', { n: x.daysBlocked })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {p.permits.length === 0 && (
        <Text size="sm" c="dimmed" p="xs">
          {t('projects.noPermits')}
        </Text>
      )}
      {manage && (
        <form onSubmit={add.submit}>
          <Group p="xs" align="end">
            <Select
              size="xs"
              w={170}
              value={form.kind}
              onChange={(v) => setForm({ ...form, kind: v ?? 'lahan' })}
              data={kinds.map((k) => ({ value: k, label: vocab('projects.permits', k) }))}
              allowDeselect={false}
            />
            <Select
              size="xs"
              w={120}
              value={form.status}
              onChange={(v) => setForm({ ...form, status: v ?? 'proses' })}
              data={['belum', 'proses', 'selesai', 'terkendala'].map((k) => ({
                value: k,
                label: vocab('projects.permitStatuses', k),
              }))}
              allowDeselect={false}
            />
            <TextInput
              size="xs"
              w={150}
              placeholder={t('projects.office')}
              value={form.office}
              onChange={(x) => setForm({ ...form, office: x.currentTarget.value })}
            />
            <TextInput
              size="xs"
              w={110}
              placeholder="TTTT-BB-HH"
              value={form.requestedOn}
              onChange={(x) => setForm({ ...form, requestedOn: x.currentTarget.value })}
            />
            <Button size="xs" type="submit" variant="light" loading={add.busy}>
              +
            </Button>
          </Group>
          {add.error && <Alert color="red">{add.error.message}</Alert>}
        </form>
      )}
    </Card>
  );
}
