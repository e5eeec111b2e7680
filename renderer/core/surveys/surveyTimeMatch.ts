// Which project time point each of a survey file's time points is (by the researcher's choice,
// by label, or in order), and the records of those that are new, ordered by their numbers.
import type { SurveyTimePoint } from '../shared';

/** Time point and item labels compare without case or spaces (also the keys of `timePointMatches`). */
export const surveyLabelKey = (label: string) => label.toLowerCase().replace(/\s+/g, '');

/**
 * Time points in the order they were met, the new ones after the existing ones; labels that end
 * in a number and share the rest ('T0' … 'T5', 'Time 1') sort by that number, so a file whose
 * first rows are at T3 still gives T0 before T3.
 */
export function timePointRecords(
  times: readonly { label: string; existing?: SurveyTimePoint }[],
  existing: readonly SurveyTimePoint[],
  newId: () => string,
): { record: SurveyTimePoint; isNew: boolean; fileLabel: string }[] {
  const fresh = times.map((t, index) => ({ ...t, index })).filter((t) => !t.existing);
  const groupOrder = new Map<string, number>();
  const parts = fresh.map((t) => {
    const m = /^(.*?)(\d+)$/.exec(t.label);
    const stem = m ? m[1]!.toLowerCase() : `\u0000${t.index}`;
    if (!groupOrder.has(stem)) groupOrder.set(stem, groupOrder.size);
    return { t, group: groupOrder.get(stem)!, n: m ? Number(m[2]) : 0 };
  });
  parts.sort((a, b) => a.group - b.group || a.n - b.n || a.t.index - b.t.index);
  let order = Math.max(-1, ...existing.map((t) => t.order)) + 1;
  const made = new Map<number, SurveyTimePoint>();
  for (const { t } of parts) made.set(t.index, { id: newId(), label: t.label, order: order++ });
  return times.map((t, index) =>
    t.existing ? { record: t.existing, isNew: false, fileLabel: t.label } : { record: made.get(index)!, isNew: true, fileLabel: t.label },
  );
}

/**
 * Settles which project time point each of the file's is (in place on `times`): the researcher's
 * matches first, then labels; and when nothing matched by label and the file has exactly as many
 * time points as the project, in order (the file's by their numbers: T0, T1, … T5). Returns
 * whether that last rule was used, for the preview to say.
 */
export function matchTimePoints(
  times: { label: string; existing?: SurveyTimePoint }[],
  existing: readonly SurveyTimePoint[],
  matches: Record<string, string> | undefined,
): boolean {
  const byId = new Map(existing.map((t) => [t.id, t]));
  if (matches) {
    for (const t of times) {
      const chosen = matches[surveyLabelKey(t.label)];
      if (chosen === 'new') delete t.existing;
      else if (chosen && byId.has(chosen)) t.existing = byId.get(chosen);
    }
    return false;
  }
  if (times.some((t) => t.existing) || times.length !== existing.length || times.length < 2) return false;
  const number = (label: string) => Number(/(\d+)$/.exec(label)?.[1] ?? Number.NaN);
  const fileOrder = times.map((t, i) => ({ t, i })).sort((a, b) => number(a.t.label) - number(b.t.label) || a.i - b.i);
  if (fileOrder.some(({ t }) => Number.isNaN(number(t.label)))) return false;
  const projectOrder = [...existing].sort((a, b) => a.order - b.order);
  fileOrder.forEach(({ t }, k) => (t.existing = projectOrder[k]));
  return true;
}
