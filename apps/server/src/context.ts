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
