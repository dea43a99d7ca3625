import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { PublicProposalItem, PublicProposalList } from '@sinergi/contracts';
import { planYearOn } from '@sinergi/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, query } from '../../app/api.ts';
import { formatNumber, formatRupiah } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { Link, useSearchParams } from '../../app/router.tsx';
import { useActiveKabupaten } from '../../app/settings.ts';
import { useRegion } from '../regions/api.ts';
import { DesaMap } from '../regions/DesaMap.tsx';
import { bidangList, stageOrder, stateColour } from './labels.ts';

const PAGE = 30;

/**
 * What every desa proposed, for anyone (issue 20): the list and a map of where the proposals are,
 * filtered by place, year, step and bidang; each opens its public page with its whole path.
 */
export default function PublicProposalsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('tahun') ?? planYearOn(new Date()));
  const kecamatan = params.get('kecamatan');
  const desa = params.get('desa');
  const stage = params.get('tahap');
  const bidang = params.get('bidang');
  const q = params.get('q') ?? '';
  const page = Number(params.get('hal') ?? 0);
  const [words, setWords] = useState(q);
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) v ? next.set(k, v) : next.delete(k);
    if (!('hal' in patch)) next.delete('hal');
    setParams(next, { replace: true });
  };
  const list = useQuery({
    queryKey: ['public-proposals', year, kecamatan, desa, stage, bidang, q, page],
    queryFn: () =>
      get<PublicProposalList>(
        `/api/public/proposals${query({
          year,
          region: desa ?? kecamatan,
          stage,
          bidang,
          q: q || null,
          limit: PAGE,
          offset: page * PAGE,
        })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const kab = useRegion(useActiveKabupaten());
  const kec = useRegion(kecamatan);
  const data = list.data;
  return (
    <Stack>
      <Title order={2}>{t('public.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('public.intro')}
      </Text>
      <Paper withBorder p="sm">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs">
          <Select
            label={t('musrenbang.planYear')}
            data={[year - 1, year, year + 1].map((y) => String(y))}
            value={String(year)}
            onChange={(v) => set({ tahun: v })}
            allowDeselect={false}
            data-testid="public-year"
          />
          <Select
            label={t('musrenbang.kecamatan')}
            searchable
            clearable
            data={(kab.data?.children ?? []).map((c) => ({ value: c.code, label: c.name }))}
            value={kecamatan}
            onChange={(v) => set({ kecamatan: v, desa: null })}
            data-testid="public-kecamatan"
          />
          <Select
            label={t('musrenbang.desa')}
            searchable
            clearable
            disabled={!kecamatan}
            data={(kec.data?.children ?? []).map((c) => ({ value: c.code, label: c.name }))}
            value={desa}
            onChange={(v) => set({ desa: v })}
            data-testid="public-desa"
          />
          <Select
            label={t('public.stage')}
            clearable
            data={stageOrder
              .filter((s) => s !== 'moderasi')
              .map((s) => ({ value: s, label: vocab('musrenbang.stages', s) }))}
            value={stage}
            onChange={(v) => set({ tahap: v })}
            data-testid="public-stage"
          />
          <Select
            label={t('musrenbang.bidang')}
            clearable
            data={bidangList.map((b) => ({ value: b, label: vocab('musrenbang.bidangs', b) }))}
            value={bidang}
            onChange={(v) => set({ bidang: v })}
            data-testid="public-bidang"
          />
          <form
            onSubmit={(e) => {
              e.preventDefault();
              set({ q: words.trim() || null });
            }}
          >
            <TextInput
              label={t('public.search')}
              value={words}
              onChange={(e) => setWords(e.currentTarget.value)}
              rightSectionWidth={64}
              rightSection={
                <Button type="submit" size="compact-xs" variant="light">
                  {t('track.find')}
                </Button>
              }
              data-testid="public-search"
            />
          </form>
        </SimpleGrid>
      </Paper>
      {!data ? (
        <QueryState query={list} queryKey={['public-proposals']} />
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          <Stack gap="xs" data-testid="public-list">
            <Text size="sm" c="dimmed" data-testid="public-total">
              {t('public.count', { count: data.total, shown: formatNumber(data.total) })}
            </Text>
            {data.items.map((p) => (
              <ProposalCard key={p.trackingCode} p={p} />
            ))}
            {data.total > PAGE && (
              <Group>
                <Button
                  variant="default"
                  size="xs"
                  disabled={page === 0}
                  onClick={() => set({ hal: String(page - 1) })}
                >
                  {t('public.previous')}
                </Button>
                <Text size="sm">
                  {page + 1} / {Math.ceil(data.total / PAGE)}
                </Text>
                <Button
                  variant="default"
                  size="xs"
                  disabled={(page + 1) * PAGE >= data.total}
                  onClick={() => set({ hal: String(page + 1) })}
                >
                  {t('public.next')}
                </Button>
              </Group>
            )}
          </Stack>
          <Card withBorder>
            <Title order={3} size="h5">
              {t('public.map')}
            </Title>
            <Text size="xs" c="dimmed">
              {t('public.mapHint')}
            </Text>
            {/* A chosen kecamatan fills the map with its own desa. */}
            <DesaMap
              key={kecamatan ?? 'all'}
              within={kecamatan}
              values={data.perDesa}
              valueLabel={t('public.proposals')}
              highlight={desa ?? undefined}
              onSelect={(code) => set({ kecamatan: code.split('.').slice(0, 3).join('.'), desa: code })}
            />
          </Card>
        </SimpleGrid>
      )}
    </Stack>
  );
}

/** One proposal: title to its page, place, step or end, cost, and the latest decision with its reason. */
function ProposalCard({ p }: { p: PublicProposalItem }) {
  const { t } = useTranslation();
  const d = p.decision;
  return (
    <Paper withBorder p="sm" data-testid="public-proposal">
      <Anchor component={Link} to={`/lacak/${p.trackingCode}`} fw={600}>
        {p.title}
      </Anchor>
      <Text size="xs" c="dimmed">
        {p.regionName}, {p.kecamatanName} · {vocab('musrenbang.tracks', p.track)} ·{' '}
        {vocab('musrenbang.bidangs', p.bidang)}
      </Text>
      <Group justify="space-between" mt={4} gap="xs">
        <Badge color={stateColour[p.state]} variant="light">
          {p.state === 'aktif' ? vocab('musrenbang.stages', p.stage) : vocab('musrenbang.states', p.state)}
        </Badge>
        <Text size="sm" fw={600}>
          {formatRupiah(p.estimatedCost)}
        </Text>
      </Group>
      {d?.reason && (
        <Text size="sm" mt={4} data-testid="public-reason">
          {t('public.reason', { office: d.actor, reason: vocab('musrenbang.reasons', d.reason) })}
          {d.note ? `: ${d.note}` : ''}
        </Text>
      )}
      {p.project && (
        <Anchor component={Link} to={`/proyek/${p.project.id}`} size="sm">
          {t('public.project', { physical: formatNumber(p.project.physical, 1) })}
        </Anchor>
      )}
    </Paper>
  );
}
