// Bounded reading of zip archives (.docx, .qdpx). Every central-directory record is checked
// before anything is inflated: entry count, claimed sizes, compression ratio and, for
// archives we unpack into a project, the entry's path (DESIGN "Security").
import { Inflate } from 'fflate';
import { formatSize, ImportError } from './errors';

export interface ZipLimits {
  maxEntries: number;
  /** Largest uncompressed size one wanted entry may claim. */
  maxEntryBytes: number;
  /** Sum of the uncompressed sizes of the wanted entries. */
  maxTotalBytes: number;
  /** Deflate of real XML and text compresses 5-20x; a bomb compresses up to ~1000x. */
  maxRatio: number;
}

/** The ratio check applies only above this size: tiny entries compress oddly. */
const RATIO_APPLIES_ABOVE = 1024 * 1024;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 22 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
}

export function zipBomb(fileName: string, why: string): ImportError {
  return new ImportError(fileName, `looks like a zip bomb (${why}); it was not opened`);
}

/** Paths a careless or hostile archive may hold; refused before any entry is read. */
export function unsafeEntryPath(name: string): boolean {
  if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name)) return true;
  return name.split(/[\\/]/).some((part) => part === '..');
}

export interface ReadZipOptions {
  fileName: string;
  limits: ZipLimits;
  /** A wanted entry's own limit, when it differs from limits.maxEntryBytes (e.g. an XML part). */
  maxBytesOf?: (name: string) => number;
  wanted: (name: string) => boolean;
  /** The error for an archive fflate cannot read. */
  invalid: () => ImportError;
  /** Refuse the archive when any entry has an absolute path or a '..' segment. */
  checkPaths?: boolean;
}

/**
 * Reads the wanted entries. The central directory is walked here (not by fflate) so each
 * entry's CRC-32 and sizes are at hand; every inflated entry must match its claimed size
 * and CRC-32, or the whole file is refused naming the entry. Inflation is streamed in small
 * chunks into a buffer of the *claimed* size and stops as soon as the output would exceed
 * it, so bounding the claims bounds memory and time even when a claim lies.
 */
export function readZipEntries(bytes: Uint8Array, options: ReadZipOptions): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const file of wantedEntries(bytes, options))
    out[file.name] = checkCrc(readEntry(bytes, file, options.fileName, options), file, options);
  return out;
}

/**
 * The same reading and the same refusals as readZipEntries, with deflated entries inflated by
 * the runtime's own zlib (DecompressionStream, in Chromium, Electron and Node alike): about
 * three times faster than fflate on a project archive's 30 MB entries.
 */
export async function readZipEntriesAsync(bytes: Uint8Array, options: ReadZipOptions): Promise<Record<string, Uint8Array>> {
  const files = wantedEntries(bytes, options);
  const inflated: Uint8Array[] = [];
  // A few entries at a time: each stream's hops between writing and reading overlap with the
  // others' inflating (3,500 texts at ten times the study, one after another, took 5.3 s).
  let next = 0;
  const inflateNext = async () => {
    while (next < files.length) {
      const i = next++;
      const file = files[i]!;
      const data = file.compression === 8 ? await inflateNative(bytes, file, options) : readEntry(bytes, file, options.fileName, options);
      inflated[i] = checkCrc(data, file, options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(INFLATING_AT_ONCE, files.length) }, inflateNext));
  // In the archive's order, as one at a time gave them (a name met twice keeps its last entry).
  const out: Record<string, Uint8Array> = {};
  for (const [i, file] of files.entries()) out[file.name] = inflated[i]!;
  return out;
}

const INFLATING_AT_ONCE = 4;

function checkCrc(data: Uint8Array, file: CentralRecord, options: ReadZipOptions): Uint8Array {
  if (crc32(data) !== file.crc) {
    throw new ImportError(options.fileName, `is damaged: the entry ${file.name} fails its CRC-32 check; it was not opened`);
  }
  return data;
}

/** The central directory's records of the wanted entries, once every claim has been checked. */
function wantedEntries(bytes: Uint8Array, options: ReadZipOptions): CentralRecord[] {
  const { fileName, limits } = options;
  let records: CentralRecord[];
  try {
    records = centralDirectory(bytes, limits.maxEntries);
  } catch {
    throw options.invalid();
  }
  // Everything is checked on the sizes the central directory claims, before one byte is
  // inflated; reading then holds every entry to its claim.
  if (records.length > limits.maxEntries) throw zipBomb(fileName, `more than ${limits.maxEntries} entries`);
  let total = 0;
  const wanted: CentralRecord[] = [];
  for (const file of records) {
    if (options.checkPaths && unsafeEntryPath(file.name)) {
      throw new ImportError(fileName, `holds an entry with an unsafe path ("${file.name}"); it was not opened`);
    }
    if (!options.wanted(file.name)) continue;
    const max = options.maxBytesOf?.(file.name) ?? limits.maxEntryBytes;
    if (file.originalSize > max) {
      throw new ImportError(
        fileName,
        `holds ${file.name}, which would unpack to ${formatSize(file.originalSize)}; the limit for one entry is ${formatSize(max)}, so it was not opened`,
      );
    }
    if (file.originalSize > RATIO_APPLIES_ABOVE && file.originalSize > Math.max(file.size, 1) * limits.maxRatio) {
      throw zipBomb(fileName, `${file.name} is compressed more than ${limits.maxRatio} to 1`);
    }
    total += file.originalSize;
    wanted.push(file);
  }
  if (total > limits.maxTotalBytes) {
    throw new ImportError(
      fileName,
      `would unpack to ${formatSize(total)}; the limit is ${formatSize(limits.maxTotalBytes)}, so it was not opened`,
    );
  }
  return wanted;
}

