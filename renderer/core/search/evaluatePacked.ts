// The common queries answered without a span object per hit: a word, a wildcard, a phrase, AND,
// OR and NOT over those, and NEAR between two words. At study scale a common word stands 50,000 times; making, filtering
// and merging an object for each cost most of an AND (measured: 28 ms of its 33). Here the spans
// are columns of numbers (start, end, unit), and the result goes straight to `take`.
//
// The rules are evaluate.ts's, to the letter (the index's tests compare both with the reference
// scan): a hit lies inside one unit; AND keeps the parts' spans in units holding every part (or,
// by transcript, all of them when every part has one); NOT drops the include's spans in units
// holding the exclude (by transcript: all of them); OR merges; spans come out in place order
// (start, then end), the same stretch once.
import {
  eachWordSpan,
  matchingWords,
  phraseLists,
  placeUnits,
  type CompiledQuery,
  type DocView,
  type SpanSink,
  type WordRuns,
} from './evaluate';
import { phraseStarts } from './phraseStarts';
import type { QueryNode } from './types';

/**
 * Spans as three number columns, in place order. Each list's size is known before it is filled
 * (a word's places, the two lists merged), so the columns are made once at that size: growing
 * them cost more than the object per span they replace (measured).
 */
class Columns implements SpanSink {
  count = 0;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly unit: Int32Array;

  constructor(capacity: number) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.unit = new Int32Array(capacity);
  }

  push(start: number, end: number, _first: number, _last: number, unit: number): void {
    this.start[this.count] = start;
    this.end[this.count] = end;
    this.unit[this.count] = unit;
    this.count += 1;
  }
}

const NONE = new Columns(0);
const NO_PLACES = new Int32Array(0);

const isLeaf = (node: QueryNode) => node.kind === 'word' || node.kind === 'phrase';

/** A word's or a phrase's spans (see evaluate.ts, which makes the same ones as objects). */
function leafSpans(query: CompiledQuery, doc: DocView, node: QueryNode): Columns {
  if (node.kind === 'word') {
    const places = matchingWords(doc, query.tests.get(node)!);
    const out = new Columns(places.length);
    eachWordSpan(doc, places, 1, out);
    return out;
  }
  if (node.kind !== 'phrase') return NONE;
  const starts = phraseStarts(phraseLists(doc, query, node.words));
  const out = new Columns(starts.length);
  eachWordSpan(doc, starts, node.words.length, out);
  return out;
}

/** The spans of `c` whose unit passes, as (start, end) columns. */
function keepByUnit(c: Columns, keep: (unit: number) => boolean): Columns {
  const out = new Columns(c.count);
  for (let i = 0; i < c.count; i += 1) if (keep(c.unit[i]!)) out.push(c.start[i]!, c.end[i]!, 0, 0, c.unit[i]!);
  return out;
}

/** Two lists in place order merged, the same stretch once. */
function mergeTwo(a: Columns, b: Columns): Columns {
  const out = new Columns(a.count + b.count);
  let i = 0;
  let j = 0;
  const push = (c: Columns, k: number) => {
    const n = out.count;
    if (n === 0 || out.start[n - 1] !== c.start[k] || out.end[n - 1] !== c.end[k]) out.push(c.start[k]!, c.end[k]!, 0, 0, c.unit[k]!);
  };
  while (i < a.count && j < b.count) {
    const aFirst = a.start[i]! - b.start[j]! || a.end[i]! - b.end[j]!;
    if (aFirst <= 0) push(a, i++);
    else push(b, j++);
  }
  while (i < a.count) push(a, i++);
  while (j < b.count) push(b, j++);
  return out;
}

/** Several lists merged pairwise (linear in the spans, as evaluate's mergeSorted). */
function mergeAll(lists: Columns[]): Columns {
  let round = lists.length === 1 ? [mergeTwo(lists[0]!, NONE)] : lists;
  while (round.length > 1) {
    const next: Columns[] = [];
    for (let k = 0; k < round.length; k += 2) next.push(k + 1 < round.length ? mergeTwo(round[k]!, round[k + 1]!) : round[k]!);
    round = next;
  }
  return round[0] ?? NONE;
}

/** Which units hold at least one span of `c`. */
function unitsHeld(c: Columns, units: number): Uint8Array {
  const held = new Uint8Array(units);
  for (let i = 0; i < c.count; i += 1) held[c.unit[i]!] = 1;
  return held;
}

