import {
  ActionIcon,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { projectBody } from '@sinergi/contracts';
import { fundingSources, sCurvePlan } from '@sinergi/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { formatMonth, formatNumber, formatRupiah } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { CoordinateInput, DateField, RupiahInput } from '../../app/inputs.tsx';
import { Problem } from '../../app/Problem.tsx';
import { useNavigate } from '../../app/router.tsx';
import { useSession } from '../../app/session.ts';
import { useSubmit } from '../../app/use-submit.ts';
import { DesaPicker } from '../musrenbang/DesaPicker.tsx';
import { useOrganisations } from '../organisations/api.ts';
import { usePartners } from '../partners/api.ts';
import { CommitmentSelect } from '../partners/CommitmentSelect.tsx';

interface Funded {
  id: string;
  trackingCode: string;
  title: string;
  organisation: { id: string; shortName: string } | null;
  regionCode: string;
  estimatedCost: number;
}

/** The plan between the start and end months: core's S-curve. */
function sCurve(start: string, end: string, value: number) {
  const [sy, sm] = start.split('-').map(Number) as [number, number];
  const [ey, em] = end.split('-').map(Number) as [number, number];
  return sCurvePlan(start, (ey - sy) * 12 + (em - sm) + 1, value);
}

const sources = fundingSources;

/** A new project: from a funded proposal (its link kept) or directly, with funding and a plan curve. */
export default function ProjectFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session } = useSession();
  const funded = useQuery({
    queryKey: ['funded-proposals'],
    queryFn: () => get<{ items: Funded[] }>('/api/proposals?stage=apbd&state=aktif&limit=500'),
  });
  const orgs = useOrganisations();
  const year = new Date().getFullYear();
  const [proposalId, setProposalId] = useState<string | null>(null);
  const [f, setF] = useState({
    name: '',
    type: 'jalan',
    organisationId: session?.user?.role === 'opd' ? (session.user.organisationId ?? null) : null,
    contractor: '',
    contractValue: '' as number | '',
    startDate: `${year}-01-01`,
    endDate: `${year}-06-30`,
    groupCode: '',
    groupName: '',
  });
  const [region, setRegion] = useState<string | null>(null);
  // An optional map point (latitude, longitude) of the work site.
  const [point, setPoint] = useState<{ lat: number | ''; lng: number | '' }>({ lat: '', lng: '' });
  const partners = usePartners();
  const [funding, setFunding] = useState<
    { source: string; amount: number | ''; partnerId?: string | null; commitmentId?: string | null }[]
  >([{ source: 'apbd_kabupaten', amount: '' }]);
  const choose = (id: string | null) => {
    setProposalId(id);
    const p = funded.data?.items.find((x) => x.id === id);
    if (!p) return;
    setF({
      ...f,
      name: p.title,
      organisationId: p.organisation?.id ?? f.organisationId,
      contractValue: p.estimatedCost,
    });
    setRegion(p.regionCode);
    setFunding([{ source: 'apbd_kabupaten', amount: p.estimatedCost }]);
  };
  const value = f.contractValue === '' ? 0 : f.contractValue;
  const plan = sCurve(f.startDate.slice(0, 7), f.endDate.slice(0, 7), value);
  const save = useSubmit(async () => {
    const { groupCode, groupName, ...rest } = f;
    const body = {
      ...rest,
      ...(groupCode ? { groupCode, groupName: groupName || groupCode } : {}),
      organisationId: f.organisationId ?? '',
      regionCode: region ?? '',
      ...(point.lat !== '' && point.lng !== ''
        ? { location: { type: 'Point', coordinates: [point.lng, point.lat] } }
        : {}),
      contractValue: f.contractValue === '' ? undefined : f.contractValue,
      funding: funding.map((x) => ({
        source: x.source,
        amount: x.amount === '' ? undefined : x.amount,
        ...(x.source === 'csr' && x.partnerId ? { partnerId: x.partnerId } : {}),
        ...(x.source === 'csr' && x.partnerId && x.commitmentId ? { commitmentId: x.commitmentId } : {}),
      })),
      plan,
    };
    const r = await post<{ id: string }>(
      proposalId ? `/api/projects/from-proposal/${proposalId}` : '/api/projects',
      checked(projectBody, body),
    );
    navigate(`/proyek/${r.id}`);
  });
  const e = (name: string) => save.error?.fieldMessage(name);
  return (
    <Stack maw={1000}>
      <Title order={2}>{t('projects.new')}</Title>
      <Card withBorder component="form" noValidate onSubmit={save.submit} data-testid="project-form">
        <Stack gap="xs">
          <Select
            label={t('projects.fromProposal')}
            placeholder={t('projects.direct')}
            clearable
            searchable
            value={proposalId}
            onChange={choose}
            data={(funded.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.trackingCode} · ${p.title} (${formatRupiah(p.estimatedCost)})`,
            }))}
            data-testid="project-proposal"
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('projects.name')}
              value={f.name}
              onChange={(x) => setF({ ...f, name: x.currentTarget.value })}
              error={e('name')}
              data-testid="project-name"
            />
            <Select
              label={t('projects.type')}
              value={f.type}
              onChange={(v) => setF({ ...f, type: v ?? 'jalan' })}
              data={['jalan', 'jembatan', 'irigasi', 'pasar', 'gedung', 'pelatihan', 'lainnya'].map((k) => ({
                value: k,
                label: vocab('projects.types', k),
              }))}
              allowDeselect={false}
            />
            <Select
              label="OPD"
              value={f.organisationId}
              disabled={session?.user?.role === 'opd'}
              onChange={(v) => setF({ ...f, organisationId: v })}
              data={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.shortName }))}
              searchable
              error={e('organisationId')}
            />
            <TextInput
              label={t('projects.contractor')}
              value={f.contractor}
              onChange={(x) => setF({ ...f, contractor: x.currentTarget.value })}
            />
            <RupiahInput
              label={t('projects.value')}
              value={f.contractValue}
              onChange={(v) => setF({ ...f, contractValue: v === '' ? '' : Number(v) })}
              error={e('contractValue')}
              data-testid="project-value"
            />
            <Group grow>
              <DateField
                label={t('projects.start')}
                value={f.startDate}
                onChange={(v) => setF({ ...f, startDate: v })}
                error={e('startDate')}
                data-testid="project-start"
              />
              <DateField
                label={t('projects.end')}
                value={f.endDate}
                onChange={(v) => setF({ ...f, endDate: v })}
                error={e('endDate')}
                data-testid="project-end"
              />
            </Group>
          </SimpleGrid>
          <Group grow>
            <TextInput
              label={t('projects.groupCode')}
              value={f.groupCode}
              onChange={(x) => setF({ ...f, groupCode: x.currentTarget.value })}
            />
            <TextInput
              label={t('projects.groupName')}
              value={f.groupName}
              onChange={(x) => setF({ ...f, groupName: x.currentTarget.value })}
            />
          </Group>
          <DesaPicker value={region} onChange={setRegion} error={e('regionCode')} />
          <Group>
            <CoordinateInput
              label={t('projects.lat')}
              w={160}
              value={point.lat}
              onChange={(v) => setPoint({ ...point, lat: v === '' ? '' : Number(v) })}
            />
            <CoordinateInput
              label={t('projects.lng')}
              w={160}
              value={point.lng}
              onChange={(v) => setPoint({ ...point, lng: v === '' ? '' : Number(v) })}
            />
          </Group>
          <Text fw={600} size="sm">
            {t('projects.money')}
          </Text>
          {funding.map((x, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a row is a position in the list being edited
            <Group key={i} wrap="nowrap">
              <Select
                w={220}
                value={x.source}
                onChange={(v) =>
                  setFunding(funding.map((y, k) => (k === i ? { ...y, source: v ?? y.source } : y)))
                }
                data={sources.map((s) => ({ value: s, label: vocab('projects.sources', s) }))}
                allowDeselect={false}
              />
              {x.source === 'csr' && (
                // Who pays a CSR line (issue 21): each partner's money is its own line.
                <Select
                  w={220}
                  placeholder={t('projects.partner')}
                  aria-label={t('projects.partner')}
                  value={x.partnerId ?? null}
                  onChange={(v) =>
                    setFunding(
                      funding.map((y, k) => (k === i ? { ...y, partnerId: v, commitmentId: null } : y)),
                    )
                  }
                  data={(partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
                  searchable
                  clearable
                  error={save.error?.fieldMessage(`funding.${i}.partnerId`)}
                  data-testid="funding-partner"
                />
              )}
              {x.source === 'csr' && x.partnerId && (
                <CommitmentSelect
                  partnerId={x.partnerId}
                  value={x.commitmentId ?? null}
                  onChange={(v) =>
                    setFunding(funding.map((y, k) => (k === i ? { ...y, commitmentId: v } : y)))
                  }
                  error={save.error?.fieldMessage(`funding.${i}.commitmentId`)}
                />
              )}
              <RupiahInput
                w={220}
                value={x.amount}
                onChange={(v) =>
                  setFunding(
                    funding.map((y, k) => (k === i ? { ...y, amount: v === '' ? '' : Number(v) } : y)),
                  )
                }
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label="×"
                onClick={() => setFunding(funding.filter((_, k) => k !== i))}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              size="xs"
              variant="light"
              onClick={() => setFunding([...funding, { source: 'dana_desa', amount: '' }])}
            >
              {t('projects.addSource')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('projects.planNote', { months: plan.length })}:{' '}
            {plan.map((x) => `${formatMonth(x.month)} ${formatNumber(x.physical, 1)} %`).join(' · ')}
          </Text>
          <Group>
            <Button type="submit" loading={save.busy} data-testid="project-save">
              {t('projects.save')}
            </Button>
          </Group>
          <Problem error={save.error} />
        </Stack>
      </Card>
    </Stack>
  );
}
