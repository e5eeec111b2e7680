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
import { filteredSources } from '../search';
import { live, type ProjectSnapshot, type Source, type Turn } from '../shared';
import { codeGroup, codesInTreeOrder, groupStretches, indexCodings, spokenRanges } from '../waves';

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

/** The codes asked for: live ones, each once, in the order given; by default every live codable code in codebook order. */
export function chosenCodes(project: ProjectSnapshot, codeIds?: readonly string[]): string[] {
  const liveCodes = new Map(live(project.codes).map((c) => [c.id, c]));
  if (!codeIds) return codesInTreeOrder(project).filter((id) => !liveCodes.get(id)!.notCodable);
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
  const counted = new Map(sources.map((s) => [s.id, s]));
  const index = indexCodings(project, counted, options.coderIds, new Set([...groups.values()].flat()));
  const keepOf = options.ignoreInterviewer ? (sourceId: string) => spokenRanges(counted.get(sourceId)!) : undefined;
  const out = new Map<string, Stretches>();
  for (const [codeId, group] of groups) out.set(codeId, groupStretches(index, group, keepOf));
  return out;
}

/**
 * A source's speaker turns as the analyses read them: clamped to the text, empty ones dropped,
 * in reading order; a source without turns is one turn, its whole text. Turns do not overlap,
 * as the importer makes them.
 */
export function turnsOf(source: Pick<Source, 'text' | 'turns'>): readonly number[] {
  if (source.turns.length === 0) return source.text.length > 0 ? [0, source.text.length] : [];
  // Kept by the turns' array, which the project model keeps while a transcript is unchanged:
  // at ten times the study each matrix by speaker turn made 857,000 pairs again.
  const known = turnsMade.get(source.turns);
  if (known && known.length === source.text.length) return known.flat;
  const pairs: [number, number][] = [];
  for (const t of source.turns) {
    const start = Math.max(0, t.start);
    const end = Math.min(source.text.length, t.end);
    if (end > start) pairs.push([start, end]);
  }
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const flat = pairs.flat();
  turnsMade.set(source.turns, { length: source.text.length, flat });
  return flat;
}

const turnsMade = new WeakMap<readonly Turn[], { length: number; flat: readonly number[] }>();

/**
 * Live codes with no live parent, in codebook order. Categories are kept: with sub-codes counted
 * with their parents a category gathers its subtree, which is what a theme's row should show.
 */
export function topLevelCodeIds(project: ProjectSnapshot): string[] {
  const liveIds = new Set(live(project.codes).map((c) => c.id));
  const byId = new Map(project.codes.map((c) => [c.id, c]));
  return codesInTreeOrder(project).filter((id) => {
    const parent = byId.get(id)?.parentId ?? null;
    return liveIds.has(id) && (parent === null || !liveIds.has(parent));
  });
}
