import type { FieldIssue } from '@sinergi/core';

/** The parts of a zod issue that Sinergi's field issues are made from. */
export interface ZodLikeIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  keys?: string[];
  values?: unknown[];
}

/** Turns one zod issue into our stable, language-free FieldIssue (used by the HTTP edge and by services). */
export function toFieldIssue(prefix: string, issue: ZodLikeIssue): FieldIssue {
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  // A custom message set in the schema ({ error: 'region_code' }) is our issue key.
  const custom = /^[a-z_]+$/.test(issue.message) ? issue.message : null;
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message))
    return { field: path, issue: 'required' };
  const params: Record<string, string | number> = {};
  if (issue.expected !== undefined) params.expected = String(issue.expected);
  if (typeof issue.minimum === 'number' || typeof issue.minimum === 'bigint')
    params.minimum = Number(issue.minimum);
  if (typeof issue.maximum === 'number' || typeof issue.maximum === 'bigint')
    params.maximum = Number(issue.maximum);
  if (issue.keys) params.keys = issue.keys.join(', ');
  if (issue.values) params.values = issue.values.map(String).join(', ');
  return { field: path, issue: custom ?? issue.code, params };
}
