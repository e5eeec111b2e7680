import { readFileSync } from 'node:fs';
import { hueOf } from '../../../renderer/core/codebook/colours';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK, DEFAULT_CODEBOOK_NAME } from '../../../codebook';
import {
  CODEBOOK_CSV_HEADER,
  codebookRows,
  codesFromTree,
  isColour,
  PALETTE,
  parseCodebookCsv,
  parseCodebookJson,
  childColour,
  treeFromCodes,
  type CodebookNode,
} from '../../../renderer/core/codebook/codebook';
import type { Code } from '../../../renderer/core/shared/model';
import { ImportError } from '../../../renderer/io/errors';

const fileText = readFileSync(new URL('../../../codebook/default-codebook.json', import.meta.url), 'utf8');
const schema = JSON.parse(readFileSync(new URL('../../../codebook/codebook.schema.json', import.meta.url), 'utf8'));

const counter = (prefix = 'c') => {
  let n = 0;
  return () => `${prefix}${++n}`;
};
const flat = (nodes: readonly CodebookNode[], depth = 1): { node: CodebookNode; depth: number }[] =>
  nodes.flatMap((node) => [{ node, depth }, ...flat(node.children ?? [], depth + 1)]);
const names = (nodes: readonly CodebookNode[] | undefined) => (nodes ?? []).map((n) => n.name);
const find = (nodes: readonly CodebookNode[], name: string) => nodes.find((n) => n.name === name)!;
const json = (codes: unknown) => JSON.stringify({ format: 'mirabal-codebook', version: 1, codes });
// WCAG contrast of dark transcript text (black) over the highlight.
const contrastWithBlack = (hex: string) => {
  const lin = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return (0.2126 * lin[0]! + 0.7152 * lin[1]! + 0.0722 * lin[2]! + 0.05) / 0.05;
};

