import { Alert, Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { WaitingGroupView } from '@sinergi/contracts';
import { useTranslation } from 'react-i18next';
import { vocab } from '../../app/i18n.ts';
import { QueryState } from '../../app/QueryState.tsx';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.ts';
import { useSettings } from '../../app/settings.ts';
import { inboxKeys, useInbox } from './api.ts';
import { PlanningCalendar } from './PlanningCalendar.tsx';

/** How many items of a kind the home lists before "see all". */
const SHOWN = 3;

function WaitingCard({ group }: { group: WaitingGroupView }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" data-testid={`waiting-${group.kind}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text fw={600}>{group.text}</Text>
        <Badge variant="light" size="lg">
          {group.total}
        </Badge>
      </Group>
      <Stack gap={2} mt={4}>
        {group.items.slice(0, SHOWN).map((i) => (
          <Anchor key={i.key} component={Link} to={i.link} size="sm" lineClamp={1}>
            {i.title}
          </Anchor>
        ))}
        {group.total > SHOWN && (
          <Anchor component={Link} to={group.link} size="sm" fw={600}>
            {t('home.seeAll', { count: group.total })}
          </Anchor>
        )}
      </Stack>
    </Card>
  );
}

/** A home per role: who you are, what waits for you (each item one click from its page), and for Bappeda the planning year. */
export function HomePage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const settings = useSettings({ pollUntilRegionsReady: true });
  const inbox = useInbox();
  const user = session?.user;
  if (!user) return null;
  const s = settings.data;
  const where = [vocab('roles', user.role), user.organisationName, user.regionName, s?.activeKabupaten.name]
    .filter(Boolean)
    .join(' · ');
  return (
    <Stack maw={900}>
      <div>
        <Title order={2}>{t('home.welcome', { name: user.displayName })}</Title>
        <Text c="dimmed" data-testid="home-role">
          {where}
        </Text>
      </div>
      {s && !s.regions.ready && <Alert color="yellow">{t('home.regionsLoading')}</Alert>}
      <Title order={3} size="h4">
        {t('home.waiting')}
      </Title>
      {!inbox.data ? (
        <QueryState query={inbox} queryKey={inboxKeys.inbox} />
      ) : inbox.data.groups.length ? (
        <Stack gap="xs" data-testid="waiting">
          {inbox.data.groups.map((g) => (
            <WaitingCard key={g.kind} group={g} />
          ))}
        </Stack>
      ) : (
        <Text c="dimmed" data-testid="waiting-none">
          {t('home.nothingWaits')}
        </Text>
      )}
      {user.role === 'perencana' && <PlanningCalendar />}
    </Stack>
  );
}
