// Text folded for the leak check, which must see a name however it is disguised: any case or
// accent, look-alike letters of other scripts (Cyrillic "Ѕаrаh"), invisible characters inside it
// ("Sa\u200Brah"), a hyphen or line break inside it ("Sa-\nrah"), or its letters spaced out
// ("S. a. r. a. h."). fold() (text search) stays as it was: a search must not join words.
import confusables from 'unhomoglyph/data.json';

/** Stands for invisible characters between two letters: never a real word edge. */
export const INVISIBLE = '\u0001';
/** Stands for a hyphen, a line break or the spaces of spaced-out letters between two letters. */
export const SEAM = '\u0002';

export interface LeakFolded {
  /** The folded text: lower-case Latin skeletons, whitespace runs as one space, soft units. */
  text: string;
  /** For each UTF-16 unit of the folded text, where its source starts in the original... */
  from: Int32Array;
  /** ... and where it ends (exclusive). */
  to: Int32Array;
}

const MARKS = /\p{M}/gu;
const WORD = /[\p{L}\p{N}]/u;

// What each folded unit is, for deciding which gaps between letters are part of a word.
const OTHER = 0;
const LETTER = 1;
const SPACE = 2;
const BREAK = 3; // a line break (\n, U+0085, U+2028, U+2029)
const CR = 7; // \r: a line break unless \n follows
const DASH = 4;
const DOT = 5;
const FORMAT = 6; // \p{Cf}: zero-width space and joiners, U+2060, BOM, soft hyphen

/**
 * TR39 prototypes, only for non-ASCII characters and only where the prototype is plain Latin
 * letters or digits. ASCII is never remapped: TR39 takes "m" for "rn" and "l" for "1", which
 * would flag "torn" for the name "Tom".
 */
const CONFUSABLE = new Map<string, string>();
for (const [from, to] of Object.entries(confusables as Record<string, string>)) {
  if (from.charCodeAt(0) < 128) continue;
  const skeleton = to.toLowerCase().normalize('NFKD').replace(MARKS, '');
  if (/^[a-z0-9]+$/.test(skeleton)) CONFUSABLE.set(from, skeleton);
}

const DASHES = new Set(['-', '‐', '‑', '‒', '–', '—', '−', '﹣', '－']);
// Quotes as fold() makes them, so "O’Brien" in a text matches the listed "O'Brien".
const SINGLE_QUOTES = /[‘’‚‛ʼ′]/g;
const DOUBLE_QUOTES = /[“”„‟«»]/g;

interface CharFold {
  text: string;
  kinds: number[];
}

const ASCII: CharFold[] = [];
for (let c = 0; c < 128; c += 1) {
  const ch = String.fromCharCode(c);
  if (ch === '\n' || ch === '\r') ASCII.push({ text: ' ', kinds: [ch === '\r' ? CR : BREAK] });
  else if (/\s/.test(ch)) ASCII.push({ text: ' ', kinds: [SPACE] });
  // Control characters must not pass for the soft units.
  else if (c < 32 || c === 127) ASCII.push({ text: '\uFFFD', kinds: [OTHER] });
  else {
    const kind = WORD.test(ch) ? LETTER : ch === '-' ? DASH : ch === '.' ? DOT : OTHER;
    ASCII.push({ text: ch.toLowerCase(), kinds: [kind] });
  }
}

const cache = new Map<number, CharFold>();

