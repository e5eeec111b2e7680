// The survey statistics checked against published values and against brute force written here,
// independently of the dynamic programme and the log-space sums in stats.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fisherExact, wilcoxonSignedRankExact, WILCOXON_EXACT_MAX_N } from '../../../../renderer/core/surveys/stats';

/** Every one of the 2^n sign assignments, counted: the textbook definition of the exact test. */
function bruteWilcoxon(differences: readonly number[]): { n: number; wPlus: number; p: number } {
  const d = differences.filter((x) => x !== 0);
  const n = d.length;
  // Average ranks the slow way: 1 + how many are smaller + (how many others are equal)/2.
  const ranks = d.map((x) => {
    const smaller = d.filter((y) => Math.abs(y) < Math.abs(x)).length;
    const equal = d.filter((y) => Math.abs(y) === Math.abs(x)).length;
    return smaller + (equal + 1) / 2;
  });
  const wPlus = ranks.reduce((sum, r, i) => (d[i]! > 0 ? sum + r : sum), 0);
  let low = 0;
  let high = 0;
  for (let mask = 0; mask < 1 << n; mask += 1) {
    let w = 0;
    for (let i = 0; i < n; i += 1) if (mask & (1 << i)) w += ranks[i]!;
    if (w <= wPlus + 1e-9) low += 1;
    if (w >= wPlus - 1e-9) high += 1;
  }
  return { n, wPlus, p: n === 0 ? 1 : Math.min(1, (2 * Math.min(low, high)) / 2 ** n) };
}

const binomial = (n: number, k: number): bigint => {
  let out = 1n;
  for (let i = 1; i <= k; i += 1) out = (out * BigInt(n - k + i)) / BigInt(i);
  return out;
};

/** Fisher's two-sided p in exact rationals: the tables no more likely than the observed one. */
function bruteFisher(a: number, b: number, c: number, d: number): number {
  const row1 = a + b;
  const row2 = c + d;
  const col1 = a + c;
  const weight = (x: number) => binomial(row1, x) * binomial(row2, col1 - x);
  const observed = weight(a);
  let tail = 0n;
  for (let x = Math.max(0, col1 - row2); x <= Math.min(row1, col1); x += 1) if (weight(x) <= observed) tail += weight(x);
  const total = binomial(row1 + row2, col1);
  return Number((tail * 10n ** 15n) / total) / 1e15;
}

