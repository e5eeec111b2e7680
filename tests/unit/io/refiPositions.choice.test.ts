// Choosing the position model: labels, the preferred model per tool, the word-boundary score and chooseModel.
import { describe, it, expect } from 'vitest';
import { canonicalNewlines } from '../../../renderer/io/decode';
import { MODEL_LABELS, boundaryScore, chooseModel, preferredModel, type Range } from '../../../renderer/io/refi/positions';
import { MODELS, toFile } from '../../fixtures/positionModels';

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
    expect(MODEL_LABELS.utf16).toContain('NVivo');
    expect(MODEL_LABELS.codepoints).toContain('REFI-QDA');
  });

  it('prefers UTF-16 units of the text as written for NVivo, and code points for everything else', () => {
    expect(preferredModel('NVivo 14')).toBe('utf16');
    expect(preferredModel('QSR nvivo for Mac')).toBe('utf16');
    expect(preferredModel('ATLAS.ti 23')).toBe('codepoints');
    expect(preferredModel('MAXQDA 2024')).toBe('codepoints');
    expect(preferredModel('')).toBe('codepoints');
    expect(preferredModel(undefined)).toBe('codepoints');
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
  const lines = [
    'Interviewer: How did the harvest go this year?',
    'Dale: Better than last year, honestly.',
    'We planted earlier and the rain came on time.',
    'Interviewer: And the prices?',
    'Dale: Prices were terrible again.',
    'Everyone at the cooperative complained.',
  ];
  const lf = lines.join('\n');
  const crlf = lines.join('\r\n');
  const words = ['harvest', 'honestly', 'planted', 'rain', 'prices', 'terrible', 'cooperative complained'];

  it('NVivo for Windows: CR LF text, UTF-16 positions counting each CR LF as 2: read exactly', () => {
    const expected = wordRanges(lf, words);
    const choice = chooseModel(crlf, toFile(crlf, expected, 'utf16'), 'NVivo 14.23 (Windows)');
    expect(choice).toMatchObject({ model: 'utf16', switched: false, doubt: null, adjusted: 0, score: 1 });
    expect(choice.ranges).toEqual(expected);
  });

  it('NVivo for Mac: LF-only text counting each LF as 1, even with only 2 selections: read exactly, no doubt', () => {
    const expected = wordRanges(lf, ['planted', 'cooperative complained']);
    const choice = chooseModel(lf, toFile(lf, expected, 'utf16'), 'NVivo 12.7 (Mac)');
    expect(choice).toMatchObject({ model: 'utf16', switched: false, doubt: null, score: 1 });
    expect(choice.ranges).toEqual(expected);
  });

  it('an NVivo file whose LF-only text was counted with breaks as 2: switched, given enough selections', () => {
    const expected = wordRanges(lf, words);
    const choice = chooseModel(lf, toFile(lf, expected, 'utf16-crlf'), 'NVivo 14');
    expect(choice).toMatchObject({ model: 'utf16-crlf', switched: true, score: 1 });
    expect(choice.ranges).toEqual(expected);
    expect(choice.considered[0]!.model).toBe('utf16');
  });

  it('with too few selections to switch, the boundary check doubts aloud', () => {
    const expected = wordRanges(lf, ['harvest', 'honestly']);
    const choice = chooseModel(lf, toFile(lf, expected, 'utf16-crlf'), 'NVivo 14');
    expect(choice).toMatchObject({ model: 'utf16', switched: false });
    expect(choice.score).toBeLessThan(0.8);
    expect(choice.doubt).toEqual({ model: 'utf16-crlf', score: 1 });
  });

  it('NVivo origin whose positions are code points on emoji text: switched', () => {
    const raw = lines.map((l, i) => (i % 2 ? `${l} 😀` : l)).join('\n');
    const expected = wordRanges(raw, words);
    const choice = chooseModel(raw, toFile(raw, expected, 'codepoints'), 'NVivo 12 (Windows)');
    expect(choice).toMatchObject({ model: 'codepoints', switched: true, score: 1 });
    expect(choice.ranges).toEqual(expected);
    expect(choice.considered[0]!.model).toBe('utf16');
    expect(choice.considered[0]!.score).toBeLessThan(0.8);
  });

  it('ATLAS.ti with code points on CRLF text with emoji: stays on the standard', () => {
    const raw = lines.map((l, i) => (i === 2 ? `${l} 😀🇫🇷` : l)).join('\r\n');
    const canonical = canonicalNewlines(raw);
    const expected = wordRanges(canonical, [...words, '😀🇫🇷']);
    const choice = chooseModel(raw, toFile(raw, expected, 'codepoints'), 'ATLAS.ti 23.2');
    expect(choice).toMatchObject({ model: 'codepoints', switched: false, doubt: null, adjusted: 0, score: 1 });
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
    expect(choice.considered).toEqual([{ model: 'utf16', score: 0.5 }]);
    expect(choice).toMatchObject({ model: 'utf16', switched: false, doubt: null });
    expect(chooseModel(lf, [], 'NVivo').considered).toHaveLength(1);
  });

  it('does not switch when no model fits clearly better', () => {
    const raw = ['aaaaaaaaaa', 'aaaaaaaaaa', 'aaaaaaaaaa'].join('\n');
    const choice = chooseModel(raw, [{ start: 25, end: 27 }], 'NVivo');
    expect(choice.considered.map((c) => c.score)).toEqual([0, 0]);
    expect(choice).toMatchObject({ model: 'utf16', switched: false, doubt: null });
  });

  it('does not switch to a model that leaves a selection outside the text', () => {
    // One line: the only alternative to UTF-16 is code points.
    const raw = lines.map((l) => `${l} 😀`).join(' ');
    const expected = wordRanges(raw, words);
    const positions = toFile(raw, expected, 'codepoints');
    const points = [...raw].length;
    positions.push({ start: points + 1, end: points + 3 }); // inside only when emoji count 2
    const choice = chooseModel(raw, positions, 'NVivo');
    expect(choice.model).toBe('utf16');
    expect(choice.switched).toBe(false);
    expect(choice.considered.find((c) => c.model === 'codepoints')!.score).toBe(1);
  });

  it('a malformed selection does not make every alternative ineligible', () => {
    const expected = wordRanges(lf, words);
    const positions = [...toFile(lf, expected, 'utf16-crlf'), { start: 9, end: 3 }];
    const choice = chooseModel(lf, positions, 'NVivo');
    expect(choice.model).toBe('utf16-crlf');
    expect(choice.ranges).toEqual([...expected, null]);
  });
});
