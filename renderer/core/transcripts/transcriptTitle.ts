// A Word transcript often opens with its title ("Interview with Kieran, Time 2"), in Word's
// Title or Heading style or as one short line above the first speaker turn. Left in the text,
// it became the first turn and, unlabelled, was counted as the participant speaking. It is
// the transcript's title: taken out of the text before turns are detected.
import { headingLevel, MAX_SECTION_LEVEL } from './sections';
import { detectTurns } from './turns';

/** One line of a document, with the name (or id) of its paragraph style, if any. */
export interface StyledLine {
  text: string;
  style: string | null;
}

const MAX_TITLE_WORDS = 12;
const MAX_TITLE_CHARS = 100;

/** Word's built-in Title, Subtitle and Heading 1–9 styles, by name ("heading 1") or id ("Heading1"). */
export function isTitleStyle(style: string | null): boolean {
  if (!style) return false;
  return /^(?:title|subtitle|heading[1-9]?)$/.test(style.toLowerCase().replace(/\s+/g, ''));
}

/** A line that reads as a title: short, and not a sentence or a question someone said. */
function looksLikeTitle(text: string): boolean {
  const line = text.trim();
  const words = line.split(/\s+/).filter(Boolean).length;
  return words > 0 && words <= MAX_TITLE_WORDS && line.length <= MAX_TITLE_CHARS && !/[.?!…:;,]["'”’)\]]*$/.test(line);
}

/** The first line, when it stands alone right above the first of at least two speaker turns. */
function titleAboveTurns(lines: readonly StyledLine[]): boolean {
  if (lines.length < 3 || !looksLikeTitle(lines[0]!.text)) return false;
  const text = lines.map((l) => l.text).join('\n');
  const labelled = detectTurns(text).filter((t) => t.speaker !== null);
  const secondLine = lines[0]!.text.length + 1;
  const secondLineEnd = secondLine + lines[1]!.text.length;
  const first = labelled[0];
  return labelled.length >= 2 && first !== undefined && first.start >= secondLine && first.start <= secondLineEnd;
}

/**
 * A heading at the top is the first of the document's sections (core/sections), not part of
 * its title, when a later heading of the same or a higher level follows it.
 */
function headsASection(lines: readonly StyledLine[], index: number): boolean {
  const level = headingLevel(lines[index]!.style);
  if (level === null || level > MAX_SECTION_LEVEL) return false;
  return lines.slice(index + 1).some((line) => {
    const other = headingLevel(line.style);
    return other !== null && other <= level;
  });
}

/**
 * The title at the top of a document and the lines left for the transcript. Leading lines in
 * a title style are the title (joined by " — ", e.g. a title and its subtitle), except a
 * heading that opens the first of several sections; otherwise a short first line right above
 * the first speaker turn is. A document is never left empty.
 */
export function splitTitle(lines: readonly StyledLine[]): { title: string | null; lines: StyledLine[] } {
  let styled = 0;
  while (styled < lines.length && isTitleStyle(lines[styled]!.style) && !headsASection(lines, styled)) styled++;
  if (styled > 0 && styled < lines.length) {
    const title = lines
      .slice(0, styled)
      .map((l) => l.text.trim())
      .filter(Boolean)
      .join(' — ');
    if (title) return { title, lines: lines.slice(styled) };
  }
  if (styled === 0 && headingLevel(lines[0]?.style ?? null) === null && titleAboveTurns(lines))
    return { title: lines[0]!.text.trim(), lines: lines.slice(1) };
  return { title: null, lines: [...lines] };
}
