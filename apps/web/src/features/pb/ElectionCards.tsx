import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { pbOverrideBody } from '@sinergi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post, postForFile } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { formatDateTime, formatMoney, formatNumber } from '../../app/format.ts';
import type { TextKey } from '../../app/i18n.ts';
import { vocab } from '../../app/i18n.ts';
import { IntegerInput } from '../../app/inputs.tsx';
import { Problem } from '../../app/Problem.tsx';
import { useSession } from '../../app/session.ts';
import { useSubmit } from '../../app/use-submit.ts';
import { DesaPicker } from '../musrenbang/DesaPicker.tsx';
import { amountOf, percent } from './ElectionPage.tsx';
import type { Election, Quality } from './types.ts';
import { VoterFile } from './VoterFile.tsx';

/** The cards of a vote: voting, registering voters, the result with its quality measures, and an override. */
export function VoteCard({ election: e, onCast }: { election: Election; onCast: () => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [code, setCode] = useState('');
  const [chosen, setChosen] = useState<Record<string, number>>({});
  const [paper, setPaper] = useState(false);
  const [receipt, setReceipt] = useState<{ receipt: string; fingerprint: string } | null>(null);
  const cumulative = e.ballot.type === 'cumulative';
  const picked = Object.entries(chosen).filter(([, n]) => n > 0);
  const cast = useSubmit(async () => {
    setReceipt(null);
    const r = await post<{ receipt: string; fingerprint: string }>(
      `/api/pb/elections/${e.id}/${paper ? 'paper-ballots' : 'ballots'}`,
      {
        code,
        vote: picked.map(([c]) => c),
        ...(cumulative ? { points: picked.map(([, n]) => n) } : {}),
      },
    );
    setReceipt({ receipt: r.receipt, fingerprint: r.fingerprint });
    setCode('');
    setChosen({});
  }, onCast);
  const used = picked.reduce((s, [, n]) => s + n, 0);
  // What the chosen projects would cost together, against the budget: the bar a voter watches.
  const cost = picked.reduce((s, [c]) => s + (e.projects.find((p) => p.code === c)?.cost ?? 0), 0);
  return (
    <Card withBorder component="form" noValidate onSubmit={cast.submit} data-testid="pb-vote">
      <Stack>
        <Text fw={600}>{t('pb.vote')}</Text>
        <Text size="sm">{t('pb.voteHelp')}</Text>
        <Group align="end">
          <TextInput
            label={t('pb.voterCode')}
            placeholder="PB-XXXX-XXXX"
            value={code}
            onChange={(ev) => setCode(ev.currentTarget.value)}
            error={cast.error?.fieldMessage('code')}
            data-testid="pb-code"
          />
          {can('pb.register') && (
            <Checkbox
              label={t('pb.paper')}
              checked={paper}
              onChange={(ev) => setPaper(ev.currentTarget.checked)}
              mb={8}
            />
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {e.projects.map((p) =>
            cumulative ? (
              <IntegerInput
                key={p.code}
                label={`${p.title} (${formatMoney(p.cost, e.currency)})`}
                value={chosen[p.code] ?? 0}
                min={0}
                max={e.ballot.type === 'cumulative' ? e.ballot.points : 0}
                onChange={(v) => setChosen({ ...chosen, [p.code]: Number(v) || 0 })}
              />
            ) : (
              <Checkbox
                key={p.code}
                label={`${p.title} (${formatMoney(p.cost, e.currency)})`}
                description={
                  p.trackingCode && (
                    <Anchor href={`/lacak/${p.trackingCode}`} target="_blank" size="xs">
                      {t('pb.aboutProject')}
                    </Anchor>
                  )
                }
                checked={(chosen[p.code] ?? 0) > 0}
                onChange={(ev) => setChosen({ ...chosen, [p.code]: ev.currentTarget.checked ? 1 : 0 })}
                data-testid={`pb-choice-${p.code}`}
              />
            ),
          )}
        </SimpleGrid>
        <div data-testid="pb-budget-bar">
          <Progress value={Math.min(100, (100 * cost) / e.budget)} color={cost > e.budget ? 'red' : 'teal'} />
          <Text size="xs" c={cost > e.budget ? 'red' : 'dimmed'}>
            {t('pb.budgetBar', {
              cost: formatMoney(cost, e.currency),
              budget: formatMoney(e.budget, e.currency),
            })}
          </Text>
        </div>
        <Text size="sm" c="dimmed">
          {e.ballot.type === 'approval'
            ? t('pb.chosen', { n: picked.length, max: e.ballot.maxChoices })
            : t('pb.pointsLeft', { n: e.ballot.points - used })}
        </Text>
        <Group>
          <Button type="submit" loading={cast.busy} data-testid="pb-send">
            {t('pb.send')}
          </Button>
        </Group>
        {cast.error && !cast.error.fieldMessage('code') && <Problem error={cast.error} />}
        {receipt && (
          <Alert color="teal" data-testid="pb-receipt">
            {t('pb.receipt', receipt)}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

export function RegisterCard({ electionId, onDone }: { electionId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const [nik, setNik] = useState('');
  const [desa, setDesa] = useState<string | null>(
    session?.user?.regionCode?.split('.').length === 4 ? session.user.regionCode : null,
  );
  const [issued, setIssued] = useState<string | null>(null);
  const register = useSubmit(async () => {
    setIssued(null);
    const r = await post<{ code: string }>(`/api/pb/elections/${electionId}/voters`, {
      nik,
      regionCode: desa ?? '',
    });
    setIssued(r.code);
    setNik('');
  }, onDone);
  return (
    <Card withBorder component="form" noValidate onSubmit={register.submit} data-testid="pb-register">
      <Stack>
        <Text fw={600}>{t('pb.register')}</Text>
        <Text size="sm">{t('pb.registerHelp')}</Text>
        <Group align="start">
          <TextInput
            label={t('pb.nik')}
            value={nik}
            onChange={(ev) => setNik(ev.currentTarget.value.replace(/\D/g, '').slice(0, 16))}
            inputMode="numeric"
            autoComplete="off"
            error={register.error?.fieldMessage('nik')}
            data-testid="pb-nik"
          />
          <DesaPicker value={desa} onChange={setDesa} error={register.error?.fieldMessage('regionCode')} />
        </Group>
        <Group>
          <Button type="submit" loading={register.busy} data-testid="pb-register-send">
            {t('pb.register')}
          </Button>
        </Group>
        {register.error && !register.error.fieldMessage('nik') && <Problem error={register.error} />}
        {issued && (
          <Alert color="teal" data-testid="pb-issued">
            <Text fw={700} ff="monospace" size="lg">
              {t('pb.codeIssued', { code: issued })}
            </Text>
            <Button
              size="xs"
              variant="light"
              mt="xs"
              onClick={() =>
                postForFile(
                  `/api/pb/elections/${electionId}/slips`,
                  { codes: [issued] },
                  `kartu-${issued}.pdf`,
                )
              }
              data-testid="pb-slip"
            >
              {t('pb.printSlip')}
            </Button>
          </Alert>
        )}
        <VoterFile electionId={electionId} onDone={onDone} />
      </Stack>
    </Card>
  );
}

export function QualityRows({ a, b }: { a: Quality; b: Quality }) {
  const { t } = useTranslation();
  const rows: [TextKey, (q: Quality) => string][] = [
    ['pb.budgetUsed', (q) => percent(q.budgetUsed)],
    ['pb.votersWithOne', (q) => formatNumber(q.votersWithOne)],
    ['pb.exclusionRatio', (q) => percent(q.exclusionRatio)],
    ['pb.satisfaction', (q) => percent(q.meanSatisfactionShare)],
  ];
  return rows.map(([label, f]) => (
    <Table.Tr key={label}>
      <Table.Td>{t(label)}</Table.Td>
      <Table.Td ta="right">{f(a)}</Table.Td>
      <Table.Td ta="right">{f(b)}</Table.Td>
    </Table.Tr>
  ));
}

export function ResultCard({ election: e, names }: { election: Election; names: Map<string, string> }) {
  const { t } = useTranslation();
  const r = e.result!;
  const o = r.outcome;
  const list = (codes: string[]) => codes.map((c) => names.get(c) ?? c).join(', ');
  return (
    <Card withBorder data-testid="pb-result">
      <Stack>
        <Group justify="space-between">
          <Text fw={600}>{t('pb.result')}</Text>
          <Text size="xs" c="dimmed">
            {t('pb.computedAt', { date: formatDateTime(r.computedAt) })} · {vocab('pb.rules', e.rule.rule)}
            {e.rule.rule === 'mes' &&
              ` (${vocab('pb.utilities', e.rule.utility)}, ${vocab('pb.completions', e.rule.completion)})`}
          </Text>
        </Group>
        <Text size="sm" data-testid="pb-selected">
          <b>{t('pb.selected')}:</b> {list(o.selected)} ({formatMoney(o.cost, e.currency)})
        </Text>
        <Text size="sm" c="dimmed">
          <b>{t('pb.greedyBeside')}:</b> {list(r.greedy.selected)} ({formatMoney(r.greedy.cost, e.currency)})
        </Text>
        <Table fz="sm" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('pb.quality')}</Table.Th>
              <Table.Th ta="right">{vocab('pb.rules', e.rule.rule)}</Table.Th>
              <Table.Th ta="right">{t('pb.greedyBeside')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <QualityRows a={o.quality} b={r.greedy.quality} />
          </Table.Tbody>
        </Table>
        {o.endowment && (
          <Text size="sm">
            <b>{t('pb.endowment')}:</b> {formatMoney(Number(o.endowment), e.currency)}
            {o.steps ? ` · Add1 ${formatNumber(o.steps)}×` : ''}
          </Text>
        )}
        {o.stopRule && (
          <Text size="sm">
            <b>{t('pb.stopRule')}:</b>{' '}
            {t('pb.stopRuleAdd1', { step: formatMoney(e.rule.add1Step ?? 1, e.currency) })}
          </Text>
        )}
        <Text size="sm">
          <b>{t('pb.tieBreak')}:</b>{' '}
          {vocab(
            'pb.tieBreaks',
            e.rule.rule === 'mes' || e.rule.rule === 'phragmen' ? e.rule.rule : 'greedy',
          )}
        </Text>
        {o.comparison && (
          <Text size="sm">
            {t('pb.comparison', {
              greedy: o.comparison.preferGreedy,
              mes: o.comparison.preferMes,
              kept: o.comparison.kept,
            })}
          </Text>
        )}
        {o.belowThreshold.length > 0 && (
          <Text size="sm">{t('pb.belowThreshold', { list: list(o.belowThreshold) })}</Text>
        )}
        {r.districtCorrected && <Text size="sm">{t('pb.districtCorrected')}</Text>}
        {o.rounds.length > 0 && (
          <>
            <Text fw={600}>{t('pb.rounds')}</Text>
            <Table fz="sm" striped data-testid="pb-rounds">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('pb.round')}</Table.Th>
                  <Table.Th>{t('pb.projects')}</Table.Th>
                  <Table.Th>{t('pb.rho')}</Table.Th>
                  <Table.Th>{t('pb.payments')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {o.rounds.map((round, i) => (
                  <Table.Tr key={round.project}>
                    <Table.Td>{i + 1}</Table.Td>
                    <Table.Td>{names.get(round.project) ?? round.project}</Table.Td>
                    <Table.Td ff="monospace">{round.rho}</Table.Td>
                    <Table.Td>
                      {round.payments
                        .map((p) =>
                          t('pb.paid', {
                            voters: formatNumber(p.voters),
                            amount: amountOf(p.amount, e.currency),
                          }),
                        )
                        .join('; ')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Card>
  );
}

export function OverrideCard({ election: e, onDone }: { election: Election; onDone: () => void }) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<string[]>(e.final ?? []);
  const [reason, setReason] = useState('');
  const save = useSubmit(
    () => post(`/api/pb/elections/${e.id}/override`, checked(pbOverrideBody, { selected, reason })),
    onDone,
  );
  const cost = e.projects.filter((p) => selected.includes(p.code)).reduce((s, p) => s + p.cost, 0);
  return (
    <Card withBorder component="form" noValidate onSubmit={save.submit} data-testid="pb-override">
      <Stack>
        <Text fw={600}>{t('pb.override')}</Text>
        <Checkbox.Group value={selected} onChange={setSelected}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {e.projects.map((p) => (
              <Checkbox
                key={p.code}
                value={p.code}
                label={`${p.title} (${formatMoney(p.cost, e.currency)})`}
              />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Text size="sm" c={cost > e.budget ? 'red' : 'dimmed'}>
          {formatMoney(cost, e.currency)} / {formatMoney(e.budget, e.currency)}
        </Text>
        <Textarea
          label={t('pb.overrideReason')}
          value={reason}
          onChange={(ev) => setReason(ev.currentTarget.value)}
          autosize
          minRows={2}
          error={save.error?.fieldMessage('reason')}
          data-testid="pb-override-reason"
        />
        <Group>
          <Button type="submit" color="orange" loading={save.busy} data-testid="pb-override-save">
            {t('pb.overrideSave')}
          </Button>
        </Group>
        {save.error && !save.error.fieldMessage('reason') && <Problem error={save.error} />}
      </Stack>
    </Card>
  );
}
