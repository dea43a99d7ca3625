import { Badge, Group, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnline } from './online.ts';
import { flush } from './outbox.ts';
import { Link } from './router.tsx';
import { useOutbox } from './use-outbox.ts';

/**
 * How soon the waiting writes are tried again while the browser says it is online: a connection
 * that has just come back often fails its first requests, so the first retries come quickly
 * (2 s, then doubling) and settle at every 20 seconds.
 */
const FIRST_RETRY_MS = 2_000;
const RETRY_MS = 20_000;

/**
 * The header's word on the outbox: "Luring" without a connection, how many writes wait and how
 * many need the operator. It also sends them: when the page opens, when the connection returns,
 * and again while some wait; what was sent is then read again.
 */
export function OutboxStatus() {
  const { t } = useTranslation();
  const online = useOnline();
  const { items, userId } = useOutbox();
  const client = useQueryClient();
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const waiting = items.filter((o) => o.state === 'waiting').length;
  const toCheck = items.length - waiting;
  useEffect(() => {
    if (!online || !userId || waiting === 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const send = (delay: number) =>
      void flush(userId)
        .catch(() => 0)
        .then((sent) => {
          if (sent > 0) void client.invalidateQueries();
          if (live) timer = setTimeout(() => send(Math.min(delay * 2, RETRY_MS)), delay);
        });
    send(FIRST_RETRY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [online, userId, waiting, client]);
  if (narrow) {
    // A phone's header has room for one mark: how many writes are kept (orange when one needs the
    // operator, grey without a connection), or "Luring" when none are.
    if (items.length === 0)
      return online ? null : (
        <Badge color="gray" variant="filled" size="sm" data-testid="offline-badge">
          {t('outbox.offline')}
        </Badge>
      );
    return (
      <Badge
        component={Link}
        to="/antrean"
        circle
        size="lg"
        color={toCheck > 0 ? 'orange' : online ? 'blue' : 'gray'}
        aria-label={[
          online ? '' : t('outbox.offline'),
          waiting ? t('outbox.waiting', { count: waiting }) : '',
          toCheck ? t('outbox.toCheck', { count: toCheck }) : '',
        ]
          .filter(Boolean)
          .join(', ')}
        style={{ flexShrink: 0 }}
        data-testid="outbox-count"
      >
        {items.length}
      </Badge>
    );
  }
  return (
    <Group gap={4} wrap="nowrap" data-testid="outbox-status">
      {!online && (
        <Tooltip label={t('outbox.offlineHelp')} multiline w={260}>
          <Badge color="gray" variant="filled" data-testid="offline-badge">
            {t('outbox.offline')}
          </Badge>
        </Tooltip>
      )}
      {waiting > 0 && (
        <Badge component={Link} to="/antrean" color="blue" variant="light" data-testid="outbox-waiting">
          {t('outbox.waiting', { count: waiting })}
        </Badge>
      )}
      {toCheck > 0 && (
        <Badge component={Link} to="/antrean" color="orange" variant="filled" data-testid="outbox-check">
          {t('outbox.toCheck', { count: toCheck })}
        </Badge>
      )}
    </Group>
  );
}
