// The recording worker: attaches a file to a transcript (hashed, chunked, its waveform read,
// then kept: recordingPrep.ts, recordings.ts) and reads a kept one back into a Blob, both
// against the project's database opened here. An hour of sound is 77 MB of base64 chunks:
// made, written, read and decoded here, the window never holds them (it stopped for 0.9 s
// receiving them, and 1.4 s decoding them, at the bench's hour).
import type { Recording } from '../core/media';
import type { RecordKeys } from './cipher';
import { closeProjectDb, projectDb } from './projectDb';
import { prepareRecording } from './recordingPrep';
import { attachRecording, recordingBlob } from './recordings';
import { dropRecordKey, setRecordKey } from './sealedTables';
import { sendError, type SentError } from './workerErrors';

/** Which project, and an encrypted one's record keys (dropped here when the request is done). */
interface ProjectRef {
  projectId: string;
  keys: RecordKeys | null;
}

export type RecordingRequest =
  | { type: 'ready' }
  | (ProjectRef & { type: 'attach'; sourceId: string; fileName: string; bytes: Uint8Array; actor: string; now: number })
  | (ProjectRef & { type: 'blob'; recording: Recording });

export type RecordingReply =
  | { type: 'ready' }
  | { type: 'progress'; done: number; total: number }
  | { type: 'attached'; recording: Recording }
  | { type: 'blob'; blob: Blob }
  | { type: 'error'; error: SentError };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<RecordingRequest>) => void) | null;
  postMessage(reply: RecordingReply, transfer?: Transferable[]): void;
};

async function inProject<T>(ref: ProjectRef, work: () => Promise<T>): Promise<T> {
  if (ref.keys) setRecordKey(ref.projectId, ref.keys);
  try {
    return await work();
  } finally {
    closeProjectDb(ref.projectId);
    dropRecordKey(ref.projectId);
  }
}

scope.onmessage = async ({ data }) => {
  try {
    if (data.type === 'ready') return scope.postMessage({ type: 'ready' });
    if (data.type === 'attach') {
      const recording = await inProject(data, async () => {
        const progress = (done: number, total: number) => scope.postMessage({ type: 'progress', done, total });
        const prepared = await prepareRecording(data.bytes, data.fileName, progress);
        const db = projectDb(data.projectId);
        return attachRecording(db, data.sourceId, { fileName: data.fileName }, prepared, data.actor, data.now);
      });
      return scope.postMessage({ type: 'attached', recording });
    }
    const blob = await inProject(data, () => recordingBlob(projectDb(data.projectId), data.recording));
    scope.postMessage({ type: 'blob', blob });
  } catch (error) {
    scope.postMessage({ type: 'error', error: sendError(error) });
  }
};
