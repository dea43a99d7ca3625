import { Badge, Button, Group, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { realisationYears } from '@sinergi/core';
import type { TFunction } from 'i18next';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { formatNumber } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { DecimalInput } from '../../app/inputs.tsx';
import { Problem } from '../../app/Problem.tsx';
import { useSubmit } from '../../app/use-submit.ts';
import { WhenShown } from '../../app/WhenShown.tsx';
import { type Indicator, lightColour, verdictColour } from './plan-types.ts';

const TrendChart = lazy(() => import('../village-index/TrendChart.tsx'));
// Loaded when an editor opens it: the form's checks (the contracts' schemas) are not code a reader
// of the targets runs (issue 18: evaluating them was a task of 60-100 ms at 4x throttle).
const IndicatorForm = lazy(() => import('./IndicatorForm.tsx').then((m) => ({ default: m.IndicatorForm })));

/** An indicator: its targets and realisations by year with lights, its chart and the projection. */
/** The reasoning of a projection in the reader's language, with Indonesian number formats. */
export function projectionText(t: TFunction, pr: Indicator['projections'][number]) {
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
  const [year, setYear] = useState(() => yearsToRecord(i.baselineYear, plan?.endYear).at(-1) ?? '');
  const [value, setValue] = useState<number | ''>('');
  const [source, setSource] = useState('');
  const record = useSubmit(
    (confirmed) =>
      api('PUT', `/api/plan-indicators/${i.id}`, {
        confirmWarnings: confirmed || undefined,
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
        <WhenShown height={220}>
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
        </WhenShown>
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
        <Suspense fallback={null}>
          <IndicatorForm
            plan={plan}
            indicator={i}
            onDone={async () => {
              setEditing(false);
              await onDone();
            }}
          />
        </Suspense>
      )}
      {mayEdit && (
        <Group gap={4} align="end">
          <Select
            size="xs"
            w={90}
            label={t('plans.year')}
            // A realisation is of a year that has been, from the baseline to the plan's end.
            data={yearsToRecord(i.baselineYear, plan?.endYear)}
            value={year}
            onChange={(v) => v && setYear(v)}
            allowDeselect={false}
          />
          <DecimalInput
            size="xs"
            w={110}
            label={t('plans.realisation')}
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

function yearsToRecord(baselineYear: number, endYear: number | undefined): string[] {
  const now = new Date().getFullYear();
  return realisationYears(baselineYear, endYear ?? now, now).map(String);
}
