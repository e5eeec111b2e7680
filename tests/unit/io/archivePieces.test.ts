// A big table's entry is made and deflated in pieces (io/archive.ts, io/zipWrite.ts): its text
// is tableJson's to the byte, the archive reads back whole, and its bytes do not depend on where
// the pieces were deflated. A small table keeps the bytes archives always had.
import { deflateSync, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readArchive, tableJson, utf8, writeArchive } from '../../../renderer/io/archive';
import { deflatePiece, PIECE_BYTES, withLast, type PieceDeflate } from '../../../renderer/io/zipWrite';

const info = { appVersion: 'test', schemaVersion: 11, project: { description: '', isSample: false, createdAt: 0 } };

/** Transcripts whose JSON is about `megabytes` MB, with text outside ASCII and the BMP. */
function transcripts(megabytes: number) {
  const text = 'She said «it stopped» — then it didn’t 🙂. '.repeat(250);
  const count = Math.ceil((megabytes * 1e6) / text.length);
  // Out of key order, as IndexedDB never gives them but a table might be passed.
  return Array.from({ length: count }, (_, i) => ({ id: `s${String(count - i).padStart(5, '0')}`, text: `${i}: ${text}`, turns: [] }));
}

/** Deflates the pieces here, last first: another order, as a worker would finish them. */
const backwards: PieceDeflate = async (pieces, level) => {
  const all: [Uint8Array, boolean][] = [];
  for await (const marked of withLast(pieces)) all.push(marked);
  const out: Uint8Array[] = [];
  for (let i = all.length - 1; i >= 0; i--) out[i] = deflatePiece(all[i]![0], level, all[i]![1]);
  return out;
};

describe('an archive with a big table', () => {
  it("writes the table's text in pieces that inflate to tableJson's bytes, and reads back whole", async () => {
    const records = transcripts(3 * (PIECE_BYTES / 1e6));
    const sources = records.map((r) => ({ id: r.id, title: r.id }));
    const bytes = await writeArchive({ sourceContent: records, sources }, info);
    const entries = unzipSync(bytes);
    // Compared as buffers: toEqual on 12 MB of bytes takes minutes.
    const text = Buffer.from(entries['tables/sourceContent.json']!);
    expect(text.equals(utf8(tableJson('sourceContent', records)))).toBe(true);
    const { tables, manifest } = await readArchive(bytes, 'big.mirabal', { schemaVersion: 11 });
    expect(manifest.tables).toEqual({ sourceContent: records.length, sources: records.length });
    expect(tables.sourceContent).toEqual([...records].sort((a, b) => (a.id < b.id ? -1 : 1)));
  });

  it('gives the same bytes wherever and in whatever order the pieces are deflated', async () => {
    const records = transcripts(2 * (PIECE_BYTES / 1e6));
    const here = await writeArchive({ sourceContent: records }, info);
    const there = await writeArchive({ sourceContent: records }, info, backwards);
    expect(Buffer.from(there).equals(here)).toBe(true);
  });

  it('deflates a small table whole at level 6, as archives always were', async () => {
    const records = transcripts(0.2);
    const bytes = await writeArchive({ sourceContent: records }, info, backwards);
    const json = utf8(tableJson('sourceContent', records));
    const deflated = deflateSync(json, { level: 6 });
    // The entry's data follows its local header: the bytes deflateSync gives, found whole.
    const at = Buffer.from(bytes).indexOf(Buffer.from(deflated));
    expect(at).toBeGreaterThan(0);
  });
});
