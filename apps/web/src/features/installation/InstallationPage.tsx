import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  addGovernmentBody,
  errorMessage,
  governmentAdminBody,
  governmentCode,
  type InstallationGovernment,
  type Job,
} from '@sinergi/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api.ts';
import { checked } from '../../app/check.ts';
import { formatNumber } from '../../app/format.ts';
import { useHydrated } from '../../app/hydrated.tsx';
import { noNativeCheck } from '../../app/inputs.tsx';
import { QueryState } from '../../app/QueryState.tsx';
import { useLanguage } from '../../app/session.ts';
import { useJob } from '../../app/use-job.tsx';
import { useSubmit } from '../../app/use-submit.ts';
import { useRegion } from '../regions/api.ts';
import { AccountFields, type AccountForm } from '../users/AccountFields.tsx';
import { useInstallation } from './api.ts';

/** A government's address as this browser reaches it: its host name, on this page's port. */
const addressOf = (host: string) =>
  `${window.location.protocol}//${host}${window.location.port ? `:${window.location.port}` : ''}/`;

/** A host's address, with this page's scheme and port: known in the browser, so drawn there. */
function HostLink({ host }: { host: string }) {
  const hydrated = useHydrated();
  return (
    <Anchor size="sm" href={hydrated ? addressOf(host) : undefined}>
      {host}
    </Anchor>
  );
}

/** The region a code names, once it looks like one: the admin sees what the code is before adding. */
function CodeName({ code }: { code: string }) {
  const region = useRegion(governmentCode.test(code) ? code : null);
  return region.data ? <Text size="sm">{region.data.name}</Text> : null;
}

function AddGovernment({ onAdded }: { onAdded(): void }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const [code, setCode] = useState('');
  const [hosts, setHosts] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const follow = useJob((job: Job) => {
    onAdded();
    const result = job.result as {
      name?: string;
      hosts?: string[];
      idm?: number;
      statistics?: number;
    } | null;
    const handed =
      (result?.idm ? ` ${t('installation.addedIdm', { n: formatNumber(result.idm) })}` : '') +
      (result?.statistics ? ` ${t('installation.addedStats', { n: formatNumber(result.statistics) })}` : '');
    setOutcome(
      job.status === 'succeeded'
        ? {
            ok: true,
            text: t('installation.added', { name: result?.name, hosts: result?.hosts?.join(', ') }) + handed,
          }
        : { ok: false, text: errorMessage(lang, job.errorCode ?? 'INTERNAL') },
    );
    if (job.status === 'succeeded') {
      setCode('');
      setHosts('');
    }
  }, 'add-progress');
  const { submit, error, busy } = useSubmit(async () => {
    setOutcome(null);
    const job = await post<Job>('/api/installation/governments', checked(addGovernmentBody, { code, hosts }));
    follow.start(job.id);
  });
  return (
    <Card withBorder data-testid="add-government">
      <Title order={4} mb="xs">
        {t('installation.add')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('installation.addHint')}
      </Text>
      <Stack component="form" {...noNativeCheck} onSubmit={submit} gap="sm">
        {error && !error.issues?.length && <Alert color="red">{error.message}</Alert>}
        <TextInput
          label={t('installation.code')}
          description={t('installation.codeHint')}
          placeholder="35.72"
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={error?.fieldMessage('code')}
          maw={360}
          required
        />
        <CodeName code={code.trim()} />
        <TextInput
          label={t('installation.hosts')}
          description={t('installation.hostsHint')}
          placeholder="sinergi.blitarkota.go.id"
          value={hosts}
          onChange={(e) => setHosts(e.currentTarget.value)}
          error={error?.fieldMessage('hosts')}
          required
        />
        {follow.bar}
        {outcome && (
          <Alert color={outcome.ok ? 'teal' : 'red'} data-testid="add-outcome">
            {outcome.text}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={busy || follow.running} data-testid="add-government-submit">
            {t('installation.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function FirstAdmin({
  government,
  onDone,
}: {
  government: InstallationGovernment;
  onDone(text: string): void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<AccountForm>({ username: '', displayName: '', password: '' });
  const set = (key: keyof AccountForm) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const { submit, error } = useSubmit(
    () => post(`/api/installation/governments/${government.code}/admin`, checked(governmentAdminBody, form)),
    () => onDone(t('installation.adminMade', { username: form.username, name: government.name })),
  );
  return (
    <Stack component="form" {...noNativeCheck} onSubmit={submit}>
      <Text size="sm">{t('installation.adminHint', { name: government.name })}</Text>
      {error && !error.issues?.length && <Alert color="red">{error.message}</Alert>}
      <AccountFields form={form} set={set} error={error} passwordError={error?.fieldMessage('code')} />
      <Button type="submit" data-testid="first-admin-submit">
        {t('installation.makeAdmin')}
      </Button>
    </Stack>
  );
}

/** The installation's page: the governments it serves, and a form to add one. */
export default function InstallationPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const installation = useInstallation();
  const [adminFor, setAdminFor] = useState<InstallationGovernment | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const reload = () => void client.invalidateQueries({ queryKey: ['installation'] });
  return (
    <Stack maw={1000}>
      <Title order={2}>{t('installation.title')}</Title>
      <Text size="sm">{t('installation.intro')}</Text>
      {notice && (
        <Alert color="teal" withCloseButton onClose={() => setNotice(null)} data-testid="installation-notice">
          {notice}
        </Alert>
      )}
      {!installation.data && <QueryState query={installation} queryKey={['installation']} />}
      {installation.data && (
        <Card withBorder p={0}>
          <Table.ScrollContainer minWidth={640}>
            <Table striped fz="sm" data-testid="governments">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('installation.name')}</Table.Th>
                  <Table.Th>{t('installation.code')}</Table.Th>
                  <Table.Th>{t('installation.hosts')}</Table.Th>
                  <Table.Th ta="right">{t('installation.accounts')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {installation.data.governments.map((g) => (
                  <Table.Tr key={g.code} data-testid="government">
                    <Table.Td>
                      <Group gap={6}>
                        <Text size="sm" fw={600}>
                          {g.name}
                        </Text>
                        <Badge size="xs" variant="light">
                          {t(`installation.kinds.${g.kind}`)}
                        </Badge>
                      </Group>
                    </Table.Td>
                    <Table.Td>{g.code}</Table.Td>
                    <Table.Td>
                      {g.first ? (
                        <Text size="sm" c="dimmed">
                          {t('installation.first')}
                        </Text>
                      ) : (
                        <Stack gap={0}>
                          {g.hosts.map((h) => (
                            <HostLink key={h} host={h} />
                          ))}
                        </Stack>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(g.accounts)}</Table.Td>
                    <Table.Td>
                      {!g.serving ? (
                        <Badge color="gray">{t('installation.starting')}</Badge>
                      ) : !g.first && g.accounts === 0 ? (
                        <Button size="compact-sm" variant="light" onClick={() => setAdminFor(g)}>
                          {t('installation.makeAdmin')}
                        </Button>
                      ) : (
                        <Badge color="teal" variant="light">
                          {t('installation.serving')}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <AddGovernment onAdded={reload} />
      <Modal
        opened={adminFor !== null}
        onClose={() => setAdminFor(null)}
        title={adminFor ? t('installation.adminFor', { name: adminFor.name }) : ''}
      >
        {adminFor && (
          <FirstAdmin
            government={adminFor}
            onDone={(text) => {
              setAdminFor(null);
              setNotice(text);
              reload();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
