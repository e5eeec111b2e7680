import { describe, expect, it } from 'vitest';
import { applyToArrays, invert, type Action } from '../../../renderer/core/shared/changes';
import {
  applyCoding,
  combine,
  inVivoName,
  newCoder,
  removeCoding,
  resizeCoding,
  saveMemo,
  setCodingMemo,
  visibleCodings,
} from '../../../renderer/core/coding/codingOps';
import type { Coding, Memo } from '../../../renderer/core/shared/model';
import { segmentRange, turnsTouched } from '../../../renderer/core/transcripts/segments';
import { snapToWords, trimRange } from '../../../renderer/core/coding/snap';

let n = 0;
const newId = () => `c${++n}`;
const req = { sourceId: 's', codeId: 'k', coderId: 'me' };
const coding = (id: string, start: number, end: number, extra: Partial<Coding> = {}): Coding => ({
  id,
  ...req,
  start,
  end,
  memo: '',
  createdAt: 1,
  updatedAt: 1,
  ...extra,
});

function run(state: Coding[], action: Action): Coding[] {
  const s = { codings: state.map((c) => ({ ...c })) };
  applyToArrays(s, action);
  return s.codings;
}

describe('applyCoding', () => {
  it('creates a coding with its coder', () => {
    const a = applyCoding([], { ...req, start: 2, end: 9 }, 20, 'Time Out', newId, 5);
    expect(a.label).toBe('Apply "Time Out"');
    expect(a.changes[0]!.after).toMatchObject({ ...req, start: 2, end: 9, createdAt: 5, memo: '' });
  });
  it('refuses a category, saying what to do, and applies a code given as a record', () => {
    const category = { name: 'Process of change', notCodable: true };
    expect(() => applyCoding([], { ...req, start: 2, end: 9 }, 20, category, newId, 5)).toThrow(
      '"Process of change" is a category: it groups codes but is not applied to text itself. Choose one of its codes, or make it a code on the Codebook tab.',
    );
    expect(applyCoding([], { ...req, start: 2, end: 9 }, 20, { name: 'Time Out' }, newId, 5).label).toBe('Apply "Time Out"');
  });
  it('refuses empty and out-of-text ranges and exact repeats', () => {
    expect(() => applyCoding([], { ...req, start: 3, end: 3 }, 20, 'X', newId, 5)).toThrow(/Select some text/);
    expect(() => applyCoding([], { ...req, start: 3, end: 21 }, 20, 'X', newId, 5)).toThrow(/outside the transcript/);
    expect(() => applyCoding([coding('a', 3, 9)], { ...req, start: 3, end: 9 }, 20, 'X', newId, 5)).toThrow(/already coded "X"/);
  });
  it('grows an overlapping or touching coding of the same code and coder, absorbing others', () => {
    const before = [
      coding('a', 2, 5, { memo: 'first' }),
      coding('b', 8, 12, { createdAt: 2, memo: 'second' }),
      coding('other', 0, 20, { coderId: 'you' }),
    ];
    const action = applyCoding(before, { ...req, start: 5, end: 8 }, 20, 'X', newId, 9);
    const after = run(before, action);
    expect(after.find((c) => c.id === 'a')).toMatchObject({ start: 2, end: 12, memo: 'first\n\nsecond', updatedAt: 9 });
    expect(after.find((c) => c.id === 'b')!.deletedAt).toBe(9);
    expect(after.find((c) => c.id === 'other')).toEqual(before[2]);
    expect(run(after, invert(action))).toEqual(before);
  });
  it('keeps codings of other codes overlapping', () => {
    const a = applyCoding([coding('a', 2, 5, { codeId: 'other' })], { ...req, start: 3, end: 9 }, 20, 'X', newId, 5);
    expect(a.changes).toHaveLength(1);
    expect(a.changes[0]!.before).toBeNull();
  });
});

