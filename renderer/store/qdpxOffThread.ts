// The .qdpx worker from the window's side: reading a file, and exporting the open project in
// two steps (the preview's summary, then the file). Where no worker runs (tests, scripts) or
// one cannot start, the same code runs on this thread. Errors come back as the same
// ImportError, message and all.
import { importPreview, type QdpxImportPreview } from '../core/merge';
import type { ProjectSnapshot } from '../core/shared';
import { readQdpx, writeQdpx } from '../io/qdpx';
import type { ExportPositions } from '../io/refi/qdeWrite';
import type { ProjectDb } from './projectDb';
import { createProjectFromSnapshot } from './projectFromSnapshot';
import { exportSummary, snapshotForExport, type QdpxExportSummary } from './qdpxExport';
import type { ProjectEntry } from './registry';
import type { QdpxReply, QdpxRequest } from './qdpxWorker';
import { recordKeyFor } from './sealedTables';
import { receivedError } from './workerErrors';
import { movableBuffer, WorkerLine } from './workerLine';

/** Steps done of all (a read counts percent of project.qde). */
export type QdpxProgress = (done: number, total: number) => void;

type Line = WorkerLine<QdpxRequest, QdpxReply>;
type Final = Exclude<QdpxReply, { type: 'progress' | 'sources' | 'codings' }>;

const openLine = (): Line | null => WorkerLine.open(() => new Worker(new URL('./qdpxWorker.ts', import.meta.url), { type: 'module' }));

/** The answer to `request`, progress passed on, parts of a read gathered into `parts`. */
async function ask(
  line: Line,
  request: QdpxRequest,
  onProgress?: QdpxProgress,
  parts?: Pick<ProjectSnapshot, 'sources' | 'codings'>,
  transfer: Transferable[] = [],
) {
  const reply = await line.ask(
    request,
    (r) => {
      if (r.type === 'progress') onProgress?.(r.done, r.total);
      else if (r.type === 'sources') for (const s of r.sources) parts?.sources.push(s);
      else if (r.type === 'codings') for (const c of r.codings) parts?.codings.push(c);
      else return false;
      return true;
    },
    transfer,
  );
  if (reply?.type === 'error') throw receivedError(reply.error);
  return reply as Final | null;
}

function outcome<T extends Final['type']>(reply: Final, type: T): Extract<Final, { type: T }> {
  if (reply.type !== type) throw new Error(`The .qdpx worker answered ${reply.type}, not ${type}.`);
  return reply as Extract<Final, { type: T }>;
}

/** A .qdpx read on this thread (no worker), its progress in the worker's terms: percent of the reading. */
function readHere(bytes: Uint8Array, fileName: string, onProgress?: QdpxProgress) {
  return readQdpx(bytes, fileName, { onProgress: onProgress && ((share) => onProgress(Math.floor(share * 100), 100)) });
}

/** movableBuffer(bytes) once the worker has answered; null when it cannot start. */
async function movable(line: Line, bytes: Uint8Array): Promise<Transferable[] | null> {
  return (await ask(line, { type: 'ready' })) ? movableBuffer(bytes) : null;
}

/** Reads a .qdpx in the worker. Its bytes are moved there (left empty here) when they are their whole buffer. */
export async function readQdpxOffThread(
  bytes: Uint8Array,
  fileName: string,
  onProgress?: QdpxProgress,
): Promise<{ project: ProjectSnapshot; warnings: string[] }> {
  const here = () => readHere(bytes, fileName, onProgress);
  const line = openLine();
  if (!line) return here();
  try {
    const parts: Pick<ProjectSnapshot, 'sources' | 'codings'> = { sources: [], codings: [] };
    const transfer = await movable(line, bytes);
    if (!transfer) return await here();
    const reply = await ask(line, { type: 'read', bytes, fileName }, onProgress, parts, transfer);
    if (!reply) throw new Error('The reading stopped: its worker could not go on.');
    const { project, warnings } = outcome(reply, 'read');
    return { project: { ...project, ...parts }, warnings };
  } finally {
    line.close();
  }
}

/** One export: prepare() loads the project and says what the file will carry, write() makes it. Close it when done. */
export class QdpxExporter {
  private line = openLine();
  private local: ProjectSnapshot | null = null;

  async prepare(db: ProjectDb, name: string | undefined): Promise<QdpxExportSummary> {
    if (this.line) {
      // An encrypted project's record keys go to the worker, which drops them once it has read.
      const keys = recordKeyFor(db.projectId) ?? null;
      const reply = await ask(this.line, { type: 'prepare', projectId: db.projectId, keys, name });
      if (reply) return outcome(reply, 'prepared').summary;
      this.close();
    }
    this.local = await snapshotForExport(db, name);
    return exportSummary(this.local);
  }

  async write(positions: ExportPositions, onProgress?: QdpxProgress): Promise<Uint8Array> {
    if (this.local) return writeQdpx(this.local, { positions, onProgress });
    if (!this.line) throw new Error('Nothing to export: the project was not prepared.');
    const reply = await ask(this.line, { type: 'write', positions }, onProgress);
    if (!reply) throw new Error('The export stopped: its worker could not go on.');
    return outcome(reply, 'written').bytes;
  }

  close(): void {
    this.line?.close();
    this.line = null;
    this.local = null;
  }
}

/**
 * One .qdpx made a new project: read() reads it and says what it holds, create() writes the
 * project. Both happen in the worker, which keeps the read project between them: the window
 * never holds its codings (at ten times the study, copying 400,000 of them here and writing
 * them from here made tasks of 0.7 s). Close it when done.
 */
export class QdpxImporter {
  private line = openLine();
  private local: ProjectSnapshot | null = null;

  /** Reads the file in the worker; its bytes are moved there (left empty here) when they are their whole buffer. */
  async read(bytes: Uint8Array, fileName: string, onProgress?: QdpxProgress): Promise<{ preview: QdpxImportPreview; warnings: string[] }> {
    const transfer = this.line && (await movable(this.line, bytes));
    if (this.line && transfer) {
      const reply = await ask(this.line, { type: 'readToCreate', bytes, fileName }, onProgress, undefined, transfer);
      if (!reply) throw new Error('The reading stopped: its worker could not go on.');
      return outcome(reply, 'readToCreate');
    }
    if (this.line) {
      this.line.close(); // it could not start: read here
      this.line = null;
    }
    const { project, warnings } = await readHere(bytes, fileName, onProgress);
    this.local = project;
    return { preview: importPreview(project), warnings };
  }

  /** The new project, listed once all of it is written; `onProgress` counts batches written. */
  async create(fileName: string, actor = '', onProgress?: QdpxProgress): Promise<ProjectEntry> {
    if (this.local) return createProjectFromSnapshot(this.local, fileName, actor, onProgress);
    if (!this.line) throw new Error('Nothing to import: the file was not read.');
    const reply = await ask(this.line, { type: 'create', fileName, actor }, onProgress);
    if (!reply) throw new Error('The import stopped: its worker could not go on.');
    return outcome(reply, 'created').entry;
  }

  close(): void {
    this.line?.close();
    this.line = null;
    this.local = null;
  }
}
