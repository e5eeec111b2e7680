// Finding quotes: the passages a query matches, as the researcher will quote them. Codings that
// share a character are one passage (two coders marking the same words give one quote, a code
// nested in another gives one quote), in the reading order of a write-up, like retrieve().
//
// At study scale (350 transcripts, 40,000 codings) the codings are read once and grouped by
// transcript; everything after that works one transcript at a time, and the transcripts are
// put in reading order once instead of sorting every passage with a collator.
import { descendantIds, orderedTree } from '../codebook';
import { unionRanges, type Coding, type ProjectSnapshot, type Range, type Source, nameCollator } from '../shared';
import { allowed, liveParticipants, personFilter, personOf, waveRanks } from './scope';
import { containsAll, searchTerms, textIsAscii } from './search';
import type { Quote, QuoteQuery } from './types';

// Numeric so "P2" comes before "P10"; base sensitivity so case does not split a name's passages.
const collator = nameCollator;

/**
 * The passages of live codings that match `query`, merged where they overlap, in transcript
 * order: participant pseudonym (no participant last), wave order, transcript title, start, end.
 * Listed codes that no longer exist match nothing (so 'all' with one of them finds nothing).
 */
export function findQuotes(project: ProjectSnapshot, query: QuoteQuery): Quote[] {
  const liveCodes = new Set(project.codes.filter((c) => c.deletedAt == null).map((c) => c.id));
  const withChildren = (id: string) => (query.includeChildren ? [id, ...descendantIds(project.codes, id)] : [id]);
  const listed = [...new Set(query.codeIds ?? [])];

  // null: every live code is wanted.
  let wanted: Set<string> | null = null;
  if (listed.length > 0) {
    wanted = new Set(listed.filter((id) => liveCodes.has(id)).flatMap(withChildren));
    if (wanted.size === 0) return [];
  }
  // For 'all': which listed codes a coding of each code satisfies (a sub-code, its ancestor's).
  const satisfies = new Map<string, number[]>();
  const matchAll = query.match === 'all' && listed.length > 0;
  if (matchAll) {
    if (listed.some((id) => !liveCodes.has(id))) return [];
    listed.forEach((id, i) => {
      for (const c of withChildren(id)) satisfies.set(c, [...(satisfies.get(c) ?? []), i]);
    });
  }
  const excluded = new Set((query.excludeCodeIds ?? []).filter((id) => liveCodes.has(id)).flatMap(withChildren));

  const coders = allowed(query.coderIds);
  const waves = allowed(query.waves);
  const persons = personFilter(query);
  const people = liveParticipants(project);
  const sources = new Map<string, Source>();
  for (const s of project.sources) {
    if (s.deletedAt != null) continue;
    if (waves && (s.wave === null || !waves.has(s.wave))) continue;
    if (!persons.passes(personOf(s, people))) continue;
    sources.set(s.id, s);
  }

  // Each transcript's codings, grouped once per codings list (groupedBySource): read in the
  // order they are held (the records lie in memory in that order), the kept ones marked, then
  // taken in start order by the order worked out with the grouping.
  const grouped = groupedBySource(project.codings);
  const found = new Map<string, Coding[]>();
  const blocked = new Map<string, Range[]>();
  let marks = new Uint8Array(0);
  for (const source of sources.values()) {
    const group = grouped.get(source.id);
    if (!group) continue;
    const { list, order } = group;
    if (marks.length < list.length) marks = new Uint8Array(Math.max(list.length, 2 * marks.length));
    const blocks: Range[] = [];
    let kept = 0;
    for (let i = 0; i < list.length; i += 1) {
      const c = list[i]!;
      marks[i] = 0;
      if (c.deletedAt != null || !liveCodes.has(c.codeId)) continue;
      if (coders && !coders.has(c.coderId)) continue;
      if (excluded.has(c.codeId)) blocks.push(c);
      if (wanted === null || wanted.has(c.codeId)) {
        marks[i] = 1;
        kept += 1;
      }
    }
    if (kept > 0) {
      const spans = new Array<Coding>(kept);
      let k = 0;
      for (let j = 0; j < order.length; j += 1) if (marks[order[j]!] === 1) spans[k++] = list[order[j]!]!;
      found.set(source.id, spans);
    }
    if (blocks.length > 0) blocked.set(source.id, blocks);
  }

  const terms = searchTerms(query.text);
  const treeRank = new Map(orderedTree(project.codes).map((t, i) => [t.code.id, i]));
  const byTree = (a: string, b: string) =>
    compareNumbers(treeRank.get(a) ?? Infinity, treeRank.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0);

  const quotes: Quote[] = [];
  // One set of columns for every transcript's passages, grown as needed (a typed array made per transcript costs more than it holds).
  const scratch: Passages = {
    count: 0,
    start: new Float64Array(0),
    end: new Float64Array(0),
    first: new Int32Array(0),
    last: new Int32Array(0),
  };
  for (const source of sourcesInReadingOrder(
    project,
    [...found.keys()].map((id) => sources.get(id)!),
    people,
  )) {
    const spans = found.get(source.id)!;
    const blocks = unionRanges(blocked.get(source.id) ?? []);
    const passages = merge(spans, source.text.length, scratch);
    const participantId = personOf(source, people)?.id ?? '';
    let k = 0; // blocks before blocks[k] end before the current passage, hence before every later one
    for (let p = 0; p < passages.count; p += 1) {
      const start = passages.start[p]!;
      const end = passages.end[p]!;
      while (k < blocks.length && blocks[k]!.end <= start) k += 1;
      if (k < blocks.length && blocks[k]!.start < end) continue;
      const text = source.text.slice(start, end);
      if (terms.length > 0 && !containsAll(text, terms, textIsAscii(source))) continue;
      const codeIds = codesOf(spans, passages.first[p]!, passages.last[p]!, source.text.length);
      if (matchAll && new Set(codeIds.flatMap((c) => satisfies.get(c) ?? [])).size < listed.length) continue;
      if (codeIds.length > 1) codeIds.sort(byTree);
      quotes.push({ text, sourceId: source.id, start, end, participantId, wave: source.wave ?? '', codeIds });
    }
  }
  return quotes;
}

