import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { planNodeKinds } from '@sinergi/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, get, post } from '../../app/api.ts';
import { FileUpload } from '../../app/FileUpload.tsx';
import { formatDateTime, formatNumber, formatRupiah } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { Problem } from '../../app/Problem.tsx';
import { useSession } from '../../app/session.ts';
import { useSubmit } from '../../app/use-submit.ts';

const TrendChart = lazy(() => import('../village-index/TrendChart.tsx'));

export interface Indicator {
  id: string;
  name: string;
  unit: string;
  direction: 'higher' | 'lower';
  additive: boolean;
  baselineYear: number;
  baselineValue: number;
  targets: Record<string, number>;
  ownRealisations: Record<string, { value: number; source: string }>;
  seriesIndicator: string | null;
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
    basis: { points: number; slope: number | null };
  }[];
}
interface PlanNode {
  id: string;
  parentId: string | null;
  position: number;
  kind: string;
  code: string | null;
  title: string;
  tags: string[];
  budget: Record<string, number>;
  supports: { id: string; title: string }[];
  indicators: Indicator[];
  proposals: { id: string; trackingCode: string; title: string; stage: string }[];
}
interface Plan {
  id: string;
  name: string;
  kind: string;
  level: string;
  owner: string | null;
  ownerName: string | null;
  startYear: number;
  endYear: number;
  sample: boolean;
  mayEdit: boolean;
  nodes: PlanNode[];
}
interface LinkTarget {
  id: string;
  title: string;
  code: string | null;
  plan: string;
}
export const lightColour: Record<string, string> = { hijau: 'teal', kuning: 'yellow', merah: 'red' };
export const verdictColour: Record<string, string> = {
  on_track: 'teal',
  at_risk: 'yellow',
  off_track: 'red',
  unknown: 'gray',
};

/**
 * A plan as a tree: each item with its links up, its pagu and its indicators' achievement and
 * projection. The plan's owner (and Bappeda) edit it here: add, change, move and delete items,
 * link them to higher targets, record realisations, and take the XLSX template out and back in.
 */
