// The lossless project archive: every table comes back, the same project gives the same bytes,
// older schemas restore through the upgrades, and a damaged or foreign file creates nothing.
import Dexie from 'dexie';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import fixtureV1Coded from './fixtures/project-v1-coded.json';
import { readArchive, utf8, writeArchive } from '../../renderer/io/archive';
import { sha256Hex } from '../../renderer/io/hash';
import { CURRENT_SCHEMA_VERSION, exportArchive, importArchive, previewArchive } from '../../renderer/store/archive';
import { allCodings } from '../../renderer/store/codingSets';
import { projectDb } from '../../renderer/store/projectDb';
import { createProjectAtomically, listProjects, sweepIncompleteProjects } from '../../renderer/store/projects';
import { projectDbName, registry } from '../../renderer/store/registry';
import { createSampleProject } from '../../renderer/store/sampleProject';
import { freshRegistry } from './helpers';

// Archives of each schema since version 7, frozen: later versions must still restore it.
const frozenV7 = new Uint8Array(readFileSync(new URL('./fixtures/archive-v7.mirabal', import.meta.url)));
const frozenV8 = new Uint8Array(readFileSync(new URL('./fixtures/archive-v8.mirabal', import.meta.url)));
const NO_SURVEY = { surveyTimePoints: [], surveyItems: [], surveyAnswers: [] };
/** Version 11's recordings beside transcripts, none in the frozen archives. */
const NO_RECORDINGS = { recordings: [], recordingChunks: [] };

beforeEach(() => freshRegistry());

