import { beforeEach, describe, expect, it } from 'vitest';
import { applyCoding, combine, removeCoding, resizeCoding } from '../../renderer/core/codingOps';
import { mergeCodebook } from '../../renderer/core/codebookMerge';
import { applyAction, redo, undo, undoState } from '../../renderer/store/actions';
import { projectDb, type ProjectDb } from '../../renderer/store/projectDb';
import { createProject } from '../../renderer/store/projects';
import { freshRegistry } from './helpers';

let db: ProjectDb;
beforeEach(async () => {
  freshRegistry();
  db = projectDb((await createProject(`P ${crypto.randomUUID()}`)).id);
});

const id = () => crypto.randomUUID();
const live = async () => (await db.codings.toArray()).filter((c) => c.deletedAt == null);

describe('actions, undo and redo', () => {
  it('applies, undoes and redoes in stack order, surviving a reopen of the database', async () => {
    await applyAction(db, mergeCodebook([], [{ name: 'Time Out' }], 'Add codes', id));
    const code = (await db.codes.toArray())[0]!;
    const req = { sourceId: 's', codeId: code.id, coderId: 'me' };
    await applyAction(db, applyCoding([], { ...req, start: 0, end: 4 }, 10, code.name, id, 1));
    await applyAction(db, applyCoding(await live(), { ...req, start: 6, end: 9 }, 10, code.name, id, 2));
    expect(await live()).toHaveLength(2);
    expect(await undoState(db)).toEqual({ undo: 'Apply "Time Out"', redo: null });

    expect(await undo(db)).toBe('Apply "Time Out"');
    expect((await live()).map((c) => c.start)).toEqual([0]);
    db.close();
    await db.open();
    expect(await undoState(db)).toEqual({ undo: 'Apply "Time Out"', redo: 'Apply "Time Out"' });
    expect(await redo(db)).toBe('Apply "Time Out"');
    expect(await live()).toHaveLength(2);
    await undo(db);
    await undo(db);
    await undo(db);
    expect(await db.codes.count()).toBe(0);
    expect(await undo(db)).toBeNull();
    expect(await redo(db)).toBe('Add codes');
    expect(await db.codes.count()).toBe(1);
  });

  it('records set-up work for the audit trail without making it undoable', async () => {
    await applyAction(db, mergeCodebook([], [{ name: 'A' }], 'Start from a codebook', id), '', { undoable: false });
    expect(await undoState(db)).toEqual({ undo: null, redo: null });
    expect(await undo(db)).toBeNull();
    expect(await db.codes.count()).toBe(1);
    expect((await db.history.toArray()).at(-1)).toMatchObject({ action: 'setup', summary: 'Start from a codebook', undoable: false });
  });

  it('writes large actions in bulk, and an action changing one record twice', async () => {
    await applyAction(db, mergeCodebook([], [{ name: 'A' }], 'Add A', id));
    const code = (await db.codes.toArray())[0]!;
    const many = Array.from({ length: 2000 }, (_, i) => applyCoding([], { sourceId: `s${i}`, codeId: code.id, coderId: 'me', start: 0, end: 3 }, 10, 'A', id, i));
    await applyAction(db, combine('Many', ...many));
    expect(await db.codings.count()).toBe(2000);
    const first = (await db.codings.toArray())[0]!;
    const twice = combine('Twice', resizeCoding(first, 0, 5, 10, 'A', 1), resizeCoding({ ...first, end: 5 }, 0, 7, 10, 'A', 2));
    await applyAction(db, twice);
    expect((await db.codings.get(first.id))!.end).toBe(7);
    await undo(db);
    expect(await db.codings.get(first.id)).toEqual(first);
    await undo(db);
    expect(await db.codings.count()).toBe(0);
  });

  it('drops the redo steps when a new action is done', async () => {
    await applyAction(db, mergeCodebook([], [{ name: 'A' }], 'Add A', id));
    await undo(db);
    await applyAction(db, mergeCodebook([], [{ name: 'B' }], 'Add B', id));
    expect(await undoState(db)).toEqual({ undo: 'Add B', redo: null });
    expect(await redo(db)).toBeNull();
    expect((await db.codes.toArray()).map((c) => c.name)).toEqual(['B']);
  });

  it('refuses an action computed from stale records and changes nothing', async () => {
    await applyAction(db, mergeCodebook([], [{ name: 'A' }], 'Add A', id));
    const code = (await db.codes.toArray())[0]!;
    const add = applyCoding([], { sourceId: 's', codeId: code.id, coderId: 'me', start: 0, end: 3 }, 10, 'A', id, 1);
    await applyAction(db, add);
    const coding = (await live())[0]!;
    await applyAction(db, removeCoding(coding, 'A', 2));
    await expect(applyAction(db, removeCoding(coding, 'A', 3))).rejects.toThrow(/changed elsewhere/);
    // Creating a record that already exists is refused too, and the transaction changes nothing.
    await expect(applyAction(db, combine('Again', add, removeCoding({ ...coding, id: 'other' }, 'A', 4)))).rejects.toThrow();
    expect(await undoState(db)).toEqual({ undo: 'Remove "A"', redo: null });
  });
});
