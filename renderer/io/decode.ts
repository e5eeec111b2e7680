// Bytes of a text transcript -> canonical text (DESIGN "Canonical text and offsets"):
// BOM dropped, CRLF/CR -> LF. Every offset a coding stores indexes into this string, so the
// decoding must be deterministic and never silently lossy: when we have to guess
// (Windows-1252, UTF-16 without a BOM) or replace anything, we say so in a warning.
//
// How a file without a BOM is read:
// 1. Valid UTF-8 with no NUL and no control-character junk: UTF-8. Most files stop here.
// 2. UTF-16 without a BOM: Latin text by its NUL pattern (sniffUtf16); any other script by
//    byte statistics and a check of the decoded text (sniffUtf16Text).
// 3. Binary (NUL or many control bytes): refused.
// 4. Otherwise the file is not valid UTF-8, and the choice is between damaged UTF-8 and
//    Windows-1252 (decodeInvalidUtf8): UTF-8, with each bad sequence replaced by U+FFFD and the
//    lines named, when the file holds at least one valid multi-byte UTF-8 sequence and at
//    least as many valid as invalid ones; Windows-1252 when it holds none (every byte above
//    0x7F stands alone or breaks the UTF-8 rules, which is how Windows-1252 text looks: é is
//    a lone 0xE9, “ ” a lone 0x93 0x94) or more invalid than valid ones. A Windows-1252 file
//    rarely forms even one valid UTF-8 pair (it needs an uppercase accented letter followed by
//    a symbol such as ’ or ©), while a UTF-8 file with one damaged byte still holds its
//    accented letters intact. An ASCII file with one stray high byte has no valid multi-byte
//    sequence and is read as Windows-1252: that byte is far more likely a Windows letter than
//    half of a UTF-8 one.
import { formatSize, ImportError } from './errors';

export const MAX_TEXT_BYTES = 20 * 1024 * 1024;
export const MAX_DOCX_BYTES = 50 * 1024 * 1024;

export interface DecodedText {
  text: string;
  encoding: string;
  warnings: string[];
}

export function assertWithinLimit(byteLength: number, limit: number, fileName: string, kind = 'file'): void {
  if (byteLength > limit) {
    throw new ImportError(fileName, `is too large (${formatSize(byteLength)}); the limit for a ${kind} is ${formatSize(limit)}`);
  }
}

/** CRLF and lone CR become LF: offsets must not depend on the platform that wrote the file. */
export function canonicalNewlines(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}

// Magic numbers of formats people drop in by mistake, so the message can say what it is.
const MAGIC: readonly { bytes: number[]; kind: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: 'a PDF' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'a zip archive, e.g. .docx' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], kind: 'a zip archive' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], kind: 'an old Office document' },
  { bytes: [0x1f, 0x8b], kind: 'a gzip archive' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], kind: 'an RTF document' },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

/** 'le' / 'be' when the NUL pattern of ASCII-range text in UTF-16 is unmistakable, else null. */
function sniffUtf16(bytes: Uint8Array): 'le' | 'be' | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  // Mostly-ASCII UTF-16 has a NUL in one half of nearly every pair and almost none in the other.
  if (oddNul >= pairs * 0.4 && evenNul <= pairs * 0.05) return 'le';
  if (evenNul >= pairs * 0.4 && oddNul <= pairs * 0.05) return 'be';
  return null;
}

/** True when the bytes are control-character junk rather than text in a single-byte/UTF-8 encoding. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true; // NUL never occurs in UTF-8/1252 text (trailing padding is trimmed first)
    // Tab, LF, VT, FF, CR and ESC occur in real text files; the rest of C0 does not.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) control++;
  }
  return control > Math.max(2, n * 0.01);
}

/** Share of C0 control characters (other than whitespace and ESC) in the first 64K characters. */
function controlShare(text: string): number {
  const n = Math.min(text.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && (c < 0x09 || c > 0x0d) && c !== 0x1b) control++;
  }
  return n === 0 ? 0 : control / n;
}

