// The player above the transcript in the Coding view: play/pause, back and forward 5 s, speed
// 0.5-2x, the time, the waveform (click to go there), following the turn being heard, and the
// recording's own menu (replace, remove). Its keys (F9 or Ctrl+Space, F7, F8, …) are in the
// shortcut registry; CodingView listens for them.
import { useEffect, useRef, useState } from 'react';
import { formatTime, isVideo, type Peaks } from '../core/media';
import type { ProjectDb } from '../store/projectDb';
import { keysOf } from '../core/shortcuts';
import { getPlatform } from '../platform/platform';
import { removeRecording } from '../store/recordings';
import { AttachRecording } from './AttachRecording';
import { Confirm } from './common';
import { isMac } from './ShortcutSheet';
import { SKIP_SECONDS, SPEEDS, type RecordingPlayer } from './useRecordingPlayer';
import { useShortcuts } from './useShortcuts';

export function RecordingBar(props: {
  player: RecordingPlayer;
  db: ProjectDb;
  sourceId: string;
  actor: string;
  follow: boolean;
  onFollow(follow: boolean): void;
}) {
  const { player } = props;
  const { recording, media } = player;
  const [time, setTime] = useState(0);
  const [paused, setPaused] = useState(true);
  const [speed, setSpeed] = useState(1);
  const [duration, setDuration] = useState(0);
  const [removing, setRemoving] = useState(false);
  const shortcuts = useShortcuts();
  const mac = isMac();
  useEffect(() => {
    if (!media) return;
    const sync = () => {
      setTime(media.currentTime);
      setPaused(media.paused);
      setDuration(Number.isFinite(media.duration) ? media.duration : 0);
      setSpeed(media.playbackRate);
    };
    const events = ['timeupdate', 'play', 'pause', 'seeked', 'loadedmetadata', 'ratechange', 'ended'];
    for (const e of events) media.addEventListener(e, sync);
    sync();
    return () => {
      for (const e of events) media.removeEventListener(e, sync);
    };
  }, [media]);

  // While the recording is looked up, the bar's place is kept: the transcript must not jump
  // down under a click a moment later.
  if (recording === undefined) return <div className="recording-bar empty" aria-hidden />;
  if (recording === null)
    return (
      <div className="recording-bar empty">
        <AttachRecording db={props.db} sourceId={props.sourceId} actor={props.actor} replacing={false} />
        <span className="muted small">
          Listen while coding: mp3, m4a, wav, ogg, webm or mp4,{' '}
          {getPlatform().recordingFiles ? 'linked where it is or kept in this project' : 'kept in this project'}.
        </span>
      </div>
    );
  const video = isVideo(recording);
  const linked = recording.storage === 'file';
  const length = duration || recording.duration || player.peaks?.duration || 0;
  return (
    <div className="recording-bar" aria-label={`Recording: ${recording.fileName}`} role="region">
      {player.url &&
        (video ? (
          <video ref={player.setMedia} src={player.url} className="recording-video" preload="metadata" />
        ) : (
          <audio ref={player.setMedia} src={player.url} preload="metadata" />
        ))}
      <button
        type="button"
        onClick={player.toggle}
        aria-label={paused ? 'Play' : 'Pause'}
        title={`${paused ? 'Play' : 'Pause'} (${keysOf('playPauseF9', mac, shortcuts)} or ${keysOf('playPause', mac, shortcuts)})`}
        disabled={!media}
      >
        {paused ? '▶' : '❚❚'}
      </button>
      <button
        type="button"
        onClick={() => player.skip(-SKIP_SECONDS)}
        aria-label={`Back ${SKIP_SECONDS} seconds`}
        title={`Back 5 s (${keysOf('playBack', mac, shortcuts)})`}
        disabled={!media}
      >
        «{SKIP_SECONDS}
      </button>
      <button
        type="button"
        onClick={() => player.skip(SKIP_SECONDS)}
        aria-label={`Forward ${SKIP_SECONDS} seconds`}
        title={`Forward 5 s (${keysOf('playForward', mac, shortcuts)})`}
        disabled={!media}
      >
        {SKIP_SECONDS}»
      </button>
      <select aria-label="Speed" value={String(speed)} onChange={(e) => player.setSpeed(Number(e.target.value))} disabled={!media}>
        {SPEEDS.map((s) => (
          <option key={s} value={String(s)}>
            {s}×
          </option>
        ))}
      </select>
      <span className="recording-time small" aria-label="Time">
        {formatTime(time)} / {formatTime(length)}
      </span>
      <Waveform peaks={player.peaks} time={time} length={length} onSeek={(s) => media && (media.currentTime = s)} />
      <label className="small">
        <input type="checkbox" checked={props.follow} onChange={(e) => props.onFollow(e.target.checked)} /> Follow
      </label>
      <AttachRecording db={props.db} sourceId={props.sourceId} actor={props.actor} replacing />
      <button type="button" onClick={() => setRemoving(true)}>
        Remove
      </button>
      {removing && (
        <Confirm
          title="Remove the recording"
          message={
            linked
              ? `Unlink ${recording.fileName} from this project? The file on your computer stays where it is.`
              : `Remove ${recording.fileName} from this project? Its copy here is deleted; the file on your computer stays.`
          }
          confirmLabel="Remove"
          danger
          onConfirm={async () => {
            const removed = await removeRecording(props.db, recording.id, props.actor);
            // Main forgetting the token is tidiness: the record is gone either way.
            if (removed?.link)
              await getPlatform()
                .recordingFiles?.unlink(removed.link.token)
                .catch(() => undefined);
            setRemoving(false);
          }}
          onCancel={() => setRemoving(false)}
        />
      )}
      {linked && recording.link && (
        <span className="muted small recording-link" title={recording.link.path}>
          Linked: {recording.link.path}
        </span>
      )}
      {player.lost && (
        <span role="alert" className="error small">
          {player.lost === 'missing'
            ? `${recording.fileName} is not where it was (${recording.link?.path ?? 'on this computer'}): it was moved, renamed, or this is another computer.`
            : `The file at ${recording.link?.path ?? 'its place'} is no longer ${recording.fileName} as it was linked (its size differs).`}{' '}
          <button type="button" onClick={() => void player.findAgain(props.actor)}>
            Find the recording…
          </button>
        </span>
      )}
      {player.error && (
        <span role="alert" className="error small">
          {player.error}
        </span>
      )}
      {player.syncCount > 0 && (
        <span className="small">
          {player.syncCount} sync point{player.syncCount === 1 ? '' : 's'}{' '}
          <button type="button" className="link" onClick={() => void player.clearSync(props.actor)}>
            Clear
          </button>
        </span>
      )}
      {!player.timed && (
        <span className="muted small">
          No times in this transcript yet: while it plays, put the cursor in a turn and press {keysOf('syncTurn', mac, shortcuts)} as it
          starts (a sync point); times between sync points follow the words.
        </span>
      )}
    </div>
  );
}

