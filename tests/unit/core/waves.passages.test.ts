// The passages behind a wave matrix cell (cellPassages) and their counts per participant (passagesByParticipant).
import { describe, expect, it } from 'vitest';
import { countWords } from '../../../renderer/core/shared/names';
import { cellPassages, passagesByParticipant, waveMatrix, type WaveMatrixOptions } from '../../../renderer/core/waves/waves';
import { byId, project } from '../../fixtures/waveProjects';

describe('cellPassages', () => {
  const text = (p: { sourceId: string; start: number; end: number }) => byId.get(p.sourceId)!.text.slice(p.start, p.end);

  it('returns the merged stretches behind a cell, by pseudonym, source, then offset', () => {
    // A at T1: Alex (P2) s2; Kim (P1) s1 then s1b; Sam (P4) s4.
    const cell = cellPassages(project, 'A', 'T1');
    expect(cell.map((p) => [p.participantId, p.sourceId, text(p), p.words])).toEqual([
      ['P2', 's2', 'Tell me about the group', 5],
      ['P1', 's1', 'argue less now and talk', 5],
      ['P1', 's1b', 'money worries', 2],
      ['P4', 's4', 'referrals process', 2],
    ]);
    const s1 = byId.get('s1')!.text;
    expect(cell[1]).toMatchObject({ sourceId: 's1', start: s1.indexOf('argue'), end: s1.indexOf(' more') });
  });

  it('follows the options: children, interviewer turns, coders and participants', () => {
    expect(cellPassages(project, 'A', 'T1', { includeChildren: true }).map(text)).toEqual([
      'Tell me about the group',
      'shouts sometimes',
      'argue less now and talk more',
      'money worries',
      'referrals process',
    ]);
    expect(cellPassages(project, 'C', 'T2', { ignoreInterviewer: true }).map((p) => [p.sourceId, text(p)])).toEqual([
      ['s3t2', 'these days.'],
      ['s3t2', 'Yes'],
      ['s7t2', 'I got a new job.'],
    ]);
    expect(cellPassages(project, 'A', 'T1', { coderIds: ['k2'] }).map(text)).toEqual(['less now and talk', 'referrals process']);
    expect(cellPassages(project, 'A', 'T1', { roles: ['staff'] }).map(text)).toEqual(['referrals process']);
  });

  it('matches every cell of the matrix, passages and words', () => {
    for (const options of [
      {},
      { includeChildren: true },
      { ignoreInterviewer: true },
      { coderIds: ['k2'], sites: ['A'] },
    ] as WaveMatrixOptions[]) {
      const m = waveMatrix(project, options);
      for (const row of m.rows) {
        for (const w of m.waves) {
          const cell = cellPassages(project, row.codeId, w, options);
          expect(cell.length).toBe(row.byWave[w]!.passages);
          expect(cell.reduce((s, p) => s + countWords(text(p)), 0)).toBe(row.byWave[w]!.words);
          expect(new Set(cell.map((p) => p.participantId)).size).toBe(row.byWave[w]!.participants);
        }
      }
    }
  });

  it('is empty for a deleted or unknown code and a wave the project does not have', () => {
    expect(cellPassages(project, 'X', 'T1')).toEqual([]);
    expect(cellPassages(project, 'nope', 'T1')).toEqual([]);
    expect(cellPassages(project, 'A', 'T9')).toEqual([]);
  });
});

describe('passagesByParticipant', () => {
  it("splits a cell's passages by participant: two coders on the same words once", () => {
    // A at T1: Kim s1 (two coders' overlapping codings, one passage) + s1b; Alex s2; Sam s4.
    const a = passagesByParticipant(project).get('A')!;
    expect([...a.keys()].sort()).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P7']);
    expect(Object.fromEntries(a.get('P1')!)).toEqual({ T1: 2, T3: 1 });
    expect(Object.fromEntries(a.get('P4')!)).toEqual({ T1: 1 });
    expect(passagesByParticipant(project).has('X')).toBe(false); // deleted code
    expect(passagesByParticipant(project, { coderIds: [] }).size).toBe(0);
  });

  it('sums to the matrix passages for every row, wave and option set', () => {
    for (const options of [
      {},
      { includeChildren: true },
      { ignoreInterviewer: true },
      { coderIds: ['k2'], sites: ['A'] },
      { roles: ['man'] },
    ] as WaveMatrixOptions[]) {
      const counts = passagesByParticipant(project, options);
      const m = waveMatrix(project, options);
      for (const row of m.rows) {
        for (const w of m.waves) {
          let sum = 0;
          for (const byWave of counts.get(row.codeId)?.values() ?? []) sum += byWave.get(w) ?? 0;
          expect(sum).toBe(row.byWave[w]!.passages);
        }
      }
    }
  });
});
