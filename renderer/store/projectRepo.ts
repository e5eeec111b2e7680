// Reads and writes of one project's setup and transcripts. Each public function is one
// transaction: it either happens whole, with its history entry, or not at all.
import type { BatchImport } from '../core/transcripts';
import {
  type AttributeDef,
  type Participant,
  type ProjectSet,
  type ProjectSnapshot,
  type RoleDef,
  type Source,
  type SurveyAnswerSet,
  type SurveyItem,
  type SurveyTimePoint,
  type Wave,
  DEFAULT_ROLES,
  live,
  naturalCompare,
  countWords,
  estimateStoredSize,
  ValidationError,
} from '../core/shared';
import { validateParticipant, validateRoles, validateWaves } from '../core/project';
import { flattenAnswerSets } from '../core/surveys';
import { allCodings } from './codingSets';
import type { ProjectDb, SourceContent, SourceMeta } from './projectDb';
import { withSpace } from './space';

export interface ProjectSetup {
  waves: Wave[];
  roles: RoleDef[];
  attributeDefs: AttributeDef[];
  participants: Participant[];
  /** Named groups of transcripts beside waves (core/project/sets). */
  sets: ProjectSet[];
}

export async function loadSetup(db: ProjectDb): Promise<ProjectSetup> {
  return db.transaction('r', [db.waves, db.meta, db.participants], async () => {
    const [waves, roles, attributeDefs, participants, sets] = await Promise.all([
      db.waves.orderBy('order').toArray(),
      db.meta.get('roles'),
      db.meta.get('attributeDefs'),
      db.participants.toArray(),
      db.meta.get('sets'),
    ]);
    return {
      waves,
      roles: (roles?.value as RoleDef[] | undefined) ?? DEFAULT_ROLES.map((r) => ({ ...r })),
      attributeDefs: (attributeDefs?.value as AttributeDef[] | undefined) ?? [],
      sets: (sets?.value as ProjectSet[] | undefined) ?? [],
      participants: live(participants).sort((a, b) => a.pseudonym.localeCompare(b.pseudonym)),
    };
  });
}

export async function listSources(db: ProjectDb): Promise<SourceMeta[]> {
  const all = await db.sources.toArray();
  return live(all).sort((a, b) => naturalCompare(a.title, b.title));
}

export async function getSource(db: ProjectDb, id: string): Promise<Source | undefined> {
  return db.transaction('r', [db.sources, db.sourceContent], async () => {
    const [meta, content] = await Promise.all([db.sources.get(id), db.sourceContent.get(id)]);
    if (!meta || !content || meta.deletedAt != null) return undefined;
    const { wordCount: _w, turnCount: _t, ...rest } = meta;
    return withContent(rest, content);
  });
}

export async function loadSnapshot(db: ProjectDb): Promise<ProjectSnapshot> {
  const tables = [
    db.waves,
    db.participants,
    db.sources,
    db.sourceContent,
    db.codes,
    db.codingSets,
    db.coders,
    db.memos,
    db.frameworkCells,
    db.decisions,
    db.meta,
    db.surveyTimePoints,
    db.surveyItems,
    db.surveyAnswers,
  ];
  return db.transaction('r', tables, async () => {
    const [
      waves,
      participants,
      metas,
      contents,
      codes,
      codings,
      coders,
      memos,
      frameworkCells,
      decisions,
      sets,
      timePoints,
      items,
      answers,
    ] = await Promise.all([
      db.waves.orderBy('order').toArray(),
      db.participants.toArray(),
      db.sources.toArray(),
      db.sourceContent.toArray(),
      db.codes.toArray(),
      allCodings(db),
      db.coders.toArray(),
      db.memos.toArray(),
      db.frameworkCells.toArray(),
      db.decisions.toArray(),
      db.meta.get('sets'),
      db.surveyTimePoints.toArray(),
      db.surveyItems.toArray(),
      db.surveyAnswers.toArray(),
    ]);
    const contentById = new Map(contents.map((c) => [c.id, c]));
    const sources: Source[] = [];
    for (const { wordCount: _w, turnCount: _t, ...meta } of live(metas)) {
      const content = contentById.get(meta.id);
      if (content) sources.push(withContent(meta, content));
    }
    return {
      waves,
      participants: live(participants),
      sources,
      codes: live(codes),
      codings: live(codings),
      coders,
      memos: live(memos),
      frameworkCells: live(frameworkCells),
      decisions: live(decisions),
      // Only when the project has sets: a snapshot without them reads as before.
      ...(Array.isArray(sets?.value) && sets.value.length ? { sets: sets.value as ProjectSet[] } : {}),
      ...snapshotSurvey(timePoints, items, answers),
    };
  });
}

/** The survey's records for a snapshot; none at all when the project has no survey. */
export function snapshotSurvey(timePoints: SurveyTimePoint[], items: SurveyItem[], answers: SurveyAnswerSet[]): Partial<ProjectSnapshot> {
  if (!timePoints.length && !items.length && !answers.length) return {};
  return {
    surveyTimePoints: live(timePoints).sort((a, b) => a.order - b.order),
    surveyItems: live(items).sort((a, b) => (a.order ?? 0) - (b.order ?? 0)),
    surveyResponses: flattenAnswerSets(answers),
  };
}

