import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type pino from 'pino';
import type { Config } from '../config.ts';
import type { AppContext, LinkedGovernment } from '../context.ts';
import { startKabupaten } from '../server.ts';
import { INSTALLATION_CHANGED, listTenants, type TenantRow } from './installation.repository.ts';
import { hostName, inProvince, isProvince, tenantConfig } from './tenants.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
interface Served {
  code: string;
  app: FastifyInstance;
  ctx: AppContext;
  handler: Handler;
  hosts: string[];
  stop(): Promise<void>;
}

/**
 * Serves every kabupaten of the installation on one port. Each has its own app, database, caches,
 * job worker and notifier (server.ts startKabupaten); a request goes to the kabupaten whose host
 * name it was sent to, and any other host name to the installation's first (ACTIVE_KABUPATEN). An
 * installation of one kabupaten is served exactly as before: its app alone on the port.
 *
 * A government added while it runs (the installation's page, or `sinergi kabupaten add` beside
 * it) is served without a restart: the list's change is told on the first government's change
 * channel, heard by every server of the installation, and each starts serving it.
 */
export async function serveInstallation(config: Config, log: pino.Logger) {
  const byHost = new Map<string, Handler>();
  let first: Handler | undefined;
  const home = await startKabupaten(config, log, (handler) => {
    first = handler;
    return createServer((req, res) => (byHost.get(hostName(req.headers.host)) ?? first!)(req, res));
  });
  const added = new Map<string, Served>();
  // A first kabupaten in a schema of its own (DATABASE_SCHEMA) cannot see the list: it is alone.
  const listed = async () => (config.databaseSchema === 'public' ? listTenants(home.ctx.database.db) : []);

  const serve = async (tenant: TenantRow): Promise<Served> => {
    let handler: Handler | undefined;
    const started = await startKabupaten(
      tenantConfig(config, tenant),
      log.child({ kabupaten: tenant.code }),
      (h): Server => {
        handler = h;
        // Never listens: the installation's port hands it its requests.
        return createServer(h);
      },
    );
    await started.app.ready();
    return { code: tenant.code, ...started, handler: handler!, hosts: [] };
  };

  /** Serves what the list holds: each government not served yet, and each one's host names now. */
  const sync = async () => {
    for (const tenant of await listed()) {
      let served = added.get(tenant.code);
      if (!served) {
        served = await serve(tenant);
        added.set(tenant.code, served);
      }
      for (const host of served.hosts) if (byHost.get(host) === served.handler) byHost.delete(host);
      served.hosts = tenant.hosts.map(hostName);
      for (const host of served.hosts) byHost.set(host, served.handler);
    }
    linkGovernments([
      { code: config.activeKabupaten, ctx: home.ctx },
      ...[...added.values()].map((s) => ({ code: s.code, ctx: s.ctx })),
    ]);
  };
  // One refresh at a time; a refresh asked for meanwhile runs after it.
  let refreshing: Promise<void> = Promise.resolve();
  let stopped = false;
  const refresh = () => {
    refreshing = refreshing.catch(() => undefined).then(() => (stopped ? undefined : sync()));
    return refreshing;
  };
  const unsubscribe = home.ctx.database.changes.subscribe((table) => {
    if (table !== INSTALLATION_CHANGED && table !== '*') return;
    refresh().catch((error: unknown) => log.error({ err: error }, 'installation refresh failed'));
  });
  home.ctx.installation.admin = {
    refresh,
    government: (code) => (code === config.activeKabupaten ? home.ctx : (added.get(code)?.ctx ?? null)),
  };
  const stop = async () => {
    stopped = true;
    unsubscribe();
    await refreshing.catch(() => undefined);
    for (const kabupaten of added.values()) await kabupaten.stop();
    await home.stop();
  };
  try {
    await refresh();
    await home.app.listen({ host: config.host, port: config.port });
    return {
      app: home.app,
      ctx: home.ctx,
      kabupaten: [config.activeKabupaten, ...added.keys()],
      /** Each added kabupaten's app and context, for tests and the installation's own reads. */
      get added() {
        return [...added.values()];
      },
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
