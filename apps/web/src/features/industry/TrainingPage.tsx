import { Anchor, Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { Link, useParams } from '../../app/router.tsx';
import { useTraining } from './api.ts';

type Estimate = {
  estimate: number | null;
  low: number | null;
  high: number | null;
  significant: boolean;
} | null;
const shown = (e: Estimate, digits: number) =>
  e?.estimate === null || e === null
    ? '–'
    : `${formatNumber(e.estimate, digits)}${e.low !== null && e.high !== null ? ` (${formatNumber(e.low, digits)} s.d. ${formatNumber(e.high, digits)})` : ''}`;

/** A training, its participants and its difference-in-differences evaluation from the registry. */
export default function TrainingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const q = useTraining(id);
  if (!q.data) return <QueryState query={q} queryKey={['industry-training', id]} />;
  const tr = q.data;
  return (
    <Stack maw={1100}>
      <Anchor component={Link} to="/industri/pelatihan" size="sm">
        {t('industry.trainings')}
      </Anchor>
      <Title order={2}>{tr.title}</Title>
      <Text size="sm" c="dimmed">
        {[String(tr.year), tr.organiser, tr.partner].filter(Boolean).join(' · ')}
      </Text>
      {tr.topic && <Text size="sm">{tr.topic}</Text>}
      <Title order={3} size="h4">
        {t('industry.evaluation')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('industry.evaluationIntro')} {t('industry.measured', tr.evaluation.measured)}
      </Text>
      <Table.ScrollContainer minWidth={820}>
        <Table striped data-testid="training-evaluation">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('industry.outcome')}</Table.Th>
              <Table.Th ta="right">{t('industry.change')}</Table.Th>
              <Table.Th ta="right">{t('industry.comparisonChange')}</Table.Th>
              <Table.Th ta="right">{t('industry.effect')}</Table.Th>
              <Table.Th ta="right">{t('industry.improved')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tr.evaluation.outcomes.map((o) => {
              const digits = o.indicator === 'productionValue' ? 0 : 1;
              const good =
                o.effect?.estimate !== null &&
                o.effect?.estimate !== undefined &&
                (o.direction === 'lower' ? o.effect.estimate < 0 : o.effect.estimate > 0);
              return (
                <Table.Tr key={o.indicator}>
                  <Table.Td>{vocab('industry.outcomes', o.indicator)}</Table.Td>
                  <Table.Td ta="right">{shown(o.participants, digits)}</Table.Td>
                  <Table.Td ta="right">{shown(o.comparison, digits)}</Table.Td>
                  <Table.Td ta="right">
                    {shown(o.effect, digits)}{' '}
                    <Badge
                      size="xs"
                      variant="light"
                      color={!o.effect ? 'gray' : o.effect.significant ? (good ? 'teal' : 'red') : 'yellow'}
                    >
                      {t(
                        !o.effect
                          ? 'industry.noEffect'
                          : o.effect.significant
                            ? 'industry.significant'
                            : 'industry.notSignificant',
                      )}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">
                    {formatNumber(o.improved)} / {formatNumber(tr.evaluation.measured.participants)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Card withBorder>
        <Text fw={600} size="sm">
          {t('industry.participants_count', { count: tr.participants })}
        </Text>
        {tr.participantList.map((p) => (
          <Anchor key={p.id} component={Link} to={`/industri/${p.id}`} size="sm" display="block">
            {p.name}
          </Anchor>
        ))}
      </Card>
    </Stack>
  );
}
