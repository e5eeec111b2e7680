// Otter.ai's TXT export: found inside a .txt by its shape, read into turns with times, the time
// lines out of the text; other .txt files are left to detectTurns.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { looksLikeOtter, parseOtterText } from '../../../renderer/io/otter';
import { importTranscript } from '../../../renderer/io/transcripts';
import { timeAt } from '../../../renderer/core/media';
import type { Turn } from '../../../renderer/core/shared';
import { syncErrorOf } from '../../fixtures/errorOf';

const read = (dir: string, name: string) =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/${dir}/${name}`, import.meta.url))));
const utf8 = (s: string) => new TextEncoder().encode(s);

function said(text: string, turns: Turn[]): [string | null, string][] {
  return turns.map((t) => [t.speaker, text.slice(t.start, t.end)]);
}

describe('Otter TXT export', () => {
  it('speaker lines become turns with their times; the credit line goes', async () => {
    const r = await importTranscript({ name: 'kieran_T2.txt', bytes: read('media', 'otter.txt') });
    expect(r.format).toBe('otter');
    expect(r.text).toBe(
      'Interviewer: How are things at home these days?\n' +
        'Kieran Smith: Calmer. I walk away now when I feel it building. Most of the time, anyway.\n' +
        'Interviewer: And the café job?\n' +
        'Kieran Smith: Still there, three days a week.\n' +
        'Kieran Smith: That was the last thing I wanted to say, really.',
    );
    expect(said(r.text, r.turns)).toEqual([
      ['Interviewer', 'How are things at home these days?'],
      ['Kieran Smith', 'Calmer. I walk away now when I feel it building. Most of the time, anyway.'],
      ['Interviewer', 'And the café job?'],
      ['Kieran Smith', 'Still there, three days a week.'],
      ['Kieran Smith', 'That was the last thing I wanted to say, really.'],
    ]);
    expect(r.turns.map((t) => t.startTime)).toEqual([0, 3, 11, 13, 3723]);
    expect(r.turns.map((t) => t.endTime)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(r.turns.map((t) => t.speakerRole)).toEqual(['interviewer', 'participant', 'interviewer', 'participant', 'participant']);
    expect(r.turns.map((t) => timeAt(r, t.start))).toEqual([0, 3, 11, 13, 3723]);
  });

  it('without speaker names: the time lines alone', async () => {
    const r = await importTranscript({ name: 'a.txt', bytes: read('media', 'otter-no-speakers.txt') });
    expect(r.format).toBe('otter');
    expect(r.text).toBe(
      'How are things at home these days?\nCalmer. I walk away now when I feel it building. Most of the time, anyway.\nAnd the café job?',
    );
    expect(r.turns.map((t) => [t.speaker, t.startTime])).toEqual([
      [null, 0],
      [null, 3],
      [null, 11],
    ]);
  });

  it('a block of two paragraphs is one turn; lines before the first block are paragraphs; CRLF', async () => {
    const txt = 'Kieran, Time 2\r\n\r\nKieran  0:03\r\nFirst paragraph.\r\n\r\nSecond paragraph.\r\n\r\nInterviewer\t0:20\r\nOk.\r\n';
    const r = await importTranscript({ name: 'a.txt', bytes: utf8(txt) });
    expect(r.text).toBe('Kieran, Time 2\nKieran: First paragraph.\nSecond paragraph.\nInterviewer: Ok.');
    expect(said(r.text, r.turns)).toEqual([
      [null, 'Kieran, Time 2'],
      ['Kieran', 'First paragraph.\nSecond paragraph.'],
      ['Interviewer', 'Ok.'],
    ]);
    expect(r.turns.map((t) => t.startTime)).toEqual([undefined, 3, 20]);
  });

  it('other .txt transcripts are not Otter and read as before', async () => {
    const dale = await importTranscript({ name: 'dale_T1.txt', bytes: read('transcripts', 'dale_T1.txt') });
    expect(dale.format).toBe('txt');
    expect(dale.text).toContain('[00:00:05] Interviewer:');
    for (const text of [
      'Interviewer: Hello.\nDale: Hi.',
      'We met at 10:30 on Friday.\n\nIt went well.',
      // One block shaped like a header among three is not most of them.
      'Meeting notes  10:30\nWe talked.\n\nA second paragraph.\n\nA third paragraph.',
      '0:03', // a time with nothing said after it
      '',
    ]) {
      expect(looksLikeOtter(text), text).toBe(false);
    }
    expect(looksLikeOtter('Speaker 1  0:03\nHello there.\n\nSpeaker 2  0:07\nHi.\n')).toBe(true);
  });

  it('a text without any timed block is refused by name', () => {
    expect(syncErrorOf(() => parseOtterText('Just prose.', 'a.txt')).message).toBe(
      'a.txt: is not an Otter transcript: no "Name  0:00" line followed by what was said',
    );
  });

  it('a time that is not a time (minutes over 59) is not a header', () => {
    expect(looksLikeOtter('Kieran  75:00\nHello.\n\nDale  80:00\nHi.')).toBe(false);
  });
});
