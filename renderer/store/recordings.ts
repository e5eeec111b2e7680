// Recordings beside transcripts: kept in the project, or (desktop app) linked to a file on the
// computer, which stays where it is and which the app serves by a token (main makes it and
// never takes a path from the page). Kept ones are attached whole or not at all (the record,
// every chunk and the waveform in one transaction, after the space is checked), read back as a
// Blob the player plays. Removing one keeps its record (the history names it) but deletes its
// copy of the bytes at once: a researcher who takes a recording out of a project expects the
// voice gone from it, and the file on the computer is untouched. The window attaches and reads
// through the recording worker (recordingsOffThread.ts), which calls these.
import { chunksFor, recordingType, type Peaks, type Recording } from '../core/media';
import { formatSize, ValidationError } from '../core/shared';
import { fromBase64, toBase64 } from '../io/base64';
import type { ProjectDb, RecordingChunk } from './projectDb';
import type { PreparedRecording } from './recordingPrep';
import { withSpace } from './space';

/** The chunk index of a recording's waveform. */
const PEAKS = -1;
const chunkId = (recordingId: string, index: number) => `${recordingId}:${index}`;

/** The live recording of a transcript, if it has one. */
export async function recordingOf(db: ProjectDb, sourceId: string): Promise<Recording | undefined> {
  const all = await db.recordings.where('sourceId').equals(sourceId).toArray();
  return all.filter((r) => r.deletedAt == null).sort((a, b) => b.createdAt - a.createdAt)[0];
}

/** The bytes a recording takes in the project (base64 chunks, the waveform aside). */
export function storedSize(size: number): number {
  return Math.ceil(size / 3) * 4;
}

/**
 * Keeps a prepared recording in the project beside transcript `sourceId`, in place of the one it
 * had (that one is removed softly). All or nothing; refused before anything is written when the
 * space is not there.
 */
export async function attachRecording(
  db: ProjectDb,
  sourceId: string,
  file: { fileName: string },
  prepared: PreparedRecording,
  actor = '',
  now = Date.now(),
): Promise<Recording> {
  const type = recordingType(file.fileName);
  if ('problem' in type) throw new ValidationError(type.problem);
  if (prepared.chunks.length !== chunksFor(prepared.size)) throw new Error('The recording was not prepared whole.');
  const recording: Recording = {
    id: crypto.randomUUID(),
    sourceId,
    fileName: file.fileName,
    mediaType: type.mediaType,
    size: prepared.size,
    sha256: prepared.sha256,
    storage: 'project',
    chunkCount: prepared.chunks.length,
    duration: prepared.peaks?.duration ?? null,
    createdAt: now,
  };
  const chunks: RecordingChunk[] = prepared.chunks.map((data, index) => ({
    id: chunkId(recording.id, index),
    recordingId: recording.id,
    index,
    data,
  }));
  if (prepared.peaks) chunks.push(peaksChunk(recording.id, prepared.peaks));
  const need = { what: `the recording ${file.fileName}`, neededBytes: storedSize(prepared.size) };
  await withSpace(need, () =>
    db.transaction('rw', [db.sources, db.recordings, db.recordingChunks, db.history], async () => {
      const source = await db.sources.get(sourceId);
      if (!source || source.deletedAt != null) throw new ValidationError('That transcript no longer exists.');
      const before = await recordingOf(db, sourceId);
      if (before) await dropRecording(db, before.id, now);
      await db.recordings.add(recording);
      await db.recordingChunks.bulkAdd(chunks);
      await db.history.add({
        at: now,
        actor,
        action: 'recording.attach',
        summary: `Attached the recording ${file.fileName} (${formatSize(prepared.size)}) to ${source.title}`,
        undoable: false,
        data: { sourceId, recordingId: recording.id, replaced: before?.id ?? null },
      });
    }),
  );
  return recording;
}

/** A file the desktop app linked (platform/contract's LinkedRecordingFile). */
export interface LinkedFile {
  token: string;
  fileName: string;
  path: string;
  size: number;
  sha256: string;
}

/**
 * Links a file on this computer as the recording of transcript `sourceId`, in place of the one it
 * had: only the record is written (the file stays where it is, and the project does not grow).
 */
