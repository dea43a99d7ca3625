import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * Every setting of the server, read from the environment once at start-up. Each variable is
 * documented in `.env.example`. A bad value stops the start with one message naming every bad
 * variable (Immich's getEnv() idea).
 */
const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

const envSchema = z.object({
  SINERGI_MODE: z.enum(['demo', 'production']).default('demo'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  /** Where the server writes backups an administrator asks for (Pekerjaan → Buat cadangan). */
  BACKUP_DIR: z.string().min(1).default('./backups'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /**
   * PostgreSQL connections each kabupaten of the installation may hold at once (one pool each):
   * an installation of 38 serves within the database's max_connections only with a small pool or
   * a pooler in front (docs/OPERATIONS.md).
   */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /**
   * PostgreSQL: the schema of this kabupaten's tables. Default public; another puts them in a
   * schema of their own with its own role (on Citus a distributed schema), as each kabupaten added
   * to an installation is (installation/tenants.ts).
   */
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a schema name of lower-case letters, digits and _')
    .default('public'),
  ACTIVE_KABUPATEN: z
    .string()
    .regex(/^\d{2}\.\d{2}$/, 'must be a kabupaten code such as 35.05')
    .default('35.05'),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  COOKIE_SECURE: bool,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  /**
   * The reverse proxies in front of Sinergi whose X-Forwarded-For is believed (comma-separated
   * addresses or CIDR ranges, e.g. "127.0.0.1"); rate limits then count each client's own address
   * instead of the proxy's. Empty: no proxy is trusted.
   */
  TRUST_PROXY: z.string().trim().default(''),
  JOB_WORKER: bool,
  /**
   * Reads kept in memory until a write changes what they were read from (http/read-cache.ts):
   * at most this many answers (0 turns the cache off) and this many megabytes of them.
   */
  READ_CACHE_ENTRIES: z.coerce.number().int().min(0).default(5000),
  READ_CACHE_MB: z.coerce.number().int().min(1).default(64),
  WEB_DIST_DIR: z.string().optional(),
  /** Outgoing mail (notifications, decisions on aspirations): smtp://user:pass@host:587; off when unset. */
  SMTP_URL: z
    .string()
    .regex(
      /^smtps?:\/\/[^\s]+$/,
      'must be an smtp:// or smtps:// address, e.g. smtp://user:secret@mail.example:587',
    )
    .optional(),
  MAIL_FROM: z.string().min(3).default('Sinergi <sinergi@localhost>'),
  /** The address people open Sinergi at, for links in e-mails; default http://HOST:PORT. */
  PUBLIC_URL: z.url().optional(),
  /** The hour (0..23, kabupaten time) daily digests go out, and the kabupaten's offset from UTC (WIB: 7). */
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  UTC_OFFSET_HOURS: z.coerce.number().int().min(-12).max(14).default(7),
  PERSONAL_DATA_KEY: z
    .string()
    .regex(
      /^[0-9a-fA-F]{64}$/,
      'must be 64 hexadecimal characters (32 bytes), e.g. from `openssl rand -hex 32`',
    )
    .optional(),
});

export type Env = Record<string, string | undefined>;

export interface Config {
  mode: 'demo' | 'production';
  host: string;
  port: number;
  dataDir: string;
  backupDir: string;
  databaseUrl: string | undefined;
  /**
   * PostgreSQL: the schema holding this kabupaten's tables; `public` for the installation's first
   * (ACTIVE_KABUPATEN), `kab_<code>` for each added later (installation/tenants.ts).
   */
  databaseSchema: string;
  databasePoolSize: number;
  activeKabupaten: string;
  sessionTtlHours: number;
  cookieSecure: boolean;
  logLevel: string;
  bodyLimitBytes: number;
  readCacheEntries: number;
  readCacheBytes: number;
  loginRateLimitPerMinute: number;
  /** Trusted reverse proxies (addresses or CIDR); empty trusts none. */
  trustProxy: string[];
  /** Whether this process claims and runs jobs from the jobs table. */
  jobWorker: boolean;
  webDistDir: string;
  /** Outgoing mail; null turns e-mail off (the bell still rings). */
  mail: { smtpUrl: string; from: string } | null;
  publicUrl: string;
  digestHour: number;
  utcOffsetHours: number;
  /**
   * Key for personal data (NIK, No. KK): encryption at rest and the keyed hash for exact lookup.
   * Required in production; the demo uses a published key, fit only for sample data.
   */
  personalDataKey: Buffer;
}

/** The demo's key: public, so nothing real may ever be stored under it. */
export const DEMO_PERSONAL_DATA_KEY = '5e1e6e91'.repeat(8);

export class ConfigError extends Error {}

export function loadConfig(env: Env = process.env): Config {
  const empty = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(empty);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.SINERGI_MODE === 'production' && !e.PERSONAL_DATA_KEY)
    throw new ConfigError(
      'Invalid environment:\n  PERSONAL_DATA_KEY: required in production (64 hexadecimal characters)',
    );
  return {
    mode: e.SINERGI_MODE,
    host: e.HOST,
    port: e.PORT,
    dataDir: resolve(e.DATA_DIR),
    backupDir: resolve(e.BACKUP_DIR),
    databaseUrl: e.DATABASE_URL,
    databaseSchema: e.DATABASE_SCHEMA,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    activeKabupaten: e.ACTIVE_KABUPATEN,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecure: e.COOKIE_SECURE ?? e.SINERGI_MODE === 'production',
    logLevel: e.LOG_LEVEL,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    readCacheEntries: e.READ_CACHE_ENTRIES,
    readCacheBytes: e.READ_CACHE_MB * 1024 * 1024,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    trustProxy: e.TRUST_PROXY.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    jobWorker: e.JOB_WORKER ?? true,
    mail: e.SMTP_URL ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM } : null,
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, ''),
    digestHour: e.DIGEST_HOUR,
    utcOffsetHours: e.UTC_OFFSET_HOURS,
    webDistDir: resolve(e.WEB_DIST_DIR ?? new URL('../../web/dist', import.meta.url).pathname),
    personalDataKey: Buffer.from(e.PERSONAL_DATA_KEY ?? DEMO_PERSONAL_DATA_KEY, 'hex'),
  };
}
