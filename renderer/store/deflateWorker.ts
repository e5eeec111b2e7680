// A deflater on a thread of its own, started by the .qdpx worker: the writer makes
// the next entry's bytes while this one deflates the last (store/deflateOffThread.ts). Entries
// come in pieces, each moved here; they go back whole, moved too, when the writer finishes.
// The archive worker sends it pieces of one big entry instead, each deflated and sent back at
// once, while it deflates other pieces of the same entry itself.
import { deflatePiece, deflaterHere, type DeflatedEntry, type DeflateLevel, type EntryDeflater } from '../io/zipWrite';
import { sendError, type SentError } from './workerErrors';
import { movableBuffer } from './workerLine';

export type DeflateRequest =
  /** Answered at once: the worker has started, so bytes can be moved to it. */
  | { type: 'ready' }
  | { type: 'push'; name: string; bytes: Uint8Array; last: boolean; level: DeflateLevel | undefined }
  | { type: 'finish' }
  /** One piece of a big entry (io/zipWrite.ts deflatePiece), answered at once: nothing is kept. */
  | { type: 'piece'; entry: number; index: number; bytes: Uint8Array; level: DeflateLevel; last: boolean };

export type DeflateReply =
  | { type: 'ready' }
  /** A push's bytes are deflated: the writer counts what is still waiting here. */
  | { type: 'pushed'; size: number }
  | { type: 'closed'; name: string }
  | { type: 'finished'; entries: DeflatedEntry[] }
  | { type: 'piece'; entry: number; index: number; data: Uint8Array }
  | { type: 'error'; error: SentError };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<DeflateRequest>) => void) | null;
  postMessage(reply: DeflateReply, transfer?: Transferable[]): void;
};

let deflater: EntryDeflater | null = null;
/** The first error: later pushes are dropped, and finish reports it. */
let failed: unknown = null;

scope.onmessage = async ({ data }) => {
  try {
    if (data.type === 'ready') return scope.postMessage({ type: 'ready' });
    if (data.type === 'piece') {
      const deflated = deflatePiece(data.bytes, data.level, data.last);
      return scope.postMessage({ type: 'piece', entry: data.entry, index: data.index, data: deflated }, movableBuffer(deflated));
    }
    if (data.type === 'push') {
      if (failed) return;
      deflater ??= deflaterHere((name) => scope.postMessage({ type: 'closed', name }));
      deflater.push(data.name, data.bytes, data.last, data.level);
      return scope.postMessage({ type: 'pushed', size: data.bytes.length });
    }
    if (failed) throw failed;
    const entries = await (deflater ?? deflaterHere()).finish();
    deflater = null;
    // Each entry's own buffer moved back (a buffer named twice could not be moved).
    const moved = new Set(entries.flatMap((e) => movableBuffer(e.data)));
    scope.postMessage({ type: 'finished', entries }, [...moved]);
  } catch (error) {
    if (data.type === 'push') failed = error;
    else scope.postMessage({ type: 'error', error: sendError(error) });
  }
};
