import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileButton,
  Group,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { proposalList } from '@sinergi/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError, get, post, query, uploadFile, XLSX_TYPE } from '../../app/api.ts';
import { formatRupiah } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { YearInput } from '../../app/inputs.tsx';
import { Link, useSearchParams } from '../../app/router.tsx';
import { useSession } from '../../app/session.ts';
import { WaitingNote } from '../../app/WaitingNote.tsx';
import { stageOrder, stateColour } from './labels.ts';

/** Bappeda's tools: the kamus and SIPD files in, the year-end roll-over. */
function Management({ year }: { year: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (action: () => Promise<string>) => {
    setMessage(null);
    try {
      setMessage({ ok: true, text: await action() });
      await client.invalidateQueries({ queryKey: ['proposals'] });
    } catch (e) {
      const err = e instanceof ApiError ? e : null;
      setMessage({
        ok: false,
        text: err?.issues.length ? err.issues.map((i) => i.message).join(' · ') : String(err?.message ?? e),
      });
    }
  };
  const upload = (url: string, done: (r: Record<string, number>) => string) => (file: File | null) =>
    file && run(async () => done(await uploadFile<Record<string, number>>(url, file, XLSX_TYPE)));
  return (
    <Card withBorder>
      <Group>
        <FileButton
          accept=".xlsx"
          onChange={upload(`/api/kamus/import?fileName=kamus.xlsx`, (r) => t('musrenbang.kamusImported', r))}
        >
          {(props) => (
            <Button variant="light" size="xs" {...props}>
              {t('musrenbang.importKamus')}
            </Button>
          )}
        </FileButton>
        <FileButton
          accept=".xlsx"
          onChange={upload('/api/proposals/import/sipd', (r) => t('musrenbang.sipdImported', r))}
        >
          {(props) => (
            <Button variant="light" size="xs" {...props} data-testid="import-sipd">
              {t('musrenbang.importSipd')}
            </Button>
          )}
        </FileButton>
        <Button
          variant="light"
          color="orange"
          size="xs"
          onClick={() =>
            window.confirm(t('musrenbang.rolloverConfirm', { year, next: year + 1 })) &&
            run(async () =>
              t(
                'musrenbang.rolledOver',
                await post<{ rolledOver: number; toYear: number }>('/api/proposals/rollover', { year }),
              ),
            )
          }
        >
          {t('musrenbang.rollover', { year })}
        </Button>
      </Group>
      {message && (
        <Alert mt="xs" color={message.ok ? 'teal' : 'red'}>
          {message.text}
        </Alert>
      )}
    </Card>
  );
}

/** Every proposal of a year, filtered; "to decide" lists what the signed-in office must act on now. */
export default function ProposalsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  // A link from the home ("?tahap=kecamatan&saya=1") opens the list it names: what waits, of every year.
  const [params] = useSearchParams();
  const fromHome = params.get('saya') === '1';
  const [year, setYear] = useState<number | ''>(fromHome ? '' : new Date().getFullYear() + 1);
  const [stage, setStage] = useState<string | null>(params.get('tahap'));
  const [mine, setMine] = useState(fromHome);
  // A phone shows cards: a table of six columns hid the step and the cost off-screen.
  const narrow = useMediaQuery('(max-width: 40em)');
  const [q, setQ] = useState('');
  const list = useQuery({
    queryKey: ['proposals', year, stage, mine, q],
    queryFn: () =>
      get<z.infer<typeof proposalList>>(
        `/api/proposals${query({ year: year || undefined, stage, mine: mine ? '1' : undefined, q: q.trim() || undefined })}`,
      ),
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('musrenbang.title')}</Title>
        <Group>
          {year && (
            <Anchor href={`/api/proposals/sipd.xlsx?year=${year}`} size="sm" data-testid="export-sipd">
              {t('musrenbang.exportSipd')}
            </Anchor>
          )}
          {can('proposals.create') && (
            <Button component={Link} to="/usulan/baru" data-testid="new-proposal">
              {t('musrenbang.new')}
            </Button>
          )}
        </Group>
      </Group>
      <WaitingNote match={(o) => o.kind === 'proposal'} />
      {can('proposals.import') && year && <Management year={year} />}
      <Group align="end">
        <YearInput
          label={t('musrenbang.planYear')}
          value={year}
          onChange={(v) => setYear(typeof v === 'number' ? v : '')}
          w={120}
        />
        <Select
          label={t('musrenbang.stage')}
          clearable
          data={stageOrder.map((s) => ({ value: s, label: vocab('musrenbang.stages', s) }))}
          value={stage}
          onChange={setStage}
          w={200}
        />
        <TextInput
          label={t('musrenbang.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={220}
        />
        <Switch
          label={t('musrenbang.mine')}
          checked={mine}
          onChange={(e) => setMine(e.currentTarget.checked)}
          data-testid="mine"
        />
      </Group>
      <Text size="sm" c="dimmed">
        {t('musrenbang.count', { count: list.data?.total ?? 0 })}
      </Text>
      {narrow ? (
        <ProposalCards items={list.data?.items ?? []} />
      ) : (
        <Card withBorder p={0}>
          <Table.ScrollContainer minWidth={900}>
            <Table fz="sm" striped highlightOnHover data-testid="proposals">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('musrenbang.trackingCode')}</Table.Th>
                  <Table.Th>{t('musrenbang.proposalTitle')}</Table.Th>
                  <Table.Th>{t('musrenbang.location')}</Table.Th>
                  <Table.Th>{t('musrenbang.track')}</Table.Th>
                  <Table.Th>{t('musrenbang.stage')}</Table.Th>
                  <Table.Th ta="right">{t('musrenbang.cost')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data?.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <code>{p.trackingCode}</code>
                    </Table.Td>
                    <Table.Td>
                      <Link to={`/usulan/${p.id}`}>{p.title}</Link>
                      {p.duplicateOf.length > 0 && (
                        <Badge
                          ml="xs"
                          size="xs"
                          color="orange"
                          variant="light"
                          title={p.duplicateOf.map((d) => d.title).join('; ')}
                        >
                          {t('musrenbang.maybeDuplicate')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{placeOf(p)}</Table.Td>
                    <Table.Td>{vocab('musrenbang.tracks', p.track)}</Table.Td>
                    <Table.Td>
                      <Badge color={stateColour[p.state]} variant="light">
                        {p.state === 'aktif'
                          ? vocab('musrenbang.stages', p.stage)
                          : vocab('musrenbang.states', p.state)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">{formatRupiah(p.estimatedCost)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  );
}

type Item = z.infer<typeof proposalList>['items'][number];

/** Where a proposal is: "Jaten RT 02/RW 01", "Jaten RW 03". */
const placeOf = (p: Pick<Item, 'regionName' | 'rt' | 'rw'>) =>
  `${p.regionName}${p.rt ? ` RT ${p.rt}` : ''}${p.rw ? `${p.rt ? '/' : ' '}RW ${p.rw}` : ''}`;

/** On a phone: one card per proposal, with what the table shows in its columns (step and cost first). */
function ProposalCards({ items }: { items: readonly Item[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="proposal-cards">
      {items.map((p) => (
        <Card key={p.id} withBorder padding="sm">
          <Link to={`/usulan/${p.id}`}>{p.title}</Link>
          {p.duplicateOf.length > 0 && (
            <Badge ml="xs" size="xs" color="orange" variant="light">
              {t('musrenbang.maybeDuplicate')}
            </Badge>
          )}
          <Group justify="space-between" mt={6} wrap="nowrap">
            <Badge color={stateColour[p.state]} variant="light">
              {p.state === 'aktif'
                ? vocab('musrenbang.stages', p.stage)
                : vocab('musrenbang.states', p.state)}
            </Badge>
            <Text size="sm" fw={600}>
              {formatRupiah(p.estimatedCost)}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" mt={4}>
            {p.trackingCode} · {vocab('musrenbang.tracks', p.track)} · {placeOf(p)}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}
