// A project's big tables (transcripts, coding sets) are read for an archive in batches, each
// asked for as the last arrives (store/archiveTables.ts): every record comes, once, in key
// order, and the archive restores whole. Batches out of key order are refused, not written.
import { beforeEach, describe, expect, it } from 'vitest';
import { readArchive, writeArchive } from '../../renderer/io/archive';
import { CURRENT_SCHEMA_VERSION, exportArchive, importArchive } from '../../renderer/store/archive';
import { allCodings } from '../../renderer/store/codingSets';
import { createProjectFromSnapshot } from '../../renderer/store/exchange';
import { projectDb } from '../../renderer/store/projectDb';
import { smallProject } from '../fixtures/snapshots';
import { freshRegistry } from './helpers';

beforeEach(() => freshRegistry());

/** The small project's first transcript and its codings copied `copies` times. */
function manyTranscripts(copies: number) {
  const project = smallProject();
  const source = project.sources[0]!;
  const codings = project.codings.filter((c) => c.sourceId === source.id);
  const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  // Ids out of key order, so that key order is the reading's, not the writing's.
  const order = Array.from({ length: copies }, (_, i) => (i * 7919) % copies);
  return {
    ...project,
    sources: order.map((n) => ({ ...source, id: id(n), title: `Interview ${n}` })),
    codings: order.flatMap((n) => codings.map((c, k) => ({ ...c, id: id(1_000_000 + n * 10 + k), sourceId: id(n) }))),
  };
}

describe('an archive of a project bigger than one batch', () => {
  it('holds every transcript and coding once, in key order, and restores whole', async () => {
    const snapshot = manyTranscripts(263); // three batches of transcripts, two of coding sets
    expect(snapshot.codings.length).toBeGreaterThanOrEqual(263);
    const entry = await createProjectFromSnapshot(snapshot, 'many.qdpx');
    const bytes = await exportArchive(entry.id);
    const { tables, manifest } = await readArchive(bytes, 'many.mirabal', { schemaVersion: CURRENT_SCHEMA_VERSION });
    expect(manifest.tables.sourceContent).toBe(263);
    const ids = tables.sourceContent!.map((r) => r.id as string);
    expect(ids).toEqual([...new Set(ids)].sort());
    const setIds = tables.codingSets!.map((r) => r.sourceId as string);
    expect(setIds).toEqual([...ids]);
    const restored = await importArchive(bytes, 'many.mirabal');
    const codings = await allCodings(projectDb(restored.id));
    expect(codings).toHaveLength(snapshot.codings.length);
    expect(await exportArchive(restored.id)).toEqual(bytes);
  });

  it('refuses batches that do not come in key order', async () => {
    async function* batches() {
      yield [{ id: 'b', text: '', turns: [] }];
      yield [{ id: 'a', text: '', turns: [] }];
    }
    const info = { appVersion: 'test', schemaVersion: 11, project: { description: '', isSample: false, createdAt: 0 } };
    await expect(writeArchive({ sourceContent: batches() }, info)).rejects.toThrow(/sourceContent did not come in key order/);
  });
});
