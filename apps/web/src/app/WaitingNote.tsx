import { Alert, Anchor, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Outgoing } from './outbox.ts';
import { Link } from './router.tsx';
import { useOutbox } from './use-outbox.ts';

/**
 * On a page, the writes of it still on the device ("menunggu dikirim"), so the operator sees what
 * they made offline where they made it, before the server has it.
 */
export function WaitingNote({ match }: { match: (o: Outgoing) => boolean }) {
  const { t } = useTranslation();
  const { items } = useOutbox();
  const mine = items.filter(match);
  if (mine.length === 0) return null;
  return (
    <Alert color="blue" variant="light" title={t('outbox.savedHere')} data-testid="waiting-note">
      <List size="sm">
        {mine.map((o) => (
          <List.Item key={o.id}>
            {o.title} ({t(`outbox.states.${o.state}`)}){' '}
            <Anchor component={Link} to="/antrean" size="sm">
              {t('outbox.nav')}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
