// store/recordings.ts: a recording kept in the project whole or not at all, played back byte for
// byte, its waveform kept; replaced and removed with its bytes deleted; and erased with its
// transcript when that transcript is deleted for ever.
import { beforeEach, describe, expect, it } from 'vitest';
import { buildImport, planBatch, type PreparedFile } from '../../renderer/core/transcripts/batch';
import { exportArchive, importArchive } from '../../renderer/store/archive';
import { purgeSource } from '../../renderer/store/bin';
import { projectDb, type ProjectDb } from '../../renderer/store/projectDb';
import { commitImport, loadSetup, softDeleteSource } from '../../renderer/store/projectRepo';
import { createProject } from '../../renderer/store/projects';
import { prepareRecording } from '../../renderer/store/recordingPrep';
import {
  attachRecording,
  keepPeaks,
  linkRecording,
  recordingBlob,
  recordingOf,
  recordingPeaks,
  relinkedRecording,
  removeRecording,
  type LinkedFile,
} from '../../renderer/store/recordings';
import { attachRecordingOffThread, recordingBlobOffThread } from '../../renderer/store/recordingsOffThread';
import { makeWav } from '../fixtures/makeWav';
import { encryptProject } from '../../renderer/store/encryption';
import { freshRegistry, rawDump } from './helpers';

let db: ProjectDb;
let sourceId: string;
beforeEach(async () => {
  freshRegistry();
  db = projectDb((await createProject(`P ${crypto.randomUUID()}`)).id);
  const text = 'Interviewer: Hello\nKieran: Hi there';
  const file: PreparedFile = {
    fileName: 'Kieran_T2.txt',
    sha256: 'k',
    format: 'txt',
    text,
    turns: [
      { start: 13, end: 18, speaker: 'Interviewer' },
      { start: 27, end: text.length, speaker: 'Kieran' },
    ],
    warnings: [],
  };
  const setup = await loadSetup(db);
  const rows = planBatch([file], { participants: setup.participants, sources: [], waves: setup.waves });
  const batch = buildImport(rows, { Interviewer: 'interviewer', Kieran: 'participant' }, setup.participants, () => crypto.randomUUID(), 1);
  await commitImport(db, batch);
  sourceId = batch.sources[0]!.id;
});

// Over two chunks (1 MB each): 70 s at 8 kHz mono is 1.12 MB.
const wav = makeWav({ seconds: 70, tones: [{ from: 10, to: 20, hz: 300 }] });
/** Bytes that do not compress, as a recorder's mp3 does not. */
function noise(length: number): Uint8Array {
  let seed = 7;
  return Uint8Array.from({ length }, () => (seed = (seed * 48271) % 2147483647) & 255);
}
const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

