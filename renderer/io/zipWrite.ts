// Writing a zip from entries already deflated, so each entry can be compressed as soon as its
// data is ready (store/archive.ts has a table while others are still being read). The layout
// is fflate's zipSync byte for byte (the archives written before keep their bytes): local
// header, data, then the central directory and its end record; no data descriptors, no
// extra fields, no comments, no zip64 (fflate's zipSync has none either).

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
