import { beforeEach, describe, expect, it } from 'vitest';
import { applyCoding, combine, removeCoding, resizeCoding } from '../../renderer/core/coding/codingOps';
import { mergeCodebook } from '../../renderer/core/codebook/codebookMerge';
import { applyAction, redo, undo, undoState } from '../../renderer/store/actions';
import { allCodings, codingsOfSource } from '../../renderer/store/codingSets';
import { projectDb, type ProjectDb } from '../../renderer/store/projectDb';
import { createProject } from '../../renderer/store/projects';
import { freshRegistry } from './helpers';

let db: ProjectDb;
beforeEach(async () => {
  freshRegistry();
  db = projectDb((await createProject(`P ${crypto.randomUUID()}`)).id);
});

const id = () => crypto.randomUUID();
const live = async () => (await allCodings(db)).filter((c) => c.deletedAt == null);
const stored = async (codingId: string) => (await allCodings(db)).find((c) => c.id === codingId);

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
    const many = Array.from({ length: 2000 }, (_, i) =>
      applyCoding([], { sourceId: `s${i}`, codeId: code.id, coderId: 'me', start: 0, end: 3 }, 10, 'A', id, i),
    );
    await applyAction(db, combine('Many', ...many));
    expect(await allCodings(db)).toHaveLength(2000);
    // 2000 transcripts, one set each.
    expect(await db.codingSets.count()).toBe(2000);
    const first = (await allCodings(db))[0]!;
    const twice = combine('Twice', resizeCoding(first, 0, 5, 10, 'A', 1), resizeCoding({ ...first, end: 5 }, 0, 7, 10, 'A', 2));
    await applyAction(db, twice);
    expect((await stored(first.id))!.end).toBe(7);
    await undo(db);
    expect(await stored(first.id)).toEqual(first);
    await undo(db);
    expect(await allCodings(db)).toHaveLength(0);
    expect(await db.codingSets.count()).toBe(0);
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

  it("keeps a transcript's codings in one set: in order, each checked on its own, moved whole", async () => {
    await applyAction(db, mergeCodebook([], [{ name: 'A' }], 'Add A', id));
    const code = (await db.codes.toArray())[0]!;
    const at = (sourceId: string, start: number, time: number) =>
      applyCoding([], { sourceId, codeId: code.id, coderId: 'me', start, end: start + 2 }, 100, 'A', id, time);
    await applyAction(db, combine('Three', at('s', 0, 1), at('s', 10, 2), at('t', 5, 3)));
    const [a, b] = await codingsOfSource(db, 's');
    expect([a!.start, b!.start]).toEqual([0, 10]);
    expect((await codingsOfSource(db, 't')).map((c) => c.start)).toEqual([5]);

    // Resizing the first keeps its place in the set; the other coding is untouched.
    await applyAction(db, resizeCoding(a!, 0, 4, 100, 'A', 4));
    expect((await codingsOfSource(db, 's')).map((c) => [c.start, c.end])).toEqual([
      [0, 4],
      [10, 12],
    ]);
    // A stale view of one coding is refused even though its neighbour in the set is current.
    await expect(applyAction(db, combine('Both', resizeCoding(b!, 10, 14, 100, 'A', 5), removeCoding(a!, 'A', 5)))).rejects.toThrow(
      /changed elsewhere/,
    );
    expect((await codingsOfSource(db, 's')).map((c) => c.end)).toEqual([4, 12]);

    // Removing is soft: the coding stays in its set, marked deleted, and undo brings it back.
    await applyAction(db, removeCoding(b!, 'A', 6));
    expect((await codingsOfSource(db, 's')).map((c) => c.deletedAt ?? null)).toEqual([null, 6]);
    await undo(db);
    expect((await codingsOfSource(db, 's'))[1]).toEqual(b);

    // A coding moved to another transcript (the action model allows it) leaves one set for
    // the other; an emptied set is removed.
    const t = (await codingsOfSource(db, 't'))[0]!;
    await applyAction(db, { label: 'Move', changes: [{ table: 'codings', before: t, after: { ...t, sourceId: 's', updatedAt: 7 } }] });
    expect((await codingsOfSource(db, 's')).map((c) => c.id)).toEqual([a!.id, b!.id, t.id]);
    expect(await db.codingSets.get('t')).toBeUndefined();
    await undo(db);
    expect(await codingsOfSource(db, 't')).toEqual([t]);
    expect((await codingsOfSource(db, 's')).map((c) => c.id)).toEqual([a!.id, b!.id]);
  });
});
