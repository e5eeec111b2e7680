// What the office readers (.odt, .rtf) know beyond the words: a paragraph that opens with a
// bold name ("**Dale** I went every week") and a table whose rows are [speaker, words] or
// [time, speaker, words], as transcription services write them. Both are speaker turns;
// written as "Dale: I went every week" they are found by detectTurns like any other label.
// A name that is not a known label must recur, as in detectTurns, so a bold "Note" once in
// a document stays as it was.
import type { StyledLine } from './transcriptTitle';
import { labelFamily, speakerLabelKind } from './turns';

export interface OfficeLine extends StyledLine {
  /** The bold text the paragraph opens with, when it does. */
  boldLead?: string;
  /** The cells of a table row, when the line is one (its text is the cells joined by tabs). */
  cells?: string[];
}

const TIME_CELL = /^[[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]?$/;

interface Labelled {
  label: string;
  /** The line as a labelled turn. */
  text: string;
}

function fromBoldLead(line: OfficeLine): Labelled | null {
  const lead = line.boldLead?.trim();
  if (!lead || /:$/.test(lead)) return null; // "Dale:" in bold is a label detectTurns reads already
  const at = line.text.indexOf(lead);
  if (at < 0 || line.text.slice(0, at).trim() !== '') return null;
  const rest = line.text.slice(at + lead.length);
  if (rest.trim() === '' || /^[:\p{L}\p{N}]/u.test(rest)) return null;
  return { label: lead, text: `${line.text.slice(0, at)}${lead}:${/^[ \t]/.test(rest) ? '' : ' '}${rest}` };
}

function fromCells(line: OfficeLine): Labelled | null {
  const cells = (line.cells ?? []).map((c) => c.trim()).filter((c) => c !== '');
  const timed = cells.length === 3 && TIME_CELL.test(cells[0]!);
  if (cells.length !== 2 && !timed) return null;
  const [label, words] = timed ? [cells[1]!, cells[2]!] : [cells[0]!, cells[1]!];
  const name = label.replace(/:$/, '');
  if (name.includes('\n') || words === '') return null;
  return { label: name, text: `${timed ? `${cells[0]} ` : ''}${name}: ${words}` };
}

/** The lines with bold leads and table rows that name speakers written as "Name: words". */
export function labelSpeakers(lines: readonly OfficeLine[]): StyledLine[] {
  const found = lines.map((line) => fromBoldLead(line) ?? fromCells(line));
  const counts = new Map<string, number>();
  for (const f of found) {
    if (f && speakerLabelKind(f.label) === 'shaped') counts.set(labelFamily(f.label), (counts.get(labelFamily(f.label)) ?? 0) + 1);
  }
  const isSpeaker = (label: string) => {
    const kind = speakerLabelKind(label);
    return kind === 'known' || (kind === 'shaped' && (counts.get(labelFamily(label)) ?? 0) >= 2);
  };
  return lines.map((line, i) => {
    const f = found[i];
    return { text: f && isSpeaker(f.label) ? f.text : line.text, style: line.style };
  });
}

/** The warning for comments and tracked changes a reader left out, or null when there were none. */
export function leftOutWarning(comments: number, changes: number): string | null {
  const were = (n: number) => (n === 1 ? 'was' : 'were');
  const parts = [
    changes > 0 ? `${changes} tracked change${changes === 1 ? '' : 's'} ${were(changes)} read as accepted` : null,
    comments > 0 ? `${comments} comment${comments === 1 ? '' : 's'} ${were(comments)} left out` : null,
  ].filter((p): p is string => p !== null);
  return parts.length === 0 ? null : `${parts.join(' and ')}.`;
}
