import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { createUserBody } from '@sinergi/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, patch, post } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { formatDateTime } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { noNativeCheck } from '../../app/inputs.tsx';
import { useLanguage } from '../../app/session.ts';
import { useActiveKabupaten } from '../../app/settings.ts';
import { useSubmit } from '../../app/use-submit.ts';
import { useOrganisations } from '../organisations/api.ts';
import { AccountFields } from './AccountFields.tsx';
import { useUsers } from './api.ts';

const roles = ['admin', 'perencana', 'opd', 'kecamatan', 'desa', 'dprd'] as const;

function CreateUser({ onDone }: { onDone(): void }) {
  const kabupaten = useActiveKabupaten();
  const { t } = useTranslation();
  const orgs = useOrganisations();
  const [form, setForm] = useState({
    username: '',
    displayName: '',
    password: '',
    role: 'desa',
    organisationId: '',
    regionCode: '',
  });
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const { submit, error } = useSubmit(
    () =>
      post(
        '/api/users',
        checked(createUserBody, {
          username: form.username,
          displayName: form.displayName,
          password: form.password,
          role: form.role,
          organisationId: form.role === 'opd' ? form.organisationId || null : null,
          regionCode: form.role === 'desa' || form.role === 'kecamatan' ? form.regionCode || null : null,
        }),
      ),
    onDone,
  );
  return (
    <Stack component="form" {...noNativeCheck} onSubmit={submit}>
      {error && <Alert color="red">{error.message}</Alert>}
      <AccountFields form={form} set={set} error={error} />
      <Select
        label={t('users.role')}
        data={roles.map((r) => ({ value: r, label: vocab('roles', r) }))}
        value={form.role}
        onChange={(v) => set('role')(v ?? 'desa')}
        allowDeselect={false}
      />
      {form.role === 'opd' && (
        <Select
          label={t('users.organisation')}
          searchable
          data={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.shortName} – ${o.name}` }))}
          value={form.organisationId}
          onChange={(v) => set('organisationId')(v ?? '')}
          error={error?.fieldMessage('organisationId')}
        />
      )}
      {(form.role === 'desa' || form.role === 'kecamatan') && (
        <TextInput
          label={t('users.region')}
          placeholder={form.role === 'desa' ? `${kabupaten ?? ''}.01.2001` : `${kabupaten ?? ''}.01`}
          value={form.regionCode}
          onChange={(e) => set('regionCode')(e.currentTarget.value)}
          error={error?.fieldMessage('regionCode')}
        />
      )}
      <Button type="submit">{t('users.save')}</Button>
    </Stack>
  );
}

export default function UsersPage() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const client = useQueryClient();
  const [opened, { open, close }] = useDisclosure();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text, 250);
  const users = useUsers(q);
  const change = async (id: string, body: Record<string, unknown>) => {
    try {
      await patch(`/api/users/${id}`, body);
    } catch (e) {
      if (e instanceof ApiError) alert(e.message);
    }
    await client.invalidateQueries({ queryKey: ['users'] });
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('users.title')}</Title>
        <Button onClick={open} data-testid="add-user">
          {t('users.add')}
        </Button>
      </Group>
      <TextInput
        placeholder={t('users.search')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        maw={360}
      />
      <Card withBorder p={0}>
        <Table.ScrollContainer minWidth={720}>
          <Table striped fz="sm" data-testid="users-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.username')}</Table.Th>
                <Table.Th>{t('users.displayName')}</Table.Th>
                <Table.Th>{t('users.role')}</Table.Th>
                <Table.Th>{t('users.scope')}</Table.Th>
                <Table.Th>{t('users.status')}</Table.Th>
                <Table.Th>{t('users.lastLogin')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data?.items.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>
                    <code>{u.username}</code>
                  </Table.Td>
                  <Table.Td>{u.displayName}</Table.Td>
                  <Table.Td>{vocab('roles', u.role)}</Table.Td>
                  <Table.Td>
                    {u.organisationName ?? (u.regionName ? `${u.regionName} (${u.regionCode})` : '–')}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={u.active ? 'teal' : 'gray'} variant="light">
                      {u.active ? t('users.active') : t('users.inactive')}
                    </Badge>{' '}
                    {u.locked && <Badge color="red">{t('users.locked')}</Badge>}
                  </Table.Td>
                  <Table.Td>
                    {u.lastLoginAt ? formatDateTime(u.lastLoginAt, lang) : t('users.never')}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {u.locked && (
                        <Button
                          size="compact-xs"
                          variant="light"
                          onClick={() => change(u.id, { unlock: true })}
                        >
                          {t('users.unlock')}
                        </Button>
                      )}
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => change(u.id, { active: !u.active })}
                      >
                        {u.active ? t('users.deactivate') : t('users.activate')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <Text size="xs" c="dimmed">
        {users.data?.total ?? 0}
      </Text>
      <Modal opened={opened} onClose={close} title={t('users.add')}>
        <CreateUser
          onDone={async () => {
            close();
            await client.invalidateQueries({ queryKey: ['users'] });
          }}
        />
      </Modal>
    </Stack>
  );
}
