// The interview both recording e2e files play: Kieran's answers, one cue every 5 s (4 s each),
// as WebVTT, and a WAV with a tone in each cue and silence between, so a test can tell which
// turn is being heard.
import { makeWav } from '../fixtures/makeWav';

export const CUES = [
  ['Interviewer', 'How are things at home these days?'],
  ['Kieran', 'Calmer. I walk away now when I feel it building.'],
  ['Interviewer', 'What helps you walk away?'],
  ['Kieran', 'The time out plan from the group. I say it out loud.'],
  ['Interviewer', 'Does your partner know the plan?'],
  ['Kieran', 'She does. We wrote it down together in week six.'],
] as const;

const clock = (s: number) => `00:00:${String(s).padStart(2, '0')}.000`;

/** The first `count` cues as a .vtt. */
export function cuesVtt(count: number = CUES.length): string {
  return `WEBVTT\n\n${CUES.slice(0, count)
    .map(([who, said], i) => `${clock(i * 5)} --> ${clock(i * 5 + 4)}\n<v ${who}>${said}`)
    .join('\n\n')}\n`;
}

/** A WAV of the first `count` cues: 5 s each, a tone of its own in each cue's 4 s. */
export function cuesWav(count: number = CUES.length): Uint8Array {
  return makeWav({ seconds: count * 5, tones: CUES.slice(0, count).map((_, i) => ({ from: i * 5, to: i * 5 + 4, hz: 220 + 60 * i })) });
}
