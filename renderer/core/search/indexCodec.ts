// A transcript's part of the index as stored: its words (joined by a character no folded word
// holds) and, per word of the text, three small numbers (gap since the previous word, length,
// which word) as variable-length bytes: about 4 bytes a word, a fifth of the arrays in memory.
import type { SourceIndex } from './searchIndex';

export interface StoredSourceIndex {
  sourceId: string;
  fingerprint: string;
  /** The distinct words, joined by U+0000. */
  terms: string;
  /** Gap, length and word number of each word of the text, as unsigned LEB128. */
  numbers: Uint8Array;
}

const SEPARATOR = '\u0000';

class Bytes {
  buffer: Uint8Array;
  length = 0;
  constructor(capacity: number) {
    this.buffer = new Uint8Array(Math.max(16, capacity));
  }
  put(value: number): void {
    if (this.length + 5 > this.buffer.length) {
      const grown = new Uint8Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    let v = value >>> 0;
    while (v >= 0x80) {
      this.buffer[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buffer[this.length++] = v;
  }
}

export function encodeSourceIndex(part: SourceIndex): StoredSourceIndex {
  const bytes = new Bytes(part.starts.length * 4 + 8);
  bytes.put(part.starts.length);
  let previousEnd = 0;
  for (let i = 0; i < part.starts.length; i += 1) {
    bytes.put(part.starts[i]! - previousEnd);
    bytes.put(part.ends[i]! - part.starts[i]!);
    bytes.put(part.termOfWord[i]!);
    previousEnd = part.ends[i]!;
  }
  return {
    sourceId: part.sourceId,
    fingerprint: part.fingerprint,
    terms: part.terms.join(SEPARATOR),
    numbers: bytes.buffer.slice(0, bytes.length),
  };
}

/** The part back as it was encoded; throws on bytes that were not made by encodeSourceIndex. */
export function decodeSourceIndex(stored: StoredSourceIndex): SourceIndex {
  const bytes = stored.numbers;
  let at = 0;
  const next = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      if (at >= bytes.length) throw new Error(`The search index of transcript ${stored.sourceId} is damaged.`);
      const b = bytes[at++]!;
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
      shift += 7;
    }
  };
  const count = next();
  const terms = stored.terms === '' ? [] : stored.terms.split(SEPARATOR);
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  const termOfWord = new Int32Array(count);
  let previousEnd = 0;
  for (let i = 0; i < count; i += 1) {
    starts[i] = previousEnd + next();
    ends[i] = starts[i]! + next();
    const term = next();
    if (term >= terms.length) throw new Error(`The search index of transcript ${stored.sourceId} is damaged.`);
    termOfWord[i] = term;
    previousEnd = ends[i]!;
  }
  if (at !== bytes.length) throw new Error(`The search index of transcript ${stored.sourceId} is damaged.`);
  return { sourceId: stored.sourceId, fingerprint: stored.fingerprint, starts, ends, terms, termOfWord };
}
