// Whole projects through .qdpx: the sample project out and back in as a new project (same
// records, same bytes when exported again), a failed import leaving nothing behind, and a
// second coder's work merged into the open project as one undoable step.
import { strFromU8, unzipSync } from 'fflate';
import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyCoding } from '../../renderer/core/coding/codingOps';
import type { ProjectSnapshot } from '../../renderer/core/shared/model';
import { planMerge } from '../../renderer/core/merge/projectMerge';
import { readQdpx, writeQdpx } from '../../renderer/io/qdpx';
import { applyAction, undo } from '../../renderer/store/actions';
import { commitMerge, createProjectFromSnapshot, exportFileName, exportSnapshot } from '../../renderer/store/exchange';
import { projectDb } from '../../renderer/store/projectDb';
import { QdpxExporter, QdpxImporter, readQdpxOffThread } from '../../renderer/store/qdpxOffThread';
import { loadSnapshot } from '../../renderer/store/projectRepo';
import { listProjects } from '../../renderer/store/projects';
import { createSampleProject } from '../../renderer/store/sampleProject';
import { validate } from '../fixtures/refi';
import { freshRegistry } from './helpers';
import { makeWav } from '../fixtures/makeWav';
import { prepareRecording } from '../../renderer/store/recordingPrep';
import { attachRecording, linkRecording, removeRecording } from '../../renderer/store/recordings';

beforeEach(() => freshRegistry());

// A missing deletedAt and deletedAt: null both mean "live"; the import writes null.
const byId = <T extends { id: string; deletedAt?: number | null }>(list: readonly T[]) =>
  [...list].map(({ deletedAt, ...rest }) => (deletedAt == null ? rest : { ...rest, deletedAt })).sort((a, b) => (a.id < b.id ? -1 : 1));