/** The recording's loudness across the bar, the place being played marked; a click goes there. */
function Waveform(props: { peaks: Peaks | null; time: number; length: number; onSeek(seconds: number): void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { peaks, time, length } = props;
  useEffect(() => {
    const el = canvas.current;
    const g = el?.getContext('2d');
    if (!el || !g) return;
    const ratio = globalThis.devicePixelRatio || 1;
    el.width = Math.max(1, Math.round(el.clientWidth * ratio));
    el.height = Math.max(1, Math.round(el.clientHeight * ratio));
    const { width, height } = el;
    g.clearRect(0, 0, width, height);
    const played = length > 0 ? (time / length) * width : 0;
    if (peaks && peaks.levels.length) {
      const { levels } = peaks;
      for (let x = 0; x < width; x += 1) {
        const from = Math.floor((x / width) * levels.length);
        const to = Math.max(from + 1, Math.floor(((x + 1) / width) * levels.length));
        let loudest = 0;
        for (let i = from; i < to; i += 1) loudest = Math.max(loudest, levels[i]!);
        const h = Math.max(1, (loudest / 255) * height);
        g.fillStyle = x < played ? '#2f6db5' : '#9bb4d6';
        g.fillRect(x, (height - h) / 2, 1, h);
      }
    }
    g.fillStyle = '#b5512f';
    g.fillRect(Math.min(width - 2, Math.round(played)), 0, Math.max(1, Math.round(ratio)), height);
  }, [peaks, time, length]);
  return (
    <canvas
      ref={canvas}
      className="waveform"
      role="slider"
      aria-label="Waveform: click to go there"
      aria-valuemin={0}
      aria-valuemax={Math.round(length)}
      aria-valuenow={Math.round(time)}
      aria-valuetext={formatTime(time)}
      data-peaks={peaks ? peaks.levels.length : 0}
      onClick={(e) => {
        const box = e.currentTarget.getBoundingClientRect();
        if (length > 0) props.onSeek(((e.clientX - box.left) / box.width) * length);
      }}
    />
  );
}
