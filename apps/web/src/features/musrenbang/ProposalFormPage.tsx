import {
  Alert,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { proposalBody } from '@sinergi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, query } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { formatRupiah } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { CoordinateInput, DecimalInput, IntegerInput, RupiahInput, YearInput } from '../../app/inputs.tsx';
import { sendOrQueue } from '../../app/outbox.ts';
import { PhotosInput } from '../../app/PhotosInput.tsx';
import { Problem } from '../../app/Problem.tsx';
import { useNavigate } from '../../app/router.tsx';
import { useSession } from '../../app/session.ts';
import { useSubmit } from '../../app/use-submit.ts';
import { useOrganisations } from '../organisations/api.ts';
import { useKamus } from './api.ts';
import { DesaPicker, desaOf } from './DesaPicker.tsx';
import { bidangList } from './labels.ts';
import { PointPicker } from './PointPicker.tsx';

const tracksOf: Record<string, string[]> = {
  desa: ['musrenbang'],
  kecamatan: ['musrenbang'],
  opd: ['renja'],
  dprd: ['pokir'],
  perencana: ['musrenbang', 'pokir', 'renja'],
  admin: ['musrenbang', 'pokir', 'renja'],
};
interface Duplicate {
  trackingCode: string;
  title: string;
  similarity: number;
}

/** A new proposal: a kamus entry fills the OPD and the estimate (volume x unit cost). */
export default function ProposalFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session } = useSession();
  const user = session?.user;
  const tracks = tracksOf[user?.role ?? ''] ?? [];
  const [form, setForm] = useState({
    track: tracks[0] ?? 'musrenbang',
    title: '',
    description: '',
    bidang: 'infrastruktur',
    kamusCode: null as string | null,
    organisationId: user?.role === 'opd' ? (user.organisationId ?? null) : (null as string | null),
    regionCode: user?.role === 'desa' ? (user.regionCode ?? null) : (null as string | null),
    rt: '',
    rw: '',
    latitude: '' as number | '',
    longitude: '' as number | '',
    volume: 1 as number | '',
    unit: '',
    estimatedCost: 0 as number | '',
    communityContribution: 0 as number | '',
    beneficiaries: 0 as number | '',
    planYear: new Date().getFullYear() + 1,
    proposerName: '',
    electoralDistrict: '',
  });
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const [duplicates, setDuplicates] = useState<Duplicate[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const kamus = useKamus();
  const orgs = useOrganisations();
  const pickKamus = (code: string | null) => {
    const entry = kamus.data?.items.find((k) => k.code === code);
    setForm((f) => ({
      ...f,
      kamusCode: code,
      ...(entry
        ? {
            organisationId: entry.organisation?.id ?? f.organisationId,
            unit: entry.unit,
            bidang: entry.bidang,
            title: f.title || entry.name,
            estimatedCost: Math.round((typeof f.volume === 'number' ? f.volume : 0) * entry.unitCost),
          }
        : {}),
    }));
  };
  const unitCost = kamus.data?.items.find((k) => k.code === form.kamusCode)?.unitCost;
  const checkDuplicates = async () => {
    if (form.regionCode?.split('.').length !== 4 || form.title.trim().length < 3) return;
    // Without a connection there is no list to check against: the server checks again when it is sent.
    const r = await get<{ items: Duplicate[] }>(
      `/api/proposals/duplicates${query({ region: form.regionCode, title: form.title.trim(), year: form.planYear })}`,
    ).catch(() => ({ items: [] }));
    setDuplicates(r.items);
  };
  const send = useSubmit(async (confirmed) => {
    const body = {
      ...form,
      confirmWarnings: confirmed || undefined,
      kamusCode: form.kamusCode ?? undefined,
      organisationId: form.organisationId ?? undefined,
      rt: form.rt || undefined,
      rw: form.rw || undefined,
      latitude: form.latitude === '' ? undefined : form.latitude,
      longitude: form.longitude === '' ? undefined : form.longitude,
      electoralDistrict: form.electoralDistrict || undefined,
    };
    // Without a connection the proposal and its photos wait on the device (the list shows them).
    const sent = await sendOrQueue({
      userId: user?.id ?? '',
      kind: 'proposal',
      title: form.title.trim(),
      method: 'POST',
      url: '/api/proposals',
      body: checked(proposalBody, body),
      photos: files.map((f) => ({ blob: f, type: f.type })),
      photoUrl: '/api/proposals/{id}/photos',
      link: '/usulan/{id}',
    });
    navigate(sent.queued ? '/usulan' : `/usulan/${sent.id}`);
  });
  const err = (field: string) => send.error?.fieldMessage(field);
  return (
    <Stack maw={820}>
      <Title order={2}>{t('musrenbang.new')}</Title>
      <Card withBorder component="form" noValidate onSubmit={send.submit}>
        <Stack>
          <Group grow>
            <Select
              label={t('musrenbang.track')}
              data={tracks.map((v) => ({ value: v, label: vocab('musrenbang.tracks', v) }))}
              value={form.track}
              onChange={(v) => v && set('track', v)}
              allowDeselect={false}
            />
            <YearInput
              label={t('musrenbang.planYear')}
              value={form.planYear}
              onChange={(v) => typeof v === 'number' && set('planYear', v)}
              error={err('planYear')}
            />
          </Group>
          <Select
            label={t('musrenbang.kamus')}
            description={t('musrenbang.kamusHelp')}
            searchable
            clearable
            data={(kamus.data?.items ?? []).map((k) => ({
              value: k.code,
              label: `${k.name} (${formatRupiah(k.unitCost)}/${k.unit})`,
            }))}
            value={form.kamusCode}
            onChange={pickKamus}
            error={err('kamusCode')}
            data-testid="kamus"
          />
          <TextInput
            label={t('musrenbang.proposalTitle')}
            required
            value={form.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            onBlur={checkDuplicates}
            error={err('title')}
            data-testid="title"
          />
          {duplicates.length > 0 && (
            <Alert color="orange" data-testid="duplicates">
              {t('musrenbang.duplicatesFound')}{' '}
              {duplicates.map((d) => `${d.trackingCode} "${d.title}"`).join('; ')}
            </Alert>
          )}
          <Textarea
            label={t('musrenbang.description')}
            autosize
            minRows={2}
            value={form.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            error={err('description')}
          />
          <Group grow>
            <Select
              label={t('musrenbang.bidang')}
              data={bidangList.map((b) => ({ value: b, label: vocab('musrenbang.bidangs', b) }))}
              value={form.bidang}
              onChange={(v) => v && set('bidang', v)}
              allowDeselect={false}
            />
            <Select
              label={t('musrenbang.organisation')}
              searchable
              clearable
              disabled={user?.role === 'opd'}
              data={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.shortName }))}
              value={form.organisationId}
              onChange={(v) => set('organisationId', v)}
              error={err('organisationId')}
              data-testid="organisation"
            />
          </Group>
          {user?.role === 'desa' ? null : (
            <DesaPicker
              value={form.regionCode}
              onChange={(v) => set('regionCode', v)}
              error={err('regionCode')}
            />
          )}
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" verticalSpacing="xs">
            <TextInput
              label="RT"
              value={form.rt}
              onChange={(e) => set('rt', e.currentTarget.value)}
              error={err('rt')}
            />
            <TextInput
              label="RW"
              value={form.rw}
              onChange={(e) => set('rw', e.currentTarget.value)}
              error={err('rw')}
            />
            <CoordinateInput
              label={t('musrenbang.latitude')}
              value={form.latitude}
              onChange={(v) => set('latitude', typeof v === 'number' ? v : '')}
              error={err('latitude')}
            />
            <CoordinateInput
              label={t('musrenbang.longitude')}
              value={form.longitude}
              onChange={(v) => set('longitude', typeof v === 'number' ? v : '')}
              error={err('longitude')}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt={-8}>
            {t('musrenbang.pointHelp')}
          </Text>
          {desaOf(form.regionCode) && (
            <PointPicker
              desaCode={desaOf(form.regionCode)!}
              point={
                typeof form.latitude === 'number' && typeof form.longitude === 'number'
                  ? { latitude: form.latitude, longitude: form.longitude }
                  : null
              }
              onPick={(latitude, longitude) => setForm((f) => ({ ...f, latitude, longitude }))}
            />
          )}
          <Group grow>
            <DecimalInput
              label={t('musrenbang.volume')}
              value={form.volume}
              min={0}
              onChange={(v) => {
                const volume = typeof v === 'number' ? v : '';
                setForm((f) => ({
                  ...f,
                  volume,
                  ...(unitCost !== undefined && typeof volume === 'number'
                    ? { estimatedCost: Math.round(volume * unitCost) }
                    : {}),
                }));
              }}
              error={err('volume')}
              data-testid="volume"
            />
            <TextInput
              label={t('musrenbang.unit')}
              required
              value={form.unit}
              onChange={(e) => set('unit', e.currentTarget.value)}
              error={err('unit')}
              data-testid="unit"
            />
          </Group>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" verticalSpacing="xs">
            <RupiahInput
              label={t('musrenbang.cost')}
              value={form.estimatedCost}
              onChange={(v) => set('estimatedCost', typeof v === 'number' ? v : '')}
              error={err('estimatedCost')}
              data-testid="cost"
            />
            <RupiahInput
              label={t('musrenbang.swadaya')}
              value={form.communityContribution}
              onChange={(v) => set('communityContribution', typeof v === 'number' ? v : '')}
            />
            <IntegerInput
              label={t('musrenbang.beneficiaries')}
              value={form.beneficiaries}
              min={0}
              onChange={(v) => set('beneficiaries', typeof v === 'number' ? v : '')}
              error={err('beneficiaries')}
            />
          </SimpleGrid>
          <Group grow>
            <TextInput
              label={t('musrenbang.proposer')}
              required
              value={form.proposerName}
              onChange={(e) => set('proposerName', e.currentTarget.value)}
              error={err('proposerName')}
              data-testid="proposer"
            />
            {form.track === 'pokir' && (
              <TextInput
                label={t('musrenbang.dapil')}
                value={form.electoralDistrict}
                onChange={(e) => set('electoralDistrict', e.currentTarget.value)}
                error={err('electoralDistrict')}
              />
            )}
          </Group>
          <PhotosInput
            label={t('aspiration.photos')}
            description={t('aspiration.photosHelp')}
            max={3}
            value={files}
            onChange={setFiles}
            testId="proposal-photos"
          />
          <Problem error={send.error} testId="form-error" />
          <Group justify="end">
            <Button type="submit" loading={send.busy} data-testid="submit">
              {t('musrenbang.submit')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
