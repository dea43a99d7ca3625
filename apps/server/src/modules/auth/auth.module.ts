import { changePasswordBody, loginBody, okResponse, sessionInfo } from '@sinergi/contracts';
import { anonymous } from '@sinergi/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { LANG_COOKIE, SESSION_COOKIE } from '../../http/security.ts';
import type { Module } from '../module.ts';
import { changePassword, login, logout, resolveSession, sessionInfoFor } from './auth.service.ts';

function routes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: ctx.config.cookieSecure,
    path: '/',
  };
  const clear = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, cookieOptions);

  app.get(
    '/auth/session',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Who is signed in, their permissions and CSRF token',
        response: { 200: sessionInfo },
      },
    },
    async (request) => request.session?.info ?? sessionInfoFor(ctx.config, anonymous, null, null),
  );
  app.post(
    '/auth/login',
    {
      config: {
        permission: 'public',
        rateLimit: { max: ctx.config.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: 'Sign in; sets an HttpOnly session cookie',
        body: loginBody,
        response: { 200: sessionInfo },
      },
    },
    async (request, reply) => {
      const { token, expiresAt } = await login(ctx, request.body);
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, expires: expiresAt });
      const session = await resolveSession(ctx, token);
      return session!.info;
    },
  );
  app.post(
    '/auth/logout',
    {
      config: { permission: 'account.self' },
      schema: { tags, summary: 'Sign out and end the session', response: { 200: okResponse } },
    },
    async (request, reply) => {
      await logout(ctx, request.session!);
      clear(reply);
      return { ok: true as const };
    },
  );
  app.post(
    '/auth/password',
    {
      // Guessing the current password here is limited like signing in.
      config: {
        permission: 'account.self',
        rateLimit: { max: ctx.config.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: 'Change your own password (ends your other sessions)',
        body: changePasswordBody,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      await changePassword(ctx, request.session!, request.body);
      return { ok: true as const };
    },
  );
  app.post(
    '/auth/language',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Choose the language of messages (id or en)',
        body: z.strictObject({ language: z.enum(['id', 'en']) }),
        response: { 200: okResponse },
      },
    },
    async (request, reply) => {
      reply.setCookie(LANG_COOKIE, request.body.language, {
        sameSite: 'strict',
        path: '/',
        maxAge: 31_536_000,
      });
      return { ok: true as const };
    },
  );
}

export const authModule: Module = { name: 'auth', routes };
