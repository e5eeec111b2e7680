// A text PDF's pieces of text (positioned runs, as PDF.js gives them) -> the lines of its
// paragraphs in reading order. A PDF has no paragraphs, only glyphs placed on pages, so this
// is layout analysis: runs on one baseline make a line; a wide empty band down the middle of
// a page makes two columns, read left then right; page headers, footers and page numbers that
// repeat on most pages are left out (and listed); lines join into paragraphs unless a gap, a
// short line ending a sentence, a speaker label or a change of size says otherwise; a word
// broken by a hyphen at a line's end is joined only where the document has it whole elsewhere.
import type { OfficeLine } from './officeText';

export interface PdfTextRun {
  str: string;
  /** Left edge and baseline, in PDF units (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** The font size. */
  size: number;
  /** PDF.js's name of the run's font (bold and regular faces differ). */
  font: string;
}

export interface PdfPage {
  width: number;
  height: number;
  runs: PdfTextRun[];
}

export interface PdfLayout {
  lines: OfficeLine[];
  /** What was left out as page headers, footers and page numbers, for the import's preview. */
  removed: string[];
}

interface Segment {
  page: number;
  x: number;
  right: number;
  y: number;
  size: number;
  text: string;
  /** The text of the first run when its font differs from the rest's (a bold name, often). */
  lead?: string;
}

const median = (values: number[]): number => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** The leading of lines within a paragraph: the smaller gaps (between paragraphs they are wider). */
const lowerQuartile = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 4)] ?? 0;

/** Runs on one baseline, split where a gap is wide enough to part two columns. */
function segmentsOf(page: PdfPage, pageIndex: number): Segment[] {
  const runs = page.runs.filter((r) => r.str !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PdfTextRun[][] = [];
  for (const run of runs) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0]!.y - run.y) <= 0.4 * Math.max(run.size, line[0]!.size)) line.push(run);
    else lines.push([run]);
  }
  const out: Segment[] = [];
  for (const line of lines) {
    line.sort((a, b) => a.x - b.x);
    let current: PdfTextRun[] = [];
    const flush = () => {
      const text = current.reduce((s, r, i) => {
        if (i === 0) return r.str;
        const prev = current[i - 1]!;
        const gap = r.x - (prev.x + prev.width);
        const spaced = /\s$/.test(s) || /^\s/.test(r.str) || gap < 0.15 * r.size;
        return s + (spaced ? '' : ' ') + r.str;
      }, '');
      if (text.trim() === '') return (current = []);
      const first = current[0]!;
      const last = current[current.length - 1]!;
      const rest = current.slice(1).filter((r) => r.str.trim() !== '');
      const lead = rest.length > 0 && rest.every((r) => r.font !== first.font) ? first.str : undefined;
      out.push({
        page: pageIndex,
        x: first.x,
        right: last.x + last.width,
        y: first.y,
        size: current.reduce((m, r) => Math.max(m, r.size), 0),
        text,
        ...(lead !== undefined ? { lead } : {}),
      });
      current = [];
    };
    const wide = (run: PdfTextRun) => Math.max(2 * run.size, 18);
    for (const run of line) {
      // A space as wide as a gap between columns (PDF.js gives one between table cells) is one.
      if (run.str.trim() === '' && run.width > wide(run)) {
        flush();
        continue;
      }
      const prev = current[current.length - 1];
      if (prev && run.x - (prev.x + prev.width) > wide(run)) flush();
      current.push(run);
    }
    flush();
  }
  return out;
}

/**
 * Reading order of one page's segments: two columns when a band down the middle of the page
 * is crossed by almost no line (a title above the columns may cross it) and the lines on its
 * left fill their column, as a column of text does and the names in a speaker table do not.
 */
