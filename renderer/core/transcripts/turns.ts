// Speaker turns over canonical text. A turn is a [start, end) range of what was said, without
// the label, so agreement "per turn" and quotes never include "Interviewer:" itself.
import type { SpeakerRole, Turn } from '../shared';

/** Labels that count as speakers even when they occur once (lower case, without digits). */
export const KNOWN_LABELS: readonly string[] = [
  'interviewer',
  'interviewee',
  'participant',
  'respondent',
  'int',
  'facilitator',
  'researcher',
  'i',
  'r',
  'q',
  'a',
  'mod',
  'moderator',
];

// Bracketed stage directions that look like "[Name]" but are not speakers.
const NOT_SPEAKERS = new Set([
  'laughs',
  'laughter',
  'laughing',
  'inaudible',
  'unclear',
  'pause',
  'long pause',
  'crosstalk',
  'silence',
  'redacted',
  'overlapping',
  'music',
  'applause',
  'coughs',
  'sighs',
  'crying',
  'cries',
  'break',
  'end',
  'ends',
  'interruption',
  'recording ends',
  'recording starts',
  'end of interview',
]);

const PARTICLES = new Set(['de', 'da', 'del', 'della', 'van', 'von', 'der', 'den', 'le', 'la', 'al', 'bin', 'ibn', 'ap']);

const WORD = String.raw`\p{L}[\p{L}\p{M}'’.\-]*\d{0,4}`;
// Up to three words, e.g. "Dale", "Mary Ann Smith", "Speaker 1", "P07"; checked in isLabelShape.
const NAME = String.raw`${WORD}(?:[ \t](?:${WORD}|\d{1,4})){0,2}`;
const TS = String.raw`[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]?`;

// Groups: 1 timestamp before; 2 **bold**; 3 [bracket]; 4 plain name, 5 its timestamp;
// 6 name alone on a line followed by a timestamp (Otter style), 7 its timestamp.
const LABEL_LINE = new RegExp(
  String.raw`^[ \t]*(?:(${TS})[ \t]*(?:[-–—][ \t]*)?)?` +
    String.raw`(?:\*\*(${NAME})(?::\*\*|\*\*:)|\[(${NAME})\]:?|(${NAME})(?:[ \t]+(${TS}))?[ \t]?:|(${NAME})[ \t]+(${TS})[ \t]*$)` +
    String.raw`(?=[ \t]|$)`,
  'u',
);

/** Lower case without a trailing number: "Interviewer 2" -> "interviewer", "P07" -> "p". */
function baseLabel(name: string): string {
  return name
    .toLowerCase()
    .replace(/[\s._-]*\d+$/, '')
    .trim();
}

function isKnownLabel(name: string): boolean {
  return KNOWN_LABELS.includes(baseLabel(name));
}

/** Capitalised words (or numbers / name particles after the first), at most 40 characters. */
function isLabelShape(name: string): boolean {
  if (name.length > 40) return false;
  const words = name.split(/[ \t]/);
  return words.every((w, i) => /^\p{Lu}/u.test(w) || (i > 0 && (/^\d+$/.test(w) || PARTICLES.has(w.toLowerCase()))));
}

/**
 * Whether a name could label a speaker: a known label ("Interviewer", "R") needs nothing
 * more; a shaped one ("Dale", "Speaker 2") counts only when it recurs (labelFamily).
 */
export function speakerLabelKind(name: string): 'known' | 'shaped' | null {
  if (isKnownLabel(name)) return 'known';
  return isLabelShape(name) && !NOT_SPEAKERS.has(name.toLowerCase()) ? 'shaped' : null;
}

/** Numbered labels count as one family ("Speaker 1" + "Speaker 2", "P07" + "P08"). */
export function labelFamily(name: string): string {
  return /\d$/.test(name) ? `${baseLabel(name)}#` : name.toLowerCase();
}

interface Candidate {
  lineStart: number;
  labelEnd: number; // offset just after the label
  name: string;
  time?: number;
}

/** "[00:01:23]" / "1:23" / "(00:00:05.5)" -> seconds. */
export function parseClock(ts: string): number | undefined {
  const m = /(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,](\d{1,3}))?/.exec(ts);
  if (!m) return undefined;
  const [a, b, c] = [Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
  const frac = m[4] ? Number(`0.${m[4]}`) : 0;
  return (c === undefined ? a * 60 + b : a * 3600 + b * 60 + c) + frac;
}

function matchLabel(line: string): { name: string; length: number; ts?: string; bracket: boolean } | null {
  const m = LABEL_LINE.exec(line);
  if (!m) return null;
  const name = m[2] ?? m[3] ?? m[4] ?? m[6];
  if (!name) return null;
  return { name, length: m[0].length, ts: m[1] ?? m[5] ?? m[7], bracket: m[3] !== undefined };
}

function isWhitespace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11 || code === 0xa0;
}

/** Pushes [start, end) trimmed of whitespace, unless nothing is left. */
function pushTrimmed(turns: Turn[], text: string, start: number, end: number, speaker: string | null, time?: number): void {
  while (start < end && isWhitespace(text.charCodeAt(start))) start++;
  while (end > start && isWhitespace(text.charCodeAt(end - 1))) end--;
  if (start >= end) return;
  const turn: Turn = { start, end, speaker };
  if (time !== undefined) turn.startTime = time;
  turns.push(turn);
}

