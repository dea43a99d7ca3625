/**
 * The largest and smallest of many numbers. `Math.max(...values)` passes every value as an
 * argument and overflows the call stack at a few hundred thousand (issue 17: a .pb file with
 * 300,000 ballots answered 500); these loop.
 */
export function largest(values: Iterable<number>, start = Number.NEGATIVE_INFINITY): number {
  let out = start;
  for (const v of values) if (v > out) out = v;
  return out;
}

export function smallest(values: Iterable<number>, start = Number.POSITIVE_INFINITY): number {
  let out = start;
  for (const v of values) if (v < out) out = v;
  return out;
}