/** Ascending lists of ordinals in one, each ordinal once (a word listed twice, "a OR a", counts once). */
export function mergeOrdinals(lists: readonly ArrayLike<number>[]): ArrayLike<number> {
  // An empty typed array, not []: the loops reading these lists then see one kind of array only (measured faster).
  if (lists.length === 0) return NO_PLACES;
  // Two by two: merging a wildcard's words all at once, comparing every list's head for each place, was slower (measured).
  let round = lists;
  while (round.length > 1) {
    const next: ArrayLike<number>[] = [];
    for (let k = 0; k < round.length; k += 2) next.push(k + 1 < round.length ? mergeTwoOrdinals(round[k]!, round[k + 1]!) : round[k]!);
    round = next;
  }
  return round[0]!;
}

function mergeTwoOrdinals(a: ArrayLike<number>, b: ArrayLike<number>): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let [i, j, k] = [0, 0, 0];
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    out[k++] = x <= y ? x : y;
    if (x <= y) i += 1;
    if (y <= x) j += 1;
  }
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out.subarray(0, k);
}

/** Which units hold a place of the list (its units from placeUnits), and whether any does. */
function marksOf(units: Int32Array, unitCount: number): { marks: Uint8Array; any: boolean } {
  const marks = new Uint8Array(unitCount);
  let any = false;
  for (let i = 0; i < units.length; i += 1) {
    const u = units[i]!;
    if (u >= 0) {
      marks[u] = 1;
      any = true;
    }
  }
  return { marks, any };
}

/**
 * A scratch array of marks per unit, reused from transcript to transcript: a new typed array
 * for each of 3,500 transcripts cost more than the marking (measured). Its first `units`
 * entries are set to `value`; what lies beyond is stale and never read (units are numbered
 * below `units`).
 */
let unitMarks = new Uint8Array(1024);
function unitMarksFor(units: number, value: number): Uint8Array {
  if (unitMarks.length < units) unitMarks = new Uint8Array(Math.max(units, 2 * unitMarks.length));
  unitMarks.fill(value, 0, units);
  return unitMarks;
}

/**
 * For an AND of three words and more (two are taken unit by unit as they are emitted, WordRuns.byUnit):
 * the units holding a place of every list (1), or null when one list has none in any: each
 * list's units found by walking the units' word ranges (unitWordsOf) beside its places, not read
 * place by place (at ten times the study those reads miss the cache one by one). The marks are
 * the shared scratch array (unitMarksFor), good until the next transcript.
 */
function unitsHoldingAll(unitWords: Int32Array, lists: readonly ArrayLike<number>[]): Uint8Array | null {
  const units = unitWords.length >> 1;
  const counts = unitMarksFor(units, 0);
  for (let k = 0; k < lists.length; k += 1) {
    const list = lists[k]!;
    let any = false;
    let u = 0;
    for (let i = 0; i < list.length; i += 1) {
      const place = list[i]!;
      while (u < units && unitWords[2 * u + 1]! <= place) u += 1;
      if (u === units) break;
      if (place >= unitWords[2 * u]! && counts[u] === k) {
        counts[u] = k + 1;
        any = true;
      }
    }
    if (!any) return null;
  }
  const all = lists.length;
  for (let u = 0; u < units; u += 1) counts[u] = counts[u] === all ? 1 : 0;
  return counts;
}

/** Lists of single words' places for pushRuns: two as they are (it merges them as it goes), more merged first. */
function listsAsRuns(lists: readonly ArrayLike<number>[], unitWords: Int32Array | undefined): Pick<WordRuns, 'ordinals' | 'also'> {
  return lists.length === 2 && unitWords ? { ordinals: lists[0]!, also: lists[1]! } : { ordinals: mergeOrdinals(lists) };
}

/**
 * The single words' places of several lists in place order, each place once, those in a unit
 * (one `allowed` marks, when given), to `sink`: the lists are walked together, each with the
 * units placeUnits found for it.
 */
function emitWords(
  doc: DocView,
  lists: readonly ArrayLike<number>[],
  unitsOfLists: () => readonly Int32Array[],
  allowed: Uint8Array | null,
  sink: SpanSink,
): void {
  const { starts, ends } = doc;
  // With each word's unit at hand, the lists merged (each place once, in order) are a word's
  // list like any other: into the sink in one loop.
  if (doc.wordUnits && sink.pushRuns) {
    const { wordUnits, unitWords } = doc;
    sink.pushRuns({ starts, ends, wordUnits, unitWords, length: 1, allowed, ...listsAsRuns(lists, unitWords) });
    return;
  }
  const units = unitsOfLists();
  const at = new Int32Array(lists.length);
  for (;;) {
    // The smallest place at the lists' heads (few lists: a scan is quicker than a heap).
    let best = -1;
    let place = 0;
    for (let k = 0; k < lists.length; k += 1) {
      if (at[k]! >= lists[k]!.length) continue;
      const o = lists[k]![at[k]!]!;
      if (best < 0 || o < place) {
        best = k;
        place = o;
      }
    }
    if (best < 0) return;
    const unit = units[best]![at[best]!]!;
    // The same place in another list (a word given twice) is the same hit: step past it too.
    for (let k = 0; k < lists.length; k += 1) if (at[k]! < lists[k]!.length && lists[k]![at[k]!] === place) at[k]! += 1;
    if (unit >= 0 && (allowed === null || allowed[unit] === 1)) sink.push(starts[place]!, ends[place]!, place, place, unit);
  }
}

