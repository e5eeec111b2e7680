// The co-occurrence section's code choices, words, export rows and heat map, against hand counts
// on the project of analysisProject.ts (its matrices are counted in cooccurrence.test.ts).
import { describe, expect, it } from 'vitest';
import {
  codeCooccurrence,
  cooccurrenceCodeIds,
  cooccurrenceDiagonalText,
  cooccurrenceHeatMap,
  cooccurrenceMeasureText,
  cooccurrenceRows,
  cooccurrenceScaleMax,
  cooccurrenceShade,
  cooccurrenceUnitText,
  formatCooccurrence,
  heatCellAt,
  meetingText,
  topLevelCodeIds,
} from '../../../../renderer/core/analysis';
import { project } from './analysisProject';

describe('the codes of the matrix', () => {
  it('offers the top-level codes (a category too), every codable code, or a chosen list', () => {
    // A > A1, B, C, N (a category); D is deleted.
    expect(topLevelCodeIds(project)).toEqual(['A', 'B', 'C', 'N']);
    expect(cooccurrenceCodeIds(project, 'top')).toEqual(['A', 'B', 'C', 'N']);
    expect(cooccurrenceCodeIds(project, 'all')).toEqual(['A', 'A1', 'B', 'C']);
    expect(cooccurrenceCodeIds(project, 'chosen', ['C', 'D', 'A1', 'C'])).toEqual(['C', 'A1']);
    expect(cooccurrenceCodeIds(project, 'chosen')).toEqual([]);
  });

  it('treats a code under a deleted parent as top-level', () => {
    const p = { ...project, codes: project.codes.map((c) => (c.id === 'A' ? { ...c, deletedAt: 5 } : c)) };
    expect(topLevelCodeIds(p)).toEqual(['B', 'C', 'N', 'A1']);
  });
});

describe('the words', () => {
  it('says what a meeting is and what a cell counts', () => {
    expect(cooccurrenceUnitText('window', 1)).toBe('within 1 word of each other');
    expect(cooccurrenceUnitText('window', 10)).toBe('within 10 words of each other');
    expect(cooccurrenceUnitText('turn')).toBe('in the same speaker turn');
    expect(cooccurrenceMeasureText('participants', 'source')).toBe(
      'Each cell counts the participants with at least one of the transcripts holding both codes in their transcripts.',
    );
    expect(cooccurrenceMeasureText('jaccard', 'turn')).toBe(
      'Jaccard: the speaker turns holding both codes, divided by the speaker turns holding either code; 0 = never together, 1 = always together.',
    );
    expect(cooccurrenceDiagonalText('passages', 'turn')).toBe('The diagonal (grey) is the speaker turns of the code itself.');
    expect(cooccurrenceDiagonalText('passages', 'window')).toBe('The diagonal (grey) is the passages of the code itself.');
    expect(formatCooccurrence(3 / 7, 'jaccard')).toBe('0.43');
    expect(formatCooccurrence(3, 'passages')).toBe('3');
  });

  it('cuts a long meeting after a whole word and says how much is left out', () => {
    expect(meetingText('one two three four', 4, 13)).toEqual({ text: 'two three', more: 0 });
    // 20 characters allowed: "alpha beta gamma delta epsilon" is cut after "gamma" (the space at 16).
    expect(meetingText('alpha beta gamma delta epsilon', 0, 30, 20)).toEqual({ text: 'alpha beta gamma', more: 14 });
    // No space in the second half of the allowance: cut at the limit.
    expect(meetingText('abcdefghijklmnopqrstuvwxyz', 0, 26, 10)).toEqual({ text: 'abcdefghij', more: 16 });
  });
});

describe('the export rows', () => {
  it('starts with the unit, the measure and the filters, then a row per code by path', () => {
    const matrix = codeCooccurrence(project, { unit: 'overlap' });
    const rows = cooccurrenceRows(project, matrix, { unit: 'overlap', measure: 'passages', filtersText: 'Waves: all' });
    expect(rows).toEqual([
      ['Codes together: passages that overlap; cells: counts (passages). Filters: Waves: all'],
      ['Code', 'A', 'A / A1', 'B', 'C'],
      ['A', 4, 0, 2, 1],
      ['A / A1', 0, 1, 0, 0],
      ['B', 2, 0, 4, 3],
      ['C', 1, 0, 3, 6],
    ]);
  });

  it('keeps Jaccard to three decimals, as numbers', () => {
    const matrix = codeCooccurrence(project, { unit: 'overlap', measure: 'jaccard', codeIds: ['A', 'B', 'C'] });
    const rows = cooccurrenceRows(project, matrix, { unit: 'window', window: 3, measure: 'jaccard', filtersText: 'x' });
    expect(rows[0]).toEqual(['Codes together: within 3 words of each other; cells: Jaccard. Filters: x']);
    // A–B 2 / (4 + 4 − 2), A–C 1 / (4 + 6 − 1), B–C 3 / (4 + 6 − 3).
    expect(rows.slice(2)).toEqual([
      ['A', 1, 0.333, 0.111],
      ['B', 0.333, 1, 0.429],
      ['C', 0.111, 0.429, 1],
    ]);
  });
});

