// A new project made of a read .qdpx, as it is (ids are the file's GUIDs), whole or not at
// all. Its own module so the .qdpx worker can write it (store/qdpxWorker.ts): at ten times the
// study the window's thread then never holds the 400,000 codings it would otherwise copy.
import { DEFAULT_ROLES, estimateSnapshotSize, type ProjectSnapshot, uniqueName } from '../core/shared';
import { toCodingSets } from './codingSets';
import { projectDb } from './projectDb';
import { toSourceContent, toSourceMeta } from './projectRepo';
import { createProjectAtomically, listProjects, validateProjectName } from './projects';
import type { ProjectEntry } from './registry';

/**
 * Writes in batches, up to IN_FLIGHT transactions at a time: this thread copies the next
 * batch's records while IndexedDB commits the last (one at a time, the thread waited on each).
 */
async function inBatches<T>(rows: readonly T[], size: number, write: (batch: T[]) => Promise<unknown>, done?: () => void): Promise<void> {
  const writing: Promise<unknown>[] = [];
  try {
    for (let i = 0; i < rows.length; i += size) {
      const batch = write(rows.slice(i, i + size)).then(() => done?.());
      batch.catch(() => {}); // awaited below; marked handled while an earlier one is awaited
      writing.push(batch);
      if (writing.length >= IN_FLIGHT) await writing.shift();
    }
    await Promise.all(writing);
  } catch (error) {
    // The others settled first: the half-made project is removed only once nothing writes to it.
    await Promise.allSettled(writing);
    throw error;
  }
}

const IN_FLIGHT = 3;

const SOURCE_BATCH = 50;
const SET_BATCH = 100;

/** Batches written of all (the transcripts' and the codings'), as they are written. */
export type CreateProgress = (done: number, total: number) => void;

/**
 * A new project holding the imported snapshot as it is (ids are the file's GUIDs). If any
 * write fails the half-made project is removed, so the projects list is as it was.
 */
export async function createProjectFromSnapshot(
  snapshot: ProjectSnapshot,
  fileName: string,
  actor = '',
  onProgress?: CreateProgress,
): Promise<ProjectEntry> {
  const { active } = await listProjects();
  const fallback = fileName.replace(/\.[^.]+$/, '') || 'Imported project';
  let base = snapshot.name?.trim() || fallback;
  try {
    validateProjectName(base, []);
  } catch {
    base = fallback.slice(0, 100);
  }
  const name = uniqueName(
    base,
    active.map((p) => p.name),
    (b, n) => `${b} ${n}`,
  );
  const now = Date.now();
  const entry: ProjectEntry = {
    id: crypto.randomUUID(),
    name: validateProjectName(name, active),
    description: `Imported from ${fileName}`,
    createdAt: now,
    updatedAt: now,
    openedAt: null,
    isSample: false,
    deletedAt: null,
  };
  // All or nothing, also if the window is closed halfway (store/projects.ts).
  const space = { what: 'this import', neededBytes: estimateSnapshotSize(snapshot) };
  return createProjectAtomically(
    entry,
    async () => {
      const db = projectDb(entry.id);
      await db.transaction('rw', [db.meta, db.waves, db.participants, db.codes, db.coders, db.memos, db.history], async () => {
        await db.waves.bulkAdd(snapshot.waves.map((w, order) => ({ ...w, order })));
        await db.meta.bulkPut([
          { key: 'roles', value: snapshot.roles ?? DEFAULT_ROLES.map((r) => ({ ...r })) },
          { key: 'attributeDefs', value: snapshot.attributeDefs ?? [] },
          { key: 'sets', value: snapshot.sets ?? [] },
          { key: 'createdAt', value: now },
        ]);
        await db.participants.bulkAdd(snapshot.participants);
        await db.codes.bulkAdd(snapshot.codes);
        await db.coders.bulkAdd(snapshot.coders);
        await db.memos.bulkAdd(snapshot.memos ?? []);
        await db.history.add({
          at: now,
          actor,
          action: 'project.importFile',
          summary: `Imported ${fileName}: ${snapshot.sources.length} transcript(s), ${snapshot.codes.length} code(s), ${snapshot.codings.length} coding(s)`,
          undoable: false,
          data: { fileName },
        });
      });
      // The transcripts and codings in transactions of a few megabytes: the whole import of ten
      // times the study (311 MB of text, 400,000 codings) in one transaction took Chromium 46 s,
      // 35 s in pieces (written from the .qdpx worker instead: 35 s too, so here). The project is
      // listed only once all is written (createProjectAtomically), so it is still all or nothing.
      // Each write also copies its records on this thread: small batches keep the window
      // responsive.
      const codingSets = toCodingSets(snapshot.codings);
      const total = Math.ceil(snapshot.sources.length / SOURCE_BATCH) + Math.ceil(codingSets.length / SET_BATCH);
      let done = 0;
      const step = onProgress && (() => onProgress(++done, total));
      await inBatches(
        snapshot.sources,
        SOURCE_BATCH,
        (batch) =>
          db.transaction('rw', db.sources, db.sourceContent, async () => {
            await db.sources.bulkAdd(batch.map(toSourceMeta));
            await db.sourceContent.bulkAdd(batch.map(toSourceContent));
          }),
        step,
      );
      await inBatches(codingSets, SET_BATCH, (batch) => db.codingSets.bulkAdd(batch), step);
    },
    undefined,
    space,
  );
}
