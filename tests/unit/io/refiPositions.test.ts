import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { canonicalNewlines } from '../../../renderer/io/decode';
import {
  MODEL_LABELS,
  boundaryScore,
  chooseModel,
  preferredModel,
  toCanonical,
  toCodePoints,
  type PositionModel,
  type Range,
} from '../../../renderer/io/refi/positions';

const MODELS: PositionModel[] = ['codepoints', 'utf16', 'utf16-crlf', 'codepoints-lf'];

/** Reference, character by character: canonical offset (at a character boundary) -> file position. */
function fileOffsets(raw: string, model: PositionModel): Map<number, number> {
  const map = new Map<number, number>([[0, 0]]);
  const countsCodePoints = model === 'codepoints' || model === 'codepoints-lf';
  let c = 0;
  let f = 0;
  let i = 0;
  while (i < raw.length) {
    if (raw[i] === '\r' && raw[i + 1] === '\n') {
      f += model === 'codepoints-lf' ? 1 : 2;
      c += 1;
      i += 2;
    } else if (raw[i] === '\r' || raw[i] === '\n') {
      f += model === 'utf16-crlf' ? 2 : 1;
      c += 1;
      i += 1;
    } else {
      const units = raw.codePointAt(i)! > 0xffff ? 2 : 1;
      f += countsCodePoints ? 1 : units;
      c += units;
      i += units;
    }
    map.set(c, f);
  }
  return map;
}

function toFile(raw: string, ranges: Range[], model: PositionModel): Range[] {
  const map = fileOffsets(raw, model);
  return ranges.map((r) => ({ start: map.get(r.start)!, end: map.get(r.end)! }));
}

/** Canonical ranges of the given words (each must occur once in the canonical text). */
function wordRanges(canonical: string, words: string[]): Range[] {
  return words.map((w) => {
    const start = canonical.indexOf(w);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(canonical.indexOf(w, start + 1)).toBe(-1);
    return { start, end: start + w.length };
  });
}

describe('MODEL_LABELS and preferredModel', () => {
  it('has a human label for every model', () => {
    for (const m of MODELS) expect(MODEL_LABELS[m].length).toBeGreaterThan(5);
    expect(MODEL_LABELS['utf16-crlf']).toContain('NVivo');
    expect(MODEL_LABELS.codepoints).toContain('REFI-QDA');
  });

  it('prefers UTF-16 + CRLF for NVivo and code points for everything else', () => {
    expect(preferredModel('NVivo 14')).toBe('utf16-crlf');
    expect(preferredModel('QSR nvivo for Mac')).toBe('utf16-crlf');
    expect(preferredModel('ATLAS.ti 23')).toBe('codepoints');
    expect(preferredModel('MAXQDA 2024')).toBe('codepoints');
    expect(preferredModel('')).toBe('codepoints');
    expect(preferredModel(undefined)).toBe('codepoints');
  });
});

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

describe('boundaryScore', () => {
  const text = "hello world, don't stop";

  it('counts starts and ends separately', () => {
    expect(boundaryScore(text, [{ start: 0, end: 5 }])).toBe(1);
    expect(boundaryScore(text, [{ start: 6, end: 11 }])).toBe(1);
    expect(boundaryScore(text, [{ start: 1, end: 4 }])).toBe(0);
    expect(boundaryScore(text, [{ start: 0, end: 4 }])).toBe(0.5);
    expect(
      boundaryScore(text, [
        { start: 0, end: 5 },
        { start: 6, end: 11 },
        { start: 1, end: 4 },
      ]),
    ).toBeCloseTo(4 / 6);
  });

  it('treats apostrophes and hyphens as part of a word', () => {
    expect(boundaryScore(text, [{ start: 13, end: 16 }])).toBe(0.5); // "don" ends before the apostrophe
    expect(boundaryScore(text, [{ start: 13, end: 18 }])).toBe(1);
    expect(boundaryScore('well-known', [{ start: 0, end: 4 }])).toBe(0.5);
  });

  it('ignores null and empty ranges and is 1 with nothing to judge', () => {
    expect(boundaryScore(text, [])).toBe(1);
    expect(boundaryScore(text, [null, { start: 2, end: 2 }])).toBe(1);
    expect(boundaryScore(text, [null, { start: 2, end: 2 }, { start: 1, end: 4 }])).toBe(0);
  });

  it('text ends, combining marks, surrogate pairs', () => {
    expect(boundaryScore('abc', [{ start: 0, end: 3 }])).toBe(1);
    expect(boundaryScore('cafe\u0301 ok', [{ start: 0, end: 4 }])).toBe(0.5); // before the accent
    expect(boundaryScore('cafe\u0301 ok', [{ start: 0, end: 5 }])).toBe(1);
    expect(boundaryScore('a😀b', [{ start: 1, end: 3 }])).toBe(1); // emoji is not a word character
    expect(boundaryScore('a😀b', [{ start: 0, end: 2 }])).toBe(0.5); // inside the pair
    expect(boundaryScore('𝒜b c', [{ start: 0, end: 2 }])).toBe(0.5); // 𝒜 is a letter: no boundary before b
    expect(boundaryScore('𝒜b c', [{ start: 0, end: 3 }])).toBe(1);
  });
});

