// Survey files (issue 19) as one SurveyTable whatever their format: CSV (any of , ; tab, with or
// without a BOM), XLSX (the first worksheet; dates, formula results and rich text as plain
// values) and SPSS/PSPP .sav (sav.ts). Cells are plain: text trimmed, empty cells null, text
// written as a plain number a number, so the three readers give the same table for one survey.
import Papa from 'papaparse';
import { SURVEY_LIMITS, type SurveyTable } from '../core/surveys';
import type { SurveyValue } from '../core/shared';
import { decodeText } from './decode';
import { formatSize, ImportError } from './errors';
import { readSav } from './sav';

/** A row of the file before the header is taken off, with its number as the file shows it. */
interface GridRow {
  n: number;
  cells: SurveyValue[];
}

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
const DECIMAL_COMMA = /^-?(?:0|[1-9]\d*),\d+$/;

/**
 * A cell as the table holds it. '007' stays text (an id), '7' and '2.5' become numbers; with ;
 * or tab between cells, '2,5' is a decimal comma. A leading ' that our own CSV writer puts before
 * a formula start ('-1) is taken off again (renderer/io/csv.ts).
 */
export function plainCell(text: string, decimalComma = false): SurveyValue {
  let t = text.trim();
  if (/^'+[=+\-@]/.test(t)) t = t.slice(1);
  if (t === '') return null;
  if (NUMBER.test(t)) return Number(t);
  if (decimalComma && DECIMAL_COMMA.test(t)) return Number(t.replace(',', '.'));
  return t;
}

/** Reads a survey file; throws an ImportError naming the file (and row and column where there is one). */
export async function readSurveyFile(fileName: string, bytes: Uint8Array): Promise<SurveyTable> {
  if (bytes.length > SURVEY_LIMITS.bytes) {
    throw new ImportError(
      fileName,
      `is too large (${formatSize(bytes.length)}); a survey file may be at most ${formatSize(SURVEY_LIMITS.bytes)}.`,
    );
  }
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (ext === 'sav' || ext === 'zsav' || magic === '$FL2' || magic === '$FL3') return readSav(fileName, bytes);
  if (ext === 'xlsx' || ext === 'xlsm') return fromGrid(fileName, await xlsxGrid(fileName, bytes));
  if (ext === 'xls') throw new ImportError(fileName, 'is an old Excel workbook (.xls); save it as .xlsx or .csv and try again.');
  if (ext === 'ods') throw new ImportError(fileName, 'is an OpenDocument spreadsheet; save it as .xlsx or .csv and try again.');
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return fromGrid(fileName, csvGrid(fileName, bytes));
  throw new ImportError(fileName, 'is not a survey file this app reads: use CSV (.csv), Excel (.xlsx) or SPSS/PSPP (.sav).');
}

/** The delimiter of the first line: the most frequent of , ; and tab outside quotes (a comma on a tie). */
function guessDelimiter(text: string): string {
  const counts = new Map([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '\n') break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

function csvGrid(fileName: string, bytes: Uint8Array): GridRow[] {
  const { text } = decodeText(bytes, fileName, SURVEY_LIMITS.bytes);
  const delimiter = guessDelimiter(text);
  // Empty lines are kept (and dropped below) so each row keeps the number a spreadsheet shows.
  const config = { skipEmptyLines: false, delimiter };
  const parsed = Papa.parse<string[]>(text, config);
  if (parsed.errors.some((e) => e.type === 'Quotes')) {
    const at = quoteProblem(text, delimiter);
    const header = parsed.data[0] ?? [];
    const where = at ? `row ${at.row}, column '${header[at.column]?.trim() || at.column + 1}'` : `row ${(parsed.errors[0]!.row ?? 0) + 1}`;
    throw new ImportError(
      fileName,
      `${where}: ${at?.problem ?? 'a quoted cell is not closed properly'}; could not be read as CSV. Check the quotes (") around that cell.`,
    );
  }
  const decimalComma = delimiter !== ',';
  const grid: GridRow[] = [];
  parsed.data.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    grid.push({ n: i + 1, cells: cells.map((c) => plainCell(c, decimalComma)) });
  });
  return grid;
}

/**
 * Where the quoting of a CSV first goes wrong (papaparse says only that it does): text after a
 * closing quote, or a quote never closed. Rows and columns from 1 and 0, as the message needs.
 */
function quoteProblem(text: string, delimiter: string): { row: number; column: number; problem: string } | null {
  let row = 1;
  let column = 0;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (fieldStart && c === '"') {
      const openRow = row;
      let j = i + 1;
      for (;;) {
        if (j >= text.length) return { row: openRow, column, problem: 'a quoted cell is never closed' };
        if (text[j] === '"' && text[j + 1] === '"') j += 2;
        else if (text[j] === '"') break;
        else {
          if (text[j] === '\n') row++;
          j++;
        }
      }
      const after = text[j + 1];
      if (after !== undefined && after !== delimiter && after !== '\n' && after !== '\r')
        return { row, column, problem: 'there is text after the closing quote of a cell' };
      i = j;
      fieldStart = false;
      continue;
    }
    fieldStart = false;
    if (c === delimiter) [column, fieldStart] = [column + 1, true];
    else if (c === '\n') [row, column, fieldStart] = [row + 1, 0, true];
  }
  return null;
}

