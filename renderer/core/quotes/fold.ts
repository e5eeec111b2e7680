// Text folded for matching as a reader would: no case, no accents, ’ the same as ', “ ” the
// same as ". Used by the text filter and by the leak check.

const MARKS = /\p{M}/gu;
// No ASCII in these sets (and nothing NFKD would change first): fold() takes shortcuts for
// ASCII text, and every path must fold each character the same way.
const SINGLE_QUOTES = /[‘’‚‛ʼ′]/g;
const DOUBLE_QUOTES = /[“”„‟«»]/g;
const NOT_ASCII = /[^\x00-\x7f]/;
// Characters NFKD leaves alone that transcripts are full of (smart quotes, dashes).
const NEEDS_NORMALISING = /[^\x00-\x7f‘’“”–—]/;

/**
 * The folded form of `text`. Whitespace is left as it is (callers match across any run of it),
 * and the length may differ from the text's: foldWithOffsets maps back.
 */
export function fold(text: string): string {
  // A text search folds every candidate passage; most are plain ASCII, or ASCII with smart
  // quotes and dashes, which need no normalising: this keeps a search of every coded passage
  // of a study-scale project within a few tens of milliseconds.
  if (!NOT_ASCII.test(text)) return text.toLowerCase();
  if (!NEEDS_NORMALISING.test(text)) return text.toLowerCase().replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"');
  // NFKD twice: lower-casing can produce a decomposable letter (İ -> i̇), whose mark must go too.
  return text.normalize('NFKD').toLowerCase().normalize('NFKD').replace(MARKS, '').replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"');
}

export interface FoldedText {
  /** fold(text) with every run of whitespace made one space. */
  text: string;
  /** For each UTF-16 unit of the folded text, where its source character starts in the original. */
  from: Int32Array;
  /** ... and where that source character ends (exclusive). */
  to: Int32Array;
}

// Folded ASCII by code: lower case, and every whitespace character a space.
const ASCII_FOLD = new Uint16Array(128);
for (let c = 0; c < 128; c += 1)
  ASCII_FOLD[c] = /\s/.test(String.fromCharCode(c)) ? 32 : String.fromCharCode(c).toLowerCase().charCodeAt(0);
const SPACE = /^\s$/;

/**
 * fold(), one source character at a time, keeping where each folded unit came from, so a match
 * in the folded text can be reported at its offset in the text as written. It runs over a whole
 * export before it leaves, hence typed arrays and a table for ASCII rather than a string per
 * character (which took half a second for a long report).
 */
export function foldWithOffsets(text: string): FoldedText {
  let units = new Uint16Array(text.length + 16);
  let from = new Int32Array(units.length);
  let to = new Int32Array(units.length);
  let n = 0;
  const put = (unit: number, start: number, end: number) => {
    // Whitespace runs become one space, whether written or produced by folding.
    if (unit === 32 && n > 0 && units[n - 1] === 32) return;
    if (n === units.length) {
      // Folding can lengthen text (NFKD makes "…" three dots): grow.
      const grow = <T extends Uint16Array | Int32Array>(a: T, b: T) => (b.set(a), b);
      units = grow(units, new Uint16Array(n * 2));
      from = grow(from, new Int32Array(n * 2));
      to = grow(to, new Int32Array(n * 2));
    }
    units[n] = unit;
    from[n] = start;
    to[n] = end;
    n += 1;
  };
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      put(ASCII_FOLD[code]!, i, i + 1);
      i += 1;
      continue;
    }
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
    const folded = fold(text.slice(i, i + width));
    for (let k = 0; k < folded.length; k += 1) put(SPACE.test(folded[k]!) ? 32 : folded.charCodeAt(k), i, i + width);
    i += width;
  }
  const chunks: string[] = [];
  for (let k = 0; k < n; k += 8192) chunks.push(String.fromCharCode(...units.subarray(k, Math.min(n, k + 8192))));
  return { text: chunks.join(''), from: from.slice(0, n), to: to.slice(0, n) };
}

/** Letters and digits: what a word is made of when deciding where words start and end. */
export const WORD_CHAR = /[\p{L}\p{N}]/u;
