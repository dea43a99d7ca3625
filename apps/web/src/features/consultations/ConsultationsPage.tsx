import {
  Anchor,
  Badge,
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
import { consultationBody } from '@sinergi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { formatDate } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { DateField } from '../../app/inputs.tsx';
import { Problem } from '../../app/Problem.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { Link, useNavigate } from '../../app/router.tsx';
import { useSession } from '../../app/session.ts';
import { useSubmit } from '../../app/use-submit.ts';
import { usePlans } from '../plans/api.ts';
import { type ConsultationSummary, useConsultations } from './api.ts';

export const stateColour = { draf: 'gray', dibuka: 'teal', ditutup: 'blue' } as const;

export function ConsultationCard({ c }: { c: ConsultationSummary }) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="consultation-card">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Anchor component={Link} to={`/konsultasi/${c.id}`} fw={600}>
          {c.title}
        </Anchor>
        <Badge color={stateColour[c.state]}>{vocab('consultation.states', c.state)}</Badge>
      </Group>
      <Text size="sm">{c.plan.name}</Text>
      <Text size="xs" c="dimmed">
        {t('consultation.window', { from: formatDate(c.opensOn), to: formatDate(c.closesOn) })} ·{' '}
        {t('consultation.counts', { comments: c.comments, unanswered: c.unanswered })}
      </Text>
    </Card>
  );
}

function NewConsultation() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const plans = usePlans();
  const [f, setF] = useState({
    planId: null as string | null,
    title: '',
    description: '',
    opensOn: '',
    closesOn: '',
  });
  const send = useSubmit(async () => {
    const { id } = await post<{ id: string }>(
      '/api/consultations',
      checked(consultationBody, { ...f, planId: f.planId ?? '' }),
    );
    navigate(`/konsultasi/${id}`);
  });
  const e = (name: string) => send.error?.fieldMessage(name);
  return (
    <Card withBorder component="form" noValidate onSubmit={send.submit} data-testid="consultation-form">
      <Stack gap="xs">
        <Text fw={600}>{t('consultation.new')}</Text>
        <Select
          label={t('consultation.plan')}
          data={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={f.planId}
          onChange={(v) => setF({ ...f, planId: v })}
          searchable
          error={e('planId')}
          data-testid="consultation-plan"
        />
        <TextInput
          label={t('consultation.name')}
          value={f.title}
          onChange={(x) => setF({ ...f, title: x.currentTarget.value })}
          error={e('title')}
          data-testid="consultation-title"
        />
        <Textarea
          label={t('consultation.description')}
          value={f.description}
          onChange={(x) => setF({ ...f, description: x.currentTarget.value })}
          autosize
          minRows={2}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField
            label={t('consultation.opensOn')}
            value={f.opensOn}
            onChange={(v) => setF({ ...f, opensOn: v })}
            error={e('opensOn')}
            data-testid="consultation-opens"
          />
          <DateField
            label={t('consultation.closesOn')}
            value={f.closesOn}
            onChange={(v) => setF({ ...f, closesOn: v })}
            error={e('closesOn')}
            data-testid="consultation-closes"
          />
        </SimpleGrid>
        <Problem error={send.error} />
        <Group>
          <Button type="submit" loading={send.busy} data-testid="consultation-create">
            {t('consultation.create')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** Every public consultation on a draft plan; Bappeda prepares a new one here. */
export default function ConsultationsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const list = useConsultations();
  return (
    <Stack maw={860}>
      <Title order={2}>{t('consultation.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('consultation.intro')}
      </Text>
      {can('consultations.manage') && <NewConsultation />}
      {list.data ? (
        list.data.items.length ? (
          list.data.items.map((c) => <ConsultationCard key={c.id} c={c} />)
        ) : (
          <Text c="dimmed">{t('consultation.none')}</Text>
        )
      ) : (
        <QueryState query={list} queryKey={['consultations', null]} />
      )}
    </Stack>
  );
}

/** On a plan's page: its public consultations, each with its record (Permendagri 86/2017). */
export function PlanConsultations({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const list = useConsultations(planId);
  if (!list.data?.items.length) return null;
  return (
    <Stack gap="xs" data-testid="plan-consultations">
      <Text fw={600}>{t('consultation.ofPlan')}</Text>
      {list.data.items.map((c) => (
        <ConsultationCard key={c.id} c={c} />
      ))}
    </Stack>
  );
}