/** One paragraph turn (speaker null) per non-blank line of text[from, to). */
function pushParagraphs(turns: Turn[], text: string, from: number, to: number): void {
  let lineStart = from;
  while (lineStart < to) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > to) lineEnd = to;
    pushTrimmed(turns, text, lineStart, lineEnd, null);
    lineStart = lineEnd + 1;
  }
}

/** Detects speaker turns; see DESIGN and tests/unit/core/turns.test.ts for the rules. */
export function detectTurns(text: string): Turn[] {
  const candidates: Candidate[] = [];
  const counts = new Map<string, number>();
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    // Cheap pre-check: a label line has ':' , ']' or '**' early on.
    const head = line.slice(0, 80);
    if (head.includes(':') || head.includes(']')) {
      const label = matchLabel(line);
      if (label && !(label.bracket && NOT_SPEAKERS.has(label.name.toLowerCase()))) {
        const known = isKnownLabel(label.name);
        if (known || isLabelShape(label.name)) {
          if (!known) counts.set(labelFamily(label.name), (counts.get(labelFamily(label.name)) ?? 0) + 1);
          const time = label.ts === undefined ? undefined : parseClock(label.ts);
          candidates.push({ lineStart, labelEnd: lineStart + label.length, name: label.name, time });
        }
      }
    }
    lineStart = lineEnd + 1;
  }
  // A name that is not a known label must recur, so prose like "Note that: ..." stays prose.
  const labels = candidates.filter((c) => isKnownLabel(c.name) || (counts.get(labelFamily(c.name)) ?? 0) >= 2);

  const turns: Turn[] = [];
  pushParagraphs(turns, text, 0, labels[0]?.lineStart ?? text.length);
  labels.forEach((label, i) => {
    const end = labels[i + 1]?.lineStart ?? text.length;
    pushTrimmed(turns, text, label.labelEnd, end, label.name, label.time);
  });
  return turns;
}

const INTERVIEWER_LABELS = new Set(['interviewer', 'int', 'i', 'q', 'mod', 'moderator', 'researcher']);
const PARTICIPANT_LABELS = new Set(['r', 'a', 'respondent', 'participant', 'interviewee', 'resp', 'p']);
// Labels for a part other than the person interviewed: never proposed as the participant.
const NOT_PARTICIPANT_LABELS = new Set([
  'translator',
  'interpreter',
  'note',
  'notes',
  'all',
  'both',
  'everyone',
  'other',
  'transcriber',
  'comment',
  'observer',
]);
// Generic labels: 'other' among several speakers, the participant when they are the only one.
const OTHER_LABELS = new Set([...NOT_PARTICIPANT_LABELS, 'speaker', 'unknown', 'voice', 'unidentified']);

function isInterviewerLike(base: string): boolean {
  return INTERVIEWER_LABELS.has(base) || /\binterviewer\b/.test(base) || /\bresearcher\b/.test(base);
}

/**
 * Proposes a role per distinct speaker label (keys as given). Interviewer-like labels are
 * interviewers. "Facilitator" is the interviewer only when no other interviewer-like label is
 * present (in a group with a moderator, a facilitator is usually staff being interviewed, so
 * 'other'). Explicit respondent labels (R, A, Participant...) are participants; personal
 * names and ids like "P07" are participants only when someone is the interviewer, because
 * otherwise we cannot tell who asked. Everything else is 'other', except that the one speaker
 * who is not an interviewer (in an interview with one person, "Staff03" or "Speaker 2") is the
 * participant unless the label names another part (a translator, a note). Case-insensitive.
 * Call it per file: in a batch, one file's lone speaker is among many (see core/batch).
 */
export function proposeSpeakerRoles(speakers: readonly string[]): Record<string, SpeakerRole> {
  const bases = new Map(speakers.map((s) => [s, baseLabel(s.trim())] as const));
  const hasInterviewer = [...bases.values()].some(isInterviewerLike);
  const hasAsker = hasInterviewer || [...bases.values()].includes('facilitator');
  const roles: Record<string, SpeakerRole> = {};
  for (const [speaker, base] of bases) {
    if (isInterviewerLike(base)) roles[speaker] = 'interviewer';
    else if (base === 'facilitator') roles[speaker] = hasInterviewer ? 'other' : 'interviewer';
    else if (PARTICIPANT_LABELS.has(base) || /\binterviewee\b|\brespondent\b|\bparticipant\b/.test(base)) {
      roles[speaker] = 'participant';
    } else if (OTHER_LABELS.has(base)) roles[speaker] = 'other';
    else if (hasAsker && isPersonOrId(speaker.trim())) roles[speaker] = 'participant';
    else roles[speaker] = 'other';
  }
  const others = [...bases.keys()].filter((speaker) => roles[speaker] !== 'interviewer');
  const lone = others.length === 1 ? others[0]! : null;
  if (lone !== null && roles[lone] === 'other' && !NOT_PARTICIPANT_LABELS.has(bases.get(lone)!)) roles[lone] = 'participant';
  return roles;
}

function isPersonOrId(label: string): boolean {
  if (/^\p{Lu}{1,3}[\s_-]?\d{1,4}$/u.test(label)) return true; // P07, W12, M 3
  const words = label.split(/\s+/);
  return words.length <= 3 && words.every((w, i) => /^\p{Lu}[\p{L}\p{M}'’.-]+$/u.test(w) || (i > 0 && PARTICLES.has(w.toLowerCase())));
}
