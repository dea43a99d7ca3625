import { Button, Card, Group, Pill, Select, Table, Text } from '@mantine/core';
import type { HistoryEntry } from '@sinergi/contracts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { formatDateTime } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { Problem } from '../../app/Problem.tsx';
import { useSubmit } from '../../app/use-submit.ts';
import { usePlanHistory } from './api.ts';
import type { LinkTarget } from './plan-types.ts';

/** Every change to the plan, newest first: who, when, what, and what it was before. */
export function History({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const h = usePlanHistory(planId);
  const describe = (x: HistoryEntry) => {
    const title = String(x.after?.title ?? x.before?.title ?? x.after?.name ?? x.before?.name ?? '');
    const changed =
      x.before && x.after
        ? Object.keys(x.after).filter(
            (k) =>
              !['nodeId', 'title', 'indicatorId'].includes(k) ||
              (k === 'title' && x.before?.title !== x.after?.title),
          )
        : [];
    return `${title}${changed.length ? ` (${changed.join(', ')})` : ''}`;
  };
  return (
    <Card withBorder p={0} data-testid="history">
      <Text fw={600} p="xs">
        {t('plans.history')}
      </Text>
      <Table fz="xs" striped>
        <Table.Tbody>
          {h.data?.items.map((x) => (
            <Table.Tr key={x.id}>
              <Table.Td w={150}>{formatDateTime(x.at)}</Table.Td>
              <Table.Td w={140}>{x.actor}</Table.Td>
              <Table.Td w={180}>{vocab('plans.actions', x.action.replace('plan.', ''))}</Table.Td>
              <Table.Td>{describe(x)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

export function LinkControl({
  nodeId,
  current,
  targets,
  onDone,
}: {
  nodeId: string;
  /** What the item supports now, each removable. */
  current: { id: string; title: string }[];
  targets: LinkTarget[];
  onDone: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<string | null>(null);
  const ids = current.map((c) => c.id);
  const save = useSubmit(
    () => api('PUT', `/api/plan-nodes/${nodeId}/links`, { supports: [...ids, picked] }),
    async () => {
      setPicked(null);
      await onDone();
    },
  );
  // The link to remove is read from a ref: the click sets it and sends in the same turn.
  const removing = useRef<string | null>(null);
  const unlink = useSubmit(
    () =>
      api('PUT', `/api/plan-nodes/${nodeId}/links`, { supports: ids.filter((x) => x !== removing.current) }),
    onDone,
  );
  // Grouped by plan, in the order the server gives (higher plans first).
  const open = targets.filter((x) => !ids.includes(x.id));
  const choices = [...new Set(open.map((x) => x.plan))].map((plan) => ({
    group: plan,
    items: open
      .filter((x) => x.plan === plan)
      .map((x) => ({ value: x.id, label: `${x.code ? `${x.code} ` : ''}${x.title}` })),
  }));
  return (
    <Group gap={4} mt={4}>
      {current.map((c) => (
        <Pill
          key={c.id}
          withRemoveButton
          removeButtonProps={{ 'aria-label': t('plans.unlink', { title: c.title }) }}
          onRemove={() => {
            removing.current = c.id;
            void unlink.submit();
          }}
          data-testid="link-current"
        >
          {c.title}
        </Pill>
      ))}
      <Select
        size="xs"
        w={360}
        placeholder={t('plans.linkTo')}
        data={choices}
        value={picked}
        onChange={setPicked}
        searchable
        data-testid="link-target"
      />
      <Button
        size="xs"
        variant="light"
        disabled={!picked}
        onClick={() => save.submit()}
        loading={save.busy}
        data-testid="link-save"
      >
        {t('plans.link')}
      </Button>
      <Problem error={save.error ?? unlink.error} />
    </Group>
  );
}
