// toCodePoints: canonical offsets to code point positions, the inverse of toCanonical's code point model.
import { describe, it, expect } from 'vitest';
import { toCanonical, toCodePoints } from '../../../renderer/io/refi/positions';

describe('toCodePoints', () => {
  it('counts astral characters once', () => {
    const canonical = 'a😀b\nc';
    expect(
      toCodePoints(canonical, [
        { start: 5, end: 6 },
        { start: 1, end: 3 },
        { start: 0, end: 6 },
      ]),
    ).toEqual([
      { start: 4, end: 5 },
      { start: 1, end: 2 },
      { start: 0, end: 5 },
    ]);
  });

  it('widens a split surrogate pair and clamps to the text', () => {
    const canonical = 'a😀b\nc';
    expect(
      toCodePoints(canonical, [
        { start: 2, end: 4 },
        { start: 0, end: 2 },
        { start: -3, end: 100 },
        { start: 7, end: 3 },
      ]),
    ).toEqual([
      { start: 1, end: 3 },
      { start: 0, end: 2 },
      { start: 0, end: 5 },
      { start: 5, end: 5 },
    ]);
  });

  it('truncates fractional offsets and treats non-numbers as the lower bound', () => {
    expect(
      toCodePoints('a😀b', [
        { start: 3.7, end: 4.2 },
        { start: NaN, end: NaN },
      ]),
    ).toEqual([
      { start: 2, end: 3 },
      { start: 0, end: 0 },
    ]);
  });

  it('is the identity without surrogates', () => {
    expect(toCodePoints('ab\ncd', [{ start: 3, end: 5 }])).toEqual([{ start: 3, end: 5 }]);
  });

  it('is the inverse of toCanonical(_, _, codepoints)', () => {
    const canonical = 'x🇫🇷 y\n😀 zz 👍🏽 end';
    const ranges = [
      { start: 0, end: 1 },
      { start: 1, end: 5 },
      { start: 6, end: 7 },
      { start: 8, end: 10 },
      { start: 11, end: 13 },
      { start: 0, end: canonical.length },
    ];
    const cps = toCodePoints(canonical, ranges);
    expect(toCanonical(canonical, cps, 'codepoints')).toEqual({ ranges, adjusted: 0 });
  });
});
