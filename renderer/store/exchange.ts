// Projects in and out as whole files (.qdpx): the snapshot an export is made from, a new
// project made from an imported file, and another coder's work merged into an open project.
// Each import happens whole or not at all.
import type { AppOnlyWork, MergePlan } from '../core/merge';
import { DEFAULT_ROLES, estimateSnapshotSize, estimateStoredSize, live, type ProjectSnapshot, uniqueName } from '../core/shared';
import { givenAnswers } from '../core/surveys';
import { actionTables, applyAction } from './actions';
import { projectDb, type ProjectDb } from './projectDb';
import { toCodingSets } from './codingSets';
import { toSourceContent, toSourceMeta } from './projectRepo';
import { loadQuoteConfig } from './quoteStore';
import { snapshotForExport } from './qdpxExport';
import { createProjectAtomically, listProjects, validateProjectName } from './projects';
import { type ProjectEntry, registry } from './registry';
import { withSpace } from './space';

/** Everything an export carries, including the project's name, roles and attribute columns. */
export async function exportSnapshot(db: ProjectDb): Promise<ProjectSnapshot> {
  const entry = await registry().projects.get(db.projectId);
  return snapshotForExport(db, entry?.name);
}

/** The project's work a .qdpx does not carry (core/exportLeftBehind), read for the export preview. */
export async function loadAppOnlyWork(db: ProjectDb): Promise<AppOnlyWork> {
  const [frameworkCells, decisions, basketItems, quotes, timePoints, items, answerSets] = await Promise.all([
    db.frameworkCells.toArray(),
    db.decisions.toArray(),
    db.basketItems.toArray(),
    loadQuoteConfig(db),
    db.surveyTimePoints.toArray(),
    db.surveyItems.toArray(),
    db.surveyAnswers.toArray(),
  ]);
  const given = answerSets.map(givenAnswers);
  const survey = {
    answers: given.reduce((a, b) => a + b, 0),
    people: given.filter((n) => n > 0).length,
    items: live(items).length,
    timePoints: live(timePoints).length,
  };
  return { frameworkCells, decisions, basketItems, redactions: quotes.redactions, quoteSettings: quotes.settings, survey };
}

/** A file-safe name for exports: "Project Mirabal (sample).qdpx". */
export function exportFileName(name: string, extension: string): string {
  const safe =
    name
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || 'project';
  return `${safe}.${extension}`;
}

async function inBatches<T>(rows: readonly T[], size: number, write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/**
 * A new project holding the imported snapshot as it is (ids are the file's GUIDs). If any
 * write fails the half-made project is removed, so the projects list is as it was.
 */
export async function createProjectFromSnapshot(snapshot: ProjectSnapshot, fileName: string, actor = ''): Promise<ProjectEntry> {
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
      await inBatches(snapshot.sources, 50, (batch) =>
        db.transaction('rw', db.sources, db.sourceContent, async () => {
          await db.sources.bulkAdd(batch.map(toSourceMeta));
          await db.sourceContent.bulkAdd(batch.map(toSourceContent));
        }),
      );
      await inBatches(codingSets, 100, (batch) => db.codingSets.bulkAdd(batch));
    },
    undefined,
    space,
  );
}

/**
 * Writes a merge plan (core/projectMerge) in one transaction: new participants and
 * transcripts, then the codes, coders, codings and memos as one undoable action.
 */
export async function commitMerge(db: ProjectDb, plan: MergePlan, fileName: string, actor = ''): Promise<void> {
  const tables = [db.participants, db.sources, db.sourceContent, ...actionTables(db)];
  const need = { what: 'this import', neededBytes: estimateStoredSize(plan) };
  await withSpace(need, () =>
    db.transaction('rw', tables, async () => {
      if (plan.newParticipants.length) await db.participants.bulkAdd(plan.newParticipants);
      if (plan.newSources.length) {
        await db.sources.bulkAdd(plan.newSources.map(toSourceMeta));
        await db.sourceContent.bulkAdd(plan.newSources.map(toSourceContent));
        await db.history.add({
          at: Date.now(),
          actor,
          action: 'sources.importFile',
          summary: `Added ${plan.newSources.length} transcript(s) from ${fileName}`,
          undoable: false,
          data: { fileName, sourceIds: plan.newSources.map((s) => s.id) },
        });
      }
      await applyAction(db, plan.action, actor);
    }),
  );
}
