// Text <-> recording: interpolation by spoken words between known points, the trust order of
// points that disagree, extrapolation beyond them, and the two directions agreeing.
import { describe, expect, it } from 'vitest';
import { offsetAt, timeAt, timeline, type TimedSource } from '../../../renderer/core/media';
import type { Turn } from '../../../renderer/core/shared';
import { detectTurns } from '../../../renderer/core/transcripts';

type Line = [speaker: string | null, said: string, startTime?: number, endTime?: number];

/** Lines "Speaker: said" joined by newlines, each turn covering what was said, as captions.ts builds them. */
function source(lines: Line[], extra: Partial<TimedSource> = {}): TimedSource {
  let text = '';
  const turns: Turn[] = [];
  for (const [speaker, said, startTime, endTime] of lines) {
    if (text !== '') text += '\n';
    if (speaker !== null) text += `${speaker}: `;
    const turn: Turn = { start: text.length, end: text.length + said.length, speaker };
    if (startTime !== undefined) turn.startTime = startTime;
    if (endTime !== undefined) turn.endTime = endTime;
    turns.push(turn);
    text += said;
  }
  return { text, turns, ...extra };
}

const at = (src: TimedSource, word: string) => {
  const i = src.text.indexOf(word);
  if (i < 0) throw new Error(`no ${word}`);
  return i;
};

// Ten spoken words; the labels are not said, so not counted.
const TWO_TURNS: Line[] = [
  ['Interviewer', 'One two three four.'],
  ['Kieran', 'Five six seven eight nine ten.'],
];

