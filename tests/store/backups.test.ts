// Automatic backups: what goes in, checking one, restoring one as a copy, and the scheduler
// that takes them after changes, when a project closes, and for changes a closed window left.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { exportArchive } from '../../renderer/store/archive';
import { startAutoBackup } from '../../renderer/store/autoBackup';
import {
  backupProject,
  checkBackup,
  listUnlistedBackups,
  restoreBackupAsCopy,
  type BackupFile,
  type BackupTarget,
} from '../../renderer/store/backups';
import { projectDb } from '../../renderer/store/projectDb';
import { createProject, deleteForever, deleteProject, listProjects } from '../../renderer/store/projects';
import { registry } from '../../renderer/store/registry';
import { createSampleProject } from '../../renderer/store/sampleProject';
import { freshRegistry } from './helpers';

beforeEach(() => freshRegistry());

/** The platform's backup store, in memory (the platform's own stores are tested in tests/electron). */
function memoryTarget(): BackupTarget & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  return {
    files,
    write(projectId, bytes, takenAt) {
      const fileName = `backup-${takenAt}.mirabal`;
      files.set(`${projectId}/${fileName}`, bytes.slice());
      return Promise.resolve({ fileName, size: bytes.byteLength, takenAt });
    },
    list(projectId) {
      const out: BackupFile[] = [];
      for (const [key, bytes] of files) {
        const [id, fileName] = key.split('/') as [string, string];
        if (id === projectId) out.push({ fileName, size: bytes.byteLength, takenAt: Number(/\d+/.exec(fileName)![0]) });
      }
      return Promise.resolve(out.sort((a, b) => b.takenAt - a.takenAt));
    },
    read(projectId, fileName) {
      const bytes = files.get(`${projectId}/${fileName}`);
      return bytes ? Promise.resolve(bytes) : Promise.reject(new Error(`The backup "${fileName}" is no longer there.`));
    },
    projects() {
      return Promise.resolve([...new Set([...files.keys()].map((key) => key.split('/')[0]!))].sort());
    },
    removeAll(projectId) {
      for (const key of [...files.keys()]) if (key.startsWith(`${projectId}/`)) files.delete(key);
      return Promise.resolve();
    },
  };
}

const settle = (ms = 30) => new Promise((r) => setTimeout(r, ms));

describe('a backup', () => {
  it('is the project archive; it checks out, and restores as a copy beside the original', async () => {
    const sample = await createSampleProject();
    const target = memoryTarget();
    const file = await backupProject(sample.id, target, 1_700_000_000_000);
    expect(target.files.get(`${sample.id}/${file.fileName}`)).toEqual(await exportArchive(sample.id));
    expect((await registry().projects.get(sample.id))?.lastBackupAt).toBe(1_700_000_000_000);
    const check = await checkBackup(sample.id, file.fileName, target);
    expect(check).toMatchObject({ ok: true, coders: 2 });
    expect(check.ok && check.transcripts).toBeGreaterThan(10);
    const copy = await restoreBackupAsCopy(sample.id, file, target, '5 Dec 2026, 11:30');
    expect(copy.name).toBe(`${sample.name} (backup of 5 Dec 2026, 11:30)`);
    expect(await exportArchive(copy.id)).toEqual(await exportArchive(sample.id));
    expect((await listProjects()).active.map((p) => p.id).sort()).toEqual([sample.id, copy.id].sort());
  });

  it('that fails its hashes is reported damaged, naming the entry, and cannot be restored', async () => {
    const project = await createProject('Pilot');
    await projectDb(project.id).meta.put({ key: 'redactions', value: [{ find: 'Ellie', replace: '[name]' }] });
    const target = memoryTarget();
    const file = await backupProject(project.id, target, 1_700_000_000_000);
    // One entry changed after the backup was written (its manifest hash untouched).
    const files = unzipSync(target.files.get(`${project.id}/${file.fileName}`)!);
    const meta = Object.keys(files).find((n) => n.includes('meta'))!;
    files[meta] = strToU8(strFromU8(files[meta]!).replace('Ellie', 'Ellen'));
    target.files.set(`${project.id}/${file.fileName}`, zipSync(files));
    const check = await checkBackup(project.id, file.fileName, target);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problem).toMatch(/backup-1700000000000\.mirabal.*meta/);
    const before = (await listProjects()).active.length;
    await expect(restoreBackupAsCopy(project.id, file, target, 'then')).rejects.toThrow();
    expect((await listProjects()).active.length).toBe(before);
  });

  it('that is gone is reported, not thrown', async () => {
    const project = await createProject('Pilot');
    await expect(checkBackup(project.id, 'backup-1.mirabal', memoryTarget())).resolves.toEqual({
      ok: false,
      problem: 'The backup "backup-1.mirabal" is no longer there.',
    });
  });
});

