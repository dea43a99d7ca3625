import type { Actor } from '@sinergi/core';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';

/** What every service gets: the database, the settings, a clock and a logger. Nothing else. */
export interface AppContext {
  readonly database: Database;
  readonly config: Config;
  readonly clock: () => Date;
  readonly log: Logger;
  /** The governments of the same installation this one reads; none unless served together. */
  readonly installation: InstallationLinks;
}

/**
 * A province and its kabupaten/kota served by one installation (installation/serve.ts fills it
 * in). Each keeps its own database; the province's Bappeda reads the plans of its kabupaten, and a
 * kabupaten reads its province's plans to link to, each through the other's own connections
 * (modules/plans/plans.province.ts). Nothing is written across.
 */
export interface InstallationLinks {
  province: LinkedGovernment | null;
  kabupaten: LinkedGovernment[];
  /** The installation itself, on its first government only (modules/installation). */
  admin: InstallationAdmin | null;
}

/** What the installation's page asks of the server that serves it (installation/serve.ts). */
export interface InstallationAdmin {
  /** Reads the list of governments again and serves those added since; resolves once they answer. */
  refresh(): Promise<void>;
  /** The context of a government this server serves, by its code. */
  government(code: string): AppContext | null;
}
export interface LinkedGovernment {
  readonly code: string;
  readonly ctx: AppContext;
}

/** The actor of a request with the name the audit log records. */
export interface Principal {
  readonly actor: Actor;
  readonly name: string;
}

export const systemPrincipal: Principal = {
  actor: { role: 'admin', userId: '00000000-0000-0000-0000-000000000000' },
  name: 'system',
};
