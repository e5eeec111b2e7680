// The query tree evaluated over one transcript, the same way whoever finds the words: the
// reference scan (searchText.ts) and the index (searchIndex.ts) differ only in how a DocView
// answers "which words match this test"; phrases, NEAR and the Boolean operators are here once.
//
// A hit is a span of whole words inside one searchable unit (a turn of the chosen speaker).
// AND and NOT look for their other side in the same unit (scope 'turn') or the same transcript.
import type { Range } from '../shared';
import { phraseStarts } from './phraseStarts';
import { wordAfter } from './tokens';
import type { TextPattern } from './regex';
import type { QueryNode, SearchOptions } from './types';
import type { WordTest } from './words';

export interface DocView {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
  /** The stretches searched, in order, not overlapping (filters.ts speakerUnits). */
  units: readonly Range[];
  /** The same as [start0, end0, start1, end1, …] (unitBounds): the word loop reads numbers, not objects (2.5x faster, measured). */
  bounds: Int32Array;
  /**
   * For each word, 1 + the unit holding it, or 0 (wordUnitsOf): kept by the index per transcript
   * and speaker, so a place's unit is one read instead of a walk over the units. The reference
   * scan has none and walks.
   */
  wordUnits?: Uint16Array | Int32Array;
  /** The same read the other way (unitWordsOf): for each unit the words it holds whole. */
  unitWords?: Int32Array;
  /** The ordinals of the words passing `test`, ascending. */
  words(test: WordTest): ArrayLike<number>;
  /**
   * Optional: the same places still as one ascending list per corpus word (a wildcard's words),
   * for a sink that takes two lists together: merging them into a new list first was a fifth of
   * a wildcard's time (measured).
   */
  wordLists?(test: WordTest): readonly ArrayLike<number>[];
}

export interface Span {
  start: number;
  end: number;
  /** Ordinals of its first and last word (for NEAR). */
  first: number;
  last: number;
  /** Index of the unit holding it. */
  unit: number;
}

/** A query made ready for many transcripts: its word tests and patterns built once. */
export interface CompiledQuery {
  node: QueryNode;
  tests: Map<QueryNode, WordTest>;
  patterns: Map<QueryNode, TextPattern>;
  options: SearchOptions;
}

/** The unit holding [start, end), or -1. */
function unitOf(units: readonly Range[], start: number, end: number): number {
  let lo = 0;
  let hi = units.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (units[mid]!.start <= start) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && end <= units[found]!.end ? found : -1;
}

/** Units as one number array [start0, end0, start1, end1, …], for DocView.bounds. */
export function unitBounds(units: readonly Range[]): Int32Array {
  const out = new Int32Array(units.length * 2);
  units.forEach((u, i) => {
    out[2 * i] = u.start;
    out[2 * i + 1] = u.end;
  });
  return out;
}

/** Where eachWordSpan puts the spans it finds: one method, so its call stays fast for every kind of list. */
export interface SpanSink {
  push(start: number, end: number, first: number, last: number, unit: number): void;
  /**
   * Optional: the runs eachWordSpan would push one by one (same rule, same order), taken in one
   * loop over the sink's own arrays. A word at ten times the study stands 500,000 times; a call
   * per place cost twice the loop (measured).
   */
  pushRuns?(run: WordRuns): void;
  /** Optional: a hit of whole words, from word `first` to word `last`, for a sink that places characters later (foundHits.ts). */
  pushWords?(first: number, last: number): void;
}

/**
 * The first ordinals of the runs that lie in one unit (one marked in `allowed`, when given), in
 * order: each place's unit read from wordUnits where it is used, no walk over the units.
 */
export function keptRuns({ wordUnits, ordinals, length, allowed }: WordRuns): Int32Array {
  const out = new Int32Array(ordinals.length);
  const words = wordUnits.length;
  let kept = 0;
  for (let i = 0; i < ordinals.length; i += 1) {
    const first = ordinals[i]!;
    const last = first + length - 1;
    if (last >= words) continue;
    const held = wordUnits[first]!;
    if (held === 0 || wordUnits[last] !== held || (allowed !== null && allowed[held - 1] !== 1)) continue;
    out[kept++] = first;
  }
  return out.subarray(0, kept);
}

