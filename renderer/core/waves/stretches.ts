// Coded stretches, as the wave matrix counts them (waves.ts states the rules) and as the analyses
// across codes and cases (core/analysis) count them too, so a passage is the same everywhere:
// codings indexed by code and transcript in one pass, each code's ranges unioned once per
// transcript, a subtree unioned from already sorted lists, and under ignoreInterviewer clipped
// to the turns the interviewer did not speak; and the words of a stretch.
import { orderedTree } from '../codebook';
import { live, type ProjectSnapshot, type Source, unionFlat, unionSortedFlat } from '../shared';
import { rangeWordCounter } from './rangeWords';

/** Flat [s0, e0, s1, e1, …] ranges per source id. */
export type FlatBySource = Map<string, number[]>;

/**
 * Every live code in codebook tree order (parents before children, siblings by `order`); a live
 * code the tree cannot reach (a live child of a deleted parent) is appended by `order`, so no
 * live code is ever missing.
 */
export function codesInTreeOrder(project: ProjectSnapshot): string[] {
  const ids = orderedTree(project.codes).map((t) => t.code.id);
  const seen = new Set(ids);
  for (const c of [...live(project.codes)].sort((a, b) => a.order - b.order)) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    ids.push(c.id);
  }
  return ids;
}

/**
 * The one pass over the codings: code → counted source → its unioned ranges. Live codings of live
 * codes by the chosen coders (undefined = everyone, [] = no one), in `counted` sources only (and
 * only of the codes in `only`, when given), clamped to the text, empty ones dropped.
 *
 * The pass over every live transcript is kept (wholeIndex) while the project's codings, codes and
 * transcripts are the same arrays (the in-memory model keeps an unchanged list as the same
 * array): at ten times the study it took 0.4 s of a wave matrix's 0.9, and a filter changed
 * (roles, sites, waves, the codes asked about) only narrows it, which is a tenth of that.
 */
export function indexCodings(
  project: ProjectSnapshot,
  counted: ReadonlyMap<string, Source>,
  coderIds: readonly string[] | undefined,
  only?: ReadonlySet<string>,
): Map<string, FlatBySource> {
  const whole = wholeIndex(project, coderIds);
  const everySource = whole.sources === counted.size && [...counted.keys()].every((id) => whole.liveSources.has(id));
  if (!only && everySource) return whole.index;
  const index = new Map<string, FlatBySource>();
  for (const [codeId, bySource] of whole.index) {
    if (only && !only.has(codeId)) continue;
    if (everySource) {
      index.set(codeId, bySource);
      continue;
    }
    const kept: FlatBySource = new Map();
    for (const [sourceId, ranges] of bySource) if (counted.get(sourceId) === whole.liveSources.get(sourceId)) kept.set(sourceId, ranges);
    if (kept.size) index.set(codeId, kept);
  }
  return index;
}

interface WholeIndex {
  codes: ProjectSnapshot['codes'];
  sourceList: ProjectSnapshot['sources'];
  coderKey: string;
  liveSources: Map<string, Source>;
  /** Each live source's text when indexed: codings are clamped to it, so a text changed in place is indexed again. */
  texts: Map<string, string>;
  sources: number;
  index: Map<string, FlatBySource>;
}

/** The whole indexes kept per codings array: a few coder choices each, the latest first. */
const wholeIndexes = new WeakMap<ProjectSnapshot['codings'], WholeIndex[]>();
const KEPT_PER_CODINGS = 4;

function wholeIndex(project: ProjectSnapshot, coderIds: readonly string[] | undefined): WholeIndex {
  const coderKey = coderIds ? JSON.stringify([...coderIds].sort()) : '*';
  const kept = wholeIndexes.get(project.codings) ?? [];
  const found = kept.find(
    (w) =>
      w.codes === project.codes &&
      w.sourceList === project.sources &&
      w.coderKey === coderKey &&
      [...w.liveSources].every(([id, s]) => s.text === w.texts.get(id)),
  );
  if (found) return found;
  const liveSources = new Map(live(project.sources).map((s) => [s.id, s]));
  const made: WholeIndex = {
    codes: project.codes,
    sourceList: project.sources,
    coderKey,
    liveSources,
    texts: new Map([...liveSources].map(([id, s]) => [id, s.text])),
    sources: liveSources.size,
    index: indexEveryCoding(project, liveSources, coderIds),
  };
  wholeIndexes.set(project.codings, [made, ...kept].slice(0, KEPT_PER_CODINGS));
  return made;
}

