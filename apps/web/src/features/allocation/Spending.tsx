import { Card, Stack, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { formatNumber, formatRupiah } from '../../app/format.ts';
import { RuleText } from './RuleText.tsx';
import type { Explanation } from './types.ts';

/** Spending by kecamatan of a scenario, and why a proposal is in or out. */
export function Spending({
  title,
  data,
  label = (k) => k,
}: {
  title: string;
  data: Record<string, number>;
  label?: (key: string) => string;
}) {
  const rows = Object.entries(data).sort((a, b) => b[1] - a[1]);
  return (
    <Card withBorder p="xs">
      <Text fw={600} size="sm" mb={4}>
        {title}
      </Text>
      <Table fz="xs">
        <Table.Tbody>
          {rows.map(([k, v]) => (
            <Table.Tr key={k}>
              <Table.Td>{label(k)}</Table.Td>
              <Table.Td ta="right">{formatRupiah(v)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

export function Why({ e, t }: { e: Explanation; t: TFunction }) {
  if (e.selected)
    return (
      <Text size="xs">
        {e.displaced?.length
          ? t('allocation.whyIn', { ids: e.displaced.join(', ') })
          : t('allocation.whyInGreedy')}
      </Text>
    );
  return (
    <Stack gap={2}>
      {e.binding?.map((r) => (
        <Text size="xs" key={JSON.stringify(r)}>
          {t('allocation.binding')}: <RuleText rule={r} />
        </Text>
      ))}
      {e.scoreLoss !== undefined && (
        <Text size="xs">
          {t('allocation.whyLoss', {
            loss: formatNumber(e.scoreLoss, 2),
            ids: e.displaced?.join(', ') || '—',
          })}
        </Text>
      )}
      {e.maxCost !== undefined && (
        <Text size="xs">
          {e.maxCost === null
            ? t('allocation.notEvenFree')
            : t('allocation.entersAt', { cost: formatRupiah(e.maxCost) })}
        </Text>
      )}
    </Stack>
  );
}
