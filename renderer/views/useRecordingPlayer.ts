// The recording beside the transcript being coded: its sound and waveform (useRecordingSource.ts),
// and the media element the bar shows, driven from the text.
// Places in the text and moments of the sound are mapped by core/media (cues, timestamps, sync
// points, interpolated by words). The view learns of the turn being heard only when it changes,
// so playing never re-renders the transcript word by word.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { offsetAt, timeAt, withSyncPoint, type Peaks, type Recording, type TimedSource } from '../core/media';
import type { Source } from '../core/shared';
import { keysOf } from '../core/shortcuts';
import { turnHolding } from '../editor/playingTurn';
import type { ProjectDb } from '../store/projectDb';
import { saveSyncPoints } from '../store/projectRepo';
import { recordingOf } from '../store/recordings';
import { isMac } from './ShortcutSheet';
import { useRecordingSource, type RecordingSource } from './useRecordingSource';
import { currentShortcuts } from './useShortcuts';

export const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2];
/** Seconds the back and forward buttons (and F7, F8) skip. */
export const SKIP_SECONDS = 5;

export interface RecordingPlayer {
  /** undefined while loading, null when the transcript has none. */
  recording: Recording | null | undefined;
  url: string | null;
  peaks: Peaks | null;
  error: string | null;
  /** A linked recording that is not where it was, or no longer the same file. */
  lost: RecordingSource['lost'];
  findAgain: RecordingSource['findAgain'];
  media: HTMLMediaElement | null;
  /** The callback ref for the bar's <audio> or <video>. */
  setMedia(element: HTMLMediaElement | null): void;
  /** The start of the turn being heard (an offset into the text), null when not known. */
  playingAt: number | null;
  /** Plays from where `offset` is said; false (with `error` set) when the text has no time there. */
  playFrom(offset: number): boolean;
  /** Plays `start` to `end` of the text alone, then stops. */
  playRange(start: number, end: number): boolean;
  toggle(): void;
  skip(seconds: number): void;
  setSpeed(speed: number): void;
  /** Whether the text has any time at all (cues, timestamps or sync points). */
  timed: boolean;
  /** Sets a sync point: the turn holding `offset` starts at the moment being played. */
  syncHere(offset: number, actor: string): Promise<void>;
  /** The researcher's sync points of this transcript. */
  syncCount: number;
  clearSync(actor: string): Promise<void>;
}

const NO_TURNS: Source['turns'] = [];

/** Where the turn holding `offset` starts (0 before the first): a binary search, as it runs every frame. */
function turnStart(turns: Source['turns'], offset: number): number {
  const i = turnHolding(turns, offset);
  return i < 0 ? 0 : turns[i]!.start;
}

/**
 * Plays, saying why it cannot. A pause (a key, a passage's end) before the sound has started
 * rejects play() with an AbortError: that is the researcher's own doing, not a problem to show.
 */
function play(media: HTMLMediaElement, setError: (message: string) => void): void {
  media.play().catch((e: unknown) => {
    if (!(e instanceof DOMException && e.name === 'AbortError')) setError(e instanceof Error ? e.message : String(e));
  });
}

