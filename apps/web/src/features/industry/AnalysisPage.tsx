import {
  Alert,
  Anchor,
  Badge,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { pdrbCategories } from '@sinergi/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatRupiah } from '../../app/format.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { Link } from '../../app/router.tsx';
import { KecamatanMapCard } from '../regions/KecamatanMapCard.tsx';
import { type IndustryAnalysis, useAnalysis } from './api.ts';
import { decimal, divisionName } from './IndustryPage.tsx';

const percent = (x: number | null) => (x === null ? '–' : `${formatNumber(x * 100, 1)}%`);

function Groups({ rows, testId }: { rows: IndustryAnalysis['bySector']; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th ta="right">{t('industry.businesses')}</Table.Th>
            <Table.Th ta="right">{t('industry.workforce')}</Table.Th>
            <Table.Th ta="right">{t('industry.output')}</Table.Th>
            <Table.Th ta="right">{t('industry.share')}</Table.Th>
            <Table.Th ta="right">{t('industry.growth')}</Table.Th>
            <Table.Th ta="right">{t('industry.emissions')}</Table.Th>
            <Table.Th ta="right">{t('industry.intensity')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((g) => (
            <Table.Tr key={g.key}>
              <Table.Td>{g.name}</Table.Td>
              <Table.Td ta="right">{formatNumber(g.businesses)}</Table.Td>
              <Table.Td ta="right">{formatNumber(g.workforce)}</Table.Td>
              <Table.Td ta="right">{formatRupiah(g.productionValue)}</Table.Td>
              <Table.Td ta="right">{percent(g.share)}</Table.Td>
              <Table.Td ta="right">{percent(g.growth)}</Table.Td>
              <Table.Td ta="right">{decimal(g.emissions, 1)}</Table.Td>
              <Table.Td ta="right">{decimal(g.intensity, 2)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Pdrb({ a }: { a: IndustryAnalysis }) {
  const { t, i18n } = useTranslation();
  if (!a.pdrb.length) return <Text c="dimmed">{t('industry.pdrbNone')}</Text>;
  const years = [...new Set(a.pdrb.map((p) => p.year))];
  const last = years.at(-1)!;
  return (
    <Stack gap="xs">
      {a.pdrbSample && (
        <Alert color="orange" variant="light" data-testid="pdrb-sample">
          {t('industry.pdrbSample')}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={640}>
        <Table striped data-testid="pdrb-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{last}</Table.Th>
              <Table.Th ta="right">{t('industry.rpMillion')}</Table.Th>
              <Table.Th ta="right">{t('industry.share')}</Table.Th>
              <Table.Th ta="right">{t('industry.growth')}</Table.Th>
              <Table.Th ta="right">{t('industry.lq')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {a.pdrb
              .filter((p) => p.year === last)
              .map((p) => (
                <Table.Tr key={p.category} fw={p.category === 'C' ? 600 : undefined}>
                  <Table.Td>
                    {pdrbCategories[p.category]?.[i18n.language === 'en' ? 1 : 0] ?? p.name}
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(p.value)}</Table.Td>
                  <Table.Td ta="right">{percent(p.share)}</Table.Td>
                  <Table.Td ta="right">{percent(p.growth)}</Table.Td>
                  <Table.Td ta="right">
                    {p.locationQuotient === null ? '–' : formatNumber(p.locationQuotient, 2)}
                  </Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        {t('industry.lqNote')}
      </Text>
    </Stack>
  );
}

/** The situation analysis a Disperindag officer writes from. */
export default function AnalysisPage() {
  const { t, i18n } = useTranslation();
  const [year, setYear] = useState<number | null>(null);
  const q = useAnalysis(year);
  if (!q.data) return <QueryState query={q} queryKey={['industry-analysis', year]} />;
  const a = q.data;
  const c = a.certified;
  return (
    <Stack maw={1100}>
      <Anchor component={Link} to="/industri" size="sm">
        {t('industry.title')}
      </Anchor>
      <Title order={2}>{t('industry.analysis')}</Title>
      <Group>
        <Select
          label={t('industry.year')}
          data={a.years.map(String)}
          value={a.year === null ? null : String(a.year)}
          onChange={(v) => v && setYear(Number(v))}
          allowDeselect={false}
          w={140}
          data-testid="analysis-year"
        />
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {(
          [
            ['SNI', c.sni],
            ['Halal', c.halal],
            [t('industry.certificateKinds.sih'), c.sih],
            [t('industry.withPermit'), c.envPermit],
          ] as const
        ).map(([label, n]) => (
          <Card withBorder key={label} p="sm">
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text fw={700}>
              {formatNumber(n)} / {formatNumber(c.businesses)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Title order={3} size="h4">
        {t('industry.bySector')}
      </Title>
      <Groups
        rows={a.bySector.map((g) => ({ ...g, name: `${g.key} ${divisionName(g.key, i18n.language)}` }))}
        testId="by-sector"
      />
      <Title order={3} size="h4">
        {t('industry.byKecamatan')}
      </Title>
      <KecamatanMapCard
        compact
        values={Object.fromEntries(a.byKecamatan.map((g) => [g.key, g.emissions]))}
        valueLabel={t('industry.emissions')}
      />
      <Groups rows={a.byKecamatan} testId="by-kecamatan" />
      <Title order={3} size="h4">
        {t('industry.trend')}
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table striped data-testid="trend">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('industry.year')}</Table.Th>
              <Table.Th ta="right">{t('industry.output')}</Table.Th>
              <Table.Th ta="right">{t('industry.emissions')}</Table.Th>
              <Table.Th ta="right">{t('industry.intensity')}</Table.Th>
              <Table.Th ta="right">{t('industry.netZero')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {a.trend.map((y) => {
              const behind = y.intensity !== null && y.netZeroPath !== null && y.intensity > y.netZeroPath;
              return (
                <Table.Tr key={y.year}>
                  <Table.Td>{y.year}</Table.Td>
                  <Table.Td ta="right">{formatRupiah(y.productionValue)}</Table.Td>
                  <Table.Td ta="right">{decimal(y.emissions, 1)}</Table.Td>
                  <Table.Td ta="right">{decimal(y.intensity, 2)}</Table.Td>
                  <Table.Td ta="right">{decimal(y.netZeroPath, 2)}</Table.Td>
                  <Table.Td>
                    <Badge color={behind ? 'red' : 'teal'} variant="light">
                      {t(behind ? 'industry.offPath' : 'industry.onPath')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        {t('industry.netZeroNote')} {t('industry.method')}
      </Text>
      <Title order={3} size="h4">
        {t('industry.pdrb')}
      </Title>
      <Pdrb a={a} />
    </Stack>
  );
}
