// WebVTT / SRT -> canonical text + turns. Cue timings go into turn.startTime/endTime, never
// into the text, so the text reads like a transcript and codings are not split by clocks.
// Hand-written: the media-captions package is not installed, and we need only cue text.
import type { Turn } from '../core/shared';
import { ImportError } from './errors';
import { removeSpans, voiceTags } from './linearScan';
import { KNOWN_LABELS } from '../core/transcripts';

export interface CaptionResult {
  text: string;
  turns: Turn[];
  warnings: string[];
}

interface Cue {
  start: number;
  end: number;
  speaker: string | null;
  text: string; // what was said, without a "Name:" prefix
  full: string; // the cleaned cue text, prefix included, used if the prefix is not a speaker
}

// "01:02:03.456", "02:03.456", "00:00:01,000" (SRT); fraction optional for lenience.
const TIME = String.raw`(?:(\d+):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?`;
const TIMING = new RegExp(String.raw`^\s*${TIME}\s*-->\s*${TIME}(?:\s|$)`);

function seconds(h: string | undefined, m: string, s: string, frac: string | undefined): number {
  const ms = frac ? Number(frac.padEnd(3, '0')) : 0;
  return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s) + ms / 1000;
}

/** Parses a timing line; null when it is not one. */
function parseTiming(line: string): { start: number; end: number } | null {
  const m = TIMING.exec(line);
  if (!m) return null;
  return { start: seconds(m[1], m[2]!, m[3]!, m[4]), end: seconds(m[5], m[6]!, m[7]!, m[8]) };
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', lrm: '', rlm: '' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED[ref] ?? whole;
  });
}

/** Splits a cue payload at <v Name> voice tags; text before the first tag has no voice. */
function voiceSegments(payload: string): { speaker: string | null; text: string }[] {
  const segments: { speaker: string | null; text: string }[] = [];
  let speaker: string | null = null;
  let last = 0;
  for (const tag of voiceTags(payload)) {
    segments.push({ speaker, text: payload.slice(last, tag.index) });
    speaker = tag.name?.trim() || null;
    last = tag.end;
  }
  segments.push({ speaker, text: payload.slice(last) });
  return segments;
}

function cleanText(s: string): string {
  // <i>, </v>, <c.x>, <00:00:01.000>, <font ...>, then SRT/ASS overrides like {\an8}
  const noTags = removeSpans(removeSpans(s, '<', '>'), '{\\', '}');
  return decodeEntities(noTags).replace(/\s+/g, ' ').trim();
}

// "Name: text" inside a cue; same shape rules as turn labels in plain text.
const NAME_PREFIX = /^(?:>>\s*)?(\p{Lu}[\p{L}\p{M}'’.-]*\d{0,4}(?: (?:\p{Lu}[\p{L}\p{M}'’.-]*|\d{1,4})){0,2}|[A-Za-z]+)\s?:\s+(.*)$/su;

/** Reads the cue blocks. `vtt` switches on the header check and NOTE/STYLE/REGION blocks. */
function readCues(text: string, fileName: string, vtt: boolean, warnings: string[]): Cue[] {
  const lines = text.split('\n');
  let i = 0;
  if (vtt) {
    if (!/^WEBVTT(?:[ \t]|$)/.test(lines[0] ?? '')) {
      throw new ImportError(fileName, 'is not a valid WebVTT file: the first line must be "WEBVTT"');
    }
    while (i < lines.length && lines[i]!.trim() !== '') i++; // header block
  }
  const cues: Cue[] = [];
  let badTimings = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i++;
      continue;
    }
    if (vtt && /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(line)) {
      while (i < lines.length && lines[i]!.trim() !== '') i++;
      continue;
    }
    // A cue: optional identifier (SRT: the number) then the timing line.
    let timingLine = i;
    if (!line.includes('-->') && (lines[i + 1] ?? '').includes('-->')) timingLine = i + 1;
    const timing = parseTiming(lines[timingLine] ?? '');
    if (!timing) {
      if ((lines[timingLine] ?? '').includes('-->')) badTimings++;
      while (i < lines.length && lines[i]!.trim() !== '') i++; // skip the unreadable block
      continue;
    }
    i = timingLine + 1;
    const payload: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '') {
      // Some SRT writers omit the blank line: a new "n" + timing pair starts the next cue.
      if (parseTiming(lines[i]!)) break;
      if (/^\d+$/.test(lines[i]!.trim()) && parseTiming(lines[i + 1] ?? '')) break;
      payload.push(lines[i]!);
      i++;
    }
    for (const seg of voiceSegments(payload.join('\n'))) {
      const full = cleanText(seg.text);
      let said = full;
      let speaker = seg.speaker;
      if (!speaker) {
        const m = NAME_PREFIX.exec(said);
        if (m) {
          speaker = m[1]!;
          said = m[2]!.trim();
        }
      }
      if (said !== '') cues.push({ start: timing.start, end: timing.end, speaker, text: said, full });
    }
  }
  if (badTimings > 0) warnings.push(`${badTimings} cue(s) with unreadable timestamps were skipped`);
  return cues;
}

