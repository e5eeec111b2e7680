// A search's hits as the index finds them, before their characters are looked up. A word found
// 50,000 times stands at 50,000 scattered places of 350 transcripts' word tables; reading each
// one's start and end there is a cache miss apiece and was most of a search's time (measured:
// 6 ms of 100,000 hits' 7, where reading the words' speaker turns, a table a quarter the size,
// took 0.4). What the Search tab shows first needs only how many hits each transcript has, and
// its concordance needs the places of one page of lines: so whole-word hits keep their word
// numbers, and their characters are looked up when a line, an auto-code or a test asks.
import type { SpanSink, WordRuns } from './evaluate';
import type { PackedHits } from './kwic';

/**
 * Hits in reading order, transcript by transcript. `from`/`to` hold a hit's characters, or, for
 * a run of whole words, −1 − the ordinal of its first and of its last word (placed by
 * placeFoundHits). A hit is one or the other whole: both numbers are negative or neither is.
 */
export interface FoundHits {
  sourceIds: string[];
  /** How many hits each of sourceIds has (all of them have one at least), in order: hits of sourceIds[0] come first. */
  perSource: Int32Array;
  from: Int32Array;
  to: Int32Array;
}

/** How many hits each transcript has: all the Search tab's counts need, a few bytes a transcript. */
export interface HitTally {
  sourceIds: string[];
  perSource: Int32Array;
}

/** A transcript's words' places (the index keeps them), to place its whole-word hits. */
export interface WordPlaces {
  starts: Int32Array;
  ends: Int32Array;
}

export function tallyOf(found: FoundHits): HitTally {
  return { sourceIds: found.sourceIds, perSource: found.perSource };
}

/** Where each transcript's hits begin, and the end of the last: sourceIds.length + 1 numbers. */
export function hitOffsets(found: Pick<FoundHits, 'perSource'>): Int32Array {
  const offsets = new Int32Array(found.perSource.length + 1);
  for (let n = 0; n < found.perSource.length; n += 1) offsets[n + 1] = offsets[n]! + found.perSource[n]!;
  return offsets;
}

