// The window's side of the recording worker (recordingWorker.ts): attaching a file and reading
// a kept recording back, each in a worker started for it, or on this thread where none starts
// (tests, a protocol that cannot serve module workers). The same functions do the work.
import { recordingType, type Recording } from '../core/media';
import { ValidationError } from '../core/shared';
import type { ProjectDb } from './projectDb';
import { prepareRecording, type PrepProgress } from './recordingPrep';
import { attachRecording, recordingBlob } from './recordings';
import type { RecordingReply, RecordingRequest } from './recordingWorker';
import { recordKeyFor } from './sealedTables';
import { receivedError } from './workerErrors';
import { movableBuffer, WorkerLine } from './workerLine';

type Line = WorkerLine<RecordingRequest, RecordingReply>;

/** A line to a started worker, or null (then the work is done here). */
async function openLine(): Promise<Line | null> {
  const line = WorkerLine.open<RecordingRequest, RecordingReply>(
    () => new Worker(new URL('./recordingWorker.ts', import.meta.url), { type: 'module' }),
  );
  if (line && (await line.ask({ type: 'ready' })) === null) {
    line.close();
    return null;
  }
  return line;
}

/** The worker's answer of `type`, progress passed on; null when the worker stopped. */
async function ask(
  line: Line,
  request: RecordingRequest,
  onProgress: PrepProgress,
  transfer: Transferable[] = [],
): Promise<RecordingReply | null> {
  const reply = await line.ask(request, (r) => r.type === 'progress' && (onProgress(r.done, r.total), true), transfer);
  if (reply?.type === 'error') throw receivedError(reply.error);
  return reply;
}

/**
 * Keeps `bytes` (the file `fileName`) as the recording of transcript `sourceId`: refused at once,
 * naming the file, when it cannot be a recording. The bytes are moved to the worker.
 */
export async function attachRecordingOffThread(
  db: ProjectDb,
  sourceId: string,
  file: { fileName: string; bytes: Uint8Array },
  actor = '',
  onProgress: PrepProgress = () => {},
): Promise<Recording> {
  const type = recordingType(file.fileName);
  if ('problem' in type) throw new ValidationError(type.problem);
  const now = Date.now();
  const line = await openLine();
  if (line) {
    try {
      const keys = recordKeyFor(db.projectId) ?? null;
      const request = {
        type: 'attach' as const,
        projectId: db.projectId,
        keys,
        sourceId,
        fileName: file.fileName,
        bytes: file.bytes,
        actor,
        now,
      };
      const reply = await ask(line, request, onProgress, movableBuffer(file.bytes));
      if (reply?.type === 'attached') return reply.recording;
      // The bytes were moved to it: they cannot be kept here instead. Its transaction, if it
      // began, was all or nothing.
      throw new Error(
        reply ? `The recording worker answered ${reply.type}.` : 'The recording worker stopped before the recording was kept. Try again.',
      );
    } finally {
      line.close();
    }
  }
  const prepared = await prepareRecording(file.bytes, file.fileName, onProgress);
  return attachRecording(db, sourceId, file, prepared, actor, now);
}

/** A kept recording as the Blob the player plays, decoded in the worker. */
export async function recordingBlobOffThread(db: ProjectDb, recording: Recording): Promise<Blob> {
  const line = await openLine();
  if (line) {
    try {
      const reply = await ask(
        line,
        { type: 'blob', projectId: db.projectId, keys: recordKeyFor(db.projectId) ?? null, recording },
        () => {},
      );
      if (reply?.type === 'blob') return reply.blob;
      if (reply) throw new Error(`The recording worker answered ${reply.type}.`);
    } finally {
      line.close();
    }
  }
  return recordingBlob(db, recording);
}
