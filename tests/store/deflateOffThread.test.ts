// The deflater on a worker of its own (store/deflateOffThread.ts), with the real worker script
// (store/deflateWorker.ts) run in a stand-in worker, since Node has none: what it writes is the
// same, byte for byte, as a deflate on the writer's thread; the bytes handed to it are moved,
// not copied; where no worker starts, the writer's thread does the work; a failure reaches the
// writer as an error.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeQdpx } from '../../renderer/io/qdpx';
import { deflaterOffThread, openPieceDeflater, WORKER_BACKLOG } from '../../renderer/store/deflateOffThread';
import { deflatePiecesHere, deflaterHere } from '../../renderer/io/zipWrite';
import type { DeflateReply, DeflateRequest } from '../../renderer/store/deflateWorker';
import { smallProject } from '../fixtures/snapshots';

/** The worker script's global scope: it sets onmessage, and posts its replies to the stand-in. */
const workerScope: {
  onmessage: ((event: { data: DeflateRequest }) => void) | null;
  postMessage(reply: DeflateReply, moved?: Transferable[]): void;
} = {
  onmessage: null,
  postMessage: () => {},
};

/** Every request sent, and the buffers moved with it. */
const sent: { request: DeflateRequest; moved: Transferable[] }[] = [];

/** A worker running deflateWorker.ts, with messages cloned (and buffers moved) as real ones are. */
class StandInWorker {
  onmessage: ((event: { data: DeflateReply }) => void) | null = null;
  onerror: ((event: { preventDefault(): void }) => void) | null = null;
  constructor() {
    workerScope.postMessage = (reply, moved = []) => {
      const data = structuredClone(reply, { transfer: moved });
      queueMicrotask(() => this.onmessage?.({ data }));
    };
  }
  postMessage(request: DeflateRequest, moved: Transferable[] = []) {
    sent.push({ request, moved });
    const data = structuredClone(request, { transfer: moved });
    queueMicrotask(() => workerScope.onmessage?.({ data }));
  }
  terminate() {}
}

/** A worker that takes every piece but deflates nothing until the writer finishes: always behind. */
class WorkerBehind extends StandInWorker {
  private held: DeflateRequest[] = [];
  override postMessage(request: DeflateRequest, moved: Transferable[] = []) {
    if (request.type !== 'push') {
      for (const r of this.held.splice(0)) super.postMessage(r);
      return super.postMessage(request, moved);
    }
    sent.push({ request, moved });
    this.held.push(structuredClone(request, { transfer: moved }));
  }
}

class WorkerThatCannotStart {
  onmessage: unknown = null;
  onerror: ((event: { preventDefault(): void }) => void) | null = null;
  postMessage() {
    queueMicrotask(() => this.onerror?.({ preventDefault() {} }));
  }
  terminate() {}
}

/** A worker that starts, then stops (out of memory, say) at the first piece sent. */
class WorkerThatStops {
  onmessage: ((event: { data: DeflateReply }) => void) | null = null;
  onerror: ((event: { preventDefault(): void }) => void) | null = null;
  postMessage(request: DeflateRequest) {
    queueMicrotask(() =>
      request.type === 'ready' ? this.onmessage?.({ data: { type: 'ready' } }) : this.onerror?.({ preventDefault() {} }),
    );
  }
  terminate() {}
}

beforeAll(async () => {
  vi.stubGlobal('self', workerScope);
  await import('../../renderer/store/deflateWorker');
  vi.unstubAllGlobals();
});

afterEach(() => {
  vi.unstubAllGlobals();
  sent.length = 0;
});

