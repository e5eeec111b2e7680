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
import { containsAll, searchTerms } from './search';
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

  // The one pass over all codings, which keeps the records themselves: no copy per coding.
  const found = new Map<string, Coding[]>();
  const blocked = new Map<string, Range[]>();
  for (const c of project.codings) {
    if (c.deletedAt != null || !liveCodes.has(c.codeId)) continue;
    if (coders && !coders.has(c.coderId)) continue;
    const source = sources.get(c.sourceId);
    if (!source) continue;
    if (excluded.has(c.codeId)) push(blocked, c.sourceId, c);
    if (wanted === null || wanted.has(c.codeId)) push(found, c.sourceId, c);
  }

  const terms = searchTerms(query.text);
  const treeRank = new Map(orderedTree(project.codes).map((t, i) => [t.code.id, i]));
  const byTree = (a: string, b: string) =>
    compareNumbers(treeRank.get(a) ?? Infinity, treeRank.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0);

  const quotes: Quote[] = [];
  for (const source of sourcesInReadingOrder(
    project,
    [...found.keys()].map((id) => sources.get(id)!),
    people,
  )) {
    const spans = byStart(found.get(source.id)!);
    const blocks = unionRanges(blocked.get(source.id) ?? []);
    let k = 0; // blocks before blocks[k] end before the current passage, hence before every later one
    for (const quote of merge(spans, source.text.length, source.id, personOf(source, people)?.id ?? '', source.wave ?? '')) {
      while (k < blocks.length && blocks[k]!.end <= quote.start) k += 1;
      if (k < blocks.length && blocks[k]!.start < quote.end) continue;
      if (matchAll && new Set(quote.codeIds.flatMap((c) => satisfies.get(c) ?? [])).size < listed.length) continue;
      quote.text = source.text.slice(quote.start, quote.end);
      if (!containsAll(quote.text, terms)) continue;
      if (quote.codeIds.length > 1) quote.codeIds.sort(byTree);
      quotes.push(quote);
    }
  }
  return quotes;
}

const INDEX_BITS = 2 ** 20;

/**
 * Codings by start: all merge() needs (spans with the same start merge whichever comes first,
 * and a passage's codes are put in codebook order after). Sorted as numbers packing the start
 * and the place in the list, with no comparator to call: at ten times the study a query sorts
 * 400,000 codings, and the comparator was a fifth of its time.
 */
function byStart(codings: Coding[]): Coding[] {
  if (codings.length >= INDEX_BITS) return codings.sort((a, b) => a.start - b.start);
  const keys = new Float64Array(codings.length);
  for (let i = 0; i < codings.length; i += 1) keys[i] = Math.max(0, codings[i]!.start) * INDEX_BITS + i;
  keys.sort();
  const out = new Array<Coding>(codings.length);
  for (let i = 0; i < keys.length; i += 1) out[i] = codings[keys[i]! % INDEX_BITS]!;
  return out;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Spans sorted by start, merged where they share a character (spans that only touch stay
 * apart), as quotes still without their text. Built as the final records, with arrays rather
 * than Sets of codes: when a query returns every coded passage of the project, allocation is
 * most of the work.
 */
function merge(spans: readonly Coding[], length: number, sourceId: string, participantId: string, wave: string): Quote[] {
  const out: Quote[] = [];
  for (const s of spans) {
    // Damaged data (a coding past the end of its text) is clipped; an empty coding marks no words.
    const start = Math.max(0, s.start);
    const end = Math.min(length, s.end);
    if (!(start < end)) continue;
    const last = out[out.length - 1];
    if (last && start < last.end) {
      last.end = Math.max(last.end, end);
      if (!last.codeIds.includes(s.codeId)) last.codeIds.push(s.codeId);
    } else out.push({ text: '', sourceId, start, end, participantId, wave, codeIds: [s.codeId] });
  }
  return out;
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
