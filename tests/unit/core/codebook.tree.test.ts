// Codes and codebook trees: codesFromTree, treeFromCodes, and round trips through codes and CSV rows.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK } from '../../../codebook';
import {
  CODEBOOK_CSV_HEADER,
  codebookRows,
  codesFromTree,
  PALETTE,
  parseCodebookCsv,
  childColour,
  treeFromCodes,
  type CodebookNode,
} from '../../../renderer/core/codebook/codebook';
import type { Code } from '../../../renderer/core/shared/model';
import { names } from '../../fixtures/codebookTrees';

const counter = (prefix = 'c') => {
  let n = 0;
  return () => `${prefix}${++n}`;
};

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
    // A colour the tree gave goes back out; one the app assigned (autoColour) does not.
    expect(treeFromCodes(codes)).toEqual(tree.map((n) => ({ ...n, children: n.children && expect.any(Array) })));
    expect(codes.filter((c) => c.autoColour).map((c) => c.name)).toEqual(['A1', 'A2', 'A2x', 'B']);
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
