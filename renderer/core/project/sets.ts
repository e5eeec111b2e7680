// Sets: named groups of transcripts (and of codes, as other tools' files bring them), beside
// waves and roles. Pure list operations; the store saves the list whole (store/projectRepo).
import { ValidationError, type ProjectSet } from '../shared';

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

/** The transcripts a set filter lets through: all for null, else the set's members. */
export function inSet(sets: readonly ProjectSet[], setId: string | null): (sourceId: string) => boolean {
  if (setId === null) return () => true;
  const members = new Set(sets.find((s) => s.id === setId)?.sourceIds ?? []);
  return (sourceId) => members.has(sourceId);
}
