import { Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { KecamatanMapCard } from '../regions/KecamatanMapCard.tsx';
import { useRoads } from './api.ts';

const pct = (x: number | null) => (x === null ? '–' : `${formatNumber(x, 1)} %`);
const km = (x: number) => `${formatNumber(x, 1)} km`;

/** Kemantapan jalan: road length in good or fair condition, by survey year, kabupaten and kecamatan. */
export default function RoadsPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState<string | null>(null);
  const data = useRoads(year);
  const d = data.data;
  return (
    <Stack maw={1200}>
      <Title order={2}>{t('roads.title')}</Title>
      <Text size="sm">{t('roads.help')}</Text>
      {d?.total && (
        <>
          <Group>
            <Select
              value={String(d.year)}
              onChange={setYear}
              data={d.years.map(String)}
              allowDeselect={false}
              w={120}
            />
            <Text fw={700} size="xl" data-testid="kemantapan">
              {pct(d.total.percent)}
            </Text>
            <Text size="sm" c="dimmed">
              {t('roads.ofLength', { steady: km(d.total.steadyKm), total: km(d.total.lengthKm) })}
            </Text>
          </Group>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <KecamatanMapCard
              values={Object.fromEntries(
                d.byKecamatan.map((k) => [k.area, Math.round((k.percent ?? 0) * 10) / 10]),
              )}
              valueLabel={t('roads.title')}
            />
            <Card withBorder p={0}>
              <Table fz="xs" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('poverty.kecamatan')}</Table.Th>
                    <Table.Th ta="right">{t('roads.length')}</Table.Th>
                    {['baik', 'sedang', 'rusak_ringan', 'rusak_berat'].map((c) => (
                      <Table.Th key={c} ta="right">
                        {vocab('roads.conditions', c)}
                      </Table.Th>
                    ))}
                    <Table.Th ta="right">%</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.byKecamatan.map((k) => (
                    <Table.Tr key={k.area}>
                      <Table.Td>{k.name}</Table.Td>
                      <Table.Td ta="right">{km(k.lengthKm)}</Table.Td>
                      {['baik', 'sedang', 'rusak_ringan', 'rusak_berat'].map((c) => (
                        <Table.Td key={c} ta="right">
                          {formatNumber(k.byCondition[c] ?? 0, 1)}
                        </Table.Td>
                      ))}
                      <Table.Td ta="right">{pct(k.percent)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
