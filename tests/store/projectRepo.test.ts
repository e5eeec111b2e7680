import { beforeEach, describe, expect, it } from 'vitest';
import { buildImport, planBatch, type PreparedFile } from '../../renderer/core/transcripts/batch';
import { newParticipant } from '../../renderer/core/project/setup';
import { projectDb, type ProjectDb } from '../../renderer/store/projectDb';
import {
  commitImport,
  getSource,
  listSources,
  loadSetup,
  loadSnapshot,
  saveParticipant,
  saveParticipants,
  saveRoles,
  saveWaves,
  softDeleteParticipant,
  softDeleteSource,
  updateSource,
} from '../../renderer/store/projectRepo';
import { createProject } from '../../renderer/store/projects';
import { createSampleProject } from '../../renderer/store/sampleProject';
import { freshRegistry } from './helpers';

let db: ProjectDb;
beforeEach(async () => {
  freshRegistry();
  db = projectDb((await createProject(`P ${crypto.randomUUID()}`)).id);
});

const prepared = (fileName: string, sha256: string): PreparedFile => ({
  fileName,
  sha256,
  format: 'txt',
  text: 'Interviewer: Hello\nDale: Hi there',
  turns: [
    { start: 13, end: 18, speaker: 'Interviewer' },
    { start: 25, end: 33, speaker: 'Dale' },
  ],
  warnings: [],
});

async function importFiles(...files: PreparedFile[]) {
  const setup = await loadSetup(db);
  const rows = planBatch(files, { participants: setup.participants, sources: await listSources(db), waves: setup.waves });
  await commitImport(
    db,
    buildImport(rows, { Interviewer: 'interviewer', Dale: 'participant' }, setup.participants, () => crypto.randomUUID(), 1),
  );
}

describe('import and transcripts', () => {
  it('writes a batch with its new participants, readable as metadata, whole source and snapshot', async () => {
    await importFiles(prepared('Dale_T1.txt', 'a'), prepared('Dale_T2.txt', 'b'));
    const setup = await loadSetup(db);
    expect(setup.participants.map((p) => p.pseudonym)).toEqual(['Dale']);
    const list = await listSources(db);
    expect(list.map((s) => [s.title, s.wave, s.wordCount, s.turnCount])).toEqual([
      ['Dale_T1', 'T1', 3, 2],
      ['Dale_T2', 'T2', 3, 2],
    ]);
    expect('text' in list[0]!).toBe(false);
    const source = await getSource(db, list[0]!.id);
    expect(source!.text.slice(source!.turns[1]!.start, source!.turns[1]!.end)).toBe('Hi there');
    expect(source!.turns.map((t) => t.speakerRole)).toEqual(['interviewer', 'participant']);
    const snapshot = await loadSnapshot(db);
    expect(snapshot.sources).toHaveLength(2);
    expect(snapshot.waves.map((w) => w.id)).toEqual(['T1', 'T2']);
    expect(await db.history.where('action').equals('sources.import').count()).toBe(1);
  });

  it('writes nothing when any part of the batch fails (one transaction)', async () => {
    await importFiles(prepared('Dale_T1.txt', 'a'));
    const setup = await loadSetup(db);
    const rows = planBatch([prepared('Asha_T1.txt', 'x'), prepared('Asha_T2.txt', 'y')], {
      participants: setup.participants,
      sources: [],
      waves: setup.waves,
    });
    const existingId = (await listSources(db))[0]!.id;
    let n = 0;
    // The second source reuses an existing id, so the bulkAdd fails half way.
    const batch = buildImport(rows, {}, setup.participants, () => (++n === 3 ? existingId : crypto.randomUUID()), 1);
    await expect(commitImport(db, batch)).rejects.toThrow();
    expect((await listSources(db)).map((s) => s.title)).toEqual(['Dale_T1']);
    expect((await loadSetup(db)).participants.map((p) => p.pseudonym)).toEqual(['Dale']);
  });

  it('assigns participant and wave, checking both exist, and deletes softly', async () => {
    await importFiles(prepared('notes.txt', 'a'));
    const [source] = await listSources(db);
    const p = await saveParticipant(db, newParticipant(crypto.randomUUID(), 'P07', 'man'));
    await updateSource(db, source!.id, { participantId: p.id, wave: 'T2', title: ' Notes ' });
    expect((await listSources(db))[0]).toMatchObject({ participantId: p.id, wave: 'T2', title: 'Notes' });
    await expect(updateSource(db, source!.id, { wave: 'T9' })).rejects.toThrow(/Unknown wave T9/);
    await expect(updateSource(db, source!.id, { participantId: 'nobody' })).rejects.toThrow(/no longer exists/);
    await expect(updateSource(db, source!.id, { title: ' ' })).rejects.toThrow(/needs a title/);
    await expect(softDeleteParticipant(db, p.id)).rejects.toThrow(/still has 1 transcript/);
    await softDeleteSource(db, source!.id);
    expect(await listSources(db)).toEqual([]);
    expect(await getSource(db, source!.id)).toBeUndefined();
    await softDeleteParticipant(db, p.id);
    // "notes" was proposed from the file name and created on import; P07 is gone.
    expect((await loadSetup(db)).participants.map((x) => x.pseudonym)).toEqual(['notes']);
    expect(await db.participants.get(p.id)).toMatchObject({ pseudonym: 'P07' });
  });
});