/** indexCodings over every live transcript (see there). */
function indexEveryCoding(
  project: ProjectSnapshot,
  counted: ReadonlyMap<string, Source>,
  coderIds: readonly string[] | undefined,
): Map<string, FlatBySource> {
  const liveCodes = new Set(live(project.codes).map((c) => c.id));
  const coders = coderIds ? new Set(coderIds) : null;
  const index = new Map<string, FlatBySource>();
  for (const coding of project.codings) {
    if (coding.deletedAt != null || (coders && !coders.has(coding.coderId)) || !liveCodes.has(coding.codeId)) continue;
    const source = counted.get(coding.sourceId);
    if (!source) continue;
    const start = Math.max(0, coding.start);
    const end = Math.min(source.text.length, coding.end);
    if (!(end > start)) continue;
    let bySource = index.get(coding.codeId);
    if (!bySource) index.set(coding.codeId, (bySource = new Map()));
    const list = bySource.get(source.id);
    if (list) list.push(start, end);
    else bySource.set(source.id, [start, end]);
  }
  // Each code's ranges are unioned once per source; a row of one code then reads them as they
  // are, and a subtree only unions already sorted lists.
  for (const bySource of index.values()) for (const [id, list] of bySource) bySource.set(id, unionFlat(list));
  return index;
}

/** Unions of subtrees, by the first member code's list (a few per code: the subtrees it heads). */
const groupUnions = new WeakMap<FlatBySource, { members: (FlatBySource | undefined)[]; union: FlatBySource }[]>();
const NO_MEMBERS: FlatBySource = new Map();

/**
 * A group of codes' stretches per source: one code's index entry as it is (shared: never write
 * to it), several unioned; with `keepOf`, clipped to what it gives for a source (null: whole).
 */
export function groupStretches(
  index: ReadonlyMap<string, FlatBySource>,
  group: readonly string[],
  keepOf?: (sourceId: string) => number[] | null,
): FlatBySource {
  let out: FlatBySource;
  if (group.length === 1) out = index.get(group[0]!) ?? new Map();
  else {
    // A subtree's union is kept while its codes' lists are the same objects (the whole index
    // is itself kept, and a narrowed one shares its lists: see indexCodings).
    const members = group.map((id) => index.get(id));
    const known = groupUnions
      .get(members.find((m) => m !== undefined) ?? NO_MEMBERS)
      ?.find((u) => u.members.length === members.length && u.members.every((m, i) => m === members[i]));
    if (known) out = known.union;
    else {
      out = new Map();
      for (const bySource of members)
        for (const [sourceId, ranges] of bySource ?? []) {
          const list = out.get(sourceId);
          out.set(sourceId, list ? unionSortedFlat(list, ranges) : ranges);
        }
      const first = members.find((m) => m !== undefined);
      if (first) groupUnions.set(first, [{ members, union: out }, ...(groupUnions.get(first) ?? [])].slice(0, 8));
    }
  }
  if (!keepOf) return out;
  const clipped: FlatBySource = new Map();
  for (const [sourceId, ranges] of out) {
    const keep = keepOf(sourceId);
    const list = keep ? intersectFlatRanges(ranges, keep) : ranges;
    if (list.length > 0) clipped.set(sourceId, list);
  }
  return clipped;
}

/** A source's turns not spoken by the interviewer, unioned; null for a source without turns (it counts whole). */
export function spokenRanges(source: Source): number[] | null {
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
 * The overlap of two sorted, merged flat range lists; pieces meeting at a boundary (two touching
 * turns the interviewer did not speak) stay one stretch.
 */
export function intersectFlatRanges(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i]!, b[j]!);
    const e = Math.min(a[i + 1]!, b[j + 1]!);
    if (e > s) {
      if (out.length > 0 && out[out.length - 1] === s) out[out.length - 1] = e;
      else out.push(s, e);
    }
    if (a[i + 1]! < b[j + 1]!) i += 2;
    else j += 2;
  }
  return out;
}

/**
 * Word counters by source record, kept between calls: scanning every transcript is most of a
 * matrix's cost, and a view recomputes on the same snapshot whenever a filter changes. Only a
 * cache: the text is checked on every use, and a WeakMap lets go of a record as soon as nothing
 * else holds it, so results never depend on it.
 */
const wordCounters = new WeakMap<Source, { text: string; count: (start: number, end: number) => number }>();

/** countWords of a range of the source's text, through its word index (built once, cached). */
export function wordCounter(source: Source): (start: number, end: number) => number {
  const known = wordCounters.get(source);
  if (known && known.text === source.text) return known.count;
  const count = rangeWordCounter(source.text);
  wordCounters.set(source, { text: source.text, count });
  return count;
}

/** Words of a list of stretches, by the list (lists are shared and never written: see groupStretches). */
const wordsOfList = new WeakMap<readonly number[], { text: string; words: number }>();

/** countWords summed over the stretches [s0, e0, s1, e1, …] of the source's text, kept per list. */
export function wordsInStretches(source: Source, list: readonly number[]): number {
  // The text is checked on every use, as wordCounter does: a text changed in place is counted again.
  const known = wordsOfList.get(list);
  if (known && known.text === source.text) return known.words;
  const count = wordCounter(source);
  let words = 0;
  for (let i = 0; i < list.length; i += 2) words += count(list[i]!, list[i + 1]!);
  wordsOfList.set(list, { text: source.text, words });
  return words;
}
