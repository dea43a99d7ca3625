/**
 * Whether two JSON values are equal regardless of key order. PostgreSQL's jsonb does not keep the
 * order keys were written in, so a stored value and a new one are compared this way.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (!v || typeof v !== 'object') return v;
  return Object.fromEntries(
    Object.entries(v)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, x]) => [k, canonical(x)]),
  );
}

/**
 * A value as JSON carries it: JSON has no NaN or Infinity (a share over no one, the spread of one
 * value), so those become null, which is what JSON.stringify writes for them anyway, but now the
 * response schema can check it. The type stays T: the schema says which numbers may be null.
 */
export function withNullNumbers<T>(value: T): T {
  if (typeof value === 'number') return (Number.isFinite(value) ? value : null) as T;
  if (Array.isArray(value)) return value.map(withNullNumbers) as T;
  if (value && typeof value === 'object' && !(value instanceof Date))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withNullNumbers(v)])) as T;
  return value;
}
