// A document's headings as sections: a transcript organised as "Part 1 — before the
// programme", "Part 2 — the programme" keeps those headings out of what was said (left in,
// a heading became part of the turn above it) and as markers the reader shows and retrieval
// filters by. Only Heading 1–3: deeper levels are rare in transcripts and stay as text.
import type { Section } from '../shared';
import type { StyledLine } from './transcriptTitle';

export const MAX_SECTION_LEVEL = 3;

/** 1–9 for Word's and LibreOffice's Heading styles, by name or id ("heading 2", "Heading2"), else null. */
export function headingLevel(style: string | null): number | null {
  const m = /^heading([1-9])?$/.exec((style ?? '').toLowerCase().replace(/\s+/g, ''));
  return m ? Number(m[1] ?? 1) : null;
}

/**
 * Takes the Heading 1–3 lines out of a document's lines: each becomes a section starting
 * where the text after it starts, as offsets into the lines joined by "\n".
 */
export function splitSections(lines: readonly StyledLine[]): { lines: StyledLine[]; sections: Section[] } {
  const kept: StyledLine[] = [];
  const sections: Section[] = [];
  let length = 0; // of the kept lines joined so far
  for (const line of lines) {
    const level = headingLevel(line.style);
    const title = line.text.trim();
    if (level !== null && level <= MAX_SECTION_LEVEL && title !== '') {
      sections.push({ start: kept.length === 0 ? 0 : length + 1, title, level });
      continue;
    }
    length += (kept.length === 0 ? 0 : 1) + line.text.length;
    kept.push(line);
  }
  // A heading after the last line heads nothing.
  return { lines: kept, sections: sections.filter((s) => s.start < length) };
}

/**
 * The sections an offset lies in, outermost first: the last heading of each level before it,
 * a heading closing those of deeper levels ("Part 2" › "Violence").
 */
export function sectionsAt(sections: readonly Section[] | undefined, offset: number): Section[] {
  const open: Section[] = [];
  for (const section of sections ?? []) {
    if (section.start > offset) break;
    while (open.length > 0 && open[open.length - 1]!.level >= section.level) open.pop();
    open.push(section);
  }
  return open;
}

/** The distinct section titles of some transcripts, in the order they first appear. */
export function sectionTitles(sources: readonly { sections?: readonly Section[] }[]): string[] {
  const titles = new Set<string>();
  for (const source of sources) for (const section of source.sections ?? []) titles.add(section.title);
  return [...titles];
}

/**
 * The headings to show above each turn (turns in reading order): those starting after the turn
 * before began, up to this turn's start; the last turn takes any after. A heading inside a turn
 * (its section starts mid-turn) is shown above the next turn.
 */
export function headingsBeforeTurns(sections: readonly Section[] | undefined, turns: readonly { start: number }[]): Section[][] {
  const out = turns.map((): Section[] => []);
  let at = 0;
  for (const section of sections ?? []) {
    while (at < turns.length - 1 && turns[at]!.start < section.start) at += 1;
    out[at]?.push(section);
  }
  return out;
}
