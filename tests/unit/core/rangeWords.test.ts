// Word counts of ranges, held to countWords on the sliced text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from '../../../renderer/core/shared/names';
import { rangeWordCounter } from '../../../renderer/core/waves/rangeWords';

describe('rangeWordCounter', () => {
  // Letters, digits, joiners (' ’ -), a combining mark, astral letters and emoji (surrogate pairs),
  // lone surrogates, CJK, spaces and punctuation: everything where a range can cut a word oddly.
  const pieces = [
    'a',
    'Bc',
    '7',
    'é',
    '\u0301',
    "'",
    '’',
    '-',
    ' ',
    '.',
    '\n',
    '𝐀',
    '🙂',
    '\uD835',
    '\uDC00',
    '日本',
    '_',
    'word',
    "it's",
    '--x',
    '١',
  ];
  const textArb = fc.array(fc.constantFrom(...pieces), { maxLength: 160 }).map((xs) => xs.join(''));

  it('counts every range exactly as countWords counts the slice', () => {
    fc.assert(
      fc.property(textArb, fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 20 }), (text, ranges) => {
        const count = rangeWordCounter(text);
        for (const [x, y] of ranges) {
          const s = x % (text.length + 1);
          const e = y % (text.length + 1);
          expect(count(Math.min(s, e), Math.max(s, e))).toBe(countWords(text.slice(Math.min(s, e), Math.max(s, e))));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('agrees on every range of texts that put pairs and long words across the checkpoints', () => {
    const texts = [
      'x'.repeat(63) + '𝐀bc def',
      'x'.repeat(63) + '𝐀',
      ' '.repeat(127) + '𝐀',
      'x'.repeat(62) + ' 𝐀𝐀 a',
      ' '.repeat(63) + '𝐀 ' + '🙂'.repeat(40) + 'é',
      'a-'.repeat(70) + ' end',
      "''" + 'b'.repeat(130) + '’s',
      '日本語 '.repeat(50),
      '',
      'x'.repeat(15) + '𝐀',
      'x'.repeat(31) + '𝐀',
      // pairs at every parity against any checkpoint spacing
      ...[0, 1, 2, 3].map((pad) => ' '.repeat(pad) + '𝐀b🙂-𝐀 '.repeat(12)),
    ];
    for (const text of texts) {
      const count = rangeWordCounter(text);
      for (let s = 0; s <= text.length; s += 1) {
        for (let e = s; e <= text.length; e += 1) {
          if (count(s, e) !== countWords(text.slice(s, e)))
            expect({ text, s, e, got: count(s, e) }).toEqual({ text, s, e, got: countWords(text.slice(s, e)) });
        }
      }
    }
  });

  it('clamps offsets to the text', () => {
    const count = rangeWordCounter('one two three');
    expect(count(-5, 100)).toBe(3);
    expect(count(5, 2)).toBe(0);
  });
});
