// Properties of the position conversions over random texts of words, breaks, emoji and combining marks.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { canonicalNewlines } from '../../../renderer/io/decode';
import { chooseModel, preferredModel, toCanonical, toCodePoints, type Range } from '../../../renderer/io/refi/positions';
import { MODELS, toFile } from '../../fixtures/positionModels';

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
