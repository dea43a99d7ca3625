import { issuesOf } from '@sinergi/contracts';
import i18next from 'i18next';
import { ApiError } from './api.ts';

interface Schema {
  safeParse(body: unknown): { success: true } | { success: false; error: { issues: readonly unknown[] } };
}

/**
 * Checks a form's body against the contract's schema (the one the server checks with) before it
 * is sent. A body that fails is thrown as BodyRefused, which `asProblem` words as the server would
 * answer, so the form shows "Pagu: wajib diisi" under the field without a request; what passes is
 * sent as it is, and the server checks again.
 */
export function checked<T>(schema: Schema, body: T): T {
  const result = schema.safeParse(body);
  if (result.success) return body;
  // An empty field is "wajib diisi", whatever rule it then breaks (a number, a minimum length).
  throw new BodyRefused(
    issuesOf('body', result.error).map((i) =>
      isEmpty(valueAt(body, i.field)) ? { ...i, issue: 'required', params: {} } : i,
    ),
  );
}

/**
 * A body the contract refused in the browser. Its words are loaded when one is refused: the
 * messages of every field and rule in both languages (with the index schemes' indicator names) are
 * a fifth of a form page's script, and evaluating them held the page's first render (issue 18).
 */
export class BodyRefused extends Error {
  constructor(readonly found: ReturnType<typeof issuesOf>) {
    super('VALIDATION');
  }
}

/** What a form shows for what its action threw: the server's problem, or one worded here. */
export async function asProblem(e: unknown): Promise<ApiError> {
  if (e instanceof ApiError) return e;
  if (!(e instanceof BodyRefused)) return new ApiError(0, 'INTERNAL', String(e));
  const { describeIssues, errorMessage } = await import('./check-words.ts');
  const lang = i18next.language === 'en' ? 'en' : 'id';
  return new ApiError(400, 'VALIDATION', errorMessage(lang, 'VALIDATION'), describeIssues(lang, e.found));
}

function valueAt(body: unknown, field: string): unknown {
  let value: unknown = body;
  for (const part of field.split('.').slice(1))
    value = (value as Record<string, unknown> | undefined)?.[part];
  return value;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}