describe('the heat map', () => {
  const matrix = codeCooccurrence(project, { unit: 'overlap', codeIds: ['A', 'B', 'C'] }); // [[4,2,1],[2,4,3],[1,3,6]]

  it('scales the shades to the largest cell off the diagonal', () => {
    expect(cooccurrenceScaleMax(matrix)).toBe(3);
    expect(cooccurrenceShade(3, 3)).toEqual({ fill: 'rgb(31 95 153 / 1.00)', ink: '#ffffff' });
    expect(cooccurrenceShade(2, 3)).toEqual({ fill: 'rgb(31 95 153 / 0.72)', ink: '#ffffff' }); // 0.15 + 0.85 × 2/3
    expect(cooccurrenceShade(1, 3)).toEqual({ fill: 'rgb(31 95 153 / 0.43)', ink: '#12324f' });
    expect(cooccurrenceShade(0, 3).fill).toBe('#f4f4f4');
    expect(cooccurrenceShade(6, 3, true).fill).toBe('#e2e2e2');
    expect(cooccurrenceScaleMax({ codeIds: ['A'], cells: [[4]] })).toBe(0);
  });

  it('draws a cell per pair with its number, the diagonal grey, and says what the numbers mean', () => {
    const { svg, layout } = cooccurrenceHeatMap(project, matrix, { unit: 'overlap', measure: 'passages', filtersText: 'Roles: all' });
    const cells = [...svg.matchAll(/<rect x="\d+" y="\d+" width="28" height="28" fill="([^"]+)"><title>([^<]+)<\/title>/g)];
    expect(cells.map((m) => m[2])).toEqual([
      'A × A: 4',
      'A × B: 2',
      'A × C: 1',
      'B × A: 2',
      'B × B: 4',
      'B × C: 3',
      'C × A: 1',
      'C × B: 3',
      'C × C: 6',
    ]);
    expect(cells.map((m) => m[1])).toEqual([
      '#e2e2e2',
      'rgb(31 95 153 / 0.72)',
      'rgb(31 95 153 / 0.43)',
      'rgb(31 95 153 / 0.72)',
      '#e2e2e2',
      'rgb(31 95 153 / 1.00)',
      'rgb(31 95 153 / 0.43)',
      'rgb(31 95 153 / 1.00)',
      '#e2e2e2',
    ]);
    // The notes are wrapped to the chart's width: joined, they read as written.
    const notes = [...svg.matchAll(/<text x="16" y="\d+" font-size="11" fill="#555">([^<]+)<\/text>/g)].map((m) => m[1]).join(' ');
    expect(notes).toBe(
      'Codes together: passages that overlap; cells: counts (passages). Filters: Roles: all ' +
        'Each cell counts the places where passages of the two codes overlap (a run of overlapping passages is one place). ' +
        'The diagonal (grey) is the passages of the code itself. Darker is more (the darkest, 3, is the largest cell off the diagonal).',
    );
    expect(layout).toMatchObject({ cell: 30, size: 3, width: 640 });
    expect(layout.height).toBe(Number(/height="(\d+)"/.exec(svg)![1]));
  });

  it('finds the cell under a point, and none off the grid', () => {
    const { layout } = cooccurrenceHeatMap(project, matrix, { unit: 'overlap', measure: 'passages', filtersText: '' });
    expect(heatCellAt(layout, layout.left + 45, layout.top + 5)).toEqual([0, 1]);
    expect(heatCellAt(layout, layout.left + 89, layout.top + 89)).toEqual([2, 2]);
    expect(heatCellAt(layout, layout.left + 90, layout.top + 5)).toBeNull();
    expect(heatCellAt(layout, layout.left - 1, layout.top + 5)).toBeNull();
  });

  it('escapes code names and shows Jaccard without its leading zero', () => {
    const p = { ...project, codes: project.codes.map((c) => (c.id === 'A' ? { ...c, name: 'A <&> "x"' } : c)) };
    const j = codeCooccurrence(p, { unit: 'overlap', measure: 'jaccard', codeIds: ['A', 'B'] });
    const { svg } = cooccurrenceHeatMap(p, j, { unit: 'overlap', measure: 'jaccard', filtersText: '' });
    expect(svg).not.toContain('<&>');
    expect(svg).toContain('A &lt;&amp;&gt; &quot;x&quot; × B: 0.33');
    expect(svg).toMatch(/>\.33<\/text>/);
    expect(svg).toMatch(/>1\.00<\/text>/);
  });
});
