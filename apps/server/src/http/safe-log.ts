import type { IncomingMessage } from 'node:http';
import type { FieldIssue } from '@sinergi/core';

/**
 * What a log may carry (issue 17): the method and the route of a request (`/api/people/:id`),
 * never the address as sent: its query string may carry a name or a search, and a hostile client
 * writes anything where an id belongs (the hostile-input run found its planted text in the log
 * 1,708 times through the path). Of an error, its type, the database's error code and
 * constraint, and the stack frames, never the message of a failed query (drizzle writes the bound
 * parameters into it: a resident's name, a password hash) nor the database's detail line
 * ("Key (nik)=(…) already exists").
 */
export function safeRequest(req: IncomingMessage & { routeOptions?: { url?: string } }) {
  return { method: req.method, route: req.routeOptions?.url ?? '(no route)' };
}

const sqlstate = /^[0-9A-Z]{5}$/;
type PgLike = { code: string; table?: string; constraint?: string; column?: string; routine?: string };
const isPg = (e: unknown): e is PgLike =>
  !!e &&
  typeof e === 'object' &&
  typeof (e as { code?: unknown }).code === 'string' &&
  sqlstate.test((e as { code: string }).code);

const frames = (stack: string | undefined) =>
  (stack ?? '')
    .split('\n')
    .filter((line) => line.startsWith('    at '))
    .slice(0, 12)
    .join('\n');

export function safeError(error: unknown) {
  if (!(error instanceof Error)) return { type: typeof error };
  const cause = (error as { cause?: unknown }).cause;
  const pg = isPg(error) ? error : isPg(cause) ? cause : null;
  const fromDatabase = pg !== null || error.name === 'DrizzleQueryError';
  return {
    type: error.name,
    message: fromDatabase ? 'database query failed' : error.message.split('\n')[0]!.slice(0, 200),
    ...(pg
      ? {
          sqlstate: pg.code,
          ...(pg.table ? { table: pg.table } : {}),
          ...(pg.constraint ? { constraint: pg.constraint } : {}),
          ...(pg.column ? { column: pg.column } : {}),
          ...(pg.routine ? { routine: pg.routine } : {}),
        }
      : {}),
    stack: frames(error.stack),
  };
}

/**
 * Text PostgreSQL cannot store: the NUL character. Every string (and key) of a request's body,
 * query and path is checked before validation, so it is refused as 400 naming the field instead of
 * failing in the database with a 500.
 */
export function unstorableText(
  value: unknown,
  path: string,
  out: FieldIssue[] = [],
  depth = 0,
): FieldIssue[] {
  if (out.length >= 20 || depth > 64) return out;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push({ field: path, issue: 'unstorable_character' });
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) unstorableText(v, `${path}.${i}`, out, depth + 1);
  } else if (value && typeof value === 'object' && !Buffer.isBuffer(value) && !(value instanceof Uint8Array))
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) out.push({ field: path, issue: 'unstorable_character' });
      else unstorableText(v, `${path}.${k}`, out, depth + 1);
    }
  return out;
}
