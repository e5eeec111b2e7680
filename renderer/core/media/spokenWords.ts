// The words of a transcript that were said aloud, as the timeline counts them: speech runs at
// roughly so many words a second, so time is spread over words, not characters (a long word
// and a comma are not said in proportion to their length).
//
// A word is a run of letters and digits (\p{L}\p{N}, so every script counts). When the source
// has turns, only words inside turns count: a speaker label ("Kieran:") sits between turns and
// is not said. Words inside timestamps ("[00:12:34]") are never said either and do not count.
// Words are cut at turn boundaries, so every turn starts a word of its own.
import type { Turn } from '../shared';
import type { TimestampSpan } from './timestamps';

export interface SpokenWords {
  /** Start and end (exclusive) UTF-16 offsets of the counted words, in order. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly count: number;
  /** The turns' start offsets, ascending: where a position between two words is snapped. */
  readonly turnStarts: Int32Array;
  readonly textLength: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Turn ranges in order, each clipped to the text and to the end of the one before it. */
function speechRanges(textLength: number, turns: readonly Turn[]): [number, number][] {
  if (turns.length === 0) return [[0, textLength]];
  const sorted = [...turns].sort((a, b) => a.start - b.start);
  const ranges: [number, number][] = [];
  let covered = 0;
  for (const t of sorted) {
    const start = Math.max(t.start, covered);
    const end = Math.min(t.end, textLength);
    if (start < end) ranges.push([start, end]);
    covered = Math.max(covered, end);
  }
  return ranges;
}

/** Indexes the spoken words of a text (see above). `unsaid` are timestamps, in order. */
export function spokenWords(text: string, turns: readonly Turn[], unsaid: readonly TimestampSpan[]): SpokenWords {
  const starts: number[] = [];
  const ends: number[] = [];
  let stamp = 0;
  for (const [from, to] of speechRanges(text.length, turns)) {
    WORD.lastIndex = from;
    for (let m = WORD.exec(text); m !== null && m.index < to; m = WORD.exec(text)) {
      while (stamp < unsaid.length && unsaid[stamp]!.end <= m.index) stamp++;
      const inStamp = stamp < unsaid.length && unsaid[stamp]!.offset <= m.index;
      if (!inStamp) {
        starts.push(m.index);
        ends.push(Math.min(m.index + m[0].length, to));
      }
    }
  }
  const turnStarts = Int32Array.from(turns, (t) => t.start).sort();
  return { starts: Int32Array.from(starts), ends: Int32Array.from(ends), count: starts.length, turnStarts, textLength: text.length };
}

/** The first index in a sorted array whose value is >= x (the array's length when none). */
function lowerBound(values: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many counted words start before `offset`: the word position of an offset. */
export function wordsBefore(words: SpokenWords, offset: number): number {
  return lowerBound(words.starts, offset);
}

/**
 * The offset that stands for word position `k` (k words said before it): the start of a turn
 * lying between word k-1 and word k when there is one (the last such, so a turn opening with a
 * quotation mark or "[laughs]" is found at its start), else word k's start; after the last word,
 * the end of the text. wordsBefore(words, offsetOfWord(words, k)) === k.
 */
export function offsetOfWord(words: SpokenWords, k: number): number {
  const lo = k > 0 ? words.ends[k - 1]! : 0;
  const hi = k < words.count ? words.starts[k]! : words.textLength;
  const after = lowerBound(words.turnStarts, hi + 1); // turn starts <= hi end before this index
  if (after > 0 && words.turnStarts[after - 1]! >= lo) return Math.min(words.turnStarts[after - 1]!, hi);
  return hi;
}
