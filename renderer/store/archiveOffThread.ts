// The archive worker from the window's side: one worker per save or restore, asked step by
// step; where no worker runs (tests, scripts) or one cannot start, the same code on this thread.
import type { ArchiveManifest } from '../io/archive';
import { archiveOf, type ArchiveProgress } from './archiveTables';
import { ArchiveSession, type ArchiveSummary } from './archiveRestore';
import { receivedError } from './workerErrors';
import { movableBuffer, WorkerLine } from './workerLine';
import type { ArchiveWorkerReply, ArchiveWorkerRequest } from './archiveWorker';

type Final = Exclude<ArchiveWorkerReply, { type: 'progress' }>;

type Line = WorkerLine<ArchiveWorkerRequest, ArchiveWorkerReply>;

const openLine = (): Line | null => WorkerLine.open(() => new Worker(new URL('./archiveWorker.ts', import.meta.url), { type: 'module' }));

/** The final reply to a request, progress passed on; null when the worker could not start. */
async function ask(
  line: Line,
  request: ArchiveWorkerRequest,
  onProgress?: ArchiveProgress,
  transfer: Transferable[] = [],
): Promise<Final | null> {
  const reply = await line.ask(
    request,
    (r) => {
      if (r.type !== 'progress') return false;
      onProgress?.(r.done, r.total);
      return true;
    },
    transfer,
  );
  return reply as Final | null;
}

function outcome<T extends Final['type']>(reply: Final, type: T): Extract<Final, { type: T }> {
  if (reply.type === 'error') throw receivedError(reply.error);
  if (reply.type !== type) throw new Error(`The archive worker answered ${reply.type}, not ${type}.`);
  return reply as Extract<Final, { type: T }>;
}

/** The archive of the database `dbName` (open in this window), saved in the worker where one runs. */
export async function archiveOffThread(
  db: { name: string; backendDB(): IDBDatabase },
  project: ArchiveManifest['project'],
  onProgress?: ArchiveProgress,
): Promise<Uint8Array> {
  const line = openLine();
  try {
    const reply = line && (await ask(line, { type: 'export', dbName: db.name, project }, onProgress));
    return reply ? outcome(reply, 'done').bytes : await archiveOf(db.backendDB(), project, onProgress);
  } finally {
    line?.close();
  }
}

/** A restore's heavy steps (ArchiveSession), in the worker where one runs. Close it when done. */
export class ArchiveRestorer {
  private line = openLine();
  private local: ArchiveSession | null = null;

  /** Reads the archive in the worker, its bytes moved there (left empty here) when they are their whole buffer (workerLine.ts). */
  async read(bytes: Uint8Array, fileName: string, schemaVersion: number): Promise<ArchiveSummary> {
    if (!(await this.ask({ type: 'ready' }))) return this.session().read(bytes, fileName, schemaVersion);
    const reply = await this.ask({ type: 'read', bytes, fileName, schemaVersion }, movableBuffer(bytes));
    if (!reply) throw new Error('The reading stopped: its worker could not go on.');
    return outcome(reply, 'read').summary;
  }

  async unseal(dataKey: Uint8Array<ArrayBuffer>, fileName: string): Promise<void> {
    const reply = await this.ask({ type: 'unseal', dataKey, fileName });
    if (reply) outcome(reply, 'ok');
    else await this.session().unseal(dataKey, fileName);
  }

  async write(dbName: string, schemaVersion: number, schema: Record<string, string | null>, sealed: boolean): Promise<void> {
    const reply = await this.ask({ type: 'write', dbName, schemaVersion, schema, sealed });
    if (reply) outcome(reply, 'ok');
    else await this.session().write(dbName, schemaVersion, schema, sealed);
  }

  close(): void {
    this.line?.close();
    this.line = null;
  }

  /** The worker's reply, or null to do it here: no worker, or it could not start (then never again). */
  private async ask(request: ArchiveWorkerRequest, transfer: Transferable[] = []): Promise<Final | null> {
    if (!this.line || this.local) return null;
    const reply = await ask(this.line, request, undefined, transfer);
    if (!reply) this.close();
    return reply;
  }

  private session(): ArchiveSession {
    return (this.local ??= new ArchiveSession());
  }
}
