import { Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyRow } from '../../app/EmptyRow.tsx';
import { formatDateTime, formatNumber } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { DateField } from '../../app/inputs.tsx';
import { useLanguage } from '../../app/session.ts';
import { useAuditEntities, useAuditPage } from './api.ts';
import { describeDetails } from './details.ts';

const PAGE = 50;

export default function AuditPage() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const [actorText, setActor] = useState('');
  const [actor] = useDebouncedValue(actorText, 300);
  const [entity, setEntity] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [offset, setOffset] = useState(0);
  const entities = useAuditEntities();
  const page = useAuditPage({ actor, entity, from, to, limit: PAGE, offset });
  const total = page.data?.total ?? 0;
  return (
    <Stack>
      <Title order={2}>{t('audit.title')}</Title>
      <Group align="end">
        <TextInput
          label={t('audit.actor')}
          value={actorText}
          onChange={(e) => {
            setActor(e.currentTarget.value);
            setOffset(0);
          }}
          w={180}
        />
        <Select
          label={t('audit.entity')}
          data={(entities.data?.items ?? []).map((code) => ({
            value: code,
            label: vocab('audit.entities', code),
          }))}
          value={entity}
          onChange={(v) => {
            setEntity(v);
            setOffset(0);
          }}
          clearable
          placeholder={t('audit.all')}
          w={180}
        />
        <DateField
          label={t('audit.from')}
          value={from}
          onChange={(v) => {
            setFrom(v);
            setOffset(0);
          }}
        />
        <DateField
          label={t('audit.to')}
          value={to}
          onChange={(v) => {
            setTo(v);
            setOffset(0);
          }}
        />
      </Group>
      <Text size="sm" c="dimmed" data-testid="audit-total">
        {t('audit.total', { count: total, formatted: formatNumber(total) })}
      </Text>
      <Card withBorder p={0}>
        <Table.ScrollContainer minWidth={760}>
          <Table fz="xs" striped data-testid="audit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.when')}</Table.Th>
                <Table.Th>{t('audit.who')}</Table.Th>
                <Table.Th>{t('audit.action')}</Table.Th>
                <Table.Th>{t('audit.entity')}</Table.Th>
                <Table.Th>{t('audit.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <EmptyRow shown={page.data?.items.length === 0} columns={5} text={t('common.noMatch')} />
              {page.data?.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at, lang)}</Table.Td>
                  <Table.Td>
                    {e.actorName}{' '}
                    <Text span c="dimmed" size="xs">
                      ({vocab('roles', e.actorRole)})
                    </Text>
                  </Table.Td>
                  <Table.Td>{vocab('audit.actions', e.action)}</Table.Td>
                  <Table.Td>{vocab('audit.entities', e.entity)}</Table.Td>
                  <Table.Td style={{ maxWidth: 360 }}>
                    <Text size="xs" lineClamp={3}>
                      {describeDetails(e.after, lang, (k) => vocab('jobs.kinds', k))}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <Group>
        <Button
          variant="default"
          size="xs"
          disabled={offset === 0}
          onClick={() => setOffset(Math.max(0, offset - PAGE))}
        >
          {t('common.prev')}
        </Button>
        <Button
          variant="default"
          size="xs"
          disabled={offset + PAGE >= total}
          onClick={() => setOffset(offset + PAGE)}
        >
          {t('common.next')}
        </Button>
      </Group>
    </Stack>
  );
}
