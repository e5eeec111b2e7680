import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  brennanPrediger,
  cohenKappa,
  fleissKappa,
  gwetAC1,
  krippendorffAlpha,
  pairableUnits,
  percentAgreement,
  scottPi,
  type AlphaLevel,
  type Rating,
} from '../../../renderer/core/agreement';
import { fromTable } from '../../fixtures/ratings';

const _ = null;

/** Both undefined (null), or both numbers within 1e-10. */
function expectSame(actual: number | null, expected: number | null): void {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(expected, 10);
}

describe("Krippendorff's alpha", () => {
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers x 12
  // units with missing values (unit 12 has one value only and is not pairable).
  const reliabilityData: Rating[][] = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
  ];

  it('reproduces Krippendorff (2011) 4 coders x 12 units at every level', () => {
    expect(krippendorffAlpha(reliabilityData, 'nominal')).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(reliabilityData)).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(reliabilityData, 'ordinal')).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(reliabilityData, 'interval')).toBeCloseTo(0.849, 3);
    expect(krippendorffAlpha(reliabilityData, 'ratio')).toBeCloseTo(0.797, 3);
    expect(pairableUnits(reliabilityData)).toBe(11);
  });

  it('reproduces Krippendorff (2011) two coders, ten binary units: alpha = 0.095', () => {
    const data = [
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ];
    expect(krippendorffAlpha(data)).toBeCloseTo(0.095, 3);
  });

  it('drops units with fewer than two values and treats ragged rows as missing', () => {
    expect(
      krippendorffAlpha([
        [1, 2, 9],
        [1, 2],
      ]),
    ).toBe(1);
    expect(
      pairableUnits([
        [1, 2, 9],
        [1, 2],
      ]),
    ).toBe(2);
  });

  it('is undefined (null) when nothing varies or nothing is pairable (documented rule, never NaN)', () => {
    expect(
      krippendorffAlpha([
        ['a', 'a', 'a'],
        ['a', 'a', _],
      ]),
    ).toBeNull();
    expect(
      krippendorffAlpha(
        [
          [1, _],
          [_, 2],
        ],
        'interval',
      ),
    ).toBeNull();
    expect(
      pairableUnits([
        [1, _],
        [_, 2],
      ]),
    ).toBe(0);
    expect(krippendorffAlpha([])).toBeNull();
    expect(pairableUnits([])).toBe(0);
  });

  it('rejects strings at a metric level and negative values at the ratio level', () => {
    expect(() =>
      krippendorffAlpha(
        [
          ['a', 'b'],
          ['a', 'b'],
        ],
        'interval',
      ),
    ).toThrow(RangeError);
    expect(() =>
      krippendorffAlpha(
        [
          [-1, 2],
          [-1, 2],
        ],
        'ratio',
      ),
    ).toThrow(RangeError);
    expect(
      krippendorffAlpha(
        [
          [0, 0, 3],
          [0, 0, 3],
        ],
        'ratio',
      ),
    ).toBe(1);
  });
});

