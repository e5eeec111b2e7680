// parseCodebookCsv: parent and path columns, a large deep table, and the errors that name the file and row.
import { describe, expect, it } from 'vitest';
import { parseCodebookCsv } from '../../../renderer/core/codebook/codebook';
import { ImportError } from '../../../renderer/io/errors';
import { flat, names } from '../../fixtures/codebookTrees';

describe('parseCodebookCsv', () => {
  it('reads a parent column, parents after children, header in any case', () => {
    const rows = [
      ['Name', 'PARENT', 'Description', 'Color'],
      ['Listens', 'Respectful communication', 'She feels heard', ''],
      ['Respectful communication', '', '', '#8EC4EB'],
      ['', '', '', ''],
      ['Acts considerately', 'Respectful communication', '', ''],
    ];
    expect(parseCodebookCsv(rows, 'c.csv')).toEqual([
      {
        name: 'Respectful communication',
        colour: '#8ec4eb',
        children: [{ name: 'Listens', description: 'She feels heard' }, { name: 'Acts considerately' }],
      },
    ]);
  });

  it('reads a path column, with or without a name column', () => {
    const rows = [['path'], ['Measures'], ['Measures / Respectful communication / Listens'], ['Measures  /  Respectful communication']];
    expect(parseCodebookCsv(rows, 'c.csv')).toEqual([
      { name: 'Measures', children: [{ name: 'Respectful communication', children: [{ name: 'Listens' }] }] },
    ]);
  });

  it('takes a path as parent when a name is not unique', () => {
    const rows = [
      ['name', 'parent'],
      ['Men', ''],
      ['Women', ''],
      ['Safety', 'Men'],
      ['Safety', 'Women'],
      ['Feeling safe', 'Women / Safety'],
      ['Risk', 'men / safety'],
    ];
    const tree = parseCodebookCsv(rows, 'c.csv');
    expect(names(tree[0]!.children![0]!.children)).toEqual(['Risk']);
    expect(names(tree[1]!.children![0]!.children)).toEqual(['Feeling safe']);
  });

  // How long this takes is measured by `npm run bench` (bench-results/bench.json, "node").
  it('reads 5,000 codes listed children first, 12 levels deep', () => {
    // 416 chains of 12 levels, each listed deepest first: the worst order for placing paths.
    const rows = [['path']];
    for (let c = 0; c < 416; c++) {
      for (let d = 12; d >= 1; d--) rows.push([Array.from({ length: d }, (_, k) => (k ? `C${c} L${k + 1}` : `C${c}`)).join(' / ')]);
    }
    const tree = parseCodebookCsv(rows, 'big.csv');
    expect(flat(tree)).toHaveLength(416 * 12);
    expect(Math.max(...flat(tree).map((n) => n.depth))).toBe(12);
  });

  const bad = (rows: string[][], message: string) => {
    const attempt = () => parseCodebookCsv(rows, 'codes.csv');
    expect(attempt).toThrow(ImportError);
    expect(attempt).toThrow(message);
  };

  it('refuses bad tables, naming the file and the row', () => {
    bad([], 'codes.csv: is empty; the first row must name the columns');
    bad(
      [
        ['code', 'description'],
        ['A', ''],
      ],
      'codes.csv: the first row must name the columns and include "name" (with "parent") or "path".',
    );
    bad(
      [
        ['name', 'Name'],
        ['A', 'B'],
      ],
      'codes.csv: the column "name" appears twice in the first row.',
    );
    bad(
      [
        ['path', 'parent'],
        ['A', ''],
      ],
      'codes.csv: has both a "path" and a "parent" column; keep one of them.',
    );
    bad(
      [
        ['name', 'parent'],
        ['A', ''],
        ['B', 'C'],
      ],
      'codes.csv: row 3: parent "C" is not a code in this file; add a row for it.',
    );
    bad([['path'], ['A / B']], 'codes.csv: row 2: parent "A" is not a code in this file; add a row for it.');
    bad(
      [
        ['name', 'parent'],
        ['Men', ''],
        ['Risk', 'Men / Safety'],
      ],
      'codes.csv: row 3: parent "Men / Safety" is not a code in this file; add a row for it.',
    );
    bad(
      [
        ['name', 'parent'],
        ['A', 'B'],
        ['B', 'A'],
      ],
      'codes.csv: row 2: its parents lead in a circle back to itself (A → B → A).',
    );
    bad(
      [
        ['name', 'parent'],
        ['R', ''],
        ['A', 'A'],
      ],
      'codes.csv: row 3: its parents lead in a circle back to itself (A → A).',
    );
    bad(
      [
        ['name', 'parent'],
        ['A', ''],
        ['B', 'A'],
        ['b ', 'A'],
      ],
      'codes.csv: row 4: "b" appears twice under "A" (also row 3).',
    );
    bad([['path'], ['A'], ['A']], 'codes.csv: row 3: "A" appears twice at the top level (also row 2).');
    bad(
      [
        ['name', 'parent'],
        ['X', ''],
        ['Y', ''],
        ['S', 'X'],
        ['S', 'Y'],
        ['T', 'S'],
      ],
      'codes.csv: row 6: parent "S" matches more than one code (rows 4, 5); write its path instead',
    );
    bad(
      [
        ['path', 'name'],
        ['A / B', 'C'],
      ],
      'codes.csv: row 2: the name "C" is not the last part of the path "A / B".',
    );
    bad(
      [
        ['name', 'colour'],
        ['A', 'red'],
      ],
      'codes.csv: row 2: colour "red" is not a colour like "#a1b2c3".',
    );
    bad(
      [
        ['name', 'description'],
        ['', 'orphan text'],
      ],
      'codes.csv: row 2: name is empty.',
    );
    const chain = Array.from({ length: 13 }, (_, i) => [`L${i + 1}`, i ? `L${i}` : '']);
    bad([['name', 'parent'], ...chain], 'codes.csv: row 14: "L13" is 13 levels deep; codes may be at most 12 levels deep.');
    bad([['name'], ...Array.from({ length: 5001 }, (_, i) => [`C${i}`])], 'codes.csv: has 5001 codes; a codebook may hold at most 5,000.');
  });
});
