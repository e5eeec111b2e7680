// What a search looks in, with the filters of every other tab: the transcripts of the chosen
// people, waves and sets, the turns of the chosen speaker, and (after the search) only hits
// inside, or outside, passages coded with chosen codes.
import { descendantIds } from '../codebook';
import { allowed, liveParticipants, personFilter, personOf, sourcesInReadingOrder } from '../quotes';
import { unionRanges, type ProjectSnapshot, type Range, type Source } from '../shared';
import type { SearchHit, Speaker } from './types';

export interface SearchFilter {
  /** Participant role ids, sites, groups, participant ids: as on the Quotes tab. */
  roles?: string[];
  sites?: string[];
  groups?: string[];
  participantIds?: string[];
  waves?: string[];
  /** Set ids: transcripts in any of them. */
  setIds?: string[];
  /** Hits inside a passage coded with any of these codes (any coder), with their sub-codes. */
  codedWith?: string[];
  /** Hits outside every passage coded with these codes, with their sub-codes. */
  notCodedWith?: string[];
}

/** The live transcripts a filter lets through, in the reading order of a write-up. */
export function filteredSources(project: ProjectSnapshot, filter: SearchFilter = {}): Source[] {
  const waves = allowed(filter.waves);
  const persons = personFilter(filter);
  const people = liveParticipants(project);
  const chosenSets = allowed(filter.setIds);
  const inSets = chosenSets && new Set((project.sets ?? []).filter((s) => chosenSets.has(s.id)).flatMap((s) => s.sourceIds));
  const passing = project.sources.filter(
    (s) =>
      s.deletedAt == null &&
      (!waves || (s.wave !== null && waves.has(s.wave))) &&
      (!inSets || inSets.has(s.id)) &&
      persons.passes(personOf(s, people)),
  );
  return sourcesInReadingOrder(project, passing, people);
}

/**
 * The stretches of a transcript a search looks in: its speaker turns of the chosen speaker, in
 * order. Unlabelled paragraphs are the participant's (as the importer reads them); other
 * speakers (an interpreter, a second interviewer not marked as one) count only for 'both'. A
 * transcript without turns is one stretch, the participant's.
 */
export function speakerUnits(source: Pick<Source, 'text' | 'turns'>, speaker: Speaker = 'participant'): Range[] {
  if (source.turns.length === 0) return speaker === 'interviewer' ? [] : [{ start: 0, end: source.text.length }];
  const wanted = (role: string | undefined) =>
    speaker === 'both' || (speaker === 'interviewer' ? role === 'interviewer' : role === undefined || role === 'participant');
  return source.turns.filter((t) => wanted(t.speakerRole) && t.end > t.start).map((t) => ({ start: t.start, end: t.end }));
}

/**
 * The speaker turn a hit stands in, or the whole text (a hit outside every turn, a transcript
 * without turns). Turns are in reading order and do not overlap, as the importer makes them.
 */
export function turnHolding(source: Pick<Source, 'text' | 'turns'>, hit: Range): Range {
  const { turns } = source;
  let lo = 0;
  let hi = turns.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = turns[mid]!;
    if (hit.end <= t.start) hi = mid - 1;
    else if (hit.start >= t.end) lo = mid + 1;
    else if (t.start <= hit.start && hit.end <= t.end) return { start: t.start, end: t.end };
    else break;
  }
  return { start: 0, end: source.text.length };
}

/**
 * The passages coded with the filter's codes (and their sub-codes, any coder), unioned per
 * transcript: those a hit must lie inside (null when no `codedWith` code is given) and those
 * it must not touch. Made once per search (or word count), not once per hit.
 */
export function codedStretches(
  project: ProjectSnapshot,
  filter: SearchFilter,
): { inside: Map<string, Range[]> | null; outside: Map<string, Range[]> } {
  const codedWith = filter.codedWith ?? [];
  const withSubCodes = (ids: string[]) => new Set(ids.flatMap((id) => [id, ...descendantIds(project.codes, id)]));
  const wanted = withSubCodes(codedWith);
  const unwanted = withSubCodes(filter.notCodedWith ?? []);
  const live = new Set(project.codes.filter((c) => c.deletedAt == null).map((c) => c.id));
  const inside = new Map<string, Range[]>();
  const outside = new Map<string, Range[]>();
  const push = (map: Map<string, Range[]>, key: string, r: Range) => (map.get(key) ?? map.set(key, []).get(key)!).push(r);
  for (const c of project.codings) {
    if (c.deletedAt != null || !live.has(c.codeId)) continue;
    if (wanted.has(c.codeId)) push(inside, c.sourceId, c);
    if (unwanted.has(c.codeId)) push(outside, c.sourceId, c);
  }
  const merged = (map: Map<string, Range[]>) => new Map([...map].map(([k, v]) => [k, unionRanges(v)]));
  return { inside: codedWith.length > 0 ? merged(inside) : null, outside: merged(outside) };
}

/**
 * The hits that pass the code filters: inside some passage coded with a `codedWith` code (when
 * any is given) and touching no passage coded with a `notCodedWith` code.
 */
export function codeFilteredHits(project: ProjectSnapshot, hits: SearchHit[], filter: SearchFilter): SearchHit[] {
  if (!filter.codedWith?.length && !filter.notCodedWith?.length) return hits;
  const { inside, outside } = codedStretches(project, filter);
  return hits.filter((h) => {
    if (inside && !(inside.get(h.sourceId) ?? []).some((r) => r.start <= h.start && h.end <= r.end)) return false;
    return !(outside.get(h.sourceId) ?? []).some((r) => r.start < h.end && h.start < r.end);
  });
}
