import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
} from '@mantine/core';
import type { NotificationList } from '@sinergi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post } from './api.ts';
import { formatDateTime } from './format.ts';
import { useNavigate } from './router.tsx';

const key = ['notifications'] as const;

/**
 * The bell: what started waiting for the account, newest first, unread in bold. Opening an item
 * marks it read and goes to its page. Looked at every 30 seconds while the app is open.
 */
export function Bell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [opened, setOpened] = useState(false);
  const list = useQuery({
    queryKey: key,
    queryFn: () => get<NotificationList>('/api/notifications'),
    refetchInterval: 30_000,
  });
  const read = useMutation({
    mutationFn: (id: string | null) =>
      post<NotificationList>(id ? `/api/notifications/${id}/read` : '/api/notifications/read'),
    onSuccess: (data) => client.setQueryData(key, data),
  });
  const unread = list.data?.unread ?? 0;
  return (
    <Popover opened={opened} onChange={setOpened} width={340} position="bottom-end" shadow="md">
      <Popover.Target>
        <Indicator label={unread} size={16} disabled={unread === 0} offset={4} color="red">
          <ActionIcon
            variant="subtle"
            size="lg"
            aria-label={`${t('home.bell')}${unread ? `, ${t('home.unread', { count: unread })}` : ''}`}
            onClick={() => {
              setOpened((o) => !o);
              void client.invalidateQueries({ queryKey: ['inbox'] });
            }}
            data-testid="bell"
          >
            <svg
              width="20"
              height="20"
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              aria-hidden="true"
            >
              <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
              <path d="M13.7 21a2 2 0 0 1-3.4 0" />
            </svg>
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown data-testid="notifications">
        <Group justify="space-between" mb="xs">
          <Text fw={700}>{t('home.bell')}</Text>
          {unread > 0 && (
            <Button size="compact-xs" variant="subtle" onClick={() => read.mutate(null)}>
              {t('home.markAllRead')}
            </Button>
          )}
        </Group>
        {!list.data?.items.length ? (
          <Text size="sm" c="dimmed">
            {t('home.noNotifications')}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={360}>
            <Stack gap="xs">
              {list.data.items.map((n) => (
                <Anchor
                  key={n.id}
                  component="button"
                  type="button"
                  ta="left"
                  c="inherit"
                  onClick={() => {
                    if (!n.readAt) read.mutate(n.id);
                    setOpened(false);
                    navigate(n.link);
                  }}
                >
                  <Text size="sm" fw={n.readAt ? 400 : 700}>
                    {n.text}
                  </Text>
                  {n.title && (
                    <Text size="xs" lineClamp={1}>
                      {n.title}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed">
                    {formatDateTime(n.createdAt)}
                  </Text>
                </Anchor>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