interface CentralRecord {
  name: string;
  compression: number;
  crc: number;
  /** Compressed size. */
  size: number;
  originalSize: number;
  /** Offset of the local header. */
  offset: number;
}

const u16 = (d: Uint8Array, i: number): number => {
  if (i + 2 > d.length) throw new RangeError('past end');
  return d[i]! | (d[i + 1]! << 8);
};
const u32 = (d: Uint8Array, i: number): number => {
  if (i + 4 > d.length) throw new RangeError('past end');
  return (d[i]! | (d[i + 1]! << 8) | (d[i + 2]! << 16) | (d[i + 3]! << 24)) >>> 0;
};
const u64 = (d: Uint8Array, i: number): number => u32(d, i) + u32(d, i + 4) * 4294967296;

/**
 * Walks the end-of-central-directory record (zip64 too) and the central directory, stopping
 * one record past `maxEntries`, so a claimed count of billions costs nothing.
 */
function centralDirectory(d: Uint8Array, maxEntries: number): CentralRecord[] {
  let e = d.length - 22;
  while (e >= 0 && u32(d, e) !== 0x06054b50) {
    if (d.length - e > 65558) throw new RangeError('no end record');
    e--;
  }
  if (e < 0) throw new RangeError('no end record');
  let count = u16(d, e + 10);
  let o = u32(d, e + 16);
  let zip64 = e >= 20 && u32(d, e - 20) === 0x07064b50;
  if (zip64) {
    const ze = u64(d, e - 12);
    zip64 = u32(d, ze) === 0x06064b50;
    if (zip64) {
      count = u64(d, ze + 32);
      o = u64(d, ze + 48);
    }
  }
  const records: CentralRecord[] = [];
  const latin1 = new TextDecoder('latin1');
  const utf8 = new TextDecoder('utf-8');
  for (let i = 0; i < count && records.length <= maxEntries; i++) {
    if (u32(d, o) !== 0x02014b50) throw new RangeError('bad central record');
    const flags = u16(d, o + 8);
    const nameLength = u16(d, o + 28);
    const extraLength = u16(d, o + 30);
    const commentLength = u16(d, o + 32);
    const nameStart = o + 46;
    if (nameStart + nameLength > d.length) throw new RangeError('past end');
    const nameBytes = d.subarray(nameStart, nameStart + nameLength);
    const name = flags & 0x800 ? utf8.decode(nameBytes) : latin1.decode(nameBytes);
    let size = u32(d, o + 20);
    let originalSize = u32(d, o + 24);
    let offset = u32(d, o + 42);
    if (size === 0xffffffff || originalSize === 0xffffffff || offset === 0xffffffff) {
      // Zip64 extended information: the 64-bit values that replace the 0xFFFFFFFF ones, in order.
      const end = nameStart + nameLength + extraLength;
      for (let x = nameStart + nameLength; x + 4 <= end; x += 4 + u16(d, x + 2)) {
        if (u16(d, x) !== 1) continue;
        let p = x + 4;
        if (originalSize === 0xffffffff) {
          originalSize = u64(d, p);
          p += 8;
        }
        if (size === 0xffffffff) {
          size = u64(d, p);
          p += 8;
        }
        if (offset === 0xffffffff) offset = u64(d, p);
        break;
      }
    }
    records.push({ name, compression: u16(d, o + 10), crc: u32(d, o + 16), size, originalSize, offset });
    o = nameStart + nameLength + extraLength + commentLength;
  }
  return records;
}

/** Compressed bytes handed to the inflater at a time: at most ~1000x this comes out per step. */
const INFLATE_CHUNK = 16 * 1024;

/** The entry's stored bytes, as the local header places them. */
function storedBytes(d: Uint8Array, file: CentralRecord, fileName: string, options: ReadZipOptions): Uint8Array {
  let start: number;
  try {
    if (u32(d, file.offset) !== 0x04034b50) throw new RangeError('bad local header');
    start = file.offset + 30 + u16(d, file.offset + 26) + u16(d, file.offset + 28);
  } catch {
    throw options.invalid();
  }
  const end = start + file.size;
  if (end > d.length) throw new ImportError(fileName, `is damaged: the entry ${file.name} is cut short; it was not opened`);
  return d.subarray(start, end);
}

