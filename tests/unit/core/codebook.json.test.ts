// parseCodebookJson: normalising what it reads, and refusing files that are not codebooks, naming the code.
import { describe, expect, it } from 'vitest';
import { parseCodebookJson, type CodebookNode } from '../../../renderer/core/codebook/codebook';
import { ImportError } from '../../../renderer/io/errors';

const json = (codes: unknown) => JSON.stringify({ format: 'mirabal-codebook', version: 1, codes });

describe('parseCodebookJson', () => {
  const bad = (text: string, message: string) => {
    const attempt = () => parseCodebookJson(text, 'book.json');
    expect(attempt).toThrow(ImportError);
    expect(attempt).toThrow(message);
  };

  it('normalises what it reads: trimmed text, lower-case colours, no empty fields', () => {
    const text = json([
      { name: ' A ', description: ' d ', examples: '', colour: '#ABCDEF', children: [] },
      { name: 'B', colour: '' },
    ]);
    expect(parseCodebookJson(`\uFEFF${text}`, 'book.json')).toEqual([{ name: 'A', description: 'd', colour: '#abcdef' }, { name: 'B' }]);
  });

  it('keeps categories, and refuses a category that is not true or false', () => {
    const text = json([{ name: 'Process of change', category: true, children: [{ name: 'Sparks', category: false }] }]);
    expect(parseCodebookJson(text, 'book.json')).toEqual([{ name: 'Process of change', category: true, children: [{ name: 'Sparks' }] }]);
    bad(json([{ name: 'A', category: 'yes' }]), 'book.json: codes[0]: category must be true or false.');
  });

  it('refuses a file that is not a codebook', () => {
    bad('{ nope', 'book.json: is not valid JSON (');
    bad('[]', 'book.json: is not a codebook: it must be an object with "format": "mirabal-codebook".');
    bad(
      JSON.stringify({ format: 'mirabal-codebook', version: 2, codes: [] }),
      'book.json: is a version 2 codebook; this workbench reads version 1.',
    );
    bad(JSON.stringify({ format: 'mirabal-codebook', version: '1', codes: [] }), 'book.json: "version" must be a whole number');
    bad(JSON.stringify({ format: 'mirabal-codebook', version: 1, codes: [], author: 'x' }), 'book.json: unknown field "author"');
    bad(JSON.stringify({ format: 'mirabal-codebook', version: 1, codes: {} }), 'book.json: "codes" must be a list of codes.');
    bad(JSON.stringify({ format: 'mirabal-codebook', version: 1, name: 3, codes: [] }), 'book.json: "name" must be text.');
  });

  it('names the code and the problem', () => {
    const three = (child: unknown) => json([{ name: 'A' }, { name: 'B' }, { name: 'C', children: [child] }]);
    bad(three({ name: '  ' }), 'book.json: codes[2].children[0]: name is empty.');
    bad(three({ description: 'x' }), 'book.json: codes[2].children[0]: name is missing.');
    bad(three({ name: 7 }), 'book.json: codes[2].children[0]: name must be text.');
    bad(three({ name: 'a\nb' }), 'book.json: codes[2].children[0]: name must be one line.');
    bad(three({ name: 'x'.repeat(201) }), 'book.json: codes[2].children[0]: name is longer than 200 characters');
    bad(three('A'), 'book.json: codes[2].children[0]: must be an object with at least a "name".');
    bad(three({ name: 'X', colour: '#12345' }), 'book.json: codes[2].children[0]: colour "#12345" is not a colour like "#a1b2c3".');
    bad(three({ name: 'X', colour: 255 }), 'book.json: codes[2].children[0]: colour must be text');
    bad(three({ name: 'X', inclusion: ['a'] }), 'book.json: codes[2].children[0]: inclusion must be text.');
    bad(three({ name: 'X', children: 'Y' }), 'book.json: codes[2].children[0]: children must be a list of codes.');
    bad(three({ name: 'X', colur: '#123456' }), 'book.json: codes[2].children[0]: unknown field "colur"');
    bad(json([{ name: 'A' }, { name: 'a ' }]), 'book.json: codes[1]: name "a" is used twice among its siblings (also codes[0]).');
  });

  it('limits depth to 12 and size to 5,000 codes', () => {
    const nest = (depth: number): CodebookNode => ({ name: `L${depth}`, ...(depth > 1 ? { children: [nest(depth - 1)] } : {}) });
    expect(() => parseCodebookJson(json([nest(12)]), 'book.json')).not.toThrow();
    bad(json([nest(13)]), `book.json: codes[0]${'.children[0]'.repeat(12)}: nested too deeply; codes may be at most 12 levels deep.`);
    const many = Array.from({ length: 5001 }, (_, i) => ({ name: `C${i}` }));
    expect(() => parseCodebookJson(json(many.slice(0, 5000)), 'book.json')).not.toThrow();
    bad(json(many), 'book.json: codes[5000]: too many codes; a codebook may hold at most 5,000.');
  });
});
