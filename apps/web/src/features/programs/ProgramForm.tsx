import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { programBody } from '@sinergi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { vocab } from '../../app/i18n.ts';
import { DateField, DecimalInput, IntegerInput, RupiahInput } from '../../app/inputs.tsx';
import { Problem } from '../../app/Problem.tsx';
import { useSession } from '../../app/session.ts';
import { useSubmit } from '../../app/use-submit.ts';
import { useOrganisations } from '../organisations/api.ts';

const indicators = ['pendapatan', 'omzet', 'hasil_panen', 'harga_jual', 'tenaga_kerja', 'usaha_baru'];

/** A new program: identity, money, target, the eligibility rule built from conditions, outcomes and outputs. */
export function ProgramForm({ codes, onSaved }: { codes: string[]; onSaved: (id: string) => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const orgs = useOrganisations();
  const own = session?.user?.role === 'opd' ? (session.user.organisationId ?? null) : null;
  const year = new Date().getFullYear() + 1;
  const [f, setF] = useState({
    code: '',
    name: '',
    type: 'pelatihan',
    organisationId: own,
    startDate: `${year}-01-01`,
    endDate: `${year}-12-31`,
    budget: '' as number | '',
    targetBeneficiaries: '' as number | '',
    targetGroups: '',
    cyclic: false,
  });
  const [rule, setRule] = useState({
    decile: false,
    decileMin: 1,
    decileMax: 4,
    age: false,
    ageMin: 18,
    ageMax: 60,
    sex: '' as '' | 'L' | 'P',
    business: '' as '' | 'ya' | 'tidak',
  });
  const [outcomes, setOutcomes] = useState<string[]>([]);
  const [excludes, setExcludes] = useState<string[]>([]);
  const [outputs, setOutputs] = useState<{ name: string; unit: string; target: number | '' }[]>([]);
  const save = useSubmit(async () => {
    const all = [
      ...(rule.decile ? [{ field: 'decile', min: rule.decileMin, max: rule.decileMax }] : []),
      ...(rule.age ? [{ field: 'age', min: rule.ageMin, max: rule.ageMax }] : []),
      ...(rule.sex ? [{ field: 'sex', in: [rule.sex] }] : []),
      ...(rule.business ? [{ field: 'ownsBusiness', equals: rule.business === 'ya' }] : []),
    ];
    const r = await post<{ id: string }>(
      '/api/programs',
      checked(programBody, {
        ...f,
        organisationId: f.organisationId ?? '',
        budget: f.budget === '' ? undefined : f.budget,
        targetBeneficiaries: f.targetBeneficiaries === '' ? undefined : f.targetBeneficiaries,
        eligibility: { all },
        outcomes: outcomes.map((indicator) => ({ indicator, binary: indicator === 'usaha_baru' })),
        excludes,
        outputs: outputs.map((o) => ({ ...o, target: o.target === '' ? undefined : o.target })),
      }),
    );
    onSaved(r.id);
  });
  const e = (name: string) => save.error?.fieldMessage(name);
  return (
    <Card withBorder component="form" noValidate onSubmit={save.submit} data-testid="program-form">
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('programs.code')}
            placeholder="DISKOPUM-2027-01"
            value={f.code}
            onChange={(x) => setF({ ...f, code: x.currentTarget.value.toUpperCase() })}
            error={e('code')}
          />
          <TextInput
            label={t('programs.name')}
            value={f.name}
            onChange={(x) => setF({ ...f, name: x.currentTarget.value })}
            error={e('name')}
          />
          <Select
            label={t('programs.type')}
            value={f.type}
            onChange={(v) => setF({ ...f, type: v ?? 'pelatihan' })}
            data={['pelatihan', 'modal', 'pemasaran', 'bansos', 'lainnya'].map((v) => ({
              value: v,
              label: vocab('programs.types', v),
            }))}
            allowDeselect={false}
          />
          <Select
            label={t('programs.opd')}
            value={f.organisationId}
            disabled={!!own}
            onChange={(v) => setF({ ...f, organisationId: v })}
            data={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.shortName}` }))}
            searchable
            error={e('organisationId')}
          />
          <DateField
            label={t('programs.start')}
            value={f.startDate}
            onChange={(v) => setF({ ...f, startDate: v })}
            error={e('startDate')}
          />
          <DateField
            label={t('programs.end')}
            value={f.endDate}
            onChange={(v) => setF({ ...f, endDate: v })}
            error={e('endDate')}
          />
          <RupiahInput
            label={t('programs.budget')}
            value={f.budget}
            onChange={(v) => setF({ ...f, budget: v === '' ? '' : Number(v) })}
            error={e('budget')}
          />
          <IntegerInput
            label={t('programs.target')}
            value={f.targetBeneficiaries}
            min={0}
            onChange={(v) => setF({ ...f, targetBeneficiaries: v === '' ? '' : Number(v) })}
            error={e('targetBeneficiaries')}
          />
          <TextInput
            label={t('programs.targetGroups')}
            value={f.targetGroups}
            onChange={(x) => setF({ ...f, targetGroups: x.currentTarget.value })}
          />
        </SimpleGrid>
        <Text fw={600} size="sm">
          {t('programs.rule')}
        </Text>
        <Group align="end">
          <Checkbox
            label={t('programs.conditions.decile', { min: '', max: '' }).replace(/\s*–\s*$/, '')}
            checked={rule.decile}
            onChange={(x) => setRule({ ...rule, decile: x.currentTarget.checked })}
            mb={8}
          />
          {rule.decile && (
            <>
              <IntegerInput
                w={80}
                min={1}
                max={10}
                value={rule.decileMin}
                onChange={(v) => setRule({ ...rule, decileMin: Number(v) || 1 })}
                aria-label="min"
              />
              <IntegerInput
                w={80}
                min={1}
                max={10}
                value={rule.decileMax}
                onChange={(v) => setRule({ ...rule, decileMax: Number(v) || 1 })}
                aria-label="max"
              />
            </>
          )}
          <Checkbox
            label={t('programs.conditions.age', { min: '', max: '' }).replace(/\s*–\s*$/, '')}
            checked={rule.age}
            onChange={(x) => setRule({ ...rule, age: x.currentTarget.checked })}
            mb={8}
          />
          {rule.age && (
            <>
              <IntegerInput
                w={80}
                min={0}
                max={120}
                value={rule.ageMin}
                onChange={(v) => setRule({ ...rule, ageMin: Number(v) || 0 })}
                aria-label="min"
              />
              <IntegerInput
                w={80}
                min={0}
                max={120}
                value={rule.ageMax}
                onChange={(v) => setRule({ ...rule, ageMax: Number(v) || 0 })}
                aria-label="max"
              />
            </>
          )}
          <Select
            w={150}
            label={t('registry.sex')}
            value={rule.sex}
            onChange={(v) => setRule({ ...rule, sex: (v as '' | 'L' | 'P') ?? '' })}
            data={[
              { value: '', label: '–' },
              { value: 'L', label: t('programs.conditions.sexL') },
              { value: 'P', label: t('programs.conditions.sexP') },
            ]}
            allowDeselect={false}
          />
          <Select
            w={190}
            label={t('umkm.title')}
            value={rule.business}
            onChange={(v) => setRule({ ...rule, business: (v as '' | 'ya' | 'tidak') ?? '' })}
            data={[
              { value: '', label: '–' },
              { value: 'ya', label: t('programs.conditions.business') },
              { value: 'tidak', label: t('programs.conditions.noBusiness') },
            ]}
            allowDeselect={false}
          />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label={t('programs.outcomes')}
            data={indicators.map((i) => ({ value: i, label: vocab('programs.indicators', i) }))}
            value={outcomes}
            onChange={setOutcomes}
          />
          <MultiSelect
            label={t('programs.excludes')}
            data={codes}
            value={excludes}
            onChange={setExcludes}
            searchable
            error={e('excludes')}
          />
        </SimpleGrid>
        <Checkbox
          label={t('programs.cyclic')}
          checked={f.cyclic}
          onChange={(x) => setF({ ...f, cyclic: x.currentTarget.checked })}
        />
        <Text fw={600} size="sm">
          {t('programs.outputs')}
        </Text>
        {outputs.map((o, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a row is a position in the list being edited
          <Group key={i} wrap="nowrap">
            <TextInput
              placeholder={t('programs.outputName')}
              value={o.name}
              onChange={(x) =>
                setOutputs(outputs.map((y, k) => (k === i ? { ...y, name: x.currentTarget.value } : y)))
              }
              style={{ flex: 1 }}
            />
            <TextInput
              placeholder={t('programs.outputUnit')}
              w={120}
              value={o.unit}
              onChange={(x) =>
                setOutputs(outputs.map((y, k) => (k === i ? { ...y, unit: x.currentTarget.value } : y)))
              }
            />
            <DecimalInput
              placeholder={t('programs.target')}
              w={140}
              value={o.target}
              onChange={(v) =>
                setOutputs(outputs.map((y, k) => (k === i ? { ...y, target: v === '' ? '' : Number(v) } : y)))
              }
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label="×"
              onClick={() => setOutputs(outputs.filter((_, k) => k !== i))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() => setOutputs([...outputs, { name: '', unit: 'orang', target: '' }])}
          >
            {t('programs.addOutput')}
          </Button>
          <Button type="submit" loading={save.busy} data-testid="program-save">
            {t('programs.create')}
          </Button>
        </Group>
        <Problem error={save.error} />
      </Stack>
    </Card>
  );
}