export default function PlanPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { can } = useSession();
  const client = useQueryClient();
  const [showHistory, setShowHistory] = useState(false);
  const q = useQuery({ queryKey: ['plan', id], queryFn: () => get<Plan>(`/api/plans/${id}`) });
  const p = q.data;
  // What the items may support: higher plans' targets and the owner's longer-term plan.
  const linkable = useQuery({
    queryKey: ['plan-link-targets', id],
    queryFn: () =>
      get<{ items: { id: string; title: string; kind: string; code: string | null; plan: string }[] }>(
        `/api/plans/${id}/link-targets`,
      ),
    enabled: !!p?.mayEdit,
  });
  if (q.error) return <Problem error={q.error as never} />;
  if (!p) return <Text>{t('common.loading')}</Text>;
  const reload = async () => {
    await client.invalidateQueries({ queryKey: ['plan', id] });
    await client.invalidateQueries({ queryKey: ['plan-history', id] });
    await client.invalidateQueries({ queryKey: ['plans-sync'] });
  };
  const targets = linkable.data?.items ?? [];
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const depth = (n: PlanNode) => {
    let d = 0;
    for (let x = n; x.parentId && byId.has(x.parentId); x = byId.get(x.parentId)!) d++;
    return d;
  };
  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="start">
        <div>
          <Title order={2}>{p.name}</Title>
          <Text size="sm" c="dimmed">
            {p.kind} · {p.startYear}–{p.endYear}
            {p.ownerName && ` · ${p.ownerName}`}
            {p.sample && (
              <Badge ml="xs" color="orange" variant="light">
                {t('plans.sample')}
              </Badge>
            )}
          </Text>
        </div>
        <Group gap="xs">
          <Button component="a" variant="default" size="xs" href={`/api/plans/${p.id}/template.xlsx`}>
            {t('plans.downloadTemplate')}
          </Button>
          {can('plans.edit') && (
            <Button
              size="xs"
              variant="light"
              onClick={() => setShowHistory((x) => !x)}
              data-testid="history-toggle"
            >
              {t('plans.history')}
            </Button>
          )}
        </Group>
      </Group>
      {p.mayEdit && (
        <Card withBorder>
          <Text size="sm" fw={600}>
            {t('plans.importTemplate')}
          </Text>
          <Text size="xs" c="dimmed" mb="xs">
            {t('plans.importHelp')}
          </Text>
          <FileUpload<{ created: number; updated: number; unchanged: number; indicators: number }>
            url={`/api/plans/${p.id}/import`}
            accept=".xlsx"
            label={t('plans.import')}
            describe={(r) => t('plans.imported', r)}
            onDone={reload}
            testId="plan-import"
          />
        </Card>
      )}
      {showHistory && <History planId={p.id} />}
      {p.nodes.map((n) => (
        <Card withBorder key={n.id} ml={depth(n) * 24} p="xs" data-testid="plan-node">
          <Group justify="space-between" wrap="nowrap" align="start">
            <Text fw={600} size="sm">
              <Badge size="xs" variant="light" mr={6}>
                {vocab('plans.kinds', n.kind)}
              </Badge>
              {n.code && (
                <Text span c="dimmed" size="xs" mr={6}>
                  {n.code}
                </Text>
              )}
              {n.title}{' '}
              {n.tags.map((tag) => (
                <Badge key={tag} size="xs" color="grape" variant="light" ml={4}>
                  {tag}
                </Badge>
              ))}
            </Text>
            {p.mayEdit && <NodeActions plan={p} node={n} targets={targets} onDone={reload} />}
          </Group>
          {n.supports.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('plans.supports')}: {n.supports.map((s) => s.title).join('; ')}
            </Text>
          )}
          {Object.entries(n.budget)
            .sort()
            .map(([y, v]) => (
              <Text size="xs" key={y}>
                {t('plans.pagu')} {y}: {formatRupiah(v)}
              </Text>
            ))}
          {n.proposals.length > 0 && (
            <Text size="xs" mt={2}>
              {t('plans.proposals')}:{' '}
              {n.proposals.map((x, i) => (
                <span key={x.id}>
                  {i > 0 && ', '}
                  <Anchor component={Link} to={`/usulan/${x.id}`} size="xs">
                    {x.trackingCode}
                  </Anchor>{' '}
                  {x.title}
                </span>
              ))}
            </Text>
          )}
          {n.indicators.map((i) => (
            <IndicatorView key={i.id} indicator={i} mayEdit={p.mayEdit} plan={p} onDone={reload} />
          ))}
        </Card>
      ))}
      {p.mayEdit && (
        <Card withBorder>
          <Text size="sm" fw={600}>
            {t('plans.addRoot')}
          </Text>
          <NodeForm planId={p.id} parentId={null} onDone={reload} />
        </Card>
      )}
    </Stack>
  );
}