/** A cell of exceljs as a plain value: formulas by their result, rich text and links by their text, dates as ISO dates. */
function xlsxValue(v: unknown, fail: (problem: string) => never): SurveyValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') return plainCell(v);
  // A checkbox column: ticked is 1, as a yes/no item codes it.
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  if (typeof v === 'object') {
    const o = v as {
      richText?: { text: string }[];
      formula?: string;
      sharedFormula?: string;
      result?: unknown;
      error?: string;
      text?: unknown;
    };
    if (o.richText) return plainCell(o.richText.map((run) => run.text).join(''));
    if (o.error) fail(`the cell holds the spreadsheet error ${o.error}; correct it or clear the cell`);
    if (o.formula !== undefined || o.sharedFormula !== undefined) return xlsxValue(o.result, fail);
    if (o.text !== undefined) return xlsxValue(o.text, fail);
  }
  return plainCell(String(v));
}

async function xlsxGrid(fileName: string, bytes: Uint8Array): Promise<GridRow[]> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as Parameters<typeof book.xlsx.load>[0]);
  } catch {
    throw new ImportError(fileName, 'could not be read as an Excel workbook (.xlsx); open it in Excel or LibreOffice and save it again.');
  }
  const sheet = book.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) throw new ImportError(fileName, 'is empty: its first worksheet holds no cells.');
  if (sheet.columnCount > SURVEY_LIMITS.columns) throw tooManyColumns(fileName, sheet.columnCount);
  const grid: GridRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    const values = row.values as unknown[];
    const cells: SurveyValue[] = [];
    for (let c = 1; c < values.length; c++) {
      const heading = grid[0]?.cells[c - 1];
      const name = heading === null || heading === undefined ? String(c) : String(heading);
      cells.push(
        xlsxValue(values[c], (problem) => {
          throw new ImportError(fileName, `row ${n}, column '${name}': ${problem}.`);
        }),
      );
    }
    if (cells.some((c) => c !== null)) grid.push({ n, cells });
  });
  return grid;
}

function tooManyColumns(fileName: string, n: number): ImportError {
  return new ImportError(
    fileName,
    `has more than ${SURVEY_LIMITS.columns.toLocaleString('en')} columns (${n}), the most a survey file may have. Keep the items you need and try again.`,
  );
}

/** The first row names the columns; the rest are rows of answers, padded to the header's width. */
function fromGrid(fileName: string, grid: readonly GridRow[]): SurveyTable {
  const [header, ...body] = grid;
  if (!header) throw new ImportError(fileName, 'is empty.');
  if (body.length > SURVEY_LIMITS.rows)
    throw new ImportError(
      fileName,
      `has more than ${SURVEY_LIMITS.rows.toLocaleString('en')} rows (${body.length}), the most a survey file may have. Split it and import the parts.`,
    );
  // Columns after the last named one are kept only when they hold something (then they need a name).
  let width = header.cells.length;
  while (width > 0 && header.cells[width - 1] === null) width--;
  for (const row of body) {
    for (let c = row.cells.length - 1; c >= width; c--) {
      if (row.cells[c] !== null)
        throw new ImportError(
          fileName,
          `row ${header.n}, column ${c + 1}: the column has no name, but row ${row.n} has a value in it; name the column or clear it.`,
        );
    }
  }
  if (width > SURVEY_LIMITS.columns) throw tooManyColumns(fileName, width);
  const seen = new Map<string, number>();
  const columns = header.cells.slice(0, width).map((cell, c) => {
    const name = cell === null ? '' : String(cell).trim();
    if (!name) throw new ImportError(fileName, `row ${header.n}, column ${c + 1}: the column has no name; name it in the first row.`);
    const twice = seen.get(name.toLowerCase());
    if (twice !== undefined)
      throw new ImportError(
        fileName,
        `row ${header.n}, column '${name}': the name is used by columns ${twice + 1} and ${c + 1}; rename one.`,
      );
    seen.set(name.toLowerCase(), c);
    return { name };
  });
  const rows = body.map((row) => {
    const cells = row.cells.length === width ? row.cells : row.cells.slice(0, width);
    while (cells.length < width) cells.push(null);
    return cells;
  });
  return { fileName, columns, rows, rowNumbers: body.map((row) => row.n) };
}
