import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { AreaFigures, Cycle, TargetingView as Targeting } from '@sinergi/contracts';
import { cycleBody } from '@sinergi/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, get, post } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { formatDateTime, formatNumber, formatRupiah } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { RupiahInput } from '../../app/inputs.tsx';
import { Problem } from '../../app/Problem.tsx';
import { useSubmit } from '../../app/use-submit.ts';
import { KecamatanMapCard } from '../regions/KecamatanMapCard.tsx';
import { programKeys } from './api.ts';

const pct = (x: number | null) => (x === null ? '–' : `${formatNumber(x * 100, 1)} %`);

/** Inclusion and exclusion errors, the kabupaten and per kecamatan, with a map of exclusion. */
export function TargetingPanel({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const data = useQuery({
    queryKey: programKeys.targeting(programId),
    queryFn: () => get<Targeting>(`/api/programs/${programId}/targeting`),
  });
  const d = data.data;
  if (!d) return null;
  const conflicts = d.conflicts.length > 0 && (
    <Alert color="red" data-testid="conflicts">
      {d.conflicts
        .map((c) => t('targeting.conflict', { n: formatNumber(c.people), program: c.code }))
        .join(' ')}
    </Alert>
  );
  if (!d.deciles || !d.total)
    return (
      <Stack>
        {conflicts}
        <Text c="dimmed">{t('targeting.noDecileRule')}</Text>
      </Stack>
    );
  return (
    <Stack data-testid="targeting">
      {conflicts}
      <Text size="sm">{t('targeting.help', { min: d.deciles.min, max: d.deciles.max })}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Card withBorder>
          <Text size="xs" c="dimmed">
            {t('targeting.inclusion')}
          </Text>
          <Text fw={700} size="xl">
            {pct(d.total.inclusionError)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('targeting.inclusionDetail', {
              n: formatNumber(d.total.includedIneligible),
              of: formatNumber(d.total.recipients),
            })}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="xs" c="dimmed">
            {t('targeting.exclusion')}
          </Text>
          <Text fw={700} size="xl">
            {pct(d.total.exclusionError)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('targeting.exclusionDetail', {
              n: formatNumber(d.total.excludedEligible),
              of: formatNumber(d.total.eligible),
            })}
          </Text>
        </Card>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <KecamatanMapCard
          title={t('targeting.map')}
          values={Object.fromEntries(
            (d.byKecamatan ?? []).map((k) => [k.area, Math.round((k.exclusionError ?? 0) * 1000) / 10]),
          )}
          valueLabel={t('targeting.exclusion')}
        />
        <Card withBorder p={0}>
          <FiguresTable first={t('poverty.kecamatan')} rows={d.byKecamatan ?? []} />
        </Card>
      </SimpleGrid>
      <details>
        <summary>{t('targeting.byDesa')}</summary>
        <FiguresTable first={t('registry.desa')} rows={d.byDesa ?? []} />
      </details>
    </Stack>
  );
}

/** Targeting figures by area (kecamatan or desa): recipients, eligible, inclusion and exclusion errors. */
function FiguresTable({ first, rows }: { first: string; rows: AreaFigures[] }) {
  const { t } = useTranslation();
  return (
    <Table fz="xs" striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{first}</Table.Th>
          <Table.Th ta="right">{t('targeting.recipients')}</Table.Th>
          <Table.Th ta="right">{t('targeting.eligible')}</Table.Th>
          <Table.Th ta="right">{t('targeting.inclusion')}</Table.Th>
          <Table.Th ta="right">{t('targeting.exclusion')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((k) => (
          <Table.Tr key={k.area}>
            <Table.Td>{k.name}</Table.Td>
            <Table.Td ta="right">{formatNumber(k.recipients)}</Table.Td>
            <Table.Td ta="right">{formatNumber(k.eligible)}</Table.Td>
            <Table.Td ta="right">{pct(k.inclusionError)}</Table.Td>
            <Table.Td ta="right">{pct(k.exclusionError)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const nextActions: Record<string, string[]> = {
  draf: ['ajukan'],
  diajukan: ['setujui', 'kembalikan'],
  disetujui: ['salurkan'],
  disalurkan: ['tutup'],
  selesai: [],
};

/** Payment cycles: make one, move it through its approvals, see who no longer meets the rule. */
export function CyclesPanel({ programId, manage }: { programId: string; manage: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const list = useQuery({
    queryKey: programKeys.cycles(programId),
    queryFn: () => get<{ items: Cycle[] }>(`/api/programs/${programId}/cycles`),
  });
  const reload = () => client.invalidateQueries({ queryKey: programKeys.cycles(programId) });
  const [period, setPeriod] = useState('');
  const [amount, setAmount] = useState<number | ''>(300_000);
  const create = useSubmit(
    () =>
      post(
        `/api/programs/${programId}/cycles`,
        checked(cycleBody, { period, amountPerRecipient: amount === '' ? undefined : amount }),
      ),
    reload,
  );
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (id: string, action: string) => {
    setBusy(id + action);
    setError(null);
    try {
      await post(`/api/cycles/${id}/${action}`, { note: notes[id] ?? '' });
      setNotes({ ...notes, [id]: '' });
      await reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'INTERNAL', String(e)));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Stack data-testid="cycles">
      {manage && (
        <Card withBorder component="form" noValidate onSubmit={create.submit}>
          <Group align="end">
            <TextInput
              label={t('cycles.period')}
              placeholder="Januari 2027"
              value={period}
              onChange={(e) => setPeriod(e.currentTarget.value)}
              error={create.error?.fieldMessage('period')}
            />
            <RupiahInput
              label={t('cycles.amount')}
              value={amount}
              onChange={(v) => setAmount(v === '' ? '' : Number(v))}
            />
            <Button type="submit" loading={create.busy}>
              {t('cycles.create')}
            </Button>
          </Group>
          <Problem error={create.error} />
        </Card>
      )}
      {list.data?.items.map((c) => (
        <Card withBorder key={c.id}>
          <Group justify="space-between">
            <Text fw={600}>
              {t('cycles.title', { seq: c.seq, period: c.period })}{' '}
              <Badge variant="light">{vocab('cycles.states', c.state)}</Badge>
            </Text>
            <Text size="sm">
              {t('cycles.summary', {
                n: formatNumber(c.recipients),
                amount: formatRupiah(c.amountPerRecipient),
                total: formatRupiah(c.total),
                version: c.ruleVersion,
              })}
            </Text>
          </Group>
          {c.ineligible.length > 0 && (
            <Alert color="orange" mt="xs">
              {t('cycles.ineligible', { n: c.ineligible.length })}
            </Alert>
          )}
          <Stack gap={0} mt="xs">
            {c.steps.map((s) => (
              <Text size="xs" c="dimmed" key={`${s.at}-${s.action}`}>
                {formatDateTime(s.at)} · {vocab('cycles.actions', s.action)} · {s.by}
                {s.note && ` · ${s.note}`}
              </Text>
            ))}
          </Stack>
          {(nextActions[c.state] ?? []).length > 0 && (
            <Group mt="xs" align="end">
              <Textarea
                size="xs"
                w={320}
                placeholder={t('cycles.note')}
                value={notes[c.id] ?? ''}
                onChange={(e) => setNotes({ ...notes, [c.id]: e.currentTarget.value })}
                autosize
                minRows={1}
              />
              {nextActions[c.state]!.map((a) => (
                <Button
                  key={a}
                  size="xs"
                  variant={a === 'kembalikan' ? 'default' : 'filled'}
                  onClick={() => run(c.id, a)}
                  loading={busy === c.id + a}
                  data-testid={`cycle-${a}`}
                >
                  {vocab('cycles.actions', a)}
                </Button>
              ))}
            </Group>
          )}
        </Card>
      ))}
      <Problem error={error} />
    </Stack>
  );
}
