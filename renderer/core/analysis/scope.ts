// What the analyses across codes and cases share: which transcripts count, which codes are asked
// about, and each code's coded stretches per transcript. The stretches follow the wave matrix's
// rules (core/waves/waves.ts): live codings of live codes by the chosen coders (undefined =
// everyone, [] = no one), clamped to the text, empty ones dropped, unioned per transcript so
// overlapping and touching ranges are one stretch (with includeChildren, over the code and its
// live descendants); under ignoreInterviewer clipped to the turns not spoken by the interviewer
// (a transcript without turns counts whole). So a passage here is a passage there.
//
// Which transcripts count is the search's filter (core/search filteredSources), shared with the
// Quotes and Search tabs: every live transcript, narrowed by role, site, group, wave and set; a
// transcript with no (live) participant passes only while no person filter is set.
import { orderedTree } from '../codebook';
import { filteredSources } from '../search';
import { live, unionFlat, unionSortedFlat, type ProjectSnapshot, type Source } from '../shared';
import { codeGroup, intersectFlatRanges, rangeWordCounter } from '../waves';

export interface SourceFilter {
  /** Participant roles, sites, groups ('' = no group): undefined or [] = no filter. */
  roles?: readonly string[];
  sites?: readonly string[];
  groups?: readonly string[];
  /** Wave ids: undefined or [] = every transcript, with or without a wave. */
  waves?: readonly string[];
  /** Transcripts in any of these sets; undefined or [] = no filter. */
  setIds?: readonly string[];
}

export interface StretchOptions {
  /** Only these coders' codings; undefined = everyone, an empty list = no one. */
  coderIds?: readonly string[];
  /** A code also counts the codings of its live descendants. */
  includeChildren?: boolean;
  /** Count only what lies inside turns not spoken by the interviewer. Default false. */
  ignoreInterviewer?: boolean;
}

/** Flat [s0, e0, s1, e1, …] stretches per source id. */
export type Stretches = Map<string, number[]>;

const list = (xs: readonly string[] | undefined) => (xs && xs.length > 0 ? [...xs] : undefined);

/** The live transcripts the filter lets through, in reading order (participant, wave, title). */
export function countedSources(project: ProjectSnapshot, filter: SourceFilter = {}): Source[] {
  return filteredSources(project, {
    roles: list(filter.roles),
    sites: list(filter.sites),
    groups: list(filter.groups),
    waves: list(filter.waves),
    setIds: list(filter.setIds),
  });
}

/** Source id -> its participant's id, for transcripts of a live participant. */
export function participantOfSource(project: ProjectSnapshot, sources: readonly Source[]): Map<string, string> {
  const people = new Set(live(project.participants).map((p) => p.id));
  const out = new Map<string, string>();
  for (const s of sources) if (s.participantId !== null && people.has(s.participantId)) out.set(s.id, s.participantId);
  return out;
}

/**
 * Every live code in codebook tree order; a live code the tree cannot reach (a live child of a
 * deleted parent) is appended by `order`, as the wave matrix does, so none is ever missing.
 */
export function codesInOrder(project: ProjectSnapshot): string[] {
  const ids = orderedTree(project.codes).map((t) => t.code.id);
  const seen = new Set(ids);
  for (const c of live(project.codes).sort((a, b) => a.order - b.order)) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    ids.push(c.id);
  }
  return ids;
}

/** The codes asked for: live ones, each once, in the order given; by default every live codable code in codebook order. */
export function chosenCodes(project: ProjectSnapshot, codeIds?: readonly string[]): string[] {
  const liveCodes = new Map(live(project.codes).map((c) => [c.id, c]));
  if (!codeIds) return codesInOrder(project).filter((id) => !liveCodes.get(id)!.notCodable);
  return [...new Set(codeIds)].filter((id) => liveCodes.has(id));
}

/**
 * Each code's stretches per counted source (see the header). `groupOf` says which codes a code
 * counts (by default the code, with includeChildren its live descendants too). One pass over
 * the codings, each code's ranges unioned once per source.
 */
