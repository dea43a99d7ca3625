import type { Language } from '@sinergi/contracts';
import type { Permission, PUBLIC_ROUTE } from '@sinergi/core';
import type { Principal } from '../context.ts';
import type { ResolvedSession } from '../modules/auth/auth.service.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route. Every /api route must say; a route without it fails the start. */
    permission?: Permission | typeof PUBLIC_ROUTE;
  }
  interface FastifyRequest {
    lang: Language;
    session: ResolvedSession | null;
    principal: Principal;
  }
}
