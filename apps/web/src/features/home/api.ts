import type { Inbox, NotificationSettings } from '@sinergi/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, get } from '../../app/api.ts';

export const inboxKeys = {
  inbox: ['inbox'] as const,
  settings: ['notifications', 'settings'] as const,
};

/** What waits for the signed-in account. */
export const useInbox = () =>
  useQuery({ queryKey: inboxKeys.inbox, queryFn: () => get<Inbox>('/api/inbox') });

export const useNotificationSettings = () =>
  useQuery({
    queryKey: inboxKeys.settings,
    queryFn: () => get<NotificationSettings>('/api/notifications/settings'),
  });

export const saveNotificationSettings = (body: { email: string | null; emailMode: string }) =>
  api<NotificationSettings>('PUT', '/api/notifications/settings', body);