describe('chooseModel', () => {
  // LF-only text, as NVivo receives it from a Mac or a web export; NVivo still counts each break as 2.
  const lines = [
    'Interviewer: How did the harvest go this year?',
    'Dale: Better than last year, honestly.',
    'We planted earlier and the rain came on time.',
    'Interviewer: And the prices?',
    'Dale: Prices were terrible again.',
    'Everyone at the cooperative complained.',
  ];
  const lf = lines.join('\n');
  const words = ['harvest', 'honestly', 'planted', 'rain', 'prices', 'terrible', 'cooperative complained'];

  it('NVivo positions that really are UTF-16 + CRLF: kept', () => {
    const expected = wordRanges(lf, words);
    const choice = chooseModel(lf, toFile(lf, expected, 'utf16-crlf'), 'NVivo 14');
    expect(choice.model).toBe('utf16-crlf');
    expect(choice.switched).toBe(false);
    expect(choice.ranges).toEqual(expected);
    expect(choice.adjusted).toBe(0);
    expect(choice.score).toBe(1);
    expect(choice.considered.map((c) => c.model)).toEqual(['utf16-crlf', 'codepoints']);
  });

  it('NVivo origin whose positions are code points: switched', () => {
    const expected = wordRanges(lf, words);
    const choice = chooseModel(lf, toFile(lf, expected, 'codepoints'), 'NVivo 12 (Windows)');
    expect(choice.model).toBe('codepoints');
    expect(choice.switched).toBe(true);
    expect(choice.ranges).toEqual(expected);
    expect(choice.score).toBe(1);
    const preferred = choice.considered[0]!;
    expect(preferred.model).toBe('utf16-crlf');
    expect(preferred.score).toBeLessThan(0.8);
  });

  it('ATLAS.ti with code points on CRLF text with emoji: stays on the standard', () => {
    const raw = lines.map((l, i) => (i === 2 ? `${l} 😀🇫🇷` : l)).join('\r\n');
    const canonical = canonicalNewlines(raw);
    const expected = wordRanges(canonical, [...words, '😀🇫🇷']);
    const choice = chooseModel(raw, toFile(raw, expected, 'codepoints'), 'ATLAS.ti 23.2');
    expect(choice).toMatchObject({ model: 'codepoints', switched: false, adjusted: 0, score: 1 });
    expect(choice.ranges).toEqual(expected);
    // On CRLF text utf16-crlf counts exactly like utf16, so it is not a separate candidate.
    expect(choice.considered.map((c) => c.model)).toEqual(['codepoints', 'utf16', 'codepoints-lf']);
    expect(choice.considered.slice(1).every((c) => c.score < 1)).toBe(true);
  });

  it('models that coincide for the text are not distinguished', () => {
    const raw = 'Just one line without breaks or emoji.';
    const choice = chooseModel(
      raw,
      [
        { start: 5, end: 8 },
        { start: 1, end: 3 },
      ],
      'NVivo 14',
    );
    expect(choice.considered).toEqual([{ model: 'utf16-crlf', score: 0.5 }]);
    expect(choice.switched).toBe(false);
    expect(choice.model).toBe('utf16-crlf');
    expect(chooseModel(lf, [], 'NVivo').considered).toHaveLength(1);
  });

  it('does not switch when no model fits clearly better', () => {
    const raw = ['aaaaaaaaaa', 'aaaaaaaaaa', 'aaaaaaaaaa'].join('\n');
    const choice = chooseModel(raw, [{ start: 25, end: 27 }], 'NVivo');
    expect(choice.considered.map((c) => c.score)).toEqual([0, 0]);
    expect(choice).toMatchObject({ model: 'utf16-crlf', switched: false });
  });

  it('does not switch to a model that leaves a selection outside the text', () => {
    const expected = wordRanges(lf, words);
    const positions = toFile(lf, expected, 'codepoints');
    positions.push({ start: lf.length + 2, end: lf.length + 4 }); // inside under NVivo counting only
    const choice = chooseModel(lf, positions, 'NVivo');
    expect(choice.model).toBe('utf16-crlf');
    expect(choice.switched).toBe(false);
    expect(choice.considered.find((c) => c.model === 'codepoints')!.score).toBe(1);
  });

  it('a malformed selection does not make every alternative ineligible', () => {
    const expected = wordRanges(lf, words);
    const positions = [...toFile(lf, expected, 'codepoints'), { start: 9, end: 3 }];
    const choice = chooseModel(lf, positions, 'NVivo');
    expect(choice.model).toBe('codepoints');
    expect(choice.ranges).toEqual([...expected, null]);
  });
});

