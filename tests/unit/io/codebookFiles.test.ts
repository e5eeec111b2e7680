import { describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK } from '../../../codebook';
import { codesFromTree } from '../../../renderer/core/codebook/codebook';
import { codebookCsv, codebookJson, readCodebookFile } from '../../../renderer/io/codebookFiles';
import { writeQdc } from '../../../renderer/io/qdc';

let n = 0;
const newId = () => `k${++n}`;
const enc = (s: string) => new TextEncoder().encode(s);

describe('codebook files', () => {
  const codes = codesFromTree([...DEFAULT_CODEBOOK, { name: '=SUM(A1)', description: 'a risky name' }], newId);
  it('round-trips the study codebook through JSON, CSV and .qdc', async () => {
    const { nodes: json } = await readCodebookFile({ name: 'book.json', bytes: enc(codebookJson(codes, 'Study')) });
    const { nodes: csv } = await readCodebookFile({ name: 'book.csv', bytes: enc(codebookCsv(codes)) });
    const { nodes: qdc, warnings } = await readCodebookFile({ name: 'book.QDC', bytes: await writeQdc(codes) });
    expect(qdc).toEqual(json);
    expect(warnings).toEqual([]);
    expect(json).toEqual(csv);
    expect(json.at(-1)).toMatchObject({ name: '=SUM(A1)' });
    expect(codebookCsv(codes)).toContain(`'=SUM(A1)`);
    expect(json.length).toBe(DEFAULT_CODEBOOK.length + 1);
  });
  it('refuses other files, naming them', async () => {
    await expect(readCodebookFile({ name: 'book.docx', bytes: enc('x') })).rejects.toThrow(/^book\.docx: is not a codebook file/);
    await expect(readCodebookFile({ name: 'book.json', bytes: enc('{') })).rejects.toThrow(/^book\.json: /);
    await expect(readCodebookFile({ name: 'book.qdc', bytes: enc('<x/>') })).rejects.toThrow(/^book\.qdc: is not a REFI-QDA codebook/);
  });
});
