import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type pino from 'pino';
import type { Config } from '../config.ts';
import type { AppContext, LinkedGovernment } from '../context.ts';
import { startKabupaten } from '../server.ts';
import { listTenants } from './installation.repository.ts';
import { hostName, inProvince, isProvince, tenantConfig } from './tenants.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Serves every kabupaten of the installation on one port. Each has its own app, database, caches,
 * job worker and notifier (server.ts startKabupaten); a request goes to the kabupaten whose host
 * name it was sent to, and any other host name to the installation's first (ACTIVE_KABUPATEN). An
 * installation of one kabupaten is served exactly as before: its app alone on the port.
 */
export async function serveInstallation(config: Config, log: pino.Logger) {
  const byHost = new Map<string, Handler>();
  let first: Handler | undefined;
  const home = await startKabupaten(config, log, (handler) => {
    first = handler;
    return createServer((req, res) => (byHost.get(hostName(req.headers.host)) ?? first!)(req, res));
  });
  const added: { app: FastifyInstance; ctx: AppContext; stop(): Promise<void> }[] = [];
  const stop = async () => {
    for (const kabupaten of added) await kabupaten.stop();
    await home.stop();
  };
  try {
    // A first kabupaten in a schema of its own (DATABASE_SCHEMA) cannot see the list: it is alone.
    const tenants = config.databaseSchema === 'public' ? await listTenants(home.ctx.database.db) : [];
    for (const tenant of tenants) {
      const kabupaten = await startKabupaten(
        tenantConfig(config, tenant),
        log.child({ kabupaten: tenant.code }),
        (handler): Server => {
          for (const host of tenant.hosts) byHost.set(hostName(host), handler);
          // Never listens: the installation's port hands it its requests.
          return createServer(handler);
        },
      );
      added.push(kabupaten);
      await kabupaten.app.ready();
    }
    linkGovernments([
      { code: config.activeKabupaten, ctx: home.ctx },
      ...tenants.map((t, i) => ({ code: t.code, ctx: added[i]!.ctx })),
    ]);
    await home.app.listen({ host: config.host, port: config.port });
    return {
      app: home.app,
      ctx: home.ctx,
      kabupaten: [config.activeKabupaten, ...tenants.map((t) => t.code)],
      /** Each added kabupaten's app and context, for tests and the installation's own reads. */
      added,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A province served here reads its kabupaten/kota served here, and each of them reads it. */
function linkGovernments(all: LinkedGovernment[]) {
  for (const province of all.filter((g) => isProvince(g.code))) {
    province.ctx.installation.kabupaten = all.filter((g) => inProvince(province.code, g.code));
    for (const kabupaten of province.ctx.installation.kabupaten)
      kabupaten.ctx.installation.province = province;
  }
}
