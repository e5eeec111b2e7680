// A WAV file's layout: where its samples are and what they are. Enough to draw an hour's
// waveform straight from the file's bytes (core/media pcm16Peaks) without decoding it into
// memory: an hour of 44.1 kHz stereo would be 1.3 GB of floats.
import { ImportError } from './errors';

export interface WavLayout {
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  /** 1: integer PCM (also WAVE_FORMAT_EXTENSIBLE with a PCM sub-format); 3: float. */
  format: number;
  /** The samples: a view into the file's bytes, not a copy. */
  data: Uint8Array;
}

const EXTENSIBLE = 0xfffe;

/** The layout of a RIFF/WAVE file; an ImportError naming the file when it is not one. */
export function readWavLayout(bytes: Uint8Array, fileName: string): WavLayout {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE')
    throw new ImportError(fileName, 'is not a WAV file (no RIFF/WAVE header)');
  let at = 12;
  let fmt: Omit<WavLayout, 'data'> | null = null;
  while (at + 8 <= bytes.length) {
    const id = tag(at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > bytes.length) throw new ImportError(fileName, 'has a broken format chunk');
      let format = view.getUint16(body, true);
      if (format === EXTENSIBLE && size >= 26) format = view.getUint16(body + 24, true);
      fmt = {
        format,
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bitsPerSample: view.getUint16(body + 14, true),
      };
      if (fmt.channels < 1 || fmt.sampleRate < 1) throw new ImportError(fileName, 'has no channels or no sample rate');
    } else if (id === 'data') {
      if (!fmt) throw new ImportError(fileName, 'has its samples before their format');
      // A recorder stopped mid-write leaves a size past the end (or 0xFFFFFFFF): take what is there.
      const end = Math.min(bytes.length, body + size);
      return { ...fmt, data: bytes.subarray(body, end) };
    }
    at = body + size + (size % 2); // chunks are padded to an even length
  }
  throw new ImportError(fileName, 'has no samples (no data chunk)');
}