export async function linkRecording(db: ProjectDb, sourceId: string, file: LinkedFile, actor = '', now = Date.now()): Promise<Recording> {
  const type = recordingType(file.fileName);
  if ('problem' in type) throw new ValidationError(type.problem);
  const recording: Recording = {
    id: crypto.randomUUID(),
    sourceId,
    fileName: file.fileName,
    mediaType: type.mediaType,
    size: file.size,
    sha256: file.sha256,
    storage: 'file',
    chunkCount: 0,
    link: { token: file.token, path: file.path },
    duration: null,
    createdAt: now,
  };
  await db.transaction('rw', [db.sources, db.recordings, db.recordingChunks, db.history], async () => {
    const source = await db.sources.get(sourceId);
    if (!source || source.deletedAt != null) throw new ValidationError('That transcript no longer exists.');
    const before = await recordingOf(db, sourceId);
    if (before) await dropRecording(db, before.id, now);
    await db.recordings.add(recording);
    await db.history.add({
      at: now,
      actor,
      action: 'recording.link',
      summary: `Linked the recording ${file.fileName} (${formatSize(file.size)}, ${file.path}) to ${source.title}`,
      undoable: false,
      data: { sourceId, recordingId: recording.id, replaced: before?.id ?? null },
    });
  });
  return recording;
}

/** A linked recording found again at `path` (moved, or on another computer). */
export async function relinkedRecording(db: ProjectDb, recordingId: string, path: string, actor = '', now = Date.now()): Promise<void> {
  await db.transaction('rw', [db.recordings, db.history], async () => {
    const recording = await db.recordings.get(recordingId);
    if (!recording?.link || recording.deletedAt != null) return;
    await db.recordings.update(recordingId, { link: { ...recording.link, path } });
    await db.history.add({
      at: now,
      actor,
      action: 'recording.relink',
      summary: `Found the recording ${recording.fileName} at ${path}`,
      undoable: false,
      data: { sourceId: recording.sourceId, recordingId, path },
    });
  });
}

/** Marks a recording removed and deletes its stored bytes and waveform; inside a transaction on both tables. */
async function dropRecording(db: ProjectDb, recordingId: string, now: number): Promise<void> {
  await db.recordings.update(recordingId, { deletedAt: now });
  await db.recordingChunks.where('recordingId').equals(recordingId).delete();
}

/**
 * Takes a transcript's recording away: its record stays for the history, its bytes go (a linked
 * file is left untouched). Returns the recording removed, if there was one.
 */
export async function removeRecording(db: ProjectDb, recordingId: string, actor = '', now = Date.now()): Promise<Recording | undefined> {
  return db.transaction('rw', [db.recordings, db.recordingChunks, db.history], async () => {
    const recording = await db.recordings.get(recordingId);
    if (!recording || recording.deletedAt != null) return undefined;
    await dropRecording(db, recordingId, now);
    await db.history.add({
      at: now,
      actor,
      action: 'recording.remove',
      summary: `Removed the recording ${recording.fileName}`,
      undoable: false,
      data: { sourceId: recording.sourceId, recordingId },
    });
    return recording;
  });
}

/** A stored recording's bytes as the Blob the player plays; an error naming it if a chunk is missing. */
export async function recordingBlob(db: ProjectDb, recording: Recording): Promise<Blob> {
  const ids = Array.from({ length: recording.chunkCount }, (_, i) => chunkId(recording.id, i));
  const chunks = await db.recordingChunks.bulkGet(ids);
  const parts = chunks.map((chunk, i) => {
    if (!chunk)
      throw new ValidationError(
        `The recording ${recording.fileName} is incomplete in this project (part ${i + 1} of ${ids.length} is missing). Attach it again.`,
      );
    return fromBase64(chunk.data);
  });
  return new Blob(parts, { type: recording.mediaType });
}

/** The waveform kept for a recording, if any. */
export async function recordingPeaks(db: ProjectDb, recordingId: string): Promise<Peaks | null> {
  const chunk = await db.recordingChunks.get(chunkId(recordingId, PEAKS));
  if (!chunk?.peaks) return null;
  return { ...chunk.peaks, levels: fromBase64(chunk.data) };
}

/** Keeps a waveform the window decoded (and the duration it found), so it is decoded once. */
export async function keepPeaks(db: ProjectDb, recordingId: string, peaks: Peaks): Promise<void> {
  await db.transaction('rw', [db.recordings, db.recordingChunks], async () => {
    if (!(await db.recordings.get(recordingId))) return;
    await db.recordingChunks.put(peaksChunk(recordingId, peaks));
    await db.recordings.update(recordingId, { duration: peaks.duration });
  });
}

function peaksChunk(recordingId: string, peaks: Peaks): RecordingChunk {
  return {
    id: chunkId(recordingId, PEAKS),
    recordingId,
    index: PEAKS,
    data: toBase64(peaks.levels),
    peaks: { perSecond: peaks.perSecond, duration: peaks.duration },
  };
}
