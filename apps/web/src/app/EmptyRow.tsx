import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A table's one row when it has none, saying so: headers over nothing left the reader guessing
 * whether the list was still loading, failed or empty. `shown` once its rows are read and there are none.
 */
export function EmptyRow({ shown, columns, text }: { shown: boolean; columns: number; text?: string }) {
  const { t } = useTranslation();
  if (!shown) return null;
  return (
    <Table.Tr data-testid="table-empty">
      <Table.Td colSpan={columns}>
        <Text size="sm" c="dimmed">
          {text ?? t('common.empty')}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
