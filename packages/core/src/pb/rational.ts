/**
 * Exact non-negative rationals on bigint, for the voting rules: shares and loads are compared
 * exactly, so ties are ties and a threshold is met or not, never "nearly".
 */
export interface Q {
  readonly n: bigint;
  readonly d: bigint;
}

/** Numbers below this are left to Euclid's algorithm on bigint. */
const WIDE = 1n << 64n;

/**
 * Greatest common divisor. Exact Equal Shares reduces fractions whose terms run to a thousand bits
 * after a hundred rounds; there Euclid's algorithm takes some six hundred bigint divisions, so
 * Lehmer's algorithm (Knuth, TAOCP 4.5.2, Algorithm L) first finds the quotients from the leading
 * 48 bits in doubles (all exact below 2^53) and applies a run of them in one step.
 */
export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  if (x < y) {
    const t = x;
    x = y;
    y = t;
  }
  // One of Euclid's steps first: in Equal Shares a later round's denominator is most often a
  // multiple of an earlier one's (rho carries the budgets before it), and this division shows it.
  if (y >= WIDE) {
    const r = x % y;
    if (r === 0n) return y;
    x = y;
    y = r;
  }
  while (y >= WIDE) {
    const shift = BigInt(Math.max(0, bitLength(x) - 48));
    let xh = Number(x >> shift);
    let yh = Number(y >> shift);
    let A = 1;
    let B = 0;
    let C = 0;
    let D = 1;
    while (yh + C !== 0 && yh + D !== 0) {
      const quotient = Math.floor((xh + A) / (yh + C));
      if (quotient !== Math.floor((xh + B) / (yh + D))) break;
      let t = A - quotient * C;
      A = C;
      C = t;
      t = B - quotient * D;
      B = D;
      D = t;
      t = xh - quotient * yh;
      xh = yh;
      yh = t;
    }
    if (B === 0) {
      const r = x % y;
      x = y;
      y = r;
    } else {
      const nx = BigInt(A) * x + BigInt(B) * y;
      y = BigInt(C) * x + BigInt(D) * y;
      x = nx;
    }
  }
  // A temporary, not `[x, y] = [y, x % y]`: that made an array per step (a fifth of Equal Shares' time
  // went to collecting them).
  while (y) {
    const r = x % y;
    x = y;
    y = r;
  }
  return x;
}

/** Bits in a positive bigint (within one: the shift above only needs the leading 48 to fit). */
function bitLength(x: bigint): number {
  const f = Number(x);
  return Number.isFinite(f) ? Math.floor(Math.log2(f)) + 1 : x.toString(16).length * 4;
}

export function q(n: bigint | number, d: bigint | number = 1n): Q {
  let nn = BigInt(n);
  let dd = BigInt(d);
  if (dd === 0n) throw new RangeError('division by zero');
  if (dd < 0n) {
    nn = -nn;
    dd = -dd;
  }
  const g = gcd(nn, dd) || 1n;
  return { n: nn / g, d: dd / g };
}

export const ZERO = q(0);
/**
 * Sums and products of values in lowest terms stay in lowest terms with gcds of the smaller
 * numbers only (Knuth, TAOCP 4.5.1): the gcd of two large numbers was most of the time of exact
 * Equal Shares.
 */
function addScaled(a: Q, b: Q, sign: 1n | -1n): Q {
  const g1 = gcd(a.d, b.d);
  const t = a.n * (b.d / g1) + sign * b.n * (a.d / g1);
  if (t === 0n) return ZERO;
  if (g1 === 1n) return { n: t, d: a.d * b.d };
  const g2 = gcd(t, g1);
  return g2 === 1n ? { n: t, d: (a.d / g1) * b.d } : { n: t / g2, d: (a.d / g1) * (b.d / g2) };
}
export const add = (a: Q, b: Q): Q => addScaled(a, b, 1n);
export const sub = (a: Q, b: Q): Q => addScaled(a, b, -1n);
export const mul = (a: Q, b: Q): Q => {
  if (a.n === 0n || b.n === 0n) return ZERO;
  const g1 = gcd(a.n, b.d);
  const g2 = gcd(b.n, a.d);
  return { n: (a.n / g1) * (b.n / g2), d: (a.d / g2) * (b.d / g1) };
};
export const div = (a: Q, b: Q): Q => {
  if (b.n === 0n) throw new RangeError('division by zero');
  return mul(a, b.n < 0n ? { n: -b.d, d: -b.n } : { n: b.d, d: b.n });
};
export const cmp = (a: Q, b: Q) => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const min = (a: Q, b: Q) => (cmp(a, b) <= 0 ? a : b);
export const key = (a: Q) => `${a.n}/${a.d}`;
/**
 * A float close to the value, also when numerator and denominator are beyond a double's range
 * (budgets after many rounds of Equal Shares): both then lose the same number of low bits first.
 */
export function toNumber(a: Q): number {
  const x = Number(a.n) / Number(a.d);
  if (Number.isFinite(x)) return x;
  const bits = Math.max(a.n.toString(16).length, a.d.toString(16).length) * 4 - 960;
  const shift = BigInt(Math.max(bits, 0));
  return Number(a.n >> shift) / Number(a.d >> shift);
}

/**
 * The same operations without reducing by the gcd, for intermediate values that are only compared
 * or reduced once at the end (`norm`): reducing every step costs more than it saves.
 */
const mk = (n: bigint, d: bigint): Q => (d < 0n ? { n: -n, d: -d } : { n, d });
export const raw = {
  add: (a: Q, b: Q) => (a.d === b.d ? mk(a.n + b.n, a.d) : mk(a.n * b.d + b.n * a.d, a.d * b.d)),
  sub: (a: Q, b: Q) => (a.d === b.d ? mk(a.n - b.n, a.d) : mk(a.n * b.d - b.n * a.d, a.d * b.d)),
  mul: (a: Q, b: Q) => mk(a.n * b.n, a.d * b.d),
  div: (a: Q, b: Q) => mk(a.n * b.d, a.d * b.n),
};
export const norm = (a: Q): Q => q(a.n, a.d);