describe('the default codebook', () => {
  const all = flat(DEFAULT_CODEBOOK);

  it('is a valid codebook file and loads as DEFAULT_CODEBOOK', () => {
    expect(parseCodebookJson(fileText, 'default-codebook.json')).toEqual(DEFAULT_CODEBOOK);
    const raw = JSON.parse(fileText);
    expect([raw.format, raw.version, raw.name]).toEqual(['mirabal-codebook', 1, 'Project Mirabal: measures of success and themes']);
    expect(DEFAULT_CODEBOOK_NAME).toBe(raw.name);
    expect(all).toHaveLength(52);
    expect(Object.isFrozen(DEFAULT_CODEBOOK[0])).toBe(true);
  });

  it('has the six measures of success with their indicators, then the themes', () => {
    expect(names(DEFAULT_CODEBOOK)).toEqual([
      'Respectful communication',
      'Expanded space for action',
      'Safety and freedom from violence',
      'Safe, positive and shared parenting',
      'Awareness of self and others',
      'Safer, healthier childhoods',
      'Process of change',
      'Gender',
      'Experience of the programme',
      "Women's support service",
      "Children's views",
      'Service integrity',
      'Coordinated community response',
    ]);
    const kids = (name: string) => names(find(DEFAULT_CODEBOOK, name).children);
    expect(kids('Respectful communication')).toEqual([
      'Negotiates during disagreements',
      'Acts considerately',
      'Listens so she feels heard',
    ]);
    expect(kids('Expanded space for action')).toEqual([
      'Uses money to control',
      'Prevents contact with friends or family',
      'Tells her how to dress',
    ]);
    expect(kids('Safety and freedom from violence')).toEqual([
      'Physical violence',
      'Sexual violence',
      'Weapon used',
      'Physical injury',
      'Children saw or overheard',
      'Harassment and other abuse',
      'Feeling safe',
    ]);
    expect(kids('Safe, positive and shared parenting')).toEqual([]);
    expect(kids('Awareness of self and others')).toEqual([
      'Justifying or excusing',
      'Minimising and deflecting',
      'Takes responsibility',
      'Understands impact on children',
    ]);
    expect(kids('Safer, healthier childhoods')).toEqual([
      "Children worry about mother's safety",
      'Children frightened of him',
      "Children's friendships",
    ]);
    expect(kids('Process of change')).toEqual(['Series of sparks', 'Light-bulb moment', 'Techniques learnt', 'Steps backwards']);
    expect(names(find(find(DEFAULT_CODEBOOK, 'Process of change').children!, 'Techniques learnt').children)).toEqual([
      'Time Out',
      'Counting to ten',
      'Positive self-talk',
    ]);
    expect(kids('Gender')).toEqual([
      'Being a man',
      'Being a woman',
      'Equality a thing of the past',
      'Protector, provider, head of family',
      'Knowing best',
      'Entitlement',
      'Women positioned as deficient',
    ]);
    expect(kids('Experience of the programme')).toEqual([
      'Group work',
      'Held to account by peers',
      'One-to-one work',
      'Facilitators',
      'Daring to be vulnerable',
    ]);
    for (const i of [0, 1, 2, 3, 4, 5]) expect(DEFAULT_CODEBOOK[i]!.description).toMatch(new RegExp(`^Measure of success ${i + 1}:`));
    for (const theme of DEFAULT_CODEBOOK.slice(6)) expect(theme.description).toMatch(/^Theme:/);
  });

  it('gives every code guidance a coder can apply', () => {
    for (const { node } of all) {
      expect(node.description, node.name).toBeTruthy();
      expect(node.inclusion, node.name).toBeTruthy();
      expect(node.exclusion, node.name).toBeTruthy();
      expect(node.name.length, node.name).toBeLessThanOrEqual(40);
    }
    // Neighbouring codes point at each other, so coders can tell them apart.
    const awareness = find(DEFAULT_CODEBOOK, 'Awareness of self and others').children!;
    expect(find(awareness, 'Minimising and deflecting').exclusion).toContain('Justifying or excusing');
    expect(find(awareness, 'Justifying or excusing').exclusion).toContain('Minimising and deflecting');
    expect(all.filter(({ node }) => node.examples).length).toBeGreaterThanOrEqual(30);
  });

  it('keeps names unique among siblings', () => {
    for (const list of [DEFAULT_CODEBOOK, ...all.map(({ node }) => node.children ?? [])]) {
      const keys = list.map((n) => n.name.toLowerCase());
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('has valid, readable colours, and codes side by side (siblings, a parent and its children) in clearly different hues', () => {
    const colours = all.map(({ node }) => node.colour!);
    expect(colours.every((c) => /^#[0-9a-f]{6}$/.test(c))).toBe(true);
    for (const c of colours) expect(contrastWithBlack(c), c).toBeGreaterThanOrEqual(4.5);
    const hueGap = (a: string, b: string) => {
      const d = Math.abs(hueOf(a) - hueOf(b)) % 360;
      return Math.min(d, 360 - d);
    };
    const groups = [DEFAULT_CODEBOOK, ...all.filter(({ node }) => node.children?.length).map(({ node }) => [node, ...node.children!])];
    for (const group of groups) {
      for (const [i, a] of group.entries()) {
        for (const b of group.slice(i + 1)) expect(hueGap(a.colour!, b.colour!), `${a.name} / ${b.name}`).toBeGreaterThanOrEqual(25);
      }
    }
  });
});

describe('the schema', () => {
  it('describes the same fields and colour format the reader accepts', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties.format.const).toBe('mirabal-codebook');
    expect(schema.required).toEqual(['format', 'version', 'codes']);
    const code = schema.$defs.code;
    expect(Object.keys(code.properties).sort()).toEqual([
      'children',
      'colour',
      'description',
      'examples',
      'exclusion',
      'inclusion',
      'name',
    ]);
    expect(code.additionalProperties).toBe(false);
    const pattern = new RegExp(code.properties.colour.pattern);
    for (const c of ['#a1b2c3', '#A1B2C3', 'red', '#abc', '#a1b2c3d4']) expect(pattern.test(c), c).toBe(isColour(c));
    const name = new RegExp(code.properties.name.pattern);
    expect(['Listens', ' ', '', 'two\nlines'].map((n) => name.test(n))).toEqual([true, false, false, false]);
  });
});

describe('codes and trees', () => {
  const tree: CodebookNode[] = [
    {
      name: 'A',
      description: 'about A',
      colour: '#8ec4eb',
      children: [{ name: 'A1' }, { name: 'A2', inclusion: 'yes', children: [{ name: 'A2x' }] }],
    },
    { name: 'B', exclusion: 'no', examples: 'e.g.' },
  ];

  it('flattens a tree with parent links, sibling order, empty text and derived colours', () => {
    const codes = codesFromTree(tree, counter());
    expect(codes.map((c) => [c.id, c.parentId, c.name, c.order])).toEqual([
      ['c1', null, 'A', 0],
      ['c2', 'c1', 'A1', 0],
      ['c3', 'c1', 'A2', 1],
      ['c4', 'c3', 'A2x', 0],
      ['c5', null, 'B', 1],
    ]);
    expect(codes[0]).toEqual({
      id: 'c1',
      parentId: null,
      name: 'A',
      description: 'about A',
      inclusion: '',
      exclusion: '',
      examples: '',
      colour: '#8ec4eb',
      order: 0,
      deletedAt: null,
    });
    expect(codes[1]!.colour).toBe(childColour('#8ec4eb', 0));
    expect(codes[3]!.colour).toBe(childColour(codes[2]!.colour, 0));
    expect(codes[4]!.colour).toBe(PALETTE[1]);
    expect(new Set(codes.map((c) => c.colour)).size).toBe(5);
  });

  it('rebuilds the tree from live codes by order', () => {
    const codes = codesFromTree(tree, counter());
    expect(treeFromCodes(codes)).toEqual(
      tree.map((n) => ({ ...n, colour: codes.find((c) => c.name === n.name)!.colour, children: n.children && expect.any(Array) })),
    );
    const shuffled: Code[] = [...codes].reverse();
    expect(treeFromCodes(shuffled)).toEqual(treeFromCodes(codes));
    const edited = codes.map((c) => (c.name === 'A2' ? { ...c, deletedAt: 5 } : c.name === 'B' ? { ...c, order: -1 } : c));
    expect(names(treeFromCodes(edited))).toEqual(['B', 'A']);
    expect(names(treeFromCodes(edited)[1]!.children)).toEqual(['A1']); // A2 and, with it, A2x are gone
    // A code whose parent record is missing altogether stays visible at the top.
    expect(names(treeFromCodes(codes.filter((c) => c.name !== 'A2')))).toEqual(['A', 'A2x', 'B']);
  });

  it('round-trips the default codebook: tree -> codes -> tree and codes -> tree -> codes', () => {
    const codes = codesFromTree(DEFAULT_CODEBOOK, counter());
    expect(treeFromCodes(codes)).toEqual(DEFAULT_CODEBOOK);
    expect(codesFromTree(treeFromCodes(codes), counter())).toEqual(codes);
  });

  it('round-trips codes -> CSV rows -> tree, including awkward names', () => {
    const codes = codesFromTree(DEFAULT_CODEBOOK, counter());
    const rows = codebookRows(codes);
    expect(rows[0]).toEqual([...CODEBOOK_CSV_HEADER]);
    expect(rows[2]!.slice(0, 2)).toEqual(['Respectful communication / Negotiates during disagreements', 'Negotiates during disagreements']);
    expect(parseCodebookCsv(rows, 'codes.csv')).toEqual(DEFAULT_CODEBOOK);
    const awkward = codesFromTree(
      [{ name: 'Wo / man', children: [{ name: 'He said "no", twice' }, { name: 'wo' }] }, { name: 'wo' }],
      counter(),
    );
    expect(parseCodebookCsv(codebookRows(awkward), 'codes.csv')).toEqual(treeFromCodes(awkward));
  });
});

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

describe('parseCodebookJson', () => {
  const bad = (text: string, message: string) => {
    const attempt = () => parseCodebookJson(text, 'book.json');
    expect(attempt).toThrow(ImportError);
    expect(attempt).toThrow(message);
  };

  it('normalises what it reads: trimmed text, lower-case colours, no empty fields', () => {
    const text = json([
      { name: ' A ', description: ' d ', examples: '', colour: '#ABCDEF', children: [] },
      { name: 'B', colour: '' },
    ]);
    expect(parseCodebookJson(`\uFEFF${text}`, 'book.json')).toEqual([{ name: 'A', description: 'd', colour: '#abcdef' }, { name: 'B' }]);
  });

  it('refuses a file that is not a codebook', () => {
    bad('{ nope', 'book.json: is not valid JSON (');
    bad('[]', 'book.json: is not a codebook: it must be an object with "format": "mirabal-codebook".');
    bad(
      JSON.stringify({ format: 'mirabal-codebook', version: 2, codes: [] }),
      'book.json: is a version 2 codebook; this workbench reads version 1.',
    );
    bad(JSON.stringify({ format: 'mirabal-codebook', version: '1', codes: [] }), 'book.json: "version" must be a whole number');
    bad(JSON.stringify({ format: 'mirabal-codebook', version: 1, codes: [], author: 'x' }), 'book.json: unknown field "author"');
    bad(JSON.stringify({ format: 'mirabal-codebook', version: 1, codes: {} }), 'book.json: "codes" must be a list of codes.');
    bad(JSON.stringify({ format: 'mirabal-codebook', version: 1, name: 3, codes: [] }), 'book.json: "name" must be text.');
  });

  it('names the code and the problem', () => {
    const three = (child: unknown) => json([{ name: 'A' }, { name: 'B' }, { name: 'C', children: [child] }]);
    bad(three({ name: '  ' }), 'book.json: codes[2].children[0]: name is empty.');
    bad(three({ description: 'x' }), 'book.json: codes[2].children[0]: name is missing.');
    bad(three({ name: 7 }), 'book.json: codes[2].children[0]: name must be text.');
    bad(three({ name: 'a\nb' }), 'book.json: codes[2].children[0]: name must be one line.');
    bad(three({ name: 'x'.repeat(201) }), 'book.json: codes[2].children[0]: name is longer than 200 characters');
    bad(three('A'), 'book.json: codes[2].children[0]: must be an object with at least a "name".');
    bad(three({ name: 'X', colour: '#12345' }), 'book.json: codes[2].children[0]: colour "#12345" is not a colour like "#a1b2c3".');
    bad(three({ name: 'X', colour: 255 }), 'book.json: codes[2].children[0]: colour must be text');
    bad(three({ name: 'X', inclusion: ['a'] }), 'book.json: codes[2].children[0]: inclusion must be text.');
    bad(three({ name: 'X', children: 'Y' }), 'book.json: codes[2].children[0]: children must be a list of codes.');
    bad(three({ name: 'X', colur: '#123456' }), 'book.json: codes[2].children[0]: unknown field "colur"');
    bad(json([{ name: 'A' }, { name: 'a ' }]), 'book.json: codes[1]: name "a" is used twice among its siblings (also codes[0]).');
  });

  it('limits depth to 12 and size to 5,000 codes', () => {
    const nest = (depth: number): CodebookNode => ({ name: `L${depth}`, ...(depth > 1 ? { children: [nest(depth - 1)] } : {}) });
    expect(() => parseCodebookJson(json([nest(12)]), 'book.json')).not.toThrow();
    bad(json([nest(13)]), `book.json: codes[0]${'.children[0]'.repeat(12)}: nested too deeply; codes may be at most 12 levels deep.`);
    const many = Array.from({ length: 5001 }, (_, i) => ({ name: `C${i}` }));
    expect(() => parseCodebookJson(json(many.slice(0, 5000)), 'book.json')).not.toThrow();
    bad(json(many), 'book.json: codes[5000]: too many codes; a codebook may hold at most 5,000.');
  });
});
