import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { PbCandidate as Candidate, RegionDetail } from '@sinergi/contracts';
import { pbElectionBody } from '@sinergi/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { formatRupiah } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { DecimalInput, IntegerInput, RupiahInput, YearInput } from '../../app/inputs.tsx';
import { Problem } from '../../app/Problem.tsx';
import { useActiveKabupaten } from '../../app/settings.ts';
import { useSubmit } from '../../app/use-submit.ts';
import { regionKeys } from '../regions/api.ts';
import { usePbCandidates } from './api.ts';
import type { RuleConfig } from './types.ts';

interface ProjectDraft {
  code: string;
  title: string;
  cost: number | '';
  regionCode?: string;
  proposalId?: string;
}

/** A new vote: the ballot format and the counting rule are chosen apart; projects come from Musrenbang or by hand. */
export function ElectionForm({ onSaved }: { onSaved: (id: string) => void }) {
  const { t } = useTranslation();
  const [planYear, setPlanYear] = useState(new Date().getFullYear() + 1);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [budget, setBudget] = useState<number | ''>(1_000_000_000);
  const [ballotType, setBallotType] = useState<'approval' | 'cumulative'>('approval');
  const [maxChoices, setMaxChoices] = useState<number | ''>(5);
  const [points, setPoints] = useState<number | ''>(10);
  const [rule, setRule] = useState<RuleConfig>({
    rule: 'mes',
    utility: 'cost',
    completion: 'add1-greedy',
    compareGreedy: false,
    threshold: 0,
    add1Step: 1000,
  });
  const [projects, setProjects] = useState<ProjectDraft[]>([]);
  // Budget shares per kecamatan (e.g. its population) to correct unequal turnout; off by default.
  const [shares, setShares] = useState<Record<string, number> | null>(null);
  const kabupaten = useActiveKabupaten();
  const kecamatan = useQuery({
    queryKey: regionKeys.detail(kabupaten),
    queryFn: () => get<RegionDetail>(`/api/regions/${kabupaten}`),
    enabled: !!kabupaten && shares !== null,
  });
  const candidates = usePbCandidates(planYear);
  const linked = new Set(projects.map((p) => p.proposalId).filter(Boolean));
  const toggle = (c: Candidate) =>
    setProjects((list) =>
      linked.has(c.id)
        ? list.filter((p) => p.proposalId !== c.id)
        : [
            ...list,
            {
              code: c.trackingCode,
              title: c.title,
              cost: c.cost,
              regionCode: c.regionCode,
              proposalId: c.id,
            },
          ],
    );
  const patch = (i: number, p: Partial<ProjectDraft>) =>
    setProjects((list) => list.map((x, k) => (k === i ? { ...x, ...p } : x)));
  const save = useSubmit(async () => {
    const r = await post<{ id: string }>(
      '/api/pb/elections',
      checked(pbElectionBody, {
        title,
        description,
        planYear,
        budget: budget || 0,
        ballot:
          ballotType === 'approval'
            ? { type: 'approval', maxChoices: maxChoices || 0 }
            : { type: 'cumulative', points: points || 0 },
        rule,
        ...(shares
          ? { districtShares: Object.fromEntries(Object.entries(shares).filter(([, v]) => v > 0)) }
          : {}),
        projects: projects.map((p) => ({
          code: p.code,
          title: p.title,
          cost: p.cost || 0,
          ...(p.regionCode ? { regionCode: p.regionCode } : {}),
          ...(p.proposalId ? { proposalId: p.proposalId } : {}),
        })),
      }),
    );
    onSaved(r.id);
  });
  const field = (name: string) => save.error?.fieldMessage(name);
  const options = (group: 'rules' | 'utilities' | 'completions', values: readonly string[]) =>
    values.map((v) => ({ value: v, label: vocab(`pb.${group}`, v) }));
  return (
    <Card withBorder component="form" noValidate onSubmit={save.submit} data-testid="pb-form">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('pb.name')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={field('title')}
            required
            data-testid="pb-title"
          />
          <YearInput
            label={t('musrenbang.planYear')}
            value={planYear}
            onChange={(v) => setPlanYear(Number(v) || planYear)}
            min={2020}
            max={2100}
          />
          <RupiahInput
            label={t('pb.budget')}
            value={budget}
            onChange={(v) => setBudget(v === '' ? '' : Number(v))}
            error={field('budget')}
            data-testid="pb-budget"
          />
        </SimpleGrid>
        <Textarea
          label={t('pb.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('pb.ballotType')}
            value={ballotType}
            onChange={(v) => setBallotType((v as 'approval' | 'cumulative') ?? 'approval')}
            data={[
              { value: 'approval', label: t('pb.approval') },
              { value: 'cumulative', label: t('pb.cumulative') },
            ]}
            allowDeselect={false}
          />
          {ballotType === 'approval' ? (
            <IntegerInput
              label={t('pb.maxChoices')}
              value={maxChoices}
              onChange={(v) => setMaxChoices(v === '' ? '' : Number(v))}
              min={1}
              max={200}
              error={field('ballot.maxChoices')}
            />
          ) : (
            <IntegerInput
              label={t('pb.points')}
              value={points}
              onChange={(v) => setPoints(v === '' ? '' : Number(v))}
              min={2}
              max={100}
              error={field('ballot.points')}
            />
          )}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('pb.rule')}
            value={rule.rule}
            onChange={(v) => v && setRule({ ...rule, rule: v as RuleConfig['rule'] })}
            data={options('rules', ['mes', 'greedy', 'greedy-no-skip', 'phragmen'])}
            allowDeselect={false}
          />
          {rule.rule === 'mes' && (
            <Select
              label={t('pb.utility')}
              value={rule.utility}
              onChange={(v) => v && setRule({ ...rule, utility: v as RuleConfig['utility'] })}
              data={options('utilities', ['cost', 'cardinality'])}
              allowDeselect={false}
            />
          )}
          {rule.rule === 'mes' && (
            <Select
              label={t('pb.completion')}
              value={rule.completion}
              onChange={(v) => v && setRule({ ...rule, completion: v as RuleConfig['completion'] })}
              data={options('completions', ['none', 'add1', 'add1-greedy'])}
              allowDeselect={false}
              error={field('rule.completion')}
            />
          )}
          <DecimalInput
            label={t('pb.threshold')}
            value={rule.threshold}
            onChange={(v) => setRule({ ...rule, threshold: Number(v) || 0 })}
            min={0}
          />
          {rule.rule === 'mes' && rule.completion !== 'none' && (
            <RupiahInput
              label={t('pb.add1Step')}
              value={rule.add1Step}
              onChange={(v) => setRule({ ...rule, add1Step: Number(v) || 1 })}
              min={1}
            />
          )}
        </SimpleGrid>
        {rule.rule === 'mes' && (
          <Checkbox
            label={t('pb.compareGreedy')}
            checked={rule.compareGreedy}
            onChange={(e) => setRule({ ...rule, compareGreedy: e.currentTarget.checked })}
          />
        )}

        <Checkbox
          label={t('pb.districtShares')}
          checked={shares !== null}
          onChange={(e) => setShares(e.currentTarget.checked ? {} : null)}
          data-testid="pb-district"
        />
        {shares !== null && (
          <Stack gap={4}>
            <Text size="xs" c="dimmed">
              {t('pb.districtSharesHelp')}
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              {kecamatan.data?.children.map((k) => (
                <DecimalInput
                  key={k.code}
                  size="xs"
                  label={k.name}
                  min={0}
                  value={shares[k.code] ?? ''}
                  onChange={(v) => setShares({ ...shares, [k.code]: Number(v) || 0 })}
                  error={field(`districtShares.${k.code}`)}
                />
              ))}
            </SimpleGrid>
          </Stack>
        )}

        <Text fw={600}>{t('pb.fromProposals')}</Text>
        <Table fz="sm" data-testid="pb-candidates">
          <Table.Tbody>
            {candidates.data?.items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td w={40}>
                  <Checkbox checked={linked.has(c.id)} onChange={() => toggle(c)} aria-label={c.title} />
                </Table.Td>
                <Table.Td>{c.title}</Table.Td>
                <Table.Td>{c.regionName}</Table.Td>
                <Table.Td ta="right">{formatRupiah(c.cost)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>

        <Text fw={600}>{t('pb.projects')}</Text>
        {projects.map((p, i) => (
          <Group key={p.proposalId ?? `new-${i}`} align="start" wrap="nowrap">
            <TextInput
              w={170}
              placeholder={t('pb.code')}
              value={p.code}
              onChange={(e) => patch(i, { code: e.currentTarget.value })}
              error={field(`projects.${i}.code`)}
              aria-label={t('pb.code')}
            />
            <TextInput
              style={{ flex: 1 }}
              placeholder={t('pb.projectTitle')}
              value={p.title}
              onChange={(e) => patch(i, { title: e.currentTarget.value })}
              error={field(`projects.${i}.title`)}
              aria-label={t('pb.projectTitle')}
            />
            <RupiahInput
              w={190}
              value={p.cost}
              onChange={(v) => patch(i, { cost: v === '' ? '' : Number(v) })}
              error={field(`projects.${i}.cost`)}
              aria-label={t('pb.cost')}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={6}
              onClick={() => setProjects((list) => list.filter((_, k) => k !== i))}
              aria-label="×"
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            onClick={() =>
              setProjects((list) => [
                ...list,
                { code: `P${String(list.length + 1).padStart(2, '0')}`, title: '', cost: '' },
              ])
            }
            data-testid="pb-add-project"
          >
            {t('pb.addProject')}
          </Button>
          <Button type="submit" loading={save.busy} data-testid="pb-save">
            {t('pb.create')}
          </Button>
        </Group>
        <Problem error={save.error} />
      </Stack>
    </Card>
  );
}
