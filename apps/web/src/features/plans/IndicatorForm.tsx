import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { planIndicatorBody } from '@sinergi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, post } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { DecimalInput, YearInput } from '../../app/inputs.tsx';
import { Problem } from '../../app/Problem.tsx';
import { useSubmit } from '../../app/use-submit.ts';
import { useSeries } from './api.ts';
import type { Indicator } from './plan-types.ts';

/**
 * A new indicator on an item: name, unit, direction, baseline, a target for each year of the plan,
 * and optionally the statistics series its realisations come from.
 */
export function IndicatorForm({
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
  const list = useSeries();
  const save = useSubmit((confirmed) => {
    const body = {
      confirmWarnings: confirmed || undefined,
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
      ? api(
          'PUT',
          `/api/plan-indicators/${indicator.id}`,
          checked(planIndicatorBody, {
            ...body,
            realisations: indicator.ownRealisations,
          }),
        )
      : post(`/api/plan-nodes/${nodeId}/indicators`, checked(planIndicatorBody, body));
  }, onDone);
  return (
    <Stack gap={4} maw={560} mt={4} data-testid="indicator-form">
      <TextInput
        size="xs"
        label={t('plans.indicatorName')}
        error={save.error?.fieldMessage('name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        data-testid="indicator-name"
      />
      <Group gap={4} grow>
        <TextInput
          size="xs"
          label={t('plans.unit')}
          error={save.error?.fieldMessage('unit')}
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
        <YearInput
          size="xs"
          label={t('plans.baselineYear')}
          error={save.error?.fieldMessage('baselineYear')}
          // The baseline is measured before the plan starts (at most ten years before).
          min={plan.startYear - 10}
          max={plan.startYear}
          value={baselineYear}
          onChange={(v) => setBaselineYear(v === '' ? '' : Number(v))}
        />
        <DecimalInput
          size="xs"
          label={t('plans.baselineValue')}
          error={save.error?.fieldMessage('baselineValue')}
          value={baselineValue}
          onChange={(v) => setBaselineValue(v === '' ? '' : Number(v))}
          data-testid="indicator-baseline"
        />
      </Group>
      {/* A target a year: three to a row on a phone, all in one on a wider screen. */}
      <SimpleGrid cols={{ base: 3, sm: years.length }} spacing={4}>
        {years.map((y) => (
          <DecimalInput
            key={y}
            size="xs"
            label={`${t('plans.target')} ${y}`}
            value={targets[y] ?? ''}
            onChange={(v) => setTargets((x) => ({ ...x, [y]: v === '' ? '' : Number(v) }))}
          />
        ))}
      </SimpleGrid>
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