/** Which of sourceIds hit `i` belongs to (by hitOffsets' numbers). */
export function sourceOfHit(offsets: Int32Array, i: number): number {
  let lo = 0;
  let hi = offsets.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Hit `i`'s characters; `n` is its transcript's number (sourceOfHit). */
export function placeFoundHit(
  found: FoundHits,
  i: number,
  n: number,
  words: (sourceId: string) => WordPlaces,
): { start: number; end: number } {
  const from = found.from[i]!;
  const to = found.to[i]!;
  if (from >= 0) return { start: from, end: to };
  const { starts, ends } = words(found.sourceIds[n]!);
  return { start: starts[-1 - from]!, end: ends[-1 - to]! };
}

/** Every hit with its characters, as the worker hands hits over. */
export function placeFoundHits(found: FoundHits, words: (sourceId: string) => WordPlaces): PackedHits {
  const count = found.from.length;
  const source = new Int32Array(count);
  const start = new Int32Array(count);
  const end = new Int32Array(count);
  let i = 0;
  found.sourceIds.forEach((id, n) => {
    const { starts, ends } = words(id);
    for (const last = i + found.perSource[n]!; i < last; i += 1) {
      const from = found.from[i]!;
      const to = found.to[i]!;
      source[i] = n;
      start[i] = from >= 0 ? from : starts[-1 - from]!;
      end[i] = to >= 0 ? to : ends[-1 - to]!;
    }
  });
  return { sourceIds: found.sourceIds, source, start, end };
}

const NO_PLACES = new Int32Array(0);

/** Beyond any word's ordinal: a list walked to its end (a small integer, 2^30 − 1, so the merge's numbers stay small integers). */
const PAST_LAST = 0x3fffffff;

/**
 * Hits gathered into typed arrays that grow by doubling, so no object is made per hit. Call
 * `enter` before each transcript's hits; a transcript with none is left out of sourceIds.
 */
export class FoundHitsBuilder implements SpanSink {
  count = 0;
  private sourceIds: string[] = [];
  private perSource: number[] = [];
  private current: string | null = null;
  private currentFrom = 0;
  private froms = new Int32Array(4096);
  private tos = new Int32Array(4096);

  /**
   * Starts over, keeping the arrays (hits found before through this builder are overwritten):
   * at ten times the study a common word's million hits took fresh memory, grown by doubling,
   * for every search.
   */
  reset(): this {
    this.count = 0;
    this.sourceIds = [];
    this.perSource = [];
    this.current = null;
    this.currentFrom = 0;
    return this;
  }

  /** The hits that follow are `sourceId`'s. */
  enter(sourceId: string): void {
    this.close();
    this.current = sourceId;
    this.currentFrom = this.count;
  }

  private close(): void {
    if (this.current === null || this.count === this.currentFrom) return;
    this.sourceIds.push(this.current);
    this.perSource.push(this.count - this.currentFrom);
  }

  push(start: number, end: number): void {
    if (this.count === this.froms.length) this.reserve(1);
    this.froms[this.count] = start;
    this.tos[this.count] = end;
    this.count += 1;
  }

  pushWords(first: number, last: number): void {
    if (this.count === this.froms.length) this.reserve(1);
    this.froms[this.count] = -1 - first;
    this.tos[this.count] = -1 - last;
    this.count += 1;
  }

  /**
   * eachWordSpan's rule (evaluate.ts keptRuns) over a list of places, straight into the arrays,
   * as word ordinals: the runs' starts and ends are not read here (see the head of this file).
   */
  pushRuns(run: WordRuns): void {
    // Two lists (an AND, an OR) walk the units beside their places; one list reads each place's
    // unit (a word stands fewer times in a transcript than it has turns: reading was quicker).
    if (run.also) {
      if (!run.unitWords) throw new Error('Two lists of places are taken together only with the units as word ranges.');
      if (run.byUnit) this.pushByUnit(run, run.unitWords, run.also, run.byUnit);
      else this.pushMerged(run, run.unitWords, run.also);
      return;
    }
    // A single word's places walk beside each unit's word range (pushMerged with no second
    // list): reading each place's unit from wordUnits missed the cache once a place at ten times
    // the study (a common word's 500,000 places: 26 ms read, 20 walked, in Node, interleaved).
    // A phrase's starts are few; they read wordUnits (walking was slower there).
    if (run.length === 1 && run.unitWords) {
      this.pushMerged(run, run.unitWords, NO_PLACES);
      return;
    }
    const { ordinals, wordUnits, allowed } = run;
    this.reserve(ordinals.length);
    const { froms, tos } = this;
    const extra = run.length - 1;
    const words = wordUnits.length;
    let count = this.count;
    for (let i = 0; i < ordinals.length; i += 1) {
      const first = ordinals[i]!;
      const last = first + extra;
      if (last >= words) continue;
      const held = wordUnits[first]!;
      if (held === 0 || wordUnits[last] !== held || (allowed !== null && allowed[held - 1] !== 1)) continue;
      froms[count] = -1 - first;
      tos[count] = -1 - last;
      count += 1;
    }
    this.count = count;
  }

  /** Single words from two lists walked together in place order (WordRuns.also), each place once; `also` may be empty. */
  private pushMerged(run: WordRuns, unitWords: Int32Array, also: ArrayLike<number>): void {
    const { ordinals, allowed } = run;
    this.reserve(ordinals.length + also.length);
    const { froms, tos } = this;
    const units = unitWords.length >> 1;
    let count = this.count;
    let i = 0;
    let j = 0;
    let u = 0;
    while (i < ordinals.length || j < also.length) {
      const a = i < ordinals.length ? ordinals[i]! : PAST_LAST;
      const b = j < also.length ? also[j]! : PAST_LAST;
      const place = a <= b ? a : b;
      if (a <= b) i += 1;
      if (b <= a) j += 1;
      while (u < units && unitWords[2 * u + 1]! <= place) u += 1;
      if (u === units) break;
      if (place < unitWords[2 * u]! || (allowed !== null && allowed[u] !== 1)) continue;
      froms[count] = -1 - place;
      tos[count] = -1 - place;
      count += 1;
    }
    this.count = count;
  }

  /**
   * An AND or a NOT of two words in one walk (WordRuns.byUnit): unit by unit, each list's places
   * in the unit found, then those the rule keeps taken in order (a place in both once).
   */
  private pushByUnit(run: WordRuns, unitWords: Int32Array, also: ArrayLike<number>, rule: 'both' | 'firstWithoutAlso'): void {
    const a = run.ordinals;
    this.reserve(a.length + (rule === 'both' ? also.length : 0));
    const { froms, tos } = this;
    const units = unitWords.length >> 1;
    let count = this.count;
    let i = 0;
    let j = 0;
    let u = 0;
    // A NOT goes on after `also` ends (every unit left is free of it); an AND stops.
    while (i < a.length && (j < also.length || rule === 'firstWithoutAlso')) {
      const place = j < also.length && also[j]! < a[i]! ? also[j]! : a[i]!;
      while (u < units && unitWords[2 * u + 1]! <= place) u += 1;
      if (u === units) break;
      const start = unitWords[2 * u]!;
      if (place < start) {
        // Between units: step both lists up to the unit's start.
        while (i < a.length && a[i]! < start) i += 1;
        while (j < also.length && also[j]! < start) j += 1;
        continue;
      }
      const end = unitWords[2 * u + 1]!;
      let iEnd = i;
      while (iEnd < a.length && a[iEnd]! < end) iEnd += 1;
      let jEnd = j;
      while (jEnd < also.length && also[jEnd]! < end) jEnd += 1;
      if (rule === 'firstWithoutAlso' ? jEnd === j : iEnd > i && jEnd > j) {
        if (rule === 'firstWithoutAlso') j = jEnd;
        while (i < iEnd || j < jEnd) {
          const x = i < iEnd ? a[i]! : PAST_LAST;
          const y = j < jEnd ? also[j]! : PAST_LAST;
          const next = x <= y ? x : y;
          if (x <= y) i += 1;
          if (y <= x) j += 1;
          froms[count] = -1 - next;
          tos[count] = -1 - next;
          count += 1;
        }
      }
      i = iEnd;
      j = jEnd;
      u += 1;
    }
    this.count = count;
  }

  /** Room for `more` hits beyond those held, grown by doubling. */
  private reserve(more: number): void {
    let size = this.froms.length;
    while (size < this.count + more) size *= 2;
    if (size === this.froms.length) return;
    const grow = (a: Int32Array) => {
      const next = new Int32Array(size);
      next.set(a.subarray(0, this.count));
      return next;
    };
    this.froms = grow(this.froms);
    this.tos = grow(this.tos);
  }

  /** The hits found: views of the builder's arrays, not copies, good until it is reset. */
  finish(): FoundHits {
    this.close();
    this.current = null;
    return {
      sourceIds: this.sourceIds,
      perSource: Int32Array.from(this.perSource),
      from: this.froms.subarray(0, this.count),
      to: this.tos.subarray(0, this.count),
    };
  }
}

/** Hits with their characters already known (a code filter needs them; packHits numbers transcripts in reading order), as found hits. */
export function foundFromPacked(packed: PackedHits): FoundHits {
  const perSource = new Int32Array(packed.sourceIds.length);
  for (const n of packed.source) perSource[n]! += 1;
  return { sourceIds: packed.sourceIds, perSource, from: packed.start, to: packed.end };
}
