// The matrix query against hand counts on the project of analysisProject.ts (s4, nobody's, never counts).
import { describe, expect, it } from 'vitest';
import { matrixCellPassages, matrixQuery, type MatrixQuery } from '../../../../renderer/core/analysis';
import { waveMatrix } from '../../../../renderer/core/waves';
import { project, text } from './analysisProject';

const codes = { kind: 'codes', codeIds: ['A', 'B', 'C'] } as const;

describe('matrixQuery', () => {
  it('counts passages by role, with totals that add up', () => {
    const m = matrixQuery(project, { rows: codes, columns: { kind: 'role' }, cell: 'passages' });
    expect(m.rows).toEqual([
      { id: 'A', label: 'A' },
      { id: 'B', label: 'B' },
      { id: 'C', label: 'C' },
    ]);
    expect(m.columns).toEqual([
      { key: ['man'], label: 'Man on programme' },
      { key: ['woman'], label: 'Woman (ex-)partner' },
    ]);
    // Men: s1 (Kim) and s3 (Jo); women: s2 (Alex).
    expect(m.cells).toEqual([
      [3, 1],
      [2, 1],
      [3, 2],
    ]);
    expect(m.rowTotals).toEqual([4, 3, 5]);
    expect(m.columnTotals).toEqual([8, 4]);
    expect(m.total).toBe(12);
  });

  it('counts words', () => {
    // A, men: "argue less now" 3 + "listen to her" 3 + "fine. And home? Home is calm" 6; women "He listens more" 3.
    const m = matrixQuery(project, { rows: codes, columns: { kind: 'role' }, cell: 'words' });
    expect(m.cells).toEqual([
      [12, 3],
      [7, 4],
      [6, 7],
    ]);
    expect(m.total).toBe(39);
  });

  it('counts participants, each once in the totals', () => {
    const m = matrixQuery(project, { rows: codes, columns: { kind: 'role' }, cell: 'participants' });
    expect(m.cells).toEqual([
      [2, 1],
      [1, 1],
      [2, 1],
    ]);
    expect(m.rowTotals).toEqual([3, 2, 3]);
    expect(m.columnTotals).toEqual([2, 1]);
    expect(m.total).toBe(3);
  });

  it('gives shares of the column’s participants', () => {
    const m = matrixQuery(project, { rows: codes, columns: { kind: 'wave' }, cell: 'share' });
    expect(m.columns.map((c) => c.label)).toEqual(['Time 1', 'Time 2']);
    // Time 1: Kim and Alex, both with A, B and C; Time 2: Jo, with A and C.
    expect(m.cells).toEqual([
      [1, 1],
      [1, 0],
      [1, 1],
    ]);
    expect(m.rowTotals).toEqual([1, 2 / 3, 1]);
    expect(m.columnTotals).toEqual([1, 1]);
    expect(m.total).toBe(1);
  });

  it('places transcripts by group, site and attribute, "(none)" last', () => {
    const group = matrixQuery(project, { rows: codes, columns: { kind: 'group' }, cell: 'passages' });
    expect(group.columns.map((c) => c.label)).toEqual(['Programme', 'Comparison']);
    expect(group.cells[0]).toEqual([3, 1]);
    const site = matrixQuery(project, { rows: codes, columns: { kind: 'site' }, cell: 'passages' });
    expect(site.columns).toEqual([
      { key: ['A'], label: 'A' },
      { key: ['B'], label: 'B' },
      { key: [''], label: '(none)' },
    ]);
    expect(site.cells[0]).toEqual([2, 1, 1]);
    const age = matrixQuery(project, { rows: codes, columns: { kind: 'attribute', name: 'age' }, cell: 'passages' });
    expect(age.columns.map((c) => c.label)).toEqual(['29', '34', '(none)']);
    expect(age.cells[0]).toEqual([1, 2, 1]);
    const date = matrixQuery(project, { rows: codes, columns: { kind: 'attribute', name: 'date' }, cell: 'participants' });
    expect(date.columns.map((c) => c.key[0])).toEqual(['2021-01-15', '2021-03-01', '']);
    expect(date.cells[1]).toEqual([1, 1, 0]);
  });

  it('puts a transcript in every set it is in, and in "(none)" when in none', () => {
    // Set one: s2 (s4 is nobody's); Set two: s1, s2 (and an id that is gone); none: s3.
    const m = matrixQuery(project, { rows: codes, columns: { kind: 'set' }, cell: 'passages' });
    expect(m.columns.map((c) => c.label)).toEqual(['Set one', 'Set two', '(none)']);
    expect(m.cells).toEqual([
      [1, 3, 1],
      [1, 3, 0],
      [2, 4, 1],
    ]);
    expect(m.rowTotals).toEqual([5, 4, 7]);
    const people = matrixQuery(project, { rows: codes, columns: { kind: 'set' }, cell: 'participants' });
    expect(people.cells[0]).toEqual([1, 2, 1]);
    expect(people.rowTotals[0]).toBe(3);
  });

  it('crosses two dimensions, keeping only pairs that occur', () => {
    const m = matrixQuery(project, { rows: codes, columns: [{ kind: 'role' }, { kind: 'wave' }], cell: 'passages' });
    expect(m.columns).toEqual([
      { key: ['man', 'T1'], label: 'Man on programme · Time 1' },
      { key: ['man', 'T2'], label: 'Man on programme · Time 2' },
      { key: ['woman', 'T1'], label: 'Woman (ex-)partner · Time 1' },
    ]);
    expect(m.cells).toEqual([
      [2, 1, 1],
      [2, 0, 1],
      [2, 1, 2],
    ]);
  });

  it('counts measures with their sub-codes, categories included', () => {
    const m = matrixQuery(project, { rows: { kind: 'measures' }, columns: { kind: 'role' }, cell: 'passages' });
    expect(m.rows.map((r) => r.id)).toEqual(['A', 'B', 'C', 'N']);
    // A with A1: Jo's "Work" is a second stretch in s3.
    expect(m.cells).toEqual([
      [4, 1],
      [2, 1],
      [3, 2],
      [0, 0],
    ]);
  });

  it('applies coders and includeChildren to code rows', () => {
    expect(matrixQuery(project, { rows: codes, columns: { kind: 'role' }, cell: 'passages', coderIds: ['k2'] }).cells).toEqual([
      [0, 0],
      [0, 0],
      [1, 1],
    ]);
    const m = matrixQuery(project, {
      rows: { kind: 'codes', codeIds: ['A', 'gone'] },
      columns: { kind: 'role' },
      cell: 'passages',
      includeChildren: true,
    });
    expect(m.rows.map((r) => r.id)).toEqual(['A']);
    expect(m.cells).toEqual([[4, 1]]);
  });

  it('agrees with the wave matrix by wave', () => {
    for (const ignoreInterviewer of [false, true]) {
      const q = (cell: MatrixQuery['cell']) =>
        matrixQuery(project, {
          rows: { kind: 'codes', codeIds: ['A', 'A1', 'B', 'C'] },
          columns: { kind: 'wave' },
          cell,
          ignoreInterviewer,
        });
      const wm = waveMatrix(project, { ignoreInterviewer });
      const [passages, words, participants, share] = (['passages', 'words', 'participants', 'share'] as const).map(q);
      passages!.rows.forEach((row, i) => {
        const wr = wm.rows.find((r) => r.codeId === row.id)!;
        passages!.columns.forEach((col, j) => {
          const cell = wr.byWave[col.key[0]!]!;
          expect(passages!.cells[i]![j]).toBe(cell.passages);
          expect(words!.cells[i]![j]).toBe(cell.words);
          expect(participants!.cells[i]![j]).toBe(cell.participants);
          expect(share!.cells[i]![j]).toBe(cell.participants / cell.interviewed);
        });
      });
    }
  });
});

