// The archive worker: saves a project's database as an archive (archiveTables.ts) off the
// window's thread. It opens the database by name at the version it has; it never creates one.
import { errorMessage } from '../core/shared';
import { archiveOf } from './archiveTables';
import type { ArchiveManifest } from '../io/archive';

export interface ArchiveWorkerRequest {
  dbName: string;
  project: ArchiveManifest['project'];
}

export type ArchiveWorkerReply =
  { type: 'progress'; done: number; total: number } | { type: 'done'; bytes: Uint8Array } | { type: 'error'; message: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ArchiveWorkerRequest>) => void) | null;
  postMessage(reply: ArchiveWorkerReply, transfer?: Transferable[]): void;
};

function openExisting(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onupgradeneeded = () => {
      request.transaction?.abort();
      reject(new Error('This project has no database to save.'));
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('The project database could not be opened.'));
  });
}

scope.onmessage = async ({ data }) => {
  let idb: IDBDatabase | null = null;
  try {
    idb = await openExisting(data.dbName);
    const bytes = await archiveOf(idb, data.project, (done, total) => scope.postMessage({ type: 'progress', done, total }));
    scope.postMessage({ type: 'done', bytes }, [bytes.buffer]);
  } catch (e) {
    scope.postMessage({ type: 'error', message: errorMessage(e) });
  } finally {
    idb?.close();
  }
};
