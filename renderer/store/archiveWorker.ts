// The archive worker: saves a project's database as an archive (archiveTables.ts), and does the
// heavy half of a restore (archiveRestore.ts: read and check, open sealed records, write the
// tables), off the window's thread. It opens a database to save by name at the version it has;
// it never creates one.
import type { ArchiveManifest } from '../io/archive';
import type { PieceDeflate } from '../io/zipWrite';
import { archiveOf } from './archiveTables';
import { openPieceDeflater } from './deflateOffThread';
import { ArchiveSession, type ArchiveSummary } from './archiveRestore';
import { sendError, type SentError } from './workerErrors';

export type ArchiveWorkerRequest =
  /** Answered at once: the worker has started, so an archive's bytes can be moved to it. */
  | { type: 'ready' }
  | { type: 'export'; dbName: string; project: ArchiveManifest['project'] }
  | { type: 'read'; bytes: Uint8Array; fileName: string; schemaVersion: number }
  | { type: 'unseal'; dataKey: Uint8Array<ArrayBuffer>; fileName: string }
  | { type: 'write'; dbName: string; schemaVersion: number; schema: Record<string, string | null>; sealed: boolean };

export type ArchiveWorkerReply =
  | { type: 'ready' }
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; bytes: Uint8Array }
  | { type: 'read'; summary: ArchiveSummary }
  | { type: 'ok' }
  | { type: 'error'; error: SentError };

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

async function exportDatabase(dbName: string, project: ArchiveManifest['project']): Promise<void> {
  // The big entries' pieces shared with a deflate worker of its own (store/deflateOffThread.ts),
  // which starts while the tables are read (waiting for it first held every read back).
  const opening = openPieceDeflater();
  try {
    const idb = await openExisting(dbName);
    try {
      const progress = (done: number, total: number) => scope.postMessage({ type: 'progress', done, total });
      const deflatePieces: PieceDeflate = async (pieces, level) => (await opening).deflatePieces(pieces, level);
      const bytes = await archiveOf(idb, project, progress, deflatePieces);
      scope.postMessage({ type: 'done', bytes }, [bytes.buffer]);
    } finally {
      idb.close();
    }
  } finally {
    (await opening).close();
  }
}

// One restore per worker: the archive read is kept for the steps after it.
const session = new ArchiveSession();

scope.onmessage = async ({ data }) => {
  try {
    switch (data.type) {
      case 'ready':
        return scope.postMessage({ type: 'ready' });
      case 'export':
        return await exportDatabase(data.dbName, data.project);
      case 'read':
        return scope.postMessage({ type: 'read', summary: await session.read(data.bytes, data.fileName, data.schemaVersion) });
      case 'unseal':
        await session.unseal(data.dataKey, data.fileName);
        return scope.postMessage({ type: 'ok' });
      case 'write':
        await session.write(data.dbName, data.schemaVersion, data.schema, data.sealed);
        return scope.postMessage({ type: 'ok' });
    }
  } catch (e) {
    scope.postMessage({ type: 'error', error: sendError(e) });
  }
};
