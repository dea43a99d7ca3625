import { Badge, Burger, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from './api.ts';
import { accountNav, adminNav, mainNav, type NavItem, navGroups } from './feature.ts';
import { PageTakenOver } from './hydrated.tsx';
import { vocab } from './i18n.ts';
import { useSectionTitle } from './page-title.ts';
import { QueryErrors } from './QueryState.tsx';
import { Link, useNavigate, usePathname } from './router.tsx';
import classes from './Shell.module.css';
import { useLanguage, useSession } from './session.ts';
import { useSettings } from './settings.ts';

// The bell comes a moment after the page: nothing on the first screen waits for it.
const Bell = lazy(() => import('./Bell.tsx').then((m) => ({ default: m.Bell })));
// The outbox's word (offline, waiting writes) and the one that sends them, for every staff account.
const OutboxStatus = lazy(() => import('./OutboxStatus.tsx').then((m) => ({ default: m.OutboxStatus })));

/** The frame of every signed-in and public page: header, navigation and the page shown in it. */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const { session, can } = useSession();
  const settings = useSettings();
  const { toggle: toggleLanguage } = useLanguage();
  const pathname = usePathname();
  const navigate = useNavigate();
  useSectionTitle(pathname, session?.user?.role ?? 'public');
  const client = useQueryClient();
  const logout = async () => {
    await post('/api/auth/logout');
    // The copy of this account's reads kept for working offline goes with it (a shared phone).
    await globalThis.caches?.delete('sinergi-api');
    await client.invalidateQueries();
    navigate('/masuk');
  };
  const active = (item: { to: string; match?: string; exact?: boolean }) =>
    item.to === '/' || item.exact ? pathname === item.to : pathname.startsWith(item.match ?? item.to);
  const atProvince = /^\d{2}$/.test(settings.data?.activeKabupaten.code ?? '');
  const shown = (item: NavItem) =>
    (!atProvince || item.province === true || adminNav.includes(item)) &&
    (!item.installation || settings.data?.installation === true) &&
    (!item.permission || can(item.permission)) &&
    (!item.roles || item.roles.includes(session?.user?.role ?? 'public'));
  const link = (item: NavItem) =>
    shown(item) && (
      <NavLink
        key={`${item.to}:${item.label}`}
        component={Link}
        to={item.to}
        label={t(item.label)}
        active={active(item)}
        onClick={close}
      />
    );

  return (
    <div className={classes.root}>
      {/* The class lets a modal that hides the page's scroll bar keep the header where it was. */}
      <header className={`${classes.header} right-scroll-bar-position`}>
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
            {session?.user && (
              <Suspense fallback={null}>
                <OutboxStatus />
                <Bell />
              </Suspense>
            )}
            {/* On a phone the language is its code, so that signing out stays on the screen. */}
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={toggleLanguage}
              aria-label={t('nav.language')}
              data-testid="language-switch"
            >
              <Text span size="sm" fw={600} visibleFrom="sm">
                {t('nav.language')}
              </Text>
              <Text span size="sm" fw={600} hiddenFrom="sm">
                {t('nav.languageCode')}
              </Text>
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
      </header>
      <nav className={classes.navbar} data-opened={opened || undefined}>
        {/* A plain scrolling box: Mantine's ScrollArea would bring floating-ui into the first page's JS. */}
        <div className={classes.links}>
          <Stack gap={2}>
            {session?.user && (
              <Text size="xs" c="dimmed" px="sm" pb="xs" data-testid="whoami">
                {session.user.displayName} · {vocab('roles', session.user.role)}
              </Text>
            )}
            {mainNav.filter((i) => !i.group).map(link)}
            {navGroups.map((group) => {
              const items = mainNav.filter((i) => i.group === group && shown(i));
              return (
                items.length > 0 && (
                  <Stack gap={0} key={group}>
                    <Text size="xs" fw={700} c="dimmed" px="sm" pt="sm">
                      {t(`nav.groups.${group}`)}
                    </Text>
                    {items.map(link)}
                  </Stack>
                )
              );
            })}
            {can('account.self') && link(accountNav)}
            {adminNav.some(shown) && (
              <Text size="xs" fw={700} c="dimmed" px="sm" pt="md">
                {t('nav.admin')}
              </Text>
            )}
            {adminNav.map(link)}
          </Stack>
        </div>
      </nav>
      <main className={classes.main}>
        <QueryErrors />
        <Suspense fallback={<Text>{t('common.loading')}</Text>}>
          {children}
          <PageTakenOver />
        </Suspense>
      </main>
    </div>
  );
}
