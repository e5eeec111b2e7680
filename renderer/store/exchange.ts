// Projects in and out as whole files (.qdpx): the snapshot an export is made from, a new
// project made from an imported file, and another coder's work merged into an open project.
// Each import happens whole or not at all.
import type { AppOnlyWork, MergePlan } from '../core/merge';
import { estimateStoredSize, live, type ProjectSnapshot } from '../core/shared';
import { givenAnswers } from '../core/surveys';
import { actionTables, applyAction } from './actions';
import type { ProjectDb } from './projectDb';
import { toSourceContent, toSourceMeta } from './projectRepo';
import { loadQuoteConfig } from './quoteStore';
import { snapshotForExport } from './qdpxExport';
import { registry } from './registry';
import { withSpace } from './space';

export { createProjectFromSnapshot } from './projectFromSnapshot';

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
