// Issue 23's recording figures: an hour-long interview recorded at 8 kHz mono (a 57.6 MB WAV,
// tests/fixtures/makeWav.ts) attached to a transcript as the Coding view does it (hashed,
// chunked, its waveform read and all kept in one transaction, in the recording worker), then
// shown as the player shows it (its bytes decoded in the worker into a Blob URL, its waveform read back), and seeking
// in it with a real <audio> element (the median and slowest of 20 seeks).
import { projectDb } from '../../../renderer/store/projectDb';
import { createProject } from '../../../renderer/store/projects';
import { recordingPeaks } from '../../../renderer/store/recordings';
import { attachRecordingOffThread, recordingBlobOffThread } from '../../../renderer/store/recordingsOffThread';
import { makeWav } from '../../fixtures/makeWav';
import { discardProject } from './discard';
import { watchLongTasks } from './longTasks';
import { time } from './timing';

const HOUR = 3600;

export async function runRecordingBench(): Promise<Record<string, number>> {
  // Speech-like: a tone for 8 s of every 10, so the waveform has something to show.
  const tones = Array.from({ length: HOUR / 10 }, (_, i) => ({ from: i * 10, to: i * 10 + 8, hz: 180 + (i % 7) * 30 }));
  const wav = makeWav({ seconds: HOUR, sampleRate: 8000, tones });
  const entry = await createProject('Recording bench');
  const db = projectDb(entry.id);
  const sourceId = crypto.randomUUID();
  const origin = { fileName: 'hour.txt', format: 'txt', sha256: '', importedAt: 0 };
  await db.sources.add({ id: sourceId, participantId: null, wave: null, title: 'Hour', origin, wordCount: 0, turnCount: 0 });
  let progressReports = 0;
  const megabytes = wav.length / 1e6; // the file's bytes are moved to the worker
  const [[[recording, attachMs], [[url, peaksColumns], showMs]], tasks] = await watchLongTasks(async () => {
    const attached = await time(() =>
      attachRecordingOffThread(db, sourceId, { fileName: 'hour.wav', bytes: wav }, '', () => progressReports++),
    );
    // As the player opens it: the bytes as a URL (decoded in the worker), the waveform read back.
    const shown = await time(async () => {
      const [blob, peaks] = await Promise.all([recordingBlobOffThread(db, attached[0]), recordingPeaks(db, attached[0].id)]);
      return [URL.createObjectURL(blob), peaks?.levels.length ?? 0] as const;
    });
    return [attached, shown] as const;
  });
  const audio = new Audio();
  audio.preload = 'auto';
  audio.src = url;
  await new Promise((resolve, reject) => {
    audio.onloadedmetadata = resolve;
    audio.onerror = () => reject(new Error('the bench recording did not load'));
  });
  const seeks: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const target = ((i * 7919) % HOUR) + 0.5;
    const t0 = performance.now();
    await new Promise((resolve) => {
      audio.onseeked = resolve;
      audio.currentTime = target;
    });
    seeks.push(performance.now() - t0);
  }
  seeks.sort((a, b) => a - b);
  audio.removeAttribute('src');
  audio.load();
  URL.revokeObjectURL(url);
  await discardProject(entry.id);
  return {
    megabytes,
    seconds: HOUR,
    attachMs,
    showMs,
    attachAndShowMs: attachMs + showMs,
    peaksColumns,
    chunks: recording.chunkCount,
    progressReports,
    longestTaskMs: tasks.longestMs,
    tasksOver100: tasks.over100,
    seekMedianMs: seeks[10]!,
    seekSlowestMs: seeks[19]!,
    durationSeconds: audio.duration,
  };
}
