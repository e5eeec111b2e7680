// Saturation: taking the transcripts in the order they were interviewed, how many codes each
// adds that no earlier one had, the cumulative count, and where the curve goes flat.
//
// A code counts in a transcript when a live coding of it (live code, by a chosen coder: undefined
// = every coder, [] = no one) covers at least one character of the text there. Only the code
// itself: its parents do not count, nor does a sub-code count for its parent.
import { codesInTreeOrder, collator, compareIds } from '../waves';
import { live, type ProjectSnapshot } from '../shared';
import { codedStretches, countedSources, type SourceFilter } from './scope';

export interface SaturationOptions extends SourceFilter {
  /** Source ids in interview order (see interviewOrder). */
  order: readonly string[];
  /** Only these coders' codings; undefined = everyone, an empty list = no one. */
  coderIds?: readonly string[];
}

export interface SaturationStep {
  sourceId: string;
  /** Codes first seen in this transcript, in codebook order. */
  newCodes: string[];
  /** Distinct codes seen up to and including this transcript. */
  cumulative: number;
}

/**
 * One step per transcript of `order` that is live and passes the filters, in that order (an id
 * that does not, or that is repeated, is skipped).
 */
export function saturation(project: ProjectSnapshot, options: SaturationOptions): SaturationStep[] {
  const passing = new Map(countedSources(project, options).map((s) => [s.id, s]));
  const wanted = [...new Set(options.order)].filter((id) => passing.has(id));
  const codeIds = codesInTreeOrder(project);
  const sources = wanted.map((id) => passing.get(id)!);
  const stretches = codedStretches(project, sources, codeIds, { coderIds: options.coderIds }, (id) => [id]);
  const codedIn = new Map<string, string[]>();
  for (const codeId of codeIds)
    for (const [sourceId, flat] of stretches.get(codeId)!)
      if (flat.length > 0) (codedIn.get(sourceId) ?? codedIn.set(sourceId, []).get(sourceId)!).push(codeId);
  const seen = new Set<string>();
  return wanted.map((sourceId) => {
    const newCodes = (codedIn.get(sourceId) ?? []).filter((id) => !seen.has(id));
    for (const id of newCodes) seen.add(id);
    return { sourceId, newCodes, cumulative: seen.size };
  });
}

/**
 * The stopping rule: the index of the last transcript that added a code before `k` transcripts in
 * a row added none (the first such point), or null when that never happens. The run must follow
 * at least one code found, so transcripts with no codes at the start are not saturation.
 */
export function saturationPoint(steps: readonly SaturationStep[], k: number): number | null {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`A saturation run is a whole number of transcripts, 1 or more; got ${k}.`);
  let last = -1; // the latest transcript that added something
  for (let i = 0; i < steps.length; i += 1) {
    if (steps[i]!.newCodes.length > 0) last = i;
    else if (last >= 0 && i - last >= k) return last;
  }
  return null;
}

/**
 * Live source ids in interview order: by the participant's attribute `attributeName` when given
 * (a date as YYYY-MM-DD, or a number), those without a value after the rest, and among equal
 * values by wave order (a person's Time 1 before Time 2 when one date stands for both); then in
 * import order: import time, title, id.
 */
export function interviewOrder(project: ProjectSnapshot, attributeName?: string): string[] {
  const people = new Map(live(project.participants).map((p) => [p.id, p]));
  const waveRank = new Map(
    project.waves
      .map((w, i) => ({ w, i }))
      .sort((a, b) => a.w.order - b.w.order || a.i - b.i)
      .map((x, rank) => [x.w.id, rank]),
  );
  const keyed = live(project.sources).map((s) => {
    const value = attributeName && s.participantId !== null ? people.get(s.participantId)?.attributes[attributeName] : undefined;
    const key = typeof value === 'number' || (typeof value === 'string' && value !== '') ? value : null;
    // The wave only orders transcripts sharing a value; without one, import order alone.
    const wave = key === null || s.wave === null ? Infinity : (waveRank.get(s.wave) ?? Infinity);
    return { s, key, wave };
  });
  const byKey = (a: string | number | null, b: string | number | null) => {
    if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
    if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  };
  const byNumber = (a: number, b: number) => (a === b ? 0 : a < b ? -1 : 1);
  keyed.sort(
    (a, b) =>
      byKey(a.key, b.key) ||
      byNumber(a.wave, b.wave) ||
      byNumber(a.s.origin.importedAt, b.s.origin.importedAt) ||
      collator.compare(a.s.title, b.s.title) ||
      compareIds(a.s.id, b.s.id),
  );
  return keyed.map((k) => k.s.id);
}
