// Properties of the text <-> recording mapping over random transcripts: a turn's start comes back
// from its own time, and both directions keep the order of the text and of the recording.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetAt, timeAt, timeline, type SyncPoint, type TimedSource } from '../../../renderer/core/media';
import type { Turn } from '../../../renderer/core/shared';

const word = fc.constantFrom('we', 'went', 'home', 'été', '東京', 'x1', '42', 'Ünï', "don't");
const turnArb = fc.record({
  speaker: fc.constantFrom('Kieran', 'Interviewer', null),
  // Turns open with a word, a quotation mark, a stage direction or a dash.
  lead: fc.constantFrom('', '"', '[laughs] ', '— '),
  words: fc.array(word, { minLength: 1, maxLength: 5 }),
  start: fc.boolean(),
  end: fc.boolean(),
});

/**
 * A transcript with cue times on some turns, sync points and maybe a duration, every time drawn
 * from one pool of distinct values (in order or shuffled, so points often contradict each other).
 * Sync points sit on turn starts, or anywhere when `anywhere`.
 */
function sourceArb(anywhere: boolean): fc.Arbitrary<TimedSource> {
  return fc
    .record({
      turns: fc.array(turnArb, { minLength: 1, maxLength: 12 }),
      pool: fc.uniqueArray(fc.integer({ min: 1, max: 100_000 }), { minLength: 40, maxLength: 40 }),
      ordered: fc.boolean(),
      syncs: fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 4 }),
      duration: fc.boolean(),
    })
    .map(({ turns: specs, pool, ordered, syncs, duration }) => {
      const times = (ordered ? [...pool].sort((a, b) => a - b) : pool).map((t) => t / 10);
      let next = 0;
      let text = '';
      const turns: Turn[] = [];
      for (const spec of specs) {
        if (text !== '') text += '\n';
        if (spec.speaker !== null) text += `${spec.speaker}: `;
        const said = spec.lead + spec.words.join(' ');
        const turn: Turn = { start: text.length, end: text.length + said.length, speaker: spec.speaker };
        if (spec.start) turn.startTime = times[next++]!;
        if (spec.end) turn.endTime = times[next++]!;
        turns.push(turn);
        text += said;
      }
      const syncPoints: SyncPoint[] = syncs.map(([n, onTurn]) => ({
        offset: onTurn || !anywhere ? turns[n % turns.length]!.start : n % (text.length + 1),
        seconds: times[next++]!,
      }));
      return { text, turns, syncPoints, ...(duration ? { duration: times[next++]! } : {}) };
    });
}

describe('timeAt and offsetAt: properties', () => {
  it('offsetAt(timeAt(turn.start)) is turn.start for every turn that has a time', () => {
    fc.assert(
      fc.property(sourceArb(false), (src) => {
        for (const turn of src.turns) {
          const t = timeAt(src, turn.start);
          if (t !== null) expect(offsetAt(src, t)).toBe(turn.start);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('when two points are known, every turn has a time', () => {
    fc.assert(
      fc.property(sourceArb(false), (src) => {
        const { points, words } = timeline(src);
        const spread = points.length >= 2 && points[points.length - 1]!.words > points[0]!.words;
        if (spread && words.count > 0) for (const turn of src.turns) expect(timeAt(src, turn.start)).not.toBeNull();
      }),
    );
  });

  it('keeps order: later in the text is never earlier in the recording, and the reverse', () => {
    fc.assert(
      fc.property(sourceArb(true), fc.array(fc.nat(), { minLength: 2, maxLength: 30 }), (src, picks) => {
        const offsets = picks.map((n) => n % (src.text.length + 1)).sort((a, b) => a - b);
        const times = offsets.map((o) => timeAt(src, o)).filter((t): t is number => t !== null);
        for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThanOrEqual(times[i - 1]!);
        const moments = picks.map((n) => n / 10).sort((a, b) => a - b);
        const places = moments.map((s) => offsetAt(src, s)).filter((o): o is number => o !== null);
        for (let i = 1; i < places.length; i++) expect(places[i]!).toBeGreaterThanOrEqual(places[i - 1]!);
      }),
      { numRuns: 300 },
    );
  });

  it('the timeline’s points run forwards in both text and time, and are kept exactly', () => {
    fc.assert(
      fc.property(sourceArb(true), (src) => {
        const { points } = timeline(src);
        for (let i = 1; i < points.length; i++) {
          expect(points[i]!.offset).toBeGreaterThan(points[i - 1]!.offset);
          expect(points[i]!.seconds).toBeGreaterThanOrEqual(points[i - 1]!.seconds);
        }
        for (const p of points) expect(timeAt(src, p.offset)).toBe(p.seconds);
      }),
    );
  });

  it('offsetAt(s) is a place said at or before s (from the first word on)', () => {
    fc.assert(
      fc.property(sourceArb(true), fc.array(fc.nat({ max: 200_000 }), { maxLength: 20 }), (src, picks) => {
        const start = timeAt(src, 0);
        for (const s of picks.map((n) => n / 10)) {
          const o = offsetAt(src, s);
          if (o === null || start === null || s < start) continue;
          expect(timeAt(src, o)!).toBeLessThanOrEqual(s + 1e-6 * Math.max(1, s));
        }
      }),
    );
  });
});

describe('timeAt and offsetAt: cases the properties found', () => {
  it('rounding never carries an interpolated time past the next point', () => {
    // 1167.1 + (6626.2 - 1167.1) × 3/3 is 6626.200000000001 in floating point.
    const src: TimedSource = {
      text: 'Kieran: — we\nwe\n— été',
      turns: [
        { start: 8, end: 12, speaker: 'Kieran' },
        { start: 13, end: 15, speaker: null },
        { start: 16, end: 21, speaker: null, endTime: 6626.2 },
      ],
      syncPoints: [{ offset: 0, seconds: 1167.1 }],
    };
    expect(timeAt(src, 19)).toBe(6626.2); // inside "été", the third and last word
    expect(timeAt(src, 21)).toBe(6626.2);
  });
});
