import {
  Alert,
  Anchor,
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
import { useDebouncedValue } from '@mantine/hooks';
import { aspirationBody } from '@sinergi/contracts';
import { planYearOn } from '@sinergi/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post, query, uploadFile } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { vocab } from '../../app/i18n.ts';
import { IntegerInput, RupiahInput } from '../../app/inputs.tsx';
import { PhotosInput } from '../../app/PhotosInput.tsx';
import { Problem } from '../../app/Problem.tsx';
import { Link } from '../../app/router.tsx';
import { useSubmit } from '../../app/use-submit.ts';
import { DesaPicker, desaOf } from './DesaPicker.tsx';
import { bidangList } from './labels.ts';
import { PointPicker } from './PointPicker.tsx';

/** Anyone, without an account, sends an aspiration to their desa and gets a tracking code. */
export default function AspirationPage() {
  const { t } = useTranslation();
  const [form, setForm] = useState({
    title: '',
    description: '',
    bidang: 'infrastruktur',
    regionCode: null as string | null,
    rt: '',
    rw: '',
    beneficiaries: 0 as number | '',
    estimatedCost: '' as number | '',
    latitude: undefined as number | undefined,
    longitude: undefined as number | undefined,
    proposerName: '',
    contact: '',
  });
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const [code, setCode] = useState<string | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [photosSent, setPhotosSent] = useState(0);
  const desaCode = desaOf(form.regionCode);
  const [title] = useDebouncedValue(form.title.trim(), 400);
  // "Mungkin sudah diusulkan": proposals of the desa like the title being typed, to follow instead.
  const similar = useQuery({
    queryKey: ['similar', desaCode, title],
    queryFn: () =>
      get<{ items: { trackingCode: string; title: string; stage: string }[] }>(
        `/api/public/proposals/similar${query({ region: desaCode, title, year: planYearOn(new Date()) })}`,
      ),
    enabled: !!desaCode && title.length >= 5,
  });
  const send = useSubmit(async () => {
    const r = await post<{ trackingCode: string; photoToken: string }>(
      '/api/aspirations',
      checked(aspirationBody, {
        ...form,
        rt: form.rt || undefined,
        rw: form.rw || undefined,
        contact: form.contact || undefined,
        beneficiaries: form.beneficiaries || 0,
        estimatedCost: form.estimatedCost === '' ? undefined : form.estimatedCost,
      }),
    );
    // The photos follow the aspiration, each with the token that came with its code.
    let sent = 0;
    for (const file of files.slice(0, 3))
      await uploadFile(`/api/aspirations/${r.trackingCode}/photos`, file, file.type, {
        'x-photo-token': r.photoToken,
      }).then(
        () => sent++,
        // A photo refused (not a picture, too large) does not undo the aspiration: the count says so.
        () => undefined,
      );
    setPhotosSent(sent);
    setCode(r.trackingCode);
  });
  const err = (field: string) => send.error?.fieldMessage(field);
  if (code)
    return (
      <Stack maw={640}>
        <Title order={2}>{t('aspiration.thanks')}</Title>
        <Alert color="teal" data-testid="tracking-code">
          <Text>{t('aspiration.yourCode')}</Text>
          <Text fw={700} size="xl" ff="monospace">
            {code}
          </Text>
          <Text size="sm">{t('aspiration.keepCode')}</Text>
          {files.length > 0 && (
            <Text size="sm" data-testid="photos-sent">
              {t('aspiration.photosSent', { count: photosSent, total: Math.min(files.length, 3) })}
            </Text>
          )}
        </Alert>
        <Button component={Link} to={`/lacak/${code}`} variant="light">
          {t('aspiration.follow')}
        </Button>
      </Stack>
    );
  return (
    <Stack maw={720}>
      <Title order={2}>{t('aspiration.title')}</Title>
      <Text size="sm">{t('aspiration.help')}</Text>
      <Card withBorder component="form" noValidate onSubmit={send.submit}>
        <Stack>
          <TextInput
            label={t('musrenbang.proposalTitle')}
            required
            value={form.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={err('title')}
            data-testid="title"
          />
          <Textarea
            label={t('musrenbang.description')}
            required
            autosize
            minRows={3}
            value={form.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            error={err('description')}
            data-testid="description"
          />
          <Select
            label={t('musrenbang.bidang')}
            data={bidangList.map((b) => ({ value: b, label: vocab('musrenbang.bidangs', b) }))}
            value={form.bidang}
            onChange={(v) => v && set('bidang', v)}
            allowDeselect={false}
          />
          <DesaPicker
            value={form.regionCode}
            onChange={(v) => set('regionCode', v)}
            error={err('regionCode')}
          />
          {desaCode && (
            <PointPicker
              desaCode={desaCode}
              point={
                form.latitude !== undefined && form.longitude !== undefined
                  ? { latitude: form.latitude, longitude: form.longitude }
                  : null
              }
              onPick={(latitude, longitude) => setForm((f) => ({ ...f, latitude, longitude }))}
            />
          )}
          {err('latitude') && (
            <Text c="red" size="sm" data-testid="point-error">
              {err('latitude')}
            </Text>
          )}
          {(similar.data?.items.length ?? 0) > 0 && (
            <Alert color="blue" title={t('aspiration.similar')} data-testid="similar">
              <Stack gap={2}>
                {similar.data!.items.map((s) => (
                  <Anchor key={s.trackingCode} component={Link} to={`/lacak/${s.trackingCode}`} size="sm">
                    {s.title} · {vocab('musrenbang.stages', s.stage)}
                  </Anchor>
                ))}
              </Stack>
              <Text size="xs" mt={4}>
                {t('aspiration.similarHelp')}
              </Text>
            </Alert>
          )}
          <Group grow>
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
            <IntegerInput
              label={t('musrenbang.beneficiaries')}
              min={0}
              value={form.beneficiaries}
              onChange={(v) => set('beneficiaries', typeof v === 'number' ? v : '')}
            />
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <RupiahInput
              label={t('aspiration.estimate')}
              description={t('aspiration.estimateHelp')}
              value={form.estimatedCost}
              onChange={(v) => set('estimatedCost', typeof v === 'number' ? v : '')}
              error={err('estimatedCost')}
              data-testid="estimate"
            />
            <PhotosInput
              label={t('aspiration.photos')}
              description={t('aspiration.photosHelp')}
              max={3}
              value={files}
              onChange={setFiles}
              testId="aspiration-photos"
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('aspiration.name')}
              required
              value={form.proposerName}
              onChange={(e) => set('proposerName', e.currentTarget.value)}
              error={err('proposerName')}
              data-testid="name"
            />
            <TextInput
              label={t('aspiration.contact')}
              description={t('aspiration.contactHelp')}
              value={form.contact}
              onChange={(e) => set('contact', e.currentTarget.value)}
              error={err('contact')}
            />
          </SimpleGrid>
          <Problem error={send.error} testId="form-error" />
          <Group justify="end">
            <Button type="submit" loading={send.busy} data-testid="submit">
              {t('aspiration.send')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
