// The word cloud: a well-formed standalone SVG, the same for the same words, with no two words'
// boxes overlapping and every box inside the canvas; what does not fit is listed, not dropped.
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { wordCloudSvg, type PlacedWord } from '../../../renderer/core/search';

const WORDS = ['police', 'children', 'violence', 'family', 'money', 'school', 'respect', 'listen', 'change', 'responsibility'];
const sample = WORDS.map((word, i) => ({ word, count: 100 - i * 9 }));

const texts = (svg: string): Record<string, string>[] => {
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg) as { svg: { text?: unknown } };
  const list = parsed.svg.text;
  return (Array.isArray(list) ? list : list === undefined ? [] : [list]) as Record<string, string>[];
};
const overlap = (a: PlacedWord, b: PlacedWord) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('wordCloudSvg', () => {
  it('writes a standalone SVG with a title and one text element per placed word', () => {
    const { svg, placed, omitted } = wordCloudSvg(sample, { width: 600, height: 400 });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="600" height="400" viewBox="0 0 600 400"/);
    expect(svg).toContain('<title>');
    expect(omitted).toEqual([]);
    expect(placed.map((p) => p.word)).toEqual(WORDS);
    const elements = texts(svg);
    expect(elements.map((t) => t['data-word'])).toEqual(WORDS);
    for (const t of elements) {
      expect(Object.keys(t)).toEqual(expect.arrayContaining(['x', 'y', 'font-size', 'fill', 'data-word']));
      expect(t['#text']).toBe(t['data-word']);
    }
  });

  it('sizes words by the square root of their count, largest first and at the centre', () => {
    const { placed } = wordCloudSvg(
      [
        { word: 'small', count: 1 },
        { word: 'large', count: 100 },
        { word: 'middle', count: 25 },
      ],
      { width: 800, height: 500 },
    );
    expect(placed.map((p) => [p.word, p.fontSize])).toEqual([
      ['large', 100],
      ['middle', 10 + (90 * 4) / 9],
      ['small', 10],
    ]);
    const [large] = placed;
    expect(large!.x + large!.width / 2).toBeCloseTo(400, 0);
    expect(large!.y + large!.height / 2).toBeCloseTo(250, 0);
  });

  it('gives the same SVG for the same words, in any order', () => {
    const first = wordCloudSvg(sample);
    expect(wordCloudSvg(sample)).toEqual(first);
    expect(wordCloudSvg([...sample].reverse())).toEqual(first);
  });

  it('escapes XML special characters in words, colours and the font', () => {
    const word = 'a<b & "c" \'d\'';
    const { svg } = wordCloudSvg([{ word, count: 2 }], { colours: ['"red"'], fontFamily: '"Gill Sans", sans-serif' });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('data-word="a&lt;b &amp; &quot;c&quot; &apos;d&apos;"');
    expect(svg).not.toContain('<b');
    const [text] = texts(svg);
    expect(text!['data-word']).toBe(word);
    expect(text!['#text']).toBe(word);
    expect(text!.fill).toBe('"red"');
    // Characters XML cannot hold are dropped rather than making a file that does not open.
    expect(XMLValidator.validate(wordCloudSvg([{ word: 'bad\u0001\ud800', count: 1 }]).svg)).toBe(true);
  });

  it('lists the words that fit nowhere, and keeps to maxWords', () => {
    const long = { word: 'x'.repeat(40), count: 50 };
    const { placed, omitted } = wordCloudSvg([long, ...sample], { width: 200, height: 100 });
    expect(omitted[0]).toBe(long.word);
    expect(placed.length + omitted.length).toBe(sample.length + 1);
    expect(wordCloudSvg(sample, { maxWords: 3 }).placed.map((p) => p.word)).toEqual(WORDS.slice(0, 3));
    expect(
      wordCloudSvg([
        { word: '', count: 3 },
        { word: 'zero', count: 0 },
      ]),
    ).toMatchObject({ placed: [], omitted: [] });
  });

  it('never overlaps two words nor leaves the canvas', () => {
    const word = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzé’<&'), minLength: 1, maxLength: 14 });
    fc.assert(
      fc.property(
        fc.array(fc.record({ word, count: fc.integer({ min: 1, max: 1000 }) }), { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 60, max: 1200 }),
        fc.integer({ min: 40, max: 800 }),
        (words, width, height) => {
          const { svg, placed, omitted } = wordCloudSvg(words, { width, height, maxWords: 200 });
          expect(placed.length + omitted.length).toBe(words.length);
          for (const [i, a] of placed.entries()) {
            expect(a.x >= 0 && a.y >= 0 && a.x + a.width <= width && a.y + a.height <= height).toBe(true);
            for (const b of placed.slice(i + 1)) expect(overlap(a, b)).toBe(false);
          }
          expect(XMLValidator.validate(svg)).toBe(true);
          expect(texts(svg)).toHaveLength(placed.length);
        },
      ),
      { numRuns: 40 },
    );
  });
});
