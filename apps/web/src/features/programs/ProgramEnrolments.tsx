import { Alert, Button, Card, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import type { Enrolment } from '@sinergi/contracts';
import { enrolmentBody, measurementBody } from '@sinergi/contracts';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, post } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { formatNumber } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { DecimalInput, IntegerInput, today } from '../../app/inputs.tsx';
import { Problem } from '../../app/Problem.tsx';
import { useSubmit } from '../../app/use-submit.ts';
import { type Program, show } from './ProgramPage.tsx';

export function EnrolCard({ programId, onDone }: { programId: string; onDone: () => Promise<void> }) {
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
    await post(
      `/api/programs/${programId}/enrolments`,
      checked(enrolmentBody, {
        nik,
        group,
        enrolledOn: today(),
      }),
    );
    setDone(true);
  }, onDone);
  return (
    <Card withBorder data-testid="enrol-card">
      <Stack gap="xs">
        <Text fw={600}>{t('programs.enrolTitle')}</Text>
        <Text size="xs" c="dimmed">
          {t('programs.enrolHelp')}
        </Text>
        <form noValidate onSubmit={find.submit}>
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

export function EnrolmentTable({
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

export function MeasureForm({
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
  const save = useSubmit(
    () =>
      api(
        'PUT',
        `/api/enrolments/${enrolmentId}/measurements`,
        checked(measurementBody, {
          indicator,
          phase,
          value: value === '' ? undefined : value,
          measuredOn: today(),
        }),
      ),
    onDone,
  );
  const complete = useSubmit(
    () => api('PATCH', `/api/enrolments/${enrolmentId}`, { completedOn: today() }),
    onDone,
  );
  const [sessions, setSessions] = useState<number | ''>('');
  const attend = useSubmit(
    () =>
      api('PATCH', `/api/enrolments/${enrolmentId}`, {
        sessionsAttended: sessions === '' ? undefined : sessions,
      }),
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
        <DecimalInput
          label={t('programs.value')}
          value={value}
          onChange={(v) => setValue(v === '' ? '' : Number(v))}
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
        <IntegerInput
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
