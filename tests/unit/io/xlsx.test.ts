import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../../../renderer/io/xlsx';

describe('xlsx', () => {
  it('writes numbers of the model as numbers and all text as text (never formulas), header rows in bold', async () => {
    const bytes = await writeXlsx([
      {
        name: 'Wave matrix',
        rows: [
          ['Filters', 'Roles: all'],
          ['Code', 'Time 1: participants', 'p'],
          ['Respect / Listening', 3, 0.125],
          ['=SUM(A1)', '007', '1e5'],
          ['+1', -2.5, '-2.5'],
          ['=1\n+2', '@x', Number.NaN],
        ],
        headerRows: 2,
      },
      { name: 'a/b:c?', rows: [['x']] },
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = book.getWorksheet('Wave matrix')!;
    const cell = (ref: string) => [ws.getCell(ref).type, ws.getCell(ref).value];
    const { Number: NUM, String: STR, Null } = ExcelJS.ValueType;
    expect(cell('A1')).toEqual([STR, 'Filters']);
    expect(cell('B3')).toEqual([NUM, 3]);
    expect(cell('C3')).toEqual([NUM, 0.125]);
    // Text that looks like a number or a formula stays text, as written.
    expect(cell('A4')).toEqual([STR, '=SUM(A1)']);
    expect(cell('B4')).toEqual([STR, '007']);
    expect(cell('C4')).toEqual([STR, '1e5']);
    expect(cell('A5')).toEqual([STR, '+1']);
    expect(cell('B5')).toEqual([NUM, -2.5]);
    expect(cell('C5')).toEqual([STR, '-2.5']);
    expect(cell('A6')).toEqual([STR, '=1\n+2']);
    expect(cell('B6')).toEqual([STR, '@x']);
    expect(cell('C6')[0]).not.toBe(NUM);
    expect([Null, STR]).toContain(cell('C6')[0]);
    expect(ws.getRow(2).font?.bold).toBe(true);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Wave matrix', 'a b c ']);
  });
});
