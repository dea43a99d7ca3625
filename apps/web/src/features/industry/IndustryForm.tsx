import { Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { certificateKinds, envPermits, industryBody, industryScales } from '@sinergi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, post } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { vocab } from '../../app/i18n.ts';
import { DateField } from '../../app/inputs.tsx';
import { Problem } from '../../app/Problem.tsx';
import { useSubmit } from '../../app/use-submit.ts';
import { DesaPicker, desaOf } from '../musrenbang/DesaPicker.tsx';
import type { IndustryDetail } from './api.ts';
import { useSentra } from './api.ts';

type Cert = { key: number; kind: string; number: string; validUntil: string };

/** Registers an industrial business, or corrects one (`current`). */
export function IndustryForm({
  current,
  onDone,
}: {
  current?: IndustryDetail;
  onDone(id: string): void | Promise<void>;
}) {
  const { t } = useTranslation();
  const sentra = useSentra();
  const [f, setF] = useState({
    name: current?.name ?? '',
    kbli: current?.kbli ?? '',
    scale: current?.scale ?? 'kecil',
    desaCode: current?.desaCode ?? '',
    sentraId: current?.sentraId ?? '',
    product: current?.product ?? '',
    envPermit: current?.envPermit ?? '',
    envPermitNumber: current?.envPermitNumber ?? '',
  });
  const [certs, setCerts] = useState<Cert[]>(
    (current?.certificateList ?? []).map((c, key) => ({ key, ...c, validUntil: c.validUntil ?? '' })),
  );
  const send = useSubmit(async () => {
    const body = checked(industryBody, {
      ...f,
      desaCode: desaOf(f.desaCode) ?? '',
      sentraId: f.sentraId || null,
      certificates: certs.map((c) => ({ kind: c.kind, number: c.number, validUntil: c.validUntil || null })),
    });
    const { id } = current
      ? await api<{ id: string }>('PUT', `/api/industry/${current.id}`, body)
      : await post<{ id: string }>('/api/industry', body);
    await onDone(id);
  });
  const e = (name: string) => send.error?.fieldMessage(name);
  const setCert = (i: number, patch: Partial<Cert>) =>
    setCerts(certs.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <Card withBorder component="form" noValidate onSubmit={send.submit} data-testid="industry-form">
      <Stack gap="xs">
        <Text fw={600}>{t(current ? 'industry.edit' : 'industry.new')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('industry.name')}
            value={f.name}
            onChange={(x) => setF({ ...f, name: x.currentTarget.value })}
            error={e('name')}
            data-testid="industry-name"
          />
          <TextInput
            label={t('industry.kbli')}
            value={f.kbli}
            onChange={(x) => setF({ ...f, kbli: x.currentTarget.value })}
            error={e('kbli')}
            inputMode="numeric"
            data-testid="industry-kbli"
          />
          <Select
            label={t('industry.scale')}
            data={industryScales.map((s) => ({ value: s, label: vocab('industry.scales', s) }))}
            value={f.scale}
            onChange={(v) => v && setF({ ...f, scale: v as typeof f.scale })}
            allowDeselect={false}
          />
          <TextInput
            label={t('industry.product')}
            value={f.product}
            onChange={(x) => setF({ ...f, product: x.currentTarget.value })}
            error={e('product')}
          />
          <DesaPicker
            value={f.desaCode || null}
            onChange={(code) => setF({ ...f, desaCode: code ?? '' })}
            error={e('desaCode')}
          />
          <Select
            label={t('industry.sentra')}
            data={[
              { value: '', label: t('industry.noSentra') },
              ...(sentra.data?.items ?? []).map((s) => ({ value: s.id, label: s.name })),
            ]}
            value={f.sentraId}
            onChange={(v) => setF({ ...f, sentraId: v ?? '' })}
            error={e('sentraId')}
          />
          <Select
            label={t('industry.envPermit')}
            data={envPermits.map((p) => ({ value: p, label: vocab('industry.envPermits', p || 'none') }))}
            value={f.envPermit}
            onChange={(v) => setF({ ...f, envPermit: (v ?? '') as typeof f.envPermit })}
            allowDeselect={false}
            error={e('envPermit')}
          />
          <TextInput
            label={t('industry.envPermitNumber')}
            value={f.envPermitNumber}
            onChange={(x) => setF({ ...f, envPermitNumber: x.currentTarget.value })}
            error={e('envPermitNumber')}
          />
        </SimpleGrid>
        <Text size="sm" fw={500}>
          {t('industry.certificates')}
        </Text>
        {certs.map((c, i) => (
          <Group key={c.key} align="flex-end" wrap="wrap">
            <Select
              label={t('industry.certificates')}
              data={certificateKinds.map((k) => ({ value: k, label: vocab('industry.certificateKinds', k) }))}
              value={c.kind}
              onChange={(v) => v && setCert(i, { kind: v })}
              allowDeselect={false}
              w={200}
            />
            <TextInput
              label={t('industry.certificateNumber')}
              value={c.number}
              onChange={(x) => setCert(i, { number: x.currentTarget.value })}
              error={e(`certificates.${i}.number`)}
            />
            <DateField
              label={t('industry.validUntil')}
              value={c.validUntil}
              onChange={(validUntil) => setCert(i, { validUntil })}
            />
            <Button variant="subtle" color="red" onClick={() => setCerts(certs.filter((_, j) => j !== i))}>
              {t('industry.remove')}
            </Button>
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() =>
              setCerts([...certs, { key: Date.now(), kind: 'halal', number: '', validUntil: '' }])
            }
          >
            {t('industry.addCertificate')}
          </Button>
        </Group>
        <Problem error={send.error} />
        <Group>
          <Button type="submit" loading={send.busy} data-testid="industry-save">
            {t('industry.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
