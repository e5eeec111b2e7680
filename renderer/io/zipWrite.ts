// Writing a zip from entries already deflated, so each entry can be compressed as soon as its
// data is ready (store/archive.ts has a table while others are still being read). The layout
// is fflate's zipSync byte for byte (the archives written before keep their bytes): local
// header, data, then the central directory and its end record; no data descriptors, no
// extra fields, no comments, no zip64 (fflate's zipSync has none either).
import { Deflate, deflateSync } from 'fflate';
import { Deflate as PakoDeflate, Z_FINISH, Z_SYNC_FLUSH } from 'pako';
import { crc32 } from './zip';

export interface DeflatedEntry {
  /** ASCII only: the archive's paths are. */
  name: string;
  /** The raw deflate stream (zip method 8). */
  data: Uint8Array;
  /** CRC-32 and size of the uncompressed bytes. */
  crc: number;
  size: number;
}

/**
 * 2000-01-01 00:00 as an MS-DOS date and time, for every entry. fflate took it from a Date in
 * local time, so the bytes changed with the time zone; these are the bytes it gave in UTC.
 */
const DOS_TIME_2000 = ((2000 - 1980) << 25) | (1 << 21) | (1 << 16);

const LOCAL = 30;
const CENTRAL = 46;
const END = 22;

export function zipDeflated(entries: readonly DeflatedEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = entries.map((e) => encoder.encode(e.name));
  if (names.some((n, i) => n.length !== entries[i]!.name.length || n.length > 0xffff)) {
    throw new Error('zipDeflated: entry names must be ASCII and short.');
  }
  let localSize = 0;
  let centralSize = 0;
  for (const [i, e] of entries.entries()) {
    localSize += LOCAL + names[i]!.length + e.data.length;
    centralSize += CENTRAL + names[i]!.length;
  }
  if (localSize + centralSize > 0xffffffff) throw new Error('zipDeflated: over 4 GB needs zip64.');
  const out = new Uint8Array(localSize + centralSize + END);
  const view = new DataView(out.buffer);
  let local = 0;
  let central = localSize;
  for (const [i, e] of entries.entries()) {
    const name = names[i]!;
    // The fields a local header and a central record share, from "version needed" on.
    const common = (at: number) => {
      view.setUint16(at, 20, true);
      view.setUint16(at + 2, 0, true); // flags
      view.setUint16(at + 4, 8, true); // deflate
      view.setUint32(at + 6, DOS_TIME_2000, true);
      view.setUint32(at + 10, e.crc, true);
      view.setUint32(at + 14, e.data.length, true);
      view.setUint32(at + 18, e.size, true);
      view.setUint16(at + 22, name.length, true);
      view.setUint16(at + 24, 0, true); // extra field length
    };
    view.setUint32(local, 0x04034b50, true);
    common(local + 4);
    out.set(name, local + LOCAL);
    out.set(e.data, local + LOCAL + name.length);
    view.setUint32(central, 0x02014b50, true);
    view.setUint16(central + 4, 20, true); // version made by (MS-DOS)
    common(central + 6);
    // Comment length, disk, internal and external attributes: all zero.
    view.setUint32(central + 42, local, true);
    out.set(name, central + CENTRAL);
    local += LOCAL + name.length + e.data.length;
    central += CENTRAL + name.length;
  }
  view.setUint32(central, 0x06054b50, true);
  view.setUint16(central + 8, entries.length, true);
  view.setUint16(central + 10, entries.length, true);
  view.setUint32(central + 12, centralSize, true);
  view.setUint32(central + 16, localSize, true);
  return out;
}

/** fflate's deflate levels: 1 is fastest, 9 smallest, 6 its default. */
export type DeflateLevel = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/**
 * Deflates a zip's entries as their bytes are ready. Writers hand it their entries and go on
 * with the next; the deflater may be a worker of its own (store/deflateOffThread.ts), so the
 * deflate, the heaviest step of a .qdpx or an archive, runs on the second core while the
 * writer makes the next entry's bytes.
 */
export interface EntryDeflater {
  /**
   * Adds `bytes` to entry `name`: the first push opens it (at `level`, 6 when not given), the
   * one with `last` closes it. The bytes may be moved to another thread: do not use them again.
   */
  push(name: string, bytes: Uint8Array, last: boolean, level?: DeflateLevel): void;
  /** Every entry, each one closed, in the order they were opened. */
  finish(): Promise<DeflatedEntry[]>;
  /** Drops everything: the writer failed. */
  cancel(): void;
  /**
   * Lets the deflater hear from its worker, now and then, when a writer works without
   * stopping (project.qde is written in one go); resolved at once on this thread.
   */
  breathe(): Promise<void>;
}

interface OpenEntry {
  deflate: Deflate;
  chunks: Uint8Array[];
  crc: number;
  size: number;
}