function utf16Decode(bytes: Uint8Array, order: 'le' | 'be', warnings: string[]): string {
  let body = bytes;
  if (body.length % 2 === 1) {
    warnings.push('the file ends with half a UTF-16 character, which was dropped');
    body = body.subarray(0, body.length - 1);
  }
  // By hand, not TextDecoder: it would turn unpaired surrogates into U+FFFD without a word,
  // and 'utf-16be' needs full ICU. removeUnsafeCharacters removes them, with a warning.
  const hi = order === 'le' ? 1 : 0;
  const parts: string[] = [];
  const CHUNK = 8192;
  const units = new Uint16Array(CHUNK);
  for (let i = 0; i < body.length; i += 2 * CHUNK) {
    const end = Math.min(body.length, i + 2 * CHUNK);
    let k = 0;
    for (let j = i; j < end; j += 2) units[k++] = (body[j + hi]! << 8) | body[j + 1 - hi]!;
    parts.push(String.fromCharCode(...units.subarray(0, k)));
  }
  return parts.join('');
}

// Windows-1252 0x80-0x9F; the rest is Latin-1. Hand-written so it works without full ICU.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes: number[] = [];
    const end = Math.min(bytes.length, i + CHUNK);
    for (let j = i; j < end; j++) {
      const b = bytes[j]!;
      codes.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b);
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

// ---- UTF-16 without a BOM, any script ---------------------------------------------------
// The NUL pattern finds Latin text only. In UTF-16 every character is a high byte (its block:
// 0x04 Cyrillic, 0x06 Arabic, 0x4E-0x9F CJK, 0x00 ASCII...) and a low byte; text in one script
// uses few blocks, so the high bytes vary much less than the low ones. The bytes at even and
// odd positions of a UTF-16 file therefore have clearly different entropies (3-4.5 bits apart
// for alphabetic scripts, 0.8-1.6 for CJK and Hangul), and the lower one says where the high
// bytes are: odd positions in UTF-16LE, even in UTF-16BE. In single-byte or UTF-8 text, in
// random data and in compressed files the two positions look alike (under 0.3 bits apart).
// The decoded sample must then read as text: no unpaired surrogates, controls, unassigned or
// private-use characters, and nearly all letters, marks, digits, punctuation and spaces.

/** Least entropy gap (bits) between even and odd bytes for UTF-16 to be considered. */
const UTF16_ENTROPY_GAP = 0.5;
/** Fewest code units for a guess from statistics: shorter samples are too noisy. */
const UTF16_MIN_UNITS = 24;

function byteEntropy(bytes: Uint8Array, from: number, end: number): number {
  const counts = new Uint32Array(256);
  let n = 0;
  for (let i = from; i < end; i += 2) {
    counts[bytes[i]!]!++;
    n++;
  }
  let h = 0;
  for (let v = 0; v < 256; v++) {
    const c = counts[v]!;
    if (c > 0) h -= (c / n) * Math.log2(c / n);
  }
  return h;
}

// Format characters real text holds: soft hyphen, Arabic letter mark, zero-width (non-)joiners
// and spaces, direction marks, word joiner, BOM.
const ALLOWED_FORMAT = /[\u00ad\u061c\u200b-\u200f\u2060\ufeff]/u;
const NOT_TEXT = /\p{Cs}|\p{Cn}|\p{Co}|\p{Cf}|[^\P{Cc}\t\n\r\f\v]/u;
const TEXTUAL = /[\p{L}\p{M}\p{N}\p{P}\p{Zs}\s]/u;

/** Characters of `sample` that are not text, and the share that are letters, digits, punctuation or spaces. */
function textStats(sample: string): { bad: number; textual: number } {
  let units = 0;
  let bad = 0;
  let textual = 0;
  for (const ch of sample) {
    units++;
    if (NOT_TEXT.test(ch) && !ALLOWED_FORMAT.test(ch)) bad++;
    else if (TEXTUAL.test(ch)) textual++;
  }
  return units === 0 ? { bad: 1, textual: 0 } : { bad: bad / units, textual: textual / units };
}

const plausible = ({ bad, textual }: { bad: number; textual: number }) => bad <= 0.002 && textual >= 0.9;

/**
 * 'le' / 'be' for UTF-16 text without a BOM in any script, else null. With a clear entropy
 * gap the order it gives must decode to plausible text. A short sample of CJK (a few dozen
 * characters) can show too small a gap; then fewer than half its code units may be two ASCII
 * bytes, and exactly one of the two orders must decode to text with not a single character
 * that is not text: single-byte text read as UTF-16 nearly always has some (a letter and a
 * space make U+2061, U+2065: invisible operators, unassigned), and random bytes are a tenth
 * private-use characters.
 */
