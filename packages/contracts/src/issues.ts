import type { FieldIssue } from '@sinergi/core';

/** The parts of a zod issue that Sinergi's field issues are made from. */
export interface ZodLikeIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  origin?: string;
  inclusive?: boolean;
  format?: string;
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  keys?: string[];
  values?: unknown[];
}

/** zod's type names, as the plain issue a person reads ("harus angka", never "expected number"). */
const typeIssue: Record<string, string> = {
  number: 'not_a_number',
  int: 'not_whole',
  string: 'not_text',
  boolean: 'not_yes_no',
  array: 'not_a_list',
};

/** A limit so large it is JavaScript's, not the route's: say "too large", not 9007199254740991. */
const machineLimit = 2 ** 52;

/** The plain issue key for a zod issue: what is wrong in words, with the limit that matters. */
function plainIssue(issue: ZodLikeIssue): { key: string; params: Record<string, string | number> } {
  const origin = issue.origin ?? '';
  const limit = (v: unknown) => (typeof v === 'number' || typeof v === 'bigint' ? Number(v) : undefined);
  switch (issue.code) {
    case 'invalid_type':
      if (/received (undefined|null)$/.test(issue.message)) return { key: 'required', params: {} };
      return { key: typeIssue[String(issue.expected)] ?? 'invalid_type', params: {} };
    case 'too_small': {
      const minimum = limit(issue.minimum) ?? 0;
      if (origin === 'string')
        return minimum <= 1
          ? { key: 'required', params: {} }
          : { key: 'too_short_text', params: { minimum } };
      if (origin === 'array' || origin === 'set') return { key: 'too_few', params: { minimum } };
      if (issue.inclusive === false)
        return minimum === 0 ? { key: 'positive', params: {} } : { key: 'more_than', params: { minimum } };
      return { key: 'too_small', params: { minimum } };
    }
    case 'too_big': {
      const maximum = limit(issue.maximum) ?? 0;
      if (origin === 'string') return { key: 'too_long_text', params: { maximum } };
      if (origin === 'array' || origin === 'set') return { key: 'too_many', params: { maximum } };
      if (maximum >= machineLimit) return { key: 'number_too_big', params: {} };
      return { key: 'too_big', params: { maximum } };
    }
    case 'invalid_format':
      if (issue.format === 'uuid' || issue.format === 'guid') return { key: 'invalid_reference', params: {} };
      if (issue.format === 'email') return { key: 'email', params: {} };
      return { key: 'invalid_format', params: {} };
    case 'unrecognized_keys':
      return { key: 'unrecognized_keys', params: { keys: (issue.keys ?? []).join(', ') } };
    case 'invalid_value':
    case 'invalid_union':
      return { key: 'invalid_value', params: {} };
    case 'invalid_key':
      return { key: 'invalid_key', params: {} };
    case 'not_multiple_of':
      return { key: 'not_whole', params: {} };
    default:
      return { key: 'custom', params: {} };
  }
}

/** Turns one zod issue into our stable, language-free FieldIssue (used by the HTTP edge and by services). */
export function toFieldIssue(prefix: string, issue: ZodLikeIssue): FieldIssue {
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  // A custom message set in the schema ({ error: 'region_code' }) is our issue key.
  const custom = /^[a-z_]+$/.test(issue.message) ? issue.message : null;
  if (custom)
    return {
      field: path,
      issue: custom,
      params: ((issue as { params?: Record<string, string | number> }).params ?? {}) as Record<
        string,
        string | number
      >,
    };
  const { key, params } = plainIssue(issue);
  return { field: path, issue: key, params };
}

/**
 * The problems a schema finds in a form, as the server would name them: used by the browser to
 * name a problem before anything is sent, with the same labels and words as the server's answer.
 */
export function issuesOf(prefix: string, error: { issues: readonly unknown[] }): FieldIssue[] {
  return error.issues.map((i) => toFieldIssue(prefix, i as ZodLikeIssue));
}
