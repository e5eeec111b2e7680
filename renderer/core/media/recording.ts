// A transcript's recording: which files can be one, how a stored one is cut into chunks, and
// the waveform's peaks. The bytes themselves are the store's (store/recordings.ts); the player
// is a view. Nothing here reads a file or plays a sound.

/** One recording beside one transcript (at most one live per transcript). */
export interface Recording {
  id: string;
  sourceId: string;
  fileName: string;
  /** The media type played, from the file's extension: "audio/wav", "video/mp4", … */
  mediaType: string;
  size: number;
  /** SHA-256 of the file, hex: how a moved file is found again, and a stored one checked. */
  sha256: string;
  /**
   * 'project': the bytes are kept in the project, in chunks (browser mode, and wherever the
   * researcher chooses it); 'file': a reference to the file on this computer (desktop only).
   */
  storage: 'project' | 'file';
  /** Chunks of a stored recording (RECORDING_CHUNK bytes each, the last one shorter); 0 when linked. */
  chunkCount: number;
  /**
   * A linked recording ('file'): the token the desktop app serves it by, and where it was last
   * found (shown to the researcher; main never takes a path from the page).
   */
  link?: { token: string; path: string };
  /** Seconds, once the player or the waveform has read it. */
  duration: number | null;
  createdAt: number;
  deletedAt?: number | null;
}

/** The media types by extension: what Chromium (and so Electron) plays without plugins. */
export const RECORDING_TYPES: Readonly<Record<string, string>> = {
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
};

export const RECORDING_EXTENSIONS = Object.keys(RECORDING_TYPES);

/** A stored recording is written in chunks of this many bytes: a whole hour is never one record. */
export const RECORDING_CHUNK = 1024 * 1024;

/** The largest recording kept in a project: 4 GB (a long interview on video). */
export const MAX_RECORDING_BYTES = 4 * 1024 ** 3;

/** The media type of a recording's file name, or an explanation of why it cannot be one. */
export function recordingType(fileName: string): { mediaType: string } | { problem: string } {
  const dot = fileName.lastIndexOf('.');
  const ext = dot > 0 ? fileName.slice(dot).toLowerCase() : '';
  const mediaType = RECORDING_TYPES[ext];
  if (mediaType) return { mediaType };
  const what = ext ? `is a ${ext} file` : 'has no extension';
  return { problem: `${fileName} ${what}; a recording must be ${RECORDING_EXTENSIONS.join(', ')}` };
}

/** Whether the player shows a picture (video) or only the waveform (audio). */
export function isVideo(recording: Pick<Recording, 'mediaType'>): boolean {
  return recording.mediaType.startsWith('video/');
}

/** How many chunks a recording of `size` bytes is stored in. */
export function chunksFor(size: number): number {
  return Math.max(1, Math.ceil(size / RECORDING_CHUNK));
}

/** A waveform: per column, the loudest sample's size (0-255 of full scale), and the seconds one column spans. */
export interface Peaks {
  /** Columns per second of sound. */
  perSecond: number;
  /** Seconds of sound the peaks cover. */
  duration: number;
  levels: Uint8Array;
}

/**
 * The largest recording whose waveform is drawn: the browser's decoder needs the whole file in
 * memory, and a long video is mostly picture. Larger ones play without a waveform.
 */
export const PEAKS_MAX_BYTES = 512 * 1024 ** 2;

/** Columns a waveform keeps per second: enough for a minute across a wide screen. */
export const PEAKS_PER_SECOND = 20;

/**
 * The peaks of 16-bit PCM samples (interleaved channels, little-endian) as `Peaks`. Samples
 * are read in place from `bytes` (a WAV file's data chunk), never copied: an hour of audio is
 * one pass over the file.
 */
export function pcm16Peaks(bytes: Uint8Array, channels: number, sampleRate: number, perSecond = PEAKS_PER_SECOND): Peaks {
  const frames = Math.floor(bytes.length / (2 * channels));
  const duration = frames / sampleRate;
  const columns = Math.max(1, Math.ceil(duration * perSecond));
  const framesPerColumn = Math.max(1, sampleRate / perSecond);
  const levels = new Uint8Array(columns);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let c = 0; c < columns; c += 1) {
    const from = Math.floor(c * framesPerColumn);
    const to = Math.min(frames, Math.floor((c + 1) * framesPerColumn));
    let loudest = 0;
    for (let f = from; f < to; f += 1) {
      const at = f * 2 * channels;
      for (let ch = 0; ch < channels; ch += 1) {
        const v = Math.abs(view.getInt16(at + 2 * ch, true));
        if (v > loudest) loudest = v;
      }
    }
    levels[c] = Math.min(255, Math.round((loudest / 32768) * 255));
  }
  return { perSecond, duration, levels };
}

/** The peaks of decoded samples (-1..1, one channel), as an audio decoder gives them. */
export function floatPeaks(samples: Float32Array, sampleRate: number, perSecond = PEAKS_PER_SECOND): Peaks {
  const duration = samples.length / sampleRate;
  const columns = Math.max(1, Math.ceil(duration * perSecond));
  const perColumn = Math.max(1, sampleRate / perSecond);
  const levels = new Uint8Array(columns);
  for (let c = 0; c < columns; c += 1) {
    const to = Math.min(samples.length, Math.floor((c + 1) * perColumn));
    let loudest = 0;
    for (let i = Math.floor(c * perColumn); i < to; i += 1) {
      const v = Math.abs(samples[i]!);
      if (v > loudest) loudest = v;
    }
    levels[c] = Math.min(255, Math.round(loudest * 255));
  }
  return { perSecond, duration, levels };
}