/**
 * AND, OR or NOT over single words, answered on their lists of places: which unit each place
 * lies in, which units each word holds, then one walk over the places of all of them together,
 * keeping those in the units the operator allows. A single word's span is its place, so place
 * order is list order. True when answered; false when a side is not a single word.
 */
function wordOperator(query: CompiledQuery, doc: DocView, node: QueryNode, sink: SpanSink): boolean {
  const sides = node.kind === 'and' || node.kind === 'or' ? node.children : node.kind === 'not' ? [node.include, node.exclude] : [];
  if (sides.length === 0 || !sides.every((c) => c.kind === 'word')) return false;
  const lists = sides.map((c) => matchingWords(doc, query.tests.get(c)!));
  // Each list's units, found only where asked for (with wordUnits, emitWords needs none).
  const found = new Map<number, Int32Array>();
  const unitsOf = (k: number) => found.get(k) ?? found.set(k, placeUnits(doc, lists[k]!, 1)).get(k)!;
  const units = () => lists.map((_, k) => unitsOf(k));
  const unitCount = doc.bounds.length >> 1;
  if (node.kind === 'or') {
    emitWords(doc, lists, units, null, sink);
    return true;
  }
  const byTranscript = query.options.scope === 'transcript';
  const { wordUnits, unitWords } = doc;
  if (wordUnits && unitWords && sink.pushRuns && !byTranscript) {
    const { starts, ends } = doc;
    if (node.kind === 'and' && lists.length === 2) {
      sink.pushRuns({ starts, ends, wordUnits, unitWords, length: 1, allowed: null, ordinals: lists[0]!, also: lists[1]!, byUnit: 'both' });
    } else if (node.kind === 'and') {
      const allowed = unitsHoldingAll(unitWords, lists);
      if (allowed) sink.pushRuns({ starts, ends, wordUnits, unitWords, length: 1, allowed, ...listsAsRuns(lists, unitWords) });
    } else {
      const [ordinals, also] = [lists[0]!, lists[1]!];
      sink.pushRuns({ starts, ends, wordUnits, unitWords, length: 1, allowed: null, ordinals, also, byUnit: 'firstWithoutAlso' });
    }
    return true;
  }
  if (node.kind === 'and') {
    const held = units().map((u) => marksOf(u, unitCount));
    if (held.some((h) => !h.any)) return true;
    let allowed: Uint8Array | null = null;
    if (!byTranscript) {
      allowed = held[0]!.marks.slice();
      for (const h of held.slice(1)) for (let u = 0; u < unitCount; u += 1) allowed[u]! &= h.marks[u]!;
    }
    emitWords(doc, lists, units, allowed, sink);
    return true;
  }
  const excluded = marksOf(unitsOf(1), unitCount);
  const first = () => [unitsOf(0)];
  if (!excluded.any) emitWords(doc, [lists[0]!], first, null, sink);
  else if (!byTranscript)
    emitWords(
      doc,
      [lists[0]!],
      first,
      excluded.marks.map((m) => 1 - m),
      sink,
    );
  return true;
}

/** NEAR's pairs, reused from transcript to transcript (a new typed array for each cost more than the pairs). */
let nearPairs = new Float64Array(1024);

/**
 * NEAR/n between two single words, on their lists of places (evaluate.ts's near(), to the
 * letter, for words): every pair in one unit with at most n words between them, as the stretch
 * from the first to the last, in place order, each stretch once. The lists are walked with one
 * window per place instead of a span object per place (50,000 of them for a common word).
 */
