// A recording's waveform through the browser's own audio decoder, for what the recording
// worker cannot read straight from the file (anything but 16-bit PCM WAV: mp3, m4a, ogg, the
// sound of a video). Decoded at a low sample rate, one channel: an hour at 3 kHz is 43 MB of
// samples instead of 1.3 GB at 44.1 kHz stereo (Chromium resamples while decoding).
import { floatPeaks, type Peaks } from '../core/media';

/** The lowest rate an OfflineAudioContext accepts in Chromium: enough to see speech's loudness. */
const DECODE_RATE = 3000;

/** The waveform of `blob`, or null where this browser cannot decode it (the player may still play it). */
export async function decodePeaks(blob: Blob): Promise<Peaks | null> {
  const Context = globalThis.OfflineAudioContext;
  if (typeof Context !== 'function') return null;
  try {
    const context = new Context(1, 1, DECODE_RATE);
    const audio = await context.decodeAudioData(await blob.arrayBuffer());
    return floatPeaks(audio.getChannelData(0), audio.sampleRate);
  } catch {
    return null;
  }
}
