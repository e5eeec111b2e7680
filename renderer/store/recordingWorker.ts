// The recording worker: prepares a file to attach (recordingPrep.ts) off the window's thread.
import { prepareRecording, type PreparedRecording } from './recordingPrep';
import { sendError, type SentError } from './workerErrors';

export type RecordingRequest = { type: 'ready' } | { type: 'prepare'; bytes: Uint8Array; fileName: string };

export type RecordingReply =
  | { type: 'ready' }
  | { type: 'progress'; done: number; total: number }
  | { type: 'prepared'; recording: PreparedRecording }
  | { type: 'error'; error: SentError };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<RecordingRequest>) => void) | null;
  postMessage(reply: RecordingReply, transfer?: Transferable[]): void;
};

scope.onmessage = async ({ data }) => {
  try {
    if (data.type === 'ready') return scope.postMessage({ type: 'ready' });
    const recording = await prepareRecording(data.bytes, data.fileName, (done, total) =>
      scope.postMessage({ type: 'progress', done, total }),
    );
    const moved = recording.peaks ? [recording.peaks.levels.buffer] : [];
    scope.postMessage({ type: 'prepared', recording }, moved);
  } catch (error) {
    scope.postMessage({ type: 'error', error: sendError(error) });
  }
};
