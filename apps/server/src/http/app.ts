import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { errorMessage, pickLanguage } from '@sinergi/contracts';
import { AppError } from '@sinergi/core';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerFactory } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { isClientGone } from '../db/tables-read.ts';
import { modules } from '../modules/index.ts';
import { registerIdempotency } from './idempotency.ts';
import { type Door, keptDoor, serverWithDoor } from './kept-door.ts';
import { problemBody, sendProblem, toAppError } from './problem.ts';
import { registerReadCache } from './read-cache.ts';
import { RequestLog } from './request-log.ts';
import { unstorableText } from './safe-log.ts';
import { registerSecurity } from './security.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { registerWeb } from './web.ts';
import './types.ts';

export type App = FastifyInstance;

export interface RouteEntry {
  method: string;
  url: string;
  permission: string;
}

/** Builds the HTTP app: security, error mapping, API docs, every module's routes, and the web app. */
export async function buildApp(
  ctx: AppContext,
  options: { serverFactory?: FastifyServerFactory } = {},
): Promise<{ app: FastifyInstance; routeTable: RouteEntry[] }> {
  const requestLog = new RequestLog(ctx.log as FastifyBaseLogger);
  let door: Door | null = null;
  const app = Fastify({
    // Kept public answers are sent at the door, before the app (http/kept-door.ts). Several
    // kabupaten of one installation answer on one port, each app given its requests by host name
    // (installation/serve.ts).
    serverFactory: serverWithDoor(() => door, options.serverFactory),
    loggerInstance: ctx.log as FastifyBaseLogger,
    bodyLimit: ctx.config.bodyLimitBytes,
    logController: requestLog,
    // Behind the configured proxies the client's own address is read from X-Forwarded-For, so a
    // rate limit counts each person, not the proxy (TRUST_PROXY).
    trustProxy: ctx.config.trustProxy.length ? ctx.config.trustProxy : false,
    // Errors Node's parser meets before a request exists (headers too large, a broken request line)
    // are answered as problem+json too, in Indonesian since no language could be read.
    // Errors the router meets before a route runs (an address part too long or malformed).
    frameworkErrors: (error, request, reply) => {
      request.lang = pickLanguage(request.headers['accept-language'], request.headers['x-language']);
      const code = (error as { code?: string }).code;
      const appError =
        code === 'FST_ERR_MAX_PARAM_LENGTH'
          ? new AppError('URI_TOO_LONG')
          : code === 'FST_ERR_BAD_URL'
            ? new AppError('NOT_FOUND')
            : toAppError(error, request, ctx.config.bodyLimitBytes);
      return sendProblem(reply, request, appError);
    },
    clientErrorHandler: (error: Error & { code?: string }, socket) => {
      if (!socket.writable) return;
      const code = error.code === 'HPE_HEADER_OVERFLOW' ? 'HEADERS_TOO_LARGE' : 'MALFORMED_BODY';
      const problem = problemBody(code, errorMessage('id', code));
      const body = JSON.stringify(problem);
      socket.end(
        `HTTP/1.1 ${problem.status} ${problem.status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
          `Content-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
          `Connection: close\r\n\r\n${body}`,
      );
    },
  });
  // The reads counted since the last tally are written as the app closes.
  app.addHook('onClose', async () => requestLog.flush());
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const routeTable: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD' || !route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) continue;
      routeTable.push({ method, url: route.url, permission: String(route.config?.permission ?? '') });
    }
  });

  await app.register(fastifyCookie);
  const apiHeaders = registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(fastifyRateLimit, {
    global: false,
    // A signed-in person is counted as their account, anyone else by their address (the client's
    // own behind a TRUST_PROXY): one office behind a shared address does not block its colleagues,
    // and a session moving between addresses is still one count.
    keyGenerator: (request) => {
      const userId = request.session?.principal.actor.userId;
      return userId ? `account:${userId}` : `address:${request.ip}`;
    },
    errorResponseBuilder: (_request, context) =>
      new AppError('RATE_LIMITED', { details: { seconds: Math.ceil(context.ttl / 1000) } }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Sinergi API',
        description: 'Development planning, budgeting and monitoring for an Indonesian kabupaten.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sinergi_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
    // The schemas named in the contracts (.meta({ id })) become components, so every $ref resolves.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // Text the database cannot store (NUL) is refused as 400 naming the field, before validation.
  app.addHook('preValidation', async (request) => {
    const issues = [
      ...unstorableText(request.params, 'params'),
      ...unstorableText(request.query, 'query'),
      ...unstorableText(request.body, 'body'),
    ];
    if (issues.length) throw new AppError('VALIDATION', { issues });
  });

  app.setErrorHandler((error, request, reply) => {
    // Its client left before the answer: the work stopped at its next query, nothing to answer.
    if (isClientGone(error)) return reply.code(499).send();
    const appError = toAppError(error, request, ctx.config.bodyLimitBytes);
    if (appError.code === 'INTERNAL') request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, request, appError);
  });

  registerSecurity(app, ctx);
  registerIdempotency(app, ctx);
  const cache = registerReadCache(app, ctx);
  if (ctx.config.readCacheEntries && !ctx.log.isLevelEnabled('debug')) {
    let open = true;
    app.addHook('preClose', (done) => {
      open = false;
      done();
    });
    door = keptDoor({
      cache,
      apiHeaders,
      clock: () => ctx.clock(),
      open: () => open,
      count: (route, status, ms) => requestLog.countRead('GET', route, status, ms, true),
    });
  }

  app.get(
    '/api/openapi.json',
    { config: { permission: 'public' }, schema: { tags: ['system'], summary: 'This OpenAPI document' } },
    async () => app.swagger(),
  );
  for (const module of modules) await app.register((scope) => module.routes(scope, ctx), { prefix: '/api' });

  await registerWeb(app, ctx);
  return { app, routeTable };
}
