import { describe, expect, it } from 'vitest';
import type { ProjectSnapshot } from '../../../renderer/core/shared/model';
import { waveMatrixRows } from '../../../renderer/core/waves/waveExport';
import { waveMatrix } from '../../../renderer/core/waves/waves';

const code = (id: string, name: string, parentId: string | null) => ({
  id,
  parentId,
  name,
  description: '',
  inclusion: '',
  exclusion: '',
  examples: '',
  colour: '#8ec4eb',
  order: 0,
  deletedAt: null,
});
const person = (id: string) => ({ id, pseudonym: id, role: 'man', site: '', group: '' as const, attributes: {}, links: [] });
const source = (id: string, participantId: string, wave: string) => ({
  id,
  participantId,
  wave,
  title: id,
  text: 'I take responsibility now',
  turns: [],
  origin: { fileName: id, format: 'txt', sha256: '', importedAt: 0 },
});

const project: ProjectSnapshot = {
  waves: [
    { id: 'T1', label: 'Time 1', order: 0 },
    { id: 'T2', label: 'Time 2', order: 1 },
  ],
  participants: [person('a'), person('b')],
  sources: [source('a1', 'a', 'T1'), source('a2', 'a', 'T2'), source('b1', 'b', 'T1'), source('b2', 'b', 'T2')],
  codes: [code('m', 'Awareness', null), code('r', 'Takes responsibility', 'm')],
  codings: [
    { id: 'k1', sourceId: 'a2', codeId: 'r', coderId: 'x', start: 2, end: 21, memo: '', createdAt: 0, updatedAt: 0 },
    { id: 'k2', sourceId: 'b2', codeId: 'r', coderId: 'x', start: 2, end: 21, memo: '', createdAt: 0, updatedAt: 0 },
  ],
  coders: [],
};

describe('wave matrix table', () => {
  it('writes the filters, a header and one row per code path with counts, shares and the McNemar p', () => {
    const rows = waveMatrixRows(waveMatrix(project, { includeChildren: true }), project, ['T1', 'T2'], 'Roles: all');
    expect(rows[0]).toEqual(['Filters', 'Roles: all']);
    expect(rows[1]).toEqual([
      'Code',
      'Time 1: participants with code',
      'Time 1: interviewed',
      'Time 1: share',
      'Time 1: passages',
      'Time 1: words',
      'Time 2: participants with code',
      'Time 2: interviewed',
      'Time 2: share',
      'Time 2: passages',
      'Time 2: words',
      'Only Time 1',
      'Only Time 2',
      'Both Time 1 and Time 2',
      'Neither',
      'McNemar exact p (two-sided)',
    ]);
    // Both men say it at Time 2 only: 0 → 2 of 2; p = 2 · (1/2)^2 = 0.5.
    expect(rows[3]).toEqual(['Awareness / Takes responsibility', 0, 2, 0, 0, 0, 2, 2, 1, 2, 4, 0, 2, 0, 0, 0.5]);
    expect(rows[2]![0]).toBe('Awareness');
  });
});