describe('recordings kept in the project', () => {
  it('keeps a WAV in chunks, plays back the same bytes, and keeps its waveform', async () => {
    const progress: number[] = [];
    const prepared = await prepareRecording(wav, 'Kieran_T2.wav', (done) => progress.push(done));
    expect(progress).toEqual([1, 2, 3, 4]);
    const recording = await attachRecording(db, sourceId, { fileName: 'Kieran_T2.wav' }, prepared, 'Tess', 5);
    expect(recording).toMatchObject({
      sourceId,
      fileName: 'Kieran_T2.wav',
      mediaType: 'audio/wav',
      size: wav.length,
      chunkCount: 2,
      storage: 'project',
      duration: 70,
    });
    expect(recording.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await recordingOf(db, sourceId)).toEqual(recording);
    const blob = await recordingBlob(db, recording);
    expect(blob.type).toBe('audio/wav');
    expect(await bytesOf(blob)).toEqual(wav);
    const peaks = await recordingPeaks(db, recording.id);
    expect(peaks?.levels.length).toBe(1400);
    expect(peaks?.levels[300]).toBe(93);
    const log = await db.history.toArray();
    expect(log.at(-1)).toMatchObject({
      action: 'recording.attach',
      actor: 'Tess',
      summary: 'Attached the recording Kieran_T2.wav (1.1 MB) to Kieran_T2',
    });
  });

  it('keeps a waveform decoded later, and the length it found', async () => {
    const mp3 = new Uint8Array([0x49, 0x44, 0x33, 1, 2, 3]);
    const recording = await attachRecording(db, sourceId, { fileName: 'k.mp3' }, await prepareRecording(mp3, 'k.mp3'));
    expect(recording.duration).toBeNull();
    expect(await recordingPeaks(db, recording.id)).toBeNull();
    await keepPeaks(db, recording.id, { perSecond: 20, duration: 1.5, levels: new Uint8Array([1, 2, 3]) });
    expect(await recordingPeaks(db, recording.id)).toEqual({ perSecond: 20, duration: 1.5, levels: new Uint8Array([1, 2, 3]) });
    expect((await recordingOf(db, sourceId))?.duration).toBe(1.5);
  });

  it('replaces a recording: the new one is live, the old one’s bytes are gone', async () => {
    const first = await attachRecording(db, sourceId, { fileName: 'a.wav' }, await prepareRecording(wav, 'a.wav'), '', 1);
    const second = await attachRecording(db, sourceId, { fileName: 'b.wav' }, await prepareRecording(wav, 'b.wav'), '', 2);
    expect((await recordingOf(db, sourceId))?.id).toBe(second.id);
    expect((await db.recordings.get(first.id))?.deletedAt).toBe(2);
    expect(await db.recordingChunks.where('recordingId').equals(first.id).count()).toBe(0);
    await removeRecording(db, second.id, 'Tess', 3);
    expect(await recordingOf(db, sourceId)).toBeUndefined();
    expect(await db.recordingChunks.count()).toBe(0);
    expect((await db.history.toArray()).at(-1)).toMatchObject({ action: 'recording.remove', summary: 'Removed the recording b.wav' });
  });

  it('attaches and reads back through the worker’s entry points (here, with no worker, on this thread)', async () => {
    const progress: number[] = [];
    const recording = await attachRecordingOffThread(db, sourceId, { fileName: 'k.wav', bytes: wav.slice() }, 'Tess', (d) =>
      progress.push(d),
    );
    expect(progress.at(-1)).toBe(4);
    expect(await bytesOf(await recordingBlobOffThread(db, recording))).toEqual(wav);
    await expect(attachRecordingOffThread(db, sourceId, { fileName: 'k.txt', bytes: wav })).rejects.toThrow(/^k\.txt is a \.txt file/);
  });

  it('writes nothing for a file that cannot be a recording, or a transcript that is gone', async () => {
    const prepared = await prepareRecording(wav, 'a.wav');
    await expect(attachRecording(db, sourceId, { fileName: 'a.docx' }, prepared)).rejects.toThrow(
      /a\.docx is a \.docx file; a recording must be/,
    );
    await expect(attachRecording(db, 'gone', { fileName: 'a.wav' }, prepared)).rejects.toThrow('That transcript no longer exists.');
    expect(await db.recordings.count()).toBe(0);
    expect(await db.recordingChunks.count()).toBe(0);
  });

  it('says which part is missing when a stored recording is incomplete', async () => {
    const recording = await attachRecording(db, sourceId, { fileName: 'a.wav' }, await prepareRecording(wav, 'a.wav'));
    await db.recordingChunks.delete(`${recording.id}:1`);
    await expect(recordingBlob(db, recording)).rejects.toThrow(
      'The recording a.wav is incomplete in this project (part 2 of 2 is missing). Attach it again.',
    );
  });

  it('goes into the project archive and comes back from it byte for byte, waveform and all', async () => {
    // Sound as a recorder stores it does not compress 200 to 1, as this test's silent WAV would
    // (the archive's reader refuses that as a zip bomb): bytes that look like an mp3's, then.
    const mp3 = noise(1_500_000);
    const recording = await attachRecording(db, sourceId, { fileName: 'a.mp3' }, await prepareRecording(mp3, 'a.mp3'));
    await keepPeaks(db, recording.id, { perSecond: 20, duration: 2, levels: new Uint8Array([9, 8, 7]) });
    const restored = projectDb((await importArchive(await exportArchive(db.projectId), 'P.mirabal')).id);
    const back = await recordingOf(restored, sourceId);
    expect(back).toEqual({ ...recording, duration: 2 });
    expect(await bytesOf(await recordingBlob(restored, back!))).toEqual(mp3);
    expect(await recordingPeaks(restored, recording.id)).toEqual({ perSecond: 20, duration: 2, levels: new Uint8Array([9, 8, 7]) });
  });

  it('is sealed in an encrypted project: no chunk of the sound, nor its name, is in the database in clear', async () => {
    await encryptProject(db.projectId, 'seven blue herons at dusk');
    const sound = noise(1_200_000);
    const prepared = await prepareRecording(sound, 'Zephyrine_T1.mp3');
    const recording = await attachRecording(db, sourceId, { fileName: 'Zephyrine_T1.mp3' }, prepared);
    const { text } = await rawDump(db.projectId);
    expect(text).not.toContain('Zephyrine');
    for (const chunk of prepared.chunks) expect(text).not.toContain(chunk.slice(1000, 1040));
    expect(await bytesOf(await recordingBlob(db, recording))).toEqual(sound);
  });

  it('erases the recording with its transcript when the transcript is deleted for ever', async () => {
    await attachRecording(db, sourceId, { fileName: 'a.wav' }, await prepareRecording(wav, 'a.wav'));
    await softDeleteSource(db, sourceId);
    await purgeSource(db, sourceId);
    expect(await db.recordings.count()).toBe(0);
    expect(await db.recordingChunks.count()).toBe(0);
  });
});

