// CSV and tab-separated text out: cells a spreadsheet would run as formulas get a leading ',
// line breaks included, and CSV reads back exactly as written.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv, safeCell, toCsv, toTsv } from '../../../renderer/io/csv';

const roundTrip = (rows: string[][]) => readCsv({ name: 't.csv', bytes: new TextEncoder().encode(toCsv(rows)) });

describe('csv', () => {
  it('escapes a formula start, also in a cell holding a line break', () => {
    expect(toCsv([['=1+1', '=HYPERLINK("x")\nclick', '+1', '-2', '@me', '\tx', '\rx', 'plain', "'=x"]])).toBe(
      `'=1+1,"'=HYPERLINK(""x"")\nclick",'+1,'-2,'@me,"'\tx","'\rx",plain,''=x`,
    );
    expect(toCsv([[1, -2.5, 'a']])).toBe('1,-2.5,a');
  });

  // Reading makes every line break \n (decodeText), so the cells here hold \n only.
  it('reads back what it wrote, formula starts and line breaks included', () => {
    const rows = [
      ['=1+1', '=HYPERLINK("x")\nclick', '-\n2', '@', "'", "'=x", "''+y", "'plain"],
      ['a,b', 'say "hi"', 'x\ny', ' lead', '=', '+', 'ok', 'end'],
    ];
    expect(roundTrip(rows)).toEqual(rows);
  });

  // No tabs here: readCsv guesses the delimiter, and papaparse's guess can take a quoted tab
  // for one (a limit of reading, not of the escaping).
  it('round-trips any cells', () => {
    const cell = fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\n', "'", '"', ',', 'a', ' ', 'é'), maxLength: 8 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }), (rows) => {
        // A row of empty cells only is skipped on reading ('greedy'): not a cell we write.
        fc.pre(rows.every((r) => r.some((c) => c.trim() !== '')));
        expect(roundTrip(rows)).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});

describe('tab-separated copies', () => {
  it('put each row on a line, line breaks and tabs inside a cell as spaces, formula starts escaped', () => {
    expect(
      toTsv([
        ['#', 'Quote'],
        [1, '=cmd|x\nmore'],
        [2, 'a\tb'],
      ]),
    ).toBe("#\tQuote\n1\t'=cmd|x more\n2\ta b");
    expect(safeCell('-1')).toBe("'-1");
    expect(safeCell(-1)).toBe('-1');
  });
});
