// Removing a transcript for good (from the bin), or a participant who withdrew consent with
// everything that hangs on them, and bringing a transcript back from the bin. The rules are
// here, over plain records; the store reads the records, applies the plan in one transaction.
//
// What hangs on a transcript: its text and turns, every coder's codings on it (consensus
// included), memos on it and on its codings, quotes taken from it, consensus decisions about
// it, and the history entries that hold any of these (an undo step would bring the text back).
// A participant adds: their change-matrix cells, memos on them, their attribute values (on the
// participant record) and other participants' links to them.
import {
  type BasketItem,
  type Coding,
  type Decision,
  type FrameworkCell,
  type Memo,
  type Participant,
  type Source,
  type SurveyAnswerSet,
  type Wave,
  ValidationError,
} from '../shared';
import { givenAnswers } from '../surveys';

/** A history entry as the store keeps it; `data` is an Action for undo steps. */
export interface PurgeHistoryEntry {
  seq?: number;
  at: number;
  actor: string;
  action: string;
  summary: string;
  undoable: boolean;
  state?: 'done' | 'undone' | 'dead';
  data?: unknown;
}

export type PurgeSource = Pick<Source, 'id' | 'participantId' | 'title' | 'deletedAt'> & { origin: { fileName: string } };

/** Every record of the project the plan looks at, deleted ones included. */
export interface PurgeRecords {
  participants: readonly Participant[];
  sources: readonly PurgeSource[];
  codings: readonly Pick<Coding, 'id' | 'sourceId' | 'deletedAt'>[];
  memos: readonly Pick<Memo, 'id' | 'target' | 'targetId' | 'deletedAt'>[];
  basketItems: readonly Pick<BasketItem, 'id' | 'sourceId' | 'deletedAt'>[];
  decisions: readonly Pick<Decision, 'id' | 'sourceId' | 'deletedAt'>[];
  frameworkCells: readonly Pick<FrameworkCell, 'id' | 'participantId' | 'deletedAt'>[];
  history: readonly PurgeHistoryEntry[];
  /** Survey answers, one set per participant (schema 10); absent before there was a survey. */
  surveyAnswers?: readonly Pick<SurveyAnswerSet, 'participantId' | 'values' | 'deletedAt'>[];
}

export type PurgeTarget = { kind: 'participant'; participantId: string } | { kind: 'source'; sourceId: string };

/** What the researcher is told will go: records that are not deleted already. */
export interface PurgeCounts {
  transcripts: number;
  /** Of `transcripts`, those already in the bin. */
  inBin: number;
  codings: number;
  memos: number;
  quotes: number;
  decisions: number;
  changeMatrixCells: number;
  /** Her survey answers (given ones: a recorded "no answer" is not counted). */
  surveyAnswers?: number;
}

export interface PurgePlan {
  target: PurgeTarget;
  /** Records to delete outright, by table (deleted records included). */
  participantIds: string[];
  /** Deleted from sources, sourceContent and codingSets. */
  sourceIds: string[];
  /** The codings on those transcripts (they go with their coding sets). */
  codingIds: string[];
  memoIds: string[];
  basketItemIds: string[];
  decisionIds: string[];
  frameworkCellIds: string[];
  /** Other participants, without their links to the purged one. */
  participantUpdates: Participant[];
  /** History entries to drop whole, and entries rewritten without the purged records. */
  historyDeletes: number[];
  historyUpdates: PurgeHistoryEntry[];
  counts: PurgeCounts;
}

interface Doomed {
  participantIds: Set<string>;
  sourceIds: Set<string>;
  codingIds: Set<string>;
  memoIds: Set<string>;
  /** Names to cut out of history summaries: pseudonym, transcript titles, file names. */
  names: string[];
}

