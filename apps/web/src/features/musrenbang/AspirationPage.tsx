import { Alert, Button, Card, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { aspirationBody } from '@sinergi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { post } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { vocab } from '../../app/i18n.ts';
import { IntegerInput } from '../../app/inputs.tsx';
import { Problem } from '../../app/Problem.tsx';
import { useSubmit } from '../../app/use-submit.ts';
import { DesaPicker } from './DesaPicker.tsx';
import { bidangList } from './labels.ts';

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
    proposerName: '',
    contact: '',
  });
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const [code, setCode] = useState<string | null>(null);
  const send = useSubmit(async () => {
    const r = await post<{ trackingCode: string }>(
      '/api/aspirations',
      checked(aspirationBody, {
        ...form,
        rt: form.rt || undefined,
        rw: form.rw || undefined,
        contact: form.contact || undefined,
        beneficiaries: form.beneficiaries || 0,
      }),
    );
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
          <Group grow>
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
          </Group>
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