describe('properties', () => {
  type Token = { word: boolean; text: string };
  const token: fc.Arbitrary<Token> = fc.oneof(
    { weight: 5, arbitrary: fc.stringMatching(/^[a-zé]{1,6}$/).map((text) => ({ word: true, text })) },
    { weight: 1, arbitrary: fc.constant({ word: true, text: 'e\u0301t' }) },
    { weight: 4, arbitrary: fc.constantFrom(' ', '\r\n', '\n', '\r', '😀', '🇫🇷', '👍🏽', ', ').map((text) => ({ word: false, text })) },
  );
  const input = fc.record({
    tokens: fc.array(token, { maxLength: 40 }),
    picks: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 12 }),
  });

  function build(tokens: Token[], picks: [number, number][]): { raw: string; canonical: string; ranges: Range[] } {
    const raw = tokens.map((t) => t.text).join('');
    // A lone CR followed by an LF token would merge into CRLF; that is fine, offsets are taken on canonical text.
    const canonical = canonicalNewlines(raw);
    const spans: Range[] = [];
    let c = 0;
    let prevCR = false;
    for (const t of tokens) {
      let len = canonicalNewlines(t.text).length;
      if (prevCR && t.text.startsWith('\n')) len -= 1;
      if (t.word) spans.push({ start: c, end: c + len });
      c += len;
      prevCR = t.text.endsWith('\r');
    }
    expect(c).toBe(canonical.length);
    const ranges =
      spans.length === 0
        ? []
        : picks.map(([a, b]) => {
            const i = Math.min(a % spans.length, b % spans.length);
            const j = Math.max(a % spans.length, b % spans.length);
            return { start: spans[i]!.start, end: spans[j]!.end };
          });
    return { raw, canonical, ranges };
  }

  it('file positions from an independent reference convert back to the original ranges', () => {
    fc.assert(
      fc.property(input, ({ tokens, picks }) => {
        const { raw, ranges } = build(tokens, picks);
        for (const model of MODELS) {
          expect(toCanonical(raw, toFile(raw, ranges, model), model)).toEqual({ ranges, adjusted: 0 });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('toCodePoints agrees with the reference and round-trips', () => {
    fc.assert(
      fc.property(input, ({ tokens, picks }) => {
        const { canonical, ranges } = build(tokens, picks);
        const cps = toCodePoints(canonical, ranges);
        expect(cps).toEqual(toFile(canonical, ranges, 'codepoints'));
        expect(toCanonical(canonical, cps, 'codepoints')).toEqual({ ranges, adjusted: 0 });
      }),
      { numRuns: 300 },
    );
  });

  it('any positions give null or a range inside the canonical text that splits no character', () => {
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 30 }),
        fc.array(fc.tuple(fc.integer({ min: -2, max: 80 }), fc.integer({ min: -2, max: 80 })), { maxLength: 10 }),
        fc.constantFrom(...MODELS),
        (tokens, pairs, model) => {
          const raw = tokens.map((t) => t.text).join('');
          const canonical = canonicalNewlines(raw);
          const ranges = pairs.map(([start, end]) => ({ start, end }));
          const result = toCanonical(raw, ranges, model);
          expect(result.ranges).toHaveLength(ranges.length);
          const isLow = (p: number) => /[\uDC00-\uDFFF]/.test(canonical[p] ?? '');
          result.ranges.forEach((r, i) => {
            if (!r) return;
            expect(r.start).toBeGreaterThanOrEqual(0);
            expect(r.end).toBeLessThanOrEqual(canonical.length);
            expect(r.end).toBeGreaterThanOrEqual(r.start);
            expect(isLow(r.start) || isLow(r.end)).toBe(false);
            if (ranges[i]!.start === ranges[i]!.end) expect(r.end).toBe(r.start);
          });
          const choice = chooseModel(raw, ranges, model === 'utf16-crlf' ? 'NVivo' : 'ATLAS.ti');
          expect(choice.score).toBeGreaterThanOrEqual(0);
          expect(choice.score).toBeLessThanOrEqual(1);
          expect(choice.considered[0]!.model).toBe(preferredModel(model === 'utf16-crlf' ? 'NVivo' : 'ATLAS.ti'));
        },
      ),
      { numRuns: 300 },
    );
  });
});
