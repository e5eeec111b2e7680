// Answers as the store keeps them (one SurveyAnswerSet per participant) and as core reads them
// (flat SurveyResponses in a snapshot), and the undoable change of one answer.
import {
  created,
  live,
  updated,
  type Action,
  type Change,
  type Participant,
  type SurveyAnswerSet,
  type SurveyItem,
  type SurveyResponse,
  type SurveyTimePoint,
  type SurveyValue,
} from '../shared';

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

/** How many answers a live set holds that say something (a recorded "no answer" does not count). */
export function givenAnswers(set: Pick<SurveyAnswerSet, 'values' | 'deletedAt'>): number {
  if (set.deletedAt != null) return 0;
  let n = 0;
  for (const row of Object.values(set.values)) for (const value of Object.values(row)) if (value !== null) n += 1;
  return n;
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

/** What an import writes, as surveyImport's plan gives it (the parts this needs). */
export interface SurveyImportWrite {
  timePoints: readonly { record: SurveyTimePoint; isNew: boolean }[];
  items: readonly { record: SurveyItem; isNew: boolean }[];
  responses: readonly SurveyResponse[];
  newParticipants: readonly Participant[];
}

/**
 * An accepted import as one undoable action: the new participants, time points and items, and
 * each answering participant's set created or updated with the file's answers (a null answer
 * is written as null: the file said "no answer"). Undo takes all of it back.
 */
export function surveyImportAction(plan: SurveyImportWrite, existing: readonly SurveyAnswerSet[], label: string, now: number): Action {
  const changes: Change[] = [
    ...plan.newParticipants.map((p) => created('participants', p)),
    ...plan.timePoints.filter((t) => t.isNew).map((t) => created('surveyTimePoints', t.record)),
    ...plan.items.filter((i) => i.isNew).map((i) => created('surveyItems', i.record)),
  ];
  const byParticipant = new Map<string, SurveyResponse[]>();
  for (const r of plan.responses) {
    const list = byParticipant.get(r.participantId);
    if (list) list.push(r);
    else byParticipant.set(r.participantId, [r]);
  }
  const sets = new Map(existing.map((s) => [s.id, s]));
  for (const [participantId, responses] of byParticipant) {
    const before = sets.get(participantId);
    const values: SurveyAnswerSet['values'] = {};
    for (const [t, row] of Object.entries(before && before.deletedAt == null ? before.values : {})) values[t] = { ...row };
    for (const r of responses) (values[r.timePointId] ??= {})[r.itemId] = r.value;
    const after: SurveyAnswerSet = { id: participantId, participantId, values, updatedAt: now };
    changes.push(before ? updated('surveyAnswers', before, after) : created('surveyAnswers', after));
  }
  return { label, changes };
}