describe('setup', () => {
  it('saves waves and refuses to drop one holding transcripts', async () => {
    await importFiles(prepared('Dale_T2.txt', 'a'));
    await saveWaves(db, [
      { id: 'T1', label: 'Time 1', order: 0 },
      { id: 'T2', label: 'Time 2', order: 1 },
      { id: 'T3', label: 'Follow-up', order: 2 },
    ]);
    expect((await loadSetup(db)).waves.map((w) => w.label)).toEqual(['Time 1', 'Time 2', 'Follow-up']);
    await expect(saveWaves(db, [{ id: 'T1', label: 'Time 1', order: 0 }])).rejects.toThrow(/T2 still holds 1/);
    expect((await loadSetup(db)).waves).toHaveLength(3);
  });

  it('saves roles and the classification sheet all or nothing', async () => {
    await saveRoles(db, [...(await loadSetup(db)).roles, { id: '', label: 'Grandparent' }]);
    const gran = { ...newParticipant(crypto.randomUUID(), 'Mo', 'grandparent') };
    await saveParticipants(db, [gran], [{ name: 'age', type: 'number' }]);
    expect((await loadSetup(db)).participants[0]).toMatchObject({ pseudonym: 'Mo', role: 'grandparent', attributes: { age: null } });
    const bad = { ...newParticipant(crypto.randomUUID(), 'Zed', 'wizard') };
    await expect(saveParticipants(db, [{ ...gran, site: 'X' }, bad], [])).rejects.toThrow(/Unknown role/);
    expect((await loadSetup(db)).participants.map((p) => [p.pseudonym, p.site])).toEqual([['Mo', '']]);
  });
});

describe('sample project', () => {
  it('builds the fictional study through the import path', async () => {
    const entry = await createSampleProject();
    const snap = await loadSnapshot(projectDb(entry.id));
    // Six interviewed, and 28 women surveyed only (tests/store/sampleSurvey.test.ts).
    expect(snap.participants).toHaveLength(34);
    expect(new Set(snap.sources.map((s) => s.participantId)).size).toBe(6);
    expect(snap.sources).toHaveLength(12);
    for (const s of snap.sources) {
      expect(s.participantId).not.toBeNull();
      expect(['T1', 'T2']).toContain(s.wave);
      expect(s.turns.length).toBeGreaterThan(5);
      expect(s.turns.some((t) => t.speakerRole === 'interviewer')).toBe(true);
    }
    // The study codebook, two coders, and their codings, located by quote.
    expect(snap.coders.map((c) => c.name).sort()).toEqual(['Ana (coder A)', 'Ben (coder B)']);
    expect(snap.codes.length).toBeGreaterThan(40);
    expect(snap.codings.length).toBeGreaterThan(200);
    for (const c of snap.codings) {
      const text = snap.sources.find((s) => s.id === c.sourceId)!.text;
      expect(text.slice(c.start, c.end).trim()).toBe(text.slice(c.start, c.end));
    }
    const again = await createSampleProject();
    expect(again.name).toBe('Sample study (fictional) 2');
  });
});
