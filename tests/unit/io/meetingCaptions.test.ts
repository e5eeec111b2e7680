// Zoom's and Microsoft Teams' transcripts (.vtt), in the shapes they download in: Zoom numbers
// its cues and writes "Name: words"; Teams gives cues ids like "<guid>/12-0" and voice tags.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importTranscript } from '../../../renderer/io/transcripts';
import type { Turn } from '../../../renderer/core/shared';

const read = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/media/${name}`, import.meta.url))));

function said(text: string, turns: Turn[]): [string | null, string][] {
  return turns.map((t) => [t.speaker, text.slice(t.start, t.end)]);
}

const TEXT =
  'Interviewer: How are things at home these days?\n' +
  'Kieran Smith: Calmer. I walk away now when I feel it building. Most of the time, anyway.\n' +
  'Interviewer: And the café job?\n' +
  'Kieran Smith: Still there, three days a week.';

function expectMeeting(r: { text: string; turns: Turn[]; format: string }): void {
  expect(r.format).toBe('vtt');
  expect(r.text).toBe(TEXT);
  expect(said(r.text, r.turns)).toEqual([
    ['Interviewer', 'How are things at home these days?'],
    ['Kieran Smith', 'Calmer. I walk away now when I feel it building. Most of the time, anyway.'],
    ['Interviewer', 'And the café job?'],
    ['Kieran Smith', 'Still there, three days a week.'],
  ]);
  expect(r.turns.map((t) => [t.startTime, t.endTime])).toEqual([
    [0.599, 3.24],
    [3.81, 10.53],
    [11.19, 12.96],
    [13.41, 15.87],
  ]);
  expect(r.turns.map((t) => t.speakerRole)).toEqual(['interviewer', 'participant', 'interviewer', 'participant']);
}

describe('meeting transcripts', () => {
  it('Zoom: numbered cues of "Name: words"; one speaker’s cues in a row are one turn', async () => {
    expectMeeting(await importTranscript({ name: 'zoom.vtt', bytes: read('zoom.vtt') }));
  });

  it('Teams: cue ids and <v Name> voice tags', async () => {
    expectMeeting(await importTranscript({ name: 'teams.vtt', bytes: read('teams.vtt') }));
  });

  it('Teams saved with a byte order mark and Windows line ends', async () => {
    const crlf = new TextDecoder().decode(read('teams.vtt')).replace(/\n/g, '\r\n');
    expectMeeting(await importTranscript({ name: 'teams.vtt', bytes: new TextEncoder().encode(`\ufeff${crlf}`) }));
  });
});
