import { Accordion, Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { DatasetMeta } from '@sinergi/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../../app/api.ts';
import { formatNumber } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { QueryState } from '../../app/QueryState.tsx';

function Dictionary({ d }: { d: DatasetMeta }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped data-testid={`dictionary-${d.id}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('opendata.column')}</Table.Th>
            <Table.Th>{t('opendata.columnTitle')}</Table.Th>
            <Table.Th>{t('opendata.type')}</Table.Th>
            <Table.Th>{t('opendata.meaning')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.columns.map((c) => (
            <Table.Tr key={c.name}>
              <Table.Td ff="monospace">{c.name}</Table.Td>
              <Table.Td>{c.title}</Table.Td>
              <Table.Td>{vocab('opendata.types', c.type)}</Table.Td>
              <Table.Td>{c.description}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DatasetCard({ d }: { d: DatasetMeta }) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid={`dataset-${d.id}`}>
      <Stack gap="xs">
        <Title order={3} size="h4">
          {d.title}
        </Title>
        <Text size="sm">{d.description}</Text>
        <Group gap="xs">
          <Badge variant="light">{t('opendata.rows', { count: d.rows, shown: formatNumber(d.rows) })}</Badge>
          <Badge variant="light" color="gray" tt="none">
            {t('opendata.version', { version: d.version })}
          </Badge>
          <Text size="xs">
            {t('opendata.licence')}:{' '}
            <Anchor href={d.licence.url} target="_blank" rel="noreferrer" size="xs">
              {d.licence.title}
            </Anchor>
          </Text>
        </Group>
        <Group gap="xs">
          {(['csv', 'xlsx', 'json'] as const).map((f) => (
            <Button
              key={f}
              component="a"
              href={`/api/data/${d.id}/${f}`}
              size="xs"
              variant="light"
              data-testid={`download-${d.id}-${f}`}
            >
              {f.toUpperCase()}
            </Button>
          ))}
        </Group>
        <Accordion variant="contained">
          <Accordion.Item value="dictionary">
            <Accordion.Control>{t('opendata.dictionary')}</Accordion.Control>
            <Accordion.Panel>
              <Dictionary d={d} />
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      </Stack>
    </Card>
  );
}

/** Open data: the public tables to download, each with its dictionary, and where portals read them. */
export default function OpenDataPage() {
  const { t, i18n } = useTranslation();
  const key = ['opendata', i18n.language];
  const list = useQuery({ queryKey: key, queryFn: () => get<{ items: DatasetMeta[] }>('/api/data') });
  return (
    <Stack maw={960}>
      <Title order={2}>{t('opendata.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('opendata.intro')}
      </Text>
      <Text size="sm" c="dimmed" data-testid="publication-policy">
        {t('opendata.policy')}
      </Text>
      {list.data ? (
        list.data.items.map((d) => <DatasetCard key={d.id} d={d} />)
      ) : (
        <QueryState query={list} queryKey={key} />
      )}
      <Card withBorder bg="gray.0">
        <Text fw={600}>{t('opendata.forPortals')}</Text>
        <Text size="sm">{t('opendata.forPortalsText')}</Text>
        <Group gap="md" mt="xs">
          <Anchor href="/api/3/action/package_list" size="sm">
            {t('opendata.ckan')}
          </Anchor>
          <Anchor href="/api/data/catalog.jsonld" size="sm">
            {t('opendata.dcat')}
          </Anchor>
          <Anchor href="/api/oc4ids.json" size="sm">
            {t('opendata.oc4ids')}
          </Anchor>
        </Group>
      </Card>
    </Stack>
  );
}
