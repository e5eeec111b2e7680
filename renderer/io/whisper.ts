// Whisper's transcripts: openai-whisper's JSON (`--output_format json`: {"text", "segments":
// [{"id", "seek", "start", "end", "text", "tokens", ...}], "language"}), WhisperX's JSON (the
// same segments, diarised ones carrying "speaker": "SPEAKER_00", and "words"), and Whisper's TSV
// (a "start\tend\ttext" header, then times in integer milliseconds). Whisper's SRT and VTT are
// captions (captions.ts).
// One turn per segment; with speakers, one per run of one speaker's segments. Segment times go
// into startTime/endTime. Whisper's text starts with a space and may wrap: it is trimmed and its
// spaces collapsed.
import type { CaptionResult } from './captions';
import { ImportError } from './errors';
import { layOutTurns, mergeSpeakerRuns, type TimedSpeech } from './timedTurns';

const EXPECTED_JSON =
  'expected the JSON file Whisper (--output_format json) or WhisperX writes: an object with a "segments" list, each segment with "start", "end" and "text"';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;
const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The pieces as turns; the message names what was skipped, and refuses a file with nothing said. */
function transcriptOf(pieces: TimedSpeech[], skipped: number, fileName: string, unit: string): CaptionResult {
  const warnings = skipped > 0 ? [`${skipped} ${unit}(s) without a readable start, end or text were skipped`] : [];
  if (pieces.length === 0) {
    throw new ImportError(fileName, `has no ${unit}s with text${skipped > 0 ? ` (${skipped} unreadable)` : ''}`);
  }
  const speakers = pieces.some((p) => p.speaker !== null);
  return { ...layOutTurns(speakers ? mergeSpeakerRuns(pieces) : pieces), warnings };
}

function piece(text: string, start: number, end: number, speaker: string | null): TimedSpeech {
  // An end before the start is not a time: the start alone is kept.
  return { speaker, text, start, ...(end >= start ? { end } : {}) };
}

/** Whisper or WhisperX JSON -> text + turns; anything else is refused by name (ImportError). */
export function parseWhisperJson(json: string, fileName: string): CaptionResult {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    // Not the parser's own message: V8's quotes the file's opening words, which may be testimony.
    const position = e instanceof Error ? /position (\d+)/.exec(e.message) : null;
    const where = position ? ` (at character ${Number(position[1]) + 1})` : '';
    throw new ImportError(fileName, `is not valid JSON${where}; ${EXPECTED_JSON}`);
  }
  if (!isObject(data) || !Array.isArray(data.segments)) throw new ImportError(fileName, `is not a Whisper transcript; ${EXPECTED_JSON}`);
  const pieces: TimedSpeech[] = [];
  let skipped = 0;
  for (const segment of data.segments as unknown[]) {
    if (!isObject(segment) || typeof segment.text !== 'string') {
      skipped++;
      continue;
    }
    const text = clean(segment.text);
    if (text === '') continue; // Whisper writes empty segments over silence
    if (!isTime(segment.start) || !isTime(segment.end)) {
      skipped++;
      continue;
    }
    const speaker = typeof segment.speaker === 'string' && segment.speaker.trim() !== '' ? segment.speaker.trim() : null;
    pieces.push(piece(text, segment.start, segment.end, speaker));
  }
  if (pieces.length === 0 && skipped === data.segments.length && skipped > 0) {
    throw new ImportError(fileName, `is not a Whisper transcript: no segment has "start", "end" and "text"; ${EXPECTED_JSON}`);
  }
  return transcriptOf(pieces, skipped, fileName, 'segment');
}

const MILLISECONDS = /^\d+$/;

/**
 * Whisper's TSV -> text + turns. The header names the columns (start, end, text, and a speaker
 * column where a tool adds one); tabs inside the text were written as spaces, but a text column
 * that is the last one takes any extra cells back in.
 */
export function parseWhisperTsv(tsv: string, fileName: string): CaptionResult {
  const lines = tsv.split('\n');
  const headerAt = lines.findIndex((line) => line.trim() !== '');
  const header = (lines[headerAt] ?? '').split('\t').map((cell) => cell.trim().toLowerCase());
  const [startAt, endAt, textAt, speakerAt] = ['start', 'end', 'text', 'speaker'].map((name) => header.indexOf(name)) as [
    number,
    number,
    number,
    number,
  ];
  if (startAt < 0 || endAt < 0 || textAt < 0) {
    throw new ImportError(
      fileName,
      'is not a Whisper TSV file: its first line must be the header "start", "end", "text" separated by tabs',
    );
  }
  const pieces: TimedSpeech[] = [];
  let skipped = 0;
  for (const line of lines.slice(headerAt + 1)) {
    if (line.trim() === '') continue;
    const cells = line.split('\t');
    const said = clean(textAt === header.length - 1 ? cells.slice(textAt).join(' ') : (cells[textAt] ?? ''));
    const [start, end] = [cells[startAt]?.trim() ?? '', cells[endAt]?.trim() ?? ''];
    if (!MILLISECONDS.test(start) || !MILLISECONDS.test(end)) {
      skipped++;
      continue;
    }
    if (said === '') continue;
    const speaker = speakerAt >= 0 ? cells[speakerAt]?.trim() || null : null;
    pieces.push(piece(said, Number(start) / 1000, Number(end) / 1000, speaker));
  }
  return transcriptOf(pieces, skipped, fileName, 'row');
}
