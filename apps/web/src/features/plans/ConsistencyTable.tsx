import { Table } from '@mantine/core';
import { formatNumber } from '../../app/format.ts';

/** Targets that their supporting targets do not add up to: a kabupaten's, or a province's. */
export function ConsistencyTable({
  rows,
}: {
  rows: readonly {
    nodeId: string;
    title: string;
    year: string;
    unit: string;
    target: number;
    sumBelow: number;
  }[];
}) {
  return (
    <Table fz="xs" striped>
      <Table.Tbody>
        {rows.map((c) => (
          <Table.Tr key={`${c.nodeId}-${c.year}`}>
            <Table.Td>{c.title}</Table.Td>
            <Table.Td>{c.year}</Table.Td>
            <Table.Td ta="right">
              {formatNumber(c.sumBelow)} / {formatNumber(c.target)} {c.unit}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