const sizeMismatch = (fileName: string, file: CentralRecord): ImportError =>
  new ImportError(fileName, `is damaged: the entry ${file.name} does not hold the ${file.originalSize} bytes it claims; it was not opened`);

const cannotInflate = (fileName: string, file: CentralRecord): ImportError =>
  new ImportError(fileName, `is damaged: the entry ${file.name} cannot be inflated; it was not opened`);

function readEntry(d: Uint8Array, file: CentralRecord, fileName: string, options: ReadZipOptions): Uint8Array {
  const compressed = storedBytes(d, file, fileName, options);
  if (file.compression === 0) {
    if (file.size !== file.originalSize) throw sizeMismatch(fileName, file);
    return compressed.slice();
  }
  if (file.compression !== 8) throw options.invalid();
  const out = new Uint8Array(file.originalSize);
  let written = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    if (written + chunk.length > out.length) throw sizeMismatch(fileName, file);
    out.set(chunk, written);
    written += chunk.length;
    if (final) ended = true;
  });
  try {
    for (let p = 0; p < compressed.length; p += INFLATE_CHUNK) {
      const last = p + INFLATE_CHUNK >= compressed.length;
      inflater.push(compressed.subarray(p, Math.min(p + INFLATE_CHUNK, compressed.length)), last);
    }
    if (compressed.length === 0) inflater.push(compressed, true);
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw cannotInflate(fileName, file);
  }
  if (!ended || written !== file.originalSize) throw sizeMismatch(fileName, file);
  return out;
}

/**
 * A deflated entry inflated by DecompressionStream, under the same bound as readEntry: the
 * input goes in INFLATE_CHUNK at a time, each write waiting for the output to be taken, and
 * the output stops as soon as it would pass the claimed size.
 */
async function inflateNative(d: Uint8Array, file: CentralRecord, options: ReadZipOptions): Promise<Uint8Array> {
  const { fileName } = options;
  const compressed = storedBytes(d, file, fileName, options);
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const writing = (async () => {
    for (let p = 0; p < compressed.length; p += INFLATE_CHUNK) {
      await writer.ready;
      // Not awaited (the reader drives the pace), but caught: damaged data fails each pending
      // write, and an uncaught one would surface as a page error beside the refusal.
      writer.write(compressed.subarray(p, Math.min(p + INFLATE_CHUNK, compressed.length)) as Uint8Array<ArrayBuffer>).catch(() => {});
    }
    await writer.close();
  })();
  // A refused entry cancels the reading, which fails the writing: that is expected.
  writing.catch(() => {});
  const out = new Uint8Array(file.originalSize);
  let written = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (written + value.length > out.length) {
        await reader.cancel();
        throw sizeMismatch(fileName, file);
      }
      out.set(value, written);
      written += value.length;
    }
    await writing;
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw cannotInflate(fileName, file);
  }
  if (written !== file.originalSize) throw sizeMismatch(fileName, file);
  return out;
}

let crcTables: Uint32Array | undefined;

/** The CRC-32 table, and seven more that advance it a byte further each (slicing by eight). */
function tables(): Uint32Array {
  if (crcTables) return crcTables;
  const t = new Uint32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++)
    for (let k = 1; k < 8; k++) t[k * 256 + n] = (t[(k - 1) * 256 + n]! >>> 8) ^ t[t[(k - 1) * 256 + n]! & 0xff]!;
  return (crcTables = t);
}

/**
 * CRC-32 (IEEE 802.3, as zip uses), eight bytes a step: three times the speed of a byte at a
 * time, which mattered at ten times the study (half a gigabyte checked on every .qdpx read).
 * `crc32(b, crc32(a))` is the CRC of a then b.
 */
export function crc32(data: Uint8Array, previous = 0): number {
  const t = tables();
  let crc = ~previous;
  let i = 0;
  for (const n = data.length - 8; i <= n; i += 8) {
    const a = crc ^ (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24));
    const b = data[i + 4]! | (data[i + 5]! << 8) | (data[i + 6]! << 16) | (data[i + 7]! << 24);
    crc =
      t[1792 + (a & 0xff)]! ^
      t[1536 + ((a >>> 8) & 0xff)]! ^
      t[1280 + ((a >>> 16) & 0xff)]! ^
      t[1024 + (a >>> 24)]! ^
      t[768 + (b & 0xff)]! ^
      t[512 + ((b >>> 8) & 0xff)]! ^
      t[256 + ((b >>> 16) & 0xff)]! ^
      t[b >>> 24]!;
  }
  for (; i < data.length; i++) crc = t[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}
