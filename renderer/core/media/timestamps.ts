// Timestamps written into a transcript's text by transcription tools and transcribers, found
// without mistaking the clock times and ratios of ordinary prose for them.
//
// The rule: a clock reading is a timestamp when
// 1. it fills a pair of brackets, anywhere in a line: "[12:34]", "[00:12:34.567]", "(12:34)",
//    "(00:12:34,5)", or a bracketed range whose start is taken, "[00:00:01.000 --> 00:00:04.000]"
//    (whisper.cpp's console output) or "[00:01 - 00:05]";
// 2. it is bare at the start of a line (after indentation) and followed by a space or the end
//    of the line: always with hours ("00:12:34 Speaker: ...", "00:12:34.5 hello"); a reading
//    without hours ("12:34") only when the line ends there ("0:03" alone, Otter without names)
//    or a speaker label follows ("12:34 Kieran: ..."), so "10:30 on Friday we met" stays prose;
// 3. it is bare at the end of a short speaker line (at most 80 characters: a speaker label's
//    shape, then the time): "Kieran  0:03" (Otter, two spaces), "Speaker 1\t1:02:03", or with
//    hours after a single space "Kieran 00:01:02". A reading without hours needs two spaces or
//    a tab, so a line reading "John 3:16" stays prose.
// Anything else ("we met at 10:30 on Friday", "a 3:1 ratio", "John 3:16" mid-line) is prose.
// Minutes and seconds must be below 60 ("[75:00]" is not a time).
//
// Linear in the text: one pass of a bracket pattern that can fail only a few characters after
// where it starts, and one pass over the lines, each tried at its start and, when short, whole.
import { speakerLabelKind } from '../transcripts';
import { CLOCK_PATTERN, clockSeconds } from './clock';

/** A timestamp in a text: [offset, end) are UTF-16 offsets of its characters, brackets included. */
export interface TimestampSpan {
  offset: number;
  end: number;
  seconds: number;
}

const RANGE_TAIL = String.raw`(?:[ \t]*(?:-->|[-–—])[ \t]*(${CLOCK_PATTERN}))?`;
// Groups: 1 the clock in square brackets, 2 its range end; 3 in round brackets, 4 its range end.
const BRACKETED = new RegExp(String.raw`\[(${CLOCK_PATTERN})${RANGE_TAIL}\]|\((${CLOCK_PATTERN})${RANGE_TAIL}\)`, 'g');
// A bare clock at the start of a line, not running on into more digits, colons or fractions.
const LINE_START = new RegExp(String.raw`^[ \t]*(${CLOCK_PATTERN})(?![\d:]|[.,]\d)(?=[ \t]|$)`);
// What may follow an hourless clock at a line start: nothing, or (after a dash) "Name:".
const LABEL_AFTER = /^[ \t]*(?:[-–—|][ \t]*)?(?:$|(\p{Lu}[^:\n]{0,39}?)[ \t]*:(?:[ \t]|$))/u;
// A short line ending in a clock: groups 1 the name, 2 the space before the clock, 3 the clock.
const LINE_END = new RegExp(String.raw`^[ \t]*(\S.*?)([ \t]+)(${CLOCK_PATTERN})[ \t]*$`);
const SHORT_LINE = 80;
const LINE_START_WINDOW = 40;

const hasHours = (clock: string) => clock.indexOf(':') !== clock.lastIndexOf(':');

/** A speaker label's shape, as detectTurns accepts one: at most four words, "Kieran", "Speaker 2". */
function isSpeakerName(name: string): boolean {
  return !name.includes(':') && name.split(/[ \t]+/).length <= 4 && speakerLabelKind(name) !== null;
}

function bracketed(text: string, found: TimestampSpan[]): void {
  BRACKETED.lastIndex = 0;
  for (let m = BRACKETED.exec(text); m !== null; m = BRACKETED.exec(text)) {
    const clock = m[1] ?? m[3]!;
    const rangeEnd = m[2] ?? m[4];
    const seconds = clockSeconds(clock);
    if (seconds === null || (rangeEnd !== undefined && clockSeconds(rangeEnd) === null)) {
      // Not a time: look again just after the bracket, so a time inside it is not skipped.
      BRACKETED.lastIndex = m.index + 1;
      continue;
    }
    found.push({ offset: m.index, end: m.index + m[0].length, seconds });
  }
}

/** The bare forms of one line (rules 2 and 3). */
function bareInLine(line: string, lineStart: number, found: TimestampSpan[]): void {
  const start = LINE_START.exec(line.slice(0, LINE_START_WINDOW));
  if (start) {
    const clock = start[1]!;
    const at = start[0].length - clock.length;
    const seconds = clockSeconds(clock);
    const rest = line.slice(start[0].length);
    const label = hasHours(clock) ? null : LABEL_AFTER.exec(rest);
    const labelOk = label !== null && (label[1] === undefined || isSpeakerName(label[1].trim()));
    if (seconds !== null && (hasHours(clock) || labelOk)) {
      found.push({ offset: lineStart + at, end: lineStart + at + clock.length, seconds });
      return;
    }
  }
  if (line.length > SHORT_LINE) return;
  const end = LINE_END.exec(line);
  if (!end) return;
  const [, name, space, clock] = end as unknown as [string, string, string, string];
  const spaced = space.includes('\t') || space.length >= 2;
  const seconds = clockSeconds(clock);
  if (seconds === null || !(spaced || hasHours(clock)) || !isSpeakerName(name)) return;
  // The clock ends the line but for trailing space.
  const offset = lineStart + end[0].replace(/[ \t]+$/, '').length - clock.length;
  found.push({ offset, end: offset + clock.length, seconds });
}

/** Every timestamp in the text (see the rules above), in order, with where it ends. */
export function timestampSpans(text: string): TimestampSpan[] {
  const found: TimestampSpan[] = [];
  bracketed(text, found);
  // Only lines holding a colon are looked at; the next colon is found once and reused by every
  // line before it (searching again from each line would be quadratic on a text without one).
  let nextColon = -1;
  for (let lineStart = 0; lineStart < text.length;) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    if (nextColon < lineStart) nextColon = text.indexOf(':', lineStart);
    if (nextColon === -1) break;
    if (nextColon < lineEnd) bareInLine(text.slice(lineStart, lineEnd), lineStart, found);
    lineStart = lineEnd + 1;
  }
  found.sort((a, b) => a.offset - b.offset);
  // A bracket and a bare reading never share characters, but keep the guarantee explicit.
  const spans: TimestampSpan[] = [];
  for (const span of found) if (spans.length === 0 || span.offset >= spans[spans.length - 1]!.end) spans.push(span);
  return spans;
}

/** Every timestamp written in a transcript's text, in order: where it starts and the seconds it reads. */
export function parseTimestamps(text: string): { offset: number; seconds: number }[] {
  return timestampSpans(text).map(({ offset, seconds }) => ({ offset, seconds }));
}
