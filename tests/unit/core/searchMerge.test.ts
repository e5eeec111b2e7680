// OR and AND merge their parts' spans, each list already in place order, without sorting the
// lot: the merge must give exactly what sorting the concatenation and dropping repeats gave.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeSorted, unitWordsOf, wordUnitsOf, type Span } from '../../../renderer/core/search/evaluate';
import { phraseStarts } from '../../../renderer/core/search/phraseStarts';
import { mergeOrdinals } from '../../../renderer/core/search/evaluatePacked';

const byPlace = (a: Span, b: Span) => a.start - b.start || a.end - b.end;
const span = ([start, length]: [number, number]): Span => ({ start, end: start + length, first: start, last: start + length, unit: 0 });
/** A list as a node gives it: in place order, no stretch twice. */
const list = fc.array(fc.tuple(fc.nat(60), fc.integer({ min: 1, max: 4 })), { maxLength: 30 }).map((pairs) => {
  const spans = pairs.map(span).sort(byPlace);
  return spans.filter((s, i) => i === 0 || byPlace(s, spans[i - 1]!) !== 0);
});

describe('mergeSorted', () => {
  it('equals sorting the concatenation and dropping repeated stretches', () => {
    fc.assert(
      fc.property(fc.array(list, { maxLength: 6 }), (lists) => {
        const all = lists.flat().sort(byPlace);
        const expected = all.filter((s, i) => i === 0 || byPlace(s, all[i - 1]!) !== 0);
        const got = mergeSorted(lists);
        expect(got.map((s) => [s.start, s.end])).toEqual(expected.map((s) => [s.start, s.end]));
      }),
      { numRuns: 400 },
    );
  });
});

describe('phraseStarts', () => {
  // A phrase's words as sets of places in a text of up to 60 words.
  const places = fc.uniqueArray(fc.nat(59), { maxLength: 40 }).map((xs) => Int32Array.from(xs.sort((a, b) => a - b)));

  it('finds every place where each word follows the one before, whichever list drives', () => {
    fc.assert(
      fc.property(fc.array(places, { minLength: 1, maxLength: 10 }), (lists) => {
        const expected: number[] = [];
        for (let first = 0; first < 60; first += 1) if (lists.every((list, j) => list.includes(first + j))) expected.push(first);
        expect(Array.from(phraseStarts(lists))).toEqual(expected);
        // Its marks are cleared for the next phrase: the same answer again.
        expect(Array.from(phraseStarts(lists))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('finds the starts when the rarer word comes second or first', () => {
    const common = Int32Array.from({ length: 1000 }, (_, i) => i * 2);
    const rare = Int32Array.from([11, 501, 1999]);
    expect(Array.from(phraseStarts([common, rare]))).toEqual([10, 500, 1998]);
    // 1999 + 1 is past the common word's last place.
    expect(Array.from(phraseStarts([rare, common]))).toEqual([11, 501]);
  });
});

describe('unitWordsOf', () => {
  // Words (start, end) in order, not overlapping; units the same: each word held whole by at most one.
  const ranges = (maxLength: number) =>
    fc.array(fc.tuple(fc.nat(5), fc.nat(6)), { maxLength }).map((gaps) => {
      let at = 0;
      return gaps.map(([gap, length]) => {
        const start = at + gap;
        at = start + length + 1;
        return [start, start + length + 1] as const;
      });
    });

  it('gives each unit the consecutive words wordUnitsOf puts in it', () => {
    fc.assert(
      fc.property(ranges(40), ranges(12), (words, units) => {
        const starts = Int32Array.from(words, (w) => w[0]);
        const ends = Int32Array.from(words, (w) => w[1]);
        const bounds = Int32Array.from(units.flat());
        const wordUnits = wordUnitsOf(bounds, starts, ends);
        const unitWords = unitWordsOf(wordUnits, units.length);
        for (let u = 0; u < units.length; u += 1) {
          // Ascending, and each unit's words exactly those wordUnits gives it.
          if (u > 0) expect(unitWords[2 * u]).toBeGreaterThanOrEqual(unitWords[2 * u - 1]!);
          for (let w = 0; w < words.length; w += 1)
            expect(wordUnits[w] === u + 1, `word ${w}, unit ${u}`).toBe(unitWords[2 * u]! <= w && w < unitWords[2 * u + 1]!);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('mergeOrdinals', () => {
  const places = fc.uniqueArray(fc.nat(200), { maxLength: 30 }).map((xs) => Int32Array.from(xs.sort((a, b) => a - b)));

  it('gives the union of ascending lists, ascending, each place once, for few lists and many', () => {
    fc.assert(
      fc.property(fc.array(places, { maxLength: 20 }), (lists) => {
        const expected = [...new Set(lists.flatMap((l) => Array.from(l)))].sort((a, b) => a - b);
        expect(Array.from(mergeOrdinals(lists))).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });
});
