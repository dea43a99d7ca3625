import {
  inbox,
  markReadBody,
  notificationList,
  notificationParams,
  notificationSettings,
  notificationSettingsBody,
} from '@sinergi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { languageOf } from '../../http/problem.ts';
import type { Module } from '../module.ts';
import { presentInbox, presentNotifications } from './inbox.presenter.ts';
import * as service from './inbox.service.ts';

/**
 * What waits for each account (the home page) and the bell (issue 19). The lists come from every
 * module's `waiting`, handed in by the module list, so this module imports none of them.
 */
export function inboxModule(sources: () => readonly service.WaitingSource[]): Module {
  const routes = (fastify: FastifyInstance, ctx: AppContext) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['inbox'];
    const own = { permission: 'account.self' } as const;
    app.get(
      '/inbox',
      {
        config: own,
        schema: { tags, summary: 'What waits for the signed-in account, by kind', response: { 200: inbox } },
      },
      async (request) =>
        presentInbox(await service.inboxOf(ctx, request.principal, sources()), languageOf(request)),
    );
    app.get(
      '/notifications',
      {
        config: own,
        schema: {
          tags,
          summary: 'The latest notifications and the unread count',
          response: { 200: notificationList },
        },
      },
      async (request) =>
        presentNotifications(await service.listNotifications(ctx, request.principal), languageOf(request)),
    );
    app.post(
      '/notifications/read',
      {
        config: own,
        schema: {
          tags,
          summary: 'Mark every notification read',
          body: markReadBody,
          response: { 200: notificationList },
        },
      },
      async (request) =>
        presentNotifications(
          await service.readNotifications(ctx, request.principal, null),
          languageOf(request),
        ),
    );
    app.post(
      '/notifications/:id/read',
      {
        config: own,
        schema: {
          tags,
          summary: 'Mark one notification read',
          params: notificationParams,
          response: { 200: notificationList },
        },
      },
      async (request) =>
        presentNotifications(
          await service.readNotifications(ctx, request.principal, request.params.id),
          languageOf(request),
        ),
    );
    app.get(
      '/notifications/settings',
      {
        config: own,
        schema: { tags, summary: 'How the account hears by e-mail', response: { 200: notificationSettings } },
      },
      async (request) => service.getSettings(ctx, request.principal),
    );
    app.put(
      '/notifications/settings',
      {
        config: own,
        schema: {
          tags,
          summary: 'Set the e-mail address and mode (off, each, daily digest)',
          body: notificationSettingsBody,
          response: { 200: notificationSettings },
        },
      },
      async (request) => service.saveSettings(ctx, request.principal, request.body),
    );
  };
  return { name: 'inbox', routes };
}
