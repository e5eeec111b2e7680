// Text <-> recording: the moment a place in the transcript is said, and the place being said at
// a moment. Between two known points (timeline.ts) time is spread evenly over the spoken words;
// beyond them it runs on at the neighbouring stretch's words a second.
//
// Conventions, so that the two directions agree:
// - An offset's word position is the number of spoken words that start before it; its time is
//   the time that position has between the points around it. A known point's own offset has
//   exactly the point's time. Between two points with no words in between (a turn's end and the
//   next turn's start), offsets have the earlier point's time.
// - offsetAt(s) is where the word being said at s starts (or the start of the turn it opens):
//   word k is said from its start's time until word k+1's. So offsetAt(timeAt(turn.start)) is
//   turn.start for every turn that has a word, wherever timeAt gives a time and that time is
//   not shared with a later point (times strictly increasing); property-tested.
// - Beyond the points (see edgeRates in timeline.ts): with two or more points, the nearest
//   stretch's rate, never before 0 nor after a known duration. With one point, a known duration
//   fills the rest of the recording with the rest of the words; without one, only the point
//   itself and the places with no word between them and it have a time, and other offsets and
//   moments give null. No points at all: null.
// - Moments before the first word map to offset 0, after the last word to the text's end;
//   negative or non-finite moments, and offsets outside the text, give null.
// Each call is a few binary searches (points, words, turn starts) over the timeline, built once
// per source.
import { formatTime } from './clock';
import { offsetOfWord, wordsBefore } from './spokenWords';
import { timeline, type TimedSource, type TimelinePoint } from './timeline';

/** The last point whose `key` is at or before `value`, -1 when none. */
function lastAtOrBefore(points: readonly TimelinePoint[], value: number, key: 'offset' | 'seconds'): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (points[mid]![key] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** A fractional word position as a word index: the word being said, allowing for rounding. */
function wordIndex(position: number): number {
  const nearest = Math.round(position);
  return Math.abs(position - nearest) < 1e-6 ? nearest : Math.floor(position);
}

/** The moment (seconds into the recording) at which the text at `offset` is said; null when unknown. */
export function timeAt(source: TimedSource, offset: number): number | null {
  if (!Number.isFinite(offset) || offset < 0 || offset > source.text.length) return null;
  const { points, words, rateBefore, rateAfter } = timeline(source);
  if (points.length === 0) return null;
  const i = lastAtOrBefore(points, offset, 'offset');
  if (i >= 0 && points[i]!.offset === offset) return points[i]!.seconds;
  const k = wordsBefore(words, offset);
  if (i < 0) {
    const first = points[0]!;
    if (k >= first.words) return first.seconds;
    return rateBefore === null ? null : Math.max(0, first.seconds - (first.words - k) / rateBefore);
  }
  const a = points[i]!;
  const b = points[i + 1];
  if (k <= a.words) return a.seconds;
  if (b === undefined) return rateAfter === null ? null : a.seconds + (k - a.words) / rateAfter;
  if (b.words === a.words) return a.seconds;
  if (k >= b.words) return b.seconds;
  // Rounding must not carry a time past the next point's (times would run backwards there).
  return Math.min(b.seconds, a.seconds + ((b.seconds - a.seconds) * (k - a.words)) / (b.words - a.words));
}

/** The offset in the text being said at `seconds` into the recording; null when unknown. */
export function offsetAt(source: TimedSource, seconds: number): number | null {
  if (!Number.isFinite(seconds) || seconds < 0) return null;
  const { points, words, rateBefore, rateAfter } = timeline(source);
  if (points.length === 0) return null;
  const j = lastAtOrBefore(points, seconds, 'seconds');
  if (j < 0) {
    const first = points[0]!;
    if (first.words === 0) return 0;
    if (rateBefore === null) return null;
    const k = wordIndex(first.words - (first.seconds - seconds) * rateBefore);
    return k < 0 ? 0 : offsetOfWord(words, Math.min(k, first.words - 1));
  }
  const a = points[j]!;
  const b = points[j + 1];
  if (b === undefined) {
    if (a.words >= words.count) return seconds === a.seconds ? a.offset : words.textLength;
    if (seconds === a.seconds) return Math.max(a.offset, offsetOfWord(words, a.words));
    if (rateAfter === null) return null;
    const k = wordIndex(a.words + (seconds - a.seconds) * rateAfter);
    return k >= words.count ? words.textLength : Math.max(a.offset, offsetOfWord(words, Math.max(a.words, k)));
  }
  if (b.words === a.words) return a.offset; // a silence between two points: nothing more is said yet
  const position = a.words + ((seconds - a.seconds) / (b.seconds - a.seconds)) * (b.words - a.words);
  const k = Math.min(Math.max(wordIndex(position), a.words), b.words - 1);
  return Math.max(a.offset, offsetOfWord(words, k));
}

/**
 * When the text at `offset` is said, as a clock ("12:34"): what quotes ({time}), their tables and
 * Retrieval show. '' where the transcript has no time there (or no source, or no offset).
 */
export function clockAt(source: TimedSource | undefined, offset: number | undefined): string {
  if (!source || offset === undefined) return '';
  const seconds = timeAt(source, offset);
  return seconds === null ? '' : formatTime(seconds);
}
