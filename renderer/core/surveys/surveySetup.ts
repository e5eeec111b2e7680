// Editing the survey's time points and items: each edit an undoable Action (core/shared/changes),
// checked first, so a bad value is refused with a message and nothing is written.
import { created, updated, ValidationError, type Action, type SurveyItem, type SurveyTimePoint, type Wave } from '../shared';

/** The study's six time points: before the programme, then every three months to 15 months. */
export const STUDY_TIME_POINTS: readonly string[] = ['Before the programme', '3 months', '6 months', '9 months', '12 months', '15 months'];

const liveOrdered = (list: readonly SurveyTimePoint[]) => list.filter((t) => t.deletedAt == null).sort((a, b) => a.order - b.order);
const key = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The study's time points for a project with none yet, the first beside the first interview
 * wave and '12 months' beside the second (the study compared before the programme with 12
 * months after starting it). Refused when the project already has time points.
 */
export function studyTimePointsAction(existing: readonly SurveyTimePoint[], waves: readonly Wave[], newId: () => string): Action {
  if (liveOrdered(existing).length) throw new ValidationError('The survey already has time points.');
  const ordered = [...waves].sort((a, b) => a.order - b.order);
  const waveOf = (i: number) => (i === 0 ? ordered[0]?.id : i === 4 ? ordered[1]?.id : undefined);
  return {
    label: 'Add the study’s six time points',
    changes: STUDY_TIME_POINTS.map((label, i) => {
      const waveId = waveOf(i);
      return created('surveyTimePoints', { id: newId(), label, order: i, ...(waveId ? { waveId } : {}) });
    }),
  };
}

export function addTimePointAction(existing: readonly SurveyTimePoint[], label: string, newId: () => string): Action {
  const name = checkTimePointLabel(existing, label, null);
  const order = Math.max(-1, ...liveOrdered(existing).map((t) => t.order)) + 1;
  return { label: `Add time point "${name}"`, changes: [created('surveyTimePoints', { id: newId(), label: name, order })] };
}

export function editTimePointAction(
  existing: readonly SurveyTimePoint[],
  point: SurveyTimePoint,
  patch: Partial<Pick<SurveyTimePoint, 'label' | 'waveId'>>,
): Action {
  const next: SurveyTimePoint = { ...point };
  if (patch.label !== undefined) next.label = checkTimePointLabel(existing, patch.label, point.id);
  if (patch.waveId !== undefined) {
    if (patch.waveId) next.waveId = patch.waveId;
    else delete next.waveId;
  }
  return { label: `Edit time point "${next.label}"`, changes: [updated('surveyTimePoints', point, next)] };
}

/** Moves a time point one place earlier or later; the others keep their order. */
export function moveTimePointAction(existing: readonly SurveyTimePoint[], id: string, by: -1 | 1): Action {
  const ordered = liveOrdered(existing);
  const at = ordered.findIndex((t) => t.id === id);
  const other = ordered[at + by];
  if (at < 0 || !other) return { label: 'Move time point', changes: [] };
  const point = ordered[at]!;
  return {
    label: `Move time point "${point.label}"`,
    changes: [
      updated('surveyTimePoints', point, { ...point, order: other.order }),
      updated('surveyTimePoints', other, { ...other, order: point.order }),
    ],
  };
}

/** Soft-deletes a time point; its answers stay stored (undo brings it back with them). */
export function removeTimePointAction(point: SurveyTimePoint, now: number): Action {
  return { label: `Remove time point "${point.label}"`, changes: [updated('surveyTimePoints', point, { ...point, deletedAt: now })] };
}

function checkTimePointLabel(existing: readonly SurveyTimePoint[], label: string, selfId: string | null): string {
  const name = label.trim().replace(/\s+/g, ' ');
  if (!name) throw new ValidationError('A time point needs a name.');
  if (liveOrdered(existing).some((t) => t.id !== selfId && key(t.label) === key(name)))
    throw new ValidationError(`There is already a time point called "${name}".`);
  return name;
}

export type ItemPatch = Partial<
  Pick<SurveyItem, 'label' | 'wording' | 'type' | 'reported' | 'codeId' | 'better' | 'missing' | 'valueLabels'>
>;

/** What is wrong with an item, as sentences; empty when it can be saved. */
export function itemProblems(item: SurveyItem, others: readonly SurveyItem[]): string[] {
  const problems: string[] = [];
  if (!item.label.trim()) problems.push('An item needs a short name.');
  else if (others.some((o) => o.id !== item.id && o.deletedAt == null && key(o.label) === key(item.label)))
    problems.push(`There is already an item called "${item.label.trim()}".`);
  // A binary item is nothing without its "yes"; a scale, a count or a number may wait for one
  // (its paired test reads the scores), and the importer leaves it to be set here.
  if (item.type === 'binary' && !item.reported.length)
    problems.push(`"${item.label.trim() || 'This item'}" needs the value(s) that count as reporting it.`);
  return problems;
}

export function editItemAction(items: readonly SurveyItem[], item: SurveyItem, patch: ItemPatch): Action {
  const next: SurveyItem = { ...item, ...patch };
  if (patch.label !== undefined) next.label = patch.label.trim().replace(/\s+/g, ' ');
  if (patch.codeId === null) delete next.codeId;
  const problems = itemProblems(next, items);
  if (problems.length) throw new ValidationError(problems.join(' '));
  return { label: `Edit survey item "${next.label}"`, changes: [updated('surveyItems', item, next)] };
}

export function removeItemAction(item: SurveyItem, now: number): Action {
  return { label: `Remove survey item "${item.label}"`, changes: [updated('surveyItems', item, { ...item, deletedAt: now })] };
}

/** "1 | Yes" style text of the reported values, and back (numbers where they read as numbers). */
export function valuesText(values: readonly (string | number)[]): string {
  return values.map(String).join(' | ');
}

export function parseValues(text: string): (string | number)[] {
  return text
    .split('|')
    .map((v) => v.trim())
    .filter(Boolean)
    .map((v) => (/^[+-]?\d+(\.\d+)?$/.test(v) ? Number(v) : v));
}
