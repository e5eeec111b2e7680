// The concordance (keyword in context): each hit with the text before and after it, trimmed to
// whole words, as one line a reader scans down the keyword column; sortable by the words just
// left or just right of the keyword, as MAXQDA's and AntConc's concordances are.
import { nameCollator, type Range } from '../shared';
import { tokenize } from './tokens';
import type { SearchHit } from './types';

export interface ConcordanceLine extends SearchHit {
  left: string;
  keyword: string;
  right: string;
}

export type ConcordanceOrder = 'place' | 'left' | 'right' | 'keyword';

/** Line breaks and runs of spaces as one space: a concordance line is one line. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ');

/**
 * A hit with up to `width` characters of context each side, cut at a word boundary (never in
 * the middle of a word), within `within` (its speaker turn, so the next speaker's label and
 * words do not read as the same person's; the whole text by default).
 */
export function concordanceLine(
  text: string,
  hit: SearchHit,
  width: number,
  within: Range = { start: 0, end: text.length },
): ConcordanceLine {
  let from = Math.max(within.start, hit.start - width);
  let to = Math.min(within.end, hit.end + width);
  // Cut where a word starts or ends, so no half-word shows at either edge.
  if (from > within.start) {
    const space = text.slice(from, hit.start).search(/\s/);
    from = space < 0 ? hit.start : from + space + 1;
  }
  if (to < within.end) {
    const before = text.slice(hit.end, to);
    const space = before.search(/\s\S*$/);
    to = space < 0 ? hit.end : hit.end + space;
  }
  return {
    ...hit,
    left: oneLine(text.slice(from, hit.start)).trimStart(),
    keyword: oneLine(text.slice(hit.start, hit.end)),
    right: oneLine(text.slice(hit.end, to)).trimEnd(),
  };
}

const collator = nameCollator;

/** The words of a context as they sort: nearest the keyword first. */
function sortWords(context: string, nearestFirst: boolean): string {
  const words = tokenize(context).keys;
  return (nearestFirst ? words.reverse() : words).join(' ');
}

/**
 * Lines in the order asked: 'place' keeps the search's reading order; 'left' sorts by the word
 * just before the keyword, then the one before that; 'right' by the words after; 'keyword' by
 * the hit itself. Ties keep reading order (a stable sort).
 */
export function sortConcordance<T extends ConcordanceLine>(lines: readonly T[], order: ConcordanceOrder): T[] {
  if (order === 'place') return [...lines];
  const key = (l: T) =>
    order === 'left' ? sortWords(l.left, true) : order === 'right' ? sortWords(l.right, false) : l.keyword.toLowerCase();
  return lines
    .map((line, i) => ({ line, i, key: key(line) }))
    .sort((a, b) => collator.compare(a.key, b.key) || a.i - b.i)
    .map((x) => x.line);
}

/**
 * Hits in few bytes, for the trip from the search worker: tens of thousands of hit objects
 * take longer to copy between threads than to find; three number arrays copy in one go.
 */
export interface PackedHits {
  sourceIds: string[];
  source: Int32Array;
  start: Int32Array;
  end: Int32Array;
}

export function packHits(hits: readonly SearchHit[]): PackedHits {
  const sourceIds: string[] = [];
  const numbers = new Map<string, number>();
  const packed = { sourceIds, source: new Int32Array(hits.length), start: new Int32Array(hits.length), end: new Int32Array(hits.length) };
  hits.forEach((h, i) => {
    let n = numbers.get(h.sourceId);
    if (n === undefined) {
      n = sourceIds.length;
      numbers.set(h.sourceId, n);
      sourceIds.push(h.sourceId);
    }
    packed.source[i] = n;
    packed.start[i] = h.start;
    packed.end[i] = h.end;
  });
  return packed;
}

export function unpackHits(packed: PackedHits): SearchHit[] {
  return Array.from(packed.source, (n, i) => ({ sourceId: packed.sourceIds[n]!, start: packed.start[i]!, end: packed.end[i]! }));
}