/** The buttons on an item: add below, change, move up or down or under another item, delete. */
function NodeActions({
  plan,
  node,
  targets,
  onDone,
}: {
  plan: Plan;
  node: PlanNode;
  targets: LinkTarget[];
  onDone: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'add' | 'edit' | 'move' | 'link' | 'indicator' | null>(null);
  const done = async () => {
    setMode(null);
    await onDone();
  };
  const siblings = plan.nodes
    .filter((n) => n.parentId === node.parentId)
    .sort((a, b) => a.position - b.position);
  const index = siblings.findIndex((n) => n.id === node.id);
  const position = useRef(0);
  const move = useSubmit(
    () => post(`/api/plan-nodes/${node.id}/move`, { parentId: node.parentId, position: position.current }),
    onDone,
  );
  const remove = useSubmit(() => api('DELETE', `/api/plan-nodes/${node.id}`), onDone);
  const step = (delta: number) => {
    position.current = index + delta;
    move.submit();
  };
  return (
    <Stack gap={4} align="end">
      <Group gap={4} wrap="nowrap">
        {plan.level !== 'nasional' && (
          <Tooltip label={t('plans.linkUp')}>
            <ActionIcon
              variant="light"
              size="sm"
              onClick={() => setMode(mode === 'link' ? null : 'link')}
              aria-label={t('plans.linkUp')}
              data-testid="node-link"
            >
              ⤴
            </ActionIcon>
          </Tooltip>
        )}
        <Tooltip label={t('plans.addIndicator')}>
          <ActionIcon
            variant="light"
            size="sm"
            onClick={() => setMode(mode === 'indicator' ? null : 'indicator')}
            aria-label={t('plans.addIndicator')}
            data-testid="node-indicator"
          >
            %
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('plans.addChild')}>
          <ActionIcon
            variant="light"
            size="sm"
            onClick={() => setMode(mode === 'add' ? null : 'add')}
            aria-label={t('plans.addChild')}
            data-testid="node-add"
          >
            +
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('plans.edit')}>
          <ActionIcon
            variant="light"
            size="sm"
            onClick={() => setMode(mode === 'edit' ? null : 'edit')}
            aria-label={t('plans.edit')}
            data-testid="node-edit"
          >
            ✎
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('plans.up')}>
          <ActionIcon
            variant="light"
            size="sm"
            disabled={index <= 0}
            onClick={() => step(-1)}
            aria-label={t('plans.up')}
          >
            ↑
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('plans.down')}>
          <ActionIcon
            variant="light"
            size="sm"
            disabled={index >= siblings.length - 1}
            onClick={() => step(1)}
            aria-label={t('plans.down')}
          >
            ↓
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('plans.moveUnder')}>
          <ActionIcon
            variant="light"
            size="sm"
            onClick={() => setMode(mode === 'move' ? null : 'move')}
            aria-label={t('plans.moveUnder')}
            data-testid="node-move"
          >
            ⇄
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('plans.delete')}>
          <ActionIcon
            variant="light"
            color="red"
            size="sm"
            onClick={() => window.confirm(t('plans.confirmDelete', { title: node.title })) && remove.submit()}
            aria-label={t('plans.delete')}
          >
            ×
          </ActionIcon>
        </Tooltip>
      </Group>
      <Problem error={remove.error ?? move.error} />
      {mode === 'link' && (
        <LinkControl
          nodeId={node.id}
          current={node.supports.map((x) => x.id)}
          targets={targets}
          onDone={done}
        />
      )}
      {mode === 'add' && <NodeForm planId={plan.id} parentId={node.id} onDone={done} />}
      {mode === 'edit' && <NodeForm planId={plan.id} node={node} onDone={done} />}
      {mode === 'move' && <MoveForm plan={plan} node={node} onDone={done} />}
      {mode === 'indicator' && <IndicatorForm plan={plan} nodeId={node.id} onDone={done} />}
    </Stack>
  );
}

/**
 * A new indicator on an item: name, unit, direction, baseline, a target for each year of the plan,
 * and optionally the statistics series its realisations come from.
 */