/** What eachWordSpan hands pushRuns: runs of `length` words from `ordinals`, kept by wordUnits (and `allowed`). */
export interface WordRuns {
  starts: Int32Array;
  ends: Int32Array;
  wordUnits: Uint16Array | Int32Array;
  ordinals: ArrayLike<number>;
  length: number;
  allowed: Uint8Array | null;
  /**
   * When given (unitWordsOf), the sink may find each run's unit by walking these alongside the
   * ascending ordinals instead of reading wordUnits at every place: at ten times the study
   * those reads miss the cache one by one (measured: most of an AND's time).
   */
  unitWords?: Int32Array;
  /**
   * Single words only (length 1): a second ascending list of places to take together with
   * `ordinals`, in order, a place in both once (the two words of an AND or OR: merging them
   * into a third list first cost a quarter of the query, measured).
   */
  also?: ArrayLike<number>;
  /**
   * With `also`, a rule by unit found on the same walk that takes the places (marking the units
   * first was a third of an AND, measured): 'both', the places of both lists in units where each
   * has one (an AND of two words); 'firstWithoutAlso', the places of `ordinals` in units where
   * `also` has none (a NOT), the places of `also` not taken.
   */
  byUnit?: 'both' | 'firstWithoutAlso';
}

/**
 * For each ordinal (ascending), the unit holding the run of `length` words from it, or -1: one
 * walk over the units. It runs once per place of a word, 50,000 times for a common one, so it
 * reads numbers only and calls nothing; what to do with a place is the caller's simpler loop.
 */
export function placeUnits(doc: DocView, ordinals: ArrayLike<number>, length: number): Int32Array {
  if (doc.wordUnits) return readUnits(doc.wordUnits, ordinals, length);
  const { bounds, starts, ends } = doc;
  const words = starts.length;
  const count = ordinals.length;
  const unitCount = bounds.length >> 1;
  const out = new Int32Array(count);
  let unit = 0;
  let unitStart = unitCount ? bounds[0]! : 0;
  let unitEnd = unitCount ? bounds[1]! : 0;
  for (let i = 0; i < count; i += 1) {
    out[i] = -1;
    const first = ordinals[i]!;
    const last = first + length - 1;
    if (last >= words) continue;
    const start = starts[first]!;
    const end = ends[last]!;
    while (unit < unitCount && unitEnd <= start) {
      unit += 1;
      if (unit < unitCount) {
        unitStart = bounds[2 * unit]!;
        unitEnd = bounds[2 * unit + 1]!;
      }
    }
    if (unit < unitCount && unitStart <= start && end <= unitEnd) out[i] = unit;
  }
  return out;
}

/** placeUnits from wordUnits: a run lies in a unit when its first and last words lie in the same one. */
function readUnits(wordUnits: Uint16Array | Int32Array, ordinals: ArrayLike<number>, length: number): Int32Array {
  const out = new Int32Array(ordinals.length);
  const words = wordUnits.length;
  for (let i = 0; i < out.length; i += 1) {
    const first = ordinals[i]!;
    const last = first + length - 1;
    const unit = wordUnits[first]!;
    out[i] = last < words && unit !== 0 && wordUnits[last] === unit ? unit - 1 : -1;
  }
  return out;
}

/**
 * For each word, 1 + the index of the unit holding it whole, or 0 (DocView.wordUnits): one walk
 * over words and units together. Sixteen bits while the units fit, which they do in any
 * transcript with fewer than 65,535 turns.
 */
export function wordUnitsOf(bounds: Int32Array, starts: Int32Array, ends: Int32Array): Uint16Array | Int32Array {
  const unitCount = bounds.length >> 1;
  const out = unitCount < 0xffff ? new Uint16Array(starts.length) : new Int32Array(starts.length);
  let unit = 0;
  for (let w = 0; w < starts.length; w += 1) {
    const start = starts[w]!;
    while (unit < unitCount && bounds[2 * unit + 1]! <= start) unit += 1;
    if (unit < unitCount && bounds[2 * unit]! <= start && ends[w]! <= bounds[2 * unit + 1]!) out[w] = unit + 1;
  }
  return out;
}

