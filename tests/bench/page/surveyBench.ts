// Surveys at the study's scale and beyond (issue 19): a survey of 1,000 women × 6 time points ×
// 60 items (360,000 answers) imported as the app does it (read the CSV, detect its layout, plan,
// one undoable transaction), and a joint display over the study-scale coded project.
import { newParticipant } from '../../../renderer/core/project';
import type { ProjectSnapshot, SurveyResponse } from '../../../renderer/core/shared';
import { detectSurveyLayout, jointDisplay, planSurveyImport, surveyImportAction } from '../../../renderer/core/surveys';
import { readSurveyFile } from '../../../renderer/io/surveyFiles';
import { projectDb, type ProjectDb } from '../../../renderer/store/projectDb';
import { loadSnapshot, saveParticipants } from '../../../renderer/store/projectRepo';
import { createProject } from '../../../renderer/store/projects';
import { applyAction } from '../../../renderer/store/actions';
import { time } from './timing';

export async function runSurveyImportBench(women = 1000, timePoints = 6, items = 60): Promise<Record<string, number>> {
  const db = projectDb((await createProject('Survey bench')).id);
  const people = Array.from({ length: women }, (_, i) => ({
    ...newParticipant(crypto.randomUUID(), `Woman ${i + 1}`),
    role: 'woman',
    group: i < women * 0.62 ? ('programme' as const) : ('comparison' as const),
  }));
  await saveParticipants(db, people, []);
  // One row per woman, a column per item and time point (item7_T3), answers 0/1 with a few blanks.
  const header = ['pseudonym'];
  for (let j = 0; j < items; j += 1) for (let t = 0; t < timePoints; t += 1) header.push(`item${j + 1}_T${t}`);
  let seed = 11;
  const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const lines = [header.join(',')];
  for (const p of people) {
    const row = [p.pseudonym];
    for (let k = 1; k < header.length; k += 1) row.push(rand() < 0.05 ? '' : rand() < 0.4 ? '1' : '0');
    lines.push(row.join(','));
  }
  const bytes = new TextEncoder().encode(lines.join('\n'));
  const [table, readMs] = await time(() => readSurveyFile('survey.csv', bytes));
  const [snapshot, snapshotMs] = await time(() => loadSnapshot(db));
  const [plan, planMs] = await time(() => planSurveyImport(snapshot, table, detectSurveyLayout(table), () => crypto.randomUUID()));
  if (plan.errors.length || plan.unmatched.length)
    throw new Error(`survey bench plan: ${plan.errors[0]?.message ?? plan.unmatched[0]?.value}`);
  // commitSurveyImport, in its two parts: the undoable action made, then written with its undo step.
  const [action, actionMs] = await time(async () =>
    surveyImportAction(plan, (await db.surveyAnswers.toArray()).filter(Boolean), 'Import survey survey.csv', Date.now()),
  );
  const [, applyMs] = await time(() => applyAction(db, action));
  const writeMs = actionMs + applyMs;
  const [after, reloadMs] = await time(() => loadSnapshot(db));
  return {
    women,
    answers: plan.responses.length,
    csvMegabytes: bytes.length / 1e6,
    readMs,
    snapshotMs,
    planMs,
    writeMs,
    actionMs,
    applyMs,
    importMs: readMs + snapshotMs + planMs + writeMs,
    reloadedAnswers: after.surveyResponses?.length ?? 0,
    snapshotWithSurveyMs: reloadMs,
  };
}

/**
 * The joint display of each of the bench codebook's ten measures over the study-scale coded
 * project (350 transcripts, 40,000 codings), with a survey of its participants and 162 more
 * women at six time points, an item per indicator: the median of 5 runs of the slowest measure.
 */
export async function runJointDisplayBench(db: ProjectDb): Promise<Record<string, number>> {
  const snapshot: ProjectSnapshot = await loadSnapshot(db);
  const [first, second] = snapshot.waves;
  snapshot.surveyTimePoints = Array.from({ length: 6 }, (_, t) => ({
    id: `tp${t}`,
    label: `T${t}`,
    order: t,
    ...(t === 0 && first ? { waveId: first.id } : t === 4 && second ? { waveId: second.id } : {}),
  }));
  const indicators = snapshot.codes.filter((c) => c.parentId !== null);
  snapshot.surveyItems = indicators.map((c, i) => ({
    id: `item${i}`,
    label: `item${i}`,
    type: 'binary',
    reported: [1],
    codeId: c.id,
    order: i,
  }));
  const women = [...snapshot.participants.map((p) => p.id), ...Array.from({ length: 162 }, (_, i) => `survey-only-${i}`)];
  let seed = 5;
  const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const responses: SurveyResponse[] = [];
  for (const participantId of women)
    for (const tp of snapshot.surveyTimePoints)
      for (const item of snapshot.surveyItems)
        responses.push({ participantId, timePointId: tp.id, itemId: item.id, value: rand() < 0.4 ? 1 : 0 });
  snapshot.surveyResponses = responses;
  const measures = snapshot.codes.filter((c) => c.parentId === null);
  let slowest = 0;
  let rows = 0;
  for (const measure of measures) {
    const runs: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const [display, ms] = await time(() => jointDisplay(snapshot, measure.id, { waves: { includeChildren: true } }));
      rows = display.rows.length;
      runs.push(ms);
    }
    runs.sort((a, b) => a - b);
    slowest = Math.max(slowest, runs[2]!);
  }
  return {
    jointDisplayMs: slowest,
    measures: measures.length,
    rowsPerMeasure: rows,
    jointAnswers: responses.length,
    codings: snapshot.codings.length,
  };
}