/** A source's stored content: its text, turns and any rich-text original. */
export function toSourceContent(source: Source): SourceContent {
  return { id: source.id, text: source.text, turns: source.turns, ...(source.originalDocx ? { originalDocx: source.originalDocx } : {}) };
}

export function withContent(meta: Omit<SourceMeta, 'wordCount' | 'turnCount'>, content: SourceContent): Source {
  return { ...meta, text: content.text, turns: content.turns, ...(content.originalDocx ? { originalDocx: content.originalDocx } : {}) };
}

export function toSourceMeta(source: Source): SourceMeta {
  const { text, turns, originalDocx: _docx, ...meta } = source;
  // Words said, not speaker labels: what the coded-words counts are measured against.
  const wordCount = turns.length ? turns.reduce((n, t) => n + countWords(text.slice(t.start, t.end)), 0) : countWords(text);
  return { ...meta, wordCount, turnCount: turns.length };
}

/** Writes a planned batch in one transaction: all files and new participants, or nothing. */
export async function commitImport(db: ProjectDb, batch: BatchImport, actor = ''): Promise<void> {
  const need = {
    what: `${batch.sources.length === 1 ? 'this transcript' : `these ${batch.sources.length} transcripts`}`,
    neededBytes: estimateStoredSize(batch),
  };
  await withSpace(need, () =>
    db.transaction('rw', [db.participants, db.sources, db.sourceContent, db.history], async () => {
      // Not through an index: a file's SHA-256 is not kept in clear (projectDb.ts, version 8).
      const hashes = new Set(batch.sources.map((s) => s.origin.sha256));
      const clashes = (await db.sources.toArray()).filter((s) => s.deletedAt == null && hashes.has(s.origin.sha256));
      if (batch.newParticipants.length) await db.participants.bulkAdd(batch.newParticipants);
      await db.sources.bulkAdd(batch.sources.map(toSourceMeta));
      await db.sourceContent.bulkAdd(batch.sources.map(toSourceContent));
      const names = batch.sources.map((s) => s.origin.fileName);
      await db.history.add({
        at: Date.now(),
        actor,
        action: 'sources.import',
        summary: `Imported ${names.length} transcript(s)${clashes.length ? ` (${clashes.length} kept as deliberate duplicates)` : ''}`,
        undoable: false,
        data: { sourceIds: batch.sources.map((s) => s.id), fileNames: names },
      });
    }),
  );
}

export async function updateSource(
  db: ProjectDb,
  id: string,
  changes: Partial<Pick<Source, 'participantId' | 'wave' | 'title'>>,
): Promise<void> {
  await db.transaction('rw', [db.sources, db.participants, db.waves, db.history], async () => {
    const source = await db.sources.get(id);
    if (!source || source.deletedAt != null) throw new ValidationError('That transcript no longer exists.');
    if (changes.participantId) {
      const p = await db.participants.get(changes.participantId);
      if (!p || p.deletedAt != null) throw new ValidationError('That participant no longer exists.');
    }
    if (changes.wave && !(await db.waves.get(changes.wave))) throw new ValidationError(`Unknown wave ${changes.wave}.`);
    if (changes.title !== undefined && !changes.title.trim()) throw new ValidationError('A transcript needs a title.');
    const next = { ...changes, ...(changes.title !== undefined ? { title: changes.title.trim() } : {}) };
    await db.sources.update(id, next);
    await db.history.add({
      at: Date.now(),
      actor: '',
      action: 'source.update',
      summary: `Changed ${source.title}`,
      undoable: false,
      data: { id, before: pick(source, next), after: next },
    });
  });
}

/**
 * Keeps the researcher's sync points of a transcript (core/media withSyncPoint made them): the
 * whole list, in one write, with a line in the project's history. Not undoable: a point set
 * wrongly is set again, or removed, while listening.
 */
export async function saveSyncPoints(
  db: ProjectDb,
  id: string,
  points: readonly { offset: number; seconds: number }[],
  actor = '',
): Promise<void> {
  await db.transaction('rw', [db.sources, db.history], async () => {
    const source = await db.sources.get(id);
    if (!source || source.deletedAt != null) throw new ValidationError('That transcript no longer exists.');
    await db.sources.update(id, { syncPoints: points.map((p) => ({ offset: p.offset, seconds: p.seconds })) });
    await db.history.add({
      at: Date.now(),
      actor,
      action: 'source.syncPoints',
      summary: `Set ${points.length} sync point(s) in ${source.title}`,
      undoable: false,
      data: { id, count: points.length },
    });
  });
}

export async function softDeleteSource(db: ProjectDb, id: string): Promise<void> {
  await db.transaction('rw', [db.sources, db.history], async () => {
    const source = await db.sources.get(id);
    if (!source) return;
    await db.sources.update(id, { deletedAt: Date.now() });
    await db.history.add({
      at: Date.now(),
      actor: '',
      action: 'source.delete',
      summary: `Moved ${source.title} to the bin`,
      undoable: false,
      data: { id },
    });
  });
}