export function codedStretches(
  project: ProjectSnapshot,
  sources: readonly Source[],
  codeIds: readonly string[],
  options: StretchOptions,
  groupOf: (codeId: string) => Iterable<string> = (id) => codeGroup(project, id, options),
): Map<string, Stretches> {
  const groups = new Map(codeIds.map((id) => [id, [...groupOf(id)]]));
  const wanted = new Set([...groups.values()].flat());
  const liveCodes = new Set(live(project.codes).map((c) => c.id));
  const counted = new Map(sources.map((s) => [s.id, s]));
  const coders = options.coderIds ? new Set(options.coderIds) : null;

  const index = new Map<string, Stretches>();
  for (const coding of project.codings) {
    if (coding.deletedAt != null || !wanted.has(coding.codeId) || !liveCodes.has(coding.codeId)) continue;
    if (coders && !coders.has(coding.coderId)) continue;
    const source = counted.get(coding.sourceId);
    if (!source) continue;
    const start = Math.max(0, coding.start);
    const end = Math.min(source.text.length, coding.end);
    if (!(end > start)) continue;
    let bySource = index.get(coding.codeId);
    if (!bySource) index.set(coding.codeId, (bySource = new Map()));
    const ranges = bySource.get(source.id);
    if (ranges) ranges.push(start, end);
    else bySource.set(source.id, [start, end]);
  }
  for (const bySource of index.values()) for (const [id, ranges] of bySource) bySource.set(id, unionFlat(ranges));

  const out = new Map<string, Stretches>();
  for (const [codeId, group] of groups) {
    let merged: Stretches;
    if (group.length === 1) merged = index.get(group[0]!) ?? new Map();
    else {
      merged = new Map();
      for (const id of group)
        for (const [sourceId, ranges] of index.get(id) ?? []) {
          const known = merged.get(sourceId);
          merged.set(sourceId, known ? unionSortedFlat(known, ranges) : ranges);
        }
    }
    if (options.ignoreInterviewer) {
      const clipped: Stretches = new Map();
      for (const [sourceId, ranges] of merged) {
        const keep = spokenRanges(counted.get(sourceId)!);
        const kept = keep ? intersectFlatRanges(ranges, keep) : ranges;
        if (kept.length > 0) clipped.set(sourceId, kept);
      }
      merged = clipped;
    }
    out.set(codeId, merged);
  }
  return out;
}

/** A source's turns not spoken by the interviewer, unioned; null for a source without turns (it counts whole). */
function spokenRanges(source: Source): number[] | null {
  if (source.turns.length === 0) return null;
  const flat: number[] = [];
  for (const t of source.turns) {
    if (t.speakerRole === 'interviewer') continue;
    const start = Math.max(0, t.start);
    const end = Math.min(source.text.length, t.end);
    if (end > start) flat.push(start, end);
  }
  return unionFlat(flat);
}

/**
 * Word counters by source record, kept between calls (a view recomputes on the same snapshot
 * whenever a filter changes). Only a cache: the text is checked on every use.
 */
const wordCounters = new WeakMap<Source, { text: string; count: (start: number, end: number) => number }>();

/** countWords of a range of the source's text, as the wave matrix counts a stretch's words. */
export function wordCounter(source: Source): (start: number, end: number) => number {
  const known = wordCounters.get(source);
  if (known && known.text === source.text) return known.count;
  const count = rangeWordCounter(source.text);
  wordCounters.set(source, { text: source.text, count });
  return count;
}

/**
 * A source's speaker turns as the analyses read them: clamped to the text, empty ones dropped,
 * in reading order; a source without turns is one turn, its whole text. Turns do not overlap,
 * as the importer makes them.
 */
export function turnsOf(source: Pick<Source, 'text' | 'turns'>): number[] {
  if (source.turns.length === 0) return source.text.length > 0 ? [0, source.text.length] : [];
  const pairs: [number, number][] = [];
  for (const t of source.turns) {
    const start = Math.max(0, t.start);
    const end = Math.min(source.text.length, t.end);
    if (end > start) pairs.push([start, end]);
  }
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return pairs.flat();
}
