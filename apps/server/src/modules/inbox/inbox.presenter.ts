import type { WaitingGroup, WaitingKind } from '@sinergi/core';
import type { NotificationRow } from './inbox.repository.ts';
import { type Lang, waitingText } from './mail.ts';

/** The bell's answer: fields by name, dates as ISO strings. */
export function presentNotifications(d: { unread: number; items: readonly NotificationRow[] }, lang: Lang) {
  return {
    unread: d.unread,
    items: d.items.map((n) => ({
      id: n.id,
      kind: n.kind as WaitingKind,
      count: n.count,
      text: waitingText(n.kind as WaitingKind, n.count, lang),
      title: n.title,
      link: n.link,
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt?.toISOString() ?? null,
    })),
  };
}

/** What waits, kind by kind. */
export function presentInbox(groups: readonly WaitingGroup[], lang: Lang) {
  return {
    groups: groups.map((g) => ({
      kind: g.kind,
      text: waitingText(g.kind, g.total, lang),
      link: g.link,
      total: g.total,
      items: [...g.items],
    })),
  };
}
