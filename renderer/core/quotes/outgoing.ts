// The leak check for everything else that leaves the app (tables, reports, charts, copied
// text): each text with the place it goes, checked against the redaction list; any listed
// identifier still there refuses the whole export, naming where. Quotes have their own check
// (prepareQuotes), which names quotes by number and attribution.
import { leakChecker, type Redaction } from './redact';

export interface OutgoingText {
  /** Where the text goes, as the refusal names it: "the wave matrix, row 'Anger', column 'Time 1'". */
  place: string;
  text: string;
}

export interface OutgoingLeak {
  place: string;
  find: string;
  found: string;
}

type TableCell = string | number;

/**
 * Every text cell of a table, named by its row (the first cell) and column (the last header row):
 * `label` names the table ("the wave matrix"). Numbers hold no names and are skipped.
 */
export function tableTexts(label: string, rows: readonly (readonly TableCell[])[], headerRows = 1): OutgoingText[] {
  const header = headerRows > 0 ? rows[headerRows - 1] : undefined;
  const out: OutgoingText[] = [];
  rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (typeof cell !== 'string' || cell === '') return;
      const column = header?.[c] !== undefined && header[c] !== '' ? `'${String(header[c])}'` : String(c + 1);
      const place =
        r < headerRows
          ? `${label}, header row ${r + 1}, column ${c + 1}`
          : c === 0
            ? `${label}, row ${r + 1}`
            : `${label}, row '${String(row[0])}', column ${column}`;
      out.push({ place, text: cell });
    });
  });
  return out;
}

/** The text of an SVG (each text node, entities decoded), as a chart's readers see it. */
export function svgTexts(place: string, svg: string): OutgoingText[] {
  const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
  return svg
    .split(/<[^>]*>/)
    .map((t) =>
      t.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, e: string) => {
        if (e[0] !== '#') return entities[e.toLowerCase()] ?? all;
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
      }),
    )
    .filter((t) => t.trim() !== '')
    .map((text) => ({ place, text }));
}

/** Every listed identifier still in the texts, with its place. */
export function outgoingLeaks(texts: readonly OutgoingText[], redactions: readonly Redaction[]): OutgoingLeak[] {
  const check = leakChecker(redactions);
  return texts.flatMap(({ place, text }) => check(text).map((leak) => ({ place, find: leak.find, found: leak.found })));
}

/** Why an export was refused, naming each place (the first five), or '' when it may go out. */
export function outgoingLeakMessage(texts: readonly OutgoingText[], redactions: readonly Redaction[]): string {
  const leaks = outgoingLeaks(texts, redactions);
  if (leaks.length === 0) return '';
  const lines = leaks.slice(0, 5).map((l) => `${l.place} still holds “${l.found}” (listed: ${l.find})`);
  const more = leaks.length > 5 ? `; and ${leaks.length - 5} more` : '';
  return `Not exported: ${lines.join('; ')}${more}. Change the name where it is written (a code, a pseudonym, a title, a summary) or the filter that shows it.`;
}