const INDEX_BITS = 2 ** 20;

/**
 * The places in `codings` in start order: all merge() needs (spans with the same start merge
 * whichever comes first, and a passage's codes are put in codebook order after); the same
 * start keeps the order held. Sorted as numbers packing the start and the place, with no
 * comparator to call: at ten times the study the comparator was a fifth of a query's time.
 */
function startOrder(codings: readonly Coding[]): Int32Array {
  const order = Int32Array.from(codings, (_, i) => i);
  if (codings.length >= INDEX_BITS) return order.sort((a, b) => codings[a]!.start - codings[b]!.start || a - b);
  const keys = new Float64Array(codings.length);
  for (let i = 0; i < codings.length; i += 1) keys[i] = Math.max(0, codings[i]!.start) * INDEX_BITS + i;
  keys.sort();
  for (let i = 0; i < keys.length; i += 1) order[i] = keys[i]! % INDEX_BITS;
  return order;
}

/** A transcript's codings (deleted ones too) as held, and the order of their places in the list by start (byStart's). */
interface CodingGroup {
  list: Coding[];
  order: Int32Array;
}

/**
 * Every transcript's codings grouped, worked out once per codings list (the project model makes
 * a new list when a coding changes; lists are never changed in place): at ten times the study,
 * grouping 400,000 codings by transcript and sorting them was a third of every quote query
 * (measured). The records stay in the order held: read in start order instead, they were read
 * from all over memory, and a query for two codes took twice as long (measured).
 */
