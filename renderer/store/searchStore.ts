// The search index in the project database: one record per transcript, written when the
// worker has indexed it, read when the project is next searched (store/searchEngine.ts). In an
// encrypted project the records are sealed like every other (sealedTables.ts): the index holds
// every word of the transcripts.
import type { StoredSourceIndex } from '../core/search';
import { fromBase64, toBase64 } from '../io/base64';
import type { ProjectDb, SearchIndexRecord } from './projectDb';

export function toRecord(stored: StoredSourceIndex): SearchIndexRecord {
  return { sourceId: stored.sourceId, fingerprint: stored.fingerprint, terms: stored.terms, numbers: toBase64(stored.numbers) };
}

export function fromRecord(record: SearchIndexRecord): StoredSourceIndex {
  return { sourceId: record.sourceId, fingerprint: record.fingerprint, terms: record.terms, numbers: fromBase64(record.numbers) };
}

/** The stored parts of these transcripts (those with none are left out). */
export async function loadSearchParts(db: ProjectDb, sourceIds: readonly string[]): Promise<StoredSourceIndex[]> {
  const records = await db.searchIndex.bulkGet([...sourceIds]);
  return records.filter((r): r is SearchIndexRecord => r !== undefined).map(fromRecord);
}

export async function saveSearchParts(db: ProjectDb, parts: readonly StoredSourceIndex[]): Promise<void> {
  if (parts.length) await db.searchIndex.bulkPut(parts.map(toRecord));
}

/** Drops the parts of transcripts that are no longer in the project at all (purged). */
export async function dropOrphanSearchParts(db: ProjectDb): Promise<number> {
  return db.transaction('rw', [db.sources, db.searchIndex], async () => {
    const known = new Set((await db.sources.toCollection().primaryKeys()) as string[]);
    const orphans = ((await db.searchIndex.toCollection().primaryKeys()) as string[]).filter((id) => !known.has(id));
    await db.searchIndex.bulkDelete(orphans);
    return orphans.length;
  });
}
