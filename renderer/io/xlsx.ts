// Tables out as Excel workbooks (exceljs, loaded only when someone exports). Cells that are
// numbers in the table (typeof number) become numbers in the sheet, so a spreadsheet can sum and
// sort them; everything else is text as written ("007", "1e5", "=SUM(A1)"), never a formula.
import type { TableCell } from './csv';

export interface Sheet {
  name: string;
  rows: readonly (readonly TableCell[])[];
  /** Rows at the top written in bold and kept in view (e.g. the filters line and the header). */
  headerRows?: number;
}

export async function writeXlsx(sheets: readonly Sheet[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Mirabal Workbench';
  // A fixed date: the same table gives the same workbook.
  book.created = new Date(Date.UTC(2000, 0, 1));
  book.modified = book.created;
  for (const sheet of sheets) {
    const ws = book.addWorksheet(sheet.name.replace(/[\\/*?:[\]]/g, ' ').slice(0, 31) || 'Sheet');
    // exceljs writes a string as a shared string even when it starts with "=": only a
    // { formula } object becomes a formula, and we never pass one.
    for (const row of sheet.rows) ws.addRow(row.map((cell) => (typeof cell === 'number' ? (Number.isFinite(cell) ? cell : '') : cell)));
    const header = sheet.headerRows ?? 0;
    for (let r = 1; r <= header; r++) ws.getRow(r).font = { bold: true };
    if (header) ws.views = [{ state: 'frozen', ySplit: header }];
    ws.columns.forEach((column, i) => {
      let widest = 8;
      for (const row of sheet.rows) {
        const n = String(row[i] ?? '').length;
        if (n < 80 && n > widest) widest = n;
      }
      column.width = Math.min(60, widest + 2);
    });
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
