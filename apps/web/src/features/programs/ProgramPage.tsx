import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, get, post } from '../../app/api.ts';
import { formatDate, formatNumber, formatRupiah } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { Problem } from '../../app/Problem.tsx';
import { useSession } from '../../app/session.ts';
import { useSubmit } from '../../app/use-submit.ts';
import { CyclesPanel, GrievancesPanel, TargetingPanel } from './ProgramExtras.tsx';

interface Estimate {
  n: number;
  estimate: number;
  se: number;
  low: number;
  high: number;
  significant: boolean;
}
interface Breakdown {
  key: string;
  enrolled: number;
  completed: number;
  meanChange: number | null;
}
interface EvaluationResponse {
  program: { id: string; code: string; name: string; type: string; organisation: string; sample: boolean };
  evaluation: {
    reach: { enrolled: number; target: number; share: number | null };
    comparisonGroup: number;
    completion: { n: number; share: number; low: number; high: number };
    costPerBeneficiary: number | null;
    outcomes: {
      indicator: string;
      measured: { peserta: number; pembanding: number };
      participants: Estimate | null;
      comparison: Estimate | null;
      effect: Estimate | null;
      achieved: number;
      costPerOutcome: number | null;
    }[];
    byKecamatan: Breakdown[];
    bySex: Breakdown[];
    byAge: Breakdown[];
  };
  narrative: Record<string, { text: string; rule: string }[]>;
}
interface Program {
  id: string;
  code: string;
  name: string;
  type: string;
  budget: number;
  startDate: string;
  endDate: string;
  organisation: { id: string; shortName: string; name: string } | null;
  eligibilityVersion: number;
  eligibility: { all: Record<string, unknown>[] };
  outcomes: { indicator: string }[];
  sample: boolean;
  cyclic: boolean;
  organisationId: string;
  targetBeneficiaries: number;
  targetGroups: string;
  outputs: { name: string; unit: string; target: number; achieved?: number }[];
  excludes: string[];
}
interface Enrolment {
  id: string;
  personId: string | null;
  name: string | null;
  sex: string;
  regionName: string;
  group: 'peserta' | 'pembanding';
  status: string;
  enrolledOn: string;
  measurements: { indicator: string; phase: string; value: number }[];
}

const money = new Set(['pendapatan', 'omzet', 'harga_jual']);
const show = (indicator: string, x: number | null | undefined) =>
  x === null || x === undefined || Number.isNaN(x)
    ? '–'
    : money.has(indicator)
      ? formatRupiah(Math.round(x))
      : formatNumber(x, Number.isInteger(x) ? 0 : 2);
const pct = (x: number | null) => (x === null || Number.isNaN(x) ? '–' : `${formatNumber(x * 100, 1)} %`);
/** A rule condition as a person reads it: "desil 1–4", "umur 18–55", "perempuan". */
function conditionText(t: TFunction, c: Record<string, unknown>) {
  switch (c.field) {
    case 'decile':
      return t('programs.conditions.decile', { min: c.min, max: c.max });
    case 'age':
      return t('programs.conditions.age', { min: c.min ?? 0, max: c.max ?? '…' });
    case 'sex':
      return (c.in as string[])
        .map((x) => t(x === 'L' ? 'programs.conditions.sexL' : 'programs.conditions.sexP'))
        .join('/');
    case 'region':
      return t('programs.conditions.region', { list: (c.within as string[]).join(', ') });
    case 'ownsBusiness':
      return t(c.equals ? 'programs.conditions.business' : 'programs.conditions.noBusiness');
    default:
      return String(c.field);
  }
}

const sections = ['pendahuluan', 'tujuan', 'pelaksanaan', 'dampak', 'tantangan', 'rekomendasi', 'kesimpulan'];

