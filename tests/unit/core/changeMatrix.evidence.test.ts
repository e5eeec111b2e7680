// The evidence behind a change matrix cell (cellEvidence, evidenceCounts) and the judgements suggested from it.
import { describe, expect, it } from 'vitest';
import {
  cellEvidence,
  cellKey,
  evidenceCounts,
  judgementLabel,
  suggestJudgement,
  type EvidencePassage,
  type WavePair,
} from '../../../renderer/core/waves/changeMatrix';
import { waveMatrix } from '../../../renderer/core/waves/waves';
import { project, WAVES } from '../../fixtures/changeMatrixProject';

const texts = (passages: EvidencePassage[]) => passages.map((p) => `${p.codings.map((c) => c.codingId).join('+')}: ${p.text}`);

describe('cellEvidence and evidenceCounts', () => {
  it('counts passages as the wave matrix does: two coders on the same words are one passage', () => {
    // c1 and c3 code "I shout at her." by two coders: one passage at Time 1, not two.
    expect(evidenceCounts(project, WAVES).get(cellKey('p1', 'k1', WAVES))).toEqual({ first: 1, second: 2 });
    const first = cellEvidence(project, 'p1', 'k1', WAVES).first;
    expect(first.map((p) => p.text)).toEqual(['I shout at her.']);
    // Summed over participants, a code's counts are the wave matrix's passages, whatever the options.
    const optionSets = [
      {},
      { includeChildren: true },
      { coderIds: ['me'] },
      { includeChildren: true, coderIds: ['you'] },
      { coderIds: [] },
      { ignoreInterviewer: true },
    ];
    for (const options of optionSets) {
      for (const waves of [WAVES, ['T2', 'T1'] as WavePair]) {
        const counts = evidenceCounts(project, waves, options);
        for (const row of waveMatrix(project, { ...options, pair: waves }).rows) {
          const summed = { first: 0, second: 0 };
          for (const p of project.participants) {
            const n = counts.get(cellKey(p.id, row.codeId, waves)) ?? { first: 0, second: 0 };
            summed.first += n.first;
            summed.second += n.second;
          }
          expect(summed, `${row.codeId} ${JSON.stringify(options)}`).toEqual({
            first: row.byWave[waves[0]]!.passages,
            second: row.byWave[waves[1]]!.passages,
          });
        }
      }
    }
  });
  it("gives the participant's passages of the code in each wave, by transcript then offset", () => {
    const e = cellEvidence(project, 'p1', 'k1', WAVES);
    expect(texts(e.first)).toEqual(['c1+c3: I shout at her.']);
    expect(texts(e.second)).toEqual(['c4: We talk it through.', 'c6: Calm voice.']);
    expect(e.second[0]).toEqual({
      sourceId: 's2',
      start: 0,
      end: 19,
      text: 'We talk it through.',
      codings: [{ codingId: 'c4', codeId: 'k1', coderId: 'me' }],
    });
    expect(e.first[0]!.codings.map((c) => c.coderId)).toEqual(['me', 'you']);
  });
  it('adds live sub-codes with includeChildren and keeps only the chosen coders', () => {
    const all = cellEvidence(project, 'p1', 'k1', WAVES, { includeChildren: true });
    expect(texts(all.first)).toEqual(['c1+c3: I shout at her.', 'c2: I never listen.']);
    expect(texts(all.second)).toEqual(['c4: We talk it through.', 'c5: I hear her out.', 'c6: Calm voice.']);
    const mine = cellEvidence(project, 'p1', 'k1', WAVES, { includeChildren: true, coderIds: ['me'] });
    expect(texts(mine.first)).toEqual(['c1: I shout at her.', 'c2: I never listen.']);
    const yours = cellEvidence(project, 'p1', 'k1', WAVES, { coderIds: ['you'] });
    expect(texts(yours.first)).toEqual(['c3: I shout at her.']);
    expect(yours.second).toEqual([]);
    expect(cellEvidence(project, 'p1', 'k1', WAVES, { coderIds: [] })).toEqual({ first: [], second: [] });
  });
  it('follows the pair order and ignores deleted participants, codes, transcripts and codings', () => {
    const swapped = cellEvidence(project, 'p1', 'k1', ['T2', 'T1']);
    expect(texts(swapped.first)).toEqual(['c4: We talk it through.', 'c6: Calm voice.']);
    expect(texts(cellEvidence(project, 'p3', 'k1', WAVES).second)).toEqual(['c10: He speaks to me kindly now.']);
    expect(cellEvidence(project, 'p4', 'k1', WAVES)).toEqual({ first: [], second: [] });
    expect(cellEvidence(project, 'p1', 'k3', WAVES)).toEqual({ first: [], second: [] });
    expect(texts(cellEvidence(project, 'p1', 'k1b', WAVES).first)).toEqual(['c14: Money is mine.']);
  });
  it('counts exactly what cellEvidence lists, for every cell and option', () => {
    const withKids = evidenceCounts(project, WAVES, { includeChildren: true });
    expect(withKids.get(cellKey('p1', 'k1', WAVES))).toEqual({ first: 2, second: 3 });
    expect(evidenceCounts(project, WAVES).get(cellKey('p1', 'k1', WAVES))).toEqual({ first: 1, second: 2 });
    expect(evidenceCounts(project, WAVES, { includeChildren: true, coderIds: ['me'] }).get(cellKey('p1', 'k1', WAVES))).toEqual({
      first: 2,
      second: 3,
    });
    expect(withKids.get(cellKey('p2', 'k2', WAVES))).toEqual({ first: 1, second: 0 });
    expect(withKids.get(cellKey('p4', 'k1', WAVES))).toBeUndefined();
    const optionSets = [
      {},
      { includeChildren: true },
      { coderIds: ['me'] },
      { includeChildren: true, coderIds: ['you'] },
      { coderIds: [] },
      { ignoreInterviewer: true },
    ];
    for (const options of optionSets) {
      for (const waves of [WAVES, ['T2', 'T1'] as WavePair]) {
        const counts = evidenceCounts(project, waves, options);
        for (const p of project.participants) {
          for (const k of project.codes) {
            const e = cellEvidence(project, p.id, k.id, waves, options);
            expect(counts.get(cellKey(p.id, k.id, waves)) ?? { first: 0, second: 0 }).toEqual({
              first: e.first.length,
              second: e.second.length,
            });
          }
        }
      }
    }
  });
});

describe('suggestJudgement', () => {
  it('says only emerged or ceased, from presence and absence', () => {
    const table: [number, number, string][] = [
      [0, 0, ''],
      [0, 1, 'emerged'],
      [0, 7, 'emerged'],
      [1, 0, 'ceased'],
      [4, 0, 'ceased'],
      [1, 1, ''],
      [1, 5, ''],
      [5, 1, ''],
    ];
    expect(table.map(([a, b]) => suggestJudgement(a, b))).toEqual(table.map(([, , j]) => j));
  });
  it('labels judgements', () => {
    expect(judgementLabel('strengthened')).toBe('Strengthened');
    expect(judgementLabel('')).toBe('');
  });
});