/** One non-ASCII code point: NFKC, no marks, the Latin skeleton of a look-alike, lower case. */
function foldChar(cp: number): CharFold {
  const known = cache.get(cp);
  if (known) return known;
  const ch = String.fromCodePoint(cp);
  let out: CharFold;
  if (/\p{Cf}/u.test(ch)) out = { text: INVISIBLE, kinds: [FORMAT] };
  else if (/\s/.test(ch)) out = { text: ' ', kinds: [/[\u0085\u2028\u2029]/.test(ch) ? BREAK : SPACE] };
  else {
    // Look-alikes are looked up before lower-casing too: TR39 takes Cyrillic "Н" for "H", but
    // its lower case "н" for a small capital, no Latin letter.
    const cased = ch.normalize('NFKC').normalize('NFKD').replace(MARKS, '');
    const plain = [...cased].map((c) => CONFUSABLE.get(c) ?? c.toLowerCase().normalize('NFKD').replace(MARKS, '')).join('');
    if (DASHES.has(plain)) out = { text: '-', kinds: [DASH] };
    else if (plain !== '' && /^\.+$/.test(plain)) out = { text: plain, kinds: [...plain].map(() => DOT) };
    else {
      let text = '';
      const kinds: number[] = [];
      for (const c of plain) {
        const mapped = (CONFUSABLE.get(c) ?? c).toLowerCase().replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"');
        text += mapped;
        for (let k = 0; k < mapped.length; k += 1) kinds.push(WORD.test(mapped) ? LETTER : OTHER);
      }
      out = { text, kinds };
    }
  }
  cache.set(cp, out);
  return out;
}

/** Growable parallel arrays: a folded unit, where it came from, and its kind. */
class Units {
  n = 0;
  units: Uint16Array;
  from: Int32Array;
  to: Int32Array;
  kinds: Uint8Array;
  constructor(size: number) {
    this.units = new Uint16Array(size + 16);
    this.from = new Int32Array(size + 16);
    this.to = new Int32Array(size + 16);
    this.kinds = new Uint8Array(size + 16);
  }
  push(unit: number, start: number, end: number, kind: number): void {
    if (this.n === this.units.length) {
      // Folding can lengthen text (NFKC makes "…" three dots): grow.
      const size = this.n * 2;
      const grow = <T extends Uint16Array | Int32Array | Uint8Array>(a: T, b: T) => (b.set(a), b);
      this.units = grow(this.units, new Uint16Array(size));
      this.from = grow(this.from, new Int32Array(size));
      this.to = grow(this.to, new Int32Array(size));
      this.kinds = grow(this.kinds, new Uint8Array(size));
    }
    this.units[this.n] = unit;
    this.from[this.n] = start;
    this.to[this.n] = end;
    this.kinds[this.n] = kind;
    this.n += 1;
  }
  text(): string {
    const chunks: string[] = [];
    for (let k = 0; k < this.n; k += 8192) chunks.push(String.fromCharCode(...this.units.subarray(k, Math.min(this.n, k + 8192))));
    return chunks.join('');
  }
}

/** Each source character folded, one unit at a time, with its kind (no gaps decided yet). */
function foldUnits(text: string): Units {
  const out = new Units(text.length);
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
    const folded = code < 128 ? ASCII[code]! : foldChar(text.codePointAt(i)!);
    // A lone combining mark folds to nothing and so stays inside its word.
    for (let k = 0; k < folded.text.length; k += 1) out.push(folded.text.charCodeAt(k), i, i + width, folded.kinds[k]!);
    i += width;
  }
  return out;
}

const NORMAL = 0;
const SPACED = 1; // spaces and dots only: a seam if the letters on both sides are spaced out

/** What a gap between two letters is: INVISIBLE, SEAM, SPACED or NORMAL. */
function gapKind(kinds: Uint8Array, start: number, end: number): string | number {
  let dashes = 0;
  let spaces = 0;
  let breaks = 0;
  let dots = 0;
  let dashAfterSpace = false;
  for (let k = start; k < end; k += 1) {
    const kind = kinds[k]!;
    if (kind === FORMAT) continue;
    if (kind === DASH) {
      dashes += 1;
      if (spaces + breaks) dashAfterSpace = true;
    } else if (kind === SPACE) spaces += 1;
    else if (kind === BREAK) breaks += 1;
    // \r\n is one line break.
    else if (kind === CR) breaks += k + 1 < end && kinds[k + 1] === BREAK ? 0 : 1;
    else if (kind === DOT) dots += 1;
    else return NORMAL;
  }
  if (dashes + spaces + breaks + dots === 0) return INVISIBLE;
  if (dots === 0 && spaces + breaks === 0) return SEAM; // Sa-rah
  if (dots === 0 && !dashAfterSpace && breaks === 1) return SEAM; // Sa\nrah, Sa-\nrah
  if (dashes === 0 && breaks === 0) return SPACED; // S a r a h, S.a.r.a.h, S. a. r. a. h.
  return NORMAL;
}

