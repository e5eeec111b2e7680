// Where the player's sound comes from, and its waveform: a kept recording's bytes as a Blob URL
// (read in the recording worker), or a linked one's file served by the desktop app by its
// token, once the app says the file is still there. A linked file that has moved is found
// again by the researcher ("Find the recording…"), matched by size and SHA-256. The waveform
// is the one kept, or decoded once and kept.
import { useCallback, useEffect, useState } from 'react';
import { PEAKS_MAX_BYTES, type Peaks, type Recording } from '../core/media';
import { decodePeaks } from '../platform/audioPeaks';
import { getPlatform, type RecordingLinkStatus } from '../platform/platform';
import type { ProjectDb } from '../store/projectDb';
import { keepPeaks, recordingPeaks, relinkedRecording } from '../store/recordings';
import { recordingBlobOffThread } from '../store/recordingsOffThread';

export interface RecordingSource {
  url: string | null;
  peaks: Peaks | null;
  error: string | null;
  /** A linked recording not where it was ('missing') or no longer the same file ('changed'). */
  lost: Exclude<RecordingLinkStatus, 'ok'> | null;
  /** "Find the recording…": a dialog, the file chosen matched by size and SHA-256. */
  findAgain(actor: string): Promise<void>;
}

/** The reference main checks a linked recording by. */
const refOf = (recording: Recording) => ({
  token: recording.link?.token ?? '',
  fileName: recording.fileName,
  size: recording.size,
  sha256: recording.sha256,
});

export function useRecordingSource(db: ProjectDb, recording: Recording | null | undefined): RecordingSource {
  const [url, setUrl] = useState<string | null>(null);
  const [peaks, setPeaks] = useState<Peaks | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [lost, setLost] = useState<RecordingSource['lost']>(null);
  /** Counts finds: a recording found again is loaded again. */
  const [found, setFound] = useState(0);
  const recordingId = recording?.id ?? null;

  useEffect(() => {
    setUrl(null);
    setPeaks(null);
    setError(null);
    setLost(null);
    if (!recording) return;
    let gone = false;
    let made: string | null = null;
    void (async () => {
      try {
        /** The bytes, when the waveform is wanted: a Blob kept here, or the linked file through main. */
        let bytes: () => Promise<Blob>;
        if (recording.storage === 'file') {
          const files = getPlatform().recordingFiles;
          if (!files || !recording.link)
            throw new Error(
              `${recording.fileName} is linked to a file on a computer, and only the desktop app can play it. Attach it here again to keep a copy in the project.`,
            );
          const status = await files.status(refOf(recording));
          if (gone) return;
          if (status !== 'ok') return setLost(status);
          setUrl(files.url(recording.link.token));
          const ref = refOf(recording);
          bytes = async () => new Blob([(await files.bytes(ref)) as Uint8Array<ArrayBuffer>], { type: recording.mediaType });
        } else {
          const blob = await recordingBlobOffThread(db, recording);
          if (gone) return;
          setUrl((made = URL.createObjectURL(blob)));
          bytes = async () => blob;
        }
        let kept = await recordingPeaks(db, recording.id);
        if (!kept && recording.size <= PEAKS_MAX_BYTES) {
          kept = await decodePeaks(await bytes());
          if (kept) await keepPeaks(db, recording.id, kept);
        }
        if (!gone) setPeaks(kept);
      } catch (e) {
        if (!gone) setError(e instanceof Error ? e.message : String(e));
      }
    })();
    return () => {
      gone = true;
      if (made) URL.revokeObjectURL(made);
    };
    // A new recording (not a new copy of the same record) loads again, as does one found again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, recordingId, found]);

  const findAgain = useCallback(
    async (actor: string) => {
      const files = getPlatform().recordingFiles;
      if (!recording || !files) return;
      try {
        const result = await files.relink(refOf(recording));
        if (result.kind === 'cancelled') return;
        if (result.kind === 'wrong')
          return setError(
            `${result.fileName} is not the recording ${recording.fileName}: its contents differ from the file that was linked, and no file beside it is the one. Choose the recording itself.`,
          );
        await relinkedRecording(db, recording.id, result.path, actor);
        setFound((n) => n + 1);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    },
    [db, recording],
  );

  return { url, peaks, error, lost, findAgain };
}
