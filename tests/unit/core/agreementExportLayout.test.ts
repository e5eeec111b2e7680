// The agreement report laid out for the workbook and the Word document (io only writes bytes).
import { describe, expect, it } from 'vitest';
import { agreementDocBlocks, agreementWorkbook, sheetName, type ReportSection } from '../../../renderer/core/agreement';

const table = (label: string, rows: string[][]) => ({
  columns: [{ label }],
  rows: rows.map((cells) => ({ cells: cells.map((text) => ({ text })) })),
});
const sections = [
  { id: 'methods', title: 'Methods', paragraphs: ['Two coders coded 4 transcripts.'] },
  { id: 'by-code', title: 'By code', table: table('Code', [['Gender']]) },
  { id: 'by-source', title: 'By transcript (2)', table: table('Transcript', [['Dale T1'], ['Dale T2']]) },
  { id: 'decisions', title: "Decision log: who decided what'", table: table('When', []) },
] as unknown as ReportSection[];

describe('the agreement report’s layout', () => {
  it('names sheets as Excel allows: no count, no forbidden characters, no apostrophe at the ends, 31 at most', () => {
    expect(sheetName('By transcript (12)')).toBe('By transcript');
    expect(sheetName("Decision log: who decided what'")).toBe('Decision log  who decided what');
    expect(sheetName('A'.repeat(40))).toHaveLength(31);
    expect(sheetName("'''")).toBe('Sheet');
  });

  it('puts the by-code table first (its header below coders, transcripts and method), every other table, then the methods', () => {
    const byCode = [
      ['Coders', 'Ana, Ben'],
      ['Transcripts', '4'],
      ['Method', 'turns'],
      ['Code', 'Unit'],
      ['Gender', 'turn'],
    ];
    const book = agreementWorkbook(sections, byCode, ['paragraph', 'method']);
    expect(book.map((s) => [s.name, s.headerRows])).toEqual([
      ['Agreement', 4],
      ['By transcript', 1],
      ['Decision log  who decided what', 1],
      ['Methods', 0],
    ]);
    expect(book[1]!.rows).toEqual([['Transcript'], ['Dale T1'], ['Dale T2']]);
    expect(book.at(-1)!.rows).toEqual([['paragraph'], ['method']]);
  });

  it('gives the document every section: headings (none over the methods), paragraphs, tables, "None." for an empty one', () => {
    expect(agreementDocBlocks(sections)).toEqual([
      { kind: 'paragraph', text: 'Two coders coded 4 transcripts.' },
      { kind: 'heading', text: 'By code' },
      { kind: 'table', rows: [['Code'], ['Gender']] },
      { kind: 'heading', text: 'By transcript (2)' },
      { kind: 'table', rows: [['Transcript'], ['Dale T1'], ['Dale T2']] },
      { kind: 'heading', text: "Decision log: who decided what'" },
      { kind: 'note', text: 'None.' },
    ]);
  });
});