async function tablesOf(projectId: string): Promise<Record<string, unknown[]>> {
  const db = projectDb(projectId);
  await db.open();
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

/** The archive's entries, changed by `edit`, zipped again (hashes in the manifest untouched). */
function tamper(bytes: Uint8Array, edit: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(bytes);
  edit(files);
  return zipSync(files);
}

async function refused(bytes: Uint8Array, message: RegExp): Promise<void> {
  const before = (await listProjects()).active.length;
  await expect(importArchive(bytes, 'Study.mirabal')).rejects.toThrow(message);
  expect((await listProjects()).active.length).toBe(before);
}

describe('project archive', () => {
  it('restores every table of a project as a new project, and exports it again byte for byte', async () => {
    const sample = await createSampleProject();
    // Some of what a .qdpx leaves behind: a soft-deleted code and history entries are there already.
    const db = projectDb(sample.id);
    await db.meta.put({ key: 'redactions', value: [{ find: 'Ellie', replace: "[child's name]" }] });
    const first = await exportArchive(sample.id);
    const restored = await importArchive(first, `${sample.name}.mirabal`);
    expect(restored.name).toBe(`${sample.name} (2)`);
    expect(restored.id).not.toBe(sample.id);
    expect(await tablesOf(restored.id)).toEqual(await tablesOf(sample.id));
    const again = await exportArchive(restored.id);
    expect(again).toEqual(first);
    expect((await listProjects()).active.map((p) => p.name).sort()).toEqual([sample.name, `${sample.name} (2)`].sort());
  });

  it('restores the frozen archive of schema 7 through the upgrades, every record as it was', async () => {
    const entry = await importArchive(frozenV7, 'Sample study (fictional).mirabal');
    expect(entry.name).toBe('Sample study (fictional)');
    expect(entry.isSample).toBe(true);
    const again = await readArchive(await exportArchive(entry.id), 'again.mirabal', { schemaVersion: CURRENT_SCHEMA_VERSION });
    const frozen = await readArchive(frozenV7, 'frozen.mirabal', { schemaVersion: CURRENT_SCHEMA_VERSION });
    expect(again.manifest.schemaVersion).toBe(11);
    // Version 8 changed indexes only; 9's search index is not archived; 10 adds empty survey tables.
    expect(again.tables).toEqual({ ...frozen.tables, ...NO_SURVEY, ...NO_RECORDINGS });
  });

  it('restores the frozen archive of schema 8, and exports it again as it was but for the schema number', async () => {
    const entry = await importArchive(frozenV8, 'Sample study (fictional).mirabal');
    const again = await readArchive(await exportArchive(entry.id), 'again.mirabal', { schemaVersion: CURRENT_SCHEMA_VERSION });
    const frozen = await readArchive(frozenV8, 'frozen.mirabal', { schemaVersion: CURRENT_SCHEMA_VERSION });
    const { tables: countsBefore, sha256: sumsBefore, ...rest } = frozen.manifest;
    const emptyTable = sumsBefore['tables/memos.json']; // the checksum of "[]"
    expect(again.manifest).toEqual({
      ...rest,
      schemaVersion: 11,
      tables: { ...countsBefore, surveyTimePoints: 0, surveyItems: 0, surveyAnswers: 0, recordings: 0, recordingChunks: 0 },
      sha256: {
        ...sumsBefore,
        'tables/surveyTimePoints.json': emptyTable,
        'tables/surveyItems.json': emptyTable,
        'tables/surveyAnswers.json': emptyTable,
        'tables/recordings.json': emptyTable,
        'tables/recordingChunks.json': emptyTable,
      },
    });
    // Version 9 adds only the search index, which archives leave out (it is made from the text);
    // version 10 the survey tables, 11 the recordings, empty here.
    expect(again.tables).toEqual({ ...frozen.tables, ...NO_SURVEY, ...NO_RECORDINGS });
  });

  it('encodes entries to the same bytes as TextEncoder, lone surrogates and all', () => {
    // Mostly ASCII with multi-byte characters scattered through, as transcripts are: the fast
    // path's first buffer fills part-way and the rest is encoded after it.
    const unit = fc.oneof(
      { weight: 6, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 30 }) },
      { weight: 2, arbitrary: fc.constantFrom('é', '’', '\u0800', '😀', '\uD800', '\uDC00', '\uDBFF\uDFFF') },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }) },
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        expect(utf8(text)).toEqual(new TextEncoder().encode(text));
      }),
      { numRuns: 300 },
    );
  });

  it('writes an entry over 1 MiB (deflated faster) the same every time, readable by any zip reader', async () => {
    const history = Array.from({ length: 20_000 }, (_, i) => ({ seq: i + 1, at: i, label: `Apply ${i % 97}`, changes: [] }));
    const info = { appVersion: 'test', schemaVersion: CURRENT_SCHEMA_VERSION, project: { description: '', isSample: false, createdAt: 1 } };
    const bytes = await writeArchive({ history, meta: [] }, info);
    expect(unzipSync(bytes)['tables/history.json']!.length).toBeGreaterThan(1024 * 1024);
    expect(JSON.parse(strFromU8(unzipSync(bytes)['tables/history.json']!))).toEqual(history);
    expect(await writeArchive({ history: Promise.resolve(history), meta: [] }, info)).toEqual(bytes);
    const { tables } = await readArchive(bytes, 'Busy.mirabal', { schemaVersion: CURRENT_SCHEMA_VERSION });
    expect(tables.history).toEqual(history);
  });

  it('says what it holds before anything is written', async () => {
    const sample = await createSampleProject();
    const preview = await previewArchive(await exportArchive(sample.id), 'Pilot study 2026-12-05.mirabal');
    expect(preview).toMatchObject({ name: 'Pilot study 2026-12-05', schemaVersion: CURRENT_SCHEMA_VERSION, transcripts: 12, coders: 2 });
    expect(preview.codings).toBeGreaterThan(100);
    expect(preview.lastChange).toEqual(expect.any(Number));
    expect((await listProjects()).active).toHaveLength(1);
  });

  it('previews an archive with 200,000 history rows (a Math.max spread overflowed the stack)', async () => {
    const sample = await createSampleProject();
    const files = unzipSync(await exportArchive(sample.id));
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { tables: Record<string, number>; sha256: Record<string, string> };
    const history = Array.from({ length: 200_000 }, (_, i) => ({ seq: i + 1, at: 1_000_000 + i, label: 'Apply', changes: [] }));
    files['tables/history.json'] = strToU8(JSON.stringify(history));
    manifest.tables.history = history.length;
    manifest.sha256['tables/history.json'] = await sha256Hex(files['tables/history.json']);
    files['manifest.json'] = strToU8(JSON.stringify(manifest));
    const preview = await previewArchive(zipSync(files), 'Busy study.mirabal');
    expect(preview.lastChange).toBe(1_000_000 + 199_999);
  });

  it('restores an archive of an older schema through the same upgrades as a database', async () => {
    const bytes = await writeArchive(fixtureV1Coded.tables as Record<string, Record<string, unknown>[]>, {
      appVersion: 'old',
      schemaVersion: 1,
      project: { description: '', isSample: false, createdAt: 1 },
    });
    const entry = await importArchive(bytes, 'Old study.mirabal');
    const codings = await allCodings(projectDb(entry.id));
    expect(codings.map((c) => c.id).sort()).toEqual(fixtureV1Coded.tables.codings.map((c) => c.id).sort());
    expect(projectDb(entry.id).verno).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('refuses, creating nothing: not a zip, no manifest, an unknown format, a newer schema', async () => {
    const sample = await createSampleProject();
    const good = await exportArchive(sample.id);
    await refused(strToU8('not a zip at all'), /Study\.mirabal: is not a project archive \(not a zip file\)/);
    await refused(
      tamper(good, (f) => delete f['manifest.json']),
      /has no manifest\.json/,
    );
    const manifest = (edit: (m: Record<string, unknown>) => void) =>
      tamper(good, (f) => {
        const m = JSON.parse(strFromU8(f['manifest.json']!)) as Record<string, unknown>;
        edit(m);
        f['manifest.json'] = strToU8(JSON.stringify(m));
      });
    await refused(
      manifest((m) => (m.formatVersion = 99)),
      /uses archive format 99, which this version of the app cannot read/,
    );
    await refused(
      manifest((m) => (m.schemaVersion = CURRENT_SCHEMA_VERSION + 1)),
      /was made by a newer version of the app/,
    );
  });

  it('refuses an altered or missing entry, naming it', async () => {
    const sample = await createSampleProject();
    const good = await exportArchive(sample.id);
    await refused(
      tamper(good, (f) => {
        const text = strFromU8(f['tables/sourceContent.json']!);
        f['tables/sourceContent.json'] = strToU8(text.replace('police', 'Police'));
      }),
      /tables\/sourceContent\.json has been altered/,
    );
    await refused(
      tamper(good, (f) => delete f['tables/codes.json']),
      /tables\/codes\.json is missing/,
    );
  });

  it('refuses records that break the schema: a missing id, a coding pointing at no transcript', async () => {
    const sample = await createSampleProject();
    const good = await exportArchive(sample.id);
    // Altered consistently (the hash updated too): only the record checks can catch it.
    const rewrite = (path: string, edit: (records: Record<string, unknown>[]) => void) =>
      (async () => {
        const files = unzipSync(good);
        const records = JSON.parse(strFromU8(files[path]!)) as Record<string, unknown>[];
        edit(records);
        files[path] = strToU8(JSON.stringify(records));
        const m = JSON.parse(strFromU8(files['manifest.json']!)) as { sha256: Record<string, string> };
        m.sha256[path] = await sha256Hex(files[path]);
        files['manifest.json'] = strToU8(JSON.stringify(m));
        return zipSync(files);
      })();
    await refused(await rewrite('tables/codes.json', (r) => delete r[0]!.id), /record 1 of codes has no valid id/);
    await refused(
      await rewrite('tables/codingSets.json', (r) => ((r[0]!.codings as Record<string, unknown>[])[0]!.sourceId = 'nowhere')),
      /points at no transcript/,
    );
    await expect(readArchive(good, 'ok.mirabal', { schemaVersion: CURRENT_SCHEMA_VERSION })).resolves.toBeTruthy();
  });
});

