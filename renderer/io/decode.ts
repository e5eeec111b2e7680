// Bytes of a text transcript -> canonical text (DESIGN "Canonical text and offsets"):
// BOM dropped, CRLF/CR -> LF. Every offset a coding stores indexes into this string, so the
// decoding must be deterministic and never silently lossy: when we have to guess
// (Windows-1252) we say so in a warning.
import { ImportError } from './errors';

export const MAX_TEXT_BYTES = 20 * 1024 * 1024;
export const MAX_DOCX_BYTES = 50 * 1024 * 1024;

export interface DecodedText {
  text: string;
  encoding: string;
  warnings: string[];
}

function formatMB(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}

/** Throws when a file is larger than `limit` bytes; the limit is a parameter so tests need not allocate it. */
export function assertWithinLimit(byteLength: number, limit: number, fileName: string, kind = 'file'): void {
  if (byteLength > limit) {
    throw new ImportError(fileName, `is too large (${formatMB(byteLength)}); the limit for a ${kind} is ${formatMB(limit)}`);
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
  if (order === 'be') {
    // TextDecoder('utf-16be') needs full ICU; swapping and decoding as LE works everywhere.
    const swapped = new Uint8Array(body.length);
    for (let i = 0; i < body.length; i += 2) {
      swapped[i] = body[i + 1]!;
      swapped[i + 1] = body[i]!;
    }
    body = swapped;
  }
  return new TextDecoder('utf-16le').decode(body);
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

/** Decodes a text file's bytes to canonical text, or throws an ImportError the researcher can act on. */
export function decodeText(bytes: Uint8Array, fileName: string, limit = MAX_TEXT_BYTES): DecodedText {
  assertWithinLimit(bytes.length, limit, fileName, 'text file');
  const warnings: string[] = [];
  let text: string;
  let encoding: string;

  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    encoding = 'utf-8';
    text = decodeUtf8OrCp1252(bytes.subarray(3), warnings);
    if (warnings.length > 0) encoding = 'windows-1252';
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    encoding = 'utf-16le';
    text = utf16Decode(bytes.subarray(2), 'le', warnings);
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    encoding = 'utf-16be';
    text = utf16Decode(bytes.subarray(2), 'be', warnings);
  } else {
    const magic = MAGIC.find((m) => startsWith(bytes, m.bytes));
    if (magic) throw binaryError(fileName, magic.kind);
    const order = sniffUtf16(bytes);
    if (order) {
      encoding = order === 'le' ? 'utf-16le' : 'utf-16be';
      text = utf16Decode(bytes, order, warnings).replace(/\u0000+$/, '');
      // Binary data can mimic the NUL pattern; real UTF-16 text decodes to few control characters.
      if (controlShare(text) > 0.01) throw binaryError(fileName, null);
    } else {
      let end = bytes.length;
      while (end > 0 && bytes[end - 1] === 0) end--; // NUL padding some tools append
      const body = bytes.subarray(0, end);
      if (looksBinary(body)) throw binaryError(fileName, null);
      text = decodeUtf8OrCp1252(body, warnings);
      encoding = warnings.length > 0 ? 'windows-1252' : 'utf-8';
    }
  }

  text = text.replace(/\u0000+$/, '');
  if (text.includes('\u0000')) {
    // NUL inside a string breaks search, export and the editor; it carries no meaning in a transcript.
    text = text.replace(/\u0000/g, '');
    warnings.push('NUL characters inside the text were removed');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a second BOM, e.g. after re-encoding
  text = canonicalNewlines(text);
  if (text.trim() === '') throw new ImportError(fileName, 'is empty');
  return { text, encoding, warnings };
}

function decodeUtf8OrCp1252(bytes: Uint8Array, warnings: string[]): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    warnings.push('not valid UTF-8, so it was decoded as Windows-1252; check accented letters');
    return decodeWindows1252(bytes);
  }
}

function binaryError(fileName: string, kind: string | null): ImportError {
  const what = kind ? ` (${kind})` : '';
  return new ImportError(fileName, `looks like a binary file${what}, not text; open it and save it as plain text`);
}
