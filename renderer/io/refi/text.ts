// Bytes of entries inside REFI-QDA archives -> strings. Unlike a transcript import, a source's
// plain text keeps its line breaks as written (selection positions count them) and may be empty.
import { decodeWindows1252 } from '../decode';

/** Decodes UTF-8 (the standard's encoding) or UTF-16 with a BOM; the BOM is dropped. */
export function decodeEntry(bytes: Uint8Array): { text: string; lossy: boolean } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), lossy: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), lossy: false };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), lossy: false };
  } catch {
    return { text: decodeWindows1252(body), lossy: true };
  }
}

// One UTF-8 encoder for everything written out (../utf8.ts, encodeInto: several times faster on long text).
export { utf8 } from '../utf8';
