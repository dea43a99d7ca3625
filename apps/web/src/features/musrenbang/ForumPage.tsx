import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { forumDetail } from '@sinergi/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api, post } from '../../app/api.ts';
import { formatDate, formatRupiah } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { DecimalInput, IntegerInput, YearInput } from '../../app/inputs.tsx';
import { Problem } from '../../app/Problem.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { Link, useParams } from '../../app/router.tsx';
import { emptySigners, filledSigners, Signatories, type Signer } from '../../app/Signatories.tsx';
import { useSubmit } from '../../app/use-submit.ts';
import { useForum } from './api.ts';
import { ForumClosing } from './ForumClosing.tsx';
import { rejectReasons } from './labels.ts';

type Forum = z.infer<typeof forumDetail>;
type Decision = { kind: string; reason?: string; toYear?: number; into?: string; note?: string };

/** One forum: participants, agenda, scores or votes with the ranking, decisions, and its documents. */
export default function ForumPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const client = useQueryClient();
  const forum = useForum(id);
  const f = forum.data;
  const set = (data: Forum) => client.setQueryData(['forum', id], data);

  const [people, setPeople] = useState({ total: 0, perempuan: 0, pemuda: 0, disabilitas: 0 });
  // The attendance list as the secretary types it: one person a line, "name; group".
  const [roll, setRoll] = useState('');
  const [signers, setSigners] = useState<Signer[]>(emptySigners);
  const [quorum, setQuorum] = useState<number | ''>('');
  const [picked, setPicked] = useState<string[]>([]);
  const [scores, setScores] = useState<Record<string, { scores: Record<string, number>; votes: number }>>({});
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  useEffect(() => {
    if (!f) return;
    setQuorum(f.quorum ?? '');
    const { total, perempuan, pemuda, disabilitas } = f.participants;
    setPeople({ total, perempuan, pemuda, disabilitas });
    setRoll(f.participants.daftar.map((d) => (d.unsur ? `${d.nama}; ${d.unsur}` : d.nama)).join('\n'));
    setSigners(f.participants.penandatangan.length ? f.participants.penandatangan : emptySigners());
    setPicked(f.items.map((i) => i.proposal.id));
    setScores(Object.fromEntries(f.items.map((i) => [i.proposal.id, { scores: i.scores, votes: i.votes }])));
    setDecisions((d) =>
      Object.fromEntries(f.items.map((i) => [i.proposal.id, d[i.proposal.id] ?? { kind: 'teruskan' }])),
    );
  }, [f]);

  const saveParticipants = useSubmit(async () =>
    set(
      await api<Forum>('PUT', `/api/forums/${id}/participants`, {
        ...people,
        quorum: quorum === '' ? null : quorum,
        daftar: roll
          .split('\n')
          .map((line) => line.split(';').map((x) => x.trim()))
          .filter(([nama]) => nama)
          .map(([nama, unsur]) => ({ nama, unsur: unsur ?? '' })),
        penandatangan: filledSigners(signers),
      }),
    ),
  );
  const saveAgenda = useSubmit(async () =>
    set(await api<Forum>('PUT', `/api/forums/${id}/agenda`, { proposalIds: picked })),
  );
  const saveScores = useSubmit(async () =>
    set(
      await api<Forum>('PUT', `/api/forums/${id}/scores`, {
        items: Object.entries(scores).map(([proposalId, v]) => ({ proposalId, ...v })),
      }),
    ),
  );
  const close = useSubmit(async () =>
    set(
      await post<Forum>(`/api/forums/${id}/close`, {
        decisions: Object.entries(decisions).map(([proposalId, d]) => ({
          proposalId,
          decision: { ...d, note: d.note || undefined },
        })),
      }),
    ),
  );
  if (!f) return <QueryState query={forum} queryKey={['forum', id]} />;
  const edit = f.canManage;
  const ranked = [...f.items].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.position - b.position);
  const decide = (pid: string, patch: Partial<Decision>) =>
    setDecisions((d) => ({ ...d, [pid]: { ...(d[pid] ?? { kind: 'teruskan' }), ...patch } as Decision }));

  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="start">
        <div>
          <Title order={2}>{f.title}</Title>
          <Text c="dimmed" size="sm">
            {vocab('forum.levels', f.level)} {f.regionName} ·{' '}
            {formatDate(new Date(`${f.heldOn}T00:00:00+07:00`))} · {t('musrenbang.planYear')} {f.planYear}
          </Text>
        </div>
        <Group>
          <Badge size="lg" color={f.state === 'selesai' ? 'teal' : 'blue'} data-testid="forum-state">
            {vocab('forum.states', f.state)}
          </Badge>
          <Anchor href={`/api/forums/${f.id}/berita-acara.pdf`} data-testid="forum-pdf">
            {t('forum.beritaAcara')}
          </Anchor>
          <Anchor href={`/api/forums/${f.id}/prioritas.xlsx`} data-testid="forum-xlsx">
            {t('forum.prioritas')}
          </Anchor>
        </Group>
      </Group>

      <Card withBorder>
        <Text fw={600} mb="xs">
          {t('forum.participants')}
        </Text>
        <Group align="end">
          {(['total', 'perempuan', 'pemuda', 'disabilitas'] as const).map((k) => (
            <IntegerInput
              key={k}
              label={vocab('forum.groups', k)}
              min={0}
              value={people[k]}
              disabled={!edit}
              onChange={(v) => setPeople({ ...people, [k]: typeof v === 'number' ? v : 0 })}
              w={130}
            />
          ))}
          <IntegerInput
            label={t('forum.quorum')}
            min={1}
            value={quorum}
            disabled={!edit}
            onChange={(v) => setQuorum(typeof v === 'number' ? v : '')}
            w={150}
            data-testid="forum-quorum"
          />
        </Group>
        <Textarea
          mt="xs"
          label={t('forum.roll')}
          description={t('forum.rollHelp')}
          autosize
          minRows={2}
          disabled={!edit}
          value={roll}
          onChange={(e) => setRoll(e.currentTarget.value)}
          data-testid="roll"
        />
        <Signatories value={signers} onChange={setSigners} disabled={!edit} error={saveParticipants.error} />
        <Group justify="end" mt="xs">
          {edit && (
            <Button
              variant="light"
              onClick={() => saveParticipants.submit()}
              loading={saveParticipants.busy}
              data-testid="save-participants"
            >
              {t('forum.save')}
            </Button>
          )}
        </Group>
        <Problem error={saveParticipants.error} />
      </Card>

      {edit && (
        <Card withBorder>
          <Text fw={600} mb="xs">
            {t('forum.agendaTitle')}
          </Text>
          <Stack gap={4} data-testid="candidates">
            {[...f.items.map((i) => i.proposal), ...f.candidates].map((p) => (
              <Checkbox
                key={p.id}
                label={`${p.title} · ${p.regionName} · ${formatRupiah(p.estimatedCost)}`}
                checked={picked.includes(p.id)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setPicked((x) => (on ? [...x, p.id] : x.filter((y) => y !== p.id)));
                }}
              />
            ))}
            {f.items.length + f.candidates.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('forum.noCandidates')}
              </Text>
            )}
          </Stack>
          <Group justify="end" mt="xs">
            <Button
              variant="light"
              onClick={() => saveAgenda.submit()}
              loading={saveAgenda.busy}
              data-testid="save-agenda"
            >
              {t('forum.saveAgenda')}
            </Button>
          </Group>
          <Problem error={saveAgenda.error} />
        </Card>
      )}

      <Card withBorder p={0}>
        <Table.ScrollContainer minWidth={900}>
          <Table fz="sm" data-testid="agenda">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('forum.rank')}</Table.Th>
                <Table.Th>{t('musrenbang.proposalTitle')}</Table.Th>
                <Table.Th>{t('musrenbang.cost')}</Table.Th>
                {f.method === 'skor' ? (
                  f.criteria.map((c) => (
                    <Table.Th key={c.code}>
                      {c.label} (×{c.weight})
                    </Table.Th>
                  ))
                ) : (
                  <Table.Th>{t('forum.votes')}</Table.Th>
                )}
                <Table.Th>{t('forum.total')}</Table.Th>
                <Table.Th>{t('forum.decision')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ranked.map((i) => {
                const pid = i.proposal.id;
                const d = decisions[pid] ?? { kind: 'teruskan' };
                return (
                  <Table.Tr key={pid}>
                    <Table.Td fw={700}>{i.rank ?? '—'}</Table.Td>
                    <Table.Td>
                      <Link to={`/usulan/${pid}`}>{i.proposal.title}</Link>
                      <Text size="xs" c="dimmed">
                        {i.proposal.trackingCode} · {i.proposal.regionName}
                        {i.proposal.rt && ` RT ${i.proposal.rt}`}
                        {i.proposal.rw && `/RW ${i.proposal.rw}`}
                        {i.supports > 0 && ` · ${t('forum.supports', { count: i.supports })}`}
                      </Text>
                    </Table.Td>
                    <Table.Td>{formatRupiah(i.proposal.estimatedCost)}</Table.Td>
                    {f.method === 'skor' ? (
                      f.criteria.map((c) => (
                        <Table.Td key={c.code}>
                          <DecimalInput
                            size="xs"
                            w={70}
                            min={0}
                            max={100}
                            disabled={!edit}
                            value={scores[pid]?.scores[c.code] ?? 0}
                            onChange={(v) =>
                              setScores((s) => ({
                                ...s,
                                [pid]: {
                                  votes: s[pid]?.votes ?? 0,
                                  scores: {
                                    ...(s[pid]?.scores ?? {}),
                                    [c.code]: typeof v === 'number' ? v : 0,
                                  },
                                },
                              }))
                            }
                            aria-label={`${c.label} ${i.proposal.title}`}
                          />
                        </Table.Td>
                      ))
                    ) : (
                      <Table.Td>
                        <IntegerInput
                          size="xs"
                          w={80}
                          min={0}
                          disabled={!edit}
                          value={scores[pid]?.votes ?? 0}
                          onChange={(v) =>
                            setScores((s) => ({
                              ...s,
                              [pid]: { scores: s[pid]?.scores ?? {}, votes: typeof v === 'number' ? v : 0 },
                            }))
                          }
                        />
                      </Table.Td>
                    )}
                    <Table.Td>{i.total}</Table.Td>
                    <Table.Td>
                      {edit ? (
                        <Group gap={4} wrap="nowrap">
                          <Select
                            size="xs"
                            w={120}
                            data={['teruskan', 'tunda', 'tolak', 'gabung'].map((k) => ({
                              value: k,
                              label: vocab('musrenbang.decisions', k),
                            }))}
                            value={d.kind}
                            onChange={(v) =>
                              v &&
                              decide(pid, {
                                kind: v,
                                ...(v === 'tunda' ? { toYear: d.toYear ?? f.planYear + 1 } : {}),
                              })
                            }
                            allowDeselect={false}
                            aria-label={`${t('forum.decision')} ${i.proposal.title}`}
                          />
                          {d.kind === 'tolak' && (
                            <Select
                              size="xs"
                              w={180}
                              placeholder={t('musrenbang.reason')}
                              data={rejectReasons.map((r) => ({
                                value: r,
                                label: vocab('musrenbang.reasons', r),
                              }))}
                              value={d.reason ?? null}
                              onChange={(v) => decide(pid, { reason: v ?? undefined })}
                            />
                          )}
                          {d.kind === 'tunda' && (
                            <YearInput
                              size="xs"
                              w={80}
                              value={d.toYear ?? f.planYear + 1}
                              onChange={(v) => decide(pid, { toYear: typeof v === 'number' ? v : undefined })}
                            />
                          )}
                          {d.kind === 'gabung' && (
                            <TextInput
                              size="xs"
                              w={140}
                              placeholder="USL-XXXX-XXXX"
                              value={d.into ?? ''}
                              onChange={(e) => decide(pid, { into: e.currentTarget.value })}
                            />
                          )}
                          <TextInput
                            size="xs"
                            w={140}
                            placeholder={t('musrenbang.note')}
                            value={d.note ?? ''}
                            onChange={(e) => decide(pid, { note: e.currentTarget.value })}
                          />
                        </Group>
                      ) : (
                        i.decision && vocab('musrenbang.decisions', i.decision)
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {edit && f.items.length > 0 && (
        <Group justify="end">
          <Button
            variant="light"
            onClick={() => saveScores.submit()}
            loading={saveScores.busy}
            data-testid="save-scores"
          >
            {t('forum.rankNow')}
          </Button>
        </Group>
      )}
      <ForumClosing
        f={f}
        unsaved={f.items.some(
          (i) =>
            JSON.stringify(scores[i.proposal.id] ?? null) !==
            JSON.stringify({ scores: i.scores, votes: i.votes }),
        )}
        onClose={() => close.submit()}
        busy={close.busy}
        onChanged={set}
      />
      <Problem error={saveScores.error ?? close.error} />
    </Stack>
  );
}
