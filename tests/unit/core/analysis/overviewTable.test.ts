// The code overview's table and strip, on the project of analysisProject.ts and on hand-placed pieces.
import { describe, expect, it } from 'vitest';
import {
  codeOverview,
  firstPlace,
  formatDensity,
  overviewTableRows,
  stripBlockAt,
  stripLayout,
  stripSvg,
  topLevelCodeIds,
} from '../../../../renderer/core/analysis';
import { at, project } from './analysisProject';

describe('topLevelCodeIds', () => {
  it('lists the top-level codes in codebook order, categories included', () => {
    expect(topLevelCodeIds(project)).toEqual(['A', 'B', 'C', 'N']);
  });
});

describe('formatDensity', () => {
  it('gives one decimal, and never a 0.0% for something coded', () => {
    expect(formatDensity(0)).toBe('0%');
    expect(formatDensity(0.0004)).toBe('<0.1%');
    expect(formatDensity(0.0005)).toBe('0.1%');
    expect(formatDensity(27 / 87)).toBe('31.0%');
    expect(formatDensity(1)).toBe('100.0%');
  });
});

describe('firstPlace', () => {
  it('opens the code’s first stretch in the transcript', () => {
    const s1 = codeOverview(project, { codeIds: ['A', 'C', 'A1'] }).transcripts.find((t) => t.sourceId === 's1')!;
    const [start, end] = at('s1', 'talk more');
    expect(firstPlace(s1, 'C')).toEqual({ codeId: 'C', start, end });
    expect(firstPlace(s1, 'A1')).toBeNull();
  });
});

describe('stripLayout', () => {
  const pieces = [
    { codeId: 'A', start: 0, end: 100 },
    { codeId: 'B', start: 50, end: 150 },
    { codeId: 'A', start: 102, end: 200 },
    { codeId: 'C', start: 120, end: 130 },
    { codeId: 'B', start: 990, end: 1000 },
  ];

  it('joins a code’s near stretches, and gives overlapping blocks their own lanes', () => {
    const copy = pieces.map((p) => ({ ...p }));
    // A's two stretches are 2 characters apart (≤ 0.5% of 1,000): one block 0–200.
    expect(stripLayout(pieces, 1000)).toEqual({
      lanes: 3,
      blocks: [
        { codeId: 'A', start: 0, end: 200, left: 0, width: 20, lane: 0 },
        { codeId: 'B', start: 50, end: 150, left: 5, width: 10, lane: 1 },
        { codeId: 'C', start: 120, end: 130, left: 12, width: 1, lane: 2 },
        { codeId: 'B', start: 990, end: 1000, left: 99, width: 1, lane: 0 },
      ],
    });
    expect(pieces).toEqual(copy);
  });

  it('draws over the lane that frees first when the lanes run out', () => {
    // Lanes end at 200 (A) and 150 (B) when C starts: C goes over B's lane.
    expect(stripLayout(pieces, 1000, { maxLanes: 2 }).blocks.map((b) => [b.codeId, b.lane])).toEqual([
      ['A', 0],
      ['B', 1],
      ['C', 1],
      ['B', 0],
    ]);
    expect(stripLayout(pieces, 1000, { joinGap: 0 }).blocks.map((b) => [b.codeId, b.start, b.end, b.lane])).toEqual([
      ['A', 0, 100, 0],
      ['B', 50, 150, 1],
      ['A', 102, 200, 0],
      ['C', 120, 130, 2],
      ['B', 990, 1000, 0],
    ]);
  });

  it('keeps a tiny block visible and inside the strip', () => {
    expect(stripLayout([{ codeId: 'A', start: 999, end: 1000 }], 1000).blocks[0]).toEqual({
      codeId: 'A',
      start: 999,
      end: 1000,
      left: 99.6,
      width: 0.4,
      lane: 0,
    });
    expect(stripLayout([], 0)).toEqual({ lanes: 1, blocks: [] });
  });
});

describe('overviewTableRows', () => {
  it('writes each transcript’s densities with its participant and wave', () => {
    const overview = codeOverview(project, { codeIds: ['A', 'C'] });
    // Lengths: s2 57, s3 47, s1 87, s4 27. A: s2 "He listens more" 15; s3 "fine.\nAnd home?\nHome is calm" 28;
    // s1 "argue less now" 14 + "listen to her" 13. C: s2 11 + 23; s3 "calm and quiet" 14; s1 "talk more" 9 + "Why?" 4;
    // s4 "money and work" 14.
    expect(overviewTableRows(project, overview, 'F')).toEqual([
      ['Code overview', "Each cell: the share of the transcript's characters coded with the code", 'Filters', 'F'],
      ['Transcript', 'Participant', 'Wave', 'Characters', 'A', 'C'],
      ['s2', 'Alex', 'Time 1', 57, 0.2632, 0.5965],
      ['s3', 'Jo', 'Time 2', 47, 0.5957, 0.2979],
      ['s1', 'Kim', 'Time 1', 87, 0.3103, 0.1494],
      ['s4', '', 'Time 1', 27, 0, 0.5185],
    ]);
  });
});

describe('stripBlockAt and stripSvg', () => {
  const layout = stripLayout(
    [
      { codeId: 'A', start: 0, end: 200 },
      { codeId: 'B', start: 50, end: 150 },
      { codeId: 'C', start: 600, end: 700 },
    ],
    1000,
  );

  it('finds the block under a point, by lane', () => {
    // A 0–20% in lane 0, B 5–15% in lane 1, C 60–70% in lane 0; two lanes.
    expect(stripBlockAt(layout, 0.1, 0.2)!.codeId).toBe('A');
    expect(stripBlockAt(layout, 0.1, 0.7)!.codeId).toBe('B');
    expect(stripBlockAt(layout, 0.3, 0.2)).toBeNull();
    expect(stripBlockAt(layout, 0.65, 1)).toBeNull();
    expect(stripBlockAt(layout, 0.65, 0)!.codeId).toBe('C');
  });

  it('draws the blocks in their colours, an odd colour as grey', () => {
    const colours: Record<string, string> = { A: '#ff0000', B: 'red"/><script>', C: '#0f0' };
    expect(stripSvg(layout, (id) => colours[id], 200, 10)).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="10" viewBox="0 0 200 10">' +
        '<rect x="0" y="0" width="40" height="5" fill="#ff0000"/>' +
        '<rect x="10" y="5" width="20" height="5" fill="#888888"/>' +
        '<rect x="120" y="0" width="20" height="5" fill="#0f0"/></svg>',
    );
  });
});
