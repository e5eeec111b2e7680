// A full disk or quota, in words and with nothing half-written: an import that the estimate
// says cannot fit is refused before anything is written; one that runs out of room halfway is
// undone and reported as "N MB needed, M MB free", never as IndexedDB's QuotaExceededError.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildImport, planBatch, type PreparedFile } from '../../renderer/core/transcripts/batch';
import { errorMessage, StorageFullError } from '../../renderer/core/shared';
import { exportArchive, importArchive } from '../../renderer/store/archive';
import { backupProject } from '../../renderer/store/backups';
import { createProjectFromSnapshot } from '../../renderer/store/exchange';
import { projectDb } from '../../renderer/store/projectDb';
import { commitImport, listSources, loadSetup } from '../../renderer/store/projectRepo';
import { createProject, listProjects } from '../../renderer/store/projects';
import { registry } from '../../renderer/store/registry';
import { applyAction } from '../../renderer/store/actions';
import { created } from '../../renderer/core/shared/changes';
import { smallProject } from '../fixtures/snapshots';
import { freshRegistry } from './helpers';

const MB = 1024 * 1024;

/** The browser's estimate: `free` bytes left of the quota. */
function stubEstimate(free: number): void {
  vi.stubGlobal('navigator', { storage: { estimate: async () => ({ usage: 500 * MB, quota: 500 * MB + free }) } });
}

/** IndexedDB runs out of room at the `after`-th write from now on (fake-indexeddb's store). */
function quotaAfter(after: number): void {
  let writes = 0;
  for (const method of ['add', 'put'] as const) {
    const original = IDBObjectStore.prototype[method];
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['add']>
    ) {
      writes += 1;
      if (writes > after) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    });
  }
}

function preparedFile(name: string, text: string): PreparedFile {
  return { fileName: name, sha256: name.padEnd(64, '0'), text, turns: [], warnings: [] } as unknown as PreparedFile;
}

beforeEach(() => {
  freshRegistry();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('storage full', () => {
  it('refuses a .qdpx import the estimate says cannot fit, before writing anything, with the sizes in words', async () => {
    const snapshot = smallProject();
    snapshot.sources[0]!.text += ' padding'.repeat(400_000); // about 3 MB of text
    stubEstimate(1 * MB);
    const adds = vi.spyOn(IDBObjectStore.prototype, 'add');
    const error = await createProjectFromSnapshot(snapshot, 'Study.qdpx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect(errorMessage(error)).toMatch(
      /^There is not enough space to store this import: 3\.\d MB needed, 1 MB free\. Nothing was saved\./,
    );
    expect(adds).not.toHaveBeenCalled();
    expect(await registry().projects.count()).toBe(0);
  });

  it('undoes an import that runs out of room halfway, lists no project, and says so in words', async () => {
    // The estimate says there is room, yet the write runs out: the free figure is left out rather than contradict it.
    stubEstimate(200 * MB);
    quotaAfter(8);
    const error = await createProjectFromSnapshot(smallProject(), 'Study.qdpx').catch((e: unknown) => e);
    vi.restoreAllMocks();
    expect(error).toBeInstanceOf(StorageFullError);
    expect(errorMessage(error)).toMatch(/^There is not enough space to store this import: \d+ KB needed\. Nothing was saved\./);
    expect(errorMessage(error)).not.toMatch(/Quota|Dexie|Abort/);
    expect(await registry().projects.count()).toBe(0);
    expect((await listProjects()).active).toEqual([]);
  });

  it('undoes an archive restore that runs out of room, and names the archive', async () => {
    const project = await createProjectFromSnapshot(smallProject(), 'Study.qdpx');
    const bytes = await exportArchive(project.id);
    stubEstimate(50 * MB);
    quotaAfter(3);
    const error = await importArchive(bytes, 'Study.mirabal').catch((e: unknown) => e);
    vi.restoreAllMocks();
    expect(errorMessage(error)).toMatch(/^There is not enough space to store this archive: \d+ KB needed\. Nothing was saved\./);
    expect((await listProjects()).active.map((p) => p.id)).toEqual([project.id]);
  });

  it('writes none of a batch of transcripts that does not fit', async () => {
    const entry = await createProject('Study');
    const db = projectDb(entry.id);
    const setup = await loadSetup(db);
    const files = [preparedFile('P01 T1.txt', 'Hello there. '.repeat(10)), preparedFile('P02 T1.txt', 'And again. '.repeat(10))];
    const batch = buildImport(
      planBatch(files, { participants: setup.participants, sources: [], waves: setup.waves }),
      {},
      setup.participants,
      () => crypto.randomUUID(),
      1,
    );
    stubEstimate(300 * MB);
    quotaAfter(3);
    const error = await commitImport(db, batch).catch((e: unknown) => e);
    vi.restoreAllMocks();
    expect(errorMessage(error)).toMatch(/^There is not enough space to store these 2 transcripts: \d+ KB needed\. Nothing was saved\./);
    expect(await listSources(db)).toEqual([]);
    expect(await db.participants.count()).toBe(0);
  });

  it('says a full disk in words for an ordinary edit, and for a backup with its size', async () => {
    const entry = await createProjectFromSnapshot(smallProject(), 'Study.qdpx');
    const db = projectDb(entry.id);
    quotaAfter(0);
    const code = {
      id: crypto.randomUUID(),
      name: 'New code',
      parentId: null,
      colour: '#888888',
      description: '',
      inclusion: '',
      exclusion: '',
      examples: '',
      order: 99,
      createdAt: 1,
      updatedAt: 1,
      deletedAt: null,
    };
    const edit = await applyAction(db, { label: 'Add code', changes: [created('codes', code)] }).catch((e: unknown) => e);
    vi.restoreAllMocks();
    expect(errorMessage(edit)).toMatch(/^There is not enough space to store this change\. Nothing was saved\./);

    stubEstimate(1024);
    const full = {
      write: async () => Promise.reject(new DOMException('quota', 'QuotaExceededError')),
      list: async () => [],
      read: async () => new Uint8Array(),
      projects: async () => [],
      removeAll: async () => undefined,
    };
    const backup = await backupProject(entry.id, full).catch((e: unknown) => e);
    expect(errorMessage(backup)).toMatch(/^There is not enough space to store a backup: \d+ KB needed, 1 KB free\./);
  });
});
