import { Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { industryReportBody } from '@sinergi/contracts';
import { fuels, wastewaterTreatments } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { vocab } from '../../app/i18n.ts';
import { DecimalInput, IntegerInput, type NumberValue, RupiahInput, YearInput } from '../../app/inputs.tsx';
import { Problem } from '../../app/Problem.tsx';
import { useSubmit } from '../../app/use-submit.ts';
import type { IndustryDetail } from './api.ts';

type Report = IndustryDetail['reports'][number];
type Fuel = (typeof fuels)[number];
const amounts = [
  'electricityKwh',
  'waterM3',
  'solidWasteTon',
  'hazardousWasteTon',
  'wastewaterM3',
  'wastewaterCodKg',
] as const;

/** A year's report: output and workforce, energy by source, water and waste; a saved year opens filled in. */
export function ReportForm({
  id,
  reports,
  onDone,
}: {
  id: string;
  reports: readonly Report[];
  onDone(): Promise<void>;
}) {
  const { t } = useTranslation();
  const lastYear = new Date().getFullYear() - 1;
  const blank = (year: NumberValue) => {
    const r = reports.find((x) => x.year === year);
    return {
      year,
      workforce: (r?.workforce ?? '') as NumberValue,
      productionValue: (r?.productionValue ?? '') as NumberValue,
      rawMaterials: r?.rawMaterials ?? '',
      ...(Object.fromEntries(amounts.map((k) => [k, r ? r[k] : ''])) as Record<
        (typeof amounts)[number],
        NumberValue
      >),
      fuel: Object.fromEntries(fuels.map((f) => [f, r?.fuel[f] || ''])) as Record<Fuel, NumberValue>,
      wastewaterTreatment: r?.wastewaterTreatment ?? '',
    };
  };
  const [f, setF] = useState(() => blank(lastYear));
  const send = useSubmit(() => {
    const zero = (v: NumberValue) => (v === '' ? 0 : v);
    return api('PUT', `/api/industry/${id}/reports/${f.year}`, {
      ...checked(industryReportBody, {
        workforce: f.workforce,
        productionValue: f.productionValue,
        rawMaterials: f.rawMaterials,
        ...Object.fromEntries(amounts.map((k) => [k, k === 'electricityKwh' ? f[k] : zero(f[k])])),
        fuel: Object.fromEntries(fuels.map((x) => [x, zero(f.fuel[x])])),
        wastewaterTreatment: f.wastewaterTreatment || null,
      }),
    });
  }, onDone);
  const e = (name: string) => send.error?.fieldMessage(name);
  const amount = (k: (typeof amounts)[number]) => (
    <DecimalInput
      key={k}
      label={t(`industry.${k}`)}
      value={f[k]}
      onChange={(v) => setF({ ...f, [k]: v })}
      error={e(k)}
      min={0}
    />
  );
  return (
    <Card withBorder component="form" noValidate onSubmit={send.submit} data-testid="report-form">
      <Stack gap="xs">
        <Group align="flex-end">
          <YearInput
            label={t('industry.reportFor')}
            value={f.year}
            onChange={(year) => setF(blank(year))}
            error={e('year')}
            w={160}
            data-testid="report-year"
          />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <IntegerInput
            label={t('industry.workforce')}
            value={f.workforce}
            onChange={(workforce) => setF({ ...f, workforce })}
            error={e('workforce')}
            data-testid="report-workforce"
          />
          <RupiahInput
            label={t('industry.output')}
            value={f.productionValue}
            onChange={(productionValue) => setF({ ...f, productionValue })}
            error={e('productionValue')}
            data-testid="report-output"
          />
          <TextInput
            label={t('industry.rawMaterials')}
            value={f.rawMaterials}
            onChange={(x) => setF({ ...f, rawMaterials: x.currentTarget.value })}
            error={e('rawMaterials')}
          />
          {amount('electricityKwh')}
          {fuels.map((x) => (
            <DecimalInput
              key={x}
              label={vocab('industry.fuels', x)}
              value={f.fuel[x]}
              onChange={(v) => setF({ ...f, fuel: { ...f.fuel, [x]: v } })}
              error={e(`fuel.${x}`)}
              min={0}
              data-testid={`report-fuel-${x}`}
            />
          ))}
          {amount('waterM3')}
          {amount('solidWasteTon')}
          {amount('hazardousWasteTon')}
          {amount('wastewaterM3')}
          {amount('wastewaterCodKg')}
          <Select
            label={t('industry.wastewaterTreatment')}
            data={wastewaterTreatments.map((w) => ({ value: w, label: vocab('industry.treatments', w) }))}
            value={f.wastewaterTreatment || null}
            onChange={(v) => setF({ ...f, wastewaterTreatment: v ?? '' })}
            error={e('wastewaterTreatment')}
            clearable
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('industry.method')}
        </Text>
        <Problem error={send.error} />
        <Group>
          <Button type="submit" loading={send.busy} data-testid="report-save">
            {t('industry.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