export function planPurge(records: PurgeRecords, target: PurgeTarget): PurgePlan {
  const participant = target.kind === 'participant' ? records.participants.find((p) => p.id === target.participantId) : undefined;
  if (target.kind === 'participant' && !participant) throw new ValidationError('That participant no longer exists.');
  const sources =
    target.kind === 'participant'
      ? records.sources.filter((s) => s.participantId === target.participantId)
      : records.sources.filter((s) => s.id === target.sourceId);
  if (target.kind === 'source' && sources.length === 0) throw new ValidationError('That transcript no longer exists.');
  const sourceIds = new Set(sources.map((s) => s.id));
  const participantIds = new Set(participant ? [participant.id] : []);

  const codings = records.codings.filter((c) => sourceIds.has(c.sourceId));
  const codingIds = new Set(codings.map((c) => c.id));
  // Codings that exist only in the history (an undone "apply") may still carry memos there.
  for (const entry of records.history) {
    for (const change of actionChanges(entry.data) ?? []) {
      const coding = change.table === 'codings' ? (change.after ?? change.before) : null;
      if (coding && sourceIds.has(String(coding.sourceId))) codingIds.add(String(coding.id));
    }
  }
  const memoDoomed = (m: { target: string; targetId: string | null }) =>
    m.targetId != null &&
    ((m.target === 'participant' && participantIds.has(m.targetId)) ||
      (m.target === 'source' && sourceIds.has(m.targetId)) ||
      (m.target === 'coding' && codingIds.has(m.targetId)));
  const memos = records.memos.filter(memoDoomed);
  const basketItems = records.basketItems.filter((b) => sourceIds.has(b.sourceId));
  const decisions = records.decisions.filter((d) => sourceIds.has(d.sourceId));
  const cells = records.frameworkCells.filter((c) => participantIds.has(c.participantId));

  const names = [...(participant ? [participant.pseudonym] : []), ...sources.flatMap((s) => [s.title, s.origin.fileName])];
  const doomed: Doomed = { participantIds, sourceIds, codingIds, memoIds: new Set(memos.map((m) => m.id)), names };
  const historyDeletes: number[] = [];
  const historyUpdates: PurgeHistoryEntry[] = [];
  for (const entry of records.history) {
    const next = scrubEntry(entry, doomed, memoDoomed);
    if (next === entry || entry.seq == null) continue;
    if (next === null) historyDeletes.push(entry.seq);
    else historyUpdates.push(next);
  }

  const participantUpdates = records.participants
    .filter((p) => !participantIds.has(p.id) && p.links.some((l) => participantIds.has(l.participantId)))
    .map((p) => ({ ...p, links: p.links.filter((l) => !participantIds.has(l.participantId)) }));

  const live = <T extends { deletedAt?: number | null }>(list: readonly T[]) => list.filter((r) => r.deletedAt == null).length;
  return {
    target,
    participantIds: [...participantIds],
    sourceIds: [...sourceIds],
    codingIds: codings.map((c) => c.id),
    memoIds: memos.map((m) => m.id),
    basketItemIds: basketItems.map((b) => b.id),
    decisionIds: decisions.map((d) => d.id),
    frameworkCellIds: cells.map((c) => c.id),
    participantUpdates,
    historyDeletes,
    historyUpdates,
    counts: {
      transcripts: sources.length,
      inBin: sources.length - live(sources),
      codings: live(codings),
      memos: live(memos),
      quotes: live(basketItems),
      decisions: live(decisions),
      changeMatrixCells: live(cells),
      ...surveyCount(records, participantIds),
    },
  };
}

type LooseChange = { table: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null };

/** The changes of an Action stored as an entry's data, or null when the data is something else. */
function actionChanges(data: unknown): LooseChange[] | null {
  if (!data || typeof data !== 'object' || !Array.isArray((data as { changes?: unknown }).changes)) return null;
  return (data as { changes: LooseChange[] }).changes;
}

/** Whether one change of an undo step touches a purged record. */
function touches(change: LooseChange, doomed: Doomed, memoDoomed: (m: { target: string; targetId: string | null }) => boolean): boolean {
  return [change.before, change.after].some((r) => {
    if (!r) return false;
    switch (change.table) {
      case 'codings':
        return doomed.sourceIds.has(String(r.sourceId)) || doomed.codingIds.has(String(r.id));
      case 'memos':
        return doomed.memoIds.has(String(r.id)) || memoDoomed(r as { target: string; targetId: string | null });
      case 'basketItems':
      case 'decisions':
        return doomed.sourceIds.has(String(r.sourceId));
      case 'frameworkCells':
      case 'surveyAnswers':
      case 'participants':
        return doomed.participantIds.has(String(r.participantId ?? r.id));
      default:
        return false;
    }
  });
}

/**
 * One history entry without the purged records: the same object when nothing in it is
 * theirs, null when all of it is (the entry goes), else a copy with their parts taken out.
 */
function scrubEntry(
  entry: PurgeHistoryEntry,
  doomed: Doomed,
  memoDoomed: (m: { target: string; targetId: string | null }) => boolean,
): PurgeHistoryEntry | null {
  let data = entry.data;
  const changes = actionChanges(data);
  if (changes) {
    const kept = changes.filter((c) => !touches(c, doomed, memoDoomed));
    if (kept.length === 0 && changes.length > 0) return null;
    if (kept.length !== changes.length) data = { ...(data as object), changes: kept };
  } else if (data && typeof data === 'object') {
    const record = data as Record<string, unknown>;
    // One record's entry (a transcript renamed, binned or restored; a participant saved).
    if (typeof record.id === 'string' && (doomed.sourceIds.has(record.id) || doomed.participantIds.has(record.id))) return null;
    // A batch's entry (an import): the purged transcripts' ids and file names come out.
    if (Array.isArray(record.sourceIds) && record.sourceIds.some((id) => doomed.sourceIds.has(String(id)))) {
      const keep = record.sourceIds.map((id) => !doomed.sourceIds.has(String(id)));
      data = {
        ...record,
        sourceIds: record.sourceIds.filter((_, i) => keep[i]),
        ...(Array.isArray(record.fileNames) ? { fileNames: record.fileNames.filter((_, i) => keep[i]) } : {}),
      };
    }
    // Another participant saved with a link to the purged one.
    const links = (data as Record<string, unknown>).links;
    if (Array.isArray(links) && links.some((l: { participantId?: unknown }) => doomed.participantIds.has(String(l?.participantId)))) {
      data = {
        ...(data as object),
        links: links.filter((l: { participantId?: unknown }) => !doomed.participantIds.has(String(l?.participantId))),
      };
    }
  }
  const summary = withoutNames(entry.summary, doomed.names);
  if (data === entry.data && summary === entry.summary) return entry;
  return { ...entry, summary, data };
}