describe('recordings linked to a file on the computer (desktop app)', () => {
  const file: LinkedFile = {
    token: '0b6c1a52-9d4e-4c3a-8f7e-2d1b0a9c8e7f',
    fileName: 'Kieran_T2.m4a',
    path: '/home/tess/Interviews/Kieran_T2.m4a',
    size: 57_600_044,
    sha256: 'a'.repeat(64),
  };

  it('keeps only the record: where the file is, its token and fingerprint; no bytes, no space', async () => {
    const kept = await attachRecording(db, sourceId, { fileName: 'a.wav' }, await prepareRecording(wav, 'a.wav'));
    const linked = await linkRecording(db, sourceId, file, 'Tess', 9);
    expect(linked).toMatchObject({
      sourceId,
      fileName: 'Kieran_T2.m4a',
      mediaType: 'audio/mp4',
      size: 57_600_044,
      sha256: file.sha256,
      storage: 'file',
      chunkCount: 0,
      link: { token: file.token, path: file.path },
    });
    expect(await recordingOf(db, sourceId)).toEqual(linked);
    // The kept one it replaced is out, with its bytes.
    expect((await db.recordings.get(kept.id))!.deletedAt).toBe(9);
    expect(await db.recordingChunks.where('recordingId').equals(kept.id).count()).toBe(0);
    const history = await db.history.where('action').equals('recording.link').toArray();
    expect(history.map((h) => h.summary)).toEqual([`Linked the recording Kieran_T2.m4a (55 MB, ${file.path}) to Kieran_T2`]);
  });

  it('records where a moved file was found, keeping its token', async () => {
    const linked = await linkRecording(db, sourceId, file);
    await relinkedRecording(db, linked.id, '/media/usb/Kieran_T2.m4a', 'Tess', 11);
    expect((await recordingOf(db, sourceId))!.link).toEqual({ token: file.token, path: '/media/usb/Kieran_T2.m4a' });
    const history = await db.history.where('action').equals('recording.relink').toArray();
    expect(history.map((h) => h.summary)).toEqual(['Found the recording Kieran_T2.m4a at /media/usb/Kieran_T2.m4a']);
  });

  it('gives back what it removed, so the app can forget the token; the file is not the project’s to delete', async () => {
    const linked = await linkRecording(db, sourceId, file);
    const removed = await removeRecording(db, linked.id, 'Tess', 12);
    expect(removed?.link?.token).toBe(file.token);
    expect(await recordingOf(db, sourceId)).toBeUndefined();
    expect(await removeRecording(db, linked.id)).toBeUndefined();
  });

  it('refuses a file that cannot be a recording, or a transcript that is gone, writing nothing', async () => {
    await expect(linkRecording(db, sourceId, { ...file, fileName: 'notes.docx' })).rejects.toThrow('notes.docx is a .docx file');
    await softDeleteSource(db, sourceId);
    await expect(linkRecording(db, sourceId, file)).rejects.toThrow('no longer exists');
    expect(await db.recordings.count()).toBe(0);
  });

  it('keeps where the file is sealed in an encrypted project', async () => {
    await encryptProject(db.projectId, 'seven blue herons at dusk');
    await linkRecording(db, sourceId, { ...file, path: '/home/tess/Zephyrine/secret.m4a', fileName: 'Zephyrine.m4a' });
    const { text } = await rawDump(db.projectId);
    expect(text).not.toContain('Zephyrine');
    expect((await recordingOf(db, sourceId))!.link!.path).toBe('/home/tess/Zephyrine/secret.m4a');
  });
});
