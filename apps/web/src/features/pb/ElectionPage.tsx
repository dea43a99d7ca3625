import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api.ts';
import { formatDateTime, formatMoney, formatNumber } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { Problem } from '../../app/Problem.tsx';
import { useParams } from '../../app/router.tsx';
import { useSession } from '../../app/session.ts';
import { useJob } from '../../app/use-job.tsx';
import { useSubmit } from '../../app/use-submit.ts';
import { pbKeys, useElection } from './api.ts';
import { OverrideCard, RegisterCard, ResultCard, VoteCard } from './ElectionCards.tsx';

export const percent = (x: number | null) =>
  x === null ? '–' : `${formatNumber(Math.round(x * 1000) / 10)} %`;

/** "15000000/2" in rupiah → Rp7.500.000 (exact shares are shown to the whole unit of their currency). */
export const amountOf = (q: string, currency: string) => {
  const [n, d] = q.split('/').map(Number);
  return formatMoney(Math.round((n ?? 0) / (d || 1)), currency);
};

/** One vote: the ballot, registration and paper entry for officers, the count round by round, and any override. */
export default function ElectionPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { can } = useSession();
  const client = useQueryClient();
  const query = useElection(id);
  const reload = () => client.invalidateQueries({ queryKey: pbKeys.detail(id) });
  const { start, running, bar } = useJob(() => void reload(), 'count-progress');
  const e = query.data;
  const act = (path: string) => async () => {
    await post(`/api/pb/elections/${id}/${path}`);
  };
  const open = useSubmit(act('open'), reload);
  const close = useSubmit(act('close'), reload);
  const count = useSubmit(async () =>
    start((await post<{ jobId: string }>(`/api/pb/elections/${id}/count`)).jobId),
  );
  const [funded, setFunded] = useState<number | null>(null);
  const establish = useSubmit(async () => {
    setFunded((await post<{ funded: number }>(`/api/pb/elections/${id}/establish`)).funded);
  }, reload);
  if (!e) return <Problem error={null} />;
  // The server says who runs this vote: a desa runs its own, Bappeda any.
  const manage = e.mayManage;
  const names = new Map(e.projects.map((p) => [p.code, p.title]));
  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="start">
        <div>
          <Title order={2}>{e.title}</Title>
          <Text size="sm" c="dimmed">
            {e.regionName && `${t('pb.area', { name: e.regionName })} · `}
            {e.planYear} · {t('pb.budget')} {formatMoney(e.budget, e.currency)} ·{' '}
            {vocab('pb.rules', e.rule.rule)}
            {e.rule.rule === 'mes' &&
              ` (${vocab('pb.utilities', e.rule.utility)}, ${vocab('pb.completions', e.rule.completion)})`}
          </Text>
          {e.description && <Text size="sm">{e.description}</Text>}
        </div>
        <Badge
          size="lg"
          variant="light"
          color={e.state === 'dibuka' ? 'teal' : 'gray'}
          data-testid="pb-state"
        >
          {vocab('pb.states', e.state)}
        </Badge>
      </Group>
      <Text size="sm" data-testid="pb-counts">
        {t('pb.registered')}: {formatNumber(e.counts.registered)} · {t('pb.ballots')}:{' '}
        {formatNumber(e.counts.ballots)}
        {Object.entries(e.counts.byChannel).map(
          ([c, n]) => ` · ${vocab('pb.channels', c)} ${formatNumber(n)}`,
        )}
      </Text>
      {manage && (
        <Group>
          {e.state === 'draf' && (
            <Button onClick={() => open.submit()} loading={open.busy} data-testid="pb-open">
              {t('pb.open')}
            </Button>
          )}
          {e.state === 'dibuka' && (
            <Button onClick={() => close.submit()} loading={close.busy} data-testid="pb-close">
              {t('pb.close')}
            </Button>
          )}
          {e.state === 'ditutup' && (
            <Button onClick={() => count.submit()} loading={count.busy || running} data-testid="pb-count">
              {t('pb.count')}
            </Button>
          )}
          {e.state === 'ditutup' && e.result && (
            <Button
              color="teal"
              onClick={() => establish.submit()}
              loading={establish.busy}
              data-testid="pb-establish"
            >
              {t('pb.establish')}
            </Button>
          )}
          <Button component="a" variant="default" href={`/api/pb/elections/${e.id}/export.pb`}>
            {t('pb.export')}
          </Button>
        </Group>
      )}
      {bar}
      <Problem error={open.error ?? close.error ?? count.error ?? establish.error} />
      {funded !== null && <Alert color="teal">{t('pb.established', { funded })}</Alert>}

      <Card withBorder p={0}>
        {/* On a phone the votes and the result stay reachable: the table scrolls sideways. */}
        <Table.ScrollContainer minWidth={640}>
          <Table fz="sm" striped data-testid="pb-projects">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('pb.code')}</Table.Th>
                <Table.Th>{t('pb.projects')}</Table.Th>
                <Table.Th>{t('pb.location')}</Table.Th>
                <Table.Th ta="right">{t('pb.cost')}</Table.Th>
                <Table.Th ta="right">{t('pb.votes')}</Table.Th>
                <Table.Th>{t('pb.final')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {e.projects.map((p) => (
                <Table.Tr key={p.code}>
                  <Table.Td>{p.code}</Table.Td>
                  <Table.Td>{p.title}</Table.Td>
                  <Table.Td>{p.regionName ?? '–'}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(p.cost, e.currency)}
                  </Table.Td>
                  <Table.Td ta="right">{p.votes === null ? '–' : formatNumber(p.votes)}</Table.Td>
                  <Table.Td>
                    {p.selected === null ? (
                      '–'
                    ) : (
                      <Badge color={p.selected ? 'teal' : 'gray'} variant="light">
                        {p.selected ? t('pb.selected') : t('pb.notSelected')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>

      {e.state === 'dibuka' && <VoteCard election={e} onCast={reload} />}
      {can('pb.register') && (e.state === 'draf' || e.state === 'dibuka') && (
        <RegisterCard electionId={e.id} onDone={reload} />
      )}
      {e.override && (
        <Alert color="orange" data-testid="pb-override-notice">
          {t('pb.overridden', {
            by: e.override.by,
            date: formatDateTime(e.override.at),
            reason: e.override.reason,
          })}
        </Alert>
      )}
      {e.explanation && (
        <Card withBorder data-testid="pb-explanation">
          <Title order={3} size="h5" mb="xs">
            {t('pb.explanation')}
          </Title>
          <Stack gap={6}>
            {e.explanation.map((line) => (
              <Text key={line} size="sm">
                {line}
              </Text>
            ))}
          </Stack>
        </Card>
      )}
      {e.result && <ResultCard election={e} names={names} />}
      {manage && e.state === 'ditutup' && e.result && <OverrideCard election={e} onDone={reload} />}
    </Stack>
  );
}
