// CSV as our files write it and spreadsheets read it: CRLF lines, cells a spreadsheet would
// run as formulas prefixed with ' on the way out (and the prefix taken off on the way back).
import Papa from 'papaparse';
import { decodeText } from './decode';
import { ImportError } from './errors';

export function toCsv(rows: readonly (readonly string[])[]): string {
  return Papa.unparse(rows as string[][], { escapeFormulae: true, newline: '\r\n' });
}

export function readCsv(file: { name: string; bytes: Uint8Array }): string[][] {
  const { text } = decodeText(file.bytes, file.name);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes' || e.type === 'Delimiter');
  if (fatal) throw new ImportError(file.name, `could not be read as CSV (row ${(fatal.row ?? 0) + 1}: ${fatal.message}).`);
  return parsed.data.map((row) => row.map((cell) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell)));
}
