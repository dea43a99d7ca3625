import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { ElectionItem, IndexSummary, ProjectList } from '@sinergi/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../../app/api.ts';
import { formatNumber } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { Link, useNavigate } from '../../app/router.tsx';
import { useActiveKabupaten } from '../../app/settings.ts';
import { useRegion } from '../regions/api.ts';
import { DesaMap } from '../regions/DesaMap.tsx';
import { PlanningCalendar } from './PlanningCalendar.tsx';

/**
 * The public portal (issue 20): what anyone sees at `/` without signing in. Where this year's
 * planning stands, the village index on a map, the projects and their progress, open votes, and
 * a search of the proposals; each card opens its public page.
 */
export function PortalPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [words, setWords] = useState('');
  const kab = useRegion(useActiveKabupaten());
  return (
    <Stack data-testid="portal">
      <div>
        <Title order={2}>{t('portal.title', { name: kab.data?.name ?? '' })}</Title>
        <Text c="dimmed">{t('portal.intro')}</Text>
      </div>
      <Group
        component="form"
        align="end"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(`/usulan-publik${words.trim() ? `?q=${encodeURIComponent(words.trim())}` : ''}`);
        }}
      >
        <TextInput
          label={t('portal.search')}
          placeholder={t('portal.searchHint')}
          value={words}
          onChange={(e) => setWords(e.currentTarget.value)}
          style={{ flex: 1, minWidth: 220 }}
          data-testid="portal-search"
        />
        <Button type="submit">{t('portal.find')}</Button>
      </Group>
      <Group gap="xs">
        <Button component={Link} to="/aspirasi" variant="filled">
          {t('nav.aspiration')}
        </Button>
        <Button component={Link} to="/usulan-publik" variant="light">
          {t('nav.publicProposals')}
        </Button>
        <Button component={Link} to="/lacak" variant="light">
          {t('nav.track')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <PlanningCalendar listOf={(stage) => `/usulan-publik?tahap=${stage}`} />
        <VotesCard />
        <IndexCard />
        <ProjectsCard />
      </SimpleGrid>
    </Stack>
  );
}

/** The village index of the latest year: desa per status, and the map of every desa's IDM. */
function IndexCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const summary = useQuery({
    queryKey: ['index', 'summary'],
    queryFn: () => get<IndexSummary>('/api/index/summary'),
  });
  const year = summary.data?.years.at(-1);
  const results = useQuery({
    queryKey: ['index', 'results', year?.year],
    queryFn: () => get<{ items: { code: string; value: number }[] }>(`/api/index/results?year=${year!.year}`),
    enabled: !!year,
  });
  const values = useMemo(
    () => Object.fromEntries((results.data?.items ?? []).map((r) => [r.code, Number(r.value.toFixed(4))])),
    [results.data],
  );
  return (
    <Card withBorder data-testid="portal-index">
      <Title order={3} size="h5">
        {t('portal.index', { year: year?.year ?? '' })}
      </Title>
      <Group gap={6} my="xs">
        {summary.data?.scheme.statuses.map((s) => (
          <Badge key={s.code} variant="light">
            {s.name} {formatNumber(year?.counts[s.code] ?? 0)}
          </Badge>
        ))}
      </Group>
      {results.data && (
        <DesaMap values={values} valueLabel="IDM" onSelect={(code) => navigate(`/indeks-desa/${code}`)} />
      )}
      <Anchor component={Link} to="/indeks-desa" size="sm">
        {t('portal.more')}
      </Anchor>
    </Card>
  );
}

/** The projects: how many stand where, and the average physical progress of each desa's projects on a map. */
function ProjectsCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useQuery({
    queryKey: ['projects', 'portal'],
    queryFn: () => get<ProjectList>('/api/projects?limit=500'),
  });
  const values = useMemo(() => {
    const by = new Map<string, number[]>();
    for (const p of list.data?.items ?? [])
      by.set(p.regionCode, [...(by.get(p.regionCode) ?? []), p.physical]);
    return Object.fromEntries(
      [...by].map(([code, xs]) => [code, Math.round(xs.reduce((a, b) => a + b, 0) / xs.length)]),
    );
  }, [list.data]);
  const statuses = list.data?.summary.statuses ?? {};
  return (
    <Card withBorder data-testid="portal-projects">
      <Title order={3} size="h5">
        {t('portal.projects', { count: list.data?.total ?? 0 })}
      </Title>
      <Group gap={6} my="xs">
        {Object.entries(statuses).map(([status, n]) => (
          <Badge key={status} variant="light">
            {vocab('projects.statuses', status)} {formatNumber(Number(n))}
          </Badge>
        ))}
      </Group>
      {list.data && (
        <DesaMap
          values={values}
          valueLabel={t('portal.progress')}
          onSelect={(code) => navigate(`/wilayah/${code}`)}
        />
      )}
      <Anchor component={Link} to="/proyek" size="sm">
        {t('portal.more')}
      </Anchor>
    </Card>
  );
}

/** Votes open now (participatory budgeting), each one click from its ballot. */
function VotesCard() {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: ['pb-elections'],
    queryFn: () => get<{ items: ElectionItem[] }>('/api/pb/elections'),
  });
  const open = (list.data?.items ?? []).filter((e) => e.state === 'dibuka');
  return (
    <Card withBorder data-testid="portal-votes">
      <Title order={3} size="h5" mb="xs">
        {t('portal.votes')}
      </Title>
      {open.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('portal.noVotes')}
        </Text>
      ) : (
        open.map((e) => (
          <Anchor key={e.id} component={Link} to={`/anggaran-partisipatif/${e.id}`} display="block">
            {e.title}
          </Anchor>
        ))
      )}
      <Anchor component={Link} to="/anggaran-partisipatif" size="sm">
        {t('portal.more')}
      </Anchor>
    </Card>
  );
}