describe('two-coder coefficients', () => {
  // 2x2 table of the widely reproduced Cohen's kappa example (Wikipedia "Cohen's kappa", 50
  // proposals; a Cohen 1960-style table), worked by hand:
  //            b yes  b no
  //   a yes      20     5    (a: 25/50 = .5 yes)
  //   a no       10    15    (b: 30/50 = .6 yes)
  //   po = 35/50 = .70
  //   kappa: pe = .5*.6 + .5*.4 = .50                 -> (.70-.50)/.50  = .40
  //   Scott: pooled .55/.45, pe = .3025+.2025 = .505   -> .195/.495       = .393939...
  //   Gwet AC1: pe = 2 * .55*.45 / (2-1) = .495       -> .205/.505       = .405941...
  //   Brennan-Prediger, q = 2: (.70-.5)/.5            -> .40
  const [a2, b2] = fromTable(
    [
      [20, 5],
      [10, 15],
    ],
    ['yes', 'no'],
  );

  it('2x2 table (Wikipedia "Cohen\'s kappa" example), by hand', () => {
    expect(percentAgreement([a2, b2])).toBeCloseTo(0.7, 12);
    expect(cohenKappa(a2, b2)).toBeCloseTo(0.4, 12);
    expect(scottPi(a2, b2)).toBeCloseTo(0.195 / 0.495, 12);
    expect(gwetAC1(a2, b2)).toBeCloseTo(0.205 / 0.505, 12);
    expect(brennanPrediger(a2, b2)).toBeCloseTo(0.4, 12);
  });

  // Hand-made 3-category table (N = 50), rows coder a, columns coder b:
  //          x   y   z  | a
  //   x     10   2   3  | 15  (.30)
  //   y      1   8   1  | 10  (.20)
  //   z      4   2  19  | 25  (.50)
  //   b     15  12  23  (.30 .24 .46)
  //   po = (10+8+19)/50 = .74
  //   kappa: pe = .30*.30 + .20*.24 + .50*.46 = .09 + .048 + .23 = .368
  //          kappa = (.74-.368)/(1-.368) = .372/.632 = .588608...
  //          (the wrong "product of sums" would be (.30+.20+.50)*(.30+.24+.46) = 1 -> 0/0)
  //   Scott: pooled .30 .22 .48, pe = .09 + .0484 + .2304 = .3688 -> .3712/.6312 = .588086...
  //   Gwet AC1: pe = (.30*.70 + .22*.78 + .48*.52)/(3-1) = (.21+.1716+.2496)/2 = .3156
  //          AC1 = (.74-.3156)/(1-.3156) = .4244/.6844 = .620105...
  //   Brennan-Prediger, q = 3: (.74 - 1/3)/(1 - 1/3) = .61
  const [a3, b3] = fromTable(
    [
      [10, 2, 3],
      [1, 8, 1],
      [4, 2, 19],
    ],
    ['x', 'y', 'z'],
  );

  it('3-category table, by hand', () => {
    expect(cohenKappa(a3, b3)).toBeCloseTo(0.372 / 0.632, 12);
    expect(scottPi(a3, b3)).toBeCloseTo(0.3712 / 0.6312, 12);
    expect(gwetAC1(a3, b3)).toBeCloseTo(0.4244 / 0.6844, 12);
    expect(brennanPrediger(a3, b3)).toBeCloseTo(0.61, 12);
    // With a 4-category scale of which only 3 were used: (.74 - .25)/.75.
    expect(brennanPrediger(a3, b3, 4)).toBeCloseTo(0.49 / 0.75, 12);
    // Gwet AC1 on a 4-category scale: pe = .6312/3 = .2104 -> (.74-.2104)/.7896.
    expect(gwetAC1(a3, b3, 4)).toBeCloseTo(0.5296 / 0.7896, 12);
  });

  // Gwet AC1 in the high-agreement case that motivates it. I could not recall a table from Gwet's
  // handbook exactly, so this is computed by hand from pe = sum pi_k(1-pi_k)/(q-1):
  //            b +   b -
  //   a +      80    5     (a: .85 +)
  //   a -      10    5     (b: .90 +)
  //   po = .85; pooled pi+ = .875, pi- = .125; pe = 2*.875*.125/1 = .21875
  //   AC1 = (.85-.21875)/(.78125) = .808; kappa: pe = .85*.90 + .15*.10 = .78 -> .07/.22 = .318181...
  it('Gwet AC1 with high prevalence, by hand from the formula', () => {
    const [a, b] = fromTable(
      [
        [80, 5],
        [10, 5],
      ],
      ['+', '-'],
    );
    expect(gwetAC1(a, b)).toBeCloseTo(0.808, 12);
    expect(cohenKappa(a, b)).toBeCloseTo(0.07 / 0.22, 12);
  });

  it('drops units where either coder is null and rejects unequal lengths', () => {
    expect(cohenKappa(['x', 'y', null, 'x'], ['x', 'y', 'y', null])).toBe(1);
    expect(cohenKappa(['x', 'y', null, 'x'], ['x', 'x', 'y', null])).toBe(0);
    expect(() => cohenKappa(['x'], ['x', 'y'])).toThrow(RangeError);
    expect(() => brennanPrediger(['x', 'y'], ['y', 'x'], 1)).toThrow(RangeError);
  });

  it('is undefined (null) when both coders used one and the same category, or nothing was paired', () => {
    for (const f of [cohenKappa, scottPi, gwetAC1, brennanPrediger]) {
      expect(f(['x', 'x', 'x'], ['x', 'x', 'x'])).toBeNull();
      expect(f([null, 'x'], ['y', null])).toBeNull();
      expect(f([], [])).toBeNull();
    }
    // On a declared two-category scale Brennan-Prediger's chance agreement is 1/2: defined.
    expect(brennanPrediger(['x', 'x'], ['x', 'x'], 2)).toBe(1);
    expect(
      percentAgreement([
        [_, 'x'],
        ['y', _],
      ]),
    ).toBeNull();
  });

  it('percent agreement over more than two coders counts units where every present value is equal', () => {
    const data: Rating[][] = [
      ['a', 'a', 'b', 'a'],
      ['a', 'b', 'b', _],
      ['a', 'a', _, _],
    ];
    // unit 0 all a; unit 1 a/b/a disagree; unit 2 b/b agree; unit 3 single value, not pairable.
    expect(percentAgreement(data)).toBeCloseTo(2 / 3, 12);
  });
});