/**
 * For each unit, the first word it holds whole and one past the last, as [first0, end0, first1,
 * end1, …] (a unit holding no word whole has first = end, where the words before it end). The
 * words a unit holds whole are consecutive, so a run of words lies in unit u when its first
 * word is at least first_u and its last is below end_u.
 */
export function unitWordsOf(wordUnits: Uint16Array | Int32Array, unitCount: number): Int32Array {
  const out = new Int32Array(2 * unitCount);
  let w = 0;
  let end = 0;
  for (let u = 0; u < unitCount; u += 1) {
    while (w < wordUnits.length && (wordUnits[w] === 0 || wordUnits[w]! < u + 1)) w += 1;
    if (w < wordUnits.length && wordUnits[w] === u + 1) {
      out[2 * u] = w;
      while (w < wordUnits.length && wordUnits[w] === u + 1) w += 1;
      end = w;
      out[2 * u + 1] = end;
    } else {
      out[2 * u] = end;
      out[2 * u + 1] = end;
    }
  }
  return out;
}

/**
 * Each run of `length` words from each ordinal (ascending) that lies inside a unit (one marked
 * in `allowed`, when given), handed to `sink` in place order.
 */
export function eachWordSpan(
  doc: DocView,
  ordinals: ArrayLike<number>,
  length: number,
  sink: SpanSink,
  allowed: Uint8Array | null = null,
): void {
  const { starts, ends, wordUnits, unitWords } = doc;
  if (wordUnits && sink.pushRuns) return sink.pushRuns({ starts, ends, wordUnits, unitWords, ordinals, length, allowed });
  if (wordUnits) {
    for (const first of keptRuns({ starts, ends, wordUnits, ordinals, length, allowed })) {
      const last = first + length - 1;
      sink.push(starts[first]!, ends[last]!, first, last, wordUnits[first]! - 1);
    }
    return;
  }
  const units = placeUnits(doc, ordinals, length);
  for (let i = 0; i < units.length; i += 1) {
    const unit = units[i]!;
    if (unit < 0 || (allowed !== null && allowed[unit] !== 1)) continue;
    const first = ordinals[i]!;
    const last = first + length - 1;
    sink.push(starts[first]!, ends[last]!, first, last, unit);
  }
}

/** Spans as objects, for the operators evaluate() answers. */
class SpanList implements SpanSink {
  readonly spans: Span[] = [];
  push(start: number, end: number, first: number, last: number, unit: number): void {
    this.spans.push({ start, end, first, last, unit });
  }
}

/** Spans of `length` words from each ordinal (ascending), those inside a unit. */
function wordSpans(doc: DocView, ordinals: ArrayLike<number>, length: number): Span[] {
  const out = new SpanList();
  eachWordSpan(doc, ordinals, length, out);
  return out.spans;
}

/** A phrase's words' places, in the phrase's order. */
export function phraseLists(doc: DocView, query: CompiledQuery, words: readonly QueryNode[]): ArrayLike<number>[] {
  return words.map((w) => matchingWords(doc, query.tests.get(w)!));
}

export function matchingWords(doc: DocView, test: WordTest): ArrayLike<number> {
  const found = doc.words(test);
  if (!test.strict) return found;
  const strict = test.strict;
  return Int32Array.from(Array.from(found).filter((o) => strict(doc.text.slice(doc.starts[o], doc.ends[o]))));
}

const byPlace = (a: Span, b: Span) => a.start - b.start || a.end - b.end;

/** Sorted, with repeats of the same stretch dropped. */
function distinct(spans: Span[]): Span[] {
  spans.sort(byPlace);
  return spans.filter((s, i) => i === 0 || s.start !== spans[i - 1]!.start || s.end !== spans[i - 1]!.end);
}