/**
 * An EntryDeflater on this thread; `onClosed` hears of each entry as it is done. An entry
 * pushed whole is deflated in one call, byte for byte as fflate's deflateSync makes it (the
 * archives written before keep their bytes); one pushed in pieces streams through a Deflate.
 */
export function deflaterHere(onClosed?: (name: string) => void): EntryDeflater {
  const order = new Map<string, number>();
  const done: (DeflatedEntry | undefined)[] = [];
  const open = new Map<string, OpenEntry>();
  return {
    push(name, bytes, last, level = 6) {
      if (!order.has(name)) {
        order.set(name, done.length);
        done.push(undefined);
        if (last) return close(name, { name, data: deflateSync(bytes, { level }), crc: crc32(bytes), size: bytes.length });
        const chunks: Uint8Array[] = [];
        open.set(name, { deflate: new Deflate({ level }, (chunk) => chunks.push(chunk)), chunks, crc: 0, size: 0 });
      }
      const entry = open.get(name);
      if (!entry) throw new Error(`The zip entry ${name} was closed already.`);
      entry.crc = crc32(bytes, entry.crc);
      entry.size += bytes.length;
      entry.deflate.push(bytes, last);
      if (!last) return;
      open.delete(name);
      close(name, { name, data: concatBytes(entry.chunks), crc: entry.crc, size: entry.size });
    },
    finish() {
      if (open.size) return Promise.reject(new Error(`Zip entries left open: ${[...open.keys()].join(', ')}.`));
      return Promise.resolve(done as DeflatedEntry[]);
    },
    cancel() {
      open.clear();
      done.length = 0;
    },
    breathe: () => Promise.resolve(),
  };
  function close(name: string, entry: DeflatedEntry) {
    done[order.get(name)!] = entry;
    onClosed?.(name);
  }
}

/**
 * A big entry is deflated in pieces of this many bytes, each on its own (nothing reaches back
 * into the piece before), every piece but the last ending on a sync flush: one after another
 * the pieces are one deflate stream, as pigz makes them, so two threads can deflate one 300 MB
 * entry together. A piece costs 5 bytes and a little ratio (its first 32 KB has no history).
 * The bytes depend on the pieces' size, never on which thread deflated which piece.
 */
export const PIECE_BYTES = 4 << 20;

/**
 * One piece of an entry, deflated on its own; all but the `last` end on a sync flush (byte
 * aligned, 00 00 FF FF). pako, zlib's own code in JavaScript, makes them: fflate's
 * flush(true) misplaces the empty stored block at some bit positions (fflate issue 267, zlib
 * refuses the stream), and its streaming Deflate has made invalid streams (issue 260). At
 * level 1 pako took 0.39-0.45 s for 40 MB of transcripts to fflate's 0.34-0.44 s.
 */
export function deflatePiece(bytes: Uint8Array, level: DeflateLevel, last: boolean): Uint8Array {
  const out: Uint8Array[] = [];
  const deflate = new PakoDeflate({ level, raw: true, chunkSize: Math.max(1 << 16, bytes.length >> 1) });
  deflate.onData = (chunk) => out.push(chunk);
  deflate.push(bytes, last ? Z_FINISH : Z_SYNC_FLUSH);
  if (deflate.err) throw new Error(`Deflate failed: ${deflate.msg}`);
  return concatBytes(out);
}

/** An entry's bytes in pieces, in order; made as they are pulled, or still arriving. */
export type Pieces = Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/**
 * Deflates an entry's pieces (store/deflateOffThread.ts shares them with a worker), in order.
 * The pieces are pulled one at a time, as they are made: the making of the next (a table's
 * JSON, its records still being read) runs while a worker deflates the last.
 */
export type PieceDeflate = (pieces: Pieces, level: DeflateLevel) => Promise<Uint8Array[]>;

/** Each piece with whether it is the last, pulled one ahead; one empty piece for none. */
export async function* withLast(pieces: Pieces): AsyncGenerator<[Uint8Array, boolean]> {
  let held: Uint8Array | null = null;
  for await (const piece of pieces) {
    if (held) yield [held, false];
    held = piece;
  }
  yield [held ?? new Uint8Array(0), true];
}

export const deflatePiecesHere: PieceDeflate = async (pieces, level) => {
  const out: Uint8Array[] = [];
  for await (const [piece, last] of withLast(pieces)) out.push(deflatePiece(piece, level, last));
  return out;
};

/** An entry deflated in pieces: the same bytes wherever the pieces were deflated. */
export async function deflatedInPieces(
  name: string,
  pieces: Pieces,
  level: DeflateLevel,
  deflatePieces: PieceDeflate = deflatePiecesHere,
): Promise<DeflatedEntry> {
  let crc = 0;
  let size = 0;
  async function* counted() {
    for await (const piece of pieces) {
      crc = crc32(piece, crc);
      size += piece.length;
      yield piece;
    }
  }
  const parts = await deflatePieces(counted(), level);
  return { name, data: concatBytes(parts), crc, size };
}

export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
