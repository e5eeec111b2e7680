// Code co-occurrence against hand counts on the project of analysisProject.ts.
import { describe, expect, it } from 'vitest';
import { codeCooccurrence, cooccurrencePassages } from '../../../../renderer/core/analysis';
import { waveMatrix } from '../../../../renderer/core/waves';
import { at, project, text } from './analysisProject';

describe('codeCooccurrence', () => {
  it('takes every live codable code in codebook order by default', () => {
    expect(codeCooccurrence(project, { unit: 'overlap' }).codeIds).toEqual(['A', 'A1', 'B', 'C']);
    expect(codeCooccurrence(project, { unit: 'overlap', codeIds: ['C', 'D', 'A', 'C', 'N'] }).codeIds).toEqual(['C', 'A', 'N']);
  });

  it('counts overlapping stretches as meetings', () => {
    // A: s1 "argue less now", "listen to her"; s2 "He listens more"; s3 "fine…calm" = 4.
    // B: s1 "less now and we talk", "group helped"; s2; s4 = 4. C: s1 ×2, s2 ×2 (k1 + k2), s3, s4 = 6.
    // A–B: s1 (argue less now ∩ less now…), s2 = 2. A–C: s3 (calm) = 1. B–C: s1 (talk), s2 (The kids), s4 (money) = 3.
    expect(codeCooccurrence(project, { unit: 'overlap' }).cells).toEqual([
      [4, 0, 2, 1],
      [0, 1, 0, 0],
      [2, 0, 4, 3],
      [1, 0, 3, 6],
    ]);
  });

  it('counts turns holding both', () => {
    // s1: A t1 t3; B t1 t3; C t1 t2. s2 (no turns) one turn with A B C. s3: A t0 t1 t2, A1 t0, C t2. s4: B C.
    expect(codeCooccurrence(project, { unit: 'turn' }).cells).toEqual([
      [6, 1, 3, 3],
      [1, 1, 0, 0],
      [3, 0, 4, 3],
      [3, 0, 3, 5],
    ]);
  });

  it('counts stretches within N words of each other', () => {
    // N = 1: s1 "group helped" me "listen to her" is a second A–B meeting; in s1 B and C form one
    // chain (less now…talk ∩ talk more, "more" then Why?, "The" then group helped); s2 A and C
    // meet across ". ", B and C across "He"; s3 "Work" is one word ("is") from "fine".
    expect(codeCooccurrence(project, { unit: 'window', window: 1 }).cells).toEqual([
      [4, 1, 3, 2],
      [1, 1, 0, 0],
      [3, 0, 4, 3],
      [2, 0, 3, 6],
    ]);
    // N = 0: only punctuation between: s2 "shouts less. He listens" still meets; s1 "helped me listen" no longer.
    const zero = codeCooccurrence(project, { unit: 'window', window: 0, codeIds: ['A', 'B', 'C'] }).cells;
    expect(zero[0]).toEqual([4, 2, 2]);
    // N = 2: s1 "argue less now" and "we" "talk more" meet as well.
    expect(codeCooccurrence(project, { unit: 'window', window: 2, codeIds: ['A', 'C'] }).cells).toEqual([
      [4, 3],
      [3, 6],
    ]);
  });

  it('links only stretches of different codes within the window', () => {
    // A at "a" and "c" (one word apart), B at "h": A's own stretches are no meeting.
    const body = 'a b c d e f g h';
    const g = (id: string, codeId: string, start: number) => ({ ...project.codings[0]!, id, sourceId: 'w', codeId, start, end: start + 1 });
    const p = {
      ...project,
      sources: [{ ...project.sources[1]!, id: 'w', text: body }],
      codings: [g('1', 'A', 0), g('2', 'A', 4), g('3', 'B', 14)],
    };
    const cell = (window: number) => codeCooccurrence(p, { unit: 'window', window, codeIds: ['A', 'B'] }).cells[0]![1];
    expect([1, 3, 4, 6, 7].map(cell)).toEqual([0, 0, 1, 1, 1]); // d e f g lie between "c" and "h"
    expect(cooccurrencePassages(p, 'A', 'B', { unit: 'window', window: 4 })).toMatchObject([{ start: 4, end: 15 }]);
    expect(cooccurrencePassages(p, 'A', 'B', { unit: 'window', window: 6 })).toMatchObject([{ start: 0, end: 15 }]);
  });

  it('refuses a window that is not a whole number of words', () => {
    expect(() => codeCooccurrence(project, { unit: 'window', window: -1 })).toThrow(RangeError);
    expect(() => codeCooccurrence(project, { unit: 'window', window: 1.5 })).toThrow(RangeError);
    expect(codeCooccurrence(project, { unit: 'overlap', window: -1 }).cells[0]![0]).toBe(4);
  });

  it('counts transcripts holding both', () => {
    expect(codeCooccurrence(project, { unit: 'source' }).cells).toEqual([
      [3, 1, 2, 3],
      [1, 1, 0, 1],
      [2, 0, 3, 3],
      [3, 1, 3, 4],
    ]);
  });

  it('counts participants, leaving out transcripts of nobody', () => {
    // A: P1 P2 P3; A1: P3; B: P1 P2 (s4 is nobody's); C: P1 P2 P3. A–B: P1 P2; A–C: P3; B–C: P1 P2.
    expect(codeCooccurrence(project, { unit: 'overlap', measure: 'participants' }).cells).toEqual([
      [3, 0, 2, 1],
      [0, 1, 0, 0],
      [2, 0, 2, 2],
      [1, 0, 2, 3],
    ]);
    expect(codeCooccurrence(project, { unit: 'source', measure: 'participants', codeIds: ['A1', 'C'] }).cells).toEqual([
      [1, 1],
      [1, 3],
    ]);
  });

  it('gives the Jaccard index over the unit’s instances', () => {
    const j = codeCooccurrence(project, { unit: 'overlap', measure: 'jaccard' }).cells;
    expect(j[0]![0]).toBe(1);
    expect(j[0]![1]).toBe(0);
    expect(j[0]![2]).toBeCloseTo(2 / 6); // 2 / (4 + 4 − 2)
    expect(j[0]![3]).toBeCloseTo(1 / 9);
    expect(j[2]![3]).toBeCloseTo(3 / 7);
    expect(codeCooccurrence(project, { unit: 'turn', measure: 'jaccard', codeIds: ['A', 'B'] }).cells[0]![1]).toBeCloseTo(3 / 7);
    expect(codeCooccurrence(project, { unit: 'source', measure: 'jaccard', codeIds: ['A', 'B'] }).cells[0]![1]).toBeCloseTo(0.5);
    // A code that occurs nowhere: 0, also on the diagonal.
    expect(codeCooccurrence(project, { unit: 'overlap', measure: 'jaccard', codeIds: ['N', 'A'] }).cells).toEqual([
      [0, 0],
      [0, 1],
    ]);
  });

  it('applies the filters', () => {
    // Men: s1 and s3.
    expect(codeCooccurrence(project, { unit: 'overlap', roles: ['man'], codeIds: ['A', 'B', 'C'] }).cells).toEqual([
      [3, 1, 1],
      [1, 2, 1],
      [1, 1, 3],
    ]);
    // Coder k1 only: C loses s2's "The kids are calmer now" and s3's "calm and quiet".
    expect(codeCooccurrence(project, { unit: 'overlap', coderIds: ['k1'], codeIds: ['A', 'B', 'C'] }).cells).toEqual([
      [4, 2, 0],
      [2, 4, 2],
      [0, 2, 4],
    ]);
    expect(
      codeCooccurrence(project, { unit: 'overlap', coderIds: [] })
        .cells.flat()
        .every((x) => x === 0),
    ).toBe(true);
    expect(codeCooccurrence(project, { unit: 'source', waves: ['T2'], codeIds: ['A', 'B', 'C'] }).cells).toEqual([
      [1, 0, 1],
      [0, 0, 0],
      [1, 0, 1],
    ]);
    // Set one: s2 and s4.
    expect(codeCooccurrence(project, { unit: 'overlap', setIds: ['S1'], codeIds: ['B', 'C'] }).cells).toEqual([
      [2, 2],
      [2, 3],
    ]);
  });

  it('counts sub-codes with their parent under includeChildren', () => {
    // A with A1: s3 "Work" is a second stretch of A there, and A meets A1 at it.
    const m = codeCooccurrence(project, { unit: 'overlap', includeChildren: true });
    expect(m.cells[0]).toEqual([5, 1, 2, 1]);
    expect(codeCooccurrence(project, { unit: 'turn', includeChildren: true }).cells[0]).toEqual([6, 1, 3, 3]);
  });

  it('leaves out the interviewer’s words under ignoreInterviewer', () => {
    // C's "Why?" goes; A in s3 splits into "fine." and "Home is calm" (the "And home?" turn is cut out).
    const m = codeCooccurrence(project, { unit: 'overlap', ignoreInterviewer: true });
    expect(m.cells[0]![0]).toBe(5);
    expect(m.cells[3]![3]).toBe(5);
    expect(codeCooccurrence(project, { unit: 'turn', ignoreInterviewer: true }).cells[0]![0]).toBe(5);
  });

  it('has the wave matrix’s passages on its diagonal for the transcripts the wave matrix counts', () => {
    const options = { roles: ['man', 'woman'], waves: ['T1', 'T2'] };
    const m = codeCooccurrence(project, { unit: 'overlap', ...options });
    const wm = waveMatrix(project, options);
    m.codeIds.forEach((id, i) => {
      const row = wm.rows.find((r) => r.codeId === id)!;
      expect(m.cells[i]![i]).toBe(row.byWave['T1']!.passages + row.byWave['T2']!.passages);
    });
  });
});