/**
 * A "Name:" prefix is a speaker when it is a known label, recurs, or the file already names
 * speakers that way; otherwise a lone "Note: ..." caption stays text.
 */
function confirmPrefixSpeakers(cues: Cue[], voiced: Set<string>): void {
  const counts = new Map<string, number>();
  for (const c of cues) if (c.speaker) counts.set(c.speaker, (counts.get(c.speaker) ?? 0) + 1);
  const isKnown = (name: string) => KNOWN_LABELS.includes(name.toLowerCase().replace(/\s*\d+$/, ''));
  const confirmed = (name: string) => voiced.has(name) || isKnown(name) || ((counts.get(name) ?? 0) >= 2 && /^\p{Lu}/u.test(name));
  const fileUsesPrefixes = [...counts.keys()].some(confirmed);
  for (const c of cues) {
    if (!c.speaker || confirmed(c.speaker)) continue;
    if (!(fileUsesPrefixes && /^\p{Lu}/u.test(c.speaker))) {
      c.text = c.full;
      c.speaker = null;
    }
  }
}

const ENDS_SENTENCE = /[.?!…]["'”’)\]]*$/;
const PAUSE_SECONDS = 2;

/**
 * Parses WebVTT (`kind` 'vtt') or SRT into text + turns. Consecutive cues of one speaker merge
 * into one turn; a cue without a name continues the previous speaker. Cues without a speaker merge into a paragraph until a sentence ends or the
 * speech pauses for 2 s, so unlabelled captions become readable paragraphs, not one blob.
 */
export function parseCaptions(text: string, fileName: string, kind: 'vtt' | 'srt'): CaptionResult {
  const warnings: string[] = [];
  const vtt = kind === 'vtt' || /^WEBVTT(?:[ \t]|$)/.test(text); // an .srt saved as WebVTT
  const cues = readCues(text.replace(/^\uFEFF/, ''), fileName, vtt, warnings);
  if (cues.length === 0) {
    throw new ImportError(
      fileName,
      `has no captions: no cues with timestamps like 00:00:01${vtt ? '.' : ','}000 --> 00:00:04${vtt ? '.' : ','}000`,
    );
  }
  const voiced = new Set<string>();
  for (const tag of voiceTags(text)) if (tag.name !== undefined) voiced.add(tag.name.trim());
  confirmPrefixSpeakers(cues, voiced);
  // Captioners write the name only when the speaker changes: an unnamed cue continues the
  // previous speaker.
  for (let k = 1; k < cues.length; k++) {
    if (cues[k]!.speaker === null) cues[k]!.speaker = cues[k - 1]!.speaker;
  }

  const merged: Cue[] = [];
  for (const cue of cues) {
    const prev = merged[merged.length - 1];
    const sameSpeaker = prev !== undefined && prev.speaker === cue.speaker;
    const continues = sameSpeaker && (cue.speaker !== null || (!ENDS_SENTENCE.test(prev.text) && cue.start - prev.end < PAUSE_SECONDS));
    if (prev && continues) {
      prev.text += ` ${cue.text}`;
      prev.end = Math.max(prev.end, cue.end);
    } else merged.push({ ...cue });
  }

  let out = '';
  const turns: Turn[] = [];
  for (const cue of merged) {
    if (out !== '') out += '\n';
    if (cue.speaker !== null) out += `${cue.speaker}: `;
    const start = out.length;
    out += cue.text;
    turns.push({ start, end: out.length, speaker: cue.speaker, startTime: cue.start, endTime: cue.end });
  }
  return { text: out, turns, warnings };
}
