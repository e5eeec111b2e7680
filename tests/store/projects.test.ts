import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { projectDb } from '../../renderer/store/projectDb';
import { loadSetup } from '../../renderer/store/projectRepo';
import {
  createProject,
  deleteForever,
  deleteProject,
  listProjects,
  markOpened,
  renameProject,
  restoreProject,
} from '../../renderer/store/projects';
import { projectDbName, registry } from '../../renderer/store/registry';
import { createSampleProject } from '../../renderer/store/sampleProject';
import { freshRegistry } from './helpers';

beforeEach(() => {
  freshRegistry();
});

describe('projects', () => {
  it('creates a project with the default waves and roles in its own database', async () => {
    const p = await createProject('  Mirabal   follow-up ');
    expect(p.name).toBe('Mirabal follow-up');
    const setup = await loadSetup(projectDb(p.id));
    expect(setup.waves.map((w) => w.label)).toEqual(['Time 1', 'Time 2']);
    expect(setup.roles.map((r) => r.id)).toEqual(['man', 'woman', 'staff', 'child', 'stakeholder']);
    expect(await Dexie.exists(projectDbName(p.id))).toBe(true);
  });

  it('keeps several projects side by side, most recently opened first', async () => {
    const a = await createProject('A');
    const b = await createProject('B');
    await markOpened(a.id);
    const { active } = await listProjects();
    expect(active.map((p) => p.name)).toEqual(['A', 'B']);
    expect(b.id).not.toBe(a.id);
  });

  it('refuses empty and duplicate names, changing nothing', async () => {
    await createProject('Study');
    await expect(createProject('  ')).rejects.toThrow(/needs a name/);
    await expect(createProject('study')).rejects.toThrow(/already exists/);
    expect((await listProjects()).active).toHaveLength(1);
  });

  it('renames', async () => {
    const p = await createProject('Old');
    await createProject('Taken');
    await expect(renameProject(p.id, 'taken')).rejects.toThrow(/already exists/);
    expect((await renameProject(p.id, 'New')).name).toBe('New');
  });

  it('deletes softly to the bin, restores, and deletes for ever', async () => {
    const p = await createProject('Gone');
    await deleteProject(p.id);
    let lists = await listProjects();
    expect(lists.active).toHaveLength(0);
    expect(lists.deleted.map((x) => x.name)).toEqual(['Gone']);
    expect(await Dexie.exists(projectDbName(p.id))).toBe(true);

    await createProject('Gone');
    const restored = await restoreProject(p.id);
    expect(restored.name).toBe('Gone (2)');

    const q = await createProject('Bye');
    await expect(deleteForever(q.id)).rejects.toThrow(/in the bin/);
    await deleteProject(q.id);
    await deleteForever(q.id);
    lists = await listProjects();
    expect(lists.deleted).toHaveLength(0);
    expect(await Dexie.exists(projectDbName(q.id))).toBe(false);
  });

  // A page killed while a new project is written (tests/e2e/killed.test.ts) must leave no half
  // project listed: the sample without its transcripts, a project without its codebook.
  it('lists a new project only once its fill is written; a failed fill leaves no entry and no database', async () => {
    let seenDuringFill: unknown[] = [];
    const p = await createProject('Study', {
      fill: async (db) => {
        await db.meta.put({ key: 'filled', value: true });
        seenDuringFill = (await listProjects()).active;
      },
    });
    expect(seenDuringFill).toEqual([]);
    expect((await listProjects()).active.map((x) => x.id)).toEqual([p.id]);
    expect((await registry().projects.get(p.id))?.incomplete).toBeUndefined();
    expect((await projectDb(p.id).meta.get('filled'))?.value).toBe(true);

    const databases = async () => (await Dexie.getDatabaseNames()).filter((n) => n.startsWith('mirabal-project-')).sort();
    const before = await databases();
    await expect(
      createProject('Other', {
        fill: async () => {
          throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    expect((await registry().projects.toArray()).map((x) => x.name)).toEqual(['Study']);
    expect(await databases()).toEqual(before);
  });

  it('the sample study is listed only once all its transcripts and codings are in', async () => {
    const listedMeanwhile: number[] = [];
    const polling = setInterval(() => void listProjects().then((l) => listedMeanwhile.push(l.active.length)), 0);
    const sample = await createSampleProject().finally(() => clearInterval(polling));
    expect(listedMeanwhile.length).toBeGreaterThan(0);
    expect(listedMeanwhile.every((n) => n === 0)).toBe(true);
    const db = projectDb(sample.id);
    expect(await db.sources.count()).toBe(12);
    expect(await db.codingSets.count()).toBeGreaterThan(0);
    expect((await listProjects()).active.map((x) => x.id)).toEqual([sample.id]);
  });

  it('a name held only by an unfinished entry (an import cut off) is free', async () => {
    await registry().projects.add({
      id: 'cut',
      name: 'Study',
      description: '',
      createdAt: 1,
      updatedAt: 1,
      openedAt: null,
      isSample: false,
      deletedAt: null,
      incomplete: true,
    });
    expect((await createProject('Study')).name).toBe('Study');
  });
});
