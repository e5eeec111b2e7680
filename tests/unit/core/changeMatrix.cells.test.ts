// Change matrix cells: keys, finding and indexing live cells, and setCell's create, update, clear and undo.
import { describe, expect, it } from 'vitest';
import { applyToArrays, invert, type Action } from '../../../renderer/core/shared/changes';
import { cellKey, findCell, indexCells, isEmptyCell, setCell } from '../../../renderer/core/waves/changeMatrix';
import type { FrameworkCell } from '../../../renderer/core/shared/model';
import { cell, cells, WAVES } from '../../fixtures/changeMatrixProject';

describe('cellKey, findCell and indexCells', () => {
  it('keys a participant, a code and an ordered wave pair', () => {
    expect(cellKey('p1', 'k1', WAVES)).toBe('p1\u0000k1\u0000T1\u0000T2');
    expect(cellKey('p1', 'k1', ['T2', 'T1'])).not.toBe(cellKey('p1', 'k1', WAVES));
  });
  it('finds live cells only, for the pair in its order', () => {
    expect(findCell(cells, 'p1', 'k1', WAVES)?.id).toBe('fA');
    expect(findCell(cells, 'p1', 'k1', ['T2', 'T1'])?.id).toBe('fR');
    expect(findCell(cells, 'p3', 'k2', WAVES)).toBeUndefined();
    expect(findCell([cells[0]!], 'p1', 'k1', WAVES)).toBeUndefined();
  });
  it('prefers the cell updated last when two live cells share a key', () => {
    const twins = [
      cell('b', 'p1', 'k1', 'x', '', ''),
      cell('a', 'p1', 'k1', 'y', '', '', { updatedAt: 12 }),
      cell('c', 'p1', 'k1', 'z', '', ''),
    ];
    expect(findCell(twins, 'p1', 'k1', WAVES)?.id).toBe('a');
    expect(findCell(twins.slice(0, 1).concat(twins.slice(2)), 'p1', 'k1', WAVES)?.id).toBe('c');
    expect([...indexCells(cells).values()].map((c) => c.id)).toEqual(['fA', 'fB', 'fC', 'fD', 'fE', 'fR']);
  });
  it('calls a cell empty when its summaries are blank and it has no judgement', () => {
    expect(isEmptyCell(cells[3]!)).toBe(true);
    expect(isEmptyCell(cells[2]!)).toBe(false);
    expect(isEmptyCell({ firstSummary: '', secondSummary: '', judgement: 'unclear' })).toBe(false);
  });
});

describe('setCell', () => {
  const target = { participantId: 'p1', codeId: 'k1', waves: WAVES };
  const names = { participant: 'Dale', code: 'Respectful communication' };
  const label = 'Change matrix: Dale × Respectful communication';

  function run(state: FrameworkCell[], action: Action): FrameworkCell[] {
    const s = { frameworkCells: state.map((c) => ({ ...c })) };
    applyToArrays(s, action);
    return s.frameworkCells;
  }

  it('creates, updates, does nothing, clears to a soft delete, and undoes each', () => {
    let n = 0;
    const newId = () => `n${++n}`;
    const create = setCell([], target, { firstSummary: 'Shouts.' }, 100, newId, names);
    const first: FrameworkCell = {
      id: 'n1',
      participantId: 'p1',
      codeId: 'k1',
      waves: ['T1', 'T2'],
      firstSummary: 'Shouts.',
      secondSummary: '',
      judgement: '',
      updatedAt: 100,
    };
    expect(create).toEqual({ label, changes: [{ table: 'frameworkCells', before: null, after: first }] });
    const s1 = run([], create);
    expect(s1).toEqual([first]);

    const update = setCell(s1, target, { judgement: 'weakened', secondSummary: 'Talks now.' }, 200, newId, names);
    const second: FrameworkCell = { ...first, secondSummary: 'Talks now.', judgement: 'weakened', updatedAt: 200 };
    expect(update).toEqual({ label, changes: [{ table: 'frameworkCells', before: first, after: second }] });
    const s2 = run(s1, update);
    expect(s2).toEqual([second]);
    expect(findCell(s2, 'p1', 'k1', WAVES)).toEqual(second);

    expect(setCell(s2, target, { judgement: 'weakened', firstSummary: 'Shouts.' }, 250, newId, names)).toEqual({ label, changes: [] });
    expect(setCell(s2, target, {}, 250, newId, names)).toEqual({ label, changes: [] });

    const partClear = setCell(s2, target, { firstSummary: '', secondSummary: '' }, 260, newId, names);
    expect(partClear.changes).toEqual([
      { table: 'frameworkCells', before: second, after: { ...second, firstSummary: '', secondSummary: '', updatedAt: 260 } },
    ]);

    const clear = setCell(s2, target, { firstSummary: '', secondSummary: '  ', judgement: '' }, 300, newId, names);
    const cleared: FrameworkCell = { ...second, firstSummary: '', secondSummary: '  ', judgement: '', updatedAt: 300, deletedAt: 300 };
    expect(clear).toEqual({ label, changes: [{ table: 'frameworkCells', before: second, after: cleared }] });
    const s3 = run(s2, clear);
    expect(s3).toEqual([cleared]);
    expect(findCell(s3, 'p1', 'k1', WAVES)).toBeUndefined();

    // After a clear the next edit starts a new cell; undo brings each state back.
    const again = setCell(s3, target, { judgement: 'unclear' }, 400, newId, names);
    expect(again.changes).toEqual([
      { table: 'frameworkCells', before: null, after: { ...first, id: 'n2', firstSummary: '', judgement: 'unclear', updatedAt: 400 } },
    ]);
    expect(run(s3, invert(clear))).toEqual(s2);
    expect(run(s2, invert(update))).toEqual(s1);
    expect(run(s1, invert(create))).toEqual([]);
    expect(n).toBe(2);
  });

  it('creates nothing from an empty patch, keeps summaries as typed, and updates the live cell of the key', () => {
    const newId = () => 'never';
    expect(setCell([], target, { firstSummary: ' ', judgement: '' }, 1, newId, names)).toEqual({ label, changes: [] });
    const typed = setCell(cells, target, { firstSummary: 'Shouts when angry. ' }, 50, newId, names);
    expect(typed.changes).toEqual([
      { table: 'frameworkCells', before: cells[1], after: { ...cells[1]!, firstSummary: 'Shouts when angry. ', updatedAt: 50 } },
    ]);
    const reversed = setCell(cells, { ...target, waves: ['T2', 'T1'] }, { judgement: 'ceased' }, 50, newId, names);
    expect(reversed.changes).toEqual([
      { table: 'frameworkCells', before: cells[6], after: { ...cells[6]!, judgement: 'ceased', updatedAt: 50 } },
    ]);
  });

  it('refuses a pair of one wave and an unknown judgement', () => {
    expect(() => setCell([], { ...target, waves: ['T1', 'T1'] }, { firstSummary: 'x' }, 1, () => 'id', names)).toThrow(
      /two different waves/,
    );
    expect(() => setCell([], target, { judgement: 'better' as never }, 1, () => 'id', names)).toThrow(/"better" is not a change judgement/);
  });
});
