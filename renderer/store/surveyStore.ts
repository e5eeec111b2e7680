// The survey's records for the views (schema 10): time points, items and answer sets, an
// accepted import written as one undoable step, and the quotes a researcher chose for the joint
// displays (kept in `meta`, sealed like every record of an encrypted project).
import { live, ValidationError, type SurveyAnswerSet, type SurveyItem, type SurveyTimePoint } from '../core/shared';
import { surveyImportAction, type SurveyImportPlan } from '../core/surveys';
import { applyAction } from './actions';
import type { ProjectDb } from './projectDb';

export interface SurveyRecords {
  /** Live time points in order. */
  timePoints: SurveyTimePoint[];
  /** Live items in order. */
  items: SurveyItem[];
  /** Every answer set, as stored (the import merges into them). */
  answerSets: SurveyAnswerSet[];
}

export async function loadSurvey(db: ProjectDb): Promise<SurveyRecords> {
  return db.transaction('r', [db.surveyTimePoints, db.surveyItems, db.surveyAnswers], async () => {
    const [timePoints, items, answerSets] = await Promise.all([
      db.surveyTimePoints.toArray(),
      db.surveyItems.toArray(),
      db.surveyAnswers.toArray(),
    ]);
    return {
      timePoints: live(timePoints).sort((a, b) => a.order - b.order),
      items: live(items).sort((a, b) => (a.order ?? 0) - (b.order ?? 0)),
      answerSets,
    };
  });
}

/**
 * Writes an accepted import as one undoable step: refused, with nothing written, while the plan
 * still has errors or rows whose participant is not settled. The answer sets it merges into are
 * read just before: one changed meanwhile (another window) makes the write refuse as stale,
 * changing nothing, rather than overwrite the change.
 */
export async function commitSurveyImport(db: ProjectDb, plan: SurveyImportPlan, fileName: string, actor = ''): Promise<void> {
  if (plan.errors.length)
    throw new ValidationError(`${fileName}: fix the ${plan.errors.length} problem(s) listed first; nothing was imported.`);
  if (plan.unmatched.length)
    throw new ValidationError(
      `${fileName}: say who ${plan.unmatched.length} unmatched participant(s) are, or skip them; nothing was imported.`,
    );
  const answerSets = await db.surveyAnswers.bulkGet([...new Set(plan.responses.map((r) => r.participantId))]);
  const existing = answerSets.filter((s): s is SurveyAnswerSet => s !== undefined);
  const answers = plan.responses.length;
  const action = surveyImportAction(plan, existing, `Import survey ${fileName} (${answers.toLocaleString('en')} answers)`, Date.now());
  await applyAction(db, action, actor);
}

/** Basket item ids of the quotes chosen for the joint displays, by indicator code and wave. */
export type JointQuotes = Record<string, Record<string, string[]>>;

const JOINT_QUOTES = 'jointDisplayQuotes';

export async function loadJointQuotes(db: ProjectDb): Promise<JointQuotes> {
  const entry = await db.meta.get(JOINT_QUOTES);
  return (entry?.value as JointQuotes | undefined) ?? {};
}

/** Saves one indicator's chosen quotes at one wave (at most three, in the order given). */
export async function saveJointQuotes(db: ProjectDb, codeId: string, waveId: string, ids: readonly string[]): Promise<void> {
  await db.transaction('rw', [db.meta, db.history], async () => {
    const all = await loadJointQuotes(db);
    const next: JointQuotes = { ...all, [codeId]: { ...(all[codeId] ?? {}), [waveId]: ids.slice(0, 3) } };
    await db.meta.put({ key: JOINT_QUOTES, value: next });
    await db.history.add({
      at: Date.now(),
      actor: '',
      action: 'survey.quotes',
      summary: 'Chose quotes for a joint display',
      undoable: false,
    });
  });
}
