import {
  Alert,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { criterionCodes as allCriteria, assessedCriteria } from '@sinergi/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, get, post } from '../../app/api.ts';
import { formatNumber, formatRupiah } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { DecimalInput, RupiahInput } from '../../app/inputs.tsx';
import { Problem } from '../../app/Problem.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { useNavigate, useParams } from '../../app/router.tsx';
import { useSession } from '../../app/session.ts';
import { useJob } from '../../app/use-job.tsx';
import { useSubmit } from '../../app/use-submit.ts';
import { AdoptButton, AdoptionNote } from './Adoption.tsx';
import { scenarioKeys, useScenario } from './api.ts';
import { type Rules, RulesEditor } from './RulesEditor.tsx';
import { RuleText } from './RuleText.tsx';
import { Spending, Why } from './Spending.tsx';
import type { Explanation, Scenario } from './types.ts';

/** One scenario: its settings, the solve (a job with progress), the optimum beside the greedy list, explanations, adoption. */
export default function ScenarioPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const client = useQueryClient();
  const scenario = useScenario(id);
  const s = scenario.data;
  const {
    start: setJobId,
    running,
    bar,
  } = useJob(() => void client.invalidateQueries({ queryKey: ['scenario', id] }), 'solve-progress');
  const [weights, setWeights] = useState<Record<string, number>>({});
  const [budget, setBudget] = useState<number | ''>('');
  const [rules, setRules] = useState<Rules>({});
  const [assessments, setAssessments] = useState<Scenario['assessments']>({});
  useEffect(() => {
    if (!s) return;
    setWeights(Object.fromEntries(s.criteria.map((c) => [c.code, c.weight])));
    setBudget(s.budget);
    setRules(s.rules as Rules);
    setAssessments(s.assessments ?? {});
  }, [s]);
  const [why, setWhy] = useState<Record<string, Explanation>>({});
  const [asking, setAsking] = useState<string | null>(null);
  const save = useSubmit(async () => {
    if (!s) return;
    await api('PUT', `/api/scenarios/${s.id}`, {
      name: s.name,
      planYear: s.planYear,
      budget: budget || 0,
      criteria: s.ahp
        ? s.criteria.map((c) => ({ code: c.code, weight: weights[c.code] ?? c.weight }))
        : allCriteria
            .map((code) => ({ code, weight: weights[code] ?? 0 }))
            .filter((c) => c.weight > 0 || s.criteria.some((x) => x.code === c.code)),
      assessments,
      rules,
      timeLimit: s.timeLimit,
      gap: s.gap,
      ...(s.ahp ? { ahp: s.ahp } : {}),
    });
    await client.invalidateQueries({ queryKey: ['scenario', id] });
  });
  const solve = useSubmit(async () => {
    const r = await post<{ jobId: string }>(`/api/scenarios/${id}/solve`);
    setJobId(r.jobId);
  });
  const explainAll = useSubmit(async () => {
    const r = await post<{ jobId: string }>(`/api/scenarios/${id}/explain`);
    setJobId(r.jobId);
  });
  const copy = useSubmit(async () => {
    const r = await post<{ id: string }>(`/api/scenarios/${id}/copy`);
    navigate(`/skenario/${r.id}`);
  });
  if (!s) return <QueryState query={scenario} queryKey={scenarioKeys.detail(id)} />;
  const r = s.result;
  // The criteria the forum rates per proposal, shown as columns when they carry weight.
  const assessed = assessedCriteria.filter(
    (code) => (weights[code] ?? 0) > 0 || s.criteria.some((c) => c.code === code && c.weight > 0),
  );
  const draft = s.state === 'draf';
  const manage = can('allocation.manage') && draft;
  const gain =
    r?.objective != null && r.greedy.objective > 0 ? (r.objective / r.greedy.objective - 1) * 100 : null;
  const ask = async (pid: string) => {
    setAsking(pid);
    try {
      const e = await get<Explanation>(`/api/scenarios/${id}/explain/${pid}`);
      setWhy((w) => ({ ...w, [pid]: e }));
    } finally {
      setAsking(null);
    }
  };
  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="start">
        <div>
          <Title order={2}>{s.name}</Title>
          <Text c="dimmed" size="sm">
            {t('musrenbang.planYear')} {s.planYear} · {t('allocation.budget')} {formatRupiah(s.budget)} ·{' '}
            {formatNumber(s.candidates.length)} {t('allocation.candidates')}
          </Text>
        </div>
        <Group>
          {r && (
            <Button
              component="a"
              variant="subtle"
              href={`/api/scenarios/${s.id}/report.xlsx`}
              data-testid="report"
            >
              {t('allocation.report')}
            </Button>
          )}
          {can('allocation.manage') && r && r.status !== 'infeasible' && (
            <Button
              variant="default"
              onClick={() => explainAll.submit()}
              loading={explainAll.busy}
              data-testid="explain-all"
            >
              {t('allocation.explainAll')}
            </Button>
          )}
          {s.state !== 'draf' && (
            <Badge color={s.state === 'diadopsi' ? 'teal' : 'gray'} size="lg" data-testid="scenario-state">
              {vocab('allocation.states', s.state)}
            </Badge>
          )}
          {can('allocation.manage') && (
            <Button variant="default" onClick={() => copy.submit()} loading={copy.busy}>
              {t('allocation.copy')}
            </Button>
          )}
          {manage && (
            <Button onClick={() => solve.submit()} loading={solve.busy || !!running} data-testid="solve">
              {t('allocation.solve')}
            </Button>
          )}
          {manage && r && r.status !== 'infeasible' && <AdoptButton s={s} />}
        </Group>
      </Group>
      <AdoptionNote s={s} />
      {bar}
      <Problem error={solve.error ?? copy.error ?? save.error ?? explainAll.error} />

      {manage && (
        <Card withBorder>
          <Text fw={600} mb="xs">
            {t('allocation.settings')}
          </Text>
          <Group align="end">
            <RupiahInput
              label={t('allocation.budget')}
              value={budget}
              onChange={(v) => setBudget(typeof v === 'number' ? v : '')}
              w={220}
            />
            {(s.ahp ? s.criteria.map((c) => c.code) : allCriteria).map((code) => (
              <DecimalInput
                key={code}
                label={vocab('allocation.criteria', code)}
                min={0}
                max={100}
                value={weights[code] ?? 0}
                onChange={(v) => setWeights((w) => ({ ...w, [code]: typeof v === 'number' ? v : 0 }))}
                w={170}
                data-testid={`weight-${code}`}
              />
            ))}
            <Button variant="light" onClick={() => save.submit()} loading={save.busy}>
              {t('allocation.save')}
            </Button>
          </Group>
        </Card>
      )}
      {manage && (
        <>
          <RulesEditor
            scenario={s}
            rules={rules}
            onChange={setRules}
            fieldError={(f) => save.error?.fieldMessage(f)}
          />
          <Group>
            <Button
              variant="light"
              onClick={() => save.submit()}
              loading={save.busy}
              data-testid="rules-save"
            >
              {t('allocation.saveRules')}
            </Button>
          </Group>
        </>
      )}

      {r && r.status === 'infeasible' && (
        <Alert color="orange" title={t('allocation.infeasible')} data-testid="infeasible">
          <Text size="sm">{t('allocation.conflicts')}</Text>
          {r.conflicts?.map((c) => (
            <Text size="sm" key={JSON.stringify(c)}>
              • <RuleText rule={c} />
            </Text>
          ))}
          <Text size="sm" mt="xs">
            {t('allocation.relaxation')}
          </Text>
          {r.relaxation?.map((x) => (
            <Text size="sm" key={JSON.stringify(x.rule)}>
              • <RuleText rule={x.rule} by={x.by} />
            </Text>
          ))}
        </Alert>
      )}
      {r && r.status !== 'infeasible' && (
        <SimpleGrid cols={{ base: 1, sm: 3 }} data-testid="result">
          <Card withBorder>
            <Text size="xs" c="dimmed">
              {t('allocation.optimum')}
            </Text>
            <Text fw={700} size="xl">
              {r.objective === null || r.objective === undefined ? '—' : formatNumber(r.objective, 2)}
            </Text>
            <Text size="xs">
              {formatRupiah(r.cost)} · {t(`allocation.statuses.${r.status}`, { defaultValue: r.status })} ·
              {t('allocation.gap')} {formatNumber((r.gap ?? 0) * 100, 3)} %
            </Text>
          </Card>
          <Card withBorder>
            <Text size="xs" c="dimmed">
              {t('allocation.greedy')}
            </Text>
            <Text fw={700} size="xl">
              {formatNumber(r.greedy.objective, 2)}
            </Text>
            <Text size="xs">
              {formatRupiah(r.greedy.cost)} · {r.greedy.count} {t('allocation.proposals')}
            </Text>
          </Card>
          <Card withBorder>
            <Text size="xs" c="dimmed">
              {t('allocation.gain')}
            </Text>
            <Text fw={700} size="xl" data-testid="gain">
              {gain === null ? '—' : `+${formatNumber(gain, 1)} %`}
            </Text>
            <Text size="xs">{t('allocation.gainHelp')}</Text>
          </Card>
        </SimpleGrid>
      )}

      <Card withBorder p={0}>
        <Table.ScrollContainer minWidth={900}>
          <Table fz="sm" striped data-testid="candidates">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('musrenbang.proposalTitle')}</Table.Th>
                <Table.Th>{t('musrenbang.location')}</Table.Th>
                <Table.Th>OPD</Table.Th>
                <Table.Th ta="right">{t('musrenbang.cost')}</Table.Th>
                {assessed.map((code) => (
                  <Table.Th key={code} ta="right">
                    {vocab('allocation.criteria', code)} (0–5)
                  </Table.Th>
                ))}
                <Table.Th ta="right">{t('allocation.score')}</Table.Th>
                <Table.Th>{t('allocation.optimum')}</Table.Th>
                <Table.Th>{t('allocation.greedy')}</Table.Th>
                <Table.Th>{t('allocation.why')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...s.candidates]
                .sort((a, b) => (b.score ?? 0) - (a.score ?? 0))
                .map((c) => {
                  const e = why[c.id] ?? s.explanations[c.id];
                  return (
                    <Table.Tr key={c.id}>
                      <Table.Td>
                        {c.title}
                        <Text size="xs" c="dimmed">
                          {c.trackingCode}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {c.regionName}, {c.kecamatanName}
                      </Table.Td>
                      <Table.Td>{c.opd ?? '—'}</Table.Td>
                      <Table.Td ta="right">{formatRupiah(c.cost)}</Table.Td>
                      {assessed.map((code) => (
                        <Table.Td key={code} ta="right">
                          {manage ? (
                            <DecimalInput
                              size="xs"
                              w={70}
                              min={0}
                              max={5}
                              aria-label={`${vocab('allocation.criteria', code)} ${c.trackingCode}`}
                              value={assessments[code]?.[c.trackingCode] ?? ''}
                              onChange={(v) =>
                                setAssessments((a) => ({
                                  ...a,
                                  [code]: { ...(a[code] ?? {}), [c.trackingCode]: Number(v) || 0 },
                                }))
                              }
                            />
                          ) : (
                            (s.assessments[code]?.[c.trackingCode] ?? '—')
                          )}
                        </Table.Td>
                      ))}
                      <Table.Td ta="right">{c.score === null ? '—' : formatNumber(c.score, 1)}</Table.Td>
                      <Table.Td>
                        {c.inOptimum ? (
                          <Text c="teal" fw={700} size="sm">
                            ✓ {t('allocation.in')}
                          </Text>
                        ) : (
                          <Text c="dimmed" size="sm">
                            {t('allocation.out')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{c.inGreedy ? '✓' : ''}</Table.Td>
                      <Table.Td maw={320}>
                        {e ? (
                          <Why e={e} t={t} />
                        ) : (
                          r &&
                          r.status !== 'infeasible' && (
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              loading={asking === c.id}
                              onClick={() => ask(c.id)}
                              data-testid={`why-${c.trackingCode}`}
                            >
                              {t('allocation.ask')}
                            </Button>
                          )
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {r && r.status !== 'infeasible' && (
        <Grid>
          {(['kecamatan', 'opd', 'bidang'] as const).map((k) => (
            <Grid.Col key={k} span={{ base: 12, md: 4 }}>
              <Spending
                title={`${vocab('allocation.by', k)} (${t('allocation.optimum')})`}
                data={r.spending.optimum[k]}
                {...(k === 'bidang'
                  ? { label: (b: string) => t(`musrenbang.bidangs.${b}`, { defaultValue: b }) }
                  : {})}
              />
            </Grid.Col>
          ))}
        </Grid>
      )}
    </Stack>
  );
}