/** The player of `source`'s recording; `source` null while the transcript loads. */
export function useRecordingPlayer(db: ProjectDb, source: Source | null | undefined): RecordingPlayer {
  const sourceId = source?.id ?? null;
  const recording = useLiveQuery(async () => (sourceId ? ((await recordingOf(db, sourceId)) ?? null) : null), [db, sourceId]);
  const text = source?.text ?? '';
  const turns = source?.turns ?? NO_TURNS;
  const syncPoints = source?.syncPoints;
  const sound = useRecordingSource(db, recording);
  const [error, setError] = useState<string | null>(null);
  const [media, setMedia] = useState<HTMLMediaElement | null>(null);
  const [duration, setDuration] = useState<number | undefined>(undefined);
  const [playingAt, setPlayingAt] = useState<number | null>(null);
  const stopAt = useRef<number | null>(null);
  const fileName = recording?.fileName ?? 'The recording';

  const timedSource: TimedSource = useMemo(
    () => ({ text, turns, syncPoints, duration: duration ?? recording?.duration ?? undefined }),
    [text, turns, syncPoints, duration, recording?.duration],
  );
  const timed = useMemo(() => timeAt(timedSource, 0) !== null || turns.some((t) => t.startTime !== undefined), [timedSource, turns]);

  // Where the sound is, as the start of the turn being heard; and a passage's end, to the frame.
  useEffect(() => {
    if (!media) return;
    let frame = 0;
    const turnStartAt = (seconds: number) => {
      const offset = offsetAt(timedSource, seconds);
      if (offset === null) return null;
      return turnStart(turns, offset);
    };
    const update = () => {
      const now = media.currentTime;
      if (stopAt.current !== null && now >= stopAt.current) {
        media.pause();
        stopAt.current = null;
      }
      setPlayingAt(turnStartAt(now));
    };
    const tick = () => {
      update();
      frame = media.paused ? 0 : requestAnimationFrame(tick);
    };
    const onPlay = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(tick);
    };
    const onMeta = () => setDuration(Number.isFinite(media.duration) ? media.duration : undefined);
    // A file named .mp3 that is not one, or cut short: said, not a silent player.
    const onError = () =>
      setError(`${fileName} cannot be played: it is damaged, or not the kind of file its name says. Attach the recording again.`);
    media.addEventListener('error', onError);
    media.addEventListener('play', onPlay);
    media.addEventListener('seeked', update);
    media.addEventListener('loadedmetadata', onMeta);
    if (media.readyState >= 1) onMeta();
    return () => {
      cancelAnimationFrame(frame);
      media.removeEventListener('play', onPlay);
      media.removeEventListener('seeked', update);
      media.removeEventListener('loadedmetadata', onMeta);
      media.removeEventListener('error', onError);
    };
  }, [media, timedSource, turns, fileName]);

  const noTime = () =>
    `This transcript has no time for that place yet: while it plays, put the cursor in a turn and press ${keysOf('syncTurn', isMac(), currentShortcuts())} as it starts (a sync point), or import it with its times (captions, Whisper, Otter, timestamps).`;
  const seekAndPlay = useCallback(
    (seconds: number, until: number | null) => {
      if (!media) return;
      stopAt.current = until;
      media.currentTime = seconds;
      play(media, setError);
    },
    [media],
  );
  const playFrom = useCallback(
    (offset: number) => {
      const at = timeAt(timedSource, offset);
      if (at === null) return (setError(noTime()), false);
      setError(null);
      seekAndPlay(at, null);
      return true;
    },
    [timedSource, seekAndPlay],
  );
  const playRange = useCallback(
    (start: number, end: number) => {
      const from = timeAt(timedSource, start);
      const to = timeAt(timedSource, end);
      if (from === null || to === null) return (setError(noTime()), false);
      setError(null);
      seekAndPlay(from, Math.max(to, from + 0.25));
      return true;
    },
    [timedSource, seekAndPlay],
  );
  const toggle = useCallback(() => {
    if (!media) return;
    stopAt.current = null;
    if (media.paused) play(media, setError);
    else media.pause();
  }, [media]);
  const skip = useCallback(
    (seconds: number) => {
      if (!media) return;
      const end = Number.isFinite(media.duration) ? media.duration : Infinity;
      media.currentTime = Math.min(end, Math.max(0, media.currentTime + seconds));
    },
    [media],
  );
  const setSpeed = useCallback(
    (speed: number) => {
      if (media) media.playbackRate = speed;
    },
    [media],
  );

  const syncHere = useCallback(
    async (offset: number, actor: string) => {
      if (!media || !sourceId) return;
      const start = turnStart(turns, offset);
      try {
        await saveSyncPoints(
          db,
          sourceId,
          withSyncPoint(syncPoints ?? [], { offset: start, seconds: Math.round(media.currentTime * 1000) / 1000 }),
          actor,
        );
        setError(null);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    },
    [db, media, sourceId, turns, syncPoints],
  );
  const clearSync = useCallback(
    async (actor: string) => {
      if (sourceId) await saveSyncPoints(db, sourceId, [], actor);
    },
    [db, sourceId],
  );

  return {
    recording,
    url: sound.url,
    peaks: sound.peaks,
    error: error ?? sound.error,
    lost: sound.lost,
    findAgain: sound.findAgain,
    media,
    setMedia,
    playingAt,
    playFrom,
    playRange,
    toggle,
    skip,
    setSpeed,
    timed,
    syncHere,
    syncCount: syncPoints?.length ?? 0,
    clearSync,
  };
}