export async function saveWaves(db: ProjectDb, waves: readonly Wave[]): Promise<Wave[]> {
  return db.transaction('rw', [db.waves, db.sources, db.history], async () => {
    const clean = validateWaves(waves, await db.sources.toArray());
    await db.waves.clear();
    await db.waves.bulkAdd(clean);
    await db.history.add({
      at: Date.now(),
      actor: '',
      action: 'waves.save',
      summary: `Waves: ${clean.map((w) => w.label).join(', ')}`,
      undoable: false,
    });
    return clean;
  });
}

export async function saveRoles(db: ProjectDb, roles: readonly RoleDef[]): Promise<RoleDef[]> {
  return db.transaction('rw', [db.meta, db.participants, db.history], async () => {
    const clean = validateRoles(roles, await db.participants.toArray());
    await db.meta.put({ key: 'roles', value: clean });
    await db.history.add({
      at: Date.now(),
      actor: '',
      action: 'roles.save',
      summary: `Roles: ${clean.map((r) => r.label).join(', ')}`,
      undoable: false,
    });
    return clean;
  });
}

/** Saves the project's sets whole (a list made by core/project/sets), logged, not undoable. */
export async function saveSets(db: ProjectDb, sets: readonly ProjectSet[], summary: string): Promise<void> {
  await db.transaction('rw', [db.meta, db.history], async () => {
    await db.meta.put({ key: 'sets', value: sets.map((set) => ({ ...set, sourceIds: [...set.sourceIds], codeIds: [...set.codeIds] })) });
    await db.history.add({ at: Date.now(), actor: '', action: 'sets.save', summary, undoable: false });
  });
}

export async function saveAttributeDefs(db: ProjectDb, defs: readonly AttributeDef[]): Promise<void> {
  const names = new Set<string>();
  for (const d of defs) {
    const name = d.name.trim();
    if (!name) throw new ValidationError('Every attribute needs a name.');
    if (names.has(name.toLowerCase())) throw new ValidationError(`Two attributes are called "${name}".`);
    names.add(name.toLowerCase());
  }
  await db.transaction('rw', [db.meta, db.history], async () => {
    await db.meta.put({ key: 'attributeDefs', value: defs.map((d) => ({ name: d.name.trim(), type: d.type })) });
    await db.history.add({
      at: Date.now(),
      actor: '',
      action: 'attributes.save',
      summary: 'Changed participant attributes',
      undoable: false,
    });
  });
}

export async function saveParticipant(db: ProjectDb, candidate: Participant): Promise<Participant> {
  return db.transaction('rw', [db.participants, db.meta, db.history], async () => {
    const others = await db.participants.toArray();
    const roles = ((await db.meta.get('roles'))?.value as RoleDef[] | undefined) ?? [...DEFAULT_ROLES];
    const defs = ((await db.meta.get('attributeDefs'))?.value as AttributeDef[] | undefined) ?? [];
    const clean = validateParticipant(candidate, others, roles, defs);
    await db.participants.put(clean);
    await db.history.add({
      at: Date.now(),
      actor: '',
      action: 'participant.save',
      summary: `Saved participant ${clean.pseudonym}`,
      undoable: false,
      data: clean,
    });
    return clean;
  });
}

/** Replaces the classification sheet by rows read from CSV, all or nothing. */
export async function saveParticipants(db: ProjectDb, rows: readonly Participant[], defs: readonly AttributeDef[]): Promise<void> {
  await db.transaction('rw', [db.participants, db.meta, db.history], async () => {
    await db.meta.put({ key: 'attributeDefs', value: defs });
    const roles = ((await db.meta.get('roles'))?.value as RoleDef[] | undefined) ?? [...DEFAULT_ROLES];
    const existing = await db.participants.toArray();
    const merged = new Map(existing.map((p) => [p.id, p]));
    for (const row of rows) merged.set(row.id, row);
    const all = [...merged.values()];
    const clean = rows.map((row) => validateParticipant(row, all, roles, defs));
    await db.participants.bulkPut(clean);
    await db.history.add({
      at: Date.now(),
      actor: '',
      action: 'participants.import',
      summary: `Imported ${clean.length} participant row(s)`,
      undoable: false,
    });
  });
}

export async function softDeleteParticipant(db: ProjectDb, id: string): Promise<void> {
  await db.transaction('rw', [db.participants, db.sources, db.history], async () => {
    const p = await db.participants.get(id);
    if (!p) return;
    const held = await db.sources
      .where('participantId')
      .equals(id)
      .filter((s) => s.deletedAt == null)
      .count();
    if (held > 0) throw new ValidationError(`${p.pseudonym} still has ${held} transcript(s); reassign or delete them first.`);
    await db.participants.update(id, { deletedAt: Date.now() });
    await db.history.add({
      at: Date.now(),
      actor: '',
      action: 'participant.delete',
      summary: `Deleted participant ${p.pseudonym}`,
      undoable: false,
      data: { id },
    });
  });
}

function pick<T extends object>(record: T, like: object): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(like) as (keyof T)[]) out[key] = record[key];
  return out;
}
