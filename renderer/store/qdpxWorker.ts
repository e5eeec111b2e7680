// (Here, not in io/: a worker is platform, and io stays pure.) .qdpx files off the main thread:
// reading one (ten times the study is 214 MB of XML and 400,000 selections), and exporting
// one, from the project's database opened here, so the window stays responsive throughout.
// A read's project comes back in parts (sources, then codings, a batch at a time): one message
// of 300 MB would stop the window while it is unpacked. A file read to become a new project
// stays here: the window gets what its dialog shows, and the project is written from here.
import { importPreview, type QdpxImportPreview } from '../core/merge';
import type { Coding, ProjectSnapshot, Source } from '../core/shared';
import { readQdpx, writeQdpx } from '../io/qdpx';
import type { ExportPositions } from '../io/refi/qdeWrite';
import type { RecordKeys } from './cipher';
import { closeProjectDb, projectDb } from './projectDb';
import { exportSummary, snapshotForExport, type QdpxExportSummary } from './qdpxExport';
import { createProjectFromSnapshot } from './projectFromSnapshot';
import { deflaterOffThread } from './deflateOffThread';
import type { ProjectEntry } from './registry';
import { dropRecordKey, setRecordKey } from './sealedTables';
import { sendError, type SentError } from './workerErrors';

export type QdpxRequest =
  /** Answered at once: the worker has started, so a file's bytes can be moved to it. */
  | { type: 'ready' }
  | { type: 'read'; bytes: Uint8Array; fileName: string }
  /** Reads a file to make a new project of: it stays here, its preview goes back. */
  | { type: 'readToCreate'; bytes: Uint8Array; fileName: string }
  /** Makes the project read by 'readToCreate'. */
  | { type: 'create'; fileName: string; actor: string }
  /** Loads the export's snapshot; `keys` are the record keys of an encrypted project. */
  | { type: 'prepare'; projectId: string; keys: RecordKeys | null; name: string | undefined }
  | { type: 'write'; positions: ExportPositions };

export type QdpxReply =
  | { type: 'ready' }
  | { type: 'progress'; done: number; total: number }
  | { type: 'sources'; sources: Source[] }
  | { type: 'codings'; codings: Coding[] }
  /** The read project, its sources and codings sent before in parts. */
  | { type: 'read'; project: ProjectSnapshot; warnings: string[] }
  | { type: 'readToCreate'; preview: QdpxImportPreview; warnings: string[] }
  | { type: 'created'; entry: ProjectEntry }
  | { type: 'prepared'; summary: QdpxExportSummary }
  | { type: 'written'; bytes: Uint8Array }
  | { type: 'error'; error: SentError };

/**
 * Batches small enough to unpack in a few tens of milliseconds on the window's thread. (At ten
 * times the study the longest task while reading was 93-124 ms with 20,000 codings a batch and
 * 98-104 ms with 10,000: not the batches, so they stay at 20,000.)
 */
export const SOURCE_BATCH = 50;
export const CODING_BATCH = 20_000;

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<QdpxRequest>) => void) | null;
  postMessage(reply: QdpxReply, transfer?: Transferable[]): void;
};

/** The snapshot between an export's preview and its writing. */
let exporting: ProjectSnapshot | null = null;
/** The project read between the import dialog's preview and "Create project". */
let importing: ProjectSnapshot | null = null;

/** Reads a .qdpx, its progress sent as percent. */
function read(bytes: Uint8Array, fileName: string) {
  let shown = -1;
  return readQdpx(bytes, fileName, {
    onProgress: (share) => {
      const percent = Math.floor(share * 100);
      if (percent !== shown) scope.postMessage({ type: 'progress', done: (shown = percent), total: 100 });
    },
  });
}

async function answer(request: QdpxRequest): Promise<void> {
  if (request.type === 'ready') {
    scope.postMessage({ type: 'ready' });
  } else if (request.type === 'readToCreate') {
    importing = null;
    const { project, warnings } = await read(request.bytes, request.fileName);
    importing = project;
    scope.postMessage({ type: 'readToCreate', preview: importPreview(project), warnings });
  } else if (request.type === 'create') {
    if (!importing) throw new Error('Nothing to import: the file was not read.');
    const onProgress = (done: number, total: number) => scope.postMessage({ type: 'progress', done, total });
    const entry = await createProjectFromSnapshot(importing, request.fileName, request.actor, onProgress);
    closeProjectDb(entry.id);
    importing = null;
    scope.postMessage({ type: 'created', entry });
  } else if (request.type === 'read') {
    const { project, warnings } = await read(request.bytes, request.fileName);
    for (let i = 0; i < project.sources.length; i += SOURCE_BATCH)
      scope.postMessage({ type: 'sources', sources: project.sources.slice(i, i + SOURCE_BATCH) });
    for (let i = 0; i < project.codings.length; i += CODING_BATCH)
      scope.postMessage({ type: 'codings', codings: project.codings.slice(i, i + CODING_BATCH) });
    scope.postMessage({ type: 'read', project: { ...project, sources: [], codings: [] }, warnings });
  } else if (request.type === 'prepare') {
    if (request.keys) setRecordKey(request.projectId, request.keys);
    try {
      exporting = await snapshotForExport(projectDb(request.projectId), request.name);
    } finally {
      closeProjectDb(request.projectId);
      dropRecordKey(request.projectId);
    }
    scope.postMessage({ type: 'prepared', summary: exportSummary(exporting) });
  } else {
    if (!exporting) throw new Error('Nothing to export: the project was not prepared.');
    const bytes = await writeQdpx(exporting, {
      positions: request.positions,
      onProgress: (done, total) => scope.postMessage({ type: 'progress', done, total }),
      openDeflater: deflaterOffThread,
    });
    scope.postMessage({ type: 'written', bytes }, [bytes.buffer]);
  }
}

scope.onmessage = async (event) => {
  try {
    await answer(event.data);
  } catch (error) {
    scope.postMessage({ type: 'error', error: sendError(error) });
  }
};
