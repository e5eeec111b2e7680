// The pure parts of the editor: which turns a coding change redraws, and margin geometry.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Turn } from '../../renderer/core/shared/model';
import { changedTurns, type ShownCoding } from '../../renderer/editor/codingDiff';
import { assignLanes, turnIndexAt } from '../../renderer/editor/marginLayout';

const turns: Turn[] = [
  { start: 5, end: 20, speaker: 'I' },
  { start: 25, end: 60, speaker: 'P' },
  { start: 65, end: 90, speaker: 'I' },
];
const c = (id: string, start: number, end: number, codeId = 'k'): ShownCoding => ({ id, start, end, codeId });

describe('changedTurns', () => {
  it('is empty when nothing changed, even for new arrays', () => {
    expect(changedTurns(turns, [c('a', 6, 30)], [c('a', 6, 30)]).size).toBe(0);
  });
  it('covers old and new ranges of a moved coding, added and removed ones, and recodes', () => {
    expect([...changedTurns(turns, [c('a', 6, 10)], [c('a', 70, 80)])].sort()).toEqual([0, 2]);
    expect([...changedTurns(turns, [], [c('n', 10, 30)])].sort()).toEqual([0, 1]);
    expect([...changedTurns(turns, [c('g', 66, 70)], [])]).toEqual([2]);
    expect([...changedTurns(turns, [c('r', 30, 40, 'x')], [c('r', 30, 40, 'y')])]).toEqual([1]);
  });
});

describe('turnIndexAt', () => {
  it('finds the turn holding an offset, or the one before a gap', () => {
    expect(turnIndexAt(turns, 0)).toBe(0);
    expect(turnIndexAt(turns, 5)).toBe(0);
    expect(turnIndexAt(turns, 22)).toBe(0);
    expect(turnIndexAt(turns, 25)).toBe(1);
    expect(turnIndexAt(turns, 100)).toBe(2);
  });
});

describe('assignLanes', () => {
  it('puts overlapping stripes side by side and reuses lanes once free', () => {
    const { lanes, count } = assignLanes([
      { id: 'a', top: 0, bottom: 100 },
      { id: 'b', top: 50, bottom: 80 },
      { id: 'c', top: 90, bottom: 120 },
      { id: 'd', top: 130, bottom: 140 },
    ]);
    expect(count).toBe(2);
    expect([lanes.get('a'), lanes.get('b'), lanes.get('c'), lanes.get('d')]).toEqual([0, 1, 1, 0]);
  });
  it('never lets two stripes in one lane overlap', () => {
    const span = fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 200 }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 40 }), (xs) => {
        const spans = xs.map(([top, h], i) => ({ id: `s${i}`, top, bottom: top + h }));
        const { lanes } = assignLanes(spans);
        for (const a of spans) {
          for (const b of spans) {
            if (a !== b && lanes.get(a.id) === lanes.get(b.id)) expect(a.bottom <= b.top || b.bottom <= a.top).toBe(true);
          }
        }
      }),
    );
  });
});
