// The transcript bin (restore, delete for ever) and purging a participant who withdrew
// consent. The plan comes from core (core/project/purge.ts); each call here reads and writes
// in one transaction, so a purge happens whole or not at all, with its log entry.
import {
  planPurge,
  purgeConfirmed,
  purgeLogSummary,
  restorePlacement,
  withoutSources,
  type PurgeCounts,
  type PurgePlan,
  type PurgeTarget,
} from '../core/project';
import { ValidationError, type ProjectSet } from '../core/shared';
import { allCodings } from './codingSets';
import type { HistoryEntry, ProjectDb, SourceMeta } from './projectDb';

/** Transcripts in the bin, most recently deleted first. */
export async function listBinnedSources(db: ProjectDb): Promise<SourceMeta[]> {
  const all = await db.sources.toArray();
  return all.filter((s) => s.deletedAt != null).sort((a, b) => (b.deletedAt ?? 0) - (a.deletedAt ?? 0));
}

/**
 * Brings a transcript back from the bin. Its codings were never touched by the delete, so
 * they come back exactly as they were (codings removed before it was binned stay removed).
 * Returns what changed on the way (e.g. its participant was deleted meanwhile).
 */
export async function restoreSource(db: ProjectDb, id: string, actor = ''): Promise<string[]> {
  return db.transaction('rw', [db.sources, db.participants, db.waves, db.history], async () => {
    const source = await db.sources.get(id);
    if (!source) throw new ValidationError('That transcript no longer exists.');
    if (source.deletedAt == null) return [];
    const placement = restorePlacement(source, await db.participants.toArray(), await db.waves.toArray());
    await db.sources.update(id, { deletedAt: null, participantId: placement.participantId, wave: placement.wave });
    await db.history.add({
      at: Date.now(),
      actor,
      action: 'source.restore',
      summary: `Restored ${source.title} from the bin${placement.notes.length ? ` (${placement.notes.join('; ')})` : ''}`,
      undoable: false,
      data: { id },
    });
    return placement.notes;
  });
}

const purgeTables = (db: ProjectDb) => [
  db.participants,
  db.sources,
  db.sourceContent,
  db.codingSets,
  db.memos,
  db.basketItems,
  db.decisions,
  db.frameworkCells,
  db.history,
  db.meta,
  db.searchIndex,
  db.surveyAnswers,
  db.recordings,
  db.recordingChunks,
];

async function plan(db: ProjectDb, target: PurgeTarget): Promise<PurgePlan> {
  const [participants, sources, codings, memos, basketItems, decisions, frameworkCells, history, surveyAnswers] = await Promise.all([
    db.participants.toArray(),
    db.sources.toArray(),
    allCodings(db),
    db.memos.toArray(),
    db.basketItems.toArray(),
    db.decisions.toArray(),
    db.frameworkCells.toArray(),
    db.history.toArray(),
    target.kind === 'participant' ? db.surveyAnswers.where('id').equals(target.participantId).toArray() : Promise.resolve([]),
  ]);
  return planPurge({ participants, sources, codings, memos, basketItems, decisions, frameworkCells, history, surveyAnswers }, target);
}

/** What a purge would remove, for the confirmation. */
export async function previewPurge(db: ProjectDb, target: PurgeTarget): Promise<PurgeCounts> {
  return db.transaction('r', purgeTables(db), async () => (await plan(db, target)).counts);
}

async function applyPurge(db: ProjectDb, target: PurgeTarget, actor: string, check: (plan: PurgePlan) => Promise<void>) {
  return db.transaction('rw', purgeTables(db), async () => {
    const p = await plan(db, target);
    await check(p);
    await db.participants.bulkDelete(p.participantIds);
    // Her survey answers go with her: an answer set's key is its participant's id.
    await db.surveyAnswers.bulkDelete(p.participantIds);
    if (p.participantUpdates.length) await db.participants.bulkPut(p.participantUpdates);
    await db.sources.bulkDelete(p.sourceIds);
    await db.sourceContent.bulkDelete(p.sourceIds);
    await db.searchIndex.bulkDelete(p.sourceIds);
    await db.codingSets.bulkDelete(p.sourceIds);
    // A transcript's recordings go with it, their bytes too: the voice is the testimony.
    const recordings = await db.recordings.where('sourceId').anyOf(p.sourceIds).primaryKeys();
    await db.recordingChunks.where('recordingId').anyOf(recordings).delete();
    await db.recordings.bulkDelete(recordings);
    const sets = (await db.meta.get('sets'))?.value as ProjectSet[] | undefined;
    if (sets?.length && p.sourceIds.length) await db.meta.put({ key: 'sets', value: withoutSources(sets, p.sourceIds) });
    await db.memos.bulkDelete(p.memoIds);
    await db.basketItems.bulkDelete(p.basketItemIds);
    await db.decisions.bulkDelete(p.decisionIds);
    await db.frameworkCells.bulkDelete(p.frameworkCellIds);
    await db.history.bulkDelete(p.historyDeletes);
    if (p.historyUpdates.length) await db.history.bulkPut(p.historyUpdates as HistoryEntry[]);
    const now = Date.now();
    await db.history.add({
      at: now,
      actor,
      action: target.kind === 'participant' ? 'participant.purge' : 'source.purge',
      summary: purgeLogSummary(p, now),
      // Nothing to undo with: the records and the undo steps holding them are gone.
      undoable: false,
      data: { counts: p.counts },
    });
    return p;
  });
}

/** Deletes a transcript in the bin for good, with everything that hangs on it. Not undoable. */
export async function purgeSource(db: ProjectDb, id: string, actor = ''): Promise<PurgePlan> {
  return applyPurge(db, { kind: 'source', sourceId: id }, actor, async () => {
    const source = await db.sources.get(id);
    if (source?.deletedAt == null) throw new ValidationError('Only a transcript in the bin can be deleted for ever.');
  });
}

/**
 * Removes a participant who withdrew consent, all their transcripts (in the bin too) and
 * everything on them, leaving a log line without their name. `typed` must be the pseudonym.
 * Returns what was removed (ids and counts).
 */
export async function purgeParticipant(db: ProjectDb, id: string, typed: string, actor = ''): Promise<PurgePlan> {
  return applyPurge(db, { kind: 'participant', participantId: id }, actor, async () => {
    const p = await db.participants.get(id);
    if (!p) throw new ValidationError('That participant no longer exists.');
    if (!purgeConfirmed(typed, p.pseudonym)) throw new ValidationError('Type the pseudonym exactly to confirm the purge.');
  });
}

export interface LogLine {
  seq: number;
  at: number;
  actor: string;
  summary: string;
}

/**
 * The project's audit log as the researcher reads it: imports, settings, deletions, restores
 * and purges, newest first (undo steps, one per coding, are left out).
 */
export async function loadProjectLog(db: ProjectDb, limit: number): Promise<{ lines: LogLine[]; more: boolean }> {
  const entries = await db.history
    .orderBy('seq')
    .reverse()
    .filter((e) => !e.undoable)
    .limit(limit + 1)
    .toArray();
  return {
    lines: entries.slice(0, limit).map((e) => ({ seq: e.seq!, at: e.at, actor: e.actor, summary: e.summary })),
    more: entries.length > limit,
  };
}