describe('all or nothing', () => {
  const entry = (id: string, at: number) => ({
    id,
    name: `Import ${id}`,
    description: '',
    createdAt: at,
    updatedAt: at,
    openedAt: null,
    isSample: false,
    deletedAt: null,
  });

  it('a write that fails leaves neither an entry nor a database', async () => {
    await expect(
      createProjectAtomically(entry('p1', 1), async () => {
        await projectDb('p1').meta.put({ key: 'x', value: 1 });
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await registry().projects.get('p1')).toBeUndefined();
    expect((await Dexie.getDatabaseNames()).includes(projectDbName('p1'))).toBe(false);
  });

  it('a project cut off halfway is never listed, and is swept at the next start once it is stale', async () => {
    // As a killed window leaves it: the entry marked, some data written, the mark never cleared.
    await registry().projects.add({ ...entry('cut', 1_000), incomplete: true });
    await projectDb('cut').meta.put({ key: 'half', value: true });
    await registry().projects.add({ ...entry('writing', 9_000_000), incomplete: true });
    expect((await listProjects()).active.map((p) => p.id)).toEqual([]);
    expect(await sweepIncompleteProjects(9_000_000 + 1000)).toBe(1);
    expect(await registry().projects.get('cut')).toBeUndefined();
    expect((await Dexie.getDatabaseNames()).includes(projectDbName('cut'))).toBe(false);
    // Another window may be writing this one right now: it stays until it is stale.
    expect(await registry().projects.get('writing')).toBeDefined();
  });

  it('a finished import is listed, unmarked', async () => {
    const done = await createProjectAtomically(entry('ok', 5), async () => {
      await projectDb('ok').meta.put({ key: 'x', value: 1 });
    });
    expect(done.id).toBe('ok');
    expect((await registry().projects.get('ok'))?.incomplete).toBeUndefined();
    expect((await listProjects()).active.map((p) => p.id)).toEqual(['ok']);
  });
});
