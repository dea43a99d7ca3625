import { AppShell, Badge, Burger, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { post } from './api.ts';
import { type TextKey, vocab } from './i18n.ts';
import { QueryErrors } from './QueryState.tsx';
import { useLanguage, useSession } from './session.ts';

interface NavItem {
  to: string;
  label: TextKey;
  match?: string;
  permission?: string;
  exact?: boolean;
}

const main: NavItem[] = [
  { to: '/', label: 'nav.home', permission: 'account.self' },
  { to: '/wilayah', label: 'nav.regions', match: '/wilayah' },
  { to: '/indeks-desa', label: 'nav.villageIndex', permission: 'index.read', exact: true },
  { to: '/indeks-desa/verifikasi', label: 'nav.worklist', permission: 'index.worklist' },
  { to: '/indeks-desa/impor', label: 'nav.indexImport', permission: 'index.import' },
  { to: '/indeks-desa/skema', label: 'nav.schemes', permission: 'index.schemes.manage' },
  { to: '/usulan', label: 'nav.musrenbang', permission: 'proposals.read' },
  { to: '/forum', label: 'nav.forums', permission: 'forums.read' },
  { to: '/skenario', label: 'nav.budget', permission: 'allocation.read' },
  { to: '/anggaran-partisipatif', label: 'nav.pb', permission: 'pb.read' },
  { to: '/perencanaan', label: 'nav.planning', permission: 'plans.read' },
  { to: '/capaian', label: 'nav.targets', permission: 'plans.read' },
  { to: '/proyek', label: 'nav.projects', permission: 'projects.read' },
  { to: '/program', label: 'nav.programList', permission: 'programs.read' },
  { to: '/penduduk', label: 'nav.registry', permission: 'registry.read' },
  { to: '/umkm', label: 'nav.umkm', permission: 'registry.read' },
  { to: '/kemiskinan', label: 'nav.poverty', permission: 'poverty.read' },
  { to: '/aspirasi', label: 'nav.aspiration', permission: 'aspirations.submit' },
  { to: '/lacak', label: 'nav.track', permission: 'proposals.track' },
  { to: '/perangkat-daerah', label: 'nav.organisations', permission: 'organisations.read' },
  { to: '/pekerjaan', label: 'nav.jobs', permission: 'jobs.read' },
];
const admin: NavItem[] = [
  { to: '/pengguna', label: 'nav.users', permission: 'users.manage' },
  { to: '/audit', label: 'nav.audit', permission: 'audit.read' },
];

export function Shell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const { session, can } = useSession();
  const { toggle: toggleLanguage } = useLanguage();
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const logout = async () => {
    await post('/api/auth/logout');
    await client.invalidateQueries();
    navigate('/masuk');
  };
  const active = (item: { to: string; match?: string; exact?: boolean }) =>
    item.to === '/' || item.exact
      ? location.pathname === item.to
      : location.pathname.startsWith(item.match ?? item.to);
  const link = (item: NavItem) =>
    (!item.permission || can(item.permission)) && (
      <NavLink
        key={item.to}
        component={Link}
        to={item.to}
        label={t(item.label)}
        active={active(item)}
        onClick={close}
      />
    );

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="menu" />
            <Title order={3} c="teal.8">
              Sinergi
            </Title>
            {session?.mode === 'demo' && (
              <Badge color="orange" variant="light" visibleFrom="xs">
                {t('app.demo')}
              </Badge>
            )}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Button variant="subtle" size="compact-sm" onClick={toggleLanguage} data-testid="language-switch">
              {t('nav.language')}
            </Button>
            {session?.user ? (
              <Button variant="light" size="compact-sm" onClick={logout} data-testid="logout">
                {t('nav.logout')}
              </Button>
            ) : (
              <Button component={Link} to="/masuk" variant="light" size="compact-sm" data-testid="login-link">
                {t('login.submit')}
              </Button>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <Stack gap={2}>
          {session?.user && (
            <Text size="xs" c="dimmed" px="sm" pb="xs" data-testid="whoami">
              {session.user.displayName} · {vocab('roles', session.user.role)}
            </Text>
          )}
          {main.map(link)}
          {can('account.self') && link({ to: '/akun', label: 'nav.account' })}
          {(can('users.manage') || can('audit.read')) && (
            <Text size="xs" fw={700} c="dimmed" px="sm" pt="md">
              {t('nav.admin')}
            </Text>
          )}
          {admin.map(link)}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        <QueryErrors />
        <Suspense fallback={<Text>{t('common.loading')}</Text>}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