describe('wilcoxonSignedRankExact', () => {
  it('matches R: Hollander & Wolfe (1973) p. 29, the example of ?wilcox.test', () => {
    // wilcox.test(x, y, paired = TRUE, alternative = "greater"): V = 40, p = 0.01953 (= 10/512);
    // two-sided 0.0390625 (also scipy.stats.wilcoxon).
    const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
    const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
    const result = wilcoxonSignedRankExact(x.map((v, i) => v - y[i]!));
    expect(result).toEqual({ n: 9, wPlus: 40, wMinus: 5, p: expect.closeTo(0.0390625, 14) as number, method: 'exact' });
  });

  it("matches scipy's documented example: Darwin's Zea mays differences", () => {
    // scipy.stats.wilcoxon documentation: statistic 24.0, pvalue 0.041259765625 (= 1352/32768).
    const d = [6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75];
    const result = wilcoxonSignedRankExact(d);
    expect(result.wMinus).toBe(24);
    expect(result.wPlus).toBe(96);
    expect(result.p).toBeCloseTo(0.041259765625, 14);
    expect(result.method).toBe('exact');
  });

  it('drops zero differences and gives tied values their average rank', () => {
    // Worked by hand: 10 pairs, one zero, |d| = 5 twice (ranks 1.5 and 1.5).
    const d = [15, -7, 5, 20, 0, -9, 17, -12, 5, -10];
    const result = wilcoxonSignedRankExact(d);
    expect(result.n).toBe(9);
    expect(result.wPlus).toBe(27); // 1.5 + 1.5 + 7 + 8 + 9
    expect(result.wMinus).toBe(18); // 3 + 4 + 5 + 6
    expect(result.p).toBeCloseTo(bruteWilcoxon(d).p, 14);
  });

  it('gives p = 1 with no non-zero differences and caps p at 1', () => {
    expect(wilcoxonSignedRankExact([])).toEqual({ n: 0, wPlus: 0, wMinus: 0, p: 1, method: 'exact' });
    expect(wilcoxonSignedRankExact([0, 0]).p).toBe(1);
    expect(wilcoxonSignedRankExact([1, -1]).p).toBe(1);
    // One pair, n = 1: both tails hold 1/2, doubled = 1.
    expect(wilcoxonSignedRankExact([3]).p).toBe(1);
    // All five positive: 2 / 32.
    expect(wilcoxonSignedRankExact([1, 2, 3, 4, 5]).p).toBeCloseTo(0.0625, 14);
  });

  it('is exact up to the limit and uses the normal approximation above it', () => {
    const d = Array.from({ length: WILCOXON_EXACT_MAX_N }, (_, i) => (i % 3 === 0 ? -1 : 1) * (i + 1));
    const exact = wilcoxonSignedRankExact(d);
    expect(exact.method).toBe('exact');
    expect(exact.p).toBeGreaterThan(0);
    expect(exact.p).toBeLessThan(1);
    expect(wilcoxonSignedRankExact([...d, 1000]).method).toBe('normal');
  });

  it('matches scipy.stats.wilcoxon(method="approx", correction=True) for n above the limit, with ties', () => {
    // 260 differences, 24 zeros dropped, n = 236 in heavy ties.
    const d = Array.from({ length: 260 }, (_, i) => ((i * 37) % 11) - 4);
    const first = wilcoxonSignedRankExact(d);
    expect(first).toMatchObject({ n: 236, method: 'normal' });
    expect(Math.min(first.wPlus, first.wMinus)).toBe(9060);
    expect(first.p / 2.496304468616779e-6).toBeCloseTo(1, 9);
    const second = wilcoxonSignedRankExact(d.map((x) => x - 1));
    expect(Math.min(second.wPlus, second.wMinus)).toBe(13864.5);
    expect(second.p).toBeCloseTo(0.9100681665274118, 12);
  });

  it('refuses values that are not finite numbers', () => {
    expect(() => wilcoxonSignedRankExact([1, Number.NaN])).toThrow(RangeError);
    expect(() => wilcoxonSignedRankExact([Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });

  it('equals brute-force enumeration over every sign assignment (property)', () => {
    const differences = fc.array(fc.oneof(fc.integer({ min: -6, max: 6 }), fc.double({ min: -5, max: 5, noNaN: true })), {
      maxLength: 13,
    });
    fc.assert(
      fc.property(differences, (d) => {
        const result = wilcoxonSignedRankExact(d);
        const brute = bruteWilcoxon(d);
        expect(result.n).toBe(brute.n);
        expect(result.wPlus).toBeCloseTo(brute.wPlus, 9);
        expect(result.wPlus + result.wMinus).toBeCloseTo((brute.n * (brute.n + 1)) / 2, 9);
        expect(result.p).toBeCloseTo(brute.p, 12);
      }),
      { numRuns: 300 },
    );
  });
});

describe('fisherExact', () => {
  it("matches R's fisher.test on published tables", () => {
    // Fisher's tea-tasting lady (R's ?fisher.test TeaTasting): p-value = 0.4857 (= 34/70).
    expect(fisherExact(3, 1, 1, 3)).toBeCloseTo(0.4857142857142857, 12);
    // Wikipedia's dieting example, R gives p-value = 0.002759.
    expect(fisherExact(1, 9, 11, 3)).toBeCloseTo(0.0027594561852200836, 12);
    // scipy.stats.fisher_exact: 0.0005367241191434357, 0.007936507936507938 (= 2/252).
    expect(fisherExact(10, 2, 3, 15)).toBeCloseTo(0.0005367241191434357, 14);
    expect(fisherExact(0, 5, 5, 0)).toBeCloseTo(0.007936507936507938, 14);
  });

  it('works in the thousands (scipy.stats.fisher_exact values)', () => {
    expect(fisherExact(120, 80, 90, 110) / 0.0036351855558814402).toBeCloseTo(1, 8);
    expect(fisherExact(2000, 1000, 1800, 1200) / 9.61432494213995e-8).toBeCloseTo(1, 6);
    expect(fisherExact(500, 520, 480, 500)).toBeCloseTo(1, 12);
    expect(fisherExact(20000, 10000, 10000, 20000)).toBe(0); // below the smallest double
  });

  it('gives 1 when the margins allow one table only, and refuses bad counts', () => {
    expect(fisherExact(7, 0, 0, 0)).toBe(1);
    expect(fisherExact(0, 0, 0, 0)).toBe(1);
    expect(fisherExact(0, 3, 0, 4)).toBe(1);
    expect(() => fisherExact(-1, 1, 1, 1)).toThrow(RangeError);
    expect(() => fisherExact(1.5, 1, 1, 1)).toThrow(RangeError);
  });

  const count = fc.integer({ min: 0, max: 25 });
  it('equals exact rational enumeration (property)', () => {
    fc.assert(
      fc.property(count, count, count, count, (a, b, c, d) => {
        expect(fisherExact(a, b, c, d)).toBeCloseTo(bruteFisher(a, b, c, d), 12);
      }),
      { numRuns: 300 },
    );
  });

  it('is the same for the transposed table and for rows or columns swapped (property)', () => {
    const big = fc.integer({ min: 0, max: 400 });
    fc.assert(
      fc.property(big, big, big, big, (a, b, c, d) => {
        const p = fisherExact(a, b, c, d);
        expect(p).toBeGreaterThan(0);
        expect(p).toBeLessThanOrEqual(1);
        for (const other of [fisherExact(a, c, b, d), fisherExact(c, d, a, b), fisherExact(b, a, d, c)]) {
          expect(Math.abs(other - p)).toBeLessThanOrEqual(1e-9 * p + 1e-300);
        }
      }),
      { numRuns: 300 },
    );
  });
});
