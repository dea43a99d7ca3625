import { Card, Table, Text, Title } from '@mantine/core';
import type { IndexNational, IndexSummary } from '@sinergi/contracts';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format.ts';
import { useIndexNational } from './api.ts';
import { fmt4 } from './status.ts';

type Area = NonNullable<IndexNational['nation']>;

/**
 * The kabupaten beside its province and Indonesia, and a row per province, once Kemendesa's
 * national file of a year is imported; nothing at all before. Read when the card is shown.
 */
export default function NationalCard({ scheme }: { scheme: IndexSummary['scheme'] }) {
  const { t } = useTranslation();
  const n = useIndexNational().data;
  if (!n?.year || !n.nation) return null;
  const head = (first: string) => (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>{first}</Table.Th>
        <Table.Th ta="right">{t('index.desa')}</Table.Th>
        {scheme.statuses.map((s) => (
          <Table.Th key={s.code} ta="right">
            {s.name}
          </Table.Th>
        ))}
        <Table.Th ta="right">{t('index.mean')}</Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
  const row = (a: Area, bold = false) => (
    <Table.Tr key={a.code || 'id'} fw={bold ? 600 : undefined}>
      <Table.Td>{a.name}</Table.Td>
      <Table.Td ta="right">{formatNumber(a.desa)}</Table.Td>
      {scheme.statuses.map((s) => (
        <Table.Td key={s.code} ta="right">
          {formatNumber(a.counts[s.code] ?? 0)}
        </Table.Td>
      ))}
      <Table.Td ta="right">{fmt4(a.mean)}</Table.Td>
    </Table.Tr>
  );
  return (
    <Card withBorder data-testid="index-national">
      <Title order={3} size="h5" mb={4}>
        {t('index.national', { year: n.year })}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('index.nationalHint')}
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table fz="sm" data-testid="index-national-compare">
          {head(t('index.area'))}
          <Table.Tbody>
            {n.own && row(n.own, true)}
            {n.province && row(n.province)}
            {row(n.nation)}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {n.provinces.length > 1 && (
        <>
          <Title order={4} size="h6" mt="md" mb="xs">
            {t('index.byProvince')}
          </Title>
          <Table.ScrollContainer minWidth={640}>
            <Table fz="sm" striped data-testid="index-national-provinces">
              {head(t('regions.levels.provinsi'))}
              <Table.Tbody>{n.provinces.map((p) => row(p, p.code === n.province?.code))}</Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Card>
  );
}