function nearWords(query: CompiledQuery, doc: DocView, node: QueryNode, sink: SpanSink): boolean {
  if (node.kind !== 'near' || node.left.kind !== 'word' || node.right.kind !== 'word' || !doc.wordUnits) return false;
  const { wordUnits, starts, ends } = doc;
  const left = matchingWords(doc, query.tests.get(node.left)!);
  const right = matchingWords(doc, query.tests.get(node.right)!);
  const distance = node.distance;
  // Pairs as first·2^26 + last (ordinals stay far below 2^26): a typed sort orders them.
  // At most (2 · distance + 2) pairs per place of the left word.
  const most = left.length * (2 * distance + 2);
  if (nearPairs.length < most) nearPairs = new Float64Array(Math.max(most, 2 * nearPairs.length));
  const pairs = nearPairs;
  let count = 0;
  let lo = 0;
  for (let i = 0; i < left.length; i += 1) {
    const a = left[i]!;
    const unit = wordUnits[a]!;
    if (unit === 0) continue;
    while (lo < right.length && right[lo]! < a - distance - 1) lo += 1;
    for (let j = lo; j < right.length && right[j]! <= a + distance + 1; j += 1) {
      const b = right[j]!;
      if (b === a || wordUnits[b] !== unit) continue;
      pairs[count++] = Math.min(a, b) * 2 ** 26 + Math.max(a, b);
    }
  }
  const sorted = pairs.subarray(0, count).sort();
  for (let k = 0; k < sorted.length; k += 1) {
    if (k > 0 && sorted[k] === sorted[k - 1]) continue;
    const first = Math.floor(sorted[k]! / 2 ** 26);
    const last = sorted[k]! - first * 2 ** 26;
    if (sink.pushWords) sink.pushWords(first, last);
    else sink.push(starts[first]!, ends[last]!, first, last, wordUnits[first]! - 1);
  }
  return true;
}

/**
 * A word test matching several corpus words (a wildcard, a stem) taken as two lists walked
 * together by the sink, its words' lists merged into two halves first: no third list of every
 * place. False, doing nothing, where that does not apply.
 */
function manyWords(query: CompiledQuery, doc: DocView, node: QueryNode & { kind: 'word' }, sink: SpanSink): boolean {
  const test = query.tests.get(node)!;
  const { starts, ends, wordUnits, unitWords } = doc;
  if (test.strict || !doc.wordLists || !wordUnits || !unitWords || !sink.pushRuns) return false;
  const lists = doc.wordLists(test);
  if (lists.length < 2) return false;
  const half = lists.length >> 1;
  const [ordinals, also] = [mergeOrdinals(lists.slice(0, half)), mergeOrdinals(lists.slice(half))];
  sink.pushRuns({ starts, ends, wordUnits, unitWords, length: 1, allowed: null, ordinals, also });
  return true;
}

/** The spans of a leaf, or of AND, OR or NOT over leaves; null for any other query. */
function packedSpans(query: CompiledQuery, doc: DocView, node: QueryNode): Columns | null {
  const byTranscript = query.options.scope === 'transcript';
  const units = doc.units.length;
  switch (node.kind) {
    case 'word':
    case 'phrase':
      return leafSpans(query, doc, node);
    case 'or':
      return node.children.every(isLeaf) ? mergeAll(node.children.map((c) => leafSpans(query, doc, c))) : null;
    case 'and': {
      if (!node.children.every(isLeaf)) return null;
      const parts = node.children.map((c) => leafSpans(query, doc, c));
      if (parts.some((p) => p.count === 0)) return NONE;
      if (byTranscript) return mergeAll(parts);
      const holds = new Int32Array(units);
      for (const part of parts) unitsHeld(part, units).forEach((v, u) => (holds[u]! += v));
      return mergeAll(parts.map((part) => keepByUnit(part, (u) => holds[u] === parts.length)));
    }
    case 'not': {
      if (!isLeaf(node.include) || !isLeaf(node.exclude)) return null;
      const include = leafSpans(query, doc, node.include);
      if (include.count === 0) return include;
      const exclude = leafSpans(query, doc, node.exclude);
      if (exclude.count === 0) return include;
      if (byTranscript) return NONE;
      const excluded = unitsHeld(exclude, units);
      return keepByUnit(include, (u) => excluded[u] === 0);
    }
    default:
      return null;
  }
}

/**
 * The query's hits in place order straight into `sink`, true; or false, doing nothing, for a
 * query this does not answer (NEAR, a regular expression, deeper nesting), which evaluate does.
 */
export function evaluatePacked(query: CompiledQuery, doc: DocView, sink: SpanSink): boolean {
  // One word or phrase needs no columns at all: its spans are already in place order, each once.
  const node = query.node;
  if (node.kind === 'word' && manyWords(query, doc, node, sink)) return true;
  if (node.kind === 'word') {
    eachWordSpan(doc, matchingWords(doc, query.tests.get(node)!), 1, sink);
    return true;
  }
  if (node.kind === 'phrase') {
    eachWordSpan(doc, phraseStarts(phraseLists(doc, query, node.words)), node.words.length, sink);
    return true;
  }
  if (wordOperator(query, doc, node, sink)) return true;
  if (nearWords(query, doc, node, sink)) return true;
  const spans = packedSpans(query, doc, node);
  if (!spans) return false;
  for (let i = 0; i < spans.count; i += 1) sink.push(spans.start[i]!, spans.end[i]!, 0, 0, spans.unit[i]!);
  return true;
}
