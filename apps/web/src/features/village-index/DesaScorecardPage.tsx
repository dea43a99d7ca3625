import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../app/QueryState.tsx';
import { Link, useParams } from '../../app/router.tsx';
import { WhenShown } from '../../app/WhenShown.tsx';
import { indexKeys, useScorecard } from './api.ts';
import { EntryPanel } from './EntryPanel.tsx';
import { EntryReview } from './EntryReview.tsx';
import { UnconfirmedNote } from './IndexDashboardPage.tsx';
import { fmt4, statusColour, whoActs } from './status.ts';

const TrendChart = lazy(() => import('./TrendChart.tsx'));

export default function DesaScorecardPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const card = useScorecard(code);
  if (card.error) return <Alert color="red">{card.error.message}</Alert>;
  const c = card.data;
  if (!c) return <QueryState query={card} queryKey={indexKeys.scorecard(code)} />;
  const statusName = (code: string | null) =>
    c.scheme.statuses.find((s) => s.code === code)?.name ?? code ?? '';
  const latest = c.history.at(-1);
  return (
    <Stack>
      <Breadcrumbs separator="›">
        <Anchor component={Link} to="/indeks-desa" size="sm">
          {t('index.title')}
        </Anchor>
        <Anchor component={Link} to={`/wilayah/${c.kecamatan.code}`} size="sm">
          {c.kecamatan.name}
        </Anchor>
        <Text size="sm">{c.name}</Text>
      </Breadcrumbs>
      <Group gap="xs">
        <Title order={2} data-testid="scorecard-name">
          {c.name}
        </Title>
        {latest && (
          <Badge color={statusColour[latest.status]} size="lg" data-testid="scorecard-status">
            {statusName(latest.status)}
          </Badge>
        )}
        <Text c="dimmed" size="sm">
          <code>{c.code}</code>
        </Text>
        <Anchor href={`/api/index/desa/${c.code}/scorecard.pdf`} size="sm" data-testid="scorecard-pdf">
          {t('index.scorecardPdf')}
        </Anchor>
      </Group>
      <UnconfirmedNote scheme={c.scheme} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">
            {t('index.history')}
          </Title>
          {/* Compact: the card is half a desktop row and a whole phone width, and the status must fit. */}
          <Table fz="xs" horizontalSpacing={6} data-testid="scorecard-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('index.year')}</Table.Th>
                {c.scheme.dimensions.map((d) => (
                  <Table.Th key={d.code}>{d.code}</Table.Th>
                ))}
                <Table.Th>IDM</Table.Th>
                <Table.Th>{t('index.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.history.map((h) => (
                <Table.Tr key={h.year}>
                  <Table.Td>{h.year}</Table.Td>
                  {c.scheme.dimensions.map((d) => (
                    <Table.Td key={d.code}>{fmt4(h.dimensions[d.code] ?? 0)}</Table.Td>
                  ))}
                  <Table.Td fw={700}>{fmt4(h.value)}</Table.Td>
                  <Table.Td>
                    <Badge color={statusColour[h.status]} variant="light" size="sm">
                      {statusName(h.status)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {c.history.length > 1 && (
            <WhenShown height={200}>
              <Suspense fallback={null}>
                <TrendChart
                  height={200}
                  yMin={0.4}
                  years={c.history.map((h) => h.year)}
                  series={[
                    {
                      name: 'IDM',
                      kind: 'line',
                      values: c.history.map((h) => Number(h.value.toFixed(4))),
                      colour: '#0b7285',
                    },
                    ...c.scheme.dimensions.map((d) => ({
                      name: d.code,
                      kind: 'line' as const,
                      values: c.history.map((h) =>
                        h.dimensions[d.code] === undefined ? null : Number(h.dimensions[d.code]!.toFixed(4)),
                      ),
                    })),
                  ]}
                />
              </Suspense>
            </WhenShown>
          )}
        </Card>
        <Card withBorder data-testid="scorecard-plan">
          <Title order={3} size="h5" mb="xs">
            {t('index.plan')}
          </Title>
          {!c.plan && <Text size="sm">{t('index.noScores')}</Text>}
          {c.plan && !c.plan.ok && (
            <Text size="sm">
              {c.plan.reason === 'ALREADY_TOP' ? t('index.alreadyTop') : t('index.unreachable')}
            </Text>
          )}
          {c.plan?.ok && (
            <Stack gap="xs">
              <Text size="sm">
                {t('index.planSummary', {
                  target: statusName(c.plan.target),
                  needed: fmt4(c.plan.needed ?? 0),
                  current: fmt4(c.plan.current),
                  points: c.plan.totalPoints,
                  projected: fmt4(c.plan.projected ?? 0),
                })}
              </Text>
              <Table fz="xs" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('index.indicator')}</Table.Th>
                    <Table.Th>{t('index.score')}</Table.Th>
                    <Table.Th>+IDM</Table.Th>
                    <Table.Th>{t('index.whoActs')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {c.plan.steps.map((s) => (
                    <Table.Tr key={s.indicator}>
                      <Table.Td>
                        {s.name}{' '}
                        <Text span size="xs" c="dimmed">
                          {s.dimension}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {s.from} → {s.to}
                      </Table.Td>
                      <Table.Td>{fmt4(s.gain)}</Table.Td>
                      <Table.Td>{whoActs(s)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          )}
        </Card>
      </SimpleGrid>
      {c.abilities.enter && <EntryPanel card={c} />}
      {c.abilities.review && <EntryReview card={c} />}
      {c.indicators && (
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">
            {t('index.indicators', { year: c.indicators.year })}
          </Title>
          <Table.ScrollContainer minWidth={560}>
            <Table fz="xs" striped data-testid="scorecard-indicators">
              <Table.Tbody>
                {c.indicators.items.map((i) => (
                  <Table.Tr key={i.code}>
                    <Table.Td c="dimmed">{i.dimension}</Table.Td>
                    <Table.Td>{i.name}</Table.Td>
                    <Table.Td fw={700} c={i.score <= 1 ? 'red.8' : i.score >= 5 ? 'green.8' : undefined}>
                      {i.score}
                    </Table.Td>
                    <Table.Td>{whoActs(i)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  );
}
