// io/wav.ts: where a WAV's samples are, for drawing its waveform from the file itself.
import { describe, expect, it } from 'vitest';
import { readWavLayout } from '../../../renderer/io/wav';
import { makeWav } from '../../fixtures/makeWav';

describe('WAV layout', () => {
  it('finds the format and the samples (a view, not a copy)', () => {
    const wav = makeWav({ seconds: 0.5, sampleRate: 16000, channels: 2 });
    const layout = readWavLayout(wav, 'a.wav');
    expect(layout).toMatchObject({ format: 1, channels: 2, sampleRate: 16000, bitsPerSample: 16 });
    expect(layout.data.length).toBe(0.5 * 16000 * 4);
    expect(layout.data.buffer).toBe(wav.buffer);
    expect(layout.data.byteOffset).toBe(44);
  });

  it('skips other chunks (odd-sized ones padded), and reads WAVE_FORMAT_EXTENSIBLE as its sub-format', () => {
    const plain = makeWav({ seconds: 0.1 });
    // fmt of 40 bytes (extensible, sub-format PCM), then a 3-byte LIST chunk and its pad byte.
    const fmt = new Uint8Array(48);
    const v = new DataView(fmt.buffer);
    fmt.set([...'fmt '].map((c) => c.charCodeAt(0)));
    v.setUint32(4, 40, true);
    v.setUint16(8, 0xfffe, true);
    v.setUint16(10, 1, true);
    v.setUint32(12, 8000, true);
    v.setUint16(22, 16, true);
    v.setUint16(32, 1, true); // sub-format GUID's first two bytes: PCM
    const list = new Uint8Array([...'LIST'].map((c) => c.charCodeAt(0)).concat([3, 0, 0, 0, 1, 2, 3, 0]));
    const data = plain.subarray(36);
    const wav = new Uint8Array(12 + fmt.length + list.length + data.length);
    wav.set(plain.subarray(0, 12));
    wav.set(fmt, 12);
    wav.set(list, 12 + fmt.length);
    wav.set(data, 12 + fmt.length + list.length);
    const layout = readWavLayout(wav, 'ext.wav');
    expect(layout).toMatchObject({ format: 1, channels: 1, sampleRate: 8000, bitsPerSample: 16 });
    expect(layout.data.length).toBe(1600);
  });

  it('takes what is there of a recording cut short', () => {
    const wav = makeWav({ seconds: 1 }).subarray(0, 1044);
    expect(readWavLayout(wav, 'cut.wav').data.length).toBe(1000);
  });

  it('refuses what is not a WAV, naming the file', () => {
    expect(() => readWavLayout(new TextEncoder().encode('ID3 not a wav at all'), 'song.wav')).toThrow(
      'song.wav: is not a WAV file (no RIFF/WAVE header)',
    );
    const noData = makeWav({ seconds: 0 }).subarray(0, 36);
    expect(() => readWavLayout(noData, 'empty.wav')).toThrow('empty.wav: has no samples (no data chunk)');
  });
});
