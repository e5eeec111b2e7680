// The timeline of one transcript: every moment known for a place in its text, made consistent,
// with the spoken words counted, so that timeAt and offsetAt (mapping.ts) interpolate by words.
//
// Known points, in order of trust:
// 1. the researcher's sync points (heard while listening);
// 2. the turns' startTimes from the file (VTT/SRT/Whisper/Otter cues), at each turn's start;
// 3. the turns' endTimes, at each turn's end (a cue's end overlaps the next cue's start more
//    often than two starts disagree);
// 4. timestamps written in the text (timestamps.ts). A timestamp times what follows it: its point
//    is the next spoken word, or the start of the turn that word opens, so "[00:01:23] Kieran: Hi"
//    and "Kieran  0:03\nHi" both time the turn "Hi", and an inline "... [00:05:00] he said" times
//    "he".
// Where points contradict each other (a later offset at an earlier time) the more trusted point
// stays and the less trusted ones that contradict it go; within one tier the longest consistent
// run stays (monotonicPoints.ts). Times then never decrease along the text.
import type { Turn } from '../shared';
import { monotonicPoints } from './monotonicPoints';
import { offsetOfWord, spokenWords, wordsBefore, type SpokenWords } from './spokenWords';
import type { SyncPoint } from './syncPoints';
import { timestampSpans } from './timestamps';

/** What timeAt and offsetAt need of a transcript: a Source fits, with sync points when it has them. */
export interface TimedSource {
  text: string;
  turns: readonly Turn[];
  syncPoints?: readonly SyncPoint[];
  /** The recording's length in seconds, when known (the media player knows it): see mapping.ts. */
  duration?: number;
}

export type TimeOrigin = 'sync point' | 'turn start' | 'turn end' | 'timestamp';

export interface TimelinePoint {
  offset: number;
  seconds: number;
  origin: TimeOrigin;
  /** Spoken words before `offset` (spokenWords.ts). */
  words: number;
}

export interface Timeline {
  /** The points kept, by offset; offsets strictly increase, times never decrease. */
  readonly points: readonly TimelinePoint[];
  readonly words: SpokenWords;
  /** Words a second before the first point and after the last; null where nothing tells. */
  readonly rateBefore: number | null;
  readonly rateAfter: number | null;
}

type Candidate = Omit<TimelinePoint, 'words'>;

const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;

function candidates(source: TimedSource, words: SpokenWords, stamps: ReturnType<typeof timestampSpans>): Candidate[][] {
  const length = source.text.length;
  const inText = (offset: number) => Number.isInteger(offset) && offset >= 0 && offset <= length;
  const sync: Candidate[] = (source.syncPoints ?? [])
    .filter((p) => inText(p.offset) && isTime(p.seconds))
    .map((p) => ({ offset: p.offset, seconds: p.seconds, origin: 'sync point' }));
  const starts: Candidate[] = [];
  const ends: Candidate[] = [];
  for (const t of source.turns) {
    if (isTime(t.startTime) && inText(t.start)) starts.push({ offset: t.start, seconds: t.startTime, origin: 'turn start' });
    if (isTime(t.endTime) && inText(t.end)) ends.push({ offset: t.end, seconds: t.endTime, origin: 'turn end' });
  }
  const written: Candidate[] = stamps.map((s) => ({
    offset: offsetOfWord(words, wordsBefore(words, s.end)),
    seconds: s.seconds,
    origin: 'timestamp',
  }));
  return [sync, starts, ends, written];
}

/** Words a second over points[i]..points[i+1], null when the stretch has no words or no time. */
function rateOver(points: readonly TimelinePoint[], i: number): number | null {
  const words = points[i + 1]!.words - points[i]!.words;
  const seconds = points[i + 1]!.seconds - points[i]!.seconds;
  return words > 0 && seconds > 0 ? words / seconds : null;
}

/**
 * The rates used beyond the points: the nearest stretch between points that has words and time
 * (searching inwards). Two bounds then apply: the recording starts at 0, so before the first point
 * the rate is at least fast enough to fit the words before it into its time; and with a known
 * duration after the last point, fast enough to end the words by then. With one point and a
 * duration, the words after it fill the rest of the recording, and that rate serves before it too.
 */
function edgeRates(points: readonly TimelinePoint[], wordCount: number, duration: number | undefined) {
  let first: number | null = null;
  for (let i = 0; i + 1 < points.length && first === null; i++) first = rateOver(points, i);
  let last: number | null = null;
  for (let i = points.length - 2; i >= 0 && last === null; i--) last = rateOver(points, i);
  const head = points[0]!;
  const tail = points[points.length - 1]!;
  let after = last;
  if (isTime(duration) && duration > tail.seconds && wordCount > tail.words) {
    const fit = (wordCount - tail.words) / (duration - tail.seconds);
    after = after === null ? fit : Math.max(after, fit);
  }
  let before = first ?? after;
  // Words before a point at 0 were said at 0 too (an infinite rate); otherwise fit them after 0.
  if (head.words > 0 && head.seconds === 0) before = Infinity;
  else if (head.words > 0 && before !== null) before = Math.max(before, head.words / head.seconds);
  return { rateBefore: before, rateAfter: after };
}

function build(source: TimedSource): Timeline {
  const stamps = timestampSpans(source.text);
  const words = spokenWords(source.text, source.turns, stamps);
  const points = monotonicPoints(candidates(source, words, stamps)).map((p) => ({ ...p, words: wordsBefore(words, p.offset) }));
  if (points.length === 0) return { points, words, rateBefore: null, rateAfter: null };
  return { points, words, ...edgeRates(points, words.count, source.duration) };
}

interface Cached {
  text: string;
  turns: readonly Turn[];
  syncPoints: readonly SyncPoint[] | undefined;
  duration: number | undefined;
  timeline: Timeline;
}

// Built once per source object and kept while the object lives: a media player asks many times
// a second. Records are replaced, never changed in place, so a changed text, turn list, sync
// point list or duration is a different value and builds again.
const cache = new WeakMap<TimedSource, Cached>();

/** The source's timeline (built once per source object, then reused). */
export function timeline(source: TimedSource): Timeline {
  const known = cache.get(source);
  if (
    known &&
    known.text === source.text &&
    known.turns === source.turns &&
    known.syncPoints === source.syncPoints &&
    known.duration === source.duration
  ) {
    return known.timeline;
  }
  const built = build(source);
  cache.set(source, { text: source.text, turns: source.turns, syncPoints: source.syncPoints, duration: source.duration, timeline: built });
  return built;
}
