// The .qdpx and archive workers from the window's side, with stand-in workers (Node has none): a
// file's bytes are moved to a worker that has started, not copied (112 MB copied stopped the
// window for most of a second at ten times the study), and read here, intact, when the worker
// cannot start.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeQdpx } from '../../renderer/io/qdpx';
import { ArchiveRestorer } from '../../renderer/store/archiveOffThread';
import { CURRENT_SCHEMA_VERSION, exportArchive } from '../../renderer/store/archive';
import type { ArchiveWorkerReply, ArchiveWorkerRequest } from '../../renderer/store/archiveWorker';
import type { QdpxReply, QdpxRequest } from '../../renderer/store/qdpxWorker';
import { createSampleProject } from '../../renderer/store/sampleProject';
import { freshRegistry } from './helpers';
import { QdpxImporter, readQdpxOffThread } from '../../renderer/store/qdpxOffThread';
import { smallProject } from '../fixtures/snapshots';

type Request = QdpxRequest | ArchiveWorkerRequest;
type Reply = QdpxReply | ArchiveWorkerReply;

/** What a stand-in worker was sent, with what was moved rather than copied. */
const sent: { request: Request; moved: Transferable[] }[] = [];

/** A worker that answers as the real one would, from `answer`. */
function workerAnswering(answer: (request: Request) => Reply) {
  return class {
    onmessage: ((event: { data: Reply }) => void) | null = null;
    onerror: ((event: { preventDefault(): void }) => void) | null = null;
    postMessage(request: Request, moved: Transferable[] = []) {
      sent.push({ request, moved });
      // As a message is: the moved buffer is left empty here.
      for (const buffer of moved) structuredClone(buffer, { transfer: [buffer as ArrayBuffer] });
      queueMicrotask(() => this.onmessage?.({ data: answer(request) }));
    }
    terminate() {}
  };
}

/** A worker whose script cannot load: an error event for the first message. */
class WorkerThatCannotStart {
  onmessage: unknown = null;
  onerror: ((event: { preventDefault(): void }) => void) | null = null;
  postMessage(request: Request, moved: Transferable[] = []) {
    sent.push({ request, moved });
    queueMicrotask(() => this.onerror?.({ preventDefault() {} }));
  }
  terminate() {}
}

afterEach(() => {
  vi.unstubAllGlobals();
  sent.length = 0;
});

describe('a .qdpx read off the main thread', () => {
  it('moves the bytes to a worker once it has answered, not before', async () => {
    const project = smallProject();
    vi.stubGlobal(
      'Worker',
      workerAnswering((request) =>
        request.type === 'ready' ? { type: 'ready' } : { type: 'read', project: { ...project, sources: [], codings: [] }, warnings: [] },
      ),
    );
    const bytes = await writeQdpx(project);
    const buffer = bytes.buffer;
    await readQdpxOffThread(bytes, 'small.qdpx');
    expect(sent.map((s) => s.request.type)).toEqual(['ready', 'read']);
    expect(sent[0]!.moved).toEqual([]);
    expect(sent[1]!.moved).toEqual([buffer]);
    expect(bytes.length).toBe(0); // moved: nothing left here
  });

  it('copies bytes that are part of a larger buffer (moving it would empty the rest)', async () => {
    vi.stubGlobal(
      'Worker',
      workerAnswering((request) =>
        request.type === 'ready' ? { type: 'ready' } : { type: 'readToCreate', preview: {} as never, warnings: [] },
      ),
    );
    const file = await writeQdpx(smallProject());
    const larger = new Uint8Array(file.length + 10);
    larger.set(file, 10);
    const bytes = larger.subarray(10);
    const importer = new QdpxImporter();
    await importer.read(bytes, 'small.qdpx');
    importer.close();
    expect(sent.map((s) => [s.request.type, s.moved.length])).toEqual([
      ['ready', 0],
      ['readToCreate', 0],
    ]);
    expect(bytes.length).toBe(file.length);
  });

  it('reads here, the bytes intact, when the worker cannot start', async () => {
    vi.stubGlobal('Worker', WorkerThatCannotStart);
    const project = smallProject();
    const bytes = await writeQdpx(project);
    const { project: read } = await readQdpxOffThread(bytes, 'small.qdpx');
    expect(read.sources.map((s) => s.title)).toEqual(project.sources.map((s) => s.title));
    const importer = new QdpxImporter();
    const { preview } = await importer.read(bytes, 'small.qdpx');
    importer.close();
    expect(preview.sources).toBe(project.sources.length);
    expect(sent.every((s) => s.request.type === 'ready' && s.moved.length === 0)).toBe(true);
  });
});

describe('an archive read off the main thread', () => {
  it('moves the bytes to the archive worker once it has answered, and reads them here, intact, when it cannot start', async () => {
    freshRegistry();
    const bytes = await exportArchive((await createSampleProject()).id);
    const kept = bytes.slice();
    vi.stubGlobal('Worker', WorkerThatCannotStart);
    const here = new ArchiveRestorer();
    const summary = await here.read(bytes, 'Pilot.mirabal', CURRENT_SCHEMA_VERSION);
    here.close();
    expect(summary.transcripts).toBe(12);
    expect(bytes).toEqual(kept);

    vi.stubGlobal(
      'Worker',
      workerAnswering((request) => (request.type === 'ready' ? { type: 'ready' } : { type: 'read', summary })),
    );
    const buffer = bytes.buffer;
    const there = new ArchiveRestorer();
    expect(await there.read(bytes, 'Pilot.mirabal', CURRENT_SCHEMA_VERSION)).toEqual(summary);
    there.close();
    expect(sent.slice(1).map((s) => [s.request.type, s.moved])).toEqual([
      ['ready', []],
      ['read', [buffer]],
    ]);
    expect(bytes.length).toBe(0);
  });
});
