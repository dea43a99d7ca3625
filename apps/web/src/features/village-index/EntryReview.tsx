import { Badge, Card, Group, Table, Text, Title } from '@mantine/core';
import type { DesaScorecard } from '@sinergi/contracts';
import { useTranslation } from 'react-i18next';
import { vocab } from '../../app/i18n.ts';
import { useEntry } from './api.ts';
import { fmt4 } from './status.ts';

/**
 * What the kecamatan verifies and the kabupaten approves: the year the desa entered, each score
 * beside the previous year's, the changed ones marked first.
 */
export function EntryReview({ card }: { card: DesaScorecard }) {
  const { t } = useTranslation();
  const year = (card.history.at(-1)?.year ?? 2024) + 1;
  const entry = useEntry(card.code, year);
  const e = entry.data;
  if (!e) return null;
  const previous = e.previous?.scores ?? {};
  const rows = (card.indicators?.items ?? [])
    .map((i) => ({ ...i, now: e.scores[i.code], before: previous[i.code] }))
    .sort((a, b) => Number(b.now !== b.before) - Number(a.now !== a.before));
  return (
    <Card withBorder data-testid="entry-review">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          {t('index.entryTitle', { year })}
        </Title>
        <Badge variant="light">{vocab('index.states', e.state)}</Badge>
      </Group>
      <Text size="sm" mb="xs">
        {t('index.entryValue', { value: fmt4(e.value), status: e.status })}
        {e.previous &&
          ` · ${t('index.previous', { year: e.previous.year })}: ${fmt4(e.previous.value)} (${e.previous.status})`}
      </Text>
      <Table.ScrollContainer minWidth={480}>
        <Table fz="sm" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('index.indicator')}</Table.Th>
              <Table.Th>{year}</Table.Th>
              <Table.Th>{e.previous ? e.previous.year : '–'}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.code} data-testid={r.now !== r.before ? 'review-changed' : undefined}>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td fw={r.now !== r.before ? 700 : undefined}>{r.now ?? '–'}</Table.Td>
                <Table.Td>{r.before ?? '–'}</Table.Td>
                <Table.Td>
                  {e.previous && r.now !== r.before && (
                    <Badge color="orange" size="xs">
                      {t('index.changed')}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
