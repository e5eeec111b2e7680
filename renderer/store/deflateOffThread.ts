// An EntryDeflater (io/zipWrite.ts) on a worker of its own, for the .qdpx worker's export:
// the deflate is about half of a .qdpx export's writing, and on a thread of its own it runs
// beside the writing of project.qde instead of after it. The two threads share the work: an
// entry given whole is deflated here when the worker is already behind (it says how much it
// has taken), so neither thread waits for the other at the end. Each piece's bytes are moved
// to the worker, not copied. Where no worker can start (tests, scripts, a protocol that cannot
// serve one), everything is deflated on the calling thread; the bytes are the same either way.
import {
  deflatePiece,
  deflatePiecesHere,
  deflaterHere,
  withLast,
  type DeflatedEntry,
  type EntryDeflater,
  type PieceDeflate,
} from '../io/zipWrite';
import type { DeflateReply, DeflateRequest } from './deflateWorker';
import { nextTurn } from './inSteps';
import { receivedError } from './workerErrors';
import { movableBuffer } from './workerLine';

/**
 * Bytes the worker may have waiting before an entry given whole is deflated here instead: a
 * few project.qde pieces (a megabyte each), so the worker is never idle. Measured on a
 * study-scale export (4 runs each): writing 2.8 s with no worker, 2.3 s with every entry on the
 * worker, 2.1 s with this, 2.6 s with 1 MB (which kept nearly every text here).
 */
export const WORKER_BACKLOG = 4 << 20;
/**
 * Bytes sent between two breaths (a breath lets the worker's answers in). A megabyte: at ten
 * times the study a breath every 256 KB (some 2,000 of them) cost 0.6-0.8 s of the writing.
 */
const BREATH = 1 << 20;

/** A deflater on its own worker once that worker has answered; on this thread otherwise. */
export async function deflaterOffThread(onClosed?: (name: string) => void): Promise<EntryDeflater> {
  const here = deflaterHere(onClosed);
  const worker = await startDeflateWorker();
  if (!worker) return here;
  let settle: { resolve(entries: DeflatedEntry[]): void; reject(error: Error): void } | null = null;
  /** The worker stopped before `finish` was asked. */
  let stopped: Error | null = null;
  /** Bytes sent that the worker has not yet said it deflated. */
  let backlog = 0;
  let sinceBreath = 0;
  worker.onmessage = ({ data }: MessageEvent<DeflateReply>) => {
    if (data.type === 'pushed') backlog -= data.size;
    else if (data.type === 'closed') onClosed?.(data.name);
    else if (data.type === 'finished') settle?.resolve(data.entries);
    else if (data.type === 'error') settle?.reject(receivedError(data.error));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    stopped = new Error('The deflate worker stopped.');
    settle?.reject(stopped);
  };
  /** Every entry in the order opened, and those deflated here. */
  const order: string[] = [];
  const opened = new Set<string>();
  const kept = new Set<string>();
  return {
    push(name, bytes, last, level) {
      if (!opened.has(name)) {
        opened.add(name);
        order.push(name);
        if (last && backlog >= WORKER_BACKLOG) kept.add(name);
      }
      if (kept.has(name)) return here.push(name, bytes, last, level);
      backlog += bytes.length;
      sinceBreath += bytes.length;
      worker.postMessage({ type: 'push', name, bytes, last, level } satisfies DeflateRequest, movableBuffer(bytes));
    },
    async finish() {
      try {
        const [there, done] = await Promise.all([
          new Promise<DeflatedEntry[]>((resolve, reject) => {
            if (stopped) return reject(stopped);
            settle = { resolve, reject };
            worker.postMessage({ type: 'finish' } satisfies DeflateRequest);
          }),
          here.finish(),
        ]);
        const byName = new Map([...there, ...done].map((e) => [e.name, e]));
        return order.map((name) => byName.get(name)!);
      } finally {
        worker.terminate();
      }
    },
    cancel() {
      worker.terminate();
      here.cancel();
    },
    breathe() {
      if (sinceBreath < BREATH) return Promise.resolve();
      sinceBreath = 0;
      // A turn of its own (a message, not a timer): the worker's answers already waiting come first.
      return nextTurn();
    },
  };
}

/** A deflate worker that has answered, or null where none can start. */
async function startDeflateWorker(): Promise<Worker | null> {
  let worker: Worker;
  try {
    if (typeof Worker === 'undefined') return null;
    worker = new Worker(new URL('./deflateWorker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  const started = await new Promise<boolean>((resolve) => {
    worker.onmessage = ({ data }: MessageEvent<DeflateReply>) => resolve(data.type === 'ready');
    worker.onerror = (event) => {
      event.preventDefault();
      resolve(false);
    };
    worker.postMessage({ type: 'ready' } satisfies DeflateRequest);
  });
  if (started) return worker;
  worker.terminate();
  return null;
}

/** Pieces the worker may have waiting: two, so it never waits while this thread deflates one. */
const PIECES_AHEAD = 2;

/** One entry being deflated: its pieces by index, and how many the worker still has. */
interface PieceCall {
  out: Uint8Array[];
  pending: number;
  wake: (() => void) | null;
}

/**
 * Deflates big entries' pieces (io/zipWrite.ts) on a deflate worker and on this thread
 * together, for the archive worker: at ten times the study its 311 MB of transcripts took 10 s
 * on one thread. Entries may be deflated at the same time (the archive's tables are); the
 * worker's answers name their entry. Each piece is copied to the worker (4 MB, a millisecond).
 * Where no worker starts, every piece is deflated here; the bytes are the same either way.
 * Close it when done.
 */
export async function openPieceDeflater(): Promise<{ deflatePieces: PieceDeflate; close(): void }> {
  const worker = await startDeflateWorker();
  if (!worker) return { deflatePieces: deflatePiecesHere, close: () => {} };
  const calls = new Map<number, PieceCall>();
  let entries = 0;
  /** Pieces sent that the worker has not answered, of every entry. */
  let ahead = 0;
  let failed: Error | null = null;
  const wakeAll = () => calls.forEach((call) => call.wake?.());
  worker.onmessage = ({ data }: MessageEvent<DeflateReply>) => {
    if (data.type === 'piece') {
      ahead -= 1;
      const call = calls.get(data.entry);
      if (!call) return;
      call.out[data.index] = data.data;
      call.pending -= 1;
      call.wake?.();
    } else if (data.type === 'error') {
      failed = receivedError(data.error);
      wakeAll();
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    failed = new Error('The deflate worker stopped.');
    wakeAll();
  };
  const deflatePieces: PieceDeflate = async (pieces, level) => {
    const entry = entries++;
    const call: PieceCall = { out: [], pending: 0, wake: null };
    calls.set(entry, call);
    try {
      let index = 0;
      for await (const [piece, last] of withLast(pieces)) {
        if (failed) throw failed;
        const i = index++;
        if (ahead < PIECES_AHEAD) {
          const bytes = piece.slice();
          worker.postMessage({ type: 'piece', entry, index: i, bytes, level, last } satisfies DeflateRequest, [bytes.buffer]);
          ahead += 1;
          call.pending += 1;
        } else {
          call.out[i] = deflatePiece(piece, level, last);
        }
        // The worker's answers in, before the next piece is made or deflated here.
        await nextTurn();
      }
      while (call.pending > 0 && !failed) await new Promise<void>((resolve) => (call.wake = resolve));
      if (failed) throw failed;
      return call.out;
    } finally {
      calls.delete(entry);
    }
  };
  return { deflatePieces, close: () => worker.terminate() };
}