describe('between two points, time is spread over the spoken words', () => {
  // Points: word 0 (the first turn's start) at 10 s, after word 10 (the second turn's end) at 20 s.
  const src = source([
    ['Interviewer', 'One two three four.', 10],
    ['Kieran', 'Five six seven eight nine ten.', undefined, 20],
  ]);
  const kieran = src.turns[1]!.start;

  it('timeAt counts words, not characters', () => {
    expect([src.turns[0]!.start, kieran, src.text.length]).toEqual([13, 41, 71]);
    expect(timeAt(src, kieran)).toBe(14); // 4 of 10 words: 10 + 10 × 4/10 (by characters it would be 14.83)
    expect(timeAt(src, at(src, 'three'))).toBe(12);
    expect(timeAt(src, at(src, 'three') + 1)).toBe(13); // inside "three": its word has begun
    expect(timeAt(src, at(src, 'ten'))).toBe(19);
    expect(timeAt(src, src.text.length)).toBe(20);
    expect(timeAt(src, at(src, 'Kieran:'))).toBe(14); // a label is not said: the same time as its turn
  });

  it('offsetAt gives the start of the word being said (or of the turn it opens)', () => {
    expect(offsetAt(src, 10)).toBe(13);
    expect(offsetAt(src, 12.5)).toBe(at(src, 'three'));
    expect(offsetAt(src, 14)).toBe(kieran);
    expect(offsetAt(src, 14.99)).toBe(kieran);
    expect(offsetAt(src, 15)).toBe(at(src, 'six'));
    expect(offsetAt(src, 20)).toBe(71);
    expect(offsetAt(src, 25)).toBe(71); // after the last word: the end of the text
    expect(offsetAt(src, 5)).toBe(0); // before the first word: the start of the text
  });

  it('a word is a run of letters or digits in any script', () => {
    const words = source([['Ana', 'naïve café 東京 x 123', 0, 5]]);
    expect(timeAt(words, at(words, '東京'))).toBe(2);
    expect(timeAt(words, at(words, '123'))).toBe(4);
    const apostrophe = source([['Ana', "don't go", 0, 3]]); // "don", "t", "go"
    expect(timeAt(apostrophe, at(apostrophe, 'go'))).toBe(2);
  });

  it('out-of-range and non-finite arguments give null', () => {
    expect(timeAt(src, -1)).toBeNull();
    expect(timeAt(src, 72)).toBeNull();
    expect(timeAt(src, Number.NaN)).toBeNull();
    expect(offsetAt(src, -0.5)).toBeNull();
    expect(offsetAt(src, Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('no points at all: null', () => {
    const none = source(TWO_TURNS, { duration: 60 });
    expect(timeAt(none, 13)).toBeNull();
    expect(offsetAt(none, 3)).toBeNull();
  });
});

describe('turn ends and starts', () => {
  it('a cue ending as the next begins: the moment belongs to the next turn', () => {
    const src = source([
      ['A', 'one two', 10, 12],
      ['B', 'three four', 12, 20],
    ]);
    expect(offsetAt(src, 12)).toBe(src.turns[1]!.start);
    expect(timeAt(src, src.turns[0]!.end)).toBe(12);
    expect(timeAt(src, at(src, 'B:'))).toBe(12);
  });

  it('a silence between cues: the text stays at the end of the turn before it', () => {
    const src = source([
      ['A', 'one two', 10, 12],
      ['B', 'three four', 15, 20],
    ]);
    expect(offsetAt(src, 13)).toBe(src.turns[0]!.end);
    expect(offsetAt(src, 15)).toBe(src.turns[1]!.start);
    expect(timeAt(src, at(src, 'B:'))).toBe(12);
  });

  it('a turn without times after a turn end takes over at that end', () => {
    const src = source([
      ['A', 'one two', 10, 12],
      ['B', 'three four'],
      ['A', 'five six', 20],
    ]);
    expect(timeAt(src, src.turns[1]!.start)).toBe(12);
    expect(offsetAt(src, 12)).toBe(src.turns[1]!.start);
    expect(timeAt(src, at(src, 'four'))).toBe(16); // word 3 of 4 between word 2 at 12 s and word 4 at 20 s
  });
});

describe('timestamps written in the text', () => {
  it('time the line that follows them; their digits are not words', () => {
    const text = '[00:00:10] Hello there friend.\n[00:00:20] Second line here.';
    const src = { text, turns: detectTurns(text) };
    expect(timeAt(src, 0)).toBe(10);
    expect(timeAt(src, text.indexOf('there'))).toBeCloseTo(10 + 10 / 3, 10);
    expect(timeAt(src, text.indexOf('[00:00:20]'))).toBe(20);
    expect(offsetAt(src, 20)).toBe(text.indexOf('[00:00:20]'));
    // After the last point, on at that stretch's 3 words in 10 s.
    expect(timeAt(src, text.lastIndexOf('here'))).toBeCloseTo(20 + 2 / 0.3, 10);
    expect(timeAt(src, text.length)).toBeCloseTo(30, 10);
  });

  it('in an Otter-style speaker line they give what the turn’s cue time gives, once', () => {
    const text = 'Speaker 1  0:03\nHello there.\n\nSpeaker 2  0:07\nHi.\n';
    const src = { text, turns: detectTurns(text) };
    expect(src.turns.map((t) => timeAt(src, t.start))).toEqual([3, 7]);
    expect(timeline(src).points.map((p) => p.origin)).toEqual(['turn start', 'turn start']);
  });

  it('an inline timestamp times the word after it', () => {
    const src = source([['Kieran', 'I left early [00:05:00] and he said nothing.']], { syncPoints: [{ offset: 8, seconds: 290 }] });
    expect(timeAt(src, at(src, 'and'))).toBe(300);
    expect(timeAt(src, at(src, 'early'))).toBeCloseTo(290 + (10 * 2) / 3, 10);
    expect(timeAt(src, at(src, 'nothing'))).toBeCloseTo(310, 10); // 3 more words at 3 words / 10 s
  });
});

describe('points that disagree: the more trusted stays', () => {
  const four: Line[] = [
    ['A', 'one two', 10],
    ['B', 'three four', 20],
    ['A', 'five six', 30],
    ['B', 'seven eight', 40],
  ];

  it('within one tier the longest consistent run stays: one wrong time loses only itself', () => {
    const src = source([...four.slice(0, 2), ['A', 'wrong cue', 5], ...four.slice(2)]);
    expect(timeline(src).points.map((p) => p.seconds)).toEqual([10, 20, 30, 40]);
    expect(timeAt(src, src.turns[2]!.start)).toBe(25);
  });

  it('a sync point beats a cue time at the same place, and drops the cues it contradicts', () => {
    const same = source(four, { syncPoints: [{ offset: 14, seconds: 15 }] }); // B's "three" at 15 s, not 20 s
    expect(same.turns[1]!.start).toBe(14);
    expect(timeline(same).points.map((p) => [p.seconds, p.origin])).toEqual([
      [10, 'turn start'],
      [15, 'sync point'],
      [30, 'turn start'],
      [40, 'turn start'],
    ]);
    const late = source(four, { syncPoints: [{ offset: 14, seconds: 35 }] }); // 35 s: A's 30 s after it must go
    expect(timeline(late).points.map((p) => [p.seconds, p.origin])).toEqual([
      [10, 'turn start'],
      [35, 'sync point'],
      [40, 'turn start'],
    ]);
  });

  it('a cue start beats an overlapping cue end, and both beat a timestamp in the text', () => {
    const src = source([
      ['A', 'one two', 10, 12.5],
      ['B', 'three [00:09:00] four', 11, 20],
    ]);
    expect(timeline(src).points.map((p) => [p.seconds, p.origin])).toEqual([
      [10, 'turn start'],
      [11, 'turn start'],
      [20, 'turn end'],
    ]);
  });
});

describe('beyond the points', () => {
  it('two or more points: on at the neighbouring stretch’s words a second', () => {
    // "three" (word 2) at 10 s, "Five" (word 4) at 14 s: 0.5 words a second.
    const src = source(
      [
        ['Interviewer', 'One two three four.'],
        ['Kieran', 'Five six seven eight nine ten.', 14],
      ],
      { syncPoints: [{ offset: 21, seconds: 10 }] },
    );
    expect(at(src, 'three')).toBe(21);
    expect(timeAt(src, 13)).toBe(6);
    expect(timeAt(src, at(src, 'two'))).toBe(8);
    expect(timeAt(src, at(src, 'ten'))).toBe(24);
    expect(timeAt(src, src.text.length)).toBe(26);
    expect(offsetAt(src, 6)).toBe(13);
    expect(offsetAt(src, 7.9)).toBe(13);
    expect(offsetAt(src, 8)).toBe(at(src, 'two'));
    expect(offsetAt(src, 3)).toBe(0);
    expect(offsetAt(src, 25.9)).toBe(at(src, 'ten'));
    expect(offsetAt(src, 26)).toBe(src.text.length);
    // A known duration ends the words by then: 6 words in the 6 s left, faster than 0.5 a second.
    const fitted = { ...src, duration: 20 };
    expect(timeAt(fitted, at(src, 'ten'))).toBe(19);
    expect(timeAt(fitted, src.text.length)).toBe(20);
    expect(timeAt(fitted, 13)).toBe(6);
    // A duration that ends before the last point is ignored: the points are trusted more.
    expect(timeAt({ ...src, duration: 12 }, src.text.length)).toBe(26);
  });

  it('never before 0: the words before the first point fit into its time', () => {
    const src = source(
      [
        ['Interviewer', 'One two three four.'],
        ['Kieran', 'Five six seven eight nine ten.', 14],
      ],
      { syncPoints: [{ offset: 21, seconds: 1 }] },
    );
    expect(timeAt(src, 13)).toBe(0); // 2 words a second (2 words in 1 s), not 2 words in 13 s
    expect(timeAt(src, at(src, 'two'))).toBe(0.5);
  });

  it('one point and a known duration: the rest of the words fill the rest of the recording', () => {
    const start = source(TWO_TURNS, { syncPoints: [{ offset: 13, seconds: 5 }], duration: 15 });
    expect(timeAt(start, 41)).toBe(9);
    expect(timeAt(start, 71)).toBe(15);
    expect(offsetAt(start, 9)).toBe(41);
    expect(offsetAt(start, 100)).toBe(71);
    const middle = source(TWO_TURNS, { syncPoints: [{ offset: 41, seconds: 30 }], duration: 36 });
    expect(timeAt(middle, 13)).toBe(26); // that rate (1 word a second) serves before the point too
  });

  it('one point and no duration: only the point itself', () => {
    const src = source(TWO_TURNS, { syncPoints: [{ offset: 13, seconds: 5 }] });
    expect(timeAt(src, 13)).toBe(5);
    expect(timeAt(src, 0)).toBe(5); // no word between: the same moment
    expect(timeAt(src, 41)).toBeNull();
    expect(offsetAt(src, 5)).toBe(13);
    expect(offsetAt(src, 7)).toBeNull();
    expect(offsetAt(src, 3)).toBe(0);
  });

  it('a point at 0 with words before it: those words are at 0 too', () => {
    const src = source(TWO_TURNS, { syncPoints: [{ offset: 41, seconds: 0 }] });
    expect(timeAt(src, 13)).toBe(0);
  });
});

describe('timeline', () => {
  it('a 3 MB transcript with 40,000 turns and timestamps in its text: built once, answered exactly', () => {
    const lines: string[] = [];
    for (let i = 0; i < 40_000; i++) {
      const at5 = i * 5; // 55 hours in all: within the two digits of hours a timestamp has
      const h = String(Math.floor(at5 / 3600)).padStart(2, '0');
      const m = String(Math.floor(at5 / 60) % 60).padStart(2, '0');
      const sec = String(at5 % 60).padStart(2, '0');
      lines.push(
        `[${h}:${m}:${sec}] ${i % 2 ? 'Kieran' : 'Interviewer'}: we met at 10:30 on Friday and talked about the week, a 3:1 ratio.`,
      );
    }
    const text = lines.join('\n');
    expect(text.length).toBeGreaterThan(3_000_000);
    const src = { text, turns: detectTurns(text) };
    expect(src.turns.length).toBe(40_000);
    const { points, words } = timeline(src);
    expect(points.length).toBe(40_000);
    expect(words.count).toBe(40_000 * 16);
    for (const i of [0, 1, 12_345, 39_999]) {
      const start = src.turns[i]!.start;
      expect(timeAt(src, start)).toBe(i * 5);
      expect(offsetAt(src, i * 5)).toBe(start);
      // "talked" is the 9th of a turn's 16 words: half way to the next turn's time.
      expect(timeAt(src, text.indexOf('talked', start))).toBe(i * 5 + 2.5);
    }
  });

  it('is built once per source object and again when a part is replaced', () => {
    const src = source([['A', 'one two', 1, 2]]);
    expect(timeline(src)).toBe(timeline(src));
    const moved = { ...src, syncPoints: [{ offset: 3, seconds: 1.5 }] };
    expect(timeline(moved)).not.toBe(timeline(src));
    expect(timeline(moved).points.map((p) => p.origin)).toEqual(['sync point', 'turn end']);
  });
});
