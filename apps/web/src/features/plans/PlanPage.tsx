import { Badge, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { get } from '../../app/api.ts';
import { formatNumber, formatRupiah } from '../../app/format.ts';

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
  const q = useQuery({ queryKey: ['plan', id], queryFn: () => get<Plan>(`/api/plans/${id}`) });
  const p = q.data;
  if (!p) return <Text>{t('common.loading')}</Text>;
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
