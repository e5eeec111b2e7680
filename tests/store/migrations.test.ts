// Every schema version's database, frozen as a fixture, must open under the current schema
// with nothing lost. A new version(n) adds its own fixture and upgrade expectations here.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import fixtureV1 from './fixtures/project-v1.json';
import fixtureV1Coded from './fixtures/project-v1-coded.json';
import fixtureV2 from './fixtures/project-v2.json';
import fixtureV3 from './fixtures/project-v3.json';
import fixtureV4 from './fixtures/project-v4.json';
import fixtureV6 from './fixtures/project-v6.json';
import fixtureV7 from './fixtures/project-v7.json';
import fixtureV8 from './fixtures/project-v8.json';
import fixtureV9 from './fixtures/project-v9.json';
import fixtureV10 from './fixtures/project-v10.json';
import { allCodings, codingsOfSource } from '../../renderer/store/codingSets';
import {
  ProjectDb,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V6,
  SCHEMA_V7,
  SCHEMA_V8,
  SCHEMA_V9,
  SCHEMA_V10,
} from '../../renderer/store/projectDb';
import { getSource, listSources, loadSetup, loadSnapshot } from '../../renderer/store/projectRepo';
import { projectDbName } from '../../renderer/store/registry';

async function writeFrozen(
  projectId: string,
  fixture: { schemaVersion: number; stores: Record<string, string>; tables: Record<string, unknown[]> },
): Promise<void> {
  const raw = new Dexie(projectDbName(projectId));
  raw.version(fixture.schemaVersion).stores(fixture.stores);
  await raw.open();
  await raw.transaction('rw', raw.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables)) await raw.table(table).bulkAdd(rows as object[]);
  });
  raw.close();
}

describe('schema migrations from frozen fixtures', () => {
  it('version 1 still declares exactly the frozen stores', () => {
    expect(SCHEMA_V1).toEqual(fixtureV1.stores);
  });

  it('a version 1 database opens with everything in it', async () => {
    const id = crypto.randomUUID();
    await writeFrozen(id, fixtureV1);
    const db = new ProjectDb(id);
    const setup = await loadSetup(db);
    expect(setup.waves.map((w) => w.label)).toEqual(['Time 1', 'Time 2', 'Follow-up']);
    expect(setup.roles.map((r) => r.id)).toEqual(['man', 'woman', 'elder']);
    expect(setup.participants.map((p) => p.pseudonym)).toEqual(['Dale', 'Leanne']);
    expect((await listSources(db)).map((s) => s.title)).toEqual(['Dale_T1', 'emoji']);
    const emoji = await getSource(db, 's2');
    expect(emoji!.text).toBe('Hi 👋🏽 there');
    const snap = await loadSnapshot(db);
    expect(snap.sources.find((s) => s.id === 's1')!.turns[1]).toEqual({ start: 32, end: 37, speaker: 'Dale', speakerRole: 'participant' });
    expect(await db.participants.get('p3')).toMatchObject({ deletedAt: 1764000000500 });
    expect(await db.history.count()).toBe(1);
    db.close();
  });

  it('versions 2 to 10 declare exactly the frozen stores', () => {
    expect(SCHEMA_V2).toEqual(fixtureV2.stores);
    expect(SCHEMA_V3).toEqual(fixtureV3.stores);
    expect(SCHEMA_V4).toEqual(fixtureV4.stores);
    expect(SCHEMA_V6).toEqual(fixtureV6.stores);
    expect(SCHEMA_V7).toEqual(fixtureV7.stores);
    expect(SCHEMA_V8).toEqual(fixtureV8.stores);
    expect(SCHEMA_V9).toEqual(fixtureV9.stores);
    expect(SCHEMA_V10).toEqual(fixtureV10.stores);
  });

  const frozenCodings = fixtureV4.tables.codings;
  for (const [name, fixture] of [
    ['version 1', fixtureV1Coded],
    ['version 2', fixtureV2],
    ['version 3', fixtureV3],
    ['version 4', fixtureV4],
    ['version 6', fixtureV6],
    ['version 7', fixtureV7],
    ['version 8', fixtureV8],
    ['version 9', fixtureV9],
    ['version 10', fixtureV10],
  ] as const) {
    it(`a coded ${name} database opens with its codebook, coders, codings and memos, and finds codings by transcript`, async () => {
      const id = crypto.randomUUID();
      await writeFrozen(id, fixture);
      const db = new ProjectDb(id);
      await db.open();
      expect(db.verno).toBe(11);
      // Version 11 adds recordings beside transcripts, none until one is attached.
      expect(await db.recordings.count()).toBe(0);
      expect(await db.recordingChunks.count()).toBe(0);
      // Version 9 adds the search index, empty until the project is first searched.
      expect(await db.searchIndex.count()).toBe('searchIndex' in fixture.tables ? 1 : 0);
      // Version 10 adds the surveys, empty until one is imported.
      expect(await db.surveyAnswers.count()).toBe(0);
      expect(snapSurveyCounts(await loadSnapshot(db))).toEqual([0, 0, 0]);
      // Version 8 keeps words out of the indexes (encryption leaves indexed fields in clear).
      expect(db.participants.schema.indexes.map((i) => i.name)).toEqual(['role', 'deletedAt']);
      expect(db.sources.schema.indexes.map((i) => i.name)).toEqual(['participantId', 'wave', 'deletedAt']);
      // Version 5 moved every coding, deleted ones too, into one set per transcript, and
      // version 6 dropped the old table.
      expect(db.tables.map((t) => t.name)).not.toContain('codings');
      const snap = await loadSnapshot(db);
      expect(snap.codes.map((c) => c.name)).toEqual(['Respect', 'Listening']);
      expect(snap.coders.map((c) => c.name)).toEqual(['Ana', 'Ben']);
      expect(snap.codings.map((c) => c.id).sort()).toEqual(['g1', 'g2']); // g3 is soft-deleted
      expect(await allCodings(db)).toEqual(frozenCodings);
      expect((await codingsOfSource(db, 's1')).map((c) => c.id)).toEqual(['g1', 'g2']);
      expect(snap.memos).toEqual(fixture.tables.memos);
      expect(snap.frameworkCells).toEqual('frameworkCells' in fixture.tables ? fixture.tables.frameworkCells : []);
      expect(snap.decisions).toEqual('decisions' in fixture.tables ? fixture.tables.decisions : []);
      expect(await db.basketItems.toArray()).toEqual('basketItems' in fixture.tables ? fixture.tables.basketItems : []);
      db.close();
    });
  }
});

function snapSurveyCounts(snap: Awaited<ReturnType<typeof loadSnapshot>>): number[] {
  return [snap.surveyTimePoints?.length ?? 0, snap.surveyItems?.length ?? 0, snap.surveyResponses?.length ?? 0];
}
