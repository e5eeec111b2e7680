import { describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK } from '../../../codebook';
import { codesFromTree } from '../../../renderer/core/codebook';
import { codebookCsv, codebookJson, readCodebookFile } from '../../../renderer/io/codebookFiles';

let n = 0;
const newId = () => `k${++n}`;
const enc = (s: string) => new TextEncoder().encode(s);

describe('codebook files', () => {
  const codes = codesFromTree([...DEFAULT_CODEBOOK, { name: '=SUM(A1)', description: 'a risky name' }], newId);
  it('round-trips the study codebook through JSON and CSV', () => {
    const json = readCodebookFile({ name: 'book.json', bytes: enc(codebookJson(codes, 'Study')) });
    const csv = readCodebookFile({ name: 'book.csv', bytes: enc(codebookCsv(codes)) });
    expect(json).toEqual(csv);
    expect(json.at(-1)).toMatchObject({ name: '=SUM(A1)' });
    expect(codebookCsv(codes)).toContain(`'=SUM(A1)`);
    expect(json.length).toBe(DEFAULT_CODEBOOK.length + 1);
  });
  it('refuses other files, naming them', () => {
    expect(() => readCodebookFile({ name: 'book.docx', bytes: enc('x') })).toThrow(/^book\.docx: is not a codebook file/);
    expect(() => readCodebookFile({ name: 'book.json', bytes: enc('{') })).toThrow(/^book\.json: /);
  });
});
