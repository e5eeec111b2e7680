// Applying core Actions to the project database, and undo/redo from the history table, so
// Ctrl+Z works across reloads. Each call is one transaction; a record changed since the
// action was computed (another window, an import) refuses the action and changes nothing.
import { invert, sameRecord, type Action, type TableName, ValidationError } from '../core/shared';
import { STALE_MESSAGE, writeCodingChanges, type CodingChange } from './codingSets';
import type { HistoryEntry, ProjectDb } from './projectDb';

function tablesOf(db: ProjectDb) {
  return {
    codes: db.codes,
    coders: db.coders,
    memos: db.memos,
    frameworkCells: db.frameworkCells,
    decisions: db.decisions,
    basketItems: db.basketItems,
    participants: db.participants,
    surveyTimePoints: db.surveyTimePoints,
    surveyItems: db.surveyItems,
    surveyAnswers: db.surveyAnswers,
  } as const;
}

type AnyTable = {
  bulkAdd(records: unknown[]): Promise<unknown>;
  bulkGet(ids: string[]): Promise<unknown[]>;
  bulkPut(records: unknown[]): Promise<unknown>;
  bulkDelete(ids: string[]): Promise<void>;
};

/**
 * Writes an action's changes table by table with bulk reads and writes (an action can hold
 * 40,000 codings, e.g. an import). Every record must still be as the action found it.
 */
async function write(db: ProjectDb, action: Action): Promise<void> {
  const tables = tablesOf(db);
  // The last change of a record wins; its `before` must match the first change's view.
  const byTable = new Map<TableName, Map<string, { before: unknown; after: unknown }>>();
  for (const change of action.changes) {
    const id = (change.after ?? change.before)!.id;
    const records = byTable.get(change.table) ?? new Map<string, { before: unknown; after: unknown }>();
    byTable.set(change.table, records);
    const earlier = records.get(id);
    records.set(id, { before: earlier ? earlier.before : change.before, after: change.after });
  }
  for (const [name, records] of byTable) {
    if (name === 'codings') {
      await writeCodingChanges(db, records as Map<string, CodingChange>);
      continue;
    }
    const table = tables[name] as unknown as AnyTable;
    // New records need no read: bulkAdd itself refuses an id that exists, aborting the whole
    // transaction just as a stale record does.
    const created = [...records.values()].filter((r) => r.before === null && r.after !== null).map((r) => r.after);
    if (created.length) await table.bulkAdd(created);
    const ids = [...records.keys()].filter((id) => records.get(id)!.before !== null);
    if (ids.length === 0) continue;
    const current = await table.bulkGet(ids);
    ids.forEach((id, i) => {
      if (!sameRecord(current[i] ?? null, records.get(id)!.before)) {
        throw new ValidationError(STALE_MESSAGE);
      }
    });
    const puts = ids.map((id) => records.get(id)!.after).filter((r) => r !== null);
    const deletes = ids.filter((id) => records.get(id)!.after === null);
    if (name === 'participants' && deletes.length) await refuseIfInUse(db, deletes);
    if (puts.length) await table.bulkPut(puts);
    if (deletes.length) await table.bulkDelete(deletes);
  }
}

/**
 * A participant an action added (a survey import) may since have had transcripts assigned, a
 * memo, a change-matrix cell or a link written: undoing the action must not take her away from
 * under them. (Participants are otherwise deleted only by a purge, which removes all of it.)
 */
async function refuseIfInUse(db: ProjectDb, ids: string[]): Promise<void> {
  const [sources, cells, memos, people] = await Promise.all([
    db.sources.where('participantId').anyOf(ids).count(),
    db.frameworkCells.where('participantId').anyOf(ids).count(),
    db.memos
      .where('[target+targetId]')
      .anyOf(ids.map((id) => ['participant', id]))
      .count(),
    db.participants.filter((p) => p.links.some((l) => ids.includes(l.participantId))).count(),
  ]);
  if (sources + cells + memos + people > 0)
    throw new ValidationError(
      'A participant this step added has since been given transcripts, memos, change-matrix cells or links: it cannot be taken back. Nothing was changed.',
    );
}

/** Every table an action may write, with the history: a transaction around applyAction needs them all. */
export const actionTables = (db: ProjectDb) => [
  db.codes,
  db.codingSets,
  db.coders,
  db.memos,
  db.frameworkCells,
  db.decisions,
  db.basketItems,
  db.participants,
  db.surveyTimePoints,
  db.surveyItems,
  db.surveyAnswers,
  // Read only: whether a participant an action added has transcripts now (refuseIfInUse).
  db.sources,
  db.history,
];
const ALL = actionTables;

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