describe('matrixQuery with the source filters', () => {
  // Men: s1 (Kim, T1, site A, programme, in Set two) and s3 (Jo, T2, no site, programme, in no set);
  // women: s2 (Alex, T1, site B, comparison, in both sets); s4 (nobody's, in Set one) never counts.
  it('narrows by wave: only Time 1 transcripts count, in every column', () => {
    const m = matrixQuery(project, { rows: codes, columns: { kind: 'role' }, cell: 'passages', waves: ['T1'] });
    expect(m.columns.map((c) => c.label)).toEqual(['Man on programme', 'Woman (ex-)partner']);
    // s1: A "argue less now", "listen to her"; B "less now and we talk", "group helped"; C "talk more", "Why?".
    // s2: A "He listens more"; B "listens more. The kids"; C "shouts less", "The kids are calmer now".
    expect(m.cells).toEqual([
      [2, 1],
      [2, 1],
      [2, 2],
    ]);
    expect(m.rowTotals).toEqual([3, 3, 4]);
    expect(m.total).toBe(10);
  });

  it('narrows by site and role, a dimension showing only the values left', () => {
    const m = matrixQuery(project, { rows: codes, columns: { kind: 'wave' }, cell: 'words', sites: ['A'] });
    // s1 only: A "argue less now" 3 + "listen to her" 3; B "less now and we talk" 5 + "group helped" 2; C "talk more" 2 + "Why?" 1.
    expect(m.columns).toEqual([{ key: ['T1'], label: 'Time 1' }]);
    expect(m.cells).toEqual([[6], [7], [3]]);
    const women = matrixQuery(project, { rows: codes, columns: { kind: 'role' }, cell: 'participants', roles: ['woman'] });
    expect(women.columns.map((c) => c.key)).toEqual([['woman']]);
    expect(women.cells).toEqual([[1], [1], [1]]);
  });

  it('narrows by set, leaving out the transcript of nobody', () => {
    // Set one: s2 and s4; s4 has no participant, so only Alex counts.
    const m = matrixQuery(project, { rows: codes, columns: [{ kind: 'role' }, { kind: 'set' }], cell: 'passages', setIds: ['S1'] });
    expect(m.columns.map((c) => c.label)).toEqual(['Woman (ex-)partner · Set one', 'Woman (ex-)partner · Set two']);
    expect(m.cells).toEqual([
      [1, 1],
      [1, 1],
      [2, 2],
    ]);
  });

  it('narrows by group for shares: the denominators are the people left', () => {
    // Programme: Kim (T1) with A, B, C; Jo (T2) with A and C (his B coding is deleted).
    const m = matrixQuery(project, { rows: codes, columns: { kind: 'wave' }, cell: 'share', groups: ['programme'] });
    expect(m.cells).toEqual([
      [1, 1],
      [1, 0],
      [1, 1],
    ]);
    expect(m.rowTotals).toEqual([1, 1 / 2, 1]);
    expect(m.columnTotals).toEqual([1, 1]);
    expect(m.total).toBe(1);
  });

  it('gives an empty matrix when the filter lets nothing through', () => {
    const m = matrixQuery(project, { rows: codes, columns: { kind: 'role' }, cell: 'share', waves: ['T2'], roles: ['woman'] });
    expect(m.columns).toEqual([]);
    expect(m.cells).toEqual([[], [], []]);
    expect(m.rowTotals).toEqual([0, 0, 0]);
    expect(m.total).toBe(0);
  });

  it('gives the passages behind a cell under the filter', () => {
    const query: MatrixQuery = { rows: codes, columns: { kind: 'role' }, cell: 'passages', waves: ['T2'] };
    expect(matrixCellPassages(project, query, 0, 0).map((p) => [p.sourceId, text(p.sourceId).slice(p.start, p.end)])).toEqual([
      ['s3', 'fine.\nAnd home?\nHome is calm'],
    ]);
    expect(matrixCellPassages(project, query, 0, 1)).toEqual([]);
  });
});

describe('matrixCellPassages', () => {
  it('gives the stretches behind a cell in reading order, with words', () => {
    const query: MatrixQuery = { rows: codes, columns: { kind: 'role' }, cell: 'participants' };
    const got = matrixCellPassages(project, query, 0, 0);
    expect(got.map((p) => [p.participantId, text(p.sourceId).slice(p.start, p.end), p.words])).toEqual([
      ['P3', 'fine.\nAnd home?\nHome is calm', 6],
      ['P1', 'argue less now', 3],
      ['P1', 'listen to her', 3],
    ]);
    expect(matrixCellPassages(project, query, 3, 0)).toEqual([]);
    expect(matrixCellPassages(project, query, 0, 2)).toEqual([]);
    expect(matrixCellPassages(project, { ...query, columns: { kind: 'set' } }, 1, 0).map((p) => p.sourceId)).toEqual(['s2']);
  });
});
