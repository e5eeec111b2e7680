// A recording made ready to keep: its SHA-256, its bytes as chunks of base64 text, and, for a
// 16-bit PCM WAV, its waveform read straight from the file. Run in the recording worker
// (recordingWorker.ts) so an hour of sound never stops the window; on this thread where no
// worker starts. Chunks are base64 in every project: an encrypted project seals each record as
// JSON (cipher.ts), and one form for both means encrypting a project later needs no rewrite.
import { chunksFor, pcm16Peaks, RECORDING_CHUNK, type Peaks } from '../core/media';
import { toBase64 } from '../io/base64';
import { sha256Hex } from '../io/hash';
import { readWavLayout } from '../io/wav';

export interface PreparedRecording {
  sha256: string;
  size: number;
  chunks: string[];
  /** Null when the file's waveform must be decoded by the window's audio decoder instead. */
  peaks: Peaks | null;
}

/** Steps of the preparation done, of `total`, for a progress bar. */
export type PrepProgress = (done: number, total: number) => void;

export async function prepareRecording(
  bytes: Uint8Array,
  fileName: string,
  onProgress: PrepProgress = () => {},
): Promise<PreparedRecording> {
  const count = chunksFor(bytes.length);
  const total = count + 2;
  const sha256 = await sha256Hex(bytes);
  onProgress(1, total);
  const chunks: string[] = [];
  for (let i = 0; i < count; i += 1) {
    chunks.push(toBase64(bytes.subarray(i * RECORDING_CHUNK, (i + 1) * RECORDING_CHUNK)));
    onProgress(2 + i, total);
  }
  const peaks = wavPeaks(bytes, fileName);
  onProgress(total, total);
  return { sha256, size: bytes.length, chunks, peaks };
}

/** The waveform of a 16-bit PCM WAV, or null for any other file (or a WAV the decoder must read). */
export function wavPeaks(bytes: Uint8Array, fileName: string): Peaks | null {
  if (!fileName.toLowerCase().endsWith('.wav')) return null;
  try {
    const wav = readWavLayout(bytes, fileName);
    return wav.format === 1 && wav.bitsPerSample === 16 ? pcm16Peaks(wav.data, wav.channels, wav.sampleRate) : null;
  } catch {
    return null; // not a WAV after all: the player's decoder says what it makes of it
  }
}
