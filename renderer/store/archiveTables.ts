// A project's database as an archive, from IndexedDB itself: what exportArchive runs, in the
// archive worker (archiveWorker.ts) where there is one, so that at ten times the study (a 10 s
// save) the window stays responsive, and on the calling thread where there is not. Only
// IndexedDB, io/archive and base64 here: nothing of Dexie or the registry, which a worker
// does not need.
import { writeArchive, type ArchiveManifest, type ArchiveTableInput } from '../io/archive';
import type { PieceDeflate } from '../io/zipWrite';
import { toBase64 } from './cipher';

export const APP_VERSION = '0.1.0';

/** Told as each table has been read and packed (done of total). */
export type ArchiveProgress = (done: number, total: number) => void;

/** Tables read in batches: at ten times the study, 311 MB of transcripts and 400,000 codings. */
const IN_BATCHES: Record<string, number> = { sourceContent: 100, codingSets: 250 };

/**
 * Every table's records, all asked for in one read transaction (one state of the project),
 * straight from IndexedDB as Dexie's toArray reads them (getAll, in key order; the project's
 * tables have no reading hooks), so that all requests are issued before writeArchive starts on
 * the first table that arrives. The big tables come in batches, each asked for as the last
 * arrives (which keeps the transaction open): their JSON is made and deflated while the rest
 * is still read, where reading the transcripts whole took 6-10 s before the first was packed.
 */
export function readAllTables(idb: IDBDatabase, onTable?: ArchiveProgress): Record<string, ArchiveTableInput> {
  // The search index is made from the transcripts: an archive leaves it out (a third of the
  // size again), and the restored project builds it when it is first searched.
  const names = [...idb.objectStoreNames].filter((name) => name !== 'searchIndex');
  const tx = idb.transaction(names, 'readonly');
  let done = 0;
  const tableRead = () => onTable?.((done += 1), names.length);
  return Object.fromEntries(
    names.map((name) => {
      const store = tx.objectStore(name);
      const batch = IN_BATCHES[name];
      if (batch) return [name, batchesOf(store, batch, tableRead)];
      const records = new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const request = store.getAll();
        request.onsuccess = () => {
          resolve((request.result as Record<string, unknown>[]).map(sealedToText));
          tableRead();
        };
        request.onerror = () => reject(request.error ?? new Error(`Could not read ${name}.`));
      });
      return [name, records];
    }),
  );
}

/** A store's records in key order, `size` at a time, each batch asked for when the last arrives. */
function batchesOf(store: IDBObjectStore, size: number, onRead: () => void): AsyncIterable<Record<string, unknown>[]> {
  const keyPath = store.keyPath as string;
  /** Batches read and not yet taken; null after the last. */
  const queue: (Record<string, unknown>[] | null)[] = [];
  let failed: Error | null = null;
  let wake: (() => void) | null = null;
  const ask = (after: IDBValidKey | null) => {
    const request = store.getAll(after === null ? null : IDBKeyRange.lowerBound(after, true), size);
    request.onsuccess = () => {
      const rows = request.result as Record<string, unknown>[];
      if (rows.length === size) ask(rows[rows.length - 1]![keyPath] as IDBValidKey);
      queue.push(rows.map(sealedToText));
      if (rows.length < size) {
        queue.push(null);
        onRead();
      }
      wake?.();
    };
    request.onerror = () => {
      failed = request.error ?? new Error(`Could not read ${store.name}.`);
      wake?.();
    };
  };
  ask(null);
  return {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        while (!queue.length && !failed) await new Promise<void>((resolve) => (wake = resolve));
        if (failed) throw failed;
        const rows = queue.shift();
        if (!rows) return;
        yield rows;
      }
    },
  };
}

/** The archive of an open project database. Dexie keeps its version times ten in IndexedDB. */
export function archiveOf(
  idb: IDBDatabase,
  project: ArchiveManifest['project'],
  onTable?: ArchiveProgress,
  deflatePieces?: PieceDeflate,
): Promise<Uint8Array> {
  return writeArchive(readAllTables(idb, onTable), { appVersion: APP_VERSION, schemaVersion: idb.version / 10, project }, deflatePieces);
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
