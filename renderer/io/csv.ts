// CSV as our files write it and spreadsheets read it: CRLF lines, cells a spreadsheet would
// run as formulas prefixed with ' on the way out (and the prefix taken off on the way back).
import Papa from 'papaparse';
import { decodeText } from './decode';
import { ImportError } from './errors';

/** A table cell: a number is written as one; text is text. */
export type TableCell = string | number;

// What a spreadsheet reads as the start of a formula, after any ' we put there before (so a
// cell that really starts with "'=" gets one more and reads back as written).
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * A cell as text that no spreadsheet runs: text starting with = + - @ tab or CR gets a leading
 * '. Papaparse's escapeFormulae misses such a cell when it holds a line break (its test is
 * /^[=+\-@\t\r].*$/ without the s flag), so we do it ourselves. Numbers go out as digits.
 */
export function safeCell(cell: TableCell): string {
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function toCsv(rows: readonly (readonly TableCell[])[]): string {
  return Papa.unparse(
    rows.map((row) => row.map(safeCell)),
    // A tab in a cell is quoted: readCsv guesses the delimiter, and must not take it for one.
    { escapeFormulae: false, newline: '\r\n', quotes: (value: unknown) => typeof value === 'string' && value.includes('\t') },
  );
}

/** Tab-separated text for the clipboard (pastes into a spreadsheet as cells), one line a row. */
export function toTsv(rows: readonly (readonly TableCell[])[]): string {
  return rows
    .map((row) => row.map((cell) => safeCell(typeof cell === 'string' ? cell.replace(/[\t\r\n]+/g, ' ') : cell)).join('\t'))
    .join('\n');
}

export function readCsv(file: { name: string; bytes: Uint8Array }): string[][] {
  const { text } = decodeText(file.bytes, file.name);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes' || e.type === 'Delimiter');
  if (fatal) throw new ImportError(file.name, `could not be read as CSV (row ${(fatal.row ?? 0) + 1}: ${fatal.message}).`);
  return parsed.data.map((row) => row.map((cell) => (/^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell)));
}
