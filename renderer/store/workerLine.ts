// One worker asked one thing at a time, from the window's side: the archive and .qdpx workers.
// Replies that are not the answer (progress, parts of a large result) go to a callback; an
// error event means the worker could not start (a protocol that cannot serve module workers),
// and the caller does the work on its own thread instead.
export class WorkerLine<Request, Reply> {
  private constructor(private readonly worker: Worker) {}

  /**
   * `start` is `() => new Worker(new URL('./x.ts', import.meta.url), { type: 'module' })`,
   * written out at the caller: the bundler finds workers by that very expression.
   */
  static open<Request, Reply>(start: () => Worker): WorkerLine<Request, Reply> | null {
    try {
      if (typeof Worker === 'undefined') return null;
      return new WorkerLine<Request, Reply>(start());
    } catch {
      return null;
    }
  }

  /**
   * The answer to `request`: the first reply `onReply` does not take (it returns true for
   * those it takes); null when the worker could not start.
   */
  ask(request: Request, onReply: (reply: Reply) => boolean = () => false, transfer: Transferable[] = []): Promise<Reply | null> {
    return new Promise((resolve) => {
      this.worker.onmessage = (event: MessageEvent<Reply>) => {
        if (!onReply(event.data)) resolve(event.data);
      };
      this.worker.onerror = (event) => {
        event.preventDefault();
        resolve(null);
      };
      this.worker.postMessage(request, transfer);
    });
  }

  close(): void {
    this.worker.terminate();
  }
}

/**
 * What to move rather than copy when `bytes` go to a worker: their buffer, when they are all
 * of it (moving a buffer they share would empty the rest). Copying a 112 MB file (ten times the
 * study) into a message stopped the window for 0.65-0.93 s; moved, it costs nothing. Move only
 * to a worker that has answered once: moved to one that cannot start, the bytes would be lost
 * for doing the work on this thread instead.
 */
export function movableBuffer(bytes: Uint8Array): Transferable[] {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return whole && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
}
