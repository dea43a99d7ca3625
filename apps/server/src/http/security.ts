import { pickLanguage } from '@sinergi/contracts';
import { AppError, anonymous, assertCan, PUBLIC_ROUTE } from '@sinergi/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { type ResolvedSession, resolveSession } from '../modules/auth/auth.service.ts';

export const SESSION_COOKIE = 'sinergi_session';
export const LANG_COOKIE = 'sinergi_lang';
export const CSRF_HEADER = 'x-csrf-token';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes under these prefixes are served by plugins (the API docs UI) and need no permission entry. */
export const EXEMPT_PREFIXES = ['/api/docs'];

export function isApiRoute(url: string): boolean {
  return url.startsWith('/api/') && !EXEMPT_PREFIXES.some((p) => url.startsWith(p));
}

function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return request.headers['sec-fetch-site'] !== 'cross-site';
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/**
 * Deny by default, once, before any handler runs: resolve the session, pick the language, check
 * the route's permission and, for every state-changing request, the CSRF token bound to the
 * session (or, without a session, that the request comes from our own origin).
 */
export function registerSecurity(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('lang', 'id');
  app.decorateRequest('session', null);
  app.decorateRequest('principal', null as never);

  app.addHook('onRoute', (route) => {
    if (!isApiRoute(route.url)) return;
    const permission = route.config?.permission;
    if (!permission) throw new Error(`Route ${route.method} ${route.url} declares no permission`);
  });

  /** Admits the request with its session, or gives the error that refuses it. */
  const admit = (request: FastifyRequest, session: ResolvedSession | null): Error | undefined => {
    request.session = session;
    request.principal = session?.principal ?? { actor: anonymous, name: 'public' };
    request.lang = pickLanguage(
      request.headers['accept-language'],
      request.headers['x-language'],
      request.cookies[LANG_COOKIE],
      session?.info.user?.language,
    );
    const permission = request.routeOptions.config?.permission;
    if (!isApiRoute(request.routeOptions.url ?? '')) return undefined;
    if (!permission) return new AppError('NOT_FOUND');
    try {
      if (permission !== PUBLIC_ROUTE) assertCan(request.principal.actor, permission);
    } catch (error) {
      return error as Error;
    }
    if (!UNSAFE.has(request.method)) return undefined;
    if (session ? request.headers[CSRF_HEADER] !== session.csrfToken : !sameOrigin(request))
      return new AppError('CSRF');
    return undefined;
  };

  // In callback style: a request without a session (every public read) costs no promise.
  app.addHook('onRequest', (request, _reply, done) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return done(admit(request, null));
    resolveSession(ctx, token).then(
      (session) => done(admit(request, session)),
      (error: Error) => done(error),
    );
  });
}
