// Finding quotes: the passages a query matches, as the researcher will quote them. Codings that
// share a character are one passage (two coders marking the same words give one quote, a code
// nested in another gives one quote), in the reading order of a write-up, like retrieve().
//
// At study scale (350 transcripts, 40,000 codings) the codings are read once and grouped by
// transcript; everything after that works one transcript at a time, and the transcripts are
// put in reading order once instead of sorting every passage with a collator.
import { descendantIds, orderedTree } from '../codebook';
import { unionRanges, type ProjectSnapshot, type Range, type Source, nameCollator } from '../shared';
import { groupedBySource, marked, type CodingColumns } from './codingColumns';
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

  // Each transcript's codings as columns, worked out once per codings list (codingColumns.ts):
  // read in the order they are held, the kept ones marked, then taken in start order.
  const grouped = groupedBySource(project.codings);
  const codeLive = marked(grouped.codeIds, (id) => liveCodes.has(id));
  const codeWanted = marked(grouped.codeIds, (id) => wanted === null || wanted.has(id));
  const codeExcluded = marked(grouped.codeIds, (id) => excluded.has(id));
  const coderKept = coders && marked(grouped.coderIds, (id) => coders.has(id));
  /** Each transcript's kept codings, as places in its list, in start order. */
  const found = new Map<string, Int32Array>();
  const blocked = new Map<string, Range[]>();
  let marks = new Uint8Array(0);
  for (const source of sources.values()) {
    const columns = grouped.bySource.get(source.id);
    if (!columns) continue;
    const { order, live, code, coder } = columns;
    const n = order.length;
    if (marks.length < n) marks = new Uint8Array(Math.max(n, 2 * marks.length));
    const blocks: Range[] = [];
    let kept = 0;
    for (let i = 0; i < n; i += 1) {
      marks[i] = 0;
      const c = code[i]!;
      if (live[i] === 0 || codeLive[c] === 0) continue;
      if (coderKept && coderKept[coder[i]!] === 0) continue;
      if (codeExcluded[c] === 1) blocks.push({ start: columns.start[i]!, end: columns.end[i]! });
      if (codeWanted[c] === 1) {
        marks[i] = 1;
        kept += 1;
      }
    }
    if (kept > 0) {
      const spans = new Int32Array(kept);
      let k = 0;
      for (let j = 0; j < n; j += 1) if (marks[order[j]!] === 1) spans[k++] = order[j]!;
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
    const columns = grouped.bySource.get(source.id)!;
    const blocks = unionRanges(blocked.get(source.id) ?? []);
    const passages = merge(columns, spans, source.text.length, scratch);
    const participantId = personOf(source, people)?.id ?? '';
    let k = 0; // blocks before blocks[k] end before the current passage, hence before every later one
    for (let p = 0; p < passages.count; p += 1) {
      const start = passages.start[p]!;
      const end = passages.end[p]!;
      while (k < blocks.length && blocks[k]!.end <= start) k += 1;
      if (k < blocks.length && blocks[k]!.start < end) continue;
      const text = source.text.slice(start, end);
      if (terms.length > 0 && !containsAll(text, terms, textIsAscii(source))) continue;
      const codeIds = codesOf(columns, spans, passages.first[p]!, passages.last[p]!, source.text.length, grouped.codeIds);
      if (matchAll && new Set(codeIds.flatMap((c) => satisfies.get(c) ?? [])).size < listed.length) continue;
      if (codeIds.length > 1) codeIds.sort(byTree);
      quotes.push({ text, sourceId: source.id, start, end, participantId, wave: source.wave ?? '', codeIds });
    }
  }
  return quotes;
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
const clipStart = (start: number) => Math.max(0, start);
const clipEnd = (end: number, length: number) => Math.min(length, end);

/**
 * Spans (places in the columns, sorted by start) merged where they share a character (spans
 * that only touch stay apart), as columns of numbers: a passage becomes a quote only once it
 * passes the filters. When a query's words let a few passages of every coded one through,
 * making each as an object first was most of the garbage collected (measured at ten times the
 * study).
 */
function merge(columns: CodingColumns, spans: Int32Array, length: number, out: Passages): Passages {
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
    const start = clipStart(columns.start[spans[i]!]!);
    const end = clipEnd(columns.end[spans[i]!]!, length);
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
function codesOf(columns: CodingColumns, spans: Int32Array, first: number, last: number, length: number, ids: readonly string[]): string[] {
  const codeIds: string[] = [];
  for (let i = first; i <= last; i += 1) {
    const at = spans[i]!;
    const id = ids[columns.code[at]!]!;
    if (clipStart(columns.start[at]!) < clipEnd(columns.end[at]!, length) && !codeIds.includes(id)) codeIds.push(id);
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
