// Answers as stored (one set per participant) and as read (flat), one answer's edit, and an
// accepted import as one undoable action whose inverse leaves the sets as they were.
import { describe, expect, it } from 'vitest';
import { applyToArrays, invert, type SurveyAnswerSet, type Participant } from '../../../../renderer/core/shared';
import { flattenAnswerSets, setAnswerAction, surveyImportAction } from '../../../../renderer/core/surveys';

const set = (participantId: string, values: SurveyAnswerSet['values'], extra: Partial<SurveyAnswerSet> = {}): SurveyAnswerSet => ({
  id: participantId,
  participantId,
  values,
  updatedAt: 1,
  ...extra,
});

describe('answer sets', () => {
  it('flatten into one response per participant, time point and item, skipping deleted sets', () => {
    expect(flattenAnswerSets([set('a', { t0: { x: 1, y: null } }), set('b', { t0: { x: 0 } }, { deletedAt: 2 })])).toEqual([
      { participantId: 'a', timePointId: 't0', itemId: 'x', value: 1 },
      { participantId: 'a', timePointId: 't0', itemId: 'y', value: null },
    ]);
  });

  it('set, change and clear one answer, creating the set on the first', () => {
    const first = setAnswerAction(undefined, 'a', 't0', 'x', 1, 'Answer', 5);
    expect(first.changes).toEqual([{ table: 'surveyAnswers', before: null, after: set('a', { t0: { x: 1 } }, { updatedAt: 5 }) }]);
    const stored = set('a', { t0: { x: 1 }, t1: { x: 0 } });
    expect(setAnswerAction(stored, 'a', 't0', 'x', 1, 'Answer', 5).changes).toEqual([]);
    expect(setAnswerAction(stored, 'a', 't0', 'x', undefined, 'Answer', 5).changes[0]!.after).toEqual(
      set('a', { t1: { x: 0 } }, { updatedAt: 5 }),
    );
    expect(setAnswerAction(undefined, 'a', 't0', 'x', undefined, 'Answer', 5).changes).toEqual([]);
  });
});

describe('surveyImportAction', () => {
  const woman: Participant = { id: 'new1', pseudonym: 'Abi', role: 'woman', site: '', group: 'comparison', attributes: {}, links: [] };

  it('creates the new people, time points, items and sets, merges into stored sets, and undoes whole', () => {
    const stored = [set('a', { t0: { x: 1, y: 1 } })];
    const action = surveyImportAction(
      {
        newParticipants: [woman],
        timePoints: [
          { record: { id: 't0', label: 'Before', order: 0 }, isNew: false },
          { record: { id: 't1', label: 'After', order: 1 }, isNew: true },
        ],
        items: [{ record: { id: 'x', label: 'x', type: 'binary', reported: [1] }, isNew: true }],
        responses: [
          { participantId: 'a', timePointId: 't0', itemId: 'x', value: 0 },
          { participantId: 'a', timePointId: 't1', itemId: 'x', value: null },
          { participantId: 'new1', timePointId: 't1', itemId: 'x', value: 1 },
        ],
      },
      stored,
      'Import survey.csv',
      9,
    );
    expect(action.changes.map((c) => [c.table, c.before === null ? 'new' : 'changed'])).toEqual([
      ['participants', 'new'],
      ['surveyTimePoints', 'new'],
      ['surveyItems', 'new'],
      ['surveyAnswers', 'changed'],
      ['surveyAnswers', 'new'],
    ]);
    const state = { surveyAnswers: structuredClone(stored), participants: [] as Participant[] };
    applyToArrays(state, action);
    expect(state.surveyAnswers).toEqual([
      set('a', { t0: { x: 0, y: 1 }, t1: { x: null } }, { updatedAt: 9 }),
      set('new1', { t1: { x: 1 } }, { updatedAt: 9 }),
    ]);
    // The stored set was not changed in place: undo puts it back as it was.
    expect(stored[0]!.values).toEqual({ t0: { x: 1, y: 1 } });
    applyToArrays(state, invert(action));
    expect(state).toMatchObject({ surveyAnswers: stored, participants: [], surveyTimePoints: [], surveyItems: [] });
  });
});