describe('a deflater on its own worker', () => {
  it('writes the .qdpx a deflate on this thread writes, the pieces moved to the worker', async () => {
    const project = smallProject();
    const here = await writeQdpx(project);
    vi.stubGlobal('Worker', StandInWorker);
    const steps: number[] = [];
    const there = await writeQdpx(project, { openDeflater: deflaterOffThread, onProgress: (done) => steps.push(done) });
    expect(there).toEqual(here);
    const pushes = sent.filter((s) => s.request.type === 'push');
    expect(pushes.length).toBeGreaterThan(1);
    // Moved, not copied: each piece's buffer is left empty here.
    for (const { request, moved } of pushes) {
      expect(moved).toHaveLength(1);
      expect(request.type === 'push' && request.bytes.byteLength).toBe(0);
    }
    // Progress counts each source's XML and each text as the worker finishes deflating it.
    const sources = project.sources.filter((s) => s.deletedAt == null).length;
    expect(steps.at(-1)).toBe(2 * sources);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
  });

  it('deflates here the entries given whole while the worker is behind, and the file is the same', async () => {
    // Each a third of what the worker may have waiting, and a little more.
    const size = Math.ceil(WORKER_BACKLOG / 3) + 100;
    const texts = Array.from({ length: 10 }, (_, i) => new TextEncoder().encode(`transcript ${i} `.repeat(size).slice(0, size)));
    const expected = deflaterHere();
    for (const [i, t] of texts.entries()) expected.push(`t${i}`, t.slice(), true, 1);
    vi.stubGlobal('Worker', WorkerBehind);
    const closed: string[] = [];
    const deflater = await deflaterOffThread((name) => closed.push(name));
    for (const [i, t] of texts.entries()) deflater.push(`t${i}`, t.slice(), true, 1);
    // The worker has three waiting, then the rest are done here.
    const toWorker = sent.filter((s) => s.request.type === 'push').map((s) => s.request.type === 'push' && s.request.name);
    expect(toWorker).toEqual(['t0', 't1', 't2']);
    expect(closed).toEqual(['t3', 't4', 't5', 't6', 't7', 't8', 't9']);
    expect(await deflater.finish()).toEqual(await expected.finish());
    expect([...closed].sort()).toEqual(texts.map((_, i) => `t${i}`).sort());
  });

  it('deflates on this thread when no worker can start, and the file is the same', async () => {
    const project = smallProject();
    const here = await writeQdpx(project);
    vi.stubGlobal('Worker', WorkerThatCannotStart);
    expect(await writeQdpx(project, { openDeflater: deflaterOffThread })).toEqual(here);
    vi.stubGlobal('Worker', undefined);
    expect(await writeQdpx(project, { openDeflater: deflaterOffThread })).toEqual(here);
  });

  it("reports the worker's error at the finish, and a worker that stops", async () => {
    vi.stubGlobal('Worker', StandInWorker);
    const deflater = await deflaterOffThread();
    deflater.push('a', new Uint8Array(4), true);
    deflater.push('a', new Uint8Array(4), true);
    await expect(deflater.finish()).rejects.toThrow(/a was closed already/);

    vi.stubGlobal('Worker', WorkerThatStops);
    const stopping = await deflaterOffThread();
    stopping.push('b', new Uint8Array(4), true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(stopping.finish()).rejects.toThrow(/deflate worker stopped/);
  });
});

/** A worker that answers each piece 20 ms late: this thread deflates the pieces in between. */
class SlowWorker extends StandInWorker {
  override postMessage(request: DeflateRequest, moved: Transferable[] = []) {
    if (request.type !== 'piece') return super.postMessage(request, moved);
    sent.push({ request, moved });
    const data = structuredClone(request, { transfer: moved });
    setTimeout(() => workerScope.onmessage?.({ data }), 20);
  }
}

describe("a big entry's pieces shared with a worker", () => {
  const pieces = Array.from({ length: 7 }, (_, i) => new TextEncoder().encode(`piece ${i} of a transcript `.repeat(2000 + i)));

  it('gives the bytes of a deflate on this thread, two pieces waiting on the worker and the rest done here', async () => {
    const here = await deflatePiecesHere(pieces, 1);
    vi.stubGlobal('Worker', SlowWorker);
    const shared = await openPieceDeflater();
    try {
      expect(await shared.deflatePieces(pieces, 1)).toEqual(here);
      const toWorker = sent.filter((s) => s.request.type === 'piece');
      expect(toWorker.map((s) => s.request.type === 'piece' && s.request.index)).toEqual([0, 1]);
      // Copies are moved: the pieces given stay whole here (their JSON is hashed after).
      expect(toWorker.every((s) => s.moved.length === 1)).toBe(true);
      expect(pieces.every((p) => p.length > 0)).toBe(true);
      // Two entries at once on the same worker (an archive's tables are): each gets its own pieces.
      const other = pieces.slice(0, 3).reverse();
      const [a, b] = await Promise.all([shared.deflatePieces(pieces, 6), shared.deflatePieces(other, 1)]);
      expect(a).toEqual(await deflatePiecesHere(pieces, 6));
      expect(b).toEqual(await deflatePiecesHere(other, 1));
    } finally {
      shared.close();
    }
  });

  it('deflates every piece here when no worker starts, and reports a worker that stops', async () => {
    vi.stubGlobal('Worker', WorkerThatCannotStart);
    const alone = await openPieceDeflater();
    expect(await alone.deflatePieces(pieces, 1)).toEqual(await deflatePiecesHere(pieces, 1));
    expect(sent.filter((s) => s.request.type === 'piece')).toEqual([]);

    vi.stubGlobal('Worker', WorkerThatStops);
    const stopping = await openPieceDeflater();
    await expect(stopping.deflatePieces(pieces, 1)).rejects.toThrow(/deflate worker stopped/);
  });
});