/** A program: its evaluation dashboard and report, and for the agency running it, enrolment and outcomes. */
export default function ProgramPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { can, session } = useSession();
  const client = useQueryClient();
  const program = useQuery({ queryKey: ['program', id], queryFn: () => get<Program>(`/api/programs/${id}`) });
  const evaluation = useQuery({
    queryKey: ['program-evaluation', id],
    queryFn: () => get<EvaluationResponse>(`/api/programs/${id}/evaluation`),
  });
  const enrolments = useQuery({
    queryKey: ['program-enrolments', id],
    queryFn: () => get<{ named: boolean; items: Enrolment[] }>(`/api/programs/${id}/enrolments`),
  });
  const reload = async () => {
    await client.invalidateQueries({ queryKey: ['program', id] });
    await client.invalidateQueries({ queryKey: ['program-evaluation', id] });
    await client.invalidateQueries({ queryKey: ['program-enrolments', id] });
  };
  const p = program.data;
  const e = evaluation.data;
  if (!p || !e) return <Text>{t('common.loading')}</Text>;
  const manage =
    can('programs.manage') &&
    (session?.user?.role !== 'opd' || session.user.organisationId === p.organisation?.id);
  const ev = e.evaluation;
  const breakdownTable = (rows: Breakdown[], first: string) => (
    <Table fz="xs" striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{first}</Table.Th>
          <Table.Th ta="right">{t('programs.enrolled')}</Table.Th>
          <Table.Th ta="right">{t('programs.completed')}</Table.Th>
          <Table.Th ta="right">{t('programs.meanChange')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Td>{r.key}</Table.Td>
            <Table.Td ta="right">{formatNumber(r.enrolled)}</Table.Td>
            <Table.Td ta="right">{formatNumber(r.completed)}</Table.Td>
            <Table.Td ta="right">{show(ev.outcomes[0]?.indicator ?? '', r.meanChange)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="start">
        <div>
          <Title order={2}>
            {p.name}{' '}
            {p.sample && (
              <Badge color="orange" variant="light">
                {t('programs.sample')}
              </Badge>
            )}
          </Title>
          <Text size="sm" c="dimmed">
            {p.code} · {vocab('programs.types', p.type)} · {p.organisation?.name} · {formatDate(p.startDate)}{' '}
            – {formatDate(p.endDate)} · {formatRupiah(p.budget)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('programs.eligibility', { version: p.eligibilityVersion })}:{' '}
            {p.eligibility.all.map((c) => conditionText(t, c)).join(' · ') || '–'}
          </Text>
        </div>
        <Group>
          <Button component="a" variant="default" href={`/api/programs/${p.id}/evaluation.pdf`}>
            {t('programs.pdf')}
          </Button>
          <Button component="a" variant="default" href={`/api/programs/${p.id}/evaluation.xlsx`}>
            {t('programs.xlsx')}
          </Button>
        </Group>
      </Group>

      <SimpleGrid cols={{ base: 1, sm: 3 }} data-testid="program-kpis">
        <Card withBorder>
          <Text size="xs" c="dimmed">
            {t('programs.reach')}
          </Text>
          <Text fw={700} size="xl" data-testid="reach">
            {formatNumber(ev.reach.enrolled)} / {formatNumber(ev.reach.target)}
          </Text>
          <Progress value={Math.min(100, (ev.reach.share ?? 0) * 100)} mt={4} />
        </Card>
        <Card withBorder>
          <Text size="xs" c="dimmed">
            {t('programs.completion')}
          </Text>
          <Text fw={700} size="xl">
            {pct(ev.completion.share)}
          </Text>
          <Text size="xs" c="dimmed">
            95 %: {pct(ev.completion.low)} – {pct(ev.completion.high)}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="xs" c="dimmed">
            {t('programs.costPerBeneficiary')}
          </Text>
          <Text fw={700} size="xl">
            {ev.costPerBeneficiary === null ? '–' : formatRupiah(Math.round(ev.costPerBeneficiary))}
          </Text>
          <Text size="xs" c="dimmed">
            {t('programs.comparison')}: {formatNumber(ev.comparisonGroup)}
          </Text>
        </Card>
      </SimpleGrid>

      {p.outputs.length > 0 && <OutputsCard program={p} manage={manage} onDone={reload} />}
      <Tabs defaultValue="evaluasi">
        <Tabs.List>
          <Tabs.Tab value="evaluasi">{t('programs.evaluation')}</Tabs.Tab>
          <Tabs.Tab value="laporan">{t('programs.report')}</Tabs.Tab>
          <Tabs.Tab value="peserta">{t('programs.enrolments')}</Tabs.Tab>
          <Tabs.Tab value="penargetan">{t('targeting.title')}</Tabs.Tab>
          {p.cyclic && <Tabs.Tab value="siklus">{t('cycles.tab')}</Tabs.Tab>}
          <Tabs.Tab value="pengaduan">{t('grievances.title')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="penargetan" pt="sm">
          <TargetingPanel programId={p.id} />
        </Tabs.Panel>
        {p.cyclic && (
          <Tabs.Panel value="siklus" pt="sm">
            <CyclesPanel programId={p.id} manage={manage} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="pengaduan" pt="sm">
          <GrievancesPanel programId={p.id} manage={manage} />
        </Tabs.Panel>
        <Tabs.Panel value="evaluasi" pt="sm">
          <Stack>
            <Card withBorder p={0}>
              <Table fz="sm" data-testid="outcomes">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('programs.indicator')}</Table.Th>
                    <Table.Th ta="right">{t('programs.measured')}</Table.Th>
                    <Table.Th ta="right">{t('programs.changeParticipants')}</Table.Th>
                    <Table.Th ta="right">{t('programs.changeComparison')}</Table.Th>
                    <Table.Th ta="right">{t('programs.effect')}</Table.Th>
                    <Table.Th ta="right">{t('programs.costPerOutcome')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {ev.outcomes.map((o) => (
                    <Table.Tr key={o.indicator}>
                      <Table.Td>{vocab('programs.indicators', o.indicator)}</Table.Td>
                      <Table.Td ta="right">
                        {formatNumber(o.measured.peserta)} / {formatNumber(o.measured.pembanding)}
                      </Table.Td>
                      <Table.Td ta="right">{show(o.indicator, o.participants?.estimate)}</Table.Td>
                      <Table.Td ta="right">{show(o.indicator, o.comparison?.estimate)}</Table.Td>
                      <Table.Td ta="right">
                        {o.effect ? (
                          <>
                            {show(o.indicator, o.effect.estimate)}{' '}
                            <Badge size="xs" color={o.effect.significant ? 'teal' : 'gray'} variant="light">
                              {o.effect.significant ? t('programs.proven') : t('programs.notProven')}
                            </Badge>
                            <Text size="xs" c="dimmed">
                              {show(o.indicator, o.effect.low)} – {show(o.indicator, o.effect.high)}
                            </Text>
                          </>
                        ) : (
                          '–'
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        {o.costPerOutcome === null ? '–' : formatRupiah(Math.round(o.costPerOutcome))}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <Card withBorder p="xs">
                <Text fw={600} size="sm">
                  {t('programs.byKecamatan')}
                </Text>
                {breakdownTable(ev.byKecamatan, t('programs.group'))}
              </Card>
              <Card withBorder p="xs">
                <Text fw={600} size="sm">
                  {t('programs.bySex')}
                </Text>
                {breakdownTable(ev.bySex, t('programs.group'))}
              </Card>
              <Card withBorder p="xs">
                <Text fw={600} size="sm">
                  {t('programs.byAge')}
                </Text>
                {breakdownTable(ev.byAge, t('programs.group'))}
              </Card>
            </SimpleGrid>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="laporan" pt="sm">
          <Card withBorder data-testid="narrative">
            <Stack gap="xs">
              {sections.map((s, i) => (
                <div key={s}>
                  <Text fw={700}>
                    {i + 1}. {vocab('programs.sections', s)}
                  </Text>
                  {(e.narrative[s] ?? []).length ? (
                    e.narrative[s]!.map((x) => (
                      <Text size="sm" key={x.rule + x.text.slice(0, 20)}>
                        {x.text}
                      </Text>
                    ))
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('programs.none')}
                    </Text>
                  )}
                </div>
              ))}
            </Stack>
          </Card>
        </Tabs.Panel>
        <Tabs.Panel value="peserta" pt="sm">
          <Stack>
            {manage && <EnrolCard programId={p.id} onDone={reload} />}
            <EnrolmentTable
              program={p}
              items={enrolments.data?.items ?? []}
              named={enrolments.data?.named ?? false}
              manage={manage}
              onDone={reload}
            />
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function EnrolCard({ programId, onDone }: { programId: string; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [nik, setNik] = useState('');
  const [person, setPerson] = useState<{ id: string; name: string; nik: string; regionName: string } | null>(
    null,
  );
  const [group, setGroup] = useState<'peserta' | 'pembanding'>('peserta');
  const [done, setDone] = useState(false);
  const find = useSubmit(async () => {
    setPerson(null);
    setDone(false);
    setPerson(await post('/api/people/lookup', { nik }));
  });
  const enrol = useSubmit(async () => {
    if (!person) return;
    await post(`/api/programs/${programId}/enrolments`, {
      personId: person.id,
      group,
      enrolledOn: new Date().toISOString().slice(0, 10),
    });
    setDone(true);
  }, onDone);
  return (
    <Card withBorder data-testid="enrol-card">
      <Stack gap="xs">
        <Text fw={600}>{t('programs.enrolTitle')}</Text>
        <Text size="xs" c="dimmed">
          {t('programs.enrolHelp')}
        </Text>
        <form onSubmit={find.submit}>
          <Group align="end">
            <TextInput
              label="NIK"
              value={nik}
              onChange={(ev) => setNik(ev.currentTarget.value.replace(/\D/g, '').slice(0, 16))}
              autoComplete="off"
              data-testid="enrol-nik"
            />
            <Button type="submit" variant="light" loading={find.busy} data-testid="enrol-find">
              {t('programs.find')}
            </Button>
          </Group>
        </form>
        <Problem error={find.error} />
        {person && (
          <Group align="end">
            <Text size="sm" data-testid="enrol-person">
              {person.name} · {person.nik} · {person.regionName}
            </Text>
            <Select
              label={t('programs.asGroup')}
              value={group}
              onChange={(v) => setGroup((v as 'peserta' | 'pembanding') ?? 'peserta')}
              data={(['peserta', 'pembanding'] as const).map((g) => ({
                value: g,
                label: vocab('programs.groups', g),
              }))}
              allowDeselect={false}
              w={160}
            />
            <Button onClick={() => enrol.submit()} loading={enrol.busy} data-testid="enrol-submit">
              {t('programs.enrol')}
            </Button>
          </Group>
        )}
        <Problem error={enrol.error} testId="enrol-problem" />
        {done && <Alert color="teal">✓</Alert>}
      </Stack>
    </Card>
  );
}

function EnrolmentTable({
  program,
  items,
  named,
  manage,
  onDone,
}: {
  program: Program;
  items: Enrolment[];
  named: boolean;
  manage: boolean;
  onDone: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const shown = items.slice(0, 200);
  return (
    <Card withBorder p={0}>
      <Text size="xs" c="dimmed" p="xs">
        {t('programs.shown', { shown: formatNumber(shown.length), total: formatNumber(items.length) })}
        {!named && ` · ${t('programs.hidden')}`}
      </Text>
      <Table fz="sm" striped data-testid="enrolments">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('registry.name')}</Table.Th>
            <Table.Th>{t('registry.desa')}</Table.Th>
            <Table.Th>{t('programs.group')}</Table.Th>
            <Table.Th>{t('programs.status')}</Table.Th>
            {program.outcomes.map((o) => (
              <Table.Th key={o.indicator}>{vocab('programs.indicators', o.indicator)}</Table.Th>
            ))}
            {manage && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((e) => (
            <Fragment key={e.id}>
              <Table.Tr>
                <Table.Td>{e.name ?? '•••'}</Table.Td>
                <Table.Td>{e.regionName}</Table.Td>
                <Table.Td>{vocab('programs.groups', e.group)}</Table.Td>
                <Table.Td>{vocab('programs.statuses', e.status)}</Table.Td>
                {program.outcomes.map((o) => {
                  const b = e.measurements.find((m) => m.indicator === o.indicator && m.phase === 'baseline');
                  const f = e.measurements.find((m) => m.indicator === o.indicator && m.phase === 'followup');
                  return (
                    <Table.Td key={o.indicator}>
                      {show(o.indicator, b?.value)} → {show(o.indicator, f?.value)}
                    </Table.Td>
                  );
                })}
                {manage && (
                  <Table.Td>
                    <Button size="xs" variant="subtle" onClick={() => setOpen(open === e.id ? null : e.id)}>
                      {t('programs.measure')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
              {open === e.id && (
                <Table.Tr>
                  <Table.Td colSpan={5 + program.outcomes.length}>
                    <MeasureForm program={program} enrolmentId={e.id} onDone={onDone} />
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function MeasureForm({
  program,
  enrolmentId,
  onDone,
}: {
  program: Program;
  enrolmentId: string;
  onDone: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [indicator, setIndicator] = useState(program.outcomes[0]?.indicator ?? '');
  const [phase, setPhase] = useState<'baseline' | 'followup'>('baseline');
  const [value, setValue] = useState<number | ''>('');
  const today = new Date().toISOString().slice(0, 10);
  const save = useSubmit(
    () =>
      api('PUT', `/api/enrolments/${enrolmentId}/measurements`, {
        indicator,
        phase,
        value: value === '' ? Number.NaN : value,
        measuredOn: today,
      }),
    onDone,
  );
  const complete = useSubmit(
    () => api('PATCH', `/api/enrolments/${enrolmentId}`, { completedOn: today }),
    onDone,
  );
  const [sessions, setSessions] = useState<number | ''>('');
  const attend = useSubmit(
    () =>
      api('PATCH', `/api/enrolments/${enrolmentId}`, { sessionsAttended: sessions === '' ? -1 : sessions }),
    onDone,
  );
  return (
    <Stack gap={4} data-testid="measure-form">
      <Group align="end">
        <Select
          label={t('programs.indicator')}
          value={indicator}
          onChange={(v) => v && setIndicator(v)}
          data={program.outcomes.map((o) => ({
            value: o.indicator,
            label: vocab('programs.indicators', o.indicator),
          }))}
          allowDeselect={false}
          w={220}
          data-testid="measure-indicator"
        />
        <Select
          label={t('programs.phase')}
          value={phase}
          onChange={(v) => setPhase((v as 'baseline' | 'followup') ?? 'baseline')}
          data={(['baseline', 'followup'] as const).map((x) => ({
            value: x,
            label: vocab('programs.phases', x),
          }))}
          allowDeselect={false}
          w={120}
          data-testid="measure-phase"
        />
        <NumberInput
          label={t('programs.value')}
          value={value}
          onChange={(v) => setValue(v === '' ? '' : Number(v))}
          thousandSeparator="."
          decimalSeparator=","
          w={180}
          data-testid="measure-value"
        />
        <Button onClick={() => save.submit()} loading={save.busy} data-testid="measure-save">
          {t('programs.save')}
        </Button>
        <Button
          variant="light"
          onClick={() => complete.submit()}
          loading={complete.busy}
          data-testid="measure-complete"
        >
          {t('programs.complete')}
        </Button>
      </Group>
      <Group align="end">
        <NumberInput
          label={t('programs.attendance')}
          value={sessions}
          min={0}
          onChange={(v) => setSessions(v === '' ? '' : Number(v))}
          w={160}
        />
        <Button variant="default" onClick={() => attend.submit()} loading={attend.busy}>
          {t('programs.saveAttendance')}
        </Button>
      </Group>
      <Problem error={save.error ?? complete.error ?? attend.error} />
    </Stack>
  );
}

function OutputsCard({
  program: p,
  manage,
  onDone,
}: {
  program: Program;
  manage: boolean;
  onDone: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [achieved, setAchieved] = useState<Record<number, number | ''>>(
    Object.fromEntries(p.outputs.map((o, i) => [i, o.achieved ?? ''])),
  );
  const save = useSubmit(
    () =>
      api('PUT', `/api/programs/${p.id}`, {
        code: p.code,
        name: p.name,
        type: p.type,
        organisationId: p.organisationId,
        startDate: p.startDate,
        endDate: p.endDate,
        budget: p.budget,
        targetBeneficiaries: p.targetBeneficiaries,
        targetGroups: p.targetGroups,
        eligibility: p.eligibility,
        outcomes: p.outcomes,
        excludes: p.excludes,
        cyclic: p.cyclic,
        outputs: p.outputs.map((o, i) => ({
          name: o.name,
          unit: o.unit,
          target: o.target,
          ...(achieved[i] === '' || achieved[i] === undefined ? {} : { achieved: achieved[i] }),
        })),
      }),
    onDone,
  );
  return (
    <Card withBorder data-testid="outputs">
      <Text fw={600} size="sm">
        {t('programs.outputs')}
      </Text>
      <Table fz="sm">
        <Table.Tbody>
          {p.outputs.map((o, i) => (
            <Table.Tr key={o.name}>
              <Table.Td>{o.name}</Table.Td>
              <Table.Td ta="right">
                {t('programs.outputTarget')}: {formatNumber(o.target)} {o.unit}
              </Table.Td>
              <Table.Td ta="right">
                {manage ? (
                  <NumberInput
                    size="xs"
                    w={140}
                    min={0}
                    aria-label={`${t('programs.achieved')} ${o.name}`}
                    value={achieved[i] ?? ''}
                    onChange={(v) => setAchieved({ ...achieved, [i]: v === '' ? '' : Number(v) })}
                  />
                ) : (
                  `${t('programs.achieved')}: ${o.achieved === undefined ? '–' : formatNumber(o.achieved)}`
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {manage && (
        <Group mt="xs">
          <Button size="xs" variant="light" onClick={() => save.submit()} loading={save.busy}>
            {t('programs.saveOutputs')}
          </Button>
        </Group>
      )}
      <Problem error={save.error} />
    </Card>
  );
}