function sniffUtf16Text(bytes: Uint8Array): 'le' | 'be' | null {
  const n = Math.min(bytes.length, 65536) & ~1;
  if (n < UTF16_MIN_UNITS * 2) return null;
  const sampleOf = (order: 'le' | 'be') => {
    let sample = utf16Decode(bytes.subarray(0, n), order, []).replace(/\u0000+$/, '');
    const last = sample.charCodeAt(sample.length - 1);
    if (n < bytes.length && last >= 0xd800 && last <= 0xdbff) sample = sample.slice(0, -1); // a pair cut by the sample
    return textStats(sample);
  };
  const even = byteEntropy(bytes, 0, n);
  const odd = byteEntropy(bytes, 1, n);
  if (Math.abs(even - odd) >= UTF16_ENTROPY_GAP) {
    const order = odd < even ? 'le' : 'be';
    return plausible(sampleOf(order)) ? order : null;
  }
  // Single-byte text read as UTF-16 makes code units whose two bytes are both ASCII; in CJK
  // (the one case that needs this path) the low byte is spread over 0-255, so at most about
  // a quarter of its units are.
  let ascii = 0;
  for (let i = 0; i < n; i += 2) if (bytes[i]! >= 0x09 && bytes[i]! < 0x7f && bytes[i + 1]! >= 0x09 && bytes[i + 1]! < 0x7f) ascii++;
  if (ascii > n / 4) return null;
  const le = sampleOf('le');
  const be = sampleOf('be');
  const clean = (s: { bad: number; textual: number }) => s.bad === 0 && plausible(s);
  if (clean(le) && !plausible(be)) return 'le';
  if (clean(be) && !plausible(le)) return 'be';
  return null;
}

// ---- UTF-8 or Windows-1252 ---------------------------------------------------------------

interface Utf8Scan {
  /** Valid sequences of two to four bytes. */
  multiByte: number;
  /** Invalid sequences, counted as TextDecoder replaces them: one U+FFFD per maximal subpart. */
  invalid: number;
  /** The lines (from 1; LF, CRLF and CR each end one) holding invalid sequences, ascending. */
  badLines: number[];
  /** How many distinct lines hold invalid sequences (badLines keeps the first 1000). */
  badLineCount: number;
}

/** Walks the bytes as the WHATWG UTF-8 decoder does, counting valid and invalid sequences. */
function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const scan: Utf8Scan = { multiByte: 0, invalid: 0, badLines: [], badLineCount: 0 };
  let line = 1;
  let lastBad = 0;
  const bad = () => {
    scan.invalid++;
    if (lastBad === line) return;
    lastBad = line;
    scan.badLineCount++;
    if (scan.badLines.length < 1000) scan.badLines.push(line);
  };
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) line++;
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f; // nothing above U+10FFFF
    } else {
      bad(); // a continuation byte on its own, C0/C1 (overlong) or F5-FF
      i++;
      continue;
    }
    let j = i + 1;
    let got = 0;
    while (got < need && j < n && bytes[j]! >= lo && bytes[j]! <= hi) {
      j++;
      got++;
      lo = 0x80;
      hi = 0xbf;
    }
    if (got === need) scan.multiByte++;
    else bad(); // the byte that broke the sequence is read again as the start of the next
    i = j;
  }
  return scan;
}

