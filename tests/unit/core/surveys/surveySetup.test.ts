// Editing the survey's time points and items: undoable actions, checked before anything is written.
import { describe, expect, it } from 'vitest';
import { applyToArrays, type SurveyItem, type SurveyTimePoint } from '../../../../renderer/core/shared';
import {
  addTimePointAction,
  editItemAction,
  editTimePointAction,
  moveTimePointAction,
  parseValues,
  removeTimePointAction,
  studyTimePointsAction,
  valuesText,
} from '../../../../renderer/core/surveys';

const waves = [
  { id: 'T2', label: 'Time 2', order: 1 },
  { id: 'T1', label: 'Time 1', order: 0 },
];
let n = 0;
const newId = () => `id${++n}`;

describe('time points', () => {
  it('adds the study’s six, the first beside Time 1 and 12 months beside Time 2, only into an empty survey', () => {
    const state: { surveyTimePoints: SurveyTimePoint[] } = { surveyTimePoints: [] };
    applyToArrays(state, studyTimePointsAction([], waves, newId));
    expect(state.surveyTimePoints.map((t) => [t.label, t.order, t.waveId])).toEqual([
      ['Before the programme', 0, 'T1'],
      ['3 months', 1, undefined],
      ['6 months', 2, undefined],
      ['9 months', 3, undefined],
      ['12 months', 4, 'T2'],
      ['15 months', 5, undefined],
    ]);
    expect(() => studyTimePointsAction(state.surveyTimePoints, waves, newId)).toThrow('The survey already has time points.');
  });

  it('adds, renames, maps, moves and removes, refusing a blank or repeated name', () => {
    const state: { surveyTimePoints: SurveyTimePoint[] } = { surveyTimePoints: [] };
    applyToArrays(state, addTimePointAction(state.surveyTimePoints, '  Start ', newId));
    applyToArrays(state, addTimePointAction(state.surveyTimePoints, 'End', newId));
    expect(state.surveyTimePoints.map((t) => [t.label, t.order])).toEqual([
      ['Start', 0],
      ['End', 1],
    ]);
    expect(() => addTimePointAction(state.surveyTimePoints, ' start', newId)).toThrow('There is already a time point called "start".');
    expect(() => addTimePointAction(state.surveyTimePoints, '  ', newId)).toThrow('A time point needs a name.');
    const [start, end] = state.surveyTimePoints;
    applyToArrays(state, editTimePointAction(state.surveyTimePoints, start!, { label: 'Before', waveId: 'T1' }));
    expect(state.surveyTimePoints[0]).toMatchObject({ label: 'Before', waveId: 'T1' });
    applyToArrays(state, editTimePointAction(state.surveyTimePoints, state.surveyTimePoints[0]!, { waveId: '' }));
    expect(state.surveyTimePoints[0]!.waveId).toBeUndefined();
    applyToArrays(state, moveTimePointAction(state.surveyTimePoints, end!.id, -1));
    expect([...state.surveyTimePoints].sort((a, b) => a.order - b.order).map((t) => t.label)).toEqual(['End', 'Before']);
    expect(moveTimePointAction(state.surveyTimePoints, end!.id, -1).changes).toEqual([]);
    applyToArrays(state, removeTimePointAction(state.surveyTimePoints[0]!, 7));
    expect(state.surveyTimePoints[0]!.deletedAt).toBe(7);
  });
});

describe('items', () => {
  const item: SurveyItem = { id: 'a', label: 'negotiates', type: 'binary', reported: [1] };
  const other: SurveyItem = { id: 'b', label: 'listens', type: 'binary', reported: [1] };

  it('edits an item and refuses a repeated name or no reported value', () => {
    const action = editItemAction([item, other], item, { wording: 'He negotiates', better: 'more', codeId: 'c1' });
    expect(action.changes[0]!.after).toMatchObject({ wording: 'He negotiates', codeId: 'c1' });
    expect(() => editItemAction([item, other], item, { label: 'Listens ' })).toThrow('There is already an item called "Listens".');
    expect(() => editItemAction([item, other], item, { reported: [] })).toThrow(
      '"negotiates" needs the value(s) that count as reporting it.',
    );
    const unlinked = editItemAction([item], { ...item, codeId: 'c1' }, { codeId: null });
    expect(unlinked.changes[0]!.after).not.toHaveProperty('codeId');
  });

  it('reads and writes the reported values as text', () => {
    expect(parseValues(' 1 | Yes |  | 2.5 ')).toEqual([1, 'Yes', 2.5]);
    expect(valuesText([3, 'Often'])).toBe('3 | Often');
  });
});
