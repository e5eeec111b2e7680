// Tables saved as files: CSV (a BOM first, so Excel reads it as UTF-8) and XLSX, and the pair of
// export buttons the matrix views show above their tables.
import { toCsv } from '../io/csv';
import { writeXlsx, type Sheet } from '../io/xlsx';
import { getPlatform } from '../platform/platform';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Saves `rows` as a CSV file, BOM first so Excel reads it as UTF-8. */
export function saveCsv(fileName: string, rows: Sheet['rows']): Promise<boolean> {
  return getPlatform().saveFile(fileName, new TextEncoder().encode(`\uFEFF${toCsv(rows)}`), 'text/csv');
}

/** Saves a workbook made by writeXlsx. */
export function saveXlsx(fileName: string, book: Uint8Array): Promise<boolean> {
  return getPlatform().saveFile(fileName, book, XLSX_TYPE);
}

/** "Export CSV" and "Export XLSX" of one table, `fileName` plus .csv or .xlsx; the table is made on the click. */
export function ExportTableButtons(props: { fileName: string; sheet: () => Sheet }) {
  const exportCsv = () => void saveCsv(`${props.fileName}.csv`, props.sheet().rows);
  const exportXlsx = async () => saveXlsx(`${props.fileName}.xlsx`, await writeXlsx([props.sheet()]));
  return (
    <>
      <button type="button" onClick={exportCsv}>
        Export CSV
      </button>
      <button type="button" onClick={() => void exportXlsx()}>
        Export XLSX
      </button>
    </>
  );
}