/** Two lists in place order, merged into one in place order without repeats of a stretch. */
function mergeTwo(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  const push = (s: Span) => {
    const last = out[out.length - 1];
    if (!last || last.start !== s.start || last.end !== s.end) out.push(s);
  };
  while (i < a.length && j < b.length) push(byPlace(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) push(a[i++]!);
  while (j < b.length) push(b[j++]!);
  return out;
}

/**
 * Lists each already in place order (every node's spans are), merged pairwise: linear in the
 * spans, where sorting their concatenation cost most of an AND of two common words.
 */
export function mergeSorted(lists: Span[][]): Span[] {
  let round = lists;
  if (round.length === 0) return [];
  if (round.length === 1) return mergeTwo(round[0]!, []);
  while (round.length > 1) {
    const next: Span[][] = [];
    for (let k = 0; k < round.length; k += 2) next.push(k + 1 < round.length ? mergeTwo(round[k]!, round[k + 1]!) : round[k]!);
    round = next;
  }
  return round[0]!;
}

function near(left: Span[], right: Span[], distance: number): Span[] {
  const byFirst = [...right].sort((a, b) => a.first - b.first);
  const longest = byFirst.reduce((m, s) => Math.max(m, s.last - s.first), 0);
  const out: Span[] = [];
  for (const a of left) {
    // Every b that could be close enough starts within this window of words.
    const from = a.first - distance - 1 - longest;
    let lo = 0;
    let hi = byFirst.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byFirst[mid]!.first < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < byFirst.length && byFirst[i]!.first <= a.last + distance + 1; i += 1) {
      const b = byFirst[i]!;
      if (b.unit !== a.unit) continue;
      const gap = b.first > a.last ? b.first - a.last - 1 : a.first > b.last ? a.first - b.last - 1 : -1;
      if (gap < 0 || gap > distance) continue;
      out.push({
        start: Math.min(a.start, b.start),
        end: Math.max(a.end, b.end),
        first: Math.min(a.first, b.first),
        last: Math.max(a.last, b.last),
        unit: a.unit,
      });
    }
  }
  return distinct(out);
}

function regexSpans(doc: DocView, pattern: TextPattern): Span[] {
  const out: Span[] = [];
  for (const [start, end] of pattern.matches(doc.text)) {
    const unit = unitOf(doc.units, start, end);
    if (unit < 0) continue;
    const first = wordAfter(doc.ends, start);
    const last = Math.max(first, wordAfter(doc.ends, end - 1));
    out.push({ start, end, first, last: Math.min(last, Math.max(0, doc.starts.length - 1)), unit });
  }
  return out;
}

export function evaluate(query: CompiledQuery, doc: DocView): Span[] {
  // AND and NOT look for their other side in the same unit, or anywhere in the transcript.
  const byTranscript = query.options.scope === 'transcript';
  const run = (node: QueryNode): Span[] => {
    switch (node.kind) {
      case 'word':
        return wordSpans(doc, matchingWords(doc, query.tests.get(node)!), 1);
      case 'phrase':
        return wordSpans(doc, phraseStarts(phraseLists(doc, query, node.words)), node.words.length);
      case 'regex':
        return regexSpans(doc, query.patterns.get(node)!);
      case 'near':
        return near(run(node.left), run(node.right), node.distance);
      case 'or':
        return mergeSorted(node.children.map(run));
      case 'and': {
        const parts = node.children.map(run);
        if (parts.some((p) => p.length === 0)) return [];
        if (byTranscript) return mergeSorted(parts);
        // How many of the parts each unit holds: a unit holding all keeps their spans.
        const holds = new Int32Array(doc.units.length);
        for (const part of parts) {
          const seen = new Uint8Array(doc.units.length);
          for (const span of part) seen[span.unit] = 1;
          seen.forEach((v, u) => (holds[u]! += v));
        }
        return mergeSorted(parts.map((part) => part.filter((span) => holds[span.unit] === parts.length)));
      }
      case 'not': {
        const include = run(node.include);
        if (include.length === 0) return [];
        const exclude = run(node.exclude);
        if (exclude.length === 0) return include;
        if (byTranscript) return [];
        const excluded = new Uint8Array(doc.units.length);
        for (const span of exclude) excluded[span.unit] = 1;
        return include.filter((span) => excluded[span.unit] === 0);
      }
    }
  };
  return run(query.node);
}