function IndicatorForm({
  plan,
  nodeId,
  indicator,
  onDone,
}: {
  plan: { startYear: number; endYear: number };
  nodeId?: string;
  /** The indicator to change; without it, a new one on `nodeId`. */
  indicator?: Indicator;
  onDone: () => Promise<void>;
}) {
  const { t } = useTranslation();
  // The plan's years, and any other year the indicator has a target for (2045).
  const years = [
    ...new Set([
      ...Array.from({ length: plan.endYear - plan.startYear + 1 }, (_, k) => String(plan.startYear + k)),
      ...Object.keys(indicator?.targets ?? {}),
    ]),
  ].sort();
  const [name, setName] = useState(indicator?.name ?? '');
  const [unit, setUnit] = useState(indicator?.unit ?? '%');
  const [direction, setDirection] = useState<'higher' | 'lower'>(indicator?.direction ?? 'higher');
  const [baselineYear, setBaselineYear] = useState<number | ''>(
    indicator?.baselineYear ?? plan.startYear - 1,
  );
  const [baselineValue, setBaselineValue] = useState<number | ''>(indicator?.baselineValue ?? '');
  const [targets, setTargets] = useState<Record<string, number | ''>>(indicator?.targets ?? {});
  const [series, setSeries] = useState<string | null>(indicator?.seriesIndicator ?? null);
  const list = useQuery({
    queryKey: ['series', null],
    queryFn: () => get<{ indicators: { indicator: string; n: number }[] }>('/api/stats/series'),
  });
  const save = useSubmit(() => {
    const body = {
      name,
      unit,
      direction,
      additive: indicator?.additive ?? false,
      baselineYear,
      baselineValue,
      targets: Object.fromEntries(Object.entries(targets).filter(([, v]) => v !== '')),
      ...(series ? { seriesIndicator: series } : {}),
    };
    return indicator
      ? api('PUT', `/api/plan-indicators/${indicator.id}`, {
          ...body,
          realisations: indicator.ownRealisations,
        })
      : post(`/api/plan-nodes/${nodeId}/indicators`, body);
  }, onDone);
  return (
    <Stack gap={4} w={560} mt={4} data-testid="indicator-form">
      <TextInput
        size="xs"
        label={t('plans.indicatorName')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        data-testid="indicator-name"
      />
      <Group gap={4} grow>
        <TextInput
          size="xs"
          label={t('plans.unit')}
          value={unit}
          onChange={(e) => setUnit(e.currentTarget.value)}
        />
        <Select
          size="xs"
          label={t('plans.directionLabel')}
          value={direction}
          onChange={(v) => v && setDirection(v as 'higher' | 'lower')}
          allowDeselect={false}
          data={[
            { value: 'higher', label: t('plans.direction.higher') },
            { value: 'lower', label: t('plans.direction.lower') },
          ]}
        />
      </Group>
      <Group gap={4} grow>
        <NumberInput
          size="xs"
          label={t('plans.baselineYear')}
          value={baselineYear}
          onChange={(v) => setBaselineYear(v === '' ? '' : Number(v))}
        />
        <NumberInput
          size="xs"
          label={t('plans.baselineValue')}
          decimalSeparator=","
          value={baselineValue}
          onChange={(v) => setBaselineValue(v === '' ? '' : Number(v))}
          data-testid="indicator-baseline"
        />
      </Group>
      <Group gap={4} grow>
        {years.map((y) => (
          <NumberInput
            key={y}
            size="xs"
            label={`${t('plans.target')} ${y}`}
            decimalSeparator=","
            value={targets[y] ?? ''}
            onChange={(v) => setTargets((x) => ({ ...x, [y]: v === '' ? '' : Number(v) }))}
          />
        ))}
      </Group>
      <Select
        size="xs"
        label={t('plans.series')}
        clearable
        searchable
        value={series}
        onChange={setSeries}
        data={(list.data?.indicators ?? []).map((x) => x.indicator)}
      />
      <Group>
        <Button size="xs" onClick={() => save.submit()} loading={save.busy} data-testid="indicator-save">
          {t('common.save')}
        </Button>
      </Group>
      <Problem error={save.error} />
    </Stack>
  );
}

/** Moves an item under another item of the same plan (not under itself or its descendants), or to the top. */
function MoveForm({ plan, node, onDone }: { plan: Plan; node: PlanNode; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const below = new Set<string>([node.id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const n of plan.nodes)
      if (n.parentId && below.has(n.parentId) && !below.has(n.id)) {
        below.add(n.id);
        grew = true;
      }
  }
  const [parent, setParent] = useState<string>(node.parentId ?? 'root');
  const save = useSubmit(
    () =>
      post(`/api/plan-nodes/${node.id}/move`, {
        parentId: parent === 'root' ? null : parent,
        position: 10_000,
      }),
    onDone,
  );
  return (
    <Group gap={4}>
      <Select
        size="xs"
        w={320}
        value={parent}
        onChange={(v) => v && setParent(v)}
        allowDeselect={false}
        searchable
        data={[
          { value: 'root', label: t('plans.topLevel') },
          ...plan.nodes.filter((n) => !below.has(n.id)).map((n) => ({ value: n.id, label: n.title })),
        ]}
        data-testid="move-parent"
      />
      <Button size="xs" onClick={() => save.submit()} loading={save.busy} data-testid="move-save">
        {t('plans.move')}
      </Button>
      <Problem error={save.error} />
    </Group>
  );
}

/** Adds an item (under `parentId`) or changes one (`node`): kind, code from the nomenclature, title, tags, pagu of a year. */
function NodeForm({
  planId,
  parentId,
  node,
  onDone,
}: {
  planId: string;
  parentId?: string | null;
  node?: PlanNode;
  onDone: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const thisYear = String(new Date().getFullYear());
  const [kind, setKind] = useState(node?.kind ?? 'program');
  const [code, setCode] = useState(node?.code ?? '');
  const [title, setTitle] = useState(node?.title ?? '');
  const [tags, setTags] = useState((node?.tags ?? []).join('; '));
  const [year, setYear] = useState(thisYear);
  const [pagu, setPagu] = useState<number | ''>(node?.budget[thisYear] ?? '');
  const [search, setSearch] = useState('');
  const names = useQuery({
    queryKey: ['nomenclature', search],
    queryFn: () =>
      get<{ items: { code: string; title: string; level: string }[] }>(
        `/api/nomenclature?q=${encodeURIComponent(search)}`,
      ),
    enabled: search.length >= 2,
  });
  const budget = { ...(node?.budget ?? {}) };
  if (pagu === '') delete budget[year];
  else budget[year] = pagu;
  const body = {
    kind,
    title,
    tags: tags
      .split(';')
      .map((x) => x.trim())
      .filter(Boolean),
    budget,
  };
  const save = useSubmit(
    () =>
      node
        ? api('PATCH', `/api/plan-nodes/${node.id}`, { ...body, code: code || null })
        : post(`/api/plans/${planId}/nodes`, {
            ...body,
            ...(code ? { code } : {}),
            ...(parentId ? { parentId } : {}),
          }),
    onDone,
  );
  return (
    <Stack gap={4} w={520} mt={4} data-testid="node-form">
      <Group gap={4} grow>
        <Select
          size="xs"
          label={t('plans.kind')}
          value={kind}
          onChange={(v) => v && setKind(v)}
          allowDeselect={false}
          data={planNodeKinds.map((k) => ({ value: k, label: vocab('plans.kinds', k) }))}
          data-testid="node-kind"
        />
        <TextInput
          size="xs"
          label={t('plans.code')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
        />
      </Group>
      <Select
        size="xs"
        label={t('plans.fromNomenclature')}
        placeholder={t('plans.searchNomenclature')}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        data={(names.data?.items ?? []).map((x) => ({ value: x.code, label: `${x.code} ${x.title}` }))}
        onChange={(v) => {
          const hit = names.data?.items.find((x) => x.code === v);
          if (hit) {
            setCode(hit.code);
            setTitle(hit.title);
          }
        }}
        nothingFoundMessage={search.length >= 2 ? t('plans.noNomenclature') : undefined}
      />
      <TextInput
        size="xs"
        label={t('plans.itemTitle')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        data-testid="node-title"
      />
      <TextInput
        size="xs"
        label={t('plans.tags')}
        value={tags}
        onChange={(e) => setTags(e.currentTarget.value)}
      />
      <Group gap={4} grow>
        <TextInput
          size="xs"
          label={t('plans.year')}
          value={year}
          onChange={(e) => setYear(e.currentTarget.value)}
        />
        <NumberInput
          size="xs"
          label={t('plans.pagu')}
          prefix="Rp"
          thousandSeparator="."
          decimalSeparator=","
          min={0}
          value={pagu}
          onChange={(v) => setPagu(v === '' ? '' : Number(v))}
          data-testid="node-pagu"
        />
      </Group>
      <Group>
        <Button size="xs" onClick={() => save.submit()} loading={save.busy} data-testid="node-save">
          {t('common.save')}
        </Button>
      </Group>
      <Problem error={save.error} />
    </Stack>
  );
}

/** The reasoning of a projection in the reader's language, with Indonesian number formats. */
function projectionText(t: TFunction, pr: Indicator['projections'][number]) {
  const n = (x: number) => formatNumber(x, Math.abs(x - Math.round(x)) < 0.005 ? 0 : 2);
  if (pr.target === null) return t('plans.reasons.noTarget', { year: pr.year });
  if (pr.projected === null || pr.basis.slope === null)
    return t('plans.reasons.fewPoints', { points: pr.basis.points, min: 3 });
  return t('plans.reasons.trend', {
    slope: `${pr.basis.slope >= 0 ? '+' : ''}${n(pr.basis.slope)}`,
    points: pr.basis.points,
    year: pr.year,
    projected: n(pr.projected),
    target: n(pr.target),
  });
}

export function IndicatorView({
  indicator: i,
  mayEdit,
  plan,
  onDone,
}: {
  indicator: Indicator;
  mayEdit: boolean;
  /** The plan's period, for editing the indicator's targets. */
  plan?: { startYear: number; endYear: number };
  onDone: () => Promise<void>;
}) {
  const [editing, setEditing] = useState(false);
  const remove = useSubmit(() => api('DELETE', `/api/plan-indicators/${i.id}`), onDone);
  const { t } = useTranslation();
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const [value, setValue] = useState<number | ''>('');
  const [source, setSource] = useState('');
  const record = useSubmit(
    () =>
      api('PUT', `/api/plan-indicators/${i.id}`, {
        name: i.name,
        unit: i.unit,
        direction: i.direction,
        additive: i.additive,
        baselineYear: i.baselineYear,
        baselineValue: i.baselineValue,
        targets: i.targets,
        realisations: { ...i.ownRealisations, [year]: { value, source } },
        ...(i.seriesIndicator ? { seriesIndicator: i.seriesIndicator } : {}),
      }),
    async () => {
      setValue('');
      await onDone();
    },
  );
  const shown = i.byYear.filter((y) => y.year >= i.baselineYear);
  // The path: baseline to the last target year; targets, actuals, and the projection from the last actual.
  const last = Math.max(i.baselineYear, ...shown.map((y) => y.year), ...i.projections.map((p) => p.year));
  const years = Array.from({ length: last - i.baselineYear + 1 }, (_, k) => i.baselineYear + k);
  const at = (y: number) => shown.find((x) => x.year === y);
  const actual = years.map((y) => (y === i.baselineYear ? i.baselineValue : (at(y)?.realisation ?? null)));
  const lastActual = Math.max(...years.filter((_, k) => actual[k] !== null));
  const projected = i.projections.filter((p) => p.projected !== null).at(-1);
  return (
    <Stack gap={2} mt={6}>
      <Text size="xs" fw={600}>
        {i.name} ({i.unit}, {vocab('plans.direction', i.direction)}) · {t('plans.baseline')} {i.baselineYear}:{' '}
        {formatNumber(i.baselineValue, 2)}
        {i.seriesIndicator && (
          <Text span c="dimmed" size="xs">
            {' '}
            · {t('plans.fromSeries', { series: i.seriesIndicator })}
          </Text>
        )}
      </Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xs">
        <Table fz="xs" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('plans.year')}</Table.Th>
              <Table.Th ta="right">{t('plans.target')}</Table.Th>
              <Table.Th ta="right">{t('plans.realisation')}</Table.Th>
              <Table.Th ta="right">{t('plans.achievement')}</Table.Th>
              <Table.Th>{t('plans.source')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((y) => (
              <Table.Tr key={y.year}>
                <Table.Td>{y.year}</Table.Td>
                <Table.Td ta="right">{y.target === null ? '–' : formatNumber(y.target, 2)}</Table.Td>
                <Table.Td ta="right">
                  {y.realisation === null ? '–' : formatNumber(y.realisation, 2)}
                </Table.Td>
                <Table.Td ta="right">
                  {y.achievement !== null && (
                    <Badge size="xs" color={lightColour[y.light ?? ''] ?? 'gray'} variant="light">
                      {formatNumber(y.achievement, 1)} %
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td c="dimmed">{y.source ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Suspense fallback={null}>
          <TrendChart
            height={220}
            scale
            years={years}
            series={[
              {
                name: t('plans.target'),
                kind: 'line',
                values: years.map((y) => at(y)?.target ?? null),
                colour: '#868e96',
                connectNulls: true,
              },
              {
                name: t('plans.realisation'),
                kind: 'line',
                values: actual,
                colour: '#0ca678',
                connectNulls: true,
              },
              ...(projected
                ? [
                    {
                      name: t('plans.projection'),
                      kind: 'line' as const,
                      values: years.map((y) =>
                        y === lastActual
                          ? actual[years.indexOf(y)]!
                          : y === projected.year
                            ? Math.round(projected.projected! * 100) / 100
                            : null,
                      ),
                      colour: '#f08c00',
                      connectNulls: true,
                      dashed: true,
                    },
                  ]
                : []),
            ]}
          />
        </Suspense>
      </SimpleGrid>
      {i.projections.map((pr) => (
        <Text size="xs" key={pr.year} data-testid="projection">
          <Badge size="xs" color={verdictColour[pr.verdict]} variant="light" mr={6}>
            {pr.year}: {vocab('plans.verdicts', pr.verdict)}
          </Badge>
          {projectionText(t, pr)}
        </Text>
      ))}
      {mayEdit && (
        <Group gap={4}>
          <Button
            size="xs"
            variant="subtle"
            onClick={() => setEditing((x) => !x)}
            data-testid="indicator-edit"
          >
            {t('plans.editIndicator')}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={() =>
              window.confirm(t('plans.confirmDeleteIndicator', { name: i.name })) && remove.submit()
            }
          >
            {t('plans.deleteIndicator')}
          </Button>
          <Problem error={remove.error} />
        </Group>
      )}
      {mayEdit && editing && plan && (
        <IndicatorForm
          plan={plan}
          indicator={i}
          onDone={async () => {
            setEditing(false);
            await onDone();
          }}
        />
      )}
      {mayEdit && (
        <Group gap={4} align="end">
          <TextInput
            size="xs"
            w={70}
            label={t('plans.year')}
            value={year}
            onChange={(e) => setYear(e.currentTarget.value)}
          />
          <NumberInput
            size="xs"
            w={110}
            label={t('plans.realisation')}
            decimalSeparator=","
            value={value}
            onChange={(v) => setValue(v === '' ? '' : Number(v))}
          />
          <TextInput
            size="xs"
            w={200}
            label={t('plans.source')}
            value={source}
            onChange={(e) => setSource(e.currentTarget.value)}
          />
          <Button
            size="xs"
            variant="light"
            disabled={value === ''}
            onClick={() => record.submit()}
            loading={record.busy}
          >
            {t('plans.recordRealisation')}
          </Button>
          <Problem error={record.error} />
        </Group>
      )}
    </Stack>
  );
}

interface HistoryEntry {
  id: number;
  at: string;
  actor: string;
  role: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Every change to the plan, newest first: who, when, what, and what it was before. */
function History({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const h = useQuery({
    queryKey: ['plan-history', planId],
    queryFn: () => get<{ items: HistoryEntry[] }>(`/api/plans/${planId}/history`),
  });
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

function LinkControl({
  nodeId,
  current,
  targets,
  onDone,
}: {
  nodeId: string;
  current: string[];
  targets: LinkTarget[];
  onDone: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<string | null>(null);
  const save = useSubmit(
    () => api('PUT', `/api/plan-nodes/${nodeId}/links`, { supports: [...current, picked] }),
    async () => {
      setPicked(null);
      await onDone();
    },
  );
  // Grouped by plan, in the order the server gives (higher plans first).
  const open = targets.filter((x) => !current.includes(x.id));
  const choices = [...new Set(open.map((x) => x.plan))].map((plan) => ({
    group: plan,
    items: open
      .filter((x) => x.plan === plan)
      .map((x) => ({ value: x.id, label: `${x.code ? `${x.code} ` : ''}${x.title}` })),
  }));
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
        {t('plans.link')}
      </Button>
      <Problem error={save.error} />
    </Group>
  );
}
