import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../../../renderer/io/xlsx';

describe('xlsx', () => {
  it('writes sheets with numbers as numbers, text as text (never formulas), header rows in bold', async () => {
    const bytes = await writeXlsx([
      {
        name: 'Wave matrix',
        rows: [
          ['Filters', 'Roles: all'],
          ['Code', 'Time 1: participants', 'p'],
          ['Respect / Listening', '3', '0.1250'],
          ['=SUM(A1)', '007x', '-2.5'],
        ],
        headerRows: 2,
      },
      { name: 'a/b:c?', rows: [['x']] },
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = book.getWorksheet('Wave matrix')!;
    expect(ws.getCell('A1').value).toBe('Filters');
    expect(ws.getCell('B3').value).toBe(3);
    expect(ws.getCell('C3').value).toBe(0.125);
    expect(ws.getCell('A4').value).toBe('=SUM(A1)'); // a string, not a formula
    expect(ws.getCell('A4').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('B4').value).toBe('007x');
    expect(ws.getCell('C4').value).toBe(-2.5);
    expect(ws.getRow(2).font?.bold).toBe(true);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Wave matrix', 'a b c ']);
  });
});
