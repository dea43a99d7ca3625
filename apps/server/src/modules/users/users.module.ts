import {
  createUserBody,
  updateUserBody,
  user,
  userList,
  userListQuery,
  userParams,
} from '@sinergi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import type { Module } from '../module.ts';
import { presentUser } from './users.presenter.ts';
import { seedDemoAccounts } from './users.seed.ts';
import * as service from './users.service.ts';
import { waitingInUsers } from './users.waiting.ts';

function routes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];
  const manage = { permission: 'users.manage' } as const;
  app.get(
    '/users',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Accounts, filtered',
        querystring: userListQuery,
        response: { 200: userList },
      },
    },
    async (request) => {
      const page = await service.findUsers(ctx, request.query);
      const now = ctx.clock();
      return { total: page.total, items: page.items.map((r) => presentUser(r, now)) };
    },
  );
  app.post(
    '/users',
    {
      config: manage,
      schema: { tags, summary: 'Create an account', body: createUserBody, response: { 201: user } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(presentUser(await service.createUser(ctx, request.principal, request.body), ctx.clock())),
  );
  app.get(
    '/users/:id',
    { config: manage, schema: { tags, summary: 'One account', params: userParams, response: { 200: user } } },
    async (request) => presentUser(await service.getUser(ctx, request.params.id), ctx.clock()),
  );
  app.patch(
    '/users/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change role, scope, name, status; unlock; reset password',
        params: userParams,
        body: updateUserBody,
        response: { 200: user },
      },
    },
    async (request) =>
      presentUser(
        await service.updateUser(ctx, request.principal, request.params.id, request.body),
        ctx.clock(),
      ),
  );
}

export const usersModule: Module = {
  name: 'users',
  routes,
  waiting: waitingInUsers,
  seed: async (ctx) => ({ accounts: await seedDemoAccounts(ctx) }),
};
