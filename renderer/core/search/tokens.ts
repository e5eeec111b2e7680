// Words as search sees them: runs of letters, digits and marks, keeping an apostrophe between
// letters (don't, he's, O'Brien) and splitting at hyphens and all other punctuation. Each word
// has its offsets in the text as written and a key folded as a reader matches (no case, no
// accents, ’ the same as '), so the index and the reference scan agree on what a word is.
import { fold } from '../quotes';

const WORD = /[\p{L}\p{N}\p{M}]+(?:['’‘ʼ][\p{L}\p{N}\p{M}]+)*/gu;

export interface Tokens {
  /** UTF-16 offset where each word starts, in reading order. */
  starts: Int32Array;
  /** ... and where it ends (exclusive). */
  ends: Int32Array;
  /** Each word's folded key (termKey). */
  keys: string[];
}

/** The folded form a word is indexed and looked up under. */
export function termKey(word: string): string {
  return fold(word);
}

export interface CaseOptions {
  matchCase?: boolean;
  matchAccents?: boolean;
}

/**
 * A word as compared when the researcher asks for case or accents to count: only what was
 * asked for is kept (quote shapes never count).
 */
export function strictKey(word: string, options: CaseOptions): string {
  const quotes = word.replace(/[‘’ʼ]/g, "'");
  if (options.matchCase && options.matchAccents) return quotes.normalize('NFC');
  if (options.matchCase) return quotes.normalize('NFKD').replace(/\p{M}/gu, '');
  if (options.matchAccents) return quotes.normalize('NFC').toLowerCase();
  return termKey(word);
}

export function tokenize(text: string): Tokens {
  let starts = new Int32Array(Math.max(16, text.length >> 3));
  let ends = new Int32Array(starts.length);
  const keys: string[] = [];
  let n = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const key = termKey(m[0]);
    // Marks alone (a combining accent after a symbol) fold to nothing: no word.
    if (key === '') continue;
    if (n === starts.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      starts = grow(starts);
      ends = grow(ends);
    }
    starts[n] = m.index;
    ends[n] = m.index + m[0].length;
    keys.push(key);
    n += 1;
  }
  return { starts: starts.slice(0, n), ends: ends.slice(0, n), keys };
}

/** The first word ending after `offset` (words.length when none). */
export function wordAfter(ends: Int32Array, offset: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
