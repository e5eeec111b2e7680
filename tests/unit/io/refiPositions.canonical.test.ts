// toCanonical: file positions under each model to canonical offsets (CRLF, lone breaks, surrogates, bad input).
import { describe, it, expect } from 'vitest';
import { toCanonical } from '../../../renderer/io/refi/positions';
import { MODELS } from '../../fixtures/positionModels';

describe('toCanonical', () => {
  it('CRLF: counts 2 except in codepoints-lf', () => {
    const raw = 'ab\r\ncd'; // canonical 'ab\ncd', "cd" at 3..5
    expect(toCanonical(raw, [{ start: 4, end: 6 }], 'codepoints')).toEqual({ ranges: [{ start: 3, end: 5 }], adjusted: 0 });
    expect(toCanonical(raw, [{ start: 4, end: 6 }], 'utf16')).toEqual({ ranges: [{ start: 3, end: 5 }], adjusted: 0 });
    expect(toCanonical(raw, [{ start: 4, end: 6 }], 'utf16-crlf')).toEqual({ ranges: [{ start: 3, end: 5 }], adjusted: 0 });
    expect(toCanonical(raw, [{ start: 3, end: 5 }], 'codepoints-lf')).toEqual({ ranges: [{ start: 3, end: 5 }], adjusted: 0 });
    expect(toCanonical(raw, [{ start: 0, end: 2 }], 'codepoints')).toEqual({ ranges: [{ start: 0, end: 2 }], adjusted: 0 });
  });

  it('a position between CR and LF: starts move back to the break, ends move past it', () => {
    const raw = 'ab\r\ncd';
    for (const model of ['codepoints', 'utf16', 'utf16-crlf'] as const) {
      expect(toCanonical(raw, [{ start: 3, end: 6 }], model)).toEqual({ ranges: [{ start: 2, end: 5 }], adjusted: 1 });
      expect(toCanonical(raw, [{ start: 0, end: 3 }], model)).toEqual({ ranges: [{ start: 0, end: 3 }], adjusted: 1 });
      expect(
        toCanonical(
          raw,
          [
            { start: 3, end: 3 },
            { start: 0, end: 3 },
          ],
          model,
        ),
      ).toEqual({
        ranges: [
          { start: 2, end: 2 },
          { start: 0, end: 3 },
        ],
        adjusted: 3,
      });
    }
  });

  it('lone CR and LF: 1 each, except 2 in utf16-crlf', () => {
    const raw = 'ab\rcd\nef'; // canonical 'ab\ncd\nef'
    for (const model of ['codepoints', 'utf16', 'codepoints-lf'] as const) {
      expect(
        toCanonical(
          raw,
          [
            { start: 3, end: 5 },
            { start: 6, end: 8 },
          ],
          model,
        ),
      ).toEqual({
        ranges: [
          { start: 3, end: 5 },
          { start: 6, end: 8 },
        ],
        adjusted: 0,
      });
    }
    // NVivo: a0 b1 CR2-3 c4 d5 LF6-7 e8 f9 end10
    expect(
      toCanonical(
        raw,
        [
          { start: 4, end: 6 },
          { start: 8, end: 10 },
        ],
        'utf16-crlf',
      ),
    ).toEqual({
      ranges: [
        { start: 3, end: 5 },
        { start: 6, end: 8 },
      ],
      adjusted: 0,
    });
    expect(
      toCanonical(
        raw,
        [
          { start: 3, end: 6 },
          { start: 4, end: 7 },
        ],
        'utf16-crlf',
      ),
    ).toEqual({
      ranges: [
        { start: 2, end: 5 },
        { start: 3, end: 6 },
      ],
      adjusted: 2,
    });
  });

  it('astral characters: one position in the code point models, two in the UTF-16 ones', () => {
    const raw = 'a😀b';
    expect(
      toCanonical(
        raw,
        [
          { start: 2, end: 3 },
          { start: 1, end: 2 },
        ],
        'codepoints',
      ),
    ).toEqual({
      ranges: [
        { start: 3, end: 4 },
        { start: 1, end: 3 },
      ],
      adjusted: 0,
    });
    expect(toCanonical(raw, [{ start: 2, end: 3 }], 'codepoints-lf').ranges).toEqual([{ start: 3, end: 4 }]);
    for (const model of ['utf16', 'utf16-crlf'] as const) {
      expect(
        toCanonical(
          raw,
          [
            { start: 3, end: 4 },
            { start: 1, end: 3 },
          ],
          model,
        ),
      ).toEqual({
        ranges: [
          { start: 3, end: 4 },
          { start: 1, end: 3 },
        ],
        adjusted: 0,
      });
    }
  });

  it('a position inside a surrogate pair widens the range to the whole character', () => {
    const raw = 'a😀b';
    expect(toCanonical(raw, [{ start: 2, end: 4 }], 'utf16')).toEqual({ ranges: [{ start: 1, end: 4 }], adjusted: 1 });
    expect(toCanonical(raw, [{ start: 0, end: 2 }], 'utf16')).toEqual({ ranges: [{ start: 0, end: 3 }], adjusted: 1 });
    expect(toCanonical(raw, [{ start: 2, end: 2 }], 'utf16-crlf')).toEqual({ ranges: [{ start: 1, end: 1 }], adjusted: 2 });
  });

  it('flags are two code points (four UTF-16 units); a position between them is not adjusted', () => {
    const raw = 'x🇫🇷y'; // canonical x0 🇫1-2 🇷3-4 y5
    expect(
      toCanonical(
        raw,
        [
          { start: 3, end: 4 },
          { start: 1, end: 3 },
          { start: 2, end: 3 },
        ],
        'codepoints',
      ),
    ).toEqual({
      ranges: [
        { start: 5, end: 6 },
        { start: 1, end: 5 },
        { start: 3, end: 5 },
      ],
      adjusted: 0,
    });
    expect(toCanonical(raw, [{ start: 5, end: 6 }], 'utf16').ranges).toEqual([{ start: 5, end: 6 }]);
  });

  it('combining marks are ordinary code points', () => {
    const raw = 'cafe\u0301 ok';
    for (const model of MODELS) {
      expect(
        toCanonical(
          raw,
          [
            { start: 0, end: 5 },
            { start: 6, end: 8 },
          ],
          model,
        ).ranges,
      ).toEqual([
        { start: 0, end: 5 },
        { start: 6, end: 8 },
      ]);
    }
    const crlf = 'cafe\u0301\r\nok'; // code points: c a f e ◌́ CR LF o k
    expect(toCanonical(crlf, [{ start: 7, end: 9 }], 'codepoints').ranges).toEqual([{ start: 6, end: 8 }]);
  });

  it('emoji and CRLF together', () => {
    const raw = 'Hi 😀\r\nyo'; // canonical 'Hi 😀\nyo', "yo" at 6..8
    expect(toCanonical(raw, [{ start: 6, end: 8 }], 'codepoints').ranges).toEqual([{ start: 6, end: 8 }]);
    expect(toCanonical(raw, [{ start: 7, end: 9 }], 'utf16').ranges).toEqual([{ start: 6, end: 8 }]);
    expect(toCanonical(raw, [{ start: 7, end: 9 }], 'utf16-crlf').ranges).toEqual([{ start: 6, end: 8 }]);
    expect(toCanonical(raw, [{ start: 5, end: 7 }], 'codepoints-lf').ranges).toEqual([{ start: 6, end: 8 }]);
  });

  it('out of range, reversed or non-integer positions give null; empty and whole-text ranges are fine', () => {
    const raw = 'ab\rcd\nef';
    const ranges = [
      { start: 8, end: 11 },
      { start: 5, end: 4 },
      { start: -1, end: 2 },
      { start: 1.5, end: 2 },
      { start: 10, end: 10 },
      { start: 0, end: 10 },
    ];
    expect(toCanonical(raw, ranges, 'utf16-crlf')).toEqual({
      ranges: [null, null, null, null, { start: 8, end: 8 }, { start: 0, end: 8 }],
      adjusted: 0,
    });
    expect(
      toCanonical(
        raw,
        [
          { start: 6, end: 9 },
          { start: 0, end: 8 },
        ],
        'codepoints',
      ).ranges,
    ).toEqual([null, { start: 0, end: 8 }]);
    // The fast path (no CR, no surrogates) agrees.
    expect(
      toCanonical(
        'hello',
        [
          { start: 0, end: 6 },
          { start: 5, end: 5 },
          { start: 3, end: 2 },
        ],
        'codepoints',
      ).ranges,
    ).toEqual([null, { start: 5, end: 5 }, null]);
    expect(
      toCanonical(
        '',
        [
          { start: 0, end: 0 },
          { start: 0, end: 1 },
        ],
        'utf16-crlf',
      ).ranges,
    ).toEqual([{ start: 0, end: 0 }, null]);
  });

  it('keeps the input order with overlapping and repeated ranges', () => {
    const raw = 'one\r\ntwo\r\nthree';
    const ranges = [
      { start: 10, end: 15 },
      { start: 0, end: 3 },
      { start: 0, end: 15 },
      { start: 5, end: 8 },
      { start: 5, end: 8 },
    ];
    expect(toCanonical(raw, ranges, 'codepoints').ranges).toEqual([
      { start: 8, end: 13 },
      { start: 0, end: 3 },
      { start: 0, end: 13 },
      { start: 4, end: 7 },
      { start: 4, end: 7 },
    ]);
  });
});
