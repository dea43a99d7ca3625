import { describeIssues, errorMessage, issuesOf } from '@sinergi/contracts';
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
  // An empty field is "wajib diisi", whatever rule it then breaks (a number, a minimum length).
  const found = issuesOf('body', result.error).map((i) =>
    isEmpty(valueAt(body, i.field)) ? { ...i, issue: 'required', params: {} } : i,
  );
  const issues = describeIssues(lang, found);
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
