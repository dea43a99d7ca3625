import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { partnerBody, partnerKinds } from '@sinergi/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { formatRupiah } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { Problem } from '../../app/Problem.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { Link, useNavigate } from '../../app/router.tsx';
import { useSession } from '../../app/session.ts';
import { useSubmit } from '../../app/use-submit.ts';
import { useOpportunities, usePartners } from './api.ts';

function NewPartner() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [f, setF] = useState({ name: '', kind: 'swasta', sector: '', website: '', notes: '' });
  const send = useSubmit(async () => {
    const { id } = await post<{ id: string }>('/api/partners', checked(partnerBody, f));
    navigate(`/mitra/${id}`);
  });
  const e = (name: string) => send.error?.fieldMessage(name);
  return (
    <Card withBorder component="form" noValidate onSubmit={send.submit} data-testid="partner-form">
      <Stack gap="xs">
        <Text fw={600}>{t('partner.new')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('partner.name')}
            value={f.name}
            onChange={(x) => setF({ ...f, name: x.currentTarget.value })}
            error={e('name')}
            data-testid="partner-name"
          />
          <Select
            label={t('partner.kind')}
            data={partnerKinds.map((k) => ({ value: k, label: vocab('partner.kinds', k) }))}
            value={f.kind}
            onChange={(v) => v && setF({ ...f, kind: v })}
            allowDeselect={false}
          />
          <TextInput
            label={t('partner.sector')}
            value={f.sector}
            onChange={(x) => setF({ ...f, sector: x.currentTarget.value })}
            error={e('sector')}
          />
          <TextInput
            label={t('partner.website')}
            value={f.website}
            onChange={(x) => setF({ ...f, website: x.currentTarget.value })}
            error={e('website')}
          />
        </SimpleGrid>
        <Textarea
          label={t('partner.notes')}
          value={f.notes}
          onChange={(x) => setF({ ...f, notes: x.currentTarget.value })}
          autosize
          minRows={2}
        />
        <Problem error={send.error} />
        <Group>
          <Button type="submit" loading={send.busy} data-testid="partner-save">
            {t('partner.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function OpportunityTables() {
  const { t } = useTranslation();
  const q = useOpportunities();
  if (!q.data) return <QueryState query={q} queryKey={['partner-opportunities']} />;
  const { proposals, villageSteps } = q.data;
  return (
    <Stack data-testid="opportunities">
      <Text fw={600}>{t('partner.unfunded')}</Text>
      <Table.ScrollContainer minWidth={560}>
        <Table striped>
          <Table.Tbody>
            {proposals.map((p) => (
              <Table.Tr key={p.trackingCode}>
                <Table.Td>
                  <Anchor component={Link} to={`/lacak/${p.trackingCode}`} size="sm">
                    {p.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {p.desa}, {p.kecamatan} · {p.planYear}
                </Table.Td>
                <Table.Td ta="right">{formatRupiah(p.estimatedCost)}</Table.Td>
                <Table.Td>{vocab('musrenbang.decisions', p.decision)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text fw={600}>{t('partner.villageSteps')}</Text>
      <Table.ScrollContainer minWidth={560}>
        <Table striped data-testid="village-steps">
          <Table.Tbody>
            {villageSteps.slice(0, 100).map((s) => (
              <Table.Tr key={`${s.code}:${s.desaCode}`}>
                <Table.Td>{s.indicator}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/indeks-desa/${s.desaCode}`} size="sm">
                    {s.desa}
                  </Anchor>
                  , {s.kecamatan}
                </Table.Td>
                <Table.Td ta="right">
                  {t('partner.score')} {s.score}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** Partners and what they commit; Bappeda registers them; the CSR forum's catalogue below. */
export default function PartnersPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const list = usePartners();
  return (
    <Stack maw={1000}>
      <Title order={2}>{t('partner.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('partner.intro')}
      </Text>
      {can('partners.manage') && <NewPartner />}
      {list.data ? (
        list.data.items.length ? (
          list.data.items.map((p) => (
            <Card withBorder key={p.id} data-testid="partner-card">
              <Group justify="space-between" wrap="wrap">
                <Group gap="xs">
                  <Anchor component={Link} to={`/mitra/${p.id}`} fw={600}>
                    {p.name}
                  </Anchor>
                  {p.sample && (
                    <Badge size="xs" color="orange" variant="light">
                      {t('partner.sample')}
                    </Badge>
                  )}
                </Group>
                <Badge variant="light">{vocab('partner.kinds', p.kind)}</Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {[p.sector, t('partner.agreements', { count: p.agreements })].filter(Boolean).join(' · ')} ·{' '}
                {t('partner.moneyInForce', { amount: formatRupiah(p.moneyInForce) })}
              </Text>
            </Card>
          ))
        ) : (
          <Text c="dimmed">{t('partner.none')}</Text>
        )
      ) : (
        <QueryState query={list} queryKey={['partners']} />
      )}
      <Title order={3} size="h4">
        {t('partner.opportunities')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('partner.opportunitiesIntro')}
      </Text>
      <OpportunityTables />
    </Stack>
  );
}
