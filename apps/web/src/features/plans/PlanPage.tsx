import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileUpload } from '../../app/FileUpload.tsx';
import { formatRupiah } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { Link, useParams } from '../../app/router.tsx';
import { useSession } from '../../app/session.ts';
import { PlanConsultations } from '../consultations/ConsultationsPage.tsx';
import { planKeys, useLinkTargets, usePlan, useProvince, useRefreshPlans } from './api.ts';
import { IndicatorView } from './IndicatorView.tsx';
import { NodeActions, NodeForm } from './NodeForms.tsx';
import { History } from './PlanHistory.tsx';
import type { PlanNode } from './plan-types.ts';

/**
 * A plan as a tree: each item with its links up, its pagu and its indicators' achievement and
 * projection. The plan's owner (and Bappeda) edit it here: add, change, move and delete items,
 * link them to higher targets, record realisations, and take the XLSX template out and back in.
 */
export default function PlanPage() {
  // With `code`: a kabupaten's plan, read by its province (read only; no template, history or consultation).
  const { id, code } = useParams();
  const { t } = useTranslation();
  const { can } = useSession();
  const [showHistory, setShowHistory] = useState(false);
  const q = usePlan(id, code);
  const province = useProvince();
  const kabupatenName = province.data?.kabupaten.find((k) => k.code === code)?.name ?? code;
  const p = q.data;
  // What the items may support: higher plans' targets and the owner's longer-term plan.
  const linkable = useLinkTargets(id, !!p?.abilities.edit);
  const reload = useRefreshPlans();
  if (!p)
    return <QueryState query={q} queryKey={code ? [...planKeys.detail(id), code] : planKeys.detail(id)} />;
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
            {p.source && (
              <Badge ml="xs" variant="light" data-testid="plan-copy">
                {t('province.copyBadge')}
              </Badge>
            )}
          </Text>
          {code && (
            <Text size="xs" c="dimmed" data-testid="plan-read-only">
              {t('province.readOnly', { name: kabupatenName })}{' '}
              <Anchor component={Link} to="/perencanaan/provinsi" size="xs">
                {t('province.title')}
              </Anchor>
            </Text>
          )}
        </div>
        <Group gap="xs" display={code ? 'none' : undefined}>
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
      {!code && <PlanConsultations planId={p.id} />}
      {p.abilities.edit && (
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
            {p.abilities.edit && <NodeActions plan={p} node={n} targets={targets} onDone={reload} />}
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
            <IndicatorView key={i.id} indicator={i} mayEdit={p.abilities.edit} plan={p} onDone={reload} />
          ))}
        </Card>
      ))}
      {p.abilities.edit && (
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
