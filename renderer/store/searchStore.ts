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

/** The project's own stop word list, or undefined for the default (core/search stopWords). */
export async function loadStopWords(db: ProjectDb): Promise<string[] | undefined> {
  const entry = await db.meta.get('stopWords');
  return Array.isArray(entry?.value) ? (entry.value as string[]) : undefined;
}

/** Saves the project's stop words (undefined: back to the default list), logged. */
export async function saveStopWords(db: ProjectDb, words: readonly string[] | undefined): Promise<void> {
  await db.transaction('rw', [db.meta, db.history], async () => {
    if (words === undefined) await db.meta.delete('stopWords');
    else await db.meta.put({ key: 'stopWords', value: [...new Set(words.map((w) => w.trim()).filter(Boolean))] });
    const summary = words === undefined ? 'Stop words set back to the default English list' : `Stop words edited (${words.length})`;
    await db.history.add({ at: Date.now(), actor: '', action: 'stopWords.save', summary, undoable: false });
  });
}
