import { Card, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileUpload } from '../../app/FileUpload.tsx';
import { formatNumber, unitText } from '../../app/format.ts';
import { useNomenclature, useRefreshPlans, useSeries } from './api.ts';

/** The lists plans draw on: the program/kegiatan/sub-kegiatan nomenclature and the statistics series. */
export default function PlanDataPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [indicator, setIndicator] = useState<string | null>(null);
  const names = useNomenclature(q);
  const series = useSeries(indicator);
  const refresh = useRefreshPlans();
  return (
    <Stack maw={1200}>
      <Title order={2}>{t('planData.title')}</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Text fw={600}>{t('planData.nomenclature', { n: names.data?.total ?? 0 })}</Text>
          <Text size="xs" c="dimmed" mb="xs">
            {t('planData.nomenclatureHelp')}
          </Text>
          <FileUpload<{ rows: number }>
            url="/api/nomenclature/import"
            label={t('planData.import')}
            describe={(r) => t('planData.imported', { n: r.rows })}
            onDone={refresh}
            testId="nomenclature-import"
          />
          <TextInput
            mt="sm"
            size="xs"
            placeholder={t('plans.searchNomenclature')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
          />
          <Table fz="xs" striped mt="xs">
            <Table.Tbody>
              {names.data?.items.map((x) => (
                <Table.Tr key={x.code}>
                  <Table.Td>{x.code}</Table.Td>
                  <Table.Td>{x.title}</Table.Td>
                  <Table.Td c="dimmed">{x.level}</Table.Td>
                  <Table.Td c="dimmed">{unitText(x.unit)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
        <Card withBorder>
          <Text fw={600}>{t('planData.series')}</Text>
          <Text size="xs" c="dimmed" mb="xs">
            {t('planData.seriesHelp')}
          </Text>
          <FileUpload<{ rows: number }>
            url="/api/stats/series/import"
            label={t('planData.import')}
            describe={(r) => t('planData.imported', { n: r.rows })}
            onDone={refresh}
            testId="series-import"
          />
          <Table fz="xs" striped mt="sm">
            <Table.Tbody>
              {series.data?.indicators.map((x) => (
                <Table.Tr
                  key={x.indicator}
                  onClick={() => setIndicator(x.indicator)}
                  style={{ cursor: 'pointer' }}
                >
                  <Table.Td fw={x.indicator === indicator ? 700 : 400}>{x.indicator}</Table.Td>
                  <Table.Td ta="right">{x.n}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {indicator && (
            <Table fz="xs" striped mt="sm" data-testid="series-values">
              <Table.Tbody>
                {series.data?.items.map((x) => (
                  <Table.Tr key={`${x.regionCode}-${x.year}`}>
                    <Table.Td>{x.year}</Table.Td>
                    <Table.Td>{x.regionCode}</Table.Td>
                    <Table.Td ta="right">
                      {formatNumber(x.value, 2)} {unitText(x.unit)}
                    </Table.Td>
                    <Table.Td c="dimmed">{x.source}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
