import { describe, expect, it } from 'vitest';
import type { ProjectSnapshot } from '../../../renderer/core/shared/model';
import { pairedByCode, pairedByCodeFor, pairedCandidates } from '../../../renderer/core/waves/pairedReader';

const code = (id: string, parentId: string | null, order: number) => ({
  id,
  parentId,
  name: id,
  description: '',
  inclusion: '',
  exclusion: '',
  examples: '',
  colour: '#8ec4eb',
  order,
  deletedAt: null,
});
const source = (id: string, participantId: string, wave: string, text: string) => ({
  id,
  participantId,
  wave,
  title: id,
  text,
  turns: [],
  origin: { fileName: id, format: 'txt', sha256: '', importedAt: 0 },
});
let n = 0;
const coding = (sourceId: string, codeId: string, start: number, end: number, coderId = 'a') => ({
  id: `k${++n}`,
  sourceId,
  codeId,
  coderId,
  start,
  end,
  memo: '',
  createdAt: 0,
  updatedAt: 0,
  deletedAt: null,
});

const project: ProjectSnapshot = {
  waves: [
    { id: 'T1', label: 'Time 1', order: 0 },
    { id: 'T2', label: 'Time 2', order: 1 },
    { id: 'T3', label: 'Follow-up', order: 2 },
  ],
  participants: [
    { id: 'p1', pseudonym: 'Dale', role: 'man', site: '', group: '', attributes: {}, links: [] },
    { id: 'p2', pseudonym: 'Ann', role: 'woman', site: '', group: '', attributes: {}, links: [] },
  ],
  sources: [
    source('d1', 'p1', 'T1', 'I shouted at her. It was her fault.'),
    source('d2', 'p1', 'T2', 'I walk away now. It was my doing.'),
    source('d3', 'p1', 'T3', 'Still calm.'),
    source('a1', 'p2', 'T1', 'He shouted.'),
  ],
  codes: [code('measure', null, 0), code('calm', 'measure', 0), code('blame', null, 1), code('unused', null, 2)],
  codings: [
    coding('d1', 'blame', 18, 35), // "It was her fault."
    coding('d2', 'calm', 0, 15), // "I walk away now"
    coding('d2', 'blame', 17, 33, 'b'), // "It was my doing."
    coding('d3', 'calm', 0, 11), // Follow-up: outside the pair
    coding('a1', 'blame', 0, 11), // Ann
  ],
  coders: [],
};

describe('paired reader', () => {
  it('aligns a participant’s passages by code, first wave left, second right', () => {
    const rows = pairedByCode(project, 'p1', ['T1', 'T2']);
    expect(rows.map((r) => [r.codeId, r.depth, r.first.map((p) => p.text), r.second.map((p) => p.text)])).toEqual([
      ['calm', 1, [], ['I walk away now']],
      ['blame', 0, ['It was her fault.'], ['It was my doing.']],
    ]);
  });
  it('narrows to a measure and its indicators, another pair of waves, or one coder', () => {
    expect(pairedByCode(project, 'p1', ['T1', 'T2'], { codeId: 'measure' }).map((r) => [r.codeId, r.depth])).toEqual([['calm', 1]]);
    expect(pairedByCode(project, 'p1', ['T2', 'T3'], { codeId: 'calm' }).map((r) => [r.first.length, r.second.length])).toEqual([[1, 1]]);
    expect(pairedByCode(project, 'p1', ['T1', 'T2'], { coderIds: ['b'] }).map((r) => r.codeId)).toEqual(['blame']);
  });
  it('reads several participants at once exactly as one at a time', () => {
    for (const options of [{}, { codeId: 'measure' }, { coderIds: ['b'] }]) {
      const both = pairedByCodeFor(project, ['p1', 'p2', 'nobody'], ['T1', 'T2'], options);
      expect(both.get('p1')).toEqual(pairedByCode(project, 'p1', ['T1', 'T2'], options));
      expect(both.get('p2')).toEqual(pairedByCode(project, 'p2', ['T1', 'T2'], options));
      expect(both.get('nobody')).toEqual([]);
    }
    expect(
      pairedByCodeFor(project, ['p2'], ['T1', 'T2'])
        .get('p2')!
        .map((r) => r.codeId),
    ).toEqual(['blame']);
  });
  it('offers the participants interviewed at both waves', () => {
    expect(pairedCandidates(project, ['T1', 'T2'])).toEqual(['p1']);
    expect(pairedCandidates(project, ['T1', 'T3'])).toEqual(['p1']);
  });
});
