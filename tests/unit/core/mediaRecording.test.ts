// core/media recording.ts: which files can be a recording, how many chunks one is kept in, and
// waveform peaks from 16-bit PCM and from decoded samples.
import { describe, expect, it } from 'vitest';
import { chunksFor, floatPeaks, isVideo, pcm16Peaks, RECORDING_CHUNK, recordingType } from '../../../renderer/core/media';
import { readWavLayout } from '../../../renderer/io/wav';
import { makeWav } from '../../fixtures/makeWav';

describe('recording files', () => {
  it('knows the media type of each accepted extension, in any case', () => {
    expect(recordingType('Kieran_T2.MP3')).toEqual({ mediaType: 'audio/mpeg' });
    expect(recordingType('a.m4a')).toEqual({ mediaType: 'audio/mp4' });
    expect(recordingType('a.wav')).toEqual({ mediaType: 'audio/wav' });
    expect(recordingType('a.ogg')).toEqual({ mediaType: 'audio/ogg' });
    expect(recordingType('a.webm')).toEqual({ mediaType: 'video/webm' });
    expect(recordingType('a.mp4')).toEqual({ mediaType: 'video/mp4' });
    expect(isVideo({ mediaType: 'video/mp4' })).toBe(true);
    expect(isVideo({ mediaType: 'audio/mp4' })).toBe(false);
  });

  it('refuses other files, naming them and what would do', () => {
    expect(recordingType('notes.docx')).toEqual({
      problem: 'notes.docx is a .docx file; a recording must be .mp3, .m4a, .wav, .ogg, .oga, .opus, .webm, .mp4',
    });
    expect(recordingType('recording')).toEqual({ problem: expect.stringMatching(/^recording has no extension; a recording must be/) });
  });

  it('keeps a recording in whole chunks, at least one', () => {
    expect(chunksFor(0)).toBe(1);
    expect(chunksFor(RECORDING_CHUNK)).toBe(1);
    expect(chunksFor(RECORDING_CHUNK + 1)).toBe(2);
    expect(chunksFor(57_600_044)).toBe(55);
  });
});

describe('waveform peaks', () => {
  it('reads 16-bit PCM in columns of 1/20 s: loud where the tone is, silent elsewhere', () => {
    const wav = makeWav({ seconds: 3, sampleRate: 8000, tones: [{ from: 1, to: 2, hz: 200 }] });
    const { data, channels, sampleRate } = readWavLayout(wav, 'three.wav');
    const peaks = pcm16Peaks(data, channels, sampleRate);
    expect(peaks.perSecond).toBe(20);
    expect(peaks.duration).toBe(3);
    expect(peaks.levels.length).toBe(60);
    // The tone's amplitude is 12000 of 32768: 93 of 255.
    expect([...peaks.levels.slice(0, 20)]).toEqual(Array(20).fill(0));
    expect([...peaks.levels.slice(20, 40)]).toEqual(Array(20).fill(93));
    expect([...peaks.levels.slice(40)]).toEqual(Array(20).fill(0));
  });

  it('takes the louder channel of a stereo file', () => {
    const wav = makeWav({ seconds: 1, sampleRate: 8000, channels: 2, tones: [{ from: 0, to: 0.5, hz: 100 }] });
    const { data, channels, sampleRate } = readWavLayout(wav, 'stereo.wav');
    const peaks = pcm16Peaks(data, channels, sampleRate, 2);
    expect([...peaks.levels]).toEqual([93, 0]);
  });

  it('reads decoded samples the same way', () => {
    const samples = new Float32Array(3000);
    samples.fill(0.5, 1500);
    samples[10] = -1;
    const peaks = floatPeaks(samples, 3000, 2);
    expect(peaks.duration).toBe(1);
    expect([...peaks.levels]).toEqual([255, 128]);
  });
});
