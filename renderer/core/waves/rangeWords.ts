// Counting words in ranges of a text, fast: the wave matrix counts the words of every coded
// stretch of every row.
//
// A cell's words are countWords over its stretches: the matches of /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu.
// Running that regex over every stretch of every row rescans the coded text once per code (and
// again per ancestor under includeChildren): most of a second at study scale. Instead each source
// is scanned once, keeping every 16th position's count of words begun before it, and a range is
// counted from two of those checkpoints plus at most 15 units' scan at each end.
//
// Why that equals countWords(text.slice(s, e)): a match starts at a letter or digit and runs
// greedily over letters, digits, ' ’ and -, so every maximal run of those characters holding a
// letter or digit is exactly one match. The runs of the slice are the text's runs cut to [s, e),
// so the slice has one word for each word of the text that begins inside [s, e), plus one for a
// word begun before s whose part from s on holds a letter or digit. Surrogate pairs are the one
// wrinkle: a pair cut by s or e is two lone surrogates in the slice, which are neither, so a word
// begun at e - 1 with a cut astral letter does not count, and the part after s is checked as
// the slice reads it. The tests hold this to countWords on random text with such characters.

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const NONE = 0;
const LETTER = 1; // \p{L} or \p{N}: starts or continues a word
const JOINER = 2; // ' ’ -: continues a word only
const ASCII_KIND = new Uint8Array(128);
for (let c = 0; c < 128; c += 1) {
  const ch = String.fromCharCode(c);
  ASCII_KIND[c] = LETTER_OR_DIGIT.test(ch) ? LETTER : ch === "'" || ch === '-' ? JOINER : NONE;
}
const wideKinds = new Map<number, number>();
function wideKind(codePoint: number): number {
  if (codePoint === 0x2019) return JOINER;
  let kind = wideKinds.get(codePoint);
  if (kind === undefined) {
    kind = LETTER_OR_DIGIT.test(String.fromCodePoint(codePoint)) ? LETTER : NONE;
    if (wideKinds.size < 65_536) wideKinds.set(codePoint, kind);
  }
  return kind;
}

// The scanner's state between calls: words begun so far, and whether one is running on. Plain
// module variables keep the hot loop free of allocations; nothing here is ever re-entered.
let begun = 0;
let running = false;

/**
 * Steps the countWords state machine over the code points that begin in [from, to), reading
 * a pair's low half up to `limit` (so with limit = to a pair cut by `to` is a lone surrogate, as
 * in a slice). Returns where the next code point begins: `to`, or to + 1 after a pair across it.
 */
function advance(text: string, from: number, to: number, limit: number): number {
  let count = begun; // locals in the loop: module variables are slower to touch
  let inWord = running;
  let i = from;
  while (i < to) {
    let c = text.charCodeAt(i);
    i += 1;
    let kind: number;
    if (c < 128) kind = ASCII_KIND[c]!;
    else {
      if (c >= 0xd800 && c <= 0xdbff && i < limit) {
        const low = text.charCodeAt(i);
        if (low >= 0xdc00 && low <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
          i += 1;
        }
      }
      kind = wideKind(c);
    }
    if (inWord) inWord = kind !== NONE;
    else if (kind === LETTER) {
      count += 1;
      inWord = true;
    }
  }
  begun = count;
  running = inWord;
  return i;
}

/** countWords(text.slice(from, to)), without the slice. */
function countWordsIn(text: string, from: number, to: number): number {
  begun = 0;
  running = false;
  advance(text, from, to, to);
  return begun;
}

const SHIFT = 4; // checkpoints every 16 UTF-16 units: 4 bytes per 16 units of text

/**
 * A counter of words in ranges of `text`: count(start, end) === countWords(text.slice(start, end))
 * (offsets clamped to the text), after one scan of the text; each call scans under 32 units
 * plus, when a word runs across `start`, the rest of that word.
 */
export function rangeWordCounter(text: string): (start: number, end: number) => number {
  const n = text.length;
  const marks = (n >> SHIFT) + 1;
  // Per checkpoint k (position k·16), packed as begun·4 + running·2 + cut: the words begun before
  // it, whether one runs on past the code points begun before it, and whether it is the low half
  // of a pair begun at k·16 - 1 (so the next code point begins one later).
  const marksAt = new Int32Array(marks);
  // The one scan, stopping at each checkpoint to take it.
  begun = 0;
  running = false;
  for (let k = 0, i = 0; k < marks; k += 1) {
    const mark = k << SHIFT;
    i = advance(text, i, mark, n);
    marksAt[k] = begun * 4 + (running ? 2 : 0) + (i > mark ? 1 : 0);
  }

  // Leaves `begun` = words begun before x and `running` = one runs on past the code points begun
  // before x, reading the text whole; returns where the next code point begins (x, or x + 1).
  const at = (x: number): number => {
    const k = x >> SHIFT;
    const mark = marksAt[k]!;
    begun = mark >>> 2;
    running = (mark & 2) !== 0;
    const from = (k << SHIFT) + (mark & 1);
    return from >= x ? from : advance(text, from, x, n);
  };

  return (start: number, end: number): number => {
    const s = Math.max(0, start);
    const e = Math.min(n, end);
    if (!(e > s)) return 0;
    const pairAtEnd = at(e) > e; // a pair straddles e
    const untilEnd = begun;
    const next = at(s);
    let count = untilEnd - begun; // words begun in [s, e)
    if (running) {
      // A word begun before s counts when its part inside the slice holds a letter or digit.
      let i = next;
      while (i < e) {
        const c = text.charCodeAt(i);
        const cp = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? text.codePointAt(i)! : c;
        if ((cp < 128 ? ASCII_KIND[cp]! : wideKind(cp)) === NONE) break;
        i += cp > 0xffff ? 2 : 1;
      }
      if (countWordsIn(text, s, Math.min(i, e)) > 0) count += 1;
    }
    if (pairAtEnd) {
      // A word begun at e - 1 by an astral letter that e cuts in half: the slice sees a lone surrogate.
      const cp = text.codePointAt(e - 1)!;
      if (wideKind(cp) === LETTER) {
        at(e - 1);
        if (!running) count -= 1;
      }
    }
    return count;
  };
}
