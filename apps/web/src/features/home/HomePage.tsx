import { Alert, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../app/format.ts';
import { vocab } from '../../app/i18n.ts';
import { useSession } from '../../app/session.ts';
import { useSettings } from '../../app/settings.ts';

export function HomePage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const settings = useSettings({ pollUntilRegionsReady: true });
  const user = session?.user;
  if (!user) return null;
  const s = settings.data;
  const home = user.regionCode ?? s?.activeKabupaten.code ?? '';
  return (
    <Stack maw={900}>
      <Title order={2}>{t('home.welcome', { name: user.displayName })}</Title>
      <Card withBorder>
        <Stack gap={4}>
          <Text data-testid="home-role">{t('home.role', { role: vocab('roles', user.role) })}</Text>
          {user.regionName && (
            <Text>{t('home.scope', { scope: `${user.regionName} (${user.regionCode})` })}</Text>
          )}
          {user.organisationName && <Text>{t('home.organisation', { name: user.organisationName })}</Text>}
          {s?.activeKabupaten.name && <Text fw={600}>{s.activeKabupaten.name}</Text>}
        </Stack>
      </Card>
      {s && !s.regions.ready && <Alert color="yellow">{t('home.regionsLoading')}</Alert>}
      {s?.regions.ready && (
        <Text size="sm" c="dimmed">
          {t('home.regionsReady', { edition: s.regions.edition, count: formatNumber(s.regions.count) })}
        </Text>
      )}
      <Group>
        <Button component={Link} to={`/wilayah/${home}`}>
          {t('home.openRegion')}
        </Button>
      </Group>
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">
          {t('home.whatYouCanDo')}
        </Title>
        <List size="sm" data-testid="permissions">
          {session.permissions.map((p) => (
            <List.Item key={p}>
              <code>{p}</code>
            </List.Item>
          ))}
        </List>
      </Card>
    </Stack>
  );
}