describe('backups of projects not listed', () => {
  it('are found when the project list lost them, with what they hold, and restore from the newest sound one', async () => {
    const project = await createProject('Pilot', { description: 'Pilot interviews, site A' });
    await projectDb(project.id).meta.put({ key: 'redactions', value: [{ find: 'Ellie', replace: '[name]' }] });
    const target = memoryTarget();
    await backupProject(project.id, target, 1_700_000_000_000);
    const newest = await backupProject(project.id, target, 1_700_000_100_000);
    expect(await listUnlistedBackups(target)).toEqual([]);

    // The newest backup damaged, and the project's entry lost (a wiped profile).
    const key = `${project.id}/${newest.fileName}`;
    target.files.set(key, target.files.get(key)!.slice(0, 100));
    await registry().projects.delete(project.id);
    const [found, ...more] = await listUnlistedBackups(target);
    expect(more).toEqual([]);
    expect(found).toMatchObject({
      projectId: project.id,
      newest: { fileName: 'backup-1700000000000.mirabal', description: 'Pilot interviews, site A', transcripts: 0, coders: 0 },
    });
    expect(found!.backups).toHaveLength(2);
    const restored = await restoreBackupAsCopy(project.id, found!.newest!, target, 'then');
    expect(restored.name).toBe('Recovered project (backup of then)');
    expect(await projectDb(restored.id).meta.get('redactions')).toMatchObject({ value: [{ find: 'Ellie' }] });
    // Found again while its backups stay, until the project is deleted for ever (with them).
    expect((await listUnlistedBackups(target)).map((f) => f.projectId)).toEqual([project.id]);
  });

  it('are deleted with a project deleted for ever, and never list a project in the bin', async () => {
    const project = await createProject('Pilot');
    const target = memoryTarget();
    await backupProject(project.id, target, 1_700_000_000_000);
    await deleteProject(project.id);
    expect(await listUnlistedBackups(target)).toEqual([]);
    await deleteForever(project.id, target);
    expect(target.files.size).toBe(0);
    expect(await listUnlistedBackups(target)).toEqual([]);
  });
});

describe('automatic backups', () => {
  const fast = { intervalMs: 0, quietMs: 0, maxWaitMs: 0 };

  it('are taken after a change, not when nothing changed, and once more when the project closes', async () => {
    const project = await createProject('Pilot');
    const target = memoryTarget();
    // A clock that never gives the same millisecond twice: a change in the very millisecond a
    // backup starts is rightly backed up again (it may have missed it), which made this flaky.
    let clock = Date.now();
    const auto = startAutoBackup(project.id, target, { schedule: fast, checkEveryMs: 10, now: () => (clock += 1) });
    await settle(60);
    expect(target.files.size).toBe(0); // opened, nothing changed
    await projectDb(project.id).meta.put({ key: 'quoteStyle', value: { first: 'change' } });
    await vitestWait(() => auto.status().lastBackupAt !== null && !auto.status().saving);
    expect(target.files.size).toBe(1);
    expect(auto.status()).toMatchObject({ unsavedSince: null, error: null });
    await settle(60);
    expect(target.files.size).toBe(1); // nothing new: no new backup
    await projectDb(project.id).meta.put({ key: 'quoteStyle', value: { second: 'change' } });
    await auto.stop(); // closing takes the last one at once
    expect(target.files.size).toBe(2);
    const newest = (await target.list(project.id))[0]!;
    expect(await target.read(project.id, newest.fileName)).toEqual(await exportArchive(project.id));
  });

  it('hear only their own project, and wait for the interval', async () => {
    const [a, b] = [await createProject('A'), await createProject('B')];
    const target = memoryTarget();
    const auto = startAutoBackup(a.id, target, { schedule: { ...fast, intervalMs: 60_000 }, checkEveryMs: 10 });
    await projectDb(b.id).meta.put({ key: 'quoteStyle', value: {} });
    await settle(60);
    expect(auto.status().unsavedSince).toBeNull();
    await projectDb(a.id).meta.put({ key: 'quoteStyle', value: {} });
    await vitestWait(() => target.files.size === 1); // the first backup needs no wait
    await projectDb(a.id).meta.put({ key: 'quoteStyle', value: { again: true } });
    await settle(80);
    expect(target.files.size).toBe(1); // the second waits for the interval
    expect(auto.status().unsavedSince).not.toBeNull();
    await auto.stop();
    expect(target.files.size).toBe(2);
  });

  it('remember a change a closed window did not back up, and back it up at the next start', async () => {
    const project = await createProject('Pilot');
    const failing: BackupTarget = { ...memoryTarget(), write: () => Promise.reject(new Error('The disk is full.')) };
    const first = startAutoBackup(project.id, failing, { schedule: fast, checkEveryMs: 10 });
    await projectDb(project.id).meta.put({ key: 'quoteStyle', value: { unsaved: true } });
    await vitestWait(() => first.status().error === 'The disk is full.');
    await expect(first.stop()).rejects.toThrow('The disk is full.');
    expect((await registry().projects.get(project.id))?.unsavedSince).toBeTypeOf('number');
    const target = memoryTarget();
    const second = startAutoBackup(project.id, target, { schedule: fast, checkEveryMs: 10 });
    await vitestWait(() => target.files.size === 1);
    // The mark is cleared just after the file is written: wait for it rather than race it.
    await vi.waitFor(async () => expect((await registry().projects.get(project.id))?.unsavedSince).toBeUndefined(), { timeout: 5000 });
    await second.stop();
    expect(target.files.size).toBe(1);
  });
});

async function vitestWait(ok: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await settle(10);
  }
}
