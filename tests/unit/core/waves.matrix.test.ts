// waveMatrix: counts per code and wave, the paired columns, and the options that filter and widen them.
import { describe, expect, it } from 'vitest';
import type { Coding, ProjectSnapshot } from '../../../renderer/core/shared/model';
import { cellPassages, waveMatrix, type WaveMatrixOptions, type WaveRow } from '../../../renderer/core/waves/waves';
import { code, person, project, source } from '../../fixtures/waveProjects';

/** A row as [participants, interviewed, passages, words] per wave, then the paired counts. */
type Cell = [number, number, number, number];
const flat = (row: WaveRow): Record<string, number[]> => ({
  ...Object.fromEntries(Object.entries(row.byWave).map(([w, c]) => [w, [c.participants, c.interviewed, c.passages, c.words]])),
  paired: [row.paired.firstOnly, row.paired.secondOnly, row.paired.both, row.paired.neither, row.paired.p],
});
const table = (options?: WaveMatrixOptions) => Object.fromEntries(waveMatrix(project, options).rows.map((r) => [r.codeId, flat(r)]));
const expectRow = (t: T1T2T3) => ({ T1: t[0], T2: t[1], T3: t[2], paired: t[3] });
type T1T2T3 = [Cell, Cell, Cell, [number, number, number, number, number]];

