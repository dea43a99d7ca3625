import { describeIssue, errorMessage, issuesOf } from '@sinergi/contracts';
import i18next from 'i18next';
import { ApiError } from './api.ts';

interface Schema {
  safeParse(body: unknown): { success: true } | { success: false; error: { issues: readonly unknown[] } };
}

/**
 * Checks a form's body against the contract's schema (the one the server checks with) before it
 * is sent. A problem is thrown as the server would answer it, so the form shows "Pagu: wajib diisi"
 * under the field without a request; what passes is sent as it is, and the server checks again.
 */
export function checked<T>(schema: Schema, body: T): T {
  const result = schema.safeParse(body);
  if (result.success) return body;
  const lang = i18next.language === 'en' ? 'en' : 'id';
  const seen = new Set<string>();
  const issues = issuesOf('body', result.error)
    // An empty field is "wajib diisi", whatever rule it then breaks (a number, a minimum length).
    .map((i) => (isEmpty(valueAt(body, i.field)) ? { ...i, issue: 'required', params: {} } : i))
    .filter((i) => !seen.has(`${i.field} ${i.issue}`) && Boolean(seen.add(`${i.field} ${i.issue}`)))
    .map((i) => ({ field: i.field, issue: i.issue, message: describeIssue(lang, i) }));
  throw new ApiError(400, 'VALIDATION', errorMessage(lang, 'VALIDATION'), issues);
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