describe("Fleiss' kappa", () => {
  // Fleiss (1971) style data as reproduced in Wikipedia "Fleiss' kappa" (worked example):
  // 10 subjects x 14 raters x 5 categories, P-bar = .378, Pe-bar = .213, kappa = .210.
  const table = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
  ];

  it('reproduces the Wikipedia worked example, kappa = 0.210', () => {
    expect(fleissKappa(table)).toBeCloseTo(0.21, 3);
  });

  it('throws a RangeError naming the unit whose rater count differs', () => {
    expect(() =>
      fleissKappa([
        [2, 1],
        [1, 1],
      ]),
    ).toThrow(/unit 1/);
    expect(() =>
      fleissKappa([
        [2, 1],
        [1, 1],
      ]),
    ).toThrow(RangeError);
    expect(() => fleissKappa([[1, 0]])).toThrow(RangeError);
    expect(() => fleissKappa([[1, -1, 2]])).toThrow(RangeError);
  });

  it('is undefined (null) for no units or a single category used by everyone; perfect agreement is 1', () => {
    expect(fleissKappa([])).toBeNull();
    expect(
      fleissKappa([
        [3, 0],
        [3, 0],
      ]),
    ).toBeNull();
    expect(
      fleissKappa([
        [3, 0],
        [0, 3],
      ]),
    ).toBe(1);
  });
});

describe('properties', () => {
  const category = fc.constantFrom('a', 'b', 'c', 'd');
  const rating = fc.option(category, { nil: null, freq: 4 });
  const pairs = fc.array(fc.tuple(rating, rating), { maxLength: 30 });
  const pairsWithPermutation = pairs.chain((ps) =>
    fc.tuple(fc.constant(ps), fc.shuffledSubarray(ps, { minLength: ps.length, maxLength: ps.length })),
  );
  const pairwise = { cohenKappa, scottPi, gwetAC1, brennanPrediger };
  const unzip = (ps: [Rating, Rating][]): [Rating[], Rating[]] => [ps.map((p) => p[0]), ps.map((p) => p[1])];

  for (const [name, f] of Object.entries(pairwise)) {
    it(`${name}: symmetric in coders, invariant to unit order, at most 1, never NaN`, () => {
      fc.assert(
        fc.property(pairsWithPermutation, ([ps, permuted]) => {
          const [a, b] = unzip(ps);
          const value = f(a, b);
          expectSame(f(b, a), value);
          expectSame(f(...unzip(permuted)), value);
          if (value === null) return;
          expect(Number.isFinite(value)).toBe(true);
          expect(value).toBeLessThanOrEqual(1 + 1e-12);
        }),
      );
    });

    it(`${name}: perfect agreement gives 1, or null exactly when fewer than two categories were paired`, () => {
      fc.assert(
        fc.property(fc.array(rating, { maxLength: 30 }), (a) => {
          const categories = new Set(a.filter((v) => v !== null)).size;
          expect(f(a, [...a])).toBe(categories < 2 ? null : 1);
        }),
      );
    });
  }

  const level = fc.constantFrom<AlphaLevel>('nominal', 'ordinal', 'interval', 'ratio');
  const numeric = fc.option(fc.integer({ min: 0, max: 5 }), { nil: null, freq: 4 });
  const matrix = fc
    .tuple(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 0, max: 15 }))
    .chain(([coders, units]) =>
      fc.array(fc.array(numeric, { minLength: units, maxLength: units }), { minLength: coders, maxLength: coders }),
    );

  const matrixWithPermutation = matrix.chain((data) => {
    const indices = Array.from({ length: data[0]!.length }, (_x, i) => i);
    return fc.tuple(fc.constant(data), fc.shuffledSubarray(indices, { minLength: indices.length, maxLength: indices.length }));
  });

  it('alpha: symmetric in coders, invariant to unit order, at most 1, never NaN', () => {
    fc.assert(
      fc.property(matrixWithPermutation, level, ([data, permutation], lvl) => {
        const value = krippendorffAlpha(data, lvl);
        expectSame(krippendorffAlpha([...data].reverse(), lvl), value);
        expectSame(
          krippendorffAlpha(
            data.map((row) => permutation.map((i) => row[i]!)),
            lvl,
          ),
          value,
        );
        if (value === null) return;
        expect(Number.isFinite(value)).toBe(true);
        expect(value).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });

  it('alpha and percent agreement: perfect agreement gives 1 (alpha null with one category, agreement null with no units)', () => {
    fc.assert(
      fc.property(fc.array(numeric, { maxLength: 20 }), fc.integer({ min: 2, max: 5 }), level, (row, coders, lvl) => {
        const data = Array.from({ length: coders }, () => [...row]);
        const present = row.filter((v) => v !== null);
        expect(krippendorffAlpha(data, lvl)).toBe(new Set(present).size < 2 ? null : 1);
        expect(percentAgreement(data)).toBe(present.length === 0 ? null : 1);
      }),
    );
  });
});
