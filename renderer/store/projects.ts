// Creating, listing, renaming and deleting projects. A project is a registry entry plus its
// own database; deletion is soft (to a bin) until the researcher deletes it forever.
import Dexie from 'dexie';
import { DEFAULT_ROLES, DEFAULT_WAVES, uniqueName, ValidationError } from '../core/shared';
import { closeProjectDb, projectDb, type ProjectDb } from './projectDb';
import { checkSpace, inWords, type SpaceNeed } from './space';
import { projectDbName, registry, type ProjectEntry } from './registry';

export function validateProjectName(name: string, others: readonly ProjectEntry[], selfId?: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (!trimmed) throw new ValidationError('A project needs a name.');
  if (trimmed.length > 120) throw new ValidationError('A project name can be at most 120 characters.');
  const clash = others.find((p) => p.id !== selfId && p.deletedAt == null && p.name.toLowerCase() === trimmed.toLowerCase());
  if (clash) throw new ValidationError(`A project called "${clash.name}" already exists.`);
  return trimmed;
}

export async function listProjects(): Promise<{ active: ProjectEntry[]; deleted: ProjectEntry[] }> {
  // A project still being written (or cut off by a crash) is not a project yet.
  const all = (await registry().projects.toArray()).filter((p) => !p.incomplete);
  const byRecent = (a: ProjectEntry, b: ProjectEntry) =>
    (b.openedAt ?? b.createdAt) - (a.openedAt ?? a.createdAt) || a.name.localeCompare(b.name);
  return {
    active: all.filter((p) => p.deletedAt == null).sort(byRecent),
    deleted: all.filter((p) => p.deletedAt != null).sort((a, b) => (b.deletedAt ?? 0) - (a.deletedAt ?? 0)),
  };
}

/**
 * An import or a restore, all or nothing, even when the page is killed halfway: the entry is
 * written marked incomplete (unlisted), then `write` fills the project's database, then the
 * mark is cleared in one last write. A failure removes both; a crash leaves a marked entry
 * that `sweepIncompleteProjects` removes at the next start. When the estimate says `space`
 * cannot fit, nothing is written at all; a write that runs out of room is undone and reported
 * in words (store/space.ts).
 */
export async function createProjectAtomically(
  entry: Omit<ProjectEntry, 'incomplete'>,
  write: () => Promise<void>,
  check: (others: ProjectEntry[]) => void = () => {},
  space: SpaceNeed = { what: 'this project' },
): Promise<ProjectEntry> {
  await checkSpace(space);
  const reg = registry();
  // `check` sees the other entries in the transaction that adds this one (a name two windows race for).
  try {
    await reg.transaction('rw', reg.projects, async () => {
      check(await reg.projects.toArray());
      await reg.projects.add({ ...entry, incomplete: true });
    });
  } catch (error) {
    throw await inWords(error, space); // even the entry did not fit: nothing was written
  }
  try {
    await write();
  } catch (error) {
    closeProjectDb(entry.id);
    await Dexie.delete(projectDbName(entry.id));
    await reg.projects.delete(entry.id);
    throw await inWords(error, space);
  }
  await reg.projects.update(entry.id, { incomplete: undefined });
  return { ...entry };
}

/**
 * Removes projects an import or restore left unfinished (the page closed or crashed halfway).
 * Only those older than `graceMs`: another window may be writing one right now.
 */
export async function sweepIncompleteProjects(now = Date.now(), graceMs = 10 * 60 * 1000): Promise<number> {
  const stale = (await registry().projects.toArray()).filter((p) => p.incomplete && now - p.updatedAt > graceMs);
  for (const p of stale) {
    closeProjectDb(p.id);
    await Dexie.delete(projectDbName(p.id));
    await registry().projects.delete(p.id);
  }
  return stale.length;
}

/**
 * A new project: its default waves, roles and attribute list, then whatever `fill` writes
 * (a codebook, the sample study), all or nothing like an import: listed only once all is written.
 */
export async function createProject(
  name: string,
  options: { description?: string; isSample?: boolean; fill?: (db: ProjectDb) => Promise<void> } = {},
): Promise<ProjectEntry> {
  const now = Date.now();
  const entry: ProjectEntry = {
    id: crypto.randomUUID(),
    name: validateProjectName(name, []), // against the other names below, in the transaction that adds it
    description: options.description ?? '',
    createdAt: now,
    updatedAt: now,
    openedAt: null,
    isSample: options.isSample ?? false,
    deletedAt: null,
  };
  return createProjectAtomically(
    entry,
    async () => {
      const db = projectDb(entry.id);
      await db.transaction('rw', [db.meta, db.waves, db.history], async () => {
        await db.waves.bulkAdd(DEFAULT_WAVES.map((w) => ({ ...w })));
        await db.meta.bulkPut([
          { key: 'roles', value: DEFAULT_ROLES.map((r) => ({ ...r })) },
          { key: 'attributeDefs', value: [] },
          { key: 'createdAt', value: now },
        ]);
        await db.history.add({ at: now, actor: '', action: 'project.create', summary: `Created project "${entry.name}"`, undoable: false });
      });
      await options.fill?.(db);
    },
    // An unfinished entry is nobody's project yet: its name is free (as for imports).
    (others) =>
      validateProjectName(
        name,
        others.filter((p) => !p.incomplete),
      ),
    { what: options.isSample ? 'the sample project' : 'this project' },
  );
}

export async function renameProject(id: string, name: string): Promise<ProjectEntry> {
  const reg = registry();
  return reg.transaction('rw', reg.projects, async () => {
    const entry = await reg.projects.get(id);
    if (!entry) throw new ValidationError('That project no longer exists.');
    const clean = validateProjectName(
      name,
      (await reg.projects.toArray()).filter((p) => !p.incomplete),
      id,
    );
    const updated = { ...entry, name: clean, updatedAt: Date.now() };
    await reg.projects.put(updated);
    return updated;
  });
}

export async function markOpened(id: string): Promise<void> {
  await registry().projects.update(id, { openedAt: Date.now() });
}

/** Moves a project to the bin; its data stays until deleteForever. */
export async function deleteProject(id: string): Promise<void> {
  await registry().projects.update(id, { deletedAt: Date.now() });
}

export async function restoreProject(id: string): Promise<ProjectEntry> {
  const reg = registry();
  return reg.transaction('rw', reg.projects, async () => {
    const entry = await reg.projects.get(id);
    if (!entry) throw new ValidationError('That project no longer exists.');
    const others = (await reg.projects.toArray()).filter((p) => p.id !== id && p.deletedAt == null);
    const name = uniqueName(
      entry.name,
      others.map((p) => p.name),
    );
    const restored = { ...entry, name, deletedAt: null };
    await reg.projects.put(restored);
    return restored;
  });
}

/**
 * Deletes a project in the bin for ever: its database, its entry, and its automatic backups
 * (`backups`, the platform's store where there is one), which hold the same testimony.
 */
export async function deleteForever(id: string, backups: { removeAll(projectId: string): Promise<void> } | null = null): Promise<void> {
  const entry = await registry().projects.get(id);
  if (!entry || entry.deletedAt == null) throw new ValidationError('Only a project in the bin can be deleted for ever.');
  closeProjectDb(id);
  await Dexie.delete(projectDbName(id));
  await registry().projects.delete(id);
  await backups?.removeAll(id);
}

export async function getProject(id: string): Promise<ProjectEntry | undefined> {
  return registry().projects.get(id);
}
