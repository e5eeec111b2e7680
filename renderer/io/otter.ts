// Otter.ai's TXT export: a block per paragraph, its first line the speaker's name, two spaces
// and the time ("Kieran Smith  0:03", "1:02:03" from an hour on), or the time alone when speaker
// names were left out of the export; then what was said; a blank line between blocks. The free
// plan ends the file with "Transcribed by https://otter.ai".
// The block lines become turns as a caption file's cues do ("Kieran Smith: ..." with the time in
// startTime): a clock left in the text would split codings and quotes for nothing.
import { clockSeconds } from '../core/media';
import type { CaptionResult } from './captions';
import { ImportError } from './errors';
import { layOutTurns, type TimedSpeech } from './timedTurns';

// Otter's names are whatever the researcher typed, so any text up to 60 characters; the two
// spaces (or a tab) before the time are what tells the line from a sentence.
const NAMED_HEADER = /^[ \t]*(\S[^\t]{0,58}?\S|\S)(?: {2,}|[ \t]*\t[ \t]*)(\d{1,2}:\d{2}(?::\d{2})?)[ \t]*$/;
const TIME_HEADER = /^[ \t]*(\d{1,2}:\d{2}(?::\d{2})?)[ \t]*$/;
const OTTER_CREDIT = /^\s*Transcribed by https?:\/\/otter\.ai\/?\s*$/i;
const LONGEST_HEADER = 80;

interface Header {
  speaker: string | null;
  seconds: number;
}

/** The block header a line is, or null. */
function headerOf(line: string): Header | null {
  if (line.length > LONGEST_HEADER) return null;
  const timeOnly = TIME_HEADER.exec(line);
  if (timeOnly) {
    const seconds = clockSeconds(timeOnly[1]!);
    return seconds === null ? null : { speaker: null, seconds };
  }
  const named = NAMED_HEADER.exec(line);
  if (!named) return null;
  const seconds = clockSeconds(named[2]!);
  return seconds === null ? null : { speaker: named[1]!, seconds };
}

/** The text's lines without the credit line Otter's free plan ends with. */
function contentLines(text: string): string[] {
  const lines = text.split('\n');
  let last = lines.length - 1;
  while (last >= 0 && lines[last]!.trim() === '') last--;
  if (last >= 0 && OTTER_CREDIT.test(lines[last]!)) return lines.slice(0, last);
  return lines;
}

/** The blank-line-separated blocks of the lines (runs of non-blank lines). */
function blocks(lines: readonly string[]): string[][] {
  const out: string[][] = [];
  let current: string[] | null = null;
  for (const line of lines) {
    if (line.trim() === '') current = null;
    else if (current) current.push(line);
    else out.push((current = [line]));
  }
  return out;
}

/**
 * Whether a .txt file is an Otter export: from the first block that opens with a header line
 * followed by what was said, more than half of the blocks do (a title above it, or a speaker's
 * second paragraph, does not hide the shape); a single such block counts only when it opens the
 * file. A transcript of "Name: ..." lines or "[00:01:02]" stamps has none.
 */
export function looksLikeOtter(text: string): boolean {
  const all = blocks(contentLines(text));
  const isHeaded = (block: string[]) => block.length >= 2 && headerOf(block[0]!) !== null;
  const first = all.findIndex(isHeaded);
  if (first < 0) return false;
  const headed = all.filter(isHeaded).length;
  return headed * 2 > all.length - first && (headed >= 2 || first === 0);
}

/**
 * An Otter TXT export -> text + turns. Each headed block is a turn (its paragraphs kept on their
 * own lines); a block without a header continues the turn before it (a paragraph break within
 * one speaker's block); lines before the first header are paragraphs of their own.
 */
export function parseOtterText(text: string, fileName: string): CaptionResult {
  const pieces: TimedSpeech[] = [];
  let current: TimedSpeech | null = null;
  for (const block of blocks(contentLines(text))) {
    const header = headerOf(block[0]!);
    const said = (header ? block.slice(1) : block).map((line) => line.trim()).filter((line) => line !== '');
    if (header) {
      current = said.length > 0 ? { speaker: header.speaker, text: said.join('\n'), start: header.seconds } : null;
      if (current) pieces.push(current);
    } else if (current) current.text += `\n${said.join('\n')}`;
    else for (const line of said) pieces.push({ speaker: null, text: line });
  }
  if (!pieces.some((p) => p.start !== undefined)) {
    throw new ImportError(fileName, 'is not an Otter transcript: no "Name  0:00" line followed by what was said');
  }
  return { ...layOutTurns(pieces), warnings: [] };
}
