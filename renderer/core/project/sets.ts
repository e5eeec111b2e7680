// Sets: named groups of transcripts (and of codes, as other tools' files bring them), beside
// waves and roles. Pure list operations; the store saves the list whole (store/projectRepo).
import { ValidationError, type ProjectSet, type ProjectSnapshot } from '../shared';

function checkSetName(sets: readonly ProjectSet[], name: string, selfId: string | null): string {
  const clean = name.trim();
  if (!clean) throw new ValidationError('A set needs a name.');
  if (sets.some((s) => s.id !== selfId && s.name.toLowerCase() === clean.toLowerCase()))
    throw new ValidationError(`There is already a set called "${clean}".`);
  return clean;
}

function setById(sets: readonly ProjectSet[], id: string): ProjectSet {
  const set = sets.find((s) => s.id === id);
  if (!set) throw new ValidationError('That set no longer exists.');
  return set;
}

export function addSet(sets: readonly ProjectSet[], name: string, id: string): ProjectSet[] {
  return [...sets, { id, name: checkSetName(sets, name, null), description: '', sourceIds: [], codeIds: [] }];
}

export function renameSet(sets: readonly ProjectSet[], id: string, name: string): ProjectSet[] {
  const clean = checkSetName(sets, name, setById(sets, id).id);
  return sets.map((s) => (s.id === id ? { ...s, name: clean } : s));
}

export function removeSet(sets: readonly ProjectSet[], id: string): ProjectSet[] {
  setById(sets, id);
  return sets.filter((s) => s.id !== id);
}

function setMembership(
  sets: readonly ProjectSet[],
  id: string,
  field: 'sourceIds' | 'codeIds',
  memberId: string,
  member: boolean,
): ProjectSet[] {
  const without = setById(sets, id)[field].filter((m) => m !== memberId);
  return sets.map((s) => (s.id === id ? { ...s, [field]: member ? [...without, memberId] : without } : s));
}

/** Puts a transcript in a set or takes it out. */
export function setSourceMembership(sets: readonly ProjectSet[], id: string, sourceId: string, member: boolean): ProjectSet[] {
  return setMembership(sets, id, 'sourceIds', sourceId, member);
}

/** Puts a code in a set or takes it out (NVivo, MAXQDA and ATLAS.ti group codes this way too). */
export function setCodeMembership(sets: readonly ProjectSet[], id: string, codeId: string, member: boolean): ProjectSet[] {
  return setMembership(sets, id, 'codeIds', codeId, member);
}

/**
 * The sets with the given transcripts taken out, for a purge: a transcript deleted for ever
 * leaves no id behind (a purge must leave nothing that points at what was removed).
 */
export function withoutSources(sets: readonly ProjectSet[], sourceIds: readonly string[]): ProjectSet[] {
  const gone = new Set(sourceIds);
  return sets.map((s) => ({ ...s, sourceIds: s.sourceIds.filter((id) => !gone.has(id)) }));
}

/** The sets a code is in, by name, for the codebook. */
export function setsOfCode(sets: readonly ProjectSet[], codeId: string): ProjectSet[] {
  return sets.filter((s) => s.codeIds.includes(codeId));
}

/**
 * The project as seen through a set filter: only the transcripts in any of `setIds` (all for
 * none), so a finder or a count over it draws on those alone, and says so (describeSets).
 */
export function withinSets(project: ProjectSnapshot, setIds: readonly string[]): ProjectSnapshot {
  if (setIds.length === 0) return project;
  const chosen = new Set(setIds);
  const members = new Set((project.sets ?? []).filter((s) => chosen.has(s.id)).flatMap((s) => s.sourceIds));
  return { ...project, sources: project.sources.filter((s) => members.has(s.id)) };
}

/** A set filter in words ("in Read twice or Site A"), or '' for none. */
export function describeSets(project: ProjectSnapshot, setIds: readonly string[]): string {
  if (setIds.length === 0) return '';
  return `in ${setIds.map((id) => project.sets?.find((s) => s.id === id)?.name ?? id).join(' or ')}`;
}

/** The transcripts a set filter lets through: all for null, else the set's members. */
export function inSet(sets: readonly ProjectSet[], setId: string | null): (sourceId: string) => boolean {
  if (setId === null) return () => true;
  const members = new Set(sets.find((s) => s.id === setId)?.sourceIds ?? []);
  return (sourceId) => members.has(sourceId);
}
