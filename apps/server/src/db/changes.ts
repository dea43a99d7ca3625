/**
 * Which tables changed, told by the database itself: every table has a statement-level trigger
 * that notifies the channel `sinergi_change` with its name, delivered when the transaction commits
 * (PostgreSQL folds repeats within one transaction into one). Whatever writes (a request, a job,
 * the CLI, another server on the same PostgreSQL) is heard, so a cache of reads (http/read-cache.ts)
 * can drop exactly what a write made stale.
 */
import pg from 'pg';

export const CHANGE_CHANNEL = 'sinergi_change';

/** The channel of one schema: public's, or a kabupaten's own (installation/tenants.ts). */
export const changeChannel = (schema: string) =>
  schema === 'public' ? CHANGE_CHANNEL : `${CHANGE_CHANNEL}_${schema}`;

/**
 * Creates the notifying function and the trigger on every table of the schema that has none yet;
 * run after each migration, so a table added later is covered without anyone remembering it. Each
 * kabupaten's schema has a function of its own, telling its own channel.
 */
export const ensureChangeTriggersSql = (schema: string) => `
create or replace function ${schema}.sinergi_notify_change() returns trigger language plpgsql as $$
begin
  perform pg_notify('${changeChannel(schema)}', tg_table_name);
  return null;
end $$;
do $$
declare t record;
begin
  for t in
    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = '${schema}' and c.relkind in ('r', 'p') and not c.relispartition
      and not exists (select 1 from pg_trigger g where g.tgrelid = c.oid and g.tgname = 'sinergi_change')
  loop
    execute format(
      'create trigger sinergi_change after insert or update or delete or truncate on ${schema}.%I '
      'for each statement execute function ${schema}.sinergi_notify_change()', t.relname);
  end loop;
end $$;`;

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

  emit(table: string): void {
    for (const listener of this.listeners) listener(table);
  }

  /** Connection lost: every listener hears `*` (everything may have changed unseen). */
  lost(): void {
    this.live = false;
    this.emit('*');
  }
}

/**
 * PostgreSQL: one connection of its own that LISTENs, reconnecting after a second when it drops
 * (a restart, a failover); the feed is not live in between.
 */
export async function listenPostgres(
  url: string,
  feed: ChangeFeed,
  channel = CHANGE_CHANNEL,
): Promise<{ close(): Promise<void> }> {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  const connect = async () => {
    const c = new pg.Client({ connectionString: url });
    c.on('error', () => dropped(c));
    c.on('end', () => dropped(c));
    c.on('notification', (message) => feed.emit(message.payload ?? '*'));
    try {
      await c.connect();
      await c.query(`listen ${channel}`);
      if (closed) return void (await c.end());
      client = c;
      feed.live = true;
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
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      feed.live = false;
      await client?.end().catch(() => undefined);
    },
  };
}