describe('cooccurrencePassages', () => {
  const span = (sourceId: string, from: string, to: string) => {
    const [start] = at(sourceId, from);
    const [, end] = at(sourceId, to);
    return { sourceId, start, end };
  };

  it('gives the meetings behind a cell, in reading order (Alex, Jo, Kim, then nobody)', () => {
    expect(cooccurrencePassages(project, 'B', 'C', { unit: 'overlap' })).toEqual([
      { ...span('s2', 'listens more', 'calmer now'), participantId: 'P2' },
      { ...span('s1', 'less now', 'talk more'), participantId: 'P1' },
      { ...span('s4', 'money', 'money and work'), participantId: null },
    ]);
    expect(cooccurrencePassages(project, 'C', 'B', { unit: 'overlap' })).toEqual(
      cooccurrencePassages(project, 'B', 'C', { unit: 'overlap' }),
    );
  });

  it('spans a chain of stretches within the window', () => {
    const places = cooccurrencePassages(project, 'B', 'C', { unit: 'window', window: 1 });
    expect(places.map((p) => p.sourceId)).toEqual(['s2', 's1', 's4']);
    expect(places[0]).toMatchObject(span('s2', 'shouts', 'calmer now'));
    expect(places[1]).toMatchObject(span('s1', 'less now', 'group helped'));
  });

  it('gives turns and transcripts for those units, and the code’s own instances on the diagonal', () => {
    const [t1s, t1e] = at('s1', 'We argue less now and we talk more.');
    const [t3s, t3e] = at('s1', 'The group helped me listen to her.');
    expect(cooccurrencePassages(project, 'A', 'B', { unit: 'turn', roles: ['man'] })).toEqual([
      { sourceId: 's1', participantId: 'P1', start: t1s, end: t1e },
      { sourceId: 's1', participantId: 'P1', start: t3s, end: t3e },
    ]);
    expect(cooccurrencePassages(project, 'A1', 'C', { unit: 'source' })).toEqual([
      { sourceId: 's3', participantId: 'P3', start: 0, end: text('s3').length },
    ]);
    expect(
      cooccurrencePassages(project, 'A', 'A', { unit: 'overlap', waves: ['T1'] }).map((p) => text(p.sourceId).slice(p.start, p.end)),
    ).toEqual(['He listens more', 'argue less now', 'listen to her']);
    expect(cooccurrencePassages(project, 'A', 'D', { unit: 'overlap' })).toEqual([]);
  });
});
