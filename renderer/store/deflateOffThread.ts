// An EntryDeflater (io/zipWrite.ts) on a worker of its own, for the .qdpx worker's export:
// the deflate is about half of a .qdpx export's writing, and on a thread of its own it runs
// beside the writing of project.qde instead of after it. The two threads share the work: an
// entry given whole is deflated here when the worker is already behind (it says how much it
// has taken), so neither thread waits for the other at the end. Each piece's bytes are moved
// to the worker, not copied. Where no worker can start (tests, scripts, a protocol that cannot
// serve one), everything is deflated on the calling thread; the bytes are the same either way.
import { deflaterHere, type DeflatedEntry, type EntryDeflater } from '../io/zipWrite';
import type { DeflateReply, DeflateRequest } from './deflateWorker';
import { receivedError } from './workerErrors';
import { movableBuffer } from './workerLine';

/**
 * Bytes the worker may have waiting before an entry given whole is deflated here instead: a
 * few project.qde pieces (a megabyte each), so the worker is never idle. Measured on a
 * study-scale export (4 runs each): writing 2.8 s with no worker, 2.3 s with every entry on the
 * worker, 2.1 s with this, 2.6 s with 1 MB (which kept nearly every text here).
 */
export const WORKER_BACKLOG = 4 << 20;
/** Bytes sent between two breaths (a breath lets the worker's answers in). */
const BREATH = 256 << 10;

/** A deflater on its own worker once that worker has answered; on this thread otherwise. */
export async function deflaterOffThread(onClosed?: (name: string) => void): Promise<EntryDeflater> {
  const here = deflaterHere(onClosed);
  let worker: Worker;
  try {
    if (typeof Worker === 'undefined') return here;
    worker = new Worker(new URL('./deflateWorker.ts', import.meta.url), { type: 'module' });
  } catch {
    return here;
  }
  let settle: { resolve(entries: DeflatedEntry[]): void; reject(error: Error): void } | null = null;
  /** The worker stopped before `finish` was asked. */
  let stopped: Error | null = null;
  /** Bytes sent that the worker has not yet said it deflated. */
  let backlog = 0;
  let sinceBreath = 0;
  const started = await new Promise<boolean>((resolve) => {
    worker.onmessage = ({ data }: MessageEvent<DeflateReply>) => {
      if (data.type === 'ready') resolve(true);
      else if (data.type === 'pushed') backlog -= data.size;
      else if (data.type === 'closed') onClosed?.(data.name);
      else if (data.type === 'finished') settle?.resolve(data.entries);
      else settle?.reject(receivedError(data.error));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      resolve(false);
      stopped = new Error('The deflate worker stopped.');
      settle?.reject(stopped);
    };
    worker.postMessage({ type: 'ready' } satisfies DeflateRequest);
  });
  if (!started) {
    worker.terminate();
    return here;
  }
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
      // A task of its own, after the worker's answers already waiting (setTimeout would wait 4 ms).
      return new Promise<void>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          resolve();
        };
        channel.port2.postMessage(null);
      });
    },
  };
}
