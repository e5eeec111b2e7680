// Saturation and interview order against hand counts on the project of analysisProject.ts.
import { describe, expect, it } from 'vitest';
import { interviewOrder, saturation, saturationPoint, type SaturationStep } from '../../../../renderer/core/analysis';
import type { ProjectSnapshot } from '../../../../renderer/core/shared/model';
import { code, source } from '../../../fixtures/waveProjects';
import { project } from './analysisProject';

const steps = (news: number[]): SaturationStep[] => {
  let cumulative = 0;
  return news.map((k, i) => ({
    sourceId: `s${i}`,
    newCodes: Array.from({ length: k }, (_, j) => `c${i}.${j}`),
    cumulative: (cumulative += k),
  }));
};

describe('saturation', () => {
  it('counts the codes each transcript adds, in codebook order', () => {
    // By date: Alex (s2), Jo (s3), Kim (s1), then nobody's s4. s3's B coding is deleted.
    expect(saturation(project, { order: ['s2', 's3', 's1', 's4'] })).toEqual([
      { sourceId: 's2', newCodes: ['A', 'B', 'C'], cumulative: 3 },
      { sourceId: 's3', newCodes: ['A1'], cumulative: 4 },
      { sourceId: 's1', newCodes: [], cumulative: 4 },
      { sourceId: 's4', newCodes: [], cumulative: 4 },
    ]);
  });

  it('filters by role, wave and coder, skipping ids it cannot count', () => {
    expect(saturation(project, { order: ['s2', 's3', 'gone', 's3', 's1'], roles: ['man'] })).toEqual([
      { sourceId: 's3', newCodes: ['A', 'A1', 'C'], cumulative: 3 },
      { sourceId: 's1', newCodes: ['B'], cumulative: 4 },
    ]);
    expect(saturation(project, { order: ['s1', 's2', 's3', 's4'], waves: ['T2'] }).map((s) => s.sourceId)).toEqual(['s3']);
    expect(saturation(project, { order: ['s2', 's3', 's1'], coderIds: ['k2'] })).toEqual([
      { sourceId: 's2', newCodes: ['C'], cumulative: 1 },
      { sourceId: 's3', newCodes: [], cumulative: 1 },
      { sourceId: 's1', newCodes: [], cumulative: 1 },
    ]);
  });

  it('counts a code where it is coded itself: a sub-code does not count for its parent', () => {
    const p: ProjectSnapshot = {
      ...project,
      codes: [code('P', null, 0), code('K', 'P', 0)],
      codings: [
        { id: 'x', sourceId: 's1', codeId: 'K', coderId: 'k1', start: 0, end: 3, memo: '', createdAt: 0, updatedAt: 0, deletedAt: null },
        { id: 'y', sourceId: 's2', codeId: 'P', coderId: 'k1', start: 5, end: 5, memo: '', createdAt: 0, updatedAt: 0, deletedAt: null },
      ],
    };
    expect(saturation(p, { order: ['s1', 's2'] }).map((s) => s.newCodes)).toEqual([['K'], []]);
  });
});

describe('saturationPoint', () => {
  it('finds the last transcript adding a code before k that add none', () => {
    expect(saturationPoint(steps([3, 2, 0, 0, 1, 0, 0, 0]), 2)).toBe(1);
    expect(saturationPoint(steps([3, 2, 0, 0, 1, 0, 0, 0]), 3)).toBe(4);
    expect(saturationPoint(steps([3, 2, 0, 0, 1, 0, 0, 0]), 4)).toBeNull();
    expect(saturationPoint(steps([0, 0, 0, 2, 0]), 1)).toBe(3);
    expect(saturationPoint(steps([0, 0, 0]), 1)).toBeNull();
    expect(saturationPoint([], 1)).toBeNull();
  });

  it('refuses a run that is not a positive whole number', () => {
    expect(() => saturationPoint(steps([1, 0]), 0)).toThrow(RangeError);
    expect(() => saturationPoint(steps([1, 0]), 1.5)).toThrow(RangeError);
  });
});

describe('interviewOrder', () => {
  it('follows import time, then title, without an attribute', () => {
    // Imported at s2 1, s3 2, s4 2, s1 3.
    expect(interviewOrder(project)).toEqual(['s2', 's3', 's4', 's1']);
    expect(interviewOrder(project, 'nobody has this')).toEqual(['s2', 's3', 's4', 's1']);
  });

  it('follows a date attribute of the participant, then wave, those without one last', () => {
    const later = source('s5', 'P1', 'T2', 'Later.', { origin: { fileName: 's5.txt', format: 'txt', sha256: '', importedAt: 0 } });
    const gone = source('s6', 'P2', 'T1', 'Gone.', { deletedAt: 1 });
    const p = { ...project, sources: [later, ...project.sources, gone] };
    // Alex 2021-01-15; Kim 2021-03-01 (T1 s1 before T2 s5, though s5 came in first); Jo and s4 have no date.
    expect(interviewOrder(p, 'date')).toEqual(['s2', 's1', 's5', 's3', 's4']);
    // Numbers in numeric order: Alex 29, Kim 34.
    expect(interviewOrder(p, 'age')).toEqual(['s2', 's1', 's5', 's3', 's4']);
  });
});
