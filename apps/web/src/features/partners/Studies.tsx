import {
  Anchor,
  Badge,
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
} from '@mantine/core';
import { studyBody, studyStatuses } from '@sinergi/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { vocab } from '../../app/i18n.ts';
import { type NumberValue, YearInput } from '../../app/inputs.tsx';
import { Problem } from '../../app/Problem.tsx';
import { Link } from '../../app/router.tsx';
import { useSubmit } from '../../app/use-submit.ts';
import type { PartnerDetail } from './api.ts';

/** A research partner's studies, each with the plan items whose targets it informs. */
export function Studies({ p }: { p: PartnerDetail }) {
  const { t } = useTranslation();
  if (!p.studies.length) return null;
  return (
    <Card withBorder data-testid="studies">
      <Text fw={600}>{t('partner.studies')}</Text>
      {p.studies.map((s) => (
        <Stack key={s.id} gap={2} mt="xs">
          <Group gap="xs">
            {s.url ? (
              <Anchor href={s.url} target="_blank" rel="noreferrer" size="sm" fw={500}>
                {s.title}
              </Anchor>
            ) : (
              <Text size="sm" fw={500}>
                {s.title}
              </Text>
            )}
            <Badge size="xs" variant="light">
              {s.year} · {vocab('partner.studyStatuses', s.status)}
            </Badge>
          </Group>
          {s.summary && <Text size="sm">{s.summary}</Text>}
          {s.informs.map((n) => (
            <Text size="xs" c="dimmed" key={n.id}>
              {t('partner.informs')}{' '}
              <Anchor component={Link} to={`/perencanaan/${n.planId}`} size="xs">
                {n.title}
              </Anchor>{' '}
              ({n.planName})
            </Text>
          ))}
        </Stack>
      ))}
    </Card>
  );
}

type PlanList = { items: { id: string; name: string }[] };
type PlanNodes = { nodes: { id: string; title: string; kind: string }[] };

/** Bappeda records a study: which plan, and which of its items the study informs. */
export function StudyForm({ partnerId, onDone }: { partnerId: string; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const plans = useQuery({ queryKey: ['plans'], queryFn: () => get<PlanList>('/api/plans') });
  const blank = {
    title: '',
    year: new Date().getFullYear() as NumberValue,
    status: 'berjalan',
    summary: '',
    url: '',
  };
  const [f, setF] = useState(blank);
  const [planId, setPlanId] = useState<string | null>(null);
  const [items, setItems] = useState<string[]>([]);
  const nodes = useQuery({
    queryKey: ['plan', planId],
    queryFn: () => get<PlanNodes>(`/api/plans/${planId}`),
    enabled: planId !== null,
  });
  const send = useSubmit(
    () => post(`/api/partners/${partnerId}/studies`, checked(studyBody, { ...f, planNodeIds: items })),
    async () => {
      setF(blank);
      setItems([]);
      await onDone();
    },
  );
  const e = (name: string) => send.error?.fieldMessage(name);
  return (
    <Card withBorder component="form" noValidate onSubmit={send.submit} data-testid="study-form">
      <Stack gap="xs">
        <Text fw={600}>{t('partner.newStudy')}</Text>
        <TextInput
          label={t('partner.studyTitle')}
          value={f.title}
          onChange={(x) => setF({ ...f, title: x.currentTarget.value })}
          error={e('title')}
          data-testid="study-title"
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <YearInput
            label={t('partner.studyYear')}
            value={f.year}
            onChange={(year) => setF({ ...f, year })}
            error={e('year')}
          />
          <Select
            label={t('partner.studyStatus')}
            data={studyStatuses.map((s) => ({ value: s, label: vocab('partner.studyStatuses', s) }))}
            value={f.status}
            onChange={(v) => v && setF({ ...f, status: v })}
            allowDeselect={false}
          />
          <TextInput
            label={t('partner.studyUrl')}
            value={f.url}
            onChange={(x) => setF({ ...f, url: x.currentTarget.value })}
            error={e('url')}
          />
        </SimpleGrid>
        <Select
          label={t('partner.studyPlan')}
          data={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={planId}
          onChange={(v) => {
            setPlanId(v);
            setItems([]);
          }}
          searchable
          data-testid="study-plan"
        />
        {planId && (
          <MultiSelect
            label={t('partner.studyItems')}
            data={(nodes.data?.nodes ?? []).map((n) => ({ value: n.id, label: n.title }))}
            value={items}
            onChange={setItems}
            searchable
            maxDropdownHeight={180}
            error={e('planNodeIds')}
            data-testid="study-items"
          />
        )}
        <Textarea
          label={t('partner.studySummary')}
          value={f.summary}
          onChange={(x) => setF({ ...f, summary: x.currentTarget.value })}
          autosize
          minRows={2}
        />
        <Problem error={send.error} />
        <Group>
          <Button type="submit" loading={send.busy} data-testid="study-save">
            {t('partner.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