/**
 * The text folded for the leak check. Between two letters, a gap of invisible characters becomes
 * one INVISIBLE unit; a gap of hyphens, or of whitespace holding one line break (after a hyphen
 * or not), becomes one SEAM; so do the spaces and dots between the letters of a run of three or
 * more single letters. Every other whitespace run is one space, and invisible characters there
 * are dropped. Linear in the text: it runs over a whole report before it leaves.
 */
export function leakFold(text: string): LeakFolded {
  const raw = foldUnits(text);
  const { kinds, units, n } = raw;
  // Words: maximal runs of letter units; the gap after word w runs to the start of word w + 1.
  const starts: number[] = [];
  const ends: number[] = [];
  for (let k = 0; k < n; k += 1) {
    if (kinds[k] !== LETTER) continue;
    if (k === 0 || kinds[k - 1] !== LETTER) starts.push(k);
    if (k + 1 === n || kinds[k + 1] !== LETTER) ends.push(k + 1);
  }
  const gaps: (string | number)[] = [];
  for (let w = 0; w + 1 < starts.length; w += 1) gaps.push(gapKind(kinds, ends[w]!, starts[w + 1]!));
  markSpacedRuns(gaps, starts, ends, raw.from);
  const out = new Units(n);
  let w = -1; // the word before the current gap
  for (let k = 0; k < n;) {
    if (kinds[k] === LETTER) {
      if (k === starts[w + 1]) w += 1;
      out.push(units[k]!, raw.from[k]!, raw.to[k]!, LETTER);
      k += 1;
      continue;
    }
    const end = w + 1 < starts.length ? starts[w + 1]! : n;
    const gap = w >= 0 && w < gaps.length ? gaps[w]! : NORMAL;
    if (gap === INVISIBLE || gap === SEAM) out.push(gap.charCodeAt(0), raw.from[k]!, raw.to[end - 1]!, OTHER);
    else
      for (let g = k; g < end; g += 1) {
        if (kinds[g] === FORMAT) continue;
        const space = kinds[g] === SPACE || kinds[g] === BREAK || kinds[g] === CR;
        if (space && out.n > 0 && out.units[out.n - 1] === 32) continue;
        out.push(space ? 32 : units[g]!, raw.from[g]!, raw.to[g]!, OTHER);
      }
    k = end;
  }
  return { text: out.text(), from: out.from.slice(0, out.n), to: out.to.slice(0, out.n) };
}

/** In a run of three or more single letters joined by SPACED (or soft) gaps, the gaps are seams. */
function markSpacedRuns(gaps: (string | number)[], starts: number[], ends: number[], from: Int32Array): void {
  // A single letter: one source character (æ folds to two units and is still one letter).
  const single = (w: number) => from[starts[w]!] === from[ends[w]! - 1];
  const joins = (g: (typeof gaps)[number]) => g === SPACED || g === SEAM || g === INVISIBLE;
  for (let w = 0; w < starts.length;) {
    let last = w;
    while (single(last) && last < gaps.length && joins(gaps[last]!) && single(last + 1)) last += 1;
    if (single(w) && last - w >= 2) for (let g = w; g < last; g += 1) if (gaps[g] === SPACED) gaps[g] = SEAM;
    w = last + 1;
  }
  for (let g = 0; g < gaps.length; g += 1) if (gaps[g] === SPACED) gaps[g] = NORMAL;
}
