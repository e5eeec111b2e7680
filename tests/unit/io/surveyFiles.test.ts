// Survey files (issue 19): CSV, XLSX and .sav give the same table for one survey; .sav keeps
// value labels, missing codes, long names and very long strings; every refusal names the file
// (and the row and column where there is one). The .sav fixtures were written by PSPP
// (tests/fixtures/surveys/make-sav.sh); the files built here by `sav()` cover what PSPP does not
// write: big-endian files, too many columns or rows, damage.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSav } from '../../../renderer/io/sav';
import { plainCell, readSurveyFile } from '../../../renderer/io/surveyFiles';
import { errorOf, syncErrorOf } from '../../fixtures/errorOf';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/surveys/${name}`, import.meta.url)));
const enc = (s: string) => new TextEncoder().encode(s);
const read = (name: string, bytes = fixture(name)) => readSurveyFile(name, bytes);

const ROWS = [
  ['Ana', 0, 0, 1, 1, 1, 1, 1, 2, 2, 3, 4, 4, 3, 2, 1, 0, 0, 0],
  ['Inés', 1, 9, 1, 0, 1, 1, 2, 2, 9, 3, 3, 4, 0, 0, 0, 0, 1, 0],
  ['Carmen', 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 3, 5, 4, 4, 2, 1, 999],
  ['Dolores', 0, 0, 0, 1, 1, 9, 2, 3, 3, 3, 4, 9, 1, 1, 0, 0, 0, 0],
  ['Lina', 1, 1, 1, 1, 1, 1, 3, 3, 4, 4, 4, 4, 0, 0, 0, 0, 0, 0],
  ['Odette', 0, 0, 1, 1, 0, 1, 1, 2, 2, 2, 3, 3, 2, 2, 1, 1, 1, null],
];
const NAMES = [
  'pseudonym',
  ...['negotiates', 'respect_listening', 'incidents'].flatMap((item) => [0, 1, 2, 3, 4, 5].map((t) => `${item}_T${t}`)),
];

/** A small system file as SPSS lays it out: numeric or short string variables, optional labels and missing codes. */
function sav(options: {
  le?: boolean;
  compression?: 0 | 1;
  vars: { name: string; width?: number; missing?: number[]; labels?: [number, string][] }[];
  rows: (number | string | null)[][];
  cases?: number;
  magic?: string;
}): Uint8Array {
  const le = options.le ?? true;
  const out: number[] = [];
  const bytes = (b: ArrayLike<number>) => out.push(...Array.from(b));
  const text = (s: string, n: number) => bytes(Array.from(s.padEnd(n, ' ').slice(0, n), (c) => c.charCodeAt(0)));
  const int = (v: number) => {
    const d = new DataView(new ArrayBuffer(4));
    d.setInt32(0, v, le);
    bytes(new Uint8Array(d.buffer));
  };
  const f64 = (v: number) => {
    const d = new DataView(new ArrayBuffer(8));
    d.setFloat64(0, v, le);
    bytes(new Uint8Array(d.buffer));
  };
  text(options.magic ?? '$FL2', 4);
  text('@(#) SPSS DATA FILE test', 60);
  int(2);
  int(options.vars.length);
  int(options.compression ?? 0);
  int(0);
  int(options.cases ?? options.rows.length);
  f64(100);
  text('', 9 + 8 + 64 + 3);
  options.vars.forEach((v) => {
    int(2);
    int(v.width ?? 0);
    int(0);
    int(v.missing?.length ?? 0);
    int(v.width ? 0x010800 : 0x050800);
    int(v.width ? 0x010800 : 0x050800);
    text(v.name, 8);
    v.missing?.forEach(f64);
  });
  options.vars.forEach((v, i) => {
    if (!v.labels) return;
    int(3);
    int(v.labels.length);
    for (const [value, label] of v.labels) {
      f64(value);
      out.push(label.length);
      text(label, label.length + ((8 - ((label.length + 1) % 8)) % 8));
    }
    int(4);
    int(1);
    int(i + 1);
  });
  int(999);
  int(0);
  const cell = (v: number | string | null, i: number) =>
    options.vars[i]!.width ? text(String(v ?? ''), 8) : f64(v === null ? -Number.MAX_VALUE : Number(v));
  if (!options.compression) options.rows.forEach((row) => row.forEach(cell));
  else {
    // Bytecode: small whole numbers as codes, everything else (and strings) as raw 8 bytes after the block.
    let codes: number[] = [];
    let data: number[] = [];
    const flush = () => {
      while (codes.length < 8) codes.push(0);
      bytes(codes);
      bytes(data);
      [codes, data] = [[], []];
    };
    for (const row of options.rows) {
      row.forEach((v, i) => {
        if (typeof v === 'number' && Number.isInteger(v) && v > -100 && v < 152) codes.push(v + 100);
        else if (v === null && !options.vars[i]!.width) codes.push(255);
        else {
          codes.push(253);
          const at = out.length;
          cell(v, i);
          data.push(...out.splice(at));
        }
        if (codes.length === 8) flush();
      });
    }
    codes.push(252);
    flush();
  }
  return new Uint8Array(out);
}

describe('survey files: one survey, three formats', () => {
  it('reads the PSPP .sav (compressed and uncompressed), the CSV and the XLSX into the same table', async () => {
    for (const name of ['mirabal-survey.sav', 'mirabal-survey-uncompressed.sav', 'mirabal-survey.csv', 'mirabal-survey.xlsx']) {
      const table = await read(name);
      expect(table.fileName).toBe(name);
      expect(table.columns.map((c) => c.name)).toEqual(NAMES);
      expect(table.rows).toEqual(ROWS);
    }
    // Spreadsheets number their rows from the header; a .sav has cases.
    expect((await read('mirabal-survey.csv')).rowNumbers).toEqual([2, 3, 4, 5, 6, 7]);
    expect((await read('mirabal-survey.xlsx')).rowNumbers).toEqual([2, 3, 4, 5, 6, 7]);
    expect((await read('mirabal-survey.sav')).rowNumbers).toBeUndefined();
  });

  it('keeps the .sav value labels, missing codes (discrete and ranges) and variable labels', async () => {
    const { columns } = await read('mirabal-survey.sav');
    const column = (name: string) => columns.find((c) => c.name === name)!;
    expect(column('negotiates_T0')).toEqual({
      name: 'negotiates_T0',
      label: 'Negotiates during disagreements (before the programme)',
      valueLabels: [
        { value: 0, label: 'No' },
        { value: 1, label: 'Yes' },
        { value: 9, label: 'No answer' },
      ],
      missing: [9],
    });
    expect(column('respect_listening_T3').valueLabels?.map((v) => v.label)).toEqual(['Never', 'Sometimes', 'Often', 'Always', 'No answer']);
    // 990 THRU 999: the range, and the values of it the data holds.
    expect(column('incidents_T5')).toMatchObject({ missingRanges: [{ low: 990, high: 999 }], missing: [999] });
    expect(column('incidents_T0').missing).toBeUndefined();
    expect(column('pseudonym')).toEqual({ name: 'pseudonym' });
  });

  it('joins very long strings, takes long names, string value labels, LO THRU ranges and dates from a .sav', async () => {
    for (const name of ['long-strings.sav', 'long-strings-uncompressed.sav']) {
      const table = await read(name);
      expect(table.columns.map((c) => c.name)).toEqual(['id', 'site_code', 'interviewer_notes_long', 'visits', 'visit_date']);
      expect(table.columns[1]!.valueLabels).toEqual([
        { value: 'N', label: 'North' },
        { value: 'S', label: 'South' },
      ]);
      expect(table.columns[3]).toMatchObject({ missingRanges: [{ low: -Infinity, high: -1 }], missing: [99, -1] });
      const note = table.rows[1]![2] as string;
      expect(note).toHaveLength(300);
      expect(note).toMatch(/^a note that is longer .* nisi ut aliquip ex ea commodo consequat\. x+ END$/);
      expect(table.rows.map((r) => [r[0], r[1], r[3], r[4]])).toEqual([
        [1, 'N', 3, '2024-10-23'],
        [2, 'S', 99, '2025-01-02'],
        [3, 'N', -1, null],
      ]);
      expect(table.rows[2]![2]).toBeNull();
    }
  });

  it('reads both byte orders, compressed or not', () => {
    const vars = [
      { name: 'PSEUDO', width: 8 },
      { name: 'Q_T1', missing: [9], labels: [[0, 'No'] as [number, string], [1, 'Yes'] as [number, string]] },
      { name: 'SCORE_T1' },
    ];
    const rows = [
      ['Ana', 1, 2.5],
      ['Bea', 9, null],
      ['Cy', 0, 1000],
    ];
    for (const le of [true, false]) {
      for (const compression of [0, 1] as const) {
        const table = readSav('t.sav', sav({ le, compression, vars, rows }));
        expect(table.columns.map((c) => c.name)).toEqual(['PSEUDO', 'Q_T1', 'SCORE_T1']);
        expect(table.columns[1]).toMatchObject({
          missing: [9],
          valueLabels: [
            { value: 0, label: 'No' },
            { value: 1, label: 'Yes' },
          ],
        });
        expect(table.rows).toEqual(rows);
      }
    }
  });

  it('reads CSV with a BOM, semicolons and decimal commas, or tabs; empty lines keep the row numbers', async () => {
    const semi = await readSurveyFile('s.csv', enc('\uFEFFpseudonym;score_T1;score_T2\r\nAna;2,5;007\r\n\r\nBea;"1";\r\n'));
    expect(semi.columns.map((c) => c.name)).toEqual(['pseudonym', 'score_T1', 'score_T2']);
    expect(semi.rows).toEqual([
      ['Ana', 2.5, '007'],
      ['Bea', 1, null],
    ]);
    expect(semi.rowNumbers).toEqual([2, 4]);
    const tab = await readSurveyFile('t.tsv', enc('pseudonym\tscore_T1\nAna\t3\n'));
    expect(tab.rows).toEqual([['Ana', 3]]);
    // Our own CSV writer's ' before a formula start comes off again; a comma-separated decimal comma stays text.
    expect(plainCell("'-1")).toBe(-1);
    expect(plainCell('2,5')).toBe('2,5');
    expect(plainCell(' 1e5 ')).toBe('1e5');
  });

  it('reduces XLSX dates, formula results, booleans and rich text to plain values, first worksheet only', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Survey');
    sheet.addRow(['pseudonym', 'visit_T1', 'score_T1', 'done_T1']);
    sheet.addRow([{ richText: [{ text: 'A' }, { text: 'na' }] }, new Date(Date.UTC(2024, 9, 23)), { formula: 'A1', result: 'x' }, true]);
    sheet.addRow(['Bea', new Date(Date.UTC(2024, 9, 23, 14, 5)), { formula: '2*2', result: 4 }, false]);
    book.addWorksheet('Other').addRow(['ignored']);
    const table = await readSurveyFile('s.xlsx', new Uint8Array(await book.xlsx.writeBuffer()));
    expect(table.rows).toEqual([
      ['Ana', '2024-10-23', 'x', 1],
      ['Bea', '2024-10-23 14:05:00', 4, 0],
    ]);
  });
});

describe('survey files: refusals', () => {
  it('refuses bad CSV quoting, naming row and column', async () => {
    expect((await errorOf(readSurveyFile('survey.csv', enc('pseudonym,negotiates_T3\nAna,1\nBea,"1\n')))).message).toBe(
      `survey.csv: row 3, column 'negotiates_T3': a quoted cell is never closed; could not be read as CSV. Check the quotes (") around that cell.`,
    );
    expect((await errorOf(readSurveyFile('survey.csv', enc('pseudonym,a_T1,a_T2\nAna,"1"x,2\n')))).message).toMatch(
      /^survey\.csv: row 2, column 'a_T1': there is text after the closing quote of a cell/,
    );
  });

  it('refuses an empty file, a file of another kind, an unnamed or twice-named column', async () => {
    expect((await errorOf(readSurveyFile('survey.csv', new Uint8Array()))).message).toMatch(/^survey\.csv: is empty/);
    expect((await errorOf(readSurveyFile('survey.csv', enc('\n\n  \n')))).message).toMatch(/^survey\.csv: is empty/);
    expect((await errorOf(readSurveyFile('survey.pdf', enc('x')))).message).toMatch(/^survey\.pdf: is not a survey file this app reads/);
    expect((await errorOf(readSurveyFile('survey.xls', enc('x')))).message).toMatch(/^survey\.xls: is an old Excel workbook/);
    expect((await errorOf(readSurveyFile('survey.xlsx', enc('not a zip')))).message).toMatch(
      /^survey\.xlsx: could not be read as an Excel workbook/,
    );
    expect((await errorOf(readSurveyFile('s.csv', enc('pseudonym,,a_T1\nAna,1,2\n')))).message).toBe(
      's.csv: row 1, column 2: the column has no name; name it in the first row.',
    );
    expect((await errorOf(readSurveyFile('s.csv', enc('pseudonym,a_T1\nAna,1,2\n')))).message).toMatch(
      /^s\.csv: row 1, column 3: the column has no name, but row 2/,
    );
    expect((await errorOf(readSurveyFile('s.csv', enc('pseudonym,a_T1,A_T1\nAna,1,2\n')))).message).toMatch(
      /^s\.csv: row 1, column 'A_T1': the name is used by columns 2 and 3/,
    );
    // Trailing empty columns without a name are dropped, not refused.
    expect((await readSurveyFile('s.csv', enc('pseudonym,a_T1,,\nAna,1,,\n'))).columns).toHaveLength(2);
  });

  it('refuses an XLSX cell holding a spreadsheet error, naming row and column', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Survey');
    sheet.addRow(['pseudonym', 'score_T1']);
    sheet.addRow(['Ana', { formula: '1/0', result: { error: '#DIV/0!' } }]);
    const e = await errorOf(readSurveyFile('s.xlsx', new Uint8Array(await book.xlsx.writeBuffer())));
    expect(e.message).toBe("s.xlsx: row 2, column 'score_T1': the cell holds the spreadsheet error #DIV/0!; correct it or clear the cell.");
  });

  it('refuses a file that is not a .sav, a ZSAV, a truncated .sav and a damaged one', async () => {
    expect((await errorOf(read('survey.sav', enc('pseudonym,a_T1\nAna,1\n')))).message).toMatch(
      /^survey\.sav: is not an SPSS system file \(\.sav\)/,
    );
    expect((await errorOf(read('mirabal-survey.zsav'))).message).toMatch(
      /^mirabal-survey\.zsav: is a ZSAV file \(zlib-compressed\), which this app cannot read; save it again as \.sav/,
    );
    const whole = fixture('mirabal-survey.sav');
    expect((await errorOf(read('cut.sav', whole.subarray(0, 100)))).message).toMatch(
      /^cut\.sav: is cut short: the file ends inside its header/,
    );
    expect((await errorOf(read('cut.sav', whole.subarray(0, 600)))).message).toMatch(
      /^cut\.sav: is cut short: the file ends inside (a variable|value labels|missing values)/,
    );
    expect((await errorOf(read('cut.sav', whole.subarray(0, whole.length - 20)))).message).toMatch(
      /^cut\.sav: is cut short: the file ends inside case 6 of 6/,
    );
    const plain = fixture('mirabal-survey-uncompressed.sav');
    expect((await errorOf(read('cut.sav', plain.subarray(0, plain.length - 8)))).message).toMatch(
      /^cut\.sav: is cut short: the file ends inside case 6 of 6/,
    );
    const odd = sav({ vars: [{ name: 'A' }], rows: [[1]] });
    odd.set([1, 0, 0, 0], 176); // a record type 1, which no system file has
    expect(syncErrorOf(() => readSav('odd.sav', odd)).message).toMatch(
      /^odd\.sav: is damaged \(the dictionary holds a record of unknown type 1 at byte 176\)/,
    );
  });

  it('refuses too many columns, too many rows and too many bytes', async () => {
    const wide = sav({ vars: Array.from({ length: 5001 }, (_, i) => ({ name: `V${i}` })), rows: [] });
    expect(syncErrorOf(() => readSav('wide.sav', wide)).message).toMatch(/^wide\.sav: has more than 5,000 columns \(5001\)/);
    const header = `pseudonym,${Array.from({ length: 5001 }, (_, i) => `v${i}_T1`).join(',')}\n`;
    expect((await errorOf(readSurveyFile('wide.csv', enc(`${header}Ana\n`)))).message).toMatch(
      /^wide\.csv: has more than 5,000 columns \(5002\)/,
    );
    const long = sav({ vars: [{ name: 'A' }], rows: [], cases: 2_000_001 });
    expect(syncErrorOf(() => readSav('long.sav', long)).message).toMatch(/^long\.sav: has more than 2,000,000 rows/);
    // Without a count in the header, the rows are counted as they are read.
    const uncounted = sav({ vars: [{ name: 'A' }], compression: 1, rows: Array.from({ length: 2_000_001 }, () => [1]), cases: -1 });
    expect(syncErrorOf(() => readSav('long.sav', uncounted)).message).toMatch(/^long\.sav: has more than 2,000,000 rows/);
    expect((await errorOf(readSurveyFile('big.csv', new Uint8Array(210 * 1024 * 1024)))).message).toMatch(
      /^big\.csv: is too large \(210 MB\); a survey file may be at most 200 MB/,
    );
  });
});
