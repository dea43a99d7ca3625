import { Badge, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, get } from '../../app/api.ts';
import { formatNumber, formatRupiah } from '../../app/format.ts';
import { Problem } from '../../app/Problem.tsx';
import { useSession } from '../../app/session.ts';
import { useSubmit } from '../../app/use-submit.ts';

interface Indicator {
  id: string;
  name: string;
  unit: string;
  byYear: {
    year: number;
    target: number | null;
    realisation: number | null;
    achievement: number | null;
    light?: string;
    source: string | null;
  }[];
  projections: {
    year: number;
    target: number | null;
    projected: number | null;
    verdict: string;
    reason: string;
  }[];
}
interface Plan {
  id: string;
  name: string;
  kind: string;
  level: string;
  owner: string | null;
  startYear: number;
  endYear: number;
  nodes: {
    id: string;
    parentId: string | null;
    kind: string;
    title: string;
    tags: string[];
    budget: Record<string, number>;
    supports: ({ id: string; title: string } | undefined)[];
    indicators: Indicator[];
  }[];
}
const lightColour: Record<string, string> = { hijau: 'teal', kuning: 'yellow', merah: 'red' };
const verdictColour: Record<string, string> = {
  on_track: 'teal',
  at_risk: 'yellow',
  off_track: 'red',
  unknown: 'gray',
};

/** A plan as a tree: each node with its links up, its pagu, and its indicators' achievement and projection. */
export default function PlanPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { session, can } = useSession();
  const client = useQueryClient();
  const q = useQuery({ queryKey: ['plan', id], queryFn: () => get<Plan>(`/api/plans/${id}`) });
  const p = q.data;
  // The targets a node may support: kabupaten and national targets from the synchronisation.
  const sync = useQuery({
    queryKey: ['plans-sync-targets'],
    queryFn: () =>
      get<{ kabupaten: { byTarget: { id: string; title: string }[] } }>(
        `/api/plans/sync?year=${new Date().getFullYear()}`,
      ),
    enabled: !!p && can('plans.edit'),
  });
  if (!p) return <Text>{t('common.loading')}</Text>;
  const role = session?.user?.role;
  const mayLink =
    can('plans.edit') &&
    (role === 'admin' ||
      role === 'perencana' ||
      (role === 'desa' && p.owner === session?.user?.regionCode) ||
      role === 'opd');
  const reload = () => client.invalidateQueries({ queryKey: ['plan', id] });
  const depth = (n: Plan['nodes'][number]): number => {
    let d = 0;
    for (let x = n; x.parentId; x = p.nodes.find((y) => y.id === x.parentId)!) d++;
    return d;
  };
  return (
    <Stack maw={1100}>
      <Title order={2}>{p.name}</Title>
      <Text size="sm" c="dimmed">
        {p.kind} · {p.startYear}–{p.endYear}
      </Text>
      {p.nodes.map((n) => (
        <Card withBorder key={n.id} ml={depth(n) * 24} p="xs" data-testid="plan-node">
          <Text fw={600} size="sm">
            <Badge size="xs" variant="light" mr={6}>
              {n.kind}
            </Badge>
            {n.title}{' '}
            {n.tags.map((tag) => (
              <Badge key={tag} size="xs" color="grape" variant="light" ml={4}>
                {tag}
              </Badge>
            ))}
          </Text>
          {n.supports.filter(Boolean).length > 0 && (
            <Text size="xs" c="dimmed">
              {t('plans.supports')}:{' '}
              {n.supports
                .filter(Boolean)
                .map((s) => s!.title)
                .join('; ')}
            </Text>
          )}
          {mayLink && p.level !== 'nasional' && (
            <LinkControl
              nodeId={n.id}
              current={n.supports.filter(Boolean).map((x) => x!.id)}
              targets={sync.data?.kabupaten.byTarget ?? []}
              onDone={reload}
            />
          )}
          {Object.entries(n.budget).map(([y, v]) => (
            <Text size="xs" key={y}>
              Pagu {y}: {formatRupiah(v)}
            </Text>
          ))}
          {n.indicators.map((i) => (
            <Stack gap={2} key={i.id} mt={4}>
              <Text size="xs" fw={600}>
                {i.name} ({i.unit})
              </Text>
              {i.byYear.map((y) => (
                <Text size="xs" key={y.year}>
                  {y.year}: {t('plans.target')} {y.target ?? '–'} · {t('plans.realisation')}{' '}
                  {y.realisation ?? '–'}
                  {y.achievement !== null && (
                    <Badge size="xs" ml={6} color={lightColour[y.light ?? ''] ?? 'gray'} variant="light">
                      {formatNumber(y.achievement, 1)} %
                    </Badge>
                  )}
                  {y.source && ` · ${y.source}`}
                </Text>
              ))}
              {i.projections.map((pr) => (
                <Text size="xs" key={pr.year}>
                  <Badge size="xs" color={verdictColour[pr.verdict]} variant="light" mr={6}>
                    {t(`plans.verdicts.${pr.verdict}`)}
                  </Badge>
                  {pr.reason}
                </Text>
              ))}
            </Stack>
          ))}
        </Card>
      ))}
    </Stack>
  );
}

function LinkControl({
  nodeId,
  current,
  targets,
  onDone,
}: {
  nodeId: string;
  current: string[];
  targets: { id: string; title: string }[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<string | null>(null);
  const save = useSubmit(
    () => api('PUT', `/api/plan-nodes/${nodeId}/links`, { supports: [...current, picked] }),
    onDone,
  );
  const choices = targets
    .filter((x) => !current.includes(x.id))
    .map((x) => ({ value: x.id, label: x.title }));
  return (
    <Group gap={4} mt={4}>
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
        {t('plans.edit')}
      </Button>
      <Problem error={save.error} />
    </Group>
  );
}
