// Whisper's outputs: JSON (openai-whisper and WhisperX), TSV, and its SRT and VTT through the
// caption reader, each from a fixture in the shape the tool writes (tests/fixtures/media/).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseWhisperJson, parseWhisperTsv } from '../../../renderer/io/whisper';
import { importTranscript } from '../../../renderer/io/transcripts';
import type { Turn } from '../../../renderer/core/shared';
import { errorOf, syncErrorOf } from '../../fixtures/errorOf';

const bytesOf = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/media/${name}`, import.meta.url))));
const fixture = (name: string) => ({ name, bytes: bytesOf(name) });
const utf8 = (s: string) => new TextEncoder().encode(s);

function said(text: string, turns: Turn[]): [string | null, string][] {
  return turns.map((t) => [t.speaker, text.slice(t.start, t.end)]);
}
const times = (turns: Turn[]) => turns.map((t) => [t.startTime, t.endTime]);

const WHISPER_TEXT =
  'How are things at home these days?\nCalmer. I walk away now when I feel it building.\nAnd the café job?\nStill there, three days a week.';
const WHISPER_TIMES = [
  [0, 2.64],
  [3.2, 6.08],
  [6.8, 8.56],
  [9.12, 11.9],
];

describe('Whisper JSON (openai-whisper --output_format json)', () => {
  it('one turn per segment, text trimmed, times from the segment, no speakers', async () => {
    const r = await importTranscript(fixture('whisper.json'));
    expect(r.format).toBe('json');
    expect(r.text).toBe(WHISPER_TEXT);
    expect(r.turns[0]).toEqual({ start: 0, end: 34, speaker: null, startTime: 0, endTime: 2.64 });
    expect(said(r.text, r.turns).map(([speaker]) => speaker)).toEqual([null, null, null, null]);
    expect(times(r.turns)).toEqual(WHISPER_TIMES);
    expect(r.warnings).toEqual([]);
  });
});

describe('WhisperX JSON (diarised)', () => {
  it('one turn per run of one speaker’s segments; a segment without a speaker stays unnamed', async () => {
    const r = await importTranscript(fixture('whisperx.json'));
    expect(r.text).toBe(
      'SPEAKER_01: How are things at home these days?\n' +
        'SPEAKER_00: Calmer. I walk away now when I feel it building.\n' +
        'SPEAKER_01: And the café job?\n' +
        'SPEAKER_00: Still there, 3 days a week.\n' +
        'Mm-hm.',
    );
    expect(said(r.text, r.turns)).toEqual([
      ['SPEAKER_01', 'How are things at home these days?'],
      ['SPEAKER_00', 'Calmer. I walk away now when I feel it building.'],
      ['SPEAKER_01', 'And the café job?'],
      ['SPEAKER_00', 'Still there, 3 days a week.'],
      [null, 'Mm-hm.'],
    ]);
    expect(times(r.turns)).toEqual([
      [0.031, 2.652],
      [3.212, 6.098],
      [6.819, 8.581],
      [9.102, 11.886],
      [12.5, 13.1],
    ]);
    expect(r.turns.map((t) => t.speakerRole)).toEqual(['other', 'other', 'other', 'other', undefined]);
  });
});

describe('Whisper TSV', () => {
  it('integer milliseconds under a start/end/text header', async () => {
    const r = await importTranscript(fixture('whisper.tsv'));
    expect(r.format).toBe('tsv');
    expect(r.text).toBe(WHISPER_TEXT);
    expect(times(r.turns)).toEqual(WHISPER_TIMES);
  });

  it('a speaker column, extra cells of a last text column, CRLF', () => {
    const tsv = 'start\tend\tspeaker\ttext\n0\t1500\tA\tHello\n1500\t3000\tA\tthere\n3000\t4000\tB\tHi\tagain\n';
    const r = parseWhisperTsv(tsv, 'a.tsv');
    expect(said(r.text, r.turns)).toEqual([
      ['A', 'Hello there'],
      ['B', 'Hi again'],
    ]);
    expect(times(r.turns)).toEqual([
      [0, 3],
      [3, 4],
    ]);
  });

  it('rows without readable times are skipped and counted; no header, or no rows, is refused', async () => {
    const r = parseWhisperTsv('start\tend\ttext\n0\t1000\tOne.\n1.5\t2000\tTwo.\n\nabc\t\tThree.\n3000\t4000\tFour.', 'a.tsv');
    expect(r.text).toBe('One.\nFour.');
    expect(r.warnings).toEqual(['2 row(s) without a readable start, end or text were skipped']);
    expect(syncErrorOf(() => parseWhisperTsv('0\t1000\tOne.\n', 'b.tsv')).message).toBe(
      'b.tsv: is not a Whisper TSV file: its first line must be the header "start", "end", "text" separated by tabs',
    );
    expect((await errorOf(importTranscript({ name: 'c.tsv', bytes: utf8('start\tend\ttext\n') }))).message).toBe(
      'c.tsv: has no rows with text',
    );
  });
});

describe('Whisper SRT and VTT: captions with times', () => {
  it.each(['whisper.srt', 'whisper.vtt'])('%s', async (name) => {
    const r = await importTranscript(fixture(name));
    expect(r.text).toBe(WHISPER_TEXT);
    expect(said(r.text, r.turns).map(([speaker]) => speaker)).toEqual([null, null, null, null]);
    expect(times(r.turns)).toEqual(WHISPER_TIMES);
  });
});

describe('JSON that is not Whisper’s, and damaged files', () => {
  const EXPECTED =
    'expected the JSON file Whisper (--output_format json) or WhisperX writes: an object with a "segments" list, each segment with "start", "end" and "text"';

  it.each([
    ['{"codes": []}', `notes.json: is not a Whisper transcript; ${EXPECTED}`],
    ['[{"start": 0, "end": 1, "text": "Hi"}]', `notes.json: is not a Whisper transcript; ${EXPECTED}`],
    ['{"segments": {"0": {}}}', `notes.json: is not a Whisper transcript; ${EXPECTED}`],
    [
      '{"segments": [{"from": 0, "to": 1, "words": "Hi"}]}',
      `notes.json: is not a Whisper transcript: no segment has "start", "end" and "text"; ${EXPECTED}`,
    ],
    ['{"segments": []}', 'notes.json: has no segments with text'],
    ['{"segments": [{"start": 0, "end": 1, "text": "  "}]}', 'notes.json: has no segments with text'],
    [
      '{"segments": [{"start": "0", "end": 1, "text": "Hi"}, {"start": 0, "end": 1, "text": ""}]}',
      'notes.json: has no segments with text (1 unreadable)',
    ],
  ])('%s', async (json, message) => {
    expect((await errorOf(importTranscript({ name: 'notes.json', bytes: utf8(json) }))).message).toBe(message);
  });

  it('text that is not JSON, cut short or nested without end, names the file', async () => {
    for (const json of ['{"segments": [{"start": 0,', 'WEBVTT\n\n00:01.000 --> 00:02.000\nhi', '['.repeat(200_000), '{"a": 1} x']) {
      const err = await errorOf(importTranscript({ name: 'cut.json', bytes: utf8(json) }));
      expect(err.message).toMatch(/^cut\.json: is not valid JSON( \(at character \d+\))?; expected the JSON file Whisper/);
      expect(err.message).not.toContain('WEBVTT'); // the file's words are not repeated back
    }
    const err = await errorOf(importTranscript({ name: 'cut.json', bytes: utf8('{"a": 1} x') }));
    expect(err.message).toContain('is not valid JSON (at character 10);');
  });

  it('segments with unreadable times are skipped and counted; an end before the start is left out', () => {
    const r = parseWhisperJson(
      JSON.stringify({
        segments: [
          { start: 0, end: 1, text: ' One.' },
          { start: 'x', end: 2, text: ' Two.' },
          { start: 3, end: null, text: ' Three.' },
          { start: 5, end: 4, text: ' Four.' },
        ],
      }),
      'a.json',
    );
    expect(r.text).toBe('One.\nFour.');
    expect(r.turns[1]).toEqual({ start: 5, end: 10, speaker: null, startTime: 5 });
    expect(r.warnings).toEqual(['2 segment(s) without a readable start, end or text were skipped']);
  });
});