describe('waveMatrix', () => {
  it('lists waves by order and every live code in tree order', () => {
    const m = waveMatrix(project);
    expect(m.waves).toEqual(['T1', 'T2', 'T3']);
    expect(m.pair).toEqual(['T1', 'T2']);
    // Y is live under a deleted parent: appended, never lost. X is deleted: no row.
    expect(m.rows.map((r) => r.codeId)).toEqual(['A', 'A2', 'A1', 'B', 'C', 'Y']);
  });

  it('counts participants, interviewed, passages and words per wave, and pairs T1 with T2', () => {
    // Cells are [participants, interviewed, passages, words]; paired is [firstOnly, secondOnly, both, neither, p].
    //        T1             T2             T3            paired T1/T2 over P1 P2 P3 P7
    // A   [3,5,4,14]     [3,5,3,8]      [2,2,2,5]      P1 first, P2 both, P3 second, P7 neither -> 1 1 1 1, p 1
    //     T1: s1 "argue less now and talk" (2 coders merged, 5) + s1b 2 + s2 (interviewer) 5 + s4 2
    //     T2: s2t2 3 + s3t2 2 + s5t2 3 (P5 is seen at T2 only: counted in T2 but not paired)
    // A2  [1,5,1,2]      [0,5,0,0]      [0,2,0,0]      P3 first -> 1 0 0 3, p 1
    // A1  [1,5,1,2]      [1,5,1,2]      [0,2,0,0]      P1 first, P7 second -> 1 1 0 2, p 1
    // B   [0,5,0,0]      [3,5,3,5]      [0,2,0,0]      P1 P3 P7 second, P2 neither -> 0 3 0 1, p 2/2^3 = 0.25
    //     T1: a zero-length and a deleted coding do not count
    // C   [2,5,2,9]      [2,5,2,11]     [0,2,0,0]      P1 P2 first, P3 P7 second -> 2 2 0 0, p 1
    // Y   [1,5,1,2]      [0,5,0,0]      [0,2,0,0]      P4 is not in both waves -> 0 0 0 4, p 1
    expect(table()).toEqual({
      A: expectRow([
        [3, 5, 4, 14],
        [3, 5, 3, 8],
        [2, 2, 2, 5],
        [1, 1, 1, 1, 1],
      ]),
      A2: expectRow([
        [1, 5, 1, 2],
        [0, 5, 0, 0],
        [0, 2, 0, 0],
        [1, 0, 0, 3, 1],
      ]),
      A1: expectRow([
        [1, 5, 1, 2],
        [1, 5, 1, 2],
        [0, 2, 0, 0],
        [1, 1, 0, 2, 1],
      ]),
      B: expectRow([
        [0, 5, 0, 0],
        [3, 5, 3, 5],
        [0, 2, 0, 0],
        [0, 3, 0, 1, 0.25],
      ]),
      C: expectRow([
        [2, 5, 2, 9],
        [2, 5, 2, 11],
        [0, 2, 0, 0],
        [2, 2, 0, 0, 1],
      ]),
      Y: expectRow([
        [1, 5, 1, 2],
        [0, 5, 0, 0],
        [0, 2, 0, 0],
        [0, 0, 0, 4, 1],
      ]),
    });
  });

  it('ignores interviewer turns only when asked, clipping codings to the other turns', () => {
    // A   T1 [2,5,3,9]: the coding on s2's interviewer turn no longer makes P2 have A
    //     paired: P1 first, P2 second, P3 second, P7 neither -> 1 2 0 1, p = 2*(1+3)/8 -> 1
    // B   T2 [2,5,2,3]: "Anything new?" is the interviewer's -> P1 P3 second, P2 P7 neither, p = 2/4 = 0.5
    // C   T1 [2,5,2,8]: s2 "The group" 2, s1b (no turns) whole 6
    //     T2 [2,5,3,8]: s3t2 split by the interviewer's "Really?" into "these days." 2 + "Yes" 1; s7t2 "I got a new job." 5
    // A1, A2, Y: only participant turns or sources without turns: unchanged.
    const t = table({ ignoreInterviewer: true });
    expect(t.A).toEqual(
      expectRow([
        [2, 5, 3, 9],
        [3, 5, 3, 8],
        [2, 2, 2, 5],
        [1, 2, 0, 1, 1],
      ]),
    );
    expect(t.B).toEqual(
      expectRow([
        [0, 5, 0, 0],
        [2, 5, 2, 3],
        [0, 2, 0, 0],
        [0, 2, 0, 2, 0.5],
      ]),
    );
    expect(t.C).toEqual(
      expectRow([
        [2, 5, 2, 8],
        [2, 5, 3, 8],
        [0, 2, 0, 0],
        [2, 2, 0, 0, 1],
      ]),
    );
    const plain = table();
    for (const id of ['A1', 'A2', 'Y']) expect(t[id]).toEqual(plain[id]);
    expect(table({ ignoreInterviewer: false })).toEqual(plain);
  });

  it('with includeChildren counts a subtree once: a parent and child on the same words are one passage', () => {
    // A + A1 + A2:
    // T1 [4,5,5,17]: s1 "argue less now and talk" + A1 "talk more" = "argue less now and talk more" (6, one passage),
    //                s1b 2, s2 5, s3 A2 "shouts sometimes" 2 (P3 now has it), s4 2
    // T2 [4,5,4,10]: s2t2 3, s3t2 2, s5t2 3, s7t2 A1 "new job" 2 (P7 now has it)
    // paired: P1 first, P2 both, P3 both, P7 second -> 1 1 2 0, p 1
    const t = table({ includeChildren: true });
    expect(t.A).toEqual(
      expectRow([
        [4, 5, 5, 17],
        [4, 5, 4, 10],
        [2, 2, 2, 5],
        [1, 1, 2, 0, 1],
      ]),
    );
    const plain = table();
    for (const id of ['A1', 'A2', 'B', 'C', 'Y']) expect(t[id]).toEqual(plain[id]); // leaves, and Y under a deleted parent
  });

  it('filters by coder; an empty coder list counts no one but leaves interviewed alone', () => {
    // k1 only, A: T1 s1 "argue less now" 3 + s1b 2 + s2 5 -> [2,5,3,10]; T2 s2t2 3 + s5t2 3 -> [2,5,2,6];
    //             T3 s1t3 3 -> [1,2,1,3]; paired P1 first, P2 both, P3 P7 neither -> 1 0 1 2
    expect(table({ coderIds: ['k1'] }).A).toEqual(
      expectRow([
        [2, 5, 3, 10],
        [2, 5, 2, 6],
        [1, 2, 1, 3],
        [1, 0, 1, 2, 1],
      ]),
    );
    // k2 only, A at T1: s1 "less now and talk" 4 + s4 2
    expect(table({ coderIds: ['k2'] }).A!.T1).toEqual([2, 5, 2, 6]);
    expect(table({ coderIds: ['k1', 'k2'] })).toEqual(table());
    const none = waveMatrix(project, { coderIds: [] });
    for (const row of none.rows) {
      expect(Object.values(row.byWave).map((c) => [c.participants, c.passages, c.words])).toEqual([
        [0, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
      ]);
      expect(Object.values(row.byWave).map((c) => c.interviewed)).toEqual([5, 5, 2]);
      expect(row.paired).toEqual({ firstOnly: 0, secondOnly: 0, both: 0, neither: 4, p: 1 });
    }
  });

  it('filters participants by role, site and group, in both numerator and interviewed', () => {
    // roles man: P1 P2 P5 P7. Interviewed T1 {P1,P2,P7} 3, T2 {P1,P2,P5,P7} 4, T3 {P1,P7} 2.
    // A: T1 s1 5 + s1b 2 + s2 5 -> [2,3,3,12]; T2 s2t2 3 + s5t2 3 -> [2,4,2,6]; paired P1 first, P2 both, P7 neither
    expect(table({ roles: ['man'] }).A).toEqual(
      expectRow([
        [2, 3, 3, 12],
        [2, 4, 2, 6],
        [2, 2, 2, 5],
        [1, 0, 1, 1, 1],
      ]),
    );
    // site A: P1 P3 P5 P7. A: T1 P1 (s1 5 + s1b 2) -> [1,3,2,7]; T2 s3t2 2 + s5t2 3 -> [2,4,2,5];
    // paired over P1 P3 P7: P1 first, P3 second, P7 neither
    expect(table({ sites: ['A'] }).A).toEqual(
      expectRow([
        [1, 3, 2, 7],
        [2, 4, 2, 5],
        [2, 2, 2, 5],
        [1, 1, 0, 1, 1],
      ]),
    );
    // group comparison: P2 P7. A: T1 s2 5 -> [1,2,1,5]; T2 s2t2 3 -> [1,2,1,3]; T3 s7t3 2 -> [1,1,1,2]; P2 both, P7 neither
    expect(table({ groups: ['comparison'] }).A).toEqual(
      expectRow([
        [1, 2, 1, 5],
        [1, 2, 1, 3],
        [1, 1, 1, 2],
        [0, 0, 1, 1, 1],
      ]),
    );
    // group '' (none): P4 alone, seen at T1 only.
    expect(table({ groups: [''] }).A).toEqual(
      expectRow([
        [1, 1, 1, 2],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0, 1],
      ]),
    );
    // man at site A: P1 P5 P7. A T1: P1 of {P1,P7}.
    expect(table({ roles: ['man'], sites: ['A'] }).A!.T1).toEqual([1, 2, 2, 7]);
    // Empty lists are no filter.
    expect(table({ roles: [], sites: [], groups: [] })).toEqual(table());
  });

  it('pairs any two waves: a third wave and a non-default pair', () => {
    // T1/T3 over P1 P7: A: P1 both (s1, s1t3), P7 second (s7t3) -> 0 1 1 0
    const t13 = waveMatrix(project, { pair: ['T1', 'T3'] });
    expect(t13.pair).toEqual(['T1', 'T3']);
    expect(t13.rows.find((r) => r.codeId === 'A')!.paired).toEqual({ firstOnly: 0, secondOnly: 1, both: 1, neither: 0, p: 1 });
    // T2/T3 over P1 P7: A: neither at T2, both at T3 -> 0 2 0 0, p = 2/4 = 0.5; B: both at T2 only -> 2 0 0 0, p 0.5
    const t23 = table({ pair: ['T2', 'T3'] });
    expect(t23.A!.paired).toEqual([0, 2, 0, 0, 0.5]);
    expect(t23.B!.paired).toEqual([2, 0, 0, 0, 0.5]);
    // The pair changes only the paired columns.
    expect(t23.A!.T1).toEqual(table().A!.T1);
    // Reversed: first and second swap, p stays.
    expect(table({ pair: ['T3', 'T2'] }).A!.paired).toEqual([2, 0, 0, 0, 0.5]);
    // A wave the project does not have: nobody is interviewed in it.
    expect(table({ pair: ['T1', 'T9'] }).A!.paired).toEqual([0, 0, 0, 0, 1]);
  });

  it('with fewer than two waves the paired columns are zeros and p = 1', () => {
    const one = waveMatrix({ ...project, waves: [{ id: 'T1', label: 'Time 1', order: 0 }] });
    expect(one.waves).toEqual(['T1']);
    expect(one.pair).toBeNull();
    for (const row of one.rows) {
      expect(Object.keys(row.byWave)).toEqual(['T1']);
      expect(row.paired).toEqual({ firstOnly: 0, secondOnly: 0, both: 0, neither: 0, p: 1 });
    }
    expect(one.rows.find((r) => r.codeId === 'A')!.byWave.T1).toEqual({ participants: 3, interviewed: 5, passages: 4, words: 14 });
    const none = waveMatrix({ ...project, waves: [] });
    expect(none.waves).toEqual([]);
    expect(none.rows[0]).toEqual({ codeId: 'A', byWave: {}, paired: { firstOnly: 0, secondOnly: 0, both: 0, neither: 0, p: 1 } });
    expect(waveMatrix({ ...project, codes: [] }).rows).toEqual([]);
    // A wave id listed twice (damaged data) is one column.
    expect(waveMatrix({ ...project, waves: [...project.waves, { id: 'T1', label: 'again', order: 9 }] }).waves).toEqual(['T1', 'T2', 'T3']);
  });

  it('gives the same answer when called again, and follows a text that changed in place', () => {
    const copy: ProjectSnapshot = { ...project, sources: project.sources.map((s) => ({ ...s })) };
    const before = waveMatrix(copy);
    expect(waveMatrix(copy)).toEqual(before); // the second call reads cached word indexes
    // s4's coded range "referrals process" becomes "a b c d e f g h i" (same length: 17 units).
    const s4 = copy.sources.find((s) => s.id === 's4')!;
    const at = s4.text.indexOf('referrals process');
    s4.text = s4.text.slice(0, at) + 'a b c d e f g h i' + s4.text.slice(at + 17);
    expect(waveMatrix(copy).rows.find((r) => r.codeId === 'A')!.byWave.T1!.words).toBe(14 - 2 + 9);
  });

  it('runs at study scale (350 sources, 60 codes, 40,000 codings) and agrees with the drill-downs', () => {
    // Correctness at scale only; no timing assertion.
    const bigCodes = Array.from({ length: 60 }, (_, i) => code(`c${i}`, i < 10 ? null : `c${i % 10}`, i));
    const bigPeople = Array.from({ length: 180 }, (_, i) =>
      person(`p${i}`, `P${i}`, i % 3 ? 'man' : 'woman', i % 2 ? 'A' : 'B', 'programme'),
    );
    const words = 'and so we talked about it again the next week '.repeat(40);
    const bigSources = Array.from({ length: 350 }, (_, i) =>
      source(`s${i}`, `p${i % 180}`, i < 180 ? 'T1' : 'T2', [
        ['interviewer', 'So?'],
        ['participant', words],
      ]),
    );
    const bigCodings: Coding[] = Array.from({ length: 40_000 }, (_, i) => {
      const start = (i * 37) % 1800;
      return {
        id: `b${i}`,
        sourceId: `s${(i * 13) % 350}`,
        codeId: `c${(i * 7) % 60}`,
        coderId: i % 2 ? 'k1' : 'k2',
        start,
        end: start + 20 + (i % 50),
        memo: '',
        createdAt: 0,
        updatedAt: 0,
        deletedAt: null,
      };
    });
    const big: ProjectSnapshot = { ...project, codes: bigCodes, participants: bigPeople, sources: bigSources, codings: bigCodings };
    const m = waveMatrix(big, { includeChildren: true, ignoreInterviewer: true });
    expect(m.rows).toHaveLength(60);
    const c0 = m.rows[0]!;
    expect(c0.byWave.T1!.interviewed).toBe(180);
    expect(c0.byWave.T2!.interviewed).toBe(170);
    const cell = cellPassages(big, 'c0', 'T2', { includeChildren: true, ignoreInterviewer: true });
    expect(cell).toHaveLength(c0.byWave.T2!.passages);
    expect(cell.reduce((s, p) => s + p.words!, 0)).toBe(c0.byWave.T2!.words);
  });
});
