import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { crc32, readZipEntries, readZipEntriesAsync, type ReadZipOptions } from '../../../renderer/io/zip';
import { ImportError } from '../../../renderer/io/errors';

const options = (fileName = 'x.qdpx'): ReadZipOptions => ({
  fileName,
  limits: { maxEntries: 100, maxEntryBytes: 64 * 1024 * 1024, maxTotalBytes: 128 * 1024 * 1024, maxRatio: 1000 },
  wanted: () => true,
  invalid: () => new ImportError(fileName, 'is not a valid zip'),
});

async function refusal(fn: () => unknown): Promise<Error> {
  try {
    await fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a refusal');
}

/** Offsets of the central-directory record and of the data of the named entry. */
function locate(bytes: Uint8Array, name: string): { central: number; local: number; data: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = bytes.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const nameLen = view.getUint16(i + 28, true);
    if (new TextDecoder().decode(bytes.subarray(i + 46, i + 46 + nameLen)) !== name) continue;
    const local = view.getUint32(i + 42, true);
    return { central: i, local, data: local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true) };
  }
  throw new Error(`no ${name}`);
}

const TEXT = 'Interviewer: What happened then?\nKieran: He took my phone and my keys.\n'.repeat(40);

describe('crc32', () => {
  it('gives the standard check value', async () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('equals the byte-at-a-time CRC for any bytes, and goes on from a CRC given', () => {
    const table = Array.from({ length: 256 }, (_, n) => {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      return c >>> 0;
    });
    const reference = (data: Uint8Array) => {
      let crc = 0xffffffff;
      for (const byte of data) crc = table[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
      return (crc ^ 0xffffffff) >>> 0;
    };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), fc.uint8Array({ maxLength: 100 }), (a, b) => {
        const both = new Uint8Array([...a, ...b]);
        expect(crc32(both)).toBe(reference(both));
        expect(crc32(b, crc32(a))).toBe(reference(both));
      }),
      { numRuns: 300 },
    );
  });
});

// Both readers, fflate's inflate and the runtime's (DecompressionStream), refuse alike.
const readers: [string, (zip: Uint8Array, options: ReadZipOptions) => Promise<Record<string, Uint8Array>>][] = [
  ['readZipEntries', async (zip, o) => readZipEntries(zip, o)],
  ['readZipEntriesAsync', readZipEntriesAsync],
];

describe.each(readers)('%s: damaged entries', (_, read) => {
  it('reads an intact archive, stored and deflated', async () => {
    for (const level of [0, 6] as const) {
      const zip = zipSync({ 'a.txt': strToU8(TEXT), 'b/c.xml': strToU8('<x/>') }, { level });
      const files = await read(zip, options());
      expect(new TextDecoder().decode(files['a.txt'])).toBe(TEXT);
      expect(new TextDecoder().decode(files['b/c.xml'])).toBe('<x/>');
    }
  });

  it('gives many entries in the archive order, a name met twice keeping its last entry', async () => {
    // Twelve entries, some stored and some deflated, so several are inflated at once.
    const names = Array.from({ length: 12 }, (_, i) => `sources/${String.fromCharCode(108 - i)}.txt`);
    const zip = zipSync(Object.fromEntries(names.map((n, i) => [n, [strToU8(`${n} `.repeat(50 * i + 1)), { level: i % 2 ? 6 : 0 }]])));
    const files = await read(zip, options());
    expect(Object.keys(files)).toEqual(names);
    for (const [i, n] of names.entries()) expect(new TextDecoder().decode(files[n])).toBe(`${n} `.repeat(50 * i + 1));
    // The same name twice (fflate will not write it: the second central record renamed by hand).
    const twice = zipSync({ 'a.txt': strToU8('first'), 'b.txt': strToU8('second') }, { level: 6 });
    const { central, local } = locate(twice, 'b.txt');
    twice[central + 46] = twice[local + 30] = 'a'.charCodeAt(0);
    expect(new TextDecoder().decode((await read(twice, options()))['a.txt'])).toBe('second');
  });

  it('a flipped bit in a stored entry is refused, naming the entry', async () => {
    const zip = zipSync({ 'project.qde': strToU8(TEXT) }, { level: 0 });
    const { data } = locate(zip, 'project.qde');
    zip[data + 100]! ^= 0x04;
    const err = await refusal(() => read(zip, options('p.qdpx')));
    expect(err).toBeInstanceOf(ImportError);
    expect(err.message).toMatch(/^p\.qdpx: .*project\.qde.*CRC-32/);
  });

  it('every single flipped bit in a deflated entry is refused or gives the same text', async () => {
    const zip = zipSync({ 'word/document.xml': strToU8(TEXT) }, { level: 6 });
    const { data, central } = locate(zip, 'word/document.xml');
    const size = new DataView(zip.buffer).getUint32(central + 20, true);
    for (let byte = data; byte < data + size; byte++) {
      for (let bit = 0; bit < 8; bit++) {
        const bad = zip.slice();
        bad[byte]! ^= 1 << bit;
        let text: string | undefined;
        try {
          text = new TextDecoder().decode((await read(bad, options()))['word/document.xml']);
        } catch (err) {
          expect(err).toBeInstanceOf(ImportError);
          expect((err as Error).message).toContain('word/document.xml');
          continue;
        }
        expect(text).toBe(TEXT);
      }
    }
  });

  it('a zip bomb that understates its size is refused, not truncated', async () => {
    const zip = zipSync({ 'word/document.xml': strToU8(TEXT) }, { level: 6 });
    const { central, local } = locate(zip, 'word/document.xml');
    const view = new DataView(zip.buffer);
    view.setUint32(central + 24, 100, true);
    view.setUint32(local + 22, 100, true);
    const err = await refusal(() => read(zip, options('bomb.docx')));
    expect(err).toBeInstanceOf(ImportError);
    expect(err.message).toMatch(/^bomb\.docx: .*word\/document\.xml.*claims/);
  });

  it('an understated size with a CRC-32 matching the truncated prefix is still refused', async () => {
    const zip = zipSync({ 'word/document.xml': strToU8(TEXT) }, { level: 6 });
    const { central } = locate(zip, 'word/document.xml');
    const view = new DataView(zip.buffer);
    view.setUint32(central + 24, 100, true);
    view.setUint32(central + 16, crc32(strToU8(TEXT.slice(0, 100))), true);
    expect((await refusal(() => read(zip, options('bomb.docx')))).message).toContain('word/document.xml');
  });

  it('an overstated size is refused', async () => {
    const zip = zipSync({ 'a.txt': strToU8(TEXT) }, { level: 6 });
    const { central } = locate(zip, 'a.txt');
    new DataView(zip.buffer).setUint32(central + 24, TEXT.length + 10, true);
    expect((await refusal(() => read(zip, options()))).message).toContain('a.txt');
  });

  it('a truncated archive is refused', async () => {
    const zip = zipSync({ 'a.txt': strToU8(TEXT) }, { level: 6 });
    expect(await refusal(() => read(zip.subarray(0, zip.length - 30), options()))).toBeInstanceOf(ImportError);
  });
});
