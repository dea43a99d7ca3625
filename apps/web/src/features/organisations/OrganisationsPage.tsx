import {
  Alert,
  Button,
  Card,
  Group,
  Modal,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { Organisation } from '@sinergi/contracts';
import { organisationBody } from '@sinergi/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { patch, post } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { noNativeCheck } from '../../app/inputs.tsx';
import { useSession } from '../../app/session.ts';
import { useSubmit } from '../../app/use-submit.ts';
import { organisationKeys, useOrganisations } from './api.ts';

const kinds = ['badan', 'dinas', 'sekretariat', 'inspektorat', 'kecamatan', 'lainnya'];

function AddOrganisation({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ code: '', name: '', shortName: '', kind: 'dinas' });
  const { submit, error } = useSubmit(
    () => post('/api/organisations', checked(organisationBody, form)),
    onDone,
  );
  return (
    <Stack component="form" {...noNativeCheck} onSubmit={submit}>
      {error && <Alert color="red">{error.message}</Alert>}
      <TextInput
        label={t('organisations.code')}
        value={form.code}
        onChange={(e) => setForm({ ...form, code: e.currentTarget.value })}
        error={error?.fieldMessage('code')}
        required
      />
      <TextInput
        label={t('organisations.name')}
        value={form.name}
        onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
        error={error?.fieldMessage('name')}
        required
      />
      <TextInput
        label={t('organisations.shortName')}
        value={form.shortName}
        onChange={(e) => setForm({ ...form, shortName: e.currentTarget.value })}
        error={error?.fieldMessage('shortName')}
        required
      />
      <Select
        label={t('organisations.kind')}
        data={kinds}
        value={form.kind}
        onChange={(v) => setForm({ ...form, kind: v ?? 'dinas' })}
        allowDeselect={false}
      />
      <Button type="submit">{t('common.save')}</Button>
    </Stack>
  );
}

export default function OrganisationsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const client = useQueryClient();
  const [opened, { open, close }] = useDisclosure();
  const orgs = useOrganisations();
  const manage = can('organisations.manage');
  const toggle = async (o: Organisation) => {
    await patch(`/api/organisations/${o.id}`, { active: !o.active });
    await client.invalidateQueries({ queryKey: organisationKeys.all });
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('organisations.title')}</Title>
        {manage && <Button onClick={open}>{t('organisations.add')}</Button>}
      </Group>
      <Text size="sm" c="dimmed">
        {t('organisations.seedNote')}
      </Text>
      <Card withBorder p={0}>
        <Table.ScrollContainer minWidth={600}>
          <Table striped fz="sm" data-testid="organisations-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('organisations.code')}</Table.Th>
                <Table.Th>{t('organisations.shortName')}</Table.Th>
                <Table.Th>{t('organisations.name')}</Table.Th>
                <Table.Th>{t('organisations.kind')}</Table.Th>
                {manage && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {orgs.data?.items.map((o) => (
                <Table.Tr key={o.id} opacity={o.active ? 1 : 0.5}>
                  <Table.Td>
                    <code>{o.code}</code>
                  </Table.Td>
                  <Table.Td>{o.shortName}</Table.Td>
                  <Table.Td>{o.name}</Table.Td>
                  <Table.Td>{o.kind}</Table.Td>
                  {manage && (
                    <Table.Td>
                      <Switch checked={o.active} onChange={() => toggle(o)} aria-label={o.code} />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <Modal opened={opened} onClose={close} title={t('organisations.add')}>
        <AddOrganisation
          onDone={async () => {
            close();
            await client.invalidateQueries({ queryKey: organisationKeys.all });
          }}
        />
      </Modal>
    </Stack>
  );
}
