// A project's database as an archive, from IndexedDB itself: what exportArchive runs, in the
// archive worker (archiveWorker.ts) where there is one, so that at ten times the study (a 10 s
// save) the window stays responsive, and on the calling thread where there is not. Only
// IndexedDB, io/archive and base64 here: nothing of Dexie or the registry, which a worker
// does not need.
import { writeArchive, type ArchiveManifest } from '../io/archive';
import { toBase64 } from './cipher';

export const APP_VERSION = '0.1.0';

/** Told as each table has been read and packed (done of total). */
export type ArchiveProgress = (done: number, total: number) => void;

/**
 * Every table's records, all asked for at once in one read transaction (one state of the
 * project), each promise settling as its table arrives. Straight from IndexedDB, as Dexie's
 * toArray reads them (getAll, in key order; the project's tables have no reading hooks), so
 * that all requests are issued before writeArchive starts on the first table that arrives.
 */
export function readAllTables(idb: IDBDatabase, onTable?: ArchiveProgress): Record<string, Promise<Record<string, unknown>[]>> {
  // The search index is made from the transcripts: an archive leaves it out (a third of the
  // size again), and the restored project builds it when it is first searched.
  const names = [...idb.objectStoreNames].filter((name) => name !== 'searchIndex');
  const tx = idb.transaction(names, 'readonly');
  let done = 0;
  return Object.fromEntries(
    names.map((name) => [
      name,
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const request = tx.objectStore(name).getAll();
        request.onsuccess = () => {
          resolve((request.result as Record<string, unknown>[]).map(sealedToText));
          onTable?.((done += 1), names.length);
        };
        request.onerror = () => reject(request.error ?? new Error(`Could not read ${name}.`));
      }),
    ]),
  );
}

/** The archive of an open project database. Dexie keeps its version times ten in IndexedDB. */
export function archiveOf(idb: IDBDatabase, project: ArchiveManifest['project'], onTable?: ArchiveProgress): Promise<Uint8Array> {
  return writeArchive(readAllTables(idb, onTable), { appVersion: APP_VERSION, schemaVersion: idb.version / 10, project });
}

// An encrypted project's records are archived as they are stored, sealed with its data key
// (sealedTables.ts), beside its keyring: the archive and every backup of it are as closed as the
// database, restore needs the passphrase or the recovery key, and the restored project opens
// with the same ones. JSON has no bytes: the sealed field (`_e` or `_g`) travels as base64.
const SEALED_FIELDS = ['_e', '_g'] as const;

function sealedToText(record: Record<string, unknown>): Record<string, unknown> {
  const field = SEALED_FIELDS.find((f) => record[f] instanceof Uint8Array);
  return field ? { ...record, [field]: toBase64(record[field] as Uint8Array) } : record;
}
