// The matrix query's table on screen and in a spreadsheet, on the project of analysisProject.ts.
import { describe, expect, it } from 'vitest';
import {
  describeMatrixQuery,
  dimensionChoices,
  dimensionKey,
  formatMatrixValue,
  headerGroups,
  matrixQuery,
  matrixRows,
  matrixTableRows,
  secondLabels,
  type MatrixQuery,
} from '../../../../renderer/core/analysis';
import { project } from './analysisProject';

const defs = [
  { name: 'age', type: 'number' as const },
  { name: 'date', type: 'date' as const },
  { name: 'age', type: 'number' as const },
];

describe('dimensionChoices', () => {
  it('offers the fixed dimensions, then each attribute once', () => {
    expect(dimensionChoices(defs).map((c) => [c.key, c.label])).toEqual([
      ['role', 'Role'],
      ['site', 'Site'],
      ['group', 'Group'],
      ['wave', 'Wave'],
      ['set', 'Set'],
      ['attribute:age', 'Attribute: age'],
      ['attribute:date', 'Attribute: date'],
    ]);
    expect(dimensionChoices([])[5]).toBeUndefined();
    expect(dimensionKey({ kind: 'attribute', name: 'age' })).toBe('attribute:age');
    expect(dimensionChoices(defs)[6]!.dimension).toEqual({ kind: 'attribute', name: 'date' });
  });
});

describe('formatMatrixValue and describeMatrixQuery', () => {
  it('shows shares as whole percentages and counts as they are', () => {
    expect(formatMatrixValue('share', 2 / 3)).toBe('67%');
    expect(formatMatrixValue('share', 0)).toBe('0%');
    expect(formatMatrixValue('words', 1234)).toBe('1234');
  });

  it('says the query in words', () => {
    expect(describeMatrixQuery({ rows: { kind: 'measures' }, columns: { kind: 'role' }, cell: 'share' })).toBe(
      'Rows: top-level codes, each with its sub-codes; columns: Role; cells: share of participants',
    );
    expect(
      describeMatrixQuery(
        { rows: { kind: 'codes', codeIds: ['A'] }, columns: [{ kind: 'wave' }, { kind: 'attribute', name: 'age' }], cell: 'participants' },
        defs,
      ),
    ).toBe('Rows: 1 code; columns: Wave × Attribute: age; cells: participants with the code');
  });
});

describe('headerGroups and secondLabels', () => {
  it('groups a crossed matrix’s columns under the first dimension’s values', () => {
    const query: MatrixQuery = { rows: { kind: 'codes', codeIds: ['A'] }, columns: [{ kind: 'role' }, { kind: 'wave' }], cell: 'passages' };
    const m = matrixQuery(project, query);
    // Columns: man · T1, man · T2, woman · T1.
    expect(headerGroups(project, query, m)).toEqual([
      { label: 'Man on programme', span: 2 },
      { label: 'Woman (ex-)partner', span: 1 },
    ]);
    expect(secondLabels(project, query, m)).toEqual(['Time 1', 'Time 2', 'Time 1']);
  });

  it('has no upper header for one dimension, and names "(none)"', () => {
    const query: MatrixQuery = { rows: { kind: 'codes', codeIds: ['A'] }, columns: { kind: 'site' }, cell: 'passages' };
    const m = matrixQuery(project, query);
    expect(headerGroups(project, query, m)).toBeNull();
    expect(secondLabels(project, query, m)).toEqual(['A', 'B', '(none)']);
    const crossed: MatrixQuery = { ...query, columns: [{ kind: 'site' }, { kind: 'group' }] };
    expect(headerGroups(project, crossed, matrixQuery(project, crossed))!.map((g) => [g.label, g.span])).toEqual([
      ['A', 1],
      ['B', 1],
      ['(none)', 1],
    ]);
  });
});

describe('matrixTableRows', () => {
  it('writes the query and filters, code paths, cells and totals', () => {
    const query: MatrixQuery = { rows: { kind: 'codes', codeIds: ['A1', 'C'] }, columns: { kind: 'role' }, cell: 'passages' };
    const rows = matrixTableRows(project, query, matrixQuery(project, query), { query: 'Q', filters: 'F' });
    // A1: Jo's "Work" (s3, a man); C: men "talk more", "Why?", "calm and quiet"; women "shouts less", "The kids are calmer now".
    expect(rows).toEqual([
      ['Matrix query', 'Q', 'Filters', 'F'],
      ['Code', 'Man on programme', 'Woman (ex-)partner', 'Total'],
      ['A / A1', 1, 0, 1],
      ['C', 3, 2, 5],
      ['Total', 4, 2, 6],
    ]);
  });

  it('writes shares as fractions to three places', () => {
    const query: MatrixQuery = { rows: { kind: 'codes', codeIds: ['A', 'B', 'C'] }, columns: { kind: 'wave' }, cell: 'share' };
    const rows = matrixTableRows(project, query, matrixQuery(project, query), { query: 'Q', filters: 'F' });
    // B: Kim and Alex at Time 1, not Jo at Time 2: 2 of the 3 people.
    expect(rows[3]).toEqual(['B', 1, 0, 0.667]);
    expect(rows[5]).toEqual(['Total', 1, 1, 1]);
  });
});

describe('matrixRows', () => {
  it('gives the measures, every codable code in codebook order, or the codes chosen', () => {
    expect(matrixRows(project, 'measures')).toEqual({ kind: 'measures' });
    // N is a category, D deleted.
    expect(matrixRows(project, 'all')).toEqual({ kind: 'codes', codeIds: ['A', 'A1', 'B', 'C'] });
    expect(matrixRows(project, 'chosen', ['C', 'A'])).toEqual({ kind: 'codes', codeIds: ['C', 'A'] });
  });
});
