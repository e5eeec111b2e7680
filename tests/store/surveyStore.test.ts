// The survey in the project database: an import written as one undoable step (new participants
// included), refused with nothing written while its plan has problems, and the quotes chosen
// for the joint displays.
import { beforeEach, describe, expect, it } from 'vitest';
import { detectSurveyLayout, planSurveyImport, type SurveyTable } from '../../renderer/core/surveys';
import { undo } from '../../renderer/store/actions';
import { projectDb, type ProjectDb } from '../../renderer/store/projectDb';
import { loadSnapshot, saveParticipant } from '../../renderer/store/projectRepo';
import { createProject } from '../../renderer/store/projects';
import { commitSurveyImport, loadJointQuotes, loadSurvey, saveJointQuotes } from '../../renderer/store/surveyStore';
import { newParticipant } from '../../renderer/core/project';
import { freshRegistry } from './helpers';

let db: ProjectDb;
beforeEach(async () => {
  freshRegistry();
  db = projectDb((await createProject(`P ${crypto.randomUUID()}`)).id);
});

const table: SurveyTable = {
  fileName: 'survey.csv',
  columns: ['pseudonym', 'negotiates_T0', 'negotiates_T1'].map((name) => ({ name })),
  rows: [
    ['Ana', 0, 1],
    ['Bea', 1, 1],
    ['Zoe', 0, null],
  ],
};

async function plan(matches: Record<string, string> = {}) {
  const snapshot = await loadSnapshot(db);
  return planSurveyImport(snapshot, table, { ...detectSurveyLayout(table), participantMatches: matches, newParticipantRole: 'woman' }, () =>
    crypto.randomUUID(),
  );
}

describe('importing a survey', () => {
  it('writes answers, new people, time points and items as one step that undo takes back whole', async () => {
    await saveParticipant(db, { ...newParticipant('ana', 'Ana'), role: 'woman' });
    await saveParticipant(db, { ...newParticipant('bea', 'Bea'), role: 'woman' });
    const unsettled = await plan();
    expect(unsettled.unmatched.map((u) => u.value)).toEqual(['Zoe']);
    await expect(commitSurveyImport(db, unsettled, 'survey.csv')).rejects.toThrow(
      'survey.csv: say who 1 unmatched participant(s) are, or skip them; nothing was imported.',
    );
    expect(await db.surveyAnswers.count()).toBe(0);

    await commitSurveyImport(db, await plan({ zoe: 'new' }), 'survey.csv');
    const snap = await loadSnapshot(db);
    expect(snap.participants.map((p) => p.pseudonym).sort()).toEqual(['Ana', 'Bea', 'Zoe']);
    expect(snap.surveyTimePoints!.map((t) => t.label)).toEqual(['T0', 'T1']);
    expect(snap.surveyItems!.map((i) => [i.label, i.type])).toEqual([['negotiates', 'binary']]);
    expect(snap.surveyResponses).toHaveLength(5); // Zoe's empty cell writes nothing
    const survey = await loadSurvey(db);
    expect(survey.answerSets.find((s) => s.participantId === 'ana')!.values).toEqual({
      [survey.timePoints[0]!.id]: { [survey.items[0]!.id]: 0 },
      [survey.timePoints[1]!.id]: { [survey.items[0]!.id]: 1 },
    });

    expect(await undo(db)).toMatch(/^Import survey survey\.csv \(5 answers\)$/);
    const after = await loadSnapshot(db);
    expect(after.participants.map((p) => p.pseudonym).sort()).toEqual(['Ana', 'Bea']);
    expect(after.surveyResponses ?? []).toEqual([]);
    expect(await db.surveyTimePoints.count()).toBe(0);
  });

  it('refuses to undo an import whose new participant has since been linked to (nothing changes)', async () => {
    await saveParticipant(db, { ...newParticipant('ana', 'Ana'), role: 'woman' });
    await saveParticipant(db, { ...newParticipant('bea', 'Bea'), role: 'woman' });
    await commitSurveyImport(db, await plan({ zoe: 'new' }), 'survey.csv');
    const zoe = (await loadSnapshot(db)).participants.find((p) => p.pseudonym === 'Zoe')!;
    const ana = (await loadSnapshot(db)).participants.find((p) => p.pseudonym === 'Ana')!;
    await saveParticipant(db, { ...ana, links: [{ type: 'sister of', participantId: zoe.id }] });
    await expect(undo(db)).rejects.toThrow(
      /A participant this step added has since been given transcripts, memos, change-matrix cells or links/,
    );
    const after = await loadSnapshot(db);
    expect(after.participants.map((p) => p.pseudonym).sort()).toEqual(['Ana', 'Bea', 'Zoe']);
    expect(after.surveyResponses).toHaveLength(5);
  });

  it('merges a second file into the answers already there', async () => {
    await saveParticipant(db, { ...newParticipant('ana', 'Ana'), role: 'woman' });
    await commitSurveyImport(db, await plan({ bea: 'skip', zoe: 'skip' }), 'survey.csv');
    const again = await plan({ bea: 'skip', zoe: 'skip' });
    expect(again.unchanged).toBe(2);
    expect(again.responses).toEqual([]);
    const survey = await loadSurvey(db);
    expect(survey.answerSets).toHaveLength(1);
  });
});

describe('joint display quotes', () => {
  it('keeps at most three per indicator and wave', async () => {
    await saveJointQuotes(db, 'code', 'T1', ['a', 'b', 'c', 'd']);
    await saveJointQuotes(db, 'code', 'T2', ['e']);
    expect(await loadJointQuotes(db)).toEqual({ code: { T1: ['a', 'b', 'c'], T2: ['e'] } });
  });
});
