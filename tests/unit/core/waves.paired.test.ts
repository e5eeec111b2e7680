// The people behind the paired columns (pairedParticipants) and the change between two waves (changeScore).
import { describe, expect, it } from 'vitest';
import { changeScore, pairedParticipants, waveMatrix, type WaveMatrixOptions } from '../../../renderer/core/waves/waves';
import { project } from '../../fixtures/waveProjects';

describe('pairedParticipants', () => {
  it('names the people behind the paired columns, by pseudonym', () => {
    expect(pairedParticipants(project, 'A')).toEqual({ firstOnly: ['P1'], secondOnly: ['P3'], both: ['P2'], neither: ['P7'] });
    // Jo (P3), Kim (P1), Ray (P7)
    expect(pairedParticipants(project, 'B')).toEqual({ firstOnly: [], secondOnly: ['P3', 'P1', 'P7'], both: [], neither: ['P2'] });
    expect(pairedParticipants(project, 'A', { ignoreInterviewer: true })).toEqual({
      firstOnly: ['P1'],
      secondOnly: ['P2', 'P3'],
      both: [],
      neither: ['P7'],
    });
    expect(pairedParticipants(project, 'A', { pair: ['T2', 'T3'] })).toEqual({
      firstOnly: [],
      secondOnly: ['P1', 'P7'],
      both: [],
      neither: [],
    });
    expect(pairedParticipants(project, 'X')).toEqual({ firstOnly: [], secondOnly: [], both: [], neither: [] });
    expect(pairedParticipants({ ...project, waves: [] }, 'A')).toEqual({ firstOnly: [], secondOnly: [], both: [], neither: [] });
  });

  it('agrees with the matrix for every row and option set', () => {
    for (const options of [
      {},
      { includeChildren: true },
      { ignoreInterviewer: true, pair: ['T1', 'T3'] },
      { roles: ['man'], coderIds: ['k1'] },
    ] as WaveMatrixOptions[]) {
      for (const row of waveMatrix(project, options).rows) {
        const people = pairedParticipants(project, row.codeId, options);
        const { firstOnly, secondOnly, both, neither } = row.paired;
        expect([people.firstOnly.length, people.secondOnly.length, people.both.length, people.neither.length]).toEqual([
          firstOnly,
          secondOnly,
          both,
          neither,
        ]);
      }
    }
  });
});

describe('changeScore', () => {
  it('is the share at the second wave minus the share at the first', () => {
    const rows = new Map(waveMatrix(project).rows.map((r) => [r.codeId, r]));
    expect(changeScore(rows.get('A')!, ['T1', 'T2'])).toBe(0); // 3/5 - 3/5
    expect(changeScore(rows.get('B')!, ['T1', 'T2'])).toBeCloseTo(0.6, 12); // 3/5 - 0/5
    expect(changeScore(rows.get('B')!, ['T2', 'T1'])).toBeCloseTo(-0.6, 12);
    expect(changeScore(rows.get('A')!, ['T1', 'T3'])).toBeCloseTo(0.4, 12); // 2/2 - 3/5
  });

  it('is 0 when nobody was interviewed in a wave of the pair, or the wave has no cell', () => {
    const row = waveMatrix(project, { groups: [''] }).rows[0]!; // P4 alone: T1 1/1, T2 0/0
    expect(changeScore(row, ['T1', 'T2'])).toBe(0);
    expect(changeScore(row, ['T1', 'T9'])).toBe(0);
  });
});
