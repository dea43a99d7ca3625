import { Badge, Card, Select, Stack, Text, Title } from '@mantine/core';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vocab } from '../../app/i18n.ts';
import { Link } from '../../app/router.tsx';
import { usePlan, usePlans } from './api.ts';
import { IndicatorView } from './IndicatorView.tsx';

/**
 * The regency's targets and their realisation, for anyone: each goal and target of the medium-term
 * plan with its indicators, the target and realisation of every year with its source, the
 * achievement light, and whether the target is still reachable.
 */
export default function TargetsPage() {
  const { t } = useTranslation();
  const list = usePlans();
  const kabupaten = (list.data?.items ?? []).filter((p) => p.level === 'kabupaten');
  const [picked, setPicked] = useState<string | null>(null);
  const id = picked ?? kabupaten.find((p) => p.kind === 'RPJMD')?.id ?? kabupaten[0]?.id;
  const plan = usePlan(id);
  // Drawn as React finds time once the plan arrives, not in one task: its indicators arriving after
  // a page drawn without them were a task of 280-350 ms at 4x throttle (issue 18).
  const p = useDeferredValue(plan.data);
  return (
    <Stack maw={1000}>
      <Title order={2}>{t('targets.title')}</Title>
      <Text size="sm">{t('targets.help')}</Text>
      {kabupaten.length > 1 && (
        <Select
          w={360}
          value={id ?? null}
          onChange={setPicked}
          allowDeselect={false}
          data={kabupaten.map((x) => ({ value: x.id, label: x.name }))}
        />
      )}
      {!id && list.data && <Text c="dimmed">{t('targets.none')}</Text>}
      {p && (
        <>
          <Text size="sm" c="dimmed">
            <Link to={`/perencanaan/${p.id}`}>{p.name}</Link> · {p.startYear}–{p.endYear}
            {p.sample && (
              <Badge ml="xs" color="orange" variant="light">
                {t('plans.sample')}
              </Badge>
            )}
          </Text>
          {p.nodes
            .filter((n) => n.indicators.length > 0)
            .map((n) => (
              <Card withBorder key={n.id} data-testid="public-target">
                <Text fw={600} size="sm">
                  <Badge size="xs" variant="light" mr={6}>
                    {vocab('plans.kinds', n.kind)}
                  </Badge>
                  {n.title}
                </Text>
                {n.indicators.map((i) => (
                  <IndicatorView key={i.id} indicator={i} mayEdit={false} onDone={async () => {}} />
                ))}
              </Card>
            ))}
        </>
      )}
    </Stack>
  );
}
