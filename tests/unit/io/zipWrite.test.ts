// zipDeflated writes what fflate's zipSync wrote for the same entries, byte for byte (archives
// written before keep their bytes), and what it writes reads back with fflate and our reader.
import fc from 'fast-check';
import { deflateSync, inflateSync, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32, readZipEntries } from '../../../renderer/io/zip';
import { inflateRawSync } from 'node:zlib';
import { concatBytes, deflatedInPieces, deflatePiecesHere, deflaterHere, withLast, zipDeflated } from '../../../renderer/io/zipWrite';

const entries = fc.uniqueArray(
  fc.record({
    name: fc.stringMatching(/^[a-z][a-z0-9/]{0,20}\.json$/),
    data: fc.oneof(
      fc.uint8Array({ maxLength: 3000 }),
      fc.string({ maxLength: 2000 }).map((s) => new TextEncoder().encode(s)),
    ),
  }),
  { selector: (e) => e.name, maxLength: 6 },
);

describe('zipDeflated', () => {
  it('gives the bytes of fflate zipSync at level 6 with the archive time (in UTC)', () => {
    const mtime = new Date(2000, 0, 1); // zipSync reads the time in local time
    fc.assert(
      fc.property(entries, (files) => {
        const ours = zipDeflated(
          files.map((f) => ({ name: f.name, data: deflateSync(f.data, { level: 6 }), crc: crc32(f.data), size: f.data.length })),
        );
        const theirs = zipSync(Object.fromEntries(files.map((f) => [f.name, [f.data, { mtime, level: 6 }]])));
        expect(ours).toEqual(theirs);
        const back = unzipSync(ours);
        const mine = readZipEntries(ours, {
          fileName: 'x.zip',
          limits: { maxEntries: 10, maxEntryBytes: 1e6, maxTotalBytes: 1e7, maxRatio: 1000 },
          wanted: () => true,
          invalid: () => new Error('invalid') as never,
        });
        for (const f of files) {
          expect(back[f.name]).toEqual(f.data);
          expect(mine[f.name]).toEqual(f.data);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a name that is not ASCII', () => {
    expect(() => zipDeflated([{ name: 'é.json', data: new Uint8Array(2), crc: 0, size: 0 }])).toThrow(/ASCII/);
  });
});

describe('deflaterHere', () => {
  // Entries as a writer hands them over: some whole, some in pieces, interleaved.
  const handed = fc.array(
    fc.record({
      pieces: fc.array(fc.uint8Array({ maxLength: 3000 }), { minLength: 1, maxLength: 4 }),
      level: fc.constantFrom(1 as const, 6 as const),
    }),
    { maxLength: 6 },
  );

  it('gives every entry, in the order opened, with its CRC and size, each inflating to its bytes', async () => {
    await fc.assert(
      fc.asyncProperty(handed, fc.infiniteStream(fc.nat()), async (list, picks) => {
        const closed: string[] = [];
        const deflater = deflaterHere((name) => closed.push(name));
        const left = list.map((e, i) => ({ name: `e${i}`, pieces: [...e.pieces], level: e.level }));
        const opened: string[] = [];
        const picker = picks[Symbol.iterator]();
        // Pieces of different entries interleave, as a text goes out while project.qde is still being made.
        while (left.some((e) => e.pieces.length)) {
          const open = left.filter((e) => e.pieces.length);
          const entry = open[picker.next().value! % open.length]!;
          if (!opened.includes(entry.name)) opened.push(entry.name);
          const piece = entry.pieces.shift()!;
          deflater.push(entry.name, piece.slice(), entry.pieces.length === 0, entry.level);
        }
        const entries = await deflater.finish();
        expect(entries.map((e) => e.name)).toEqual(opened);
        expect([...closed].sort()).toEqual([...opened].sort());
        for (const e of entries) {
          const whole = concatBytes(list[Number(e.name.slice(1))]!.pieces);
          expect(inflateSync(e.data)).toEqual(whole);
          expect(e.crc).toBe(crc32(whole));
          expect(e.size).toBe(whole.length);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("deflates an entry pushed whole byte for byte as fflate's deflateSync (archives keep their bytes)", async () => {
    const bytes = new TextEncoder().encode('a table of records, '.repeat(500));
    const deflater = deflaterHere();
    deflater.push('tables/x.json', bytes, true, 6);
    const [entry] = await deflater.finish();
    expect(entry!.data).toEqual(deflateSync(bytes, { level: 6 }));
  });

  it('refuses a push to an entry already closed, and a finish with an entry still open', async () => {
    const deflater = deflaterHere();
    deflater.push('a', new Uint8Array(3), true);
    expect(() => deflater.push('a', new Uint8Array(3), true)).toThrow(/a was closed already/);
    deflater.push('b', new Uint8Array(3), false);
    await expect(deflater.finish()).rejects.toThrow(/left open: b/);
  });
});

describe('an entry deflated in pieces', () => {
  const pieces = fc.array(
    fc.oneof(
      fc.uint8Array({ maxLength: 5000 }),
      fc.string({ maxLength: 3000 }).map((s) => new TextEncoder().encode(s.repeat(3))),
    ),
    { maxLength: 6 },
  );

  it('is one deflate stream that fflate and zlib inflate to the whole, with its CRC and size', async () => {
    await fc.assert(
      fc.asyncProperty(pieces, fc.constantFrom(1 as const, 6 as const), async (list, level) => {
        const whole = concatBytes(list);
        const entry = await deflatedInPieces('t.json', list, level);
        expect(inflateSync(entry.data)).toEqual(whole);
        expect(new Uint8Array(inflateRawSync(entry.data))).toEqual(whole);
        expect(entry.crc).toBe(crc32(whole));
        expect(entry.size).toBe(whole.length);
        expect(await deflatePiecesHere(list, level)).toHaveLength(Math.max(1, list.length));
      }),
      { numRuns: 100 },
    );
  });

  it('marks only the last piece, and makes one empty piece of none', async () => {
    const [a, b] = [new Uint8Array([1]), new Uint8Array([2])];
    const all = async (pieces: Iterable<Uint8Array>) => {
      const out: [Uint8Array, boolean][] = [];
      for await (const marked of withLast(pieces)) out.push(marked);
      return out;
    };
    expect(await all([a, b])).toEqual([
      [a, false],
      [b, true],
    ]);
    expect(await all([])).toEqual([[new Uint8Array(0), true]]);
  });
});
