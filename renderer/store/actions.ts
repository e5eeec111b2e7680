// Applying core Actions to the project database, and undo/redo from the history table, so
// Ctrl+Z works across reloads. Each call is one transaction; a record changed since the
// action was computed (another window, an import) refuses the action and changes nothing.
import { invert, sameRecord, type Action } from '../core/changes';
import { ValidationError } from '../core/projectSetup';
import type { HistoryEntry, ProjectDb } from './projectDb';

function tablesOf(db: ProjectDb) {
  return { codes: db.codes, codings: db.codings, coders: db.coders, memos: db.memos } as const;
}

async function write(db: ProjectDb, action: Action): Promise<void> {
  const tables = tablesOf(db);
  for (const change of action.changes) {
    const table = tables[change.table] as unknown as { get(id: string): Promise<unknown>; put(r: unknown): Promise<unknown>; delete(id: string): Promise<void> };
    const id = (change.after ?? change.before)!.id;
    const current = (await table.get(id)) ?? null;
    if (!sameRecord(current, change.before)) {
      throw new ValidationError('This was changed elsewhere in the meantime (another window or an import); nothing was changed. Try again.');
    }
    if (change.after === null) await table.delete(id);
    else await table.put(change.after);
  }
}

const ALL = (db: ProjectDb) => [db.codes, db.codings, db.coders, db.memos, db.history];

/**
 * Applies an action and records it as the newest undo step (clearing the redo steps). Set-up
 * work (a new project's codebook, the sample) is recorded for the audit trail only.
 */
export async function applyAction(db: ProjectDb, action: Action, actor = '', options: { undoable?: boolean } = {}): Promise<void> {
  if (action.changes.length === 0) return;
  const undoable = options.undoable ?? true;
  await db.transaction('rw', ALL(db), async () => {
    await write(db, action);
    if (undoable) for (const e of await undoneEntries(db)) await db.history.update(e.seq!, { state: 'dead' });
    await db.history.add({
      at: Date.now(),
      actor,
      action: undoable ? 'edit' : 'setup',
      summary: action.label,
      undoable,
      ...(undoable ? { state: 'done' as const, data: action } : { data: { changes: action.changes.length } }),
    });
  });
}

/** Entries with state 'undone', newest first; they sit above the newest 'done' one. */
async function undoneEntries(db: ProjectDb): Promise<HistoryEntry[]> {
  const out: HistoryEntry[] = [];
  await db.history
    .orderBy('seq')
    .reverse()
    .until((e) => e.undoable && e.state === 'done')
    .each((e) => {
      if (e.undoable && e.state === 'undone') out.push(e);
    });
  return out;
}

async function lastDone(db: ProjectDb): Promise<HistoryEntry | undefined> {
  return db.history
    .orderBy('seq')
    .reverse()
    .filter((e) => e.undoable && e.state === 'done')
    .first();
}

export interface UndoState {
  undo: string | null;
  redo: string | null;
}

export async function undoState(db: ProjectDb): Promise<UndoState> {
  return db.transaction('r', db.history, async () => {
    const [done, undone] = await Promise.all([lastDone(db), undoneEntries(db)]);
    return { undo: done?.summary ?? null, redo: undone.at(-1)?.summary ?? null };
  });
}

/** Takes back the newest action; returns its label, or null when there is nothing to undo. */
export async function undo(db: ProjectDb): Promise<string | null> {
  return db.transaction('rw', ALL(db), async () => {
    const entry = await lastDone(db);
    if (!entry) return null;
    await write(db, invert(entry.data as Action));
    await db.history.update(entry.seq!, { state: 'undone' });
    return entry.summary;
  });
}

/** Does again the action undone most recently. */
export async function redo(db: ProjectDb): Promise<string | null> {
  return db.transaction('rw', ALL(db), async () => {
    const entry = (await undoneEntries(db)).at(-1);
    if (!entry) return null;
    await write(db, entry.data as Action);
    await db.history.update(entry.seq!, { state: 'done' });
    return entry.summary;
  });
}