/** Cuts whole-word occurrences of the given names out of a history summary. */
export function withoutNames(text: string, names: readonly string[]): string {
  let out = text;
  for (const name of [...new Set(names.map((n) => n.trim()).filter((n) => n.length > 0))].sort((a, b) => b.length - a.length)) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'), '(removed)');
  }
  return out;
}

/** The typed confirmation must be the pseudonym itself (spaces around it do not count). */
export function purgeConfirmed(typed: string, pseudonym: string): boolean {
  return typed.trim() === pseudonym.trim() && pseudonym.trim().length > 0;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** How many survey answers the purged participant gave; nothing when the project has no survey. */
function surveyCount(records: PurgeRecords, participantIds: ReadonlySet<string>): { surveyAnswers?: number } {
  if (!records.surveyAnswers) return {};
  let n = 0;
  for (const set of records.surveyAnswers) if (participantIds.has(set.participantId)) n += givenAnswers(set);
  return n ? { surveyAnswers: n } : {};
}

/** "2 transcripts, 41 codings, 3 memos, 2 quotes, 0 decisions, 4 change-matrix cells" */
export function describePurgeCounts(counts: PurgeCounts, withTranscripts = true): string {
  return [
    ...(withTranscripts ? [plural(counts.transcripts, 'transcript')] : []),
    plural(counts.codings, 'coding'),
    plural(counts.memos, 'memo'),
    plural(counts.quotes, 'quote'),
    plural(counts.decisions, 'consensus decision'),
    ...(counts.changeMatrixCells ? [plural(counts.changeMatrixCells, 'change-matrix cell')] : []),
    ...(counts.surveyAnswers ? [plural(counts.surveyAnswers, 'survey answer')] : []),
  ].join(', ');
}

/** The date as YYYY-MM-DD in local time. */
function day(now: number): string {
  const d = new Date(now);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The log line a purge leaves: counts and a date, never a name, pseudonym, title, file name
 * or text (the point of the purge is that nothing says who it was).
 */
export function purgeLogSummary(plan: Pick<PurgePlan, 'target' | 'counts'>, now: number): string {
  return plan.target.kind === 'participant'
    ? `A participant was purged on ${day(now)}: ${describePurgeCounts(plan.counts)} removed`
    : `A transcript was deleted for ever on ${day(now)}: ${describePurgeCounts(plan.counts, false)} removed with it`;
}

/**
 * Where a transcript goes back to from the bin: its participant and wave, unless they were
 * removed while it lay there (then it comes back unassigned, and the notes say so).
 */
export function restorePlacement(
  source: Pick<Source, 'participantId' | 'wave'>,
  participants: readonly Pick<Participant, 'id' | 'deletedAt'>[],
  waves: readonly Pick<Wave, 'id'>[],
): { participantId: string | null; wave: string | null; notes: string[] } {
  const notes: string[] = [];
  let participantId = source.participantId;
  if (participantId != null && !participants.some((p) => p.id === participantId && p.deletedAt == null)) {
    participantId = null;
    notes.push('its participant was deleted, so it is unassigned');
  }
  let wave = source.wave;
  if (wave != null && !waves.some((w) => w.id === wave)) {
    wave = null;
    notes.push(`wave ${source.wave} was removed, so it has no wave`);
  }
  return { participantId, wave, notes };
}

/**
 * The names a purge's records go by in the views' crash journal of unsaved drafts (see
 * views/pendingEdits.ts): a draft left there by a crash must not outlive the purge.
 */
export function purgedDraftFields(plan: Pick<PurgePlan, 'participantIds' | 'sourceIds' | 'codingIds' | 'basketItemIds'>): string[] {
  return [
    ...plan.participantIds.flatMap((id) => [`participant:${id}:`, `memo:participant:${id}`]),
    ...plan.sourceIds.map((id) => `memo:source:${id}`),
    ...plan.codingIds.flatMap((id) => [`coding:${id}:`, `memo:coding:${id}`]),
    ...plan.basketItemIds.map((id) => `basket:${id}:`),
  ];
}
