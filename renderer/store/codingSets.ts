// Codings are stored one record per transcript (a "coding set"), not one record per coding.
// Chromium's IndexedDB pays about 0.1 ms per record written whatever its size, so 40,000
// one-coding records took 5-7 s to write; the same codings as 350 sets take about 0.3 s.
// Every coding keeps its own id, and actions still check and change codings one by one.
import { sameRecord, type Coding, ValidationError } from '../core/shared';
import type { ProjectDb } from './projectDb';

export interface CodingSet {
  sourceId: string;
  codings: Coding[];
}

export const STALE_MESSAGE = 'This was changed elsewhere in the meantime (another window or an import); nothing was changed. Try again.';

/** Every coding of one transcript, deleted ones included, in the order they were made. */
export async function codingsOfSource(db: ProjectDb, sourceId: string): Promise<Coding[]> {
  return (await db.codingSets.get(sourceId))?.codings ?? [];
}

/** Every coding in the project, deleted ones included, transcript by transcript. */
export async function allCodings(db: ProjectDb): Promise<Coding[]> {
  return (await db.codingSets.toArray()).flatMap((set) => set.codings);
}

/** Groups codings into one set per transcript, keeping their order. */
export function toCodingSets(codings: readonly Coding[]): CodingSet[] {
  const bySource = new Map<string, Coding[]>();
  for (const coding of codings) {
    const list = bySource.get(coding.sourceId);
    if (list) list.push(coding);
    else bySource.set(coding.sourceId, [coding]);
  }
  return [...bySource].map(([sourceId, list]) => ({ sourceId, codings: list }));
}

export interface CodingChange {
  before: Coding | null;
  after: Coding | null;
}

/**
 * Writes changes to codings, each keyed by the coding's id. Must run inside a read-write
 * transaction on `codingSets`. Every coding must still be as the change found it (`before`),
 * and a new one must not exist yet, or the whole transaction is refused.
 */
export async function writeCodingChanges(db: ProjectDb, changes: ReadonlyMap<string, CodingChange>): Promise<void> {
  const sourceIds = new Set<string>();
  for (const { before, after } of changes.values()) {
    if (before) sourceIds.add(before.sourceId);
    if (after) sourceIds.add(after.sourceId);
  }
  const ids = [...sourceIds];
  const stored = await db.codingSets.bulkGet(ids);
  // A Map keeps insertion order and replacing a value keeps its place, so a resized coding
  // stays where it was in its set.
  const sets = new Map(ids.map((id, i) => [id, new Map((stored[i]?.codings ?? []).map((c) => [c.id, c]))]));
  for (const [id, { before, after }] of changes) {
    const current = before ? (sets.get(before.sourceId)!.get(id) ?? null) : null;
    if (!sameRecord(current, before)) throw new ValidationError(STALE_MESSAGE);
    if (!before && after && sets.get(after.sourceId)!.has(id)) throw new ValidationError(STALE_MESSAGE);
    if (before && (!after || after.sourceId !== before.sourceId)) sets.get(before.sourceId)!.delete(id);
    if (after) sets.get(after.sourceId)!.set(id, after);
  }
  const puts: CodingSet[] = [];
  const deletes: string[] = [];
  for (const [sourceId, set] of sets) {
    if (set.size) puts.push({ sourceId, codings: [...set.values()] });
    else deletes.push(sourceId);
  }
  if (puts.length) await db.codingSets.bulkPut(puts);
  if (deletes.length) await db.codingSets.bulkDelete(deletes);
}
