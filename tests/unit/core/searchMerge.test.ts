// OR and AND merge their parts' spans, each list already in place order, without sorting the
// lot: the merge must give exactly what sorting the concatenation and dropping repeats gave.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeSorted, type Span } from '../../../renderer/core/search/evaluate';

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
