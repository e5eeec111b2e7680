// McNemar's exact test, checked against independently computed p-values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mcnemarExact } from '../../../renderer/core/waves/waves';

describe('mcnemarExact', () => {
  it('matches exact binomial p-values computed independently', () => {
    // Hand: n = b + c, p = 2 * sum_{i<=min(b,c)} C(n,i) / 2^n. Also scipy.stats.binomtest(b, b + c).pvalue.
    expect(mcnemarExact(1, 6)).toBeCloseTo(0.125, 12); // 2 * (1 + 7) / 128
    expect(mcnemarExact(0, 5)).toBeCloseTo(0.0625, 12); // 2 * 1 / 32
    expect(mcnemarExact(2, 8)).toBeCloseTo(0.109375, 12); // 2 * (1 + 10 + 45) / 1024
    expect(mcnemarExact(10, 10)).toBe(1);
    expect(mcnemarExact(0, 0)).toBe(1);
    expect(mcnemarExact(7, 3)).toBeCloseTo(0.34375, 12); // 2 * (1 + 10 + 45 + 120) / 1024; scipy binomtest(7, 10)
    // 2 * (1 + 18 + 153 + 816) / 2^18 = 1976 / 262144 = 0.007537841796875; scipy binomtest(3, 18) gives the same.
    // (A figure of 0.0075531 has been quoted for R's binom.test(3, 18); at p = 1/2 R's two-sided rule is
    // this same doubled tail, so 0.0075378 is the value; 0.0075531 does not fit the hand sum.)
    expect(mcnemarExact(3, 15)).toBeCloseTo(0.007537841796875, 14);
    expect(mcnemarExact(15, 3)).toBeCloseTo(0.007537841796875, 14);
  });

  it('stays finite for large n', () => {
    // scipy.stats.binomtest(400, 900).pvalue = 0.0009564441369189373; exact rational (Python fractions): 0.000956444136918946
    const p = mcnemarExact(400, 500);
    expect(Number.isFinite(p)).toBe(true);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
    expect(p).toBeCloseTo(0.000956444136918946, 12);
    expect(mcnemarExact(2000, 2100)).toBeGreaterThan(0);
    expect(mcnemarExact(2000, 2100)).toBeLessThan(1);
    expect(mcnemarExact(1500, 1500)).toBe(1);
  });

  it('refuses counts that are not non-negative integers', () => {
    expect(() => mcnemarExact(-1, 2)).toThrow(RangeError);
    expect(() => mcnemarExact(1.5, 2)).toThrow(RangeError);
    expect(() => mcnemarExact(Number.NaN, 2)).toThrow(RangeError);
  });

  const count = fc.integer({ min: 0, max: 3000 });
  it('is symmetric in (b, c) and lies in [0, 1]', () => {
    fc.assert(
      fc.property(count, count, (b, c) => {
        const p = mcnemarExact(b, c);
        return p === mcnemarExact(c, b) && p >= 0 && p <= 1;
      }),
    );
  });

  it('does not increase as c grows beyond b with b fixed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }), (b, extra) => {
        const c = b + extra;
        return mcnemarExact(b, c + 1) <= mcnemarExact(b, c) * (1 + 1e-12);
      }),
    );
  });

  it('matches an exact BigInt computation for small n', () => {
    const exact = (b: number, c: number) => {
      const total = b + c;
      let sum = 0n;
      let choose = 1n;
      for (let i = 0; i <= Math.min(b, c); i += 1) {
        sum += choose;
        choose = (choose * BigInt(total - i)) / BigInt(i + 1);
      }
      // 2 * sum / 2^n, kept as an exact ratio until the last division
      const p = Number((2n * sum * 10n ** 18n) / (1n << BigInt(total))) / 1e18;
      return Math.min(1, p);
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        (b, c) => Math.abs(mcnemarExact(b, c) - exact(b, c)) < 1e-12,
      ),
    );
  });
});