/** "Line 12", "Lines 3, 12 and 40", "Lines 1, 2, … 10 and 25 more". */
function describeLines(lines: readonly number[], count: number): string {
  if (count === 1) return `Line ${lines[0]}`;
  const shown = lines.slice(0, 10);
  if (count <= 10) return `Lines ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
  return `Lines ${shown.join(', ')} and ${count - shown.length} more`;
}

/** The text of valid UTF-8 bytes, or null. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Bytes that are not valid UTF-8: decoded as UTF-8 with U+FFFD for each bad sequence and a
 * warning naming its lines, or as Windows-1252 with a warning, by the rule at the top of
 * this file. `declared` (a UTF-8 BOM) means UTF-8 whatever the bytes look like.
 */
function decodeInvalidUtf8(bytes: Uint8Array, warnings: string[], declared = false): { text: string; encoding: string } {
  const scan = scanUtf8(bytes);
  if (declared || (scan.multiByte > 0 && scan.multiByte >= scan.invalid)) {
    warnings.push(`${describeLines(scan.badLines, scan.badLineCount)} had bytes that are not valid UTF-8; they were replaced with \uFFFD`);
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  }
  warnings.push('not valid UTF-8, so it was decoded as Windows-1252; check accented letters');
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}

// ---- Characters that are not text ---------------------------------------------------------

// Unicode's control characters (C0, DEL, C1) other than tab and the line breaks, and
// surrogates that are not half of a pair: neither is text, and both break search, export,
// the editor or the XML of a .qdpx. Without the u flag the class sees UTF-16 code units.
const UNSAFE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Removes NUL, the other control characters except tab and line breaks (a form feed or
 * vertical tab, a page or line break in old files, becomes a line break) and unpaired
 * surrogates, pushing one warning for each kind found. Every transcript format goes
 * through this: .txt, .md, captions and .docx.
 */
export function removeUnsafeCharacters(text: string, warnings: string[]): string {
  UNSAFE.lastIndex = 0;
  if (!UNSAFE.test(text)) return text;
  let nul = 0;
  let control = 0;
  let surrogate = 0;
  const clean = text.replace(UNSAFE, (ch) => {
    const c = ch.charCodeAt(0);
    if (c === 0) nul++;
    else if (c >= 0xd800) surrogate++;
    else control++;
    return c === 0x0b || c === 0x0c ? '\n' : '';
  });
  if (nul > 0) warnings.push('NUL characters inside the text were removed');
  if (control > 0) warnings.push('control characters inside the text were removed (form feeds and vertical tabs became line breaks)');
  if (surrogate > 0) warnings.push('broken characters inside the text (halves of a UTF-16 surrogate pair) were removed');
  return clean;
}

/**
 * A document's paragraphs as lines: each paragraph's line breaks split it, trailing spaces
 * and blank lines go (the canonical text has none), and characters that are not text are
 * removed, each kind warned of once in `warnings`. Used by every office reader.
 */
export function paragraphLines<L extends { text: string }>(paragraphs: readonly L[], warnings: string[]): L[] {
  const found = new Set<string>();
  const lines = paragraphs.flatMap((paragraph) => {
    const mine: string[] = [];
    const text = canonicalNewlines(removeUnsafeCharacters(paragraph.text, mine));
    for (const w of mine) found.add(w);
    return text
      .split('\n')
      .map((line) => line.trimEnd())
      .filter((line) => line.trim() !== '')
      .map((line) => ({ ...paragraph, text: line }));
  });
  for (const w of found) warnings.push(w);
  return lines;
}

/** Decodes a text file's bytes to canonical text, or throws an ImportError the researcher can act on. */
export function decodeText(bytes: Uint8Array, fileName: string, limit = MAX_TEXT_BYTES): DecodedText {
  assertWithinLimit(bytes.length, limit, fileName, 'text file');
  const warnings: string[] = [];
  let text: string;
  let encoding: string;

  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const body = bytes.subarray(3);
    const strict = strictUtf8(body);
    ({ text, encoding } = strict === null ? decodeInvalidUtf8(body, warnings, true) : { text: strict, encoding: 'utf-8' });
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    encoding = 'utf-16le';
    text = utf16Decode(bytes.subarray(2), 'le', warnings);
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    encoding = 'utf-16be';
    text = utf16Decode(bytes.subarray(2), 'be', warnings);
  } else {
    const magic = MAGIC.find((m) => startsWith(bytes, m.bytes));
    if (magic) throw binaryError(fileName, magic.kind);
    let end = bytes.length;
    while (end > 0 && bytes[end - 1] === 0) end--; // NUL padding some tools append
    const body = bytes.subarray(0, end);
    const binary = looksBinary(body);
    const latin = sniffUtf16(bytes);
    const strict = latin || binary ? null : strictUtf8(body);
    const order = latin ?? (strict === null ? sniffUtf16Text(bytes) : null);
    if (order) {
      encoding = order === 'le' ? 'utf-16le' : 'utf-16be';
      text = utf16Decode(bytes, order, warnings).replace(/\u0000+$/, '');
      // Binary data can mimic the NUL pattern; real UTF-16 text decodes to few control characters.
      if (latin && controlShare(text) > 0.01) throw binaryError(fileName, null);
    } else {
      if (binary) throw binaryError(fileName, null);
      ({ text, encoding } = strict === null ? decodeInvalidUtf8(body, warnings) : { text: strict, encoding: 'utf-8' });
    }
  }

  text = text.replace(/\u0000+$/, '');
  text = removeUnsafeCharacters(text, warnings);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a second BOM, e.g. after re-encoding
  text = canonicalNewlines(text);
  if (text.trim() === '') throw new ImportError(fileName, 'is empty');
  return { text, encoding, warnings };
}

function binaryError(fileName: string, kind: string | null): ImportError {
  const what = kind ? ` (${kind})` : '';
  return new ImportError(fileName, `looks like a binary file${what}, not text; open it and save it as plain text`);
}