function readingOrder(segments: Segment[], width: number): { ordered: Segment[]; gutter: number | null } {
  // A page is at most 200 inches wide (PDF's own limit); a wider one is damaged or hostile.
  width = Math.min(width, 14_400);
  const narrow = segments.filter((s) => s.right - s.x < 0.55 * width);
  const covered = new Uint32Array(Math.ceil(width) + 1);
  for (const s of narrow) for (let x = Math.max(0, Math.floor(s.x)); x <= Math.min(width, Math.ceil(s.right)); x++) covered[x]!++;
  const crossable = Math.max(1, Math.floor(0.05 * narrow.length));
  let best: [number, number] | null = null;
  for (let x = Math.floor(0.3 * width); x <= 0.7 * width; x++) {
    if (covered[x]! > crossable) continue;
    let end = x;
    while (end + 1 <= 0.7 * width && covered[end + 1]! <= crossable) end++;
    if (!best || end - x > best[1] - best[0]) best = [x, end];
    x = end;
  }
  const none = { ordered: segments, gutter: null };
  if (!best || best[1] - best[0] < 8) return none;
  const gutter = (best[0] + best[1]) / 2;
  const left = narrow.filter((s) => s.right <= gutter);
  const right = narrow.filter((s) => s.x >= gutter);
  if (left.length < 3 || right.length < 3) return none;
  const leftMargin = left.reduce((m, s) => Math.min(m, s.x), width);
  if (median(left.map((s) => s.right - s.x)) < 0.6 * (gutter - leftMargin)) return none;
  const out: Segment[] = [];
  let leftColumn: Segment[] = [];
  let rightColumn: Segment[] = [];
  const flush = () => {
    out.push(...leftColumn, ...rightColumn);
    leftColumn = [];
    rightColumn = [];
  };
  for (const s of segments) {
    if (s.right <= gutter) leftColumn.push(s);
    else if (s.x >= gutter) rightColumn.push(s);
    else {
      flush(); // a line across both columns (a title) comes between blocks of columns
      out.push(s);
    }
  }
  flush();
  return { ordered: out, gutter };
}

const PAGE_NUMBER = /^(?:(?:page|p\.|seite|página|pagina)\s*)?[-–—(]?\s*\d{1,4}\s*[-–—)]?(?:\s*(?:of|\/|de|von|sur)\s*\d{1,4})?$/i;
const repeatKey = (text: string) => text.trim().toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');

/**
 * Page headers, footers and page numbers: the first and last line of a page, set apart from
 * the text by more than its line spacing, where they repeat on most pages (digits aside, so
 * "Page 3 of 9" repeats); a page number alone is one anywhere at a page's top or bottom.
 */
function pageFurniture(pages: Segment[][]): { drop: Set<Segment>; removed: string[] } {
  const drop = new Set<Segment>();
  const removed: string[] = [];
  if (pages.length < 2) return { drop, removed };
  // The leading of the whole document: a last page of two lines has none of its own.
  const sorted = pages.map((segments) => [...segments].sort((a, b) => b.y - a.y));
  const spacing = lowerQuartile(sorted.flatMap((byY) => byY.slice(1).map((s, i) => byY[i]!.y - s.y)).filter((g) => g > 0));
  const edges = (page: number) => {
    const byY = sorted[page]!;
    if (byY.length === 0) return [];
    const gaps = byY.slice(1).map((s, i) => byY[i]!.y - s.y);
    const apart = (gap: number | undefined) => gap === undefined || gap > 1.4 * spacing;
    return [['top', byY[0]!, apart(gaps[0])] as const, ['bottom', byY[byY.length - 1]!, apart(gaps[gaps.length - 1])] as const];
  };
  // Each page's first and last line, with what makes two of them "the same line".
  const candidates = [...pages.keys()].flatMap((page) =>
    edges(page).map(([where, s, apart]) => ({ s, apart, key: `${where}:${repeatKey(s.text)}` })),
  );
  const counts = new Map<string, { pages: Set<number>; example: string }>();
  for (const { s, apart, key } of candidates) {
    if (!apart) continue;
    const entry = counts.get(key) ?? { pages: new Set<number>(), example: s.text.trim() };
    entry.pages.add(s.page);
    counts.set(key, entry);
  }
  const most = Math.max(3, Math.ceil(0.7 * pages.length));
  let numbers = 0;
  const named = new Set<string>();
  for (const { s, apart, key } of candidates) {
    const entry = counts.get(key);
    if (PAGE_NUMBER.test(s.text.trim())) {
      drop.add(s);
      numbers++;
    } else if (apart && entry && pages.length >= 3 && entry.pages.size >= most) {
      drop.add(s);
      if (!named.has(entry.example)) {
        named.add(entry.example);
        removed.push(`“${entry.example}” (on ${entry.pages.size} of ${pages.length} pages)`);
      }
    }
  }
  if (numbers > 0) removed.push(`page numbers (${numbers})`);
  return { drop, removed };
}

