/**
 * Which tables changed, told by the database itself: every table has a statement-level trigger
 * that notifies the channel `sinergi_change` with its name, delivered when the transaction commits
 * (PostgreSQL folds repeats within one transaction into one). Whatever writes (a request, a job,
 * the CLI, another server on the same PostgreSQL) is heard, so a cache of reads (http/read-cache.ts)
 * can drop exactly what a write made stale.
 */
import pg from 'pg';
import { outsideRequest } from './tables-read.ts';

export const CHANGE_CHANNEL = 'sinergi_change';

/** The channel of one schema: public's, or a kabupaten's own (installation/tenants.ts). */
export const changeChannel = (schema: string) =>
  schema === 'public' ? CHANGE_CHANNEL : `${CHANGE_CHANNEL}_${schema}`;

/**
 * Creates the notifying function and the trigger on every table of the schema that has none yet;
 * run after each migration, so a table added later is covered without anyone remembering it. Each
 * kabupaten's schema has a function of its own, telling its own channel. Each trigger is its own
 * statement: Citus puts a trigger on a distributed table's shard only when it is created so (not
 * from inside a function), and not one that fires on TRUNCATE, which Sinergi never runs. A bulk
 * load on Citus says `sinergi.bulk` (its COPY commits in two phases, which a NOTIFY forbids) and
 * tells everything changed once it has committed (db/client.ts).
 */
export async function ensureChangeTriggers(
  query: (text: string) => Promise<{ rows: unknown[] }>,
  schema: string,
  opts: { truncate: boolean } = { truncate: true },
): Promise<void> {
  await query(`create or replace function ${schema}.sinergi_notify_change() returns trigger language plpgsql as $$
begin
  if coalesce(current_setting('sinergi.bulk', true), '') <> 'on' then
    perform pg_notify('${changeChannel(schema)}', tg_table_name);
  end if;
  return null;
end $$`);
  const missing =
    await query(`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = '${schema}' and c.relkind in ('r', 'p') and not c.relispartition
      and not exists (select 1 from pg_trigger g where g.tgrelid = c.oid and g.tgname = 'sinergi_change')`);
  const events = `insert or update or delete${opts.truncate ? ' or truncate' : ''}`;
  for (const { name } of missing.rows as { name: string }[])
    await query(
      `create trigger sinergi_change after ${events} on ${schema}."${name}" ` +
        `for each statement execute function ${schema}.sinergi_notify_change()`,
    );
}

/** No table of Sinergi's ends in `_<digits>`; a Citus shard of one does (`settings_102028`). */
const shardSuffix = /_\d+$/;

export type ChangeListener = (table: string) => void;

/** Fans one stream of notifications out to listeners; `live` is false while nothing is heard. */
export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();
  /** Until the feed listens, and whenever its connection is lost, caches must not trust it. */
  live = false;

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Tells every listener, as work of no request: on PGlite a notice arrives inside the query that
   * wrote, so a listener's work (the installation re-reading its list of governments) was carried
   * along with that request and cancelled once its client had its answer and left.
   */
  emit(table: string): void {
    outsideRequest(() => {
      for (const listener of this.listeners) listener(table);
    });
  }

  /** Connection lost: every listener hears `*` (everything may have changed unseen). */
  lost(): void {
    this.live = false;
    this.emit('*');
  }
}

/**
 * PostgreSQL: one connection of its own that LISTENs, reconnecting after a second when it drops
 * (a restart, a failover); the feed is not live in between. On Citus a kabupaten's tables are on a
 * worker, whose triggers notify there: one connection to each node listens, and the feed is live
 * while all of them are.
 */
export async function listenPostgres(
  urls: string | readonly string[],
  feed: ChangeFeed,
  channel = CHANGE_CHANNEL,
): Promise<{ close(): Promise<void> }> {
  let listeners: Awaited<ReturnType<typeof listenOne>>[] = [];
  const updateLive = () => {
    feed.live = listeners.length > 0 && listeners.every((l) => l.connected());
  };
  listeners = await Promise.all(
    (typeof urls === 'string' ? [urls] : urls).map((url) => listenOne(url, feed, channel, updateLive)),
  );
  updateLive();
  return {
    async close() {
      await Promise.all(listeners.map((l) => l.close()));
      feed.live = false;
    },
  };
}

async function listenOne(url: string, feed: ChangeFeed, channel: string, changed: () => void) {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  const connect = async () => {
    const c = new pg.Client({ connectionString: url });
    c.on('error', () => dropped(c));
    c.on('end', () => dropped(c));
    // A Citus worker's trigger fires on the shard, named as its table with the shard's number.
    c.on('notification', (message) => feed.emit(message.payload?.replace(shardSuffix, '') ?? '*'));
    try {
      await c.connect();
      await c.query(`listen ${channel}`);
      if (closed) return void (await c.end());
      client = c;
      changed();
    } catch {
      dropped(c);
    }
  };
  const dropped = (c: pg.Client) => {
    if (client && client !== c) return;
    client = null;
    feed.lost();
    c.end().catch(() => undefined);
    if (!closed && !retry)
      retry = setTimeout(() => {
        retry = null;
        void connect();
      }, 1000);
  };
  await connect();
  return {
    connected: () => client !== null,
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
