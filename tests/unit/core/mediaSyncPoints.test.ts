// The researcher's sync points: added, replaced, removed, and never left contradicting the newest.
import { describe, expect, it } from 'vitest';
import { withSyncPoint, withoutSyncPoint, type SyncPoint } from '../../../renderer/core/media';

const three: SyncPoint[] = [
  { offset: 10, seconds: 5 },
  { offset: 20, seconds: 10 },
  { offset: 30, seconds: 15 },
];

describe('withSyncPoint', () => {
  it('adds in offset order, leaving the input as it was', () => {
    const copy = structuredClone(three);
    expect(withSyncPoint(three, { offset: 25, seconds: 12 })).toEqual([...three.slice(0, 2), { offset: 25, seconds: 12 }, three[2]]);
    expect(withSyncPoint([], { offset: 0, seconds: 0 })).toEqual([{ offset: 0, seconds: 0 }]);
    expect(three).toEqual(copy);
  });

  it('replaces the point at the same offset', () => {
    expect(withSyncPoint(three, { offset: 20, seconds: 11 })).toEqual([three[0], { offset: 20, seconds: 11 }, three[2]]);
  });

  it('drops the points the new one contradicts, and those at the same moment elsewhere', () => {
    // (20, 10 s) is earlier in the text but later in time than the new (25, 8 s).
    expect(withSyncPoint(three, { offset: 25, seconds: 8 })).toEqual([three[0], { offset: 25, seconds: 8 }, three[2]]);
    // Moving a point far: every point on the wrong side goes.
    expect(withSyncPoint(three, { offset: 5, seconds: 20 })).toEqual([{ offset: 5, seconds: 20 }]);
    expect(withSyncPoint(three, { offset: 25, seconds: 10 })).toEqual([three[0], { offset: 25, seconds: 10 }, three[2]]);
  });

  it('refuses a point that is not a place and a moment', () => {
    for (const bad of [
      { offset: -1, seconds: 1 },
      { offset: 1.5, seconds: 1 },
      { offset: 1, seconds: -1 },
      { offset: 1, seconds: Number.NaN },
    ]) {
      expect(() => withSyncPoint(three, bad)).toThrow(RangeError);
    }
  });
});

describe('withoutSyncPoint', () => {
  it('removes the point at the offset, or nothing', () => {
    expect(withoutSyncPoint(three, 20)).toEqual([three[0], three[2]]);
    const same = withoutSyncPoint(three, 21);
    expect(same).toEqual(three);
    expect(same).not.toBe(three);
  });
});
