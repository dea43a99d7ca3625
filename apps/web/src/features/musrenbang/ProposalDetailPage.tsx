import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileButton,
  Grid,
  Group,
  Image,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { proposalDetail } from '@sinergi/contracts';
import { decisionBody } from '@sinergi/contracts';
import { decisionKinds } from '@sinergi/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api, uploadFile } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { formatNumber, formatRupiah } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { YearInput } from '../../app/inputs.tsx';
import { sendOrQueue } from '../../app/outbox.ts';
import { Problem } from '../../app/Problem.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { Link, useParams } from '../../app/router.tsx';
import { useSession } from '../../app/session.ts';
import { useOutbox } from '../../app/use-outbox.ts';
import { useSubmit } from '../../app/use-submit.ts';
import { WaitingNote } from '../../app/WaitingNote.tsx';
import { useWorkItems } from '../plans/api.ts';
import { useProposal } from './api.ts';
import { History } from './History.tsx';
import { rejectReasons, stateColour } from './labels.ts';

type Detail = z.infer<typeof proposalDetail>;

function DecisionPanel({ p, onDone }: { p: Detail; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  // At the budget step, forward is making the project (Proyek → Dari usulan), not a decision here.
  const kinds = p.stage === 'apbd' ? decisionKinds.filter((k) => k !== 'teruskan') : decisionKinds;
  const [kind, setKind] = useState<string>(kinds[0]!);
  const [into, setInto] = useState('');
  const [toYear, setToYear] = useState<number | ''>(p.planYear + 1);
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const { session } = useSession();
  // Decided without a connection, the decision waits on the device, naming the path it was made
  // on (basedOn): if someone moves the proposal meanwhile, the operator looks again.
  const send = useSubmit(async () => {
    const sent = await sendOrQueue({
      userId: session?.user?.id ?? '',
      kind: 'decision',
      title: `${p.trackingCode} ${p.title}: ${vocab('musrenbang.decisions', kind)}`,
      method: 'POST',
      url: `/api/proposals/${p.id}/decisions`,
      body: checked(decisionBody, {
        kind,
        ...(kind === 'gabung' ? { into: into.trim() } : {}),
        ...(kind === 'tunda' ? { toYear } : {}),
        ...(kind === 'tolak' ? { reason } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        basedOn: p.version,
      }),
      currentUrl: `/api/proposals/${p.id}`,
    });
    setNote('');
    if (!sent.queued) await onDone();
  });
  const waiting = useOutbox().items.some((o) => o.url === `/api/proposals/${p.id}/decisions`);
  return (
    <Card withBorder data-testid="decision">
      <Stack gap="xs">
        <Text fw={600}>{t('musrenbang.decideTitle', { stage: vocab('musrenbang.stages', p.stage) })}</Text>
        {p.stage === 'apbd' && (
          <Text size="sm" c="dimmed" data-testid="needs-project">
            {t('musrenbang.needsProject')}
          </Text>
        )}
        <SegmentedControl
          value={kind}
          onChange={setKind}
          data={kinds.map((k) => ({
            value: k,
            label: vocab('musrenbang.decisions', k),
          }))}
          data-testid="decision-kind"
        />
        {kind === 'gabung' && (
          <TextInput
            label={t('musrenbang.mergeInto')}
            error={send.error?.fieldMessage('into')}
            placeholder="USL-XXXX-XXXX"
            value={into}
            onChange={(e) => setInto(e.currentTarget.value)}
          />
        )}
        {kind === 'tunda' && (
          <YearInput
            label={t('musrenbang.deferTo')}
            error={send.error?.fieldMessage('toYear')}
            value={toYear}
            onChange={(v) => setToYear(typeof v === 'number' ? v : '')}
            w={140}
          />
        )}
        {kind === 'tolak' && (
          <Select
            label={t('musrenbang.reason')}
            error={send.error?.fieldMessage('reason')}
            data={rejectReasons.map((r) => ({ value: r, label: vocab('musrenbang.reasons', r) }))}
            value={reason}
            onChange={setReason}
            data-testid="reason"
          />
        )}
        <Textarea
          label={t('musrenbang.note')}
          error={send.error?.fieldMessage('note')}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          data-testid="note"
        />
        <Problem error={send.error} />
        <WaitingNote match={(o) => o.url === `/api/proposals/${p.id}/decisions`} />
        <Group justify="end">
          <Button onClick={() => send.submit()} loading={send.busy} disabled={waiting} data-testid="decide">
            {t('musrenbang.decide')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/**
 * The RKPD/Renja program, kegiatan or sub-kegiatan that would fund the proposal: shown to all who
 * see the proposal, set by Bappeda or by the OPD the proposal is addressed to.
 */
function FundingItem({ p, onDone }: { p: Detail; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const mayLink = p.abilities.linkPlan;
  const items = useWorkItems(mayLink);
  const [picked, setPicked] = useState<string | null>(p.planNode?.id ?? null);
  const save = useSubmit(() => api('PUT', `/api/proposals/${p.id}/plan-node`, { nodeId: picked }), onDone);
  if (!mayLink && !p.planNode) return null;
  return (
    <Card withBorder data-testid="funding-item">
      <Text fw={600} mb={4}>
        {t('musrenbang.fundingItem')}
      </Text>
      {p.planNode ? (
        <Text size="sm">
          {p.planNode.code && `${p.planNode.code} `}
          <Anchor component={Link} to={`/perencanaan/${p.planNode.planId}`}>
            {p.planNode.title}
          </Anchor>{' '}
          <Text span c="dimmed" size="xs">
            ({p.planNode.plan})
          </Text>
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {t('musrenbang.noFundingItem')}
        </Text>
      )}
      {mayLink && (
        <Group gap={4} mt="xs" align="end">
          <Select
            size="xs"
            w={340}
            searchable
            clearable
            value={picked}
            onChange={setPicked}
            placeholder={t('musrenbang.pickFundingItem')}
            data={(items.data?.items ?? []).map((x) => ({
              value: x.id,
              label: `${x.code ? `${x.code} ` : ''}${x.title} · ${x.plan}`,
            }))}
          />
          <Button size="xs" variant="light" onClick={() => save.submit()} loading={save.busy}>
            {t('common.save')}
          </Button>
        </Group>
      )}
      <Problem error={save.error} />
    </Card>
  );
}

/** One proposal: what it is, where it stands, its photos, its history, and the decision due. */
export default function ProposalDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const client = useQueryClient();
  const detail = useProposal(id);
  const refresh = () => client.invalidateQueries({ queryKey: ['proposal', id] });
  const photo = useSubmit(async () => undefined);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const upload = async (file: File | null) => {
    if (!file) return;
    setPhotoError(null);
    try {
      await uploadFile(`/api/proposals/${id}/photos`, file, file.type || 'application/octet-stream');
      await refresh();
    } catch (e) {
      setPhotoError(e instanceof Error ? e.message : String(e));
    }
  };
  const p = detail.data;
  if (!p) return <QueryState query={detail} queryKey={['proposal', id]} />;
  const rows: [string, string][] = [
    [t('musrenbang.trackingCode'), p.trackingCode],
    [t('musrenbang.track'), vocab('musrenbang.tracks', p.track)],
    [t('musrenbang.bidang'), vocab('musrenbang.bidangs', p.bidang)],
    [t('musrenbang.organisation'), p.organisation?.shortName ?? '—'],
    [t('musrenbang.location'), `${p.regionName}${p.rt ? ` RT ${p.rt}` : ''}${p.rw ? `/RW ${p.rw}` : ''}`],
    ...(p.latitude !== null && p.longitude !== null
      ? [
          [t('musrenbang.point'), `${formatNumber(p.latitude, 6)}; ${formatNumber(p.longitude, 6)}`] as [
            string,
            string,
          ],
        ]
      : []),
    [t('musrenbang.volume'), `${formatNumber(p.volume)} ${p.unit}`],
    [t('musrenbang.cost'), formatRupiah(p.estimatedCost)],
    [t('musrenbang.swadaya'), formatRupiah(p.communityContribution)],
    [t('musrenbang.beneficiaries'), formatNumber(p.beneficiaries)],
    [t('musrenbang.planYear'), String(p.planYear)],
    [
      t('musrenbang.proposer'),
      [p.proposerName, ...p.alsoProposedBy.map((a) => `${a.proposerName} (${a.trackingCode})`)].join(', '),
    ],
    ...(p.electoralDistrict ? [[t('musrenbang.dapil'), p.electoralDistrict] as [string, string]] : []),
    ...(p.contact ? [[t('musrenbang.contact'), p.contact] as [string, string]] : []),
  ];
  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="start">
        <div>
          <Title order={2}>{p.title}</Title>
          <Group gap="xs" mt={4}>
            <Badge color={stateColour[p.state]} data-testid="proposal-stage">
              {p.state === 'aktif'
                ? vocab('musrenbang.stages', p.stage)
                : vocab('musrenbang.states', p.state)}
            </Badge>
            {p.mergedInto && (
              <Badge color="grape" variant="light">
                → {p.mergedInto}
              </Badge>
            )}
          </Group>
        </div>
      </Group>
      {p.duplicateOf.length > 0 && (
        <Alert color="orange">
          {t('musrenbang.duplicatesFound')}{' '}
          {p.duplicateOf.map((d) => `${d.trackingCode} "${d.title}"`).join('; ')}
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <Card withBorder p={0}>
              <Table fz="sm">
                <Table.Tbody>
                  {rows.map(([k, v]) => (
                    <Table.Tr key={k}>
                      <Table.Th w={200}>{k}</Table.Th>
                      <Table.Td>{v}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
            {p.description && <Text size="sm">{p.description}</Text>}
            <Card withBorder>
              <Group justify="space-between" mb="xs">
                <Text fw={600}>{t('musrenbang.photos')}</Text>
                <FileButton onChange={upload} accept="image/jpeg,image/png,image/webp">
                  {(props) => (
                    <Button size="xs" variant="light" {...props} loading={photo.busy}>
                      {t('musrenbang.addPhoto')}
                    </Button>
                  )}
                </FileButton>
              </Group>
              {photoError && (
                <Alert color="red" mb="xs">
                  {photoError}
                </Alert>
              )}
              <SimpleGrid cols={3}>
                {p.photos.map((ph) => (
                  <Image
                    key={ph.id}
                    src={`/api/proposals/${p.id}/photos/${ph.id}`}
                    radius="sm"
                    h={120}
                    fit="cover"
                    alt=""
                  />
                ))}
              </SimpleGrid>
              {p.photos.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('musrenbang.noPhotos')}
                </Text>
              )}
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            {p.canDecide && <DecisionPanel p={p} onDone={refresh} />}
            <FundingItem p={p} onDone={refresh} />
            <Card withBorder>
              <Text fw={600} mb="sm">
                {t('musrenbang.history')}
              </Text>
              <History events={p.events} />
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