describe('the sample project through .qdpx', () => {
  it('exports valid REFI-QDA, imports as a new project with the same records, and exports to the same bytes', async () => {
    const sample = await createSampleProject();
    const before = await exportSnapshot(projectDb(sample.id));
    expect(before.codings.length).toBeGreaterThan(200);
    const bytes = await writeQdpx(before);
    const { valid, output } = validate(strFromU8(unzipSync(bytes)['project.qde']!), 'Project-mrt2019.xsd');
    expect(output).toMatch(/validates/);
    expect(valid).toBe(true);

    const { project, warnings } = await readQdpx(bytes, 'sample.qdpx');
    expect(warnings).toEqual([]);
    const entry = await createProjectFromSnapshot(project, 'sample.qdpx');
    expect(entry.name).toBe(`${sample.name} 2`);
    const after = await exportSnapshot(projectDb(entry.id));
    for (const table of ['participants', 'sources', 'codes', 'codings', 'memos'] as const) {
      expect(byId<{ id: string; deletedAt?: number | null }>(after[table] ?? [])).toEqual(
        byId<{ id: string; deletedAt?: number | null }>(before[table] ?? []),
      );
    }
    expect(after.waves).toEqual(before.waves);
    expect(after.roles).toEqual(before.roles);
    expect(after.attributeDefs).toEqual(before.attributeDefs);
    expect(after.coders.map((c) => [c.id, c.name])).toEqual(before.coders.map((c) => [c.id, c.name]));
    // The same project gives the same file (only the name differs: "… 2").
    expect(await writeQdpx({ ...after, name: before.name })).toEqual(bytes);
  });

  it('a write that fails leaves no half-made project', async () => {
    const broken: ProjectSnapshot = {
      waves: [{ id: 'T1', label: 'Time 1', order: 0 }],
      participants: [],
      sources: [],
      codes: [],
      codings: [],
      coders: [
        { id: 'x', name: 'A', colour: '#000000' },
        { id: 'x', name: 'B', colour: '#000000' },
      ],
    };
    await expect(createProjectFromSnapshot(broken, 'broken.qdpx')).rejects.toThrow();
    const { active, deleted } = await listProjects();
    expect([...active, ...deleted]).toEqual([]);
  });

  it('a write that fails in a later batch of transcripts leaves no half-made project either', async () => {
    const source = (i: number) => ({
      id: `s-${i % 55}`, // the 56th repeats the first: its batch fails after the first batch is written
      participantId: null,
      wave: null,
      title: `T${i}`,
      text: 'Some words.',
      turns: [],
      origin: { fileName: `t${i}.txt`, format: 'txt', sha256: '', importedAt: 0 },
    });
    const broken: ProjectSnapshot = {
      waves: [{ id: 'T1', label: 'Time 1', order: 0 }],
      participants: [],
      sources: Array.from({ length: 60 }, (_, i) => source(i)),
      codes: [],
      codings: [],
      coders: [],
    };
    const databases = await Dexie.getDatabaseNames();
    await expect(createProjectFromSnapshot(broken, 'broken.qdpx')).rejects.toThrow();
    const { active, deleted } = await listProjects();
    expect([...active, ...deleted]).toEqual([]);
    expect((await Dexie.getDatabaseNames()).filter((n) => n.startsWith('mirabal-project-') && !databases.includes(n))).toEqual([]);
  });

  it('exports through the exporter as the window does: a summary first, then the same file writeQdpx gives', async () => {
    const sample = await createSampleProject();
    const db = projectDb(sample.id);
    const exporter = new QdpxExporter();
    const summary = await exporter.prepare(db, sample.name);
    const snapshot = await exportSnapshot(db);
    expect(summary).toMatchObject({ name: sample.name, sources: snapshot.sources.length, codings: snapshot.codings.length });
    expect(summary.carried[0]).toMatch(/^12 transcripts/);
    const steps: number[] = [];
    const bytes = await exporter.write('codepoints', (done, total) => steps.push(done / total));
    exporter.close();
    expect(steps.at(-1)).toBe(1);
    expect(bytes).toEqual(await writeQdpx(snapshot));
  });

  it('names the transcripts’ recordings, linked or kept, and says so in the summary; removed ones not', async () => {
    const sample = await createSampleProject();
    const db = projectDb(sample.id);
    const [first, second, third] = await db.sources.toArray();
    const file = { size: 10, sha256: 'a'.repeat(64) };
    await linkRecording(db, first!.id, { ...file, token: crypto.randomUUID(), fileName: 'One.m4a', path: '/home/tess/One.m4a' });
    await attachRecording(db, second!.id, { fileName: 'Two.wav' }, await prepareRecording(makeWav({ seconds: 1 }), 'Two.wav'));
    const gone = await linkRecording(db, third!.id, { ...file, token: crypto.randomUUID(), fileName: 'Three.mp4', path: '/x/Three.mp4' });
    await removeRecording(db, gone.id);
    const snapshot = await exportSnapshot(db);
    expect(snapshot.media).toHaveLength(2);
    expect(snapshot.media).toEqual(
      expect.arrayContaining([
        { sourceId: first!.id, fileName: 'One.m4a', mediaType: 'audio/mp4', path: '/home/tess/One.m4a' },
        { sourceId: second!.id, fileName: 'Two.wav', mediaType: 'audio/wav', path: null },
      ]),
    );
    const exporter = new QdpxExporter();
    const summary = await exporter.prepare(db, sample.name);
    expect(summary.carried).toContain('2 recordings by name, with the times in the text (not the sound files)');
    const xml = strFromU8(unzipSync(await exporter.write('codepoints'))['project.qde']!);
    exporter.close();
    expect(xml).toContain('path="absolute:///home/tess/One.m4a"');
    expect(xml).toContain('path="relative:///Two.wav"');
    expect(xml).not.toContain('Three.mp4');
    expect(validate(xml, 'Project-mrt2019.xsd').valid).toBe(true);
  });

  it('imports through the importer as the window does: what the file holds first, then the project, its batches counted', async () => {
    const sample = await createSampleProject();
    const before = await exportSnapshot(projectDb(sample.id));
    const importer = new QdpxImporter();
    const read: number[] = [];
    const { preview, warnings } = await importer.read(await writeQdpx(before), 'sample.qdpx', (done) => read.push(done));
    expect(warnings).toEqual([]);
    expect(read.at(-1)).toBe(100);
    expect(preview).toMatchObject({
      name: sample.name,
      sources: before.sources.length,
      codedSources: new Set(before.codings.map((c) => c.sourceId)).size,
      codings: before.codings.length,
      codes: before.codes.length,
      waves: before.waves.map((w) => w.label),
    });
    expect(preview.coders.length).toBeGreaterThan(0);
    const written: [number, number][] = [];
    const entry = await importer.create('sample.qdpx', '', (done, total) => written.push([done, total]));
    importer.close();
    // 12 transcripts (one batch) and their coding sets (one batch).
    expect(written).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect((await listProjects()).active.map((p) => p.id)).toContain(entry.id);
    const after = await exportSnapshot(projectDb(entry.id));
    expect(byId(after.codings)).toEqual(byId(before.codings));
    await expect(importer.create('sample.qdpx')).rejects.toThrow(/not read/);
  });

  it('reads on this thread where no worker runs, its progress in percent up to 100', async () => {
    const bytes = await writeQdpx(await exportSnapshot(projectDb((await createSampleProject()).id)));
    const seen: [number, number][] = [];
    const { project } = await readQdpxOffThread(bytes, 'sample.qdpx', (done, total) => seen.push([done, total]));
    expect(project.sources.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toEqual([100, 100]);
    expect(seen.every(([done, total]) => total === 100 && done >= 0 && done <= 100)).toBe(true);
  });

  it('names export files safely', () => {
    expect(exportFileName('Mirabal: T1/T2 "pilot"', 'qdpx')).toBe('Mirabal T1 T2 pilot.qdpx');
    expect(exportFileName('  ', 'qdc')).toBe('project.qdc');
  });
});

describe("another coder's work", () => {
  it('comes in as their layer, once, and undo takes it out', async () => {
    // Ana's project; Ben works on a copy of it on his machine and sends his file back.
    const ana = projectDb((await createSampleProject()).id);
    const copy = await createProjectFromSnapshot(
      (await readQdpx(await writeQdpx(await exportSnapshot(ana)), 'shared.qdpx')).project,
      'shared.qdpx',
    );
    const benDb = projectDb(copy.id);
    const bens = await loadSnapshot(benDb);
    const ben = bens.coders.find((c) => c.name.startsWith('Ben'))!;
    const source = bens.sources.find((s) => s.title.includes('Ruth'))!;
    const code = bens.codes.find((c) => c.parentId !== null)!;
    const start = source.text.indexOf(' ') + 1;
    await applyAction(
      benDb,
      applyCoding(
        bens.codings,
        { sourceId: source.id, codeId: code.id, coderId: ben.id, start, end: start + 20 },
        source.text.length,
        code.name,
        () => crypto.randomUUID(),
        5,
      ),
    );
    const benFile = await writeQdpx(await exportSnapshot(benDb));

    const incoming = (await readQdpx(benFile, 'ben.qdpx')).project;
    const current = await loadSnapshot(ana);
    const plan = planMerge(current, incoming, {
      addUnmatchedSources: false,
      newId: () => crypto.randomUUID(),
      now: 1,
      label: 'Import coding from ben.qdpx',
    });
    expect(plan.summary.codings.added).toBe(1);
    expect(plan.summary.codings.alreadyPresent).toBe(current.codings.length);
    expect(plan.summary.sources.matched).toHaveLength(current.sources.length);
    await commitMerge(ana, plan, 'ben.qdpx', 'ana');

    const merged = await loadSnapshot(ana);
    expect(merged.codings).toHaveLength(current.codings.length + 1);
    const added = merged.codings.find((c) => !current.codings.some((o) => o.id === c.id))!;
    expect(added).toMatchObject({ coderId: ben.id, sourceId: source.id, codeId: code.id, start, end: start + 20 });

    // The same file again adds nothing.
    const again = planMerge(merged, incoming, { addUnmatchedSources: false, newId: () => crypto.randomUUID(), now: 1, label: 'again' });
    expect(again.summary.codings.added).toBe(0);
    expect(again.action.changes).toEqual([]);

    expect(await undo(ana)).toBe('Import coding from ben.qdpx');
    expect((await loadSnapshot(ana)).codings).toHaveLength(current.codings.length);
  });
});
