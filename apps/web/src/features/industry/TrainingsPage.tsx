import {
  Anchor,
  Button,
  Card,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { trainingBody } from '@sinergi/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { type NumberValue, YearInput } from '../../app/inputs.tsx';
import { Problem } from '../../app/Problem.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { Link, useNavigate } from '../../app/router.tsx';
import { useSession } from '../../app/session.ts';
import { useSubmit } from '../../app/use-submit.ts';
import { useIndustries, useTrainings } from './api.ts';

function NewTraining() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const businesses = useIndustries({ kecamatan: '', division: '' });
  const partners = useQuery({
    queryKey: ['partners'],
    queryFn: () => get<{ items: { id: string; name: string }[] }>('/api/partners'),
  });
  const [f, setF] = useState({
    title: '',
    year: new Date().getFullYear() as NumberValue,
    organiser: 'Dinas Perindustrian dan Perdagangan',
    topic: '',
    partnerId: '',
    participants: [] as string[],
  });
  const send = useSubmit(async () => {
    const { id } = await post<{ id: string }>(
      '/api/industry/trainings',
      checked(trainingBody, { ...f, partnerId: f.partnerId || null }),
    );
    navigate(`/industri/pelatihan/${id}`);
  });
  const e = (name: string) => send.error?.fieldMessage(name);
  return (
    <Card withBorder component="form" noValidate onSubmit={send.submit} data-testid="training-form">
      <Stack gap="xs">
        <Text fw={600}>{t('industry.trainingNew')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('industry.trainingTitle')}
            value={f.title}
            onChange={(x) => setF({ ...f, title: x.currentTarget.value })}
            error={e('title')}
          />
          <YearInput
            label={t('industry.year')}
            value={f.year}
            onChange={(year) => setF({ ...f, year })}
            error={e('year')}
          />
        </SimpleGrid>
        <MultiSelect
          label={t('industry.participants')}
          data={(businesses.data?.items ?? []).map((b) => ({ value: b.id, label: `${b.name} · ${b.desa}` }))}
          value={f.participants}
          onChange={(participants) => setF({ ...f, participants })}
          searchable
          maxDropdownHeight={180}
          error={e('participants')}
          data-testid="training-participants"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('industry.organiser')}
            value={f.organiser}
            onChange={(x) => setF({ ...f, organiser: x.currentTarget.value })}
            error={e('organiser')}
          />
          <Select
            label={t('industry.partner')}
            data={[
              { value: '', label: t('industry.noPartner') },
              ...(partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
            ]}
            value={f.partnerId}
            onChange={(v) => setF({ ...f, partnerId: v ?? '' })}
            error={e('partnerId')}
          />
        </SimpleGrid>
        <Textarea
          label={t('industry.topic')}
          value={f.topic}
          onChange={(x) => setF({ ...f, topic: x.currentTarget.value })}
          autosize
          minRows={2}
        />
        <Problem error={send.error} />
        <Group>
          <Button type="submit" loading={send.busy}>
            {t('industry.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** Green-industry trainings; each opens on its evaluation. */
export default function TrainingsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const list = useTrainings();
  return (
    <Stack maw={1000}>
      <Anchor component={Link} to="/industri" size="sm">
        {t('industry.title')}
      </Anchor>
      <Title order={2}>{t('industry.trainings')}</Title>
      {list.data ? (
        list.data.items.length ? (
          list.data.items.map((tr) => (
            <Card withBorder key={tr.id} data-testid="training-card">
              <Anchor component={Link} to={`/industri/pelatihan/${tr.id}`} fw={600}>
                {tr.title}
              </Anchor>
              <Text size="sm" c="dimmed">
                {[
                  String(tr.year),
                  tr.organiser,
                  tr.partner,
                  t('industry.participants_count', { count: tr.participants }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Card>
          ))
        ) : (
          <Text c="dimmed">{t('industry.noTrainings')}</Text>
        )
      ) : (
        <QueryState query={list} queryKey={['industry-trainings']} />
      )}
      {can('industry.manage') && <NewTraining />}
    </Stack>
  );
}
