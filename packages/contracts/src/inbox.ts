import { emailModes, waitingKinds } from '@sinergi/core';
import { z } from 'zod';

/** What waits for the signed-in account, by kind (issue 19): the home page's lists. */
export const waitingKind = z.enum(waitingKinds);
export const waitingItem = z.object({ key: z.string(), title: z.string(), link: z.string() });
export const waitingGroup = z
  .object({
    kind: waitingKind,
    /** What waits, in the request's language ("3 isian IDM menunggu verifikasi"). */
    text: z.string(),
    link: z.string(),
    total: z.number().int(),
    items: z.array(waitingItem),
  })
  .meta({ id: 'WaitingGroup' });
export const inbox = z.object({ groups: z.array(waitingGroup) }).meta({ id: 'Inbox' });

/** One notification of the bell: what started waiting, how many, where to go. */
export const notification = z
  .object({
    id: z.string(),
    kind: waitingKind,
    count: z.number().int(),
    text: z.string(),
    /** The item's title when the notification is about one item. */
    title: z.string().nullable(),
    link: z.string(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });
export const notificationList = z.object({ unread: z.number().int(), items: z.array(notification) });
export const notificationParams = z.strictObject({ id: z.uuid() });
export const markReadBody = z.strictObject({ all: z.boolean().optional() });

export const emailMode = z.enum(emailModes);
export const notificationSettings = z
  .object({ email: z.string().nullable(), emailMode, mailEnabled: z.boolean() })
  .meta({ id: 'NotificationSettings' });
export const notificationSettingsBody = z.strictObject({
  email: z.union([z.literal(''), z.email().max(200)]).nullable(),
  emailMode,
});

export type Inbox = z.infer<typeof inbox>;
export type WaitingGroupView = z.infer<typeof waitingGroup>;
export type NotificationList = z.infer<typeof notificationList>;
export type NotificationSettings = z.infer<typeof notificationSettings>;
