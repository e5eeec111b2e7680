// Planning double coding: a share of the transcripts drawn within each role × wave stratum.
import { describe, expect, it } from 'vitest';
import { planDoubleCoding } from '../../../renderer/core/agreement/plan';
import type { ProjectSnapshot } from '../../../renderer/core/shared/model';
import { source } from '../../fixtures/agreementProject';

describe('planning double coding', () => {
  const people = ['m1', 'm2', 'w1', 'w2'].map((id) => ({
    id,
    pseudonym: id,
    role: id[0] === 'm' ? 'man' : 'woman',
    site: '',
    group: '' as const,
    attributes: {},
    links: [],
  }));
  const sources = people.flatMap((p) => ['T1', 'T2'].map((w) => ({ ...source(`${p.id}-${w}`, w), participantId: p.id })));
  const study: ProjectSnapshot = {
    waves: [
      { id: 'T1', label: 'Time 1', order: 0 },
      { id: 'T2', label: 'Time 2', order: 1 },
    ],
    participants: people,
    sources,
    codes: [],
    codings: [],
    coders: [],
  };

  it('draws a share within each role × wave stratum, at least one each, the same for the same seed', () => {
    const plan = planDoubleCoding(study, { share: 0.25, seed: 42 });
    expect(plan.strata.map((s) => [s.key, s.total, s.chosen.length])).toEqual([
      ['role man · wave T1', 2, 1],
      ['role man · wave T2', 2, 1],
      ['role woman · wave T1', 2, 1],
      ['role woman · wave T2', 2, 1],
    ]);
    expect(planDoubleCoding(study, { share: 0.25, seed: 42 })).toEqual(plan);
    expect(plan.strata.every((s) => s.chosen.every((id) => id.endsWith(s.key.slice(-2))))).toBe(true);
    expect(planDoubleCoding(study, { share: 1, seed: 1 }).sourceIds).toHaveLength(8);
    expect(() => planDoubleCoding(study, { share: 0, seed: 1 })).toThrow(/share/);
  });

  it('different seeds can draw differently', () => {
    const draws = new Set(Array.from({ length: 20 }, (_, seed) => planDoubleCoding(study, { share: 0.5, seed }).sourceIds.join()));
    expect(draws.size).toBeGreaterThan(1);
  });
});