const groupedLists = new WeakMap<readonly Coding[], Map<string, CodingGroup>>();
function groupedBySource(codings: readonly Coding[]): Map<string, CodingGroup> {
  let grouped = groupedLists.get(codings);
  if (grouped) return grouped;
  grouped = new Map<string, CodingGroup>();
  const lists = new Map<string, Coding[]>();
  for (const c of codings) {
    const list = lists.get(c.sourceId);
    if (list) list.push(c);
    else lists.set(c.sourceId, [c]);
  }
  for (const [id, list] of lists) grouped.set(id, { list, order: startOrder(list) });
  groupedLists.set(codings, grouped);
  return grouped;
}

/** Merged passages as number columns: each one's start and end, and the run of sorted spans it was made of. */
interface Passages {
  count: number;
  /** As numbers, not 32-bit integers: a damaged record's offset is kept as it is, as before. */
  start: Float64Array;
  end: Float64Array;
  first: Int32Array;
  last: Int32Array;
}

/** Where a span lies inside its text (damaged data, a coding past the end, is clipped); empty when it marks no character. */
const clipStart = (s: Coding) => Math.max(0, s.start);
const clipEnd = (s: Coding, length: number) => Math.min(length, s.end);

/**
 * Spans sorted by start, merged where they share a character (spans that only touch stay
 * apart), as columns of numbers: a passage becomes a quote only once it passes the filters.
 * When a query's words let a few passages of every coded one through, making each as an object
 * first was most of the garbage collected (measured at ten times the study).
 */
function merge(spans: readonly Coding[], length: number, out: Passages): Passages {
  if (out.start.length < spans.length) {
    const size = Math.max(spans.length, 2 * out.start.length);
    [out.start, out.end, out.first, out.last] = [
      new Float64Array(size),
      new Float64Array(size),
      new Int32Array(size),
      new Int32Array(size),
    ];
  }
  out.count = 0;
  for (let i = 0; i < spans.length; i += 1) {
    const start = clipStart(spans[i]!);
    const end = clipEnd(spans[i]!, length);
    if (!(start < end)) continue;
    const n = out.count;
    if (n > 0 && start < out.end[n - 1]!) {
      out.end[n - 1] = Math.max(out.end[n - 1]!, end);
      out.last[n - 1] = i;
    } else {
      out.start[n] = start;
      out.end[n] = end;
      out.first[n] = i;
      out.last[n] = i;
      out.count += 1;
    }
  }
  return out;
}

/** The distinct codes of the spans first..last (those that mark a character), in the order they come. */
function codesOf(spans: readonly Coding[], first: number, last: number, length: number): string[] {
  const codeIds: string[] = [];
  for (let i = first; i <= last; i += 1) {
    const s = spans[i]!;
    if (clipStart(s) < clipEnd(s, length) && !codeIds.includes(s.codeId)) codeIds.push(s.codeId);
  }
  return codeIds;
}

/** Transcripts as a write-up reads them: person by person (nobody last), wave, title; id breaks ties. */
export function sourcesInReadingOrder(project: ProjectSnapshot, sources: Source[], people: ReturnType<typeof liveParticipants>): Source[] {
  const ranks = waveRanks(project);
  const keyed = sources.map((s) => ({
    s,
    name: personOf(s, people)?.pseudonym ?? '',
    wave: s.wave === null ? Infinity : (ranks.get(s.wave) ?? Infinity),
  }));
  keyed.sort((a, b) => {
    if (!a.name !== !b.name) return a.name ? -1 : 1;
    return (
      collator.compare(a.name, b.name) ||
      compareNumbers(a.wave, b.wave) ||
      collator.compare(a.s.title, b.s.title) ||
      (a.s.id < b.s.id ? -1 : a.s.id > b.s.id ? 1 : 0)
    );
  });
  return keyed.map((k) => k.s);
}

/** Infinity - Infinity is NaN, which sort treats as "equal" only by luck; compare explicitly. */
const compareNumbers = (a: number, b: number) => (a === b ? 0 : a < b ? -1 : 1);