const SENTENCE_END = /[.?!…:;"”’)\]]$/;
const LABEL_START =
  /^(?:[[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s*)?\p{Lu}[\p{L}\p{M}\p{N}'’.-]*(?:\s[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*){0,2}\s?:\s/u;

/** Lays out a text PDF's pages as the lines of its paragraphs; see the file's head for how. */
export function layoutPdf(pages: readonly PdfPage[]): PdfLayout {
  const read = pages.map((page, i) => readingOrder(segmentsOf(page, i), page.width));
  const perPage = read.map((r) => r.ordered);
  const { drop, removed } = pageFurniture(perPage);
  const ordered = perPage.flat().filter((s) => !drop.has(s));
  const bodySize = median(ordered.flatMap((s) => Array.from({ length: Math.min(50, s.text.length) }, () => s.size)));
  // The leading within a paragraph: the lower quartile of the gaps between lines of body text
  // (between paragraphs the gaps are wider).
  const spacing = lowerQuartile(
    ordered.slice(1).flatMap((s, i) => {
      const prev = ordered[i]!;
      const gap = prev.y - s.y;
      return prev.page === s.page && gap > 0 && Math.abs(s.size - bodySize) < 0.5 && Math.abs(prev.size - bodySize) < 0.5 ? [gap] : [];
    }),
  );
  // A line is short when it stops well before the right edge of its column: the furthest any
  // line starting at the same place on the page reaches or, on a page of one column, the
  // page's width less its left margin (pages have even margins; a page of short lines, too).
  // Lines are put in tenths of the page by where they start (a line's own tenth and the two
  // beside it are "the same place"), so this stays linear in the lines of a page.
  const margin = new Map<Segment, number>();
  for (const [i, page] of perPage.entries()) {
    const width = pages[i]!.width;
    const evenMargin = read[i]!.gutter === null ? width - page.reduce((m, o) => Math.min(m, o.x), width) : 0;
    const tenth = (x: number) => Math.max(0, Math.min(10, Math.floor((10 * x) / width)));
    const furthest = new Array<number>(11).fill(0);
    for (const o of page) furthest[tenth(o.x)] = Math.max(furthest[tenth(o.x)]!, o.right);
    for (const s of page) {
      const t = tenth(s.x);
      margin.set(s, Math.max(evenMargin, furthest[t]!, furthest[t - 1] ?? 0, furthest[t + 1] ?? 0));
    }
  }
  const isShort = (s: Segment) => s.right < margin.get(s)! - 0.12 * (margin.get(s)! - s.x);
  const isHeading = (s: Segment) => s.size >= 1.15 * bodySize && s.text.trim().split(/\s+/).length <= 14;
  // The first line of the document, in the largest size of all, is its title; headings are
  // numbered by size among the rest.
  const first = ordered[0];
  const title = first && isHeading(first) && ordered.every((s) => s.size <= first.size) ? first : null;
  const headingSizes = [...new Set(ordered.filter((s) => s !== title && isHeading(s)).map((s) => Math.round(s.size)))].sort(
    (a, b) => b - a,
  );
  const styleOf = (s: Segment): string | null => {
    if (s === title) return 'Title';
    if (!isHeading(s)) return null;
    return `Heading ${Math.min(headingSizes.indexOf(Math.round(s.size)) + 1, 3)}`;
  };

  interface Paragraph {
    parts: string[];
    style: string | null;
    lead?: string;
    /** A table's row: segments side by side on one baseline. */
    cells?: string[];
    last: Segment;
  }
  const paragraphs: Paragraph[] = [];
  const hyphenated: { paragraph: number; index: number }[] = [];
  for (const s of ordered) {
    const para = paragraphs[paragraphs.length - 1];
    const style = styleOf(s);
    const prev = para?.last;
    const gap = prev && prev.page === s.page ? prev.y - s.y : null;
    const prevShort = prev !== undefined && isShort(prev);
    if (para && prev && gap !== null && Math.abs(gap) < 0.4 * s.size && s.x > prev.right) {
      // Side by side on the previous line's baseline: after a tab, or the next cell of a
      // table's row (when the paragraph is that one line).
      if (para.parts.length === 1) (para.cells ??= [para.parts[0]!]).push(s.text.trim());
      para.parts[para.parts.length - 1] += `\t${s.text.trim()}`;
      para.last = s;
      continue;
    }
    // A row whose first cell is a few words (a name, a time) is a line of its own.
    const row = para?.cells !== undefined && para.parts.length === 1 && para.cells[0]!.split(/\s+/).length <= 4;
    const startsNew =
      row ||
      !para ||
      style !== null ||
      para.style !== null ||
      (gap !== null && (gap < 0 || gap > 1.3 * spacing)) ||
      (prevShort && SENTENCE_END.test(prev.text.trim())) ||
      LABEL_START.test(s.text) ||
      (s.lead !== undefined && prevShort);
    if (startsNew) {
      paragraphs.push({ parts: [s.text.trim()], style, ...(s.lead !== undefined ? { lead: s.lead } : {}), last: s });
      continue;
    }
    const before = para.parts[para.parts.length - 1]!;
    if (/\p{L}-$/u.test(before) && /^\p{Ll}/u.test(s.text.trim()))
      hyphenated.push({ paragraph: paragraphs.length - 1, index: para.parts.length });
    para.parts.push(s.text.trim());
    para.last = s;
  }

  // A hyphen at a line's end is undone only where the document has the joined word elsewhere.
  const words = new Set<string>();
  for (const p of paragraphs)
    for (const w of p.parts
      .join(' ')
      .toLowerCase()
      .match(/[\p{L}\p{M}'’]+/gu) ?? [])
      words.add(w);
  const joinHere = new Set<string>();
  for (const { paragraph, index } of hyphenated) {
    const parts = paragraphs[paragraph]!.parts;
    const head = /([\p{L}\p{M}'’]+)-$/u.exec(parts[index - 1]!)?.[1] ?? '';
    const tail = /^[\p{L}\p{M}'’]+/u.exec(parts[index]!)?.[0] ?? '';
    if (words.has(`${head}${tail}`.toLowerCase())) joinHere.add(`${paragraph}:${index}`);
  }
  const lines = paragraphs.map((p, pi) => {
    const text = p.parts.reduce((s, part, i) => {
      if (i === 0) return part;
      const hyphen = /\p{L}-$/u.test(s) && /^\p{Ll}/u.test(part);
      if (hyphen) return joinHere.has(`${pi}:${i}`) ? s.slice(0, -1) + part : s + part;
      return `${s} ${part}`;
    }, '');
    const cells = p.cells && p.parts.length === 1 ? { cells: p.cells } : {};
    return { text, style: p.style, ...(p.lead !== undefined ? { boldLead: p.lead } : {}), ...cells };
  });
  return { lines, removed };
}
