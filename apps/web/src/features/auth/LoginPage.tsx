import {
  Alert,
  Anchor,
  Button,
  Center,
  Code,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api.ts';
import { vocab } from '../../app/i18n.ts';
import { usePageTitle } from '../../app/page-title.ts';
import { Link, Navigate, useNavigate } from '../../app/router.tsx';
import { useLanguage, useSession } from '../../app/session.ts';
import { useSubmit } from '../../app/use-submit.ts';

const demoAccounts = [
  ['admin', 'admin'],
  ['perencana', 'perencana'],
  ['opd.dpupr', 'opd'],
  ['kec.wonodadi', 'kecamatan'],
  ['desa.jaten', 'desa'],
  ['dprd', 'dprd'],
  ['warga', 'warga'],
] as const;

export function LoginPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { toggle } = useLanguage();
  const navigate = useNavigate();
  const client = useQueryClient();
  usePageTitle(t('login.submit'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { submit, error, busy } = useSubmit(
    () => post('/api/auth/login', { username, password }),
    async () => {
      await client.invalidateQueries({ queryKey: ['session'] });
      navigate('/');
    },
  );

  if (session?.user) return <Navigate to="/" replace />;

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Stack w="100%" maw={420}>
        <Stack gap={0} align="center">
          <Title order={1} c="teal.8">
            Sinergi
          </Title>
          <Text c="dimmed" ta="center" size="sm">
            {t('app.tagline')}
          </Text>
        </Stack>
        <Paper withBorder shadow="sm" p="lg" component="form" noValidate onSubmit={submit}>
          <Stack>
            <Title order={2} size="h4">
              {t('login.title')}
            </Title>
            {error && (
              <Alert color="red" data-testid="login-error">
                {error.message}
              </Alert>
            )}
            <TextInput
              label={t('login.username')}
              name="username"
              autoComplete="username"
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              required
              error={error?.fieldMessage('username')}
            />
            <PasswordInput
              label={t('login.password')}
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              required
              error={error?.fieldMessage('password')}
            />
            <Button type="submit" loading={busy}>
              {t('login.submit')}
            </Button>
            <Anchor component={Link} to="/warga/daftar" size="sm" data-testid="citizen-register-link">
              {t('citizen.register')}
            </Anchor>
            <Anchor component={Link} to="/indeks-desa" size="sm" data-testid="public-portal">
              {t('login.publicPortal')}
            </Anchor>
            <Anchor component="button" type="button" size="sm" onClick={toggle} data-testid="language-switch">
              {t('nav.language')}
            </Anchor>
          </Stack>
        </Paper>
        {session?.demoPassword && (
          <Paper withBorder p="md" data-testid="demo-accounts">
            <Title order={3} size="h5">
              {t('login.demoTitle')}
            </Title>
            <Text size="sm" mb="xs">
              {t('login.demoText', { password: session.demoPassword })}
            </Text>
            {/* A plain list: Mantine's Table would bring its scroll container and floating-ui into
                the first page's JavaScript. */}
            <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }}>
              {demoAccounts.map(([name, role]) => (
                <Group component="li" key={name} gap="sm" fz="sm" wrap="nowrap">
                  <Code miw={110}>{name}</Code>
                  <Text size="sm">{vocab('roles', role)}</Text>
                </Group>
              ))}
            </Stack>
          </Paper>
        )}
      </Stack>
    </Center>
  );
}
