// Undefined statistics are null, not 1: nothing compared, or no variation (every unit in one
// category for every coder, so chance agreement is 1 and every chance-corrected coefficient is
// 0/0). And ratings that are not finite numbers are refused instead of half-counted.
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
  unitizingAlpha,
} from '../../../renderer/core/agreement';
import { binaryStats, multiStats } from '../../../renderer/core/agreement/counted';

const _ = null;

describe('no variation: chance-corrected coefficients are undefined (null)', () => {
  it('every coder gave every unit the same category', () => {
    const a = ['x', 'x', 'x'];
    for (const f of [cohenKappa, scottPi]) expect(f(a, [...a])).toBeNull();
    expect(krippendorffAlpha([a, [...a], [...a]])).toBeNull();
    expect(
      fleissKappa([
        [3, 0],
        [3, 0],
      ]),
    ).toBeNull();
    // Percent agreement is defined: three units, all agreed.
    expect(percentAgreement([a, [...a]])).toBe(1);
  });

  it('AC1 and Brennan–Prediger are undefined with one category, defined once the scale has two', () => {
    const a = ['x', 'x', 'x'];
    expect(gwetAC1(a, [...a])).toBeNull();
    expect(brennanPrediger(a, [...a])).toBeNull();
    // On a two-category scale their chance agreement is 0 and 1/2: both are defined, and 1.
    expect(gwetAC1(a, [...a], 2)).toBe(1);
    expect(brennanPrediger(a, [...a], 2)).toBe(1);
  });

  it('two coders who each used one, different, category are defined: no agreement at all', () => {
    expect(cohenKappa(['x', 'x'], ['y', 'y'])).toBe(0);
    expect(
      krippendorffAlpha([
        ['x', 'x'],
        ['y', 'y'],
      ]),
    ).toBeLessThan(0);
  });
});

describe('nothing compared: every statistic is undefined (null)', () => {
  it('no unit has values from two coders', () => {
    const a = [1, _];
    const b = [_, 2];
    expect(pairableUnits([a, b])).toBe(0);
    expect(percentAgreement([a, b])).toBeNull();
    expect(krippendorffAlpha([a, b], 'interval')).toBeNull();
    for (const f of [cohenKappa, scottPi, gwetAC1, brennanPrediger]) expect(f(a, b)).toBeNull();
    expect(percentAgreement([])).toBeNull();
    expect(krippendorffAlpha([])).toBeNull();
    expect(fleissKappa([])).toBeNull();
  });
});

describe('non-finite ratings are refused', () => {
  // NaN is one category to a Map but never equal to itself under ===: before, alpha said 1 while
  // kappa said 0.6 and percent agreement 0.75 on the very same ratings.
  const withNaN = [NaN, 1, 2, 1];

  it('throws a RangeError from every coefficient, naming the unit', () => {
    expect(() => percentAgreement([withNaN, [...withNaN]])).toThrow(RangeError);
    expect(() => krippendorffAlpha([withNaN, [...withNaN]])).toThrow(RangeError);
    expect(() => pairableUnits([withNaN, [...withNaN]])).toThrow(RangeError);
    for (const f of [cohenKappa, scottPi, gwetAC1, brennanPrediger]) {
      expect(() => f(withNaN, [...withNaN])).toThrow(RangeError);
      expect(() => f([1, 2], [1, Infinity])).toThrow(/unit 1/);
    }
    expect(() =>
      krippendorffAlpha(
        [
          [1, -Infinity],
          [1, 2],
        ],
        'nominal',
      ),
    ).toThrow(/unit 1/);
  });

  it('finite numbers, strings and null are fine', () => {
    expect(cohenKappa([0, 1, 'a', _], [0, 1, 'a', 2])).toBe(1);
  });
});

describe('count-based statistics: the same conventions', () => {
  it('a code every coder applied to every unit (document unit, {both: 3}) has no kappa, pi or alpha', () => {
    const s = binaryStats({ both: 3, onlyFirst: 0, onlySecond: 0, neither: 0 });
    expect(s).toEqual({ units: 3, agreement: 1, kappa: null, pi: null, ac1: 1, bp: 1, alpha: null });
    expect(binaryStats({ both: 0, onlyFirst: 0, onlySecond: 0, neither: 7 }).alpha).toBeNull();
  });

  it('no units: every statistic is null', () => {
    expect(binaryStats({ both: 0, onlyFirst: 0, onlySecond: 0, neither: 0 })).toEqual({
      units: 0,
      agreement: null,
      kappa: null,
      pi: null,
      ac1: null,
      bp: null,
      alpha: null,
    });
    expect(multiStats([0, 0, 0, 0], 3)).toEqual({ units: 0, agreement: null, kappa: null, pi: null, ac1: null, bp: null, alpha: null });
  });

  it('more coders, all applied everywhere: kappa and alpha null, agreement 1', () => {
    expect(multiStats([0, 0, 0, 4], 3)).toEqual({ units: 4, agreement: 1, kappa: null, pi: null, ac1: 1, bp: 1, alpha: null });
  });

  it('refuses tables that are not counts', () => {
    expect(() => binaryStats({ both: NaN, onlyFirst: 0, onlySecond: 0, neither: 0 })).toThrow(RangeError);
    expect(() => binaryStats({ both: 1, onlyFirst: -1, onlySecond: 0, neither: 0 })).toThrow(RangeError);
    expect(() => multiStats([1, 0.5, 0], 2)).toThrow(RangeError);
    expect(() => multiStats([1, 1], 1)).toThrow(RangeError);
  });
});

describe('unitizing alpha: the same conventions', () => {
  it('is null where there is nothing to disagree about', () => {
    expect(unitizingAlpha({ begin: 0, length: 20 }, [])).toEqual({ byCategory: {}, overall: null });
    // One coder only: no pair to compare.
    const alone = unitizingAlpha({ begin: 0, length: 20 }, [{ begin: 2, length: 6, coder: 'A', category: 'x' }]);
    expect(alone).toEqual({ byCategory: { x: null }, overall: null });
  });
});
