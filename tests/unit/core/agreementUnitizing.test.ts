import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unitizingAlpha, unitizingDisagreements, type CodedUnit } from '../../../renderer/core/agreement';

const unit = (coder: string, category: string, begin: number, length: number): CodedUnit => ({ coder, category, begin, length });

describe("Krippendorff's unitizing alpha", () => {
  // Hand-computed: two coders, one category x, continuum [0, 20), m = 2, L = 20.
  //   A: units [2,8) (l 6) and [14,16) (l 2); gaps [0,2) 2, [8,14) 6, [16,20) 4
  //   B: unit  [4,10) (l 6);                  gaps [0,4) 4, [10,20) 10
  // Observed, pair (A,B): units [2,8) & [4,10) overlap: (2-4)^2 + (8-10)^2 = 8;
  //   A's [14,16) lies inside B's gap [10,20): 2^2 = 4; nothing else is contained -> 12.
  //   Both orders: 24. uDo = 24 / (m(m-1) L^2) = 24 / 800 = .03
  // Expected: N = 3 units (6, 2, 6), gaps 2, 6, 4, 4, 10.
  //   l = 6: (N-1)(2*216 - 3*36 + 6)/3 = 2*330/3 = 220; gaps >= 6: (6-5) + (10-5) = 6, * 36 = 216
  //          -> 436, twice = 872
  //   l = 2: 2*(16 - 12 + 2)/3 = 4; gaps >= 2: 1+5+3+3+9 = 21, * 4 = 84 -> 88
  //   sum 960; * 2/L = 96; denominator mL(mL-1) - sum l(l-1) = 40*39 - (30+2+30) = 1498
  //   uDe = 96/1498; alpha = 1 - .03 * 1498/96 = 1 - .468125 = .531875
  const handCase = [unit('A', 'x', 2, 6), unit('A', 'x', 14, 2), unit('B', 'x', 4, 6)];

  it('matches a hand-computed two-coder case on a continuum of 20', () => {
    const d = unitizingDisagreements({ begin: 0, length: 20 }, handCase);
    expect(d.x!.observed).toBeCloseTo(0.03, 12);
    expect(d.x!.expected).toBeCloseTo(96 / 1498, 12);
    const alpha = unitizingAlpha({ begin: 0, length: 20 }, handCase);
    expect(alpha.byCategory.x).toBeCloseTo(0.531875, 12);
    expect(alpha.overall).toBeCloseTo(0.531875, 12);
  });

  // Krippendorff (2004), Content Analysis 2nd ed., p. 254 example (continuum 150..450, categories
  // c and k), with the values uDo_c = .0144, uDe_c = .0532, alpha_c = .7286, alpha_k = 1 and the
  // pooled overall .859 as reproduced in DKPro Statistics' Krippendorff2004Test (I did not have the
  // book's page itself to check against).
  const book = [
    unit('i', 'c', 225, 70),
    unit('i', 'c', 370, 30),
    unit('j', 'c', 220, 80),
    unit('j', 'c', 355, 20),
    unit('j', 'c', 400, 20),
    unit('i', 'k', 180, 60),
    unit('i', 'k', 300, 50),
    unit('j', 'k', 180, 60),
    unit('j', 'k', 300, 50),
  ];

  it('reproduces the Krippendorff (2004) p. 254 example', () => {
    const d = unitizingDisagreements({ begin: 150, length: 300 }, book);
    expect(d.c!.observed).toBeCloseTo(0.0144, 4);
    expect(d.c!.expected).toBeCloseTo(0.0532, 4);
    expect(d.k!.observed).toBe(0);
    expect(d.k!.expected).toBeCloseTo(0.049, 4);
    const alpha = unitizingAlpha({ begin: 150, length: 300 }, book);
    expect(alpha.byCategory.c).toBeCloseTo(0.7286, 4);
    expect(alpha.byCategory.k).toBe(1);
    expect(alpha.overall).toBeCloseTo(0.859, 3);
  });

  it("merges a coder's own overlapping units of one category, but not touching ones", () => {
    const c = { begin: 0, length: 20 };
    const split = unitizingAlpha(c, [unit('A', 'x', 2, 4), unit('A', 'x', 3, 5), unit('A', 'x', 14, 2), unit('B', 'x', 4, 6)]);
    expect(split.byCategory.x).toBeCloseTo(0.531875, 12);
    const touching = unitizingAlpha(c, [unit('A', 'x', 2, 3), unit('A', 'x', 5, 3), unit('B', 'x', 2, 6)]);
    expect(touching.byCategory.x).toBeLessThan(1);
  });

  it('treats other categories as gaps per category and pools them overall', () => {
    const c = { begin: 0, length: 20 };
    const both = unitizingAlpha(c, [...handCase, unit('A', 'y', 10, 4), unit('B', 'y', 10, 4)]);
    expect(both.byCategory.x).toBeCloseTo(0.531875, 12);
    expect(both.byCategory.y).toBe(1);
    const d = unitizingDisagreements(c, [...handCase, unit('A', 'y', 10, 4), unit('B', 'y', 10, 4)]);
    expect(both.overall).toBeCloseTo(1 - (d.x!.observed + d.y!.observed) / (d.x!.expected + d.y!.expected), 12);
    expect(both.overall).toBeGreaterThan(both.byCategory.x!);
  });

  it('counts a named coder who marked nothing', () => {
    const alone = unitizingAlpha({ begin: 0, length: 20 }, [unit('A', 'x', 2, 6)]);
    expect(alone.byCategory.x).toBeNull(); // one coder: no pair to compare, so undefined
    const withSilent = unitizingAlpha({ begin: 0, length: 20 }, [unit('A', 'x', 2, 6)], ['A', 'B']);
    expect(withSilent.byCategory.x).toBeLessThan(0);
  });

  it('is undefined (null) when nobody coded anything', () => {
    expect(unitizingAlpha({ begin: 0, length: 20 }, [])).toEqual({ byCategory: {}, overall: null });
    expect(unitizingAlpha({ begin: 0, length: 20 }, [], ['A', 'B']).overall).toBeNull();
  });

  it('rejects units outside the continuum, negative lengths and empty continua', () => {
    expect(() => unitizingAlpha({ begin: 0, length: 20 }, [unit('A', 'x', 18, 4)])).toThrow(/unit 0/);
    expect(() => unitizingAlpha({ begin: 0, length: 20 }, [unit('A', 'x', 5, -1)])).toThrow(RangeError);
    expect(() => unitizingAlpha({ begin: 0, length: 0 }, [])).toThrow(RangeError);
  });

  describe('properties', () => {
    const L = 40;
    const coded = fc
      .tuple(fc.constantFrom('A', 'B', 'C'), fc.constantFrom('x', 'y'), fc.integer({ min: 0, max: L - 1 }), fc.integer({ min: 0, max: L }))
      .map(([coder, category, begin, length]) => unit(coder, category, begin, Math.min(length, L - begin)));
    const study = fc.array(coded, { maxLength: 12 });
    // Undefined (null) only when there is nothing to compare: no unit of positive length.
    const finiteAtMostOneOrNull = (x: number | null) => x === null || (Number.isFinite(x) && x <= 1 + 1e-12);
    const sameOrBothNull = (x: number | null | undefined, y: number | null) =>
      y === null ? x === null : x != null && Math.abs(x - y) < 1e-10;

    it('identical units for every coder give 1 (null for a category with no unit of positive length)', () => {
      fc.assert(
        fc.property(study, (units) => {
          const copies = units.flatMap((u) => ['A', 'B', 'C'].map((coder) => ({ ...u, coder })));
          const alpha = unitizingAlpha({ begin: 0, length: L }, copies);
          const marked = (category: string) => units.some((u) => u.category === category && u.length > 0);
          for (const [k, v] of Object.entries(alpha.byCategory)) expect(v).toBe(marked(k) ? 1 : null);
          expect(alpha.overall).toBe(units.some((u) => u.length > 0) ? 1 : null);
        }),
      );
    });

    it('equals the formulas taken literally, every pair of segments and every gap (the linear walk finds the same sums)', () => {
      // The header's formulas, pair by pair: the way uDo and uDe were computed before the walk.
      const literal = (units: CodedUnit[], coders: string[], category: string) => {
        const segs = coders.map((coder) => {
          const spans = units
            .filter((u) => u.coder === coder && u.category === category && u.length > 0)
            .map((u) => [u.begin, u.begin + u.length] as [number, number])
            .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
          const merged: [number, number][] = [];
          for (const sp of spans) {
            const last = merged[merged.length - 1];
            if (last && sp[0] < last[1]) last[1] = Math.max(last[1], sp[1]);
            else merged.push([...sp]);
          }
          const out: { b: number; e: number; unit: boolean }[] = [];
          let at = 0;
          for (const [b, e] of merged) {
            if (b > at) out.push({ b: at, e: b, unit: false });
            out.push({ b, e, unit: true });
            at = e;
          }
          if (at < L) out.push({ b: at, e: L, unit: false });
          return out;
        });
        let pair = 0;
        for (let i = 0; i < segs.length; i++)
          for (let j = i + 1; j < segs.length; j++)
            for (const g of segs[i]!)
              for (const h of segs[j]!) {
                if (g.unit && h.unit && g.b < h.e && h.b < g.e) pair += (g.b - h.b) ** 2 + (g.e - h.e) ** 2;
                else if (g.unit && !h.unit && h.b <= g.b && g.e <= h.e) pair += (g.e - g.b) ** 2;
                else if (!g.unit && h.unit && g.b <= h.b && h.e <= g.e) pair += (h.e - h.b) ** 2;
              }
        const m = coders.length;
        const all = segs.flat();
        const lens = all.filter((x) => x.unit).map((x) => x.e - x.b);
        const gaps = all.filter((x) => !x.unit).map((x) => x.e - x.b);
        let sum = 0;
        for (const l of lens)
          sum +=
            ((lens.length - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l * l * gaps.filter((g) => g >= l).reduce((n, g) => n + g - l + 1, 0);
        const den = m * L * (m * L - 1) - lens.reduce((n, l) => n + l * (l - 1), 0);
        return { observed: (2 * pair) / (m * (m - 1) * L * L), expected: lens.length && den > 0 ? ((2 / L) * sum) / den : 0 };
      };
      fc.assert(
        fc.property(study, (units) => {
          const coders = [...new Set(['A', 'B', ...units.map((u) => u.coder)])];
          const got = unitizingDisagreements({ begin: 0, length: L }, units, ['A', 'B']);
          for (const [category, d] of Object.entries(got)) {
            const want = literal(units, coders, category);
            expect(d.observed).toBeCloseTo(want.observed, 12);
            expect(d.expected).toBeCloseTo(want.expected, 12);
          }
        }),
        { numRuns: 500 },
      );
    });

    it('swapping coders does not change it; shifting units and continuum together does not either', () => {
      fc.assert(
        fc.property(study, fc.integer({ min: -1000, max: 1000 }), (units, shift) => {
          const base = unitizingAlpha({ begin: 0, length: L }, units, ['A', 'B']);
          expect(finiteAtMostOneOrNull(base.overall)).toBe(true);
          for (const v of Object.values(base.byCategory)) expect(finiteAtMostOneOrNull(v)).toBe(true);
          const swap: Record<string, string> = { A: 'B', B: 'A', C: 'C' };
          const swapped = unitizingAlpha(
            { begin: 0, length: L },
            units.map((u) => ({ ...u, coder: swap[u.coder]! })),
            ['A', 'B'],
          );
          const shifted = unitizingAlpha(
            { begin: shift, length: L },
            units.map((u) => ({ ...u, begin: u.begin + shift })),
            ['A', 'B'],
          );
          for (const other of [swapped, shifted]) {
            expect(sameOrBothNull(other.overall, base.overall)).toBe(true);
            expect(Object.keys(other.byCategory).sort()).toEqual(Object.keys(base.byCategory).sort());
            for (const [k, v] of Object.entries(base.byCategory)) expect(sameOrBothNull(other.byCategory[k], v)).toBe(true);
          }
        }),
      );
    });
  });
});
