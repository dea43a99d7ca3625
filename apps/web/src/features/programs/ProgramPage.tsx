import type { Breakdown } from '@sinergi/contracts';
import { QueryState } from '../../app/QueryState.tsx';
import { programKeys, useEnrolments, useEvaluation, useProgram, useRefreshPrograms } from './api.ts';

export type { ProgramDetail as Program } from '@sinergi/contracts';

import {
  Badge,
  Button,
  Card,
  Group,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber, formatRupiah } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { useParams } from '../../app/router.tsx';
import { GrievancesPanel } from './GrievancesPanel.tsx';
import { EnrolCard, EnrolmentTable } from './ProgramEnrolments.tsx';
import { CyclesPanel, TargetingPanel } from './ProgramExtras.tsx';
import { OutputsCard } from './ProgramOutputs.tsx';

const money = new Set(['pendapatan', 'omzet', 'harga_jual']);

export const show = (indicator: string, x: number | null | undefined) =>
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

  const refresh = useRefreshPrograms();
  const program = useProgram(id);
  const evaluation = useEvaluation(id);
  const enrolments = useEnrolments(id);
  const reload = async () => {
    await refresh();
  };
  const p = program.data;
  const e = evaluation.data;
  if (!p) return <QueryState query={program} queryKey={programKeys.detail(id)} />;
  if (!e) return <QueryState query={evaluation} queryKey={programKeys.evaluation(id)} />;
  // Whether the reader manages this program comes with it (core's canManageProgram), not from the role.
  const manage = p.abilities.manage;
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