describe('other coding actions', () => {
  it('removes softly, resizes, edits memos, and undoes each', () => {
    const c = coding('a', 2, 5);
    for (const action of [removeCoding(c, 'X', 7), resizeCoding(c, 1, 9, 20, 'X', 7), setCodingMemo(c, 'why', 7)]) {
      const after = run([c], action);
      expect(after[0]).not.toEqual(c);
      expect(run(after, invert(action))).toEqual([c]);
    }
    expect(run([c], removeCoding(c, 'X', 7))[0]!.deletedAt).toBe(7);
    expect(() => resizeCoding(c, 5, 5, 20, 'X', 7)).toThrow(/Select some text/);
    expect(resizeCoding(c, 2, 5, 20, 'X', 7).changes).toEqual([]);
    expect(setCodingMemo(c, '', 7).changes).toEqual([]);
  });
  it('names in-vivo codes from the words', () => {
    expect(inVivoName('  “a little coin that\n you drop in,” ')).toBe('a little coin that you drop in');
    expect(inVivoName('x'.repeat(80))).toHaveLength(60);
    expect(() => inVivoName(' … ')).not.toThrow();
    expect(() => inVivoName('  ')).toThrow(/Select some words/);
  });
  it('adds coders with unique names and colours', () => {
    expect(newCoder([], ' Ana ', '#336699', newId).changes[0]!.after).toMatchObject({ name: 'Ana', colour: '#336699' });
    expect(() => newCoder([{ id: '1', name: 'ana', colour: '#000000' }], 'Ana', '#336699', newId)).toThrow(/already exists/);
    expect(() => newCoder([], 'Bo', 'red', newId)).toThrow(/not a colour/);
  });
  it('keeps one memo per target', () => {
    const memos: Memo[] = [];
    const first = saveMemo(memos, 'code', 'k', 'Define carefully', newId, 1);
    applyToArrays({ memos }, first);
    const second = saveMemo(memos, 'code', 'k', 'Define more carefully', newId, 2);
    expect(second.changes[0]!.before).toEqual(memos[0]);
    expect(saveMemo([], 'project', null, '  ', newId, 1).changes).toEqual([]);
  });
  it('combines actions into one step and filters codings for blind mode', () => {
    const a = combine('Both', removeCoding(coding('a', 1, 2), 'X', 1), removeCoding(coding('b', 1, 2), 'X', 1));
    expect(a.changes).toHaveLength(2);
    const mine = coding('m', 0, 4);
    const yours = coding('y', 2, 3, { coderId: 'you' });
    expect(visibleCodings([mine, yours], 'me', true)).toEqual([mine]);
    expect(visibleCodings([mine, yours, { ...yours, id: 'z', deletedAt: 1 }], 'me', false)).toEqual([mine, yours]);
  });
});

describe('snapping and segments', () => {
  const text = 'I always say 👋🏽 it’s like this little coin.';
  it('snaps outwards to whole words and trims whitespace', () => {
    const i = text.indexOf('ways');
    expect(text.slice(...snapToWords(text, i, i + 6))).toBe('always say');
    expect(text.slice(...snapToWords(text, text.indexOf('t’s'), text.indexOf('t’s') + 2))).toBe('it’s');
    expect(text.slice(...trimRange(text, 1, 8))).toBe('always');
    expect(snapToWords(text, 5, 5)).toEqual([5, 5]);
    const emoji = text.indexOf('👋');
    // Never cuts a surrogate pair in half.
    const [s, e] = snapToWords(text, emoji + 1, emoji + 3);
    expect(text.slice(s, e)).toBe('👋🏽');
  });
  it('cuts ranges into flat segments for overlapping, nested and adjacent codings', () => {
    const segs = segmentRange(0, 20, [
      { id: 'a', start: 2, end: 10 },
      { id: 'b', start: 5, end: 8 },
      { id: 'c', start: 10, end: 14 },
      { id: 'outside', start: 30, end: 40 },
    ]);
    expect(segs).toEqual([
      { start: 0, end: 2, codingIds: [] },
      { start: 2, end: 5, codingIds: ['a'] },
      { start: 5, end: 8, codingIds: ['a', 'b'] },
      { start: 8, end: 10, codingIds: ['a'] },
      { start: 10, end: 14, codingIds: ['c'] },
      { start: 14, end: 20, codingIds: [] },
    ]);
    expect(
      turnsTouched(
        [
          { start: 0, end: 5, speaker: null },
          { start: 7, end: 9, speaker: null },
        ],
        4,
        8,
      ),
    ).toEqual([0, 1]);
  });
});

describe('stepWord', () => {
  it('moves a coding end by whole words', async () => {
    const { stepWord } = await import('../../../renderer/core/coding/snap');
    const text = 'one two, three';
    expect(stepWord(text, 3, 1)).toBe(7);
    expect(stepWord(text, 7, -1)).toBe(4);
    expect(stepWord(text, 0, -1)).toBe(0);
    expect(stepWord(text, 14, 1)).toBe(14);
  });
});
