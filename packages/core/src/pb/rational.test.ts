import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, gcd, q, sub } from './rational.ts';

/** Euclid's algorithm as written in any textbook: what Lehmer's must agree with. */
function euclid(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y) {
    const r = x % y;
    x = y;
    y = r;
  }
  return x;
}

const wide = (bits: number) => fc.bigInt({ min: -(1n << BigInt(bits)), max: 1n << BigInt(bits) });

describe('exact rationals', () => {
  it('gcd agrees with Euclid on numbers of up to two thousand bits with a large common factor', () => {
    fc.assert(
      fc.property(wide(2000), wide(2000), fc.bigInt({ min: 1n, max: 1n << 600n }), (a, b, g) => {
        expect(gcd(a * g, b * g)).toBe(euclid(a * g, b * g));
        expect(gcd(a, b)).toBe(euclid(a, b));
      }),
      { numRuns: 300 },
    );
  });

  it('gcd of neighbours, of a number and itself, and with zero', () => {
    const big = (1n << 1000n) + 12345n;
    expect(gcd(big, big + 1n)).toBe(1n);
    expect(gcd(big, big)).toBe(big);
    expect(gcd(big, 0n)).toBe(big);
    expect(gcd(0n, -big)).toBe(big);
    // Consecutive Fibonacci numbers: the most quotients of one, Euclid's slowest case.
    let [f0, f1] = [0n, 1n];
    for (let i = 0; i < 1500; i++) [f0, f1] = [f1, f0 + f1];
    expect(gcd(f1, f0)).toBe(1n);
    expect(gcd(f1 * big, f0 * big)).toBe(big);
  });

  it('sums and differences stay in lowest terms when one denominator divides the other', () => {
    fc.assert(
      fc.property(
        wide(400),
        fc.bigInt({ min: 1n, max: 1n << 400n }),
        wide(400),
        fc.bigInt({ min: 1n, max: 1n << 80n }),
        (n1, d1, n2, k) => {
          const a = q(n1, d1);
          const b = q(n2, d1 * k);
          for (const r of [add(a, b), sub(a, b), add(b, a), sub(b, a)]) {
            expect(euclid(r.n, r.d)).toBe(1n);
            expect(r.d > 0n).toBe(true);
          }
          // a + b - b is a again.
          expect(sub(add(a, b), b)).toEqual(a);
        },
      ),
      { numRuns: 300 },
    );
  });
});
