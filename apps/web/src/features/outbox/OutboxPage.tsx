import { Alert, Anchor, Badge, Button, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { idm2016, indicatorsOf } from '@sinergi/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../../app/api.ts';
import { formatDateTime } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { useOnline } from '../../app/online.ts';
import { discard, flush, type Outgoing, sendMine } from '../../app/outbox.ts';
import { Link } from '../../app/router.tsx';
import { useOutbox } from '../../app/use-outbox.ts';

const stateColour = { waiting: 'blue', stale: 'orange', refused: 'red', signin: 'grape' } as const;
/** Fields of a write that are about sending it, not what it says. */
const OWN_FIELDS = new Set(['basedOn', 'confirmWarnings']);

/** Every plain value of an object under its dotted path ("scores.IKS01"). */
function flatten(value: unknown, path = '', out = new Map<string, unknown>()) {
  if (value && typeof value === 'object' && !Array.isArray(value))
    for (const [k, v] of Object.entries(value)) {
      if (!path && OWN_FIELDS.has(k)) continue;
      flatten(v, path ? `${path}.${k}` : k, out);
    }
  else out.set(path, value);
  return out;
}

/** Where the operator's version and the server's differ, field by field. */
function differences(mine: Record<string, unknown>, theirs: unknown) {
  const now = flatten(theirs);
  return [...flatten(mine)]
    .filter(([k, v]) => now.has(k) && JSON.stringify(now.get(k)) !== JSON.stringify(v))
    .map(([field, v]) => ({ field, mine: v, theirs: now.get(field) }));
}

/** An entry's fields by what the operator typed them as: the indicator's name, not its code. */
const indicatorNames = new Map(indicatorsOf(idm2016).map((i) => [i.code, i.name]));
function fieldName(field: string) {
  const [group, code] = field.split('.');
  return (group === 'scores' || group === 'observations') && code
    ? (indicatorNames.get(code) ?? code)
    : field;
}

const shown = (v: unknown) => (v === null || v === undefined ? '–' : String(v));

/** A write changed meanwhile: the operator's version beside the server's, then the choice. */
function Comparison({ o }: { o: Outgoing }) {
  const { t } = useTranslation();
  const current = useQuery({
    queryKey: ['outbox-current', o.currentUrl],
    queryFn: () => get<Record<string, unknown>>(o.currentUrl!),
    enabled: !!o.currentUrl,
  });
  if (!current.data) return null;
  if (o.kind === 'decision') {
    const where = `${vocab('musrenbang.stages', String(current.data.stage))}, ${vocab('musrenbang.states', String(current.data.state))}`;
    return (
      <Text size="sm" data-testid="outbox-now">
        {t('outbox.nowAt', { where })}
      </Text>
    );
  }
  const rows = differences(o.body, current.data);
  if (rows.length === 0) return <Text size="sm">{t('outbox.noDifference')}</Text>;
  return (
    <Table.ScrollContainer minWidth={300}>
      <Table data-testid="outbox-diff">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('outbox.field')}</Table.Th>
            <Table.Th>{t('outbox.mine')}</Table.Th>
            <Table.Th>{t('outbox.theirs')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.field}>
              <Table.Td>{fieldName(r.field)}</Table.Td>
              <Table.Td fw={600}>{shown(r.mine)}</Table.Td>
              <Table.Td>{shown(r.theirs)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Item({ o, userId }: { o: Outgoing; userId: string }) {
  const { t } = useTranslation();
  const [sure, setSure] = useState(false);
  const photos = o.photos.length;
  return (
    <Card withBorder data-testid="outbox-item">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t(`outbox.kinds.${o.kind}`)} ·{' '}
              {t('outbox.madeAt', { at: formatDateTime(new Date(o.createdAt)) })}
              {photos > 0 && ` · ${t('outbox.photos', { count: photos })}`}
            </Text>
            <Text fw={600}>{o.title}</Text>
          </Stack>
          <Badge color={stateColour[o.state]} data-testid="outbox-state">
            {t(`outbox.states.${o.state}`)}
          </Badge>
        </Group>
        {o.state === 'stale' && (
          <>
            <Text size="sm">{t('outbox.staleHelp')}</Text>
            <Comparison o={o} />
          </>
        )}
        {o.state === 'refused' && (
          <Alert color="red" variant="light" title={t('outbox.refusedHelp')}>
            {o.issues && o.issues.length > 0 ? (
              <List size="sm">
                {o.issues.map((i) => (
                  <List.Item key={i.field}>{i.message}</List.Item>
                ))}
              </List>
            ) : (
              o.message
            )}
          </Alert>
        )}
        {o.state === 'signin' && (
          <Text size="sm">
            {t('outbox.signinHelp')}{' '}
            <Anchor component={Link} to="/masuk">
              {t('login.submit')}
            </Anchor>
          </Text>
        )}
        <Group gap="xs">
          {o.state === 'stale' && (
            <Button size="xs" onClick={() => void sendMine(o, userId)} data-testid="outbox-send-mine">
              {t('outbox.sendMine')}
            </Button>
          )}
          {(o.code === 'NEEDS_CONFIRMATION' || o.state === 'signin') && (
            <Button size="xs" onClick={() => void sendMine(o, userId)} data-testid="outbox-send-anyway">
              {t('outbox.sendAnyway')}
            </Button>
          )}
          {o.state !== 'waiting' && !sure && (
            <Button
              size="xs"
              variant="light"
              color="red"
              onClick={() => setSure(true)}
              data-testid="outbox-discard"
            >
              {o.state === 'stale' ? t('outbox.keepTheirs') : t('outbox.discard')}
            </Button>
          )}
          {sure && (
            <Button size="xs" color="red" onClick={() => void discard(o)} data-testid="outbox-discard-sure">
              {t('outbox.discardSure')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

/** The operator's outbox: what waits, what was changed meanwhile or refused, and their choices. */
export default function OutboxPage() {
  const { t } = useTranslation();
  const online = useOnline();
  const { items, userId } = useOutbox();
  return (
    <Stack maw={820}>
      <Title order={2}>{t('outbox.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('outbox.intro')}
      </Text>
      {!online && <Alert color="gray">{t('outbox.offlineHelp')}</Alert>}
      {items.length === 0 && <Text data-testid="outbox-empty">{t('outbox.empty')}</Text>}
      {online && userId && items.some((o) => o.state === 'waiting') && (
        <Group>
          <Button variant="light" onClick={() => void flush(userId)} data-testid="outbox-send-now">
            {t('outbox.sendNow')}
          </Button>
        </Group>
      )}
      {userId && items.map((o) => <Item key={o.id} o={o} userId={userId} />)}
    </Stack>
  );
}
