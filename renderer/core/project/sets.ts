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

/** Puts a transcript in a set or takes it out. */
export function setSourceMembership(sets: readonly ProjectSet[], id: string, sourceId: string, member: boolean): ProjectSet[] {
  const set = setById(sets, id);
  const without = set.sourceIds.filter((s) => s !== sourceId);
  return sets.map((s) => (s.id === id ? { ...s, sourceIds: member ? [...without, sourceId] : without } : s));
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
