// Answers as the store keeps them (one SurveyAnswerSet per participant) and as core reads them
// (flat SurveyResponses in a snapshot), and the undoable change of one answer.
import { created, live, updated, type Action, type SurveyAnswerSet, type SurveyResponse, type SurveyValue } from '../shared';

/** Every answer of the live sets, one response per participant, time point and item. */
export function flattenAnswerSets(sets: readonly SurveyAnswerSet[]): SurveyResponse[] {
  const out: SurveyResponse[] = [];
  for (const set of live(sets)) {
    for (const [timePointId, byItem] of Object.entries(set.values)) {
      for (const [itemId, value] of Object.entries(byItem)) out.push({ participantId: set.participantId, timePointId, itemId, value });
    }
  }
  return out;
}

/** The one answer a set holds, or undefined when none is recorded (missing). */
export function answerOf(set: SurveyAnswerSet | undefined, timePointId: string, itemId: string): SurveyValue | undefined {
  return set?.values[timePointId]?.[itemId];
}

/**
 * Sets (or, with undefined, clears) one answer: an undoable action on the participant's set,
 * creating the set where she has none yet.
 */
export function setAnswerAction(
  set: SurveyAnswerSet | undefined,
  participantId: string,
  timePointId: string,
  itemId: string,
  value: SurveyValue | undefined,
  label: string,
  now: number,
): Action {
  const before = set && set.deletedAt == null ? set : undefined;
  const values = withAnswer(before?.values ?? {}, timePointId, itemId, value);
  if (!before) {
    if (value === undefined) return { label, changes: [] };
    return { label, changes: [created('surveyAnswers', { id: participantId, participantId, values, updatedAt: now })] };
  }
  if (answerOf(before, timePointId, itemId) === value) return { label, changes: [] };
  return { label, changes: [updated('surveyAnswers', before, { ...before, values, updatedAt: now })] };
}

/** A copy of the values with one answer set or removed; the other time points are shared. */
export function withAnswer(
  values: SurveyAnswerSet['values'],
  timePointId: string,
  itemId: string,
  value: SurveyValue | undefined,
): SurveyAnswerSet['values'] {
  const row = { ...(values[timePointId] ?? {}) };
  if (value === undefined) delete row[itemId];
  else row[itemId] = value;
  const next = { ...values };
  if (Object.keys(row).length) next[timePointId] = row;
  else delete next[timePointId];
  return next;
}
