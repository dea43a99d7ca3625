import { ActionIcon, Button, Group, Select, Stack, TextInput, Tooltip } from '@mantine/core';
import { planNodeBody, planNodeKinds, planNodePatchBody } from '@sinergi/contracts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, post } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { vocab } from '../../app/i18n.ts';
import { RupiahInput, YearInput } from '../../app/inputs.tsx';
import { Problem } from '../../app/Problem.tsx';
import { useSubmit } from '../../app/use-submit.ts';
import { useNomenclature } from './api.ts';
import { IndicatorForm } from './IndicatorForm.tsx';
import { LinkControl } from './PlanHistory.tsx';
import type { LinkTarget, Plan, PlanNode } from './plan-types.ts';

/** Editing the items of a plan: the actions on an item, adding or changing one, and moving it. */
/** The buttons on an item: add below, change, move up or down or under another item, delete. */
export function NodeActions({
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
        <LinkControl nodeId={node.id} current={node.supports} targets={targets} onDone={done} />
      )}
      {mode === 'add' && <NodeForm planId={plan.id} parentId={node.id} onDone={done} />}
      {mode === 'edit' && <NodeForm planId={plan.id} node={node} onDone={done} />}
      {mode === 'move' && <MoveForm plan={plan} node={node} onDone={done} />}
      {mode === 'indicator' && <IndicatorForm plan={plan} nodeId={node.id} onDone={done} />}
    </Stack>
  );
}

/** Moves an item under another item of the same plan (not under itself or its descendants), or to the top. */
export function MoveForm({
  plan,
  node,
  onDone,
}: {
  plan: Plan;
  node: PlanNode;
  onDone: () => Promise<void>;
}) {
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
export function NodeForm({
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
  const names = useNomenclature(search, search.length >= 2);
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
        ? api(
            'PATCH',
            `/api/plan-nodes/${node.id}`,
            checked(planNodePatchBody, { ...body, code: code || null }),
          )
        : post(
            `/api/plans/${planId}/nodes`,
            checked(planNodeBody, {
              ...body,
              ...(code ? { code } : {}),
              ...(parentId ? { parentId } : {}),
            }),
          ),
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
          error={save.error?.fieldMessage('code')}
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
        error={save.error?.fieldMessage('title')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        data-testid="node-title"
      />
      <TextInput
        size="xs"
        label={t('plans.tags')}
        error={save.error?.fieldMessage('tags')}
        value={tags}
        onChange={(e) => setTags(e.currentTarget.value)}
      />
      <Group gap={4} grow>
        <YearInput
          size="xs"
          label={t('plans.year')}
          value={Number(year)}
          onChange={(v) => v !== '' && setYear(String(v))}
        />
        <RupiahInput
          size="xs"
          label={t('plans.pagu')}
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
