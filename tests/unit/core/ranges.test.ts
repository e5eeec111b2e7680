import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clipRanges, unionFlat, unionPairs, unionRanges, unionSortedFlat, type Range } from '../../../renderer/core/shared/ranges';

/** The characters a list of ranges covers, one by one: the reference every union must match. */
const covered = (ranges: readonly Range[]) => {
  const set = new Set<number>();
  for (const r of ranges) for (let i = r.start; i < r.end; i += 1) set.add(i);
  return [...set].sort((a, b) => a - b);
};
const range = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 })).map(([a, b]) => ({ start: a, end: b }));
const isUnion = (out: readonly Range[]) => out.every((r, i) => r.start < r.end && (i === 0 || out[i - 1]!.end < r.start));

describe('ranges', () => {
  it('unions overlapping and touching ranges, drops empty ones, sorts', () => {
    expect(
      unionRanges([
        { start: 5, end: 6 },
        { start: 1, end: 3 },
        { start: 2, end: 4 },
        { start: 7, end: 7 },
      ]),
    ).toEqual([
      { start: 1, end: 4 },
      { start: 5, end: 6 },
    ]);
    expect(
      unionPairs([
        [5, 8],
        [0, 3],
        [3, 4],
        [7, 10],
        [12, 12],
      ]),
    ).toEqual([
      [0, 4],
      [5, 10],
    ]);
    expect(unionFlat([5, 8, 0, 3, 3, 4, 7, 10, 12, 12])).toEqual([0, 4, 5, 10]);
    expect(
      clipRanges(
        [
          { start: 0, end: 5 },
          { start: 8, end: 20 },
        ],
        3,
        10,
      ),
    ).toEqual([
      { start: 3, end: 5 },
      { start: 8, end: 10 },
    ]);
    expect(unionRanges([])).toEqual([]);
  });

  it('covers exactly the characters of its input, in disjoint sorted stretches, in every shape', () => {
    fc.assert(
      fc.property(fc.array(range, { maxLength: 30 }), (input) => {
        const out = unionRanges(input);
        expect(isUnion(out)).toBe(true);
        expect(covered(out)).toEqual(covered(input));
        expect(unionPairs(input.map((r) => [r.start, r.end]))).toEqual(out.map((r) => [r.start, r.end]));
        expect(unionFlat(input.flatMap((r) => [r.start, r.end]))).toEqual(out.flatMap((r) => [r.start, r.end]));
      }),
    );
  });

  it('takes the packed fast path and the slow path to the same answer (offsets past 2^26)', () => {
    const big = 2 ** 26;
    expect(unionFlat([big + 5, big + 9, 3, 4, big + 8, big + 12])).toEqual([3, 4, big + 5, big + 12]);
  });

  it('merges two unioned lists as the union of both', () => {
    fc.assert(
      fc.property(fc.array(range, { maxLength: 20 }), fc.array(range, { maxLength: 20 }), (a, b) => {
        const flat = (rs: Range[]) => unionFlat(rs.flatMap((r) => [r.start, r.end]));
        expect(unionSortedFlat(flat(a), flat(b))).toEqual(flat([...a, ...b]));
      }),
    );
  });

  it('clips to a window before the union', () => {
    fc.assert(
      fc.property(fc.array(range, { maxLength: 20 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), (input, s, e) => {
        expect(covered(clipRanges(input, s, e))).toEqual(covered(input).filter((i) => i >= s && i < e));
      }),
    );
  });
});
