// CodingIds: a merge's lookup of codings already here, against the plain reading of "the same
// coding" (transcript, code, coder, start and end all equal), for offsets of every kind a file
// or a damaged record can hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodingIds } from '../../../renderer/core/merge/mergeKeys';

const offset = fc.oneof(
  fc.integer({ min: 0, max: 40 }),
  fc.constantFrom(-1, -0, 0.5, 2 ** 26 - 1, 2 ** 26, 2 ** 26 + 1, 2 ** 40, Number.NaN, Infinity),
);
const coding = fc.record({
  sourceId: fc.constantFrom('s1', 's2'),
  codeId: fc.constantFrom('c1', 'c2', 'c1\u0000'),
  coderId: fc.constantFrom('a', 'b'),
  start: offset,
  end: offset,
});

describe('CodingIds', () => {
  it('finds a coding exactly when one with the same transcript, code, coder, start and end was put in', () => {
    fc.assert(
      fc.property(fc.array(coding, { maxLength: 30 }), fc.array(coding, { maxLength: 30 }), (put, asked) => {
        const ids = new CodingIds();
        const reference = new Map<string, string>();
        // String(-0) is "0": a start of -0 is the same place as 0, as before.
        const key = (c: (typeof put)[number]) => JSON.stringify([c.sourceId, c.codeId, c.coderId, String(c.start), String(c.end)]);
        put.forEach((c, i) => {
          ids.set(c, `id${i}`);
          reference.set(key(c), `id${i}`);
        });
        for (const c of [...put, ...asked]) expect(ids.get(c)).toBe(reference.get(key(c)));
      }),
      { numRuns: 500 },
    );
  });

  it('tells apart spans that a packed number could confuse', () => {
    const ids = new CodingIds();
    const at = (start: number, end: number) => ({ sourceId: 's', codeId: 'c', coderId: 'a', start, end });
    ids.set(at(1, 0), 'one');
    expect(ids.get(at(0, 2 ** 26))).toBeUndefined();
    expect(ids.get(at(1, 0))).toBe('one');
    ids.set(at(2 ** 26, 3), 'far');
    expect(ids.get(at(2 ** 26, 3))).toBe('far');
    expect(ids.get(at(2 ** 26 - 1, 3))).toBeUndefined();
  });
});
