// zipDeflated writes what fflate's zipSync wrote for the same entries, byte for byte (archives
// written before keep their bytes), and what it writes reads back with fflate and our reader.
import fc from 'fast-check';
import { deflateSync, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32, readZipEntries } from '../../../renderer/io/zip';
import { zipDeflated } from '../../../renderer/io/zipWrite';

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
