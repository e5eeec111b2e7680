// Saturation split by role and by wave, its table and chart, on the hand-counted project of
// analysisProject.ts (s1: A, B, C; s2: A, B, C; s3: A, A1, C; s4, nobody's: B, C).
import { describe, expect, it } from 'vitest';
import { saturationRows, saturationSeries, saturationSvg } from '../../../../renderer/core/analysis';
import { project } from './analysisProject';

const order = ['s2', 's3', 's1', 's4'];
const shape = (series: ReturnType<typeof saturationSeries>) =>
  series.map((s) => ({ label: s.label, ids: s.steps.map((x) => x.sourceId), news: s.steps.map((x) => x.newCodes), point: s.point }));

describe('saturation series', () => {
  it('runs once over every transcript without a split', () => {
    expect(shape(saturationSeries(project, { order, split: 'none', k: 2 }))).toEqual([
      { label: '', ids: order, news: [['A', 'B', 'C'], ['A1'], [], []], point: 1 },
    ]);
  });

  it('runs each role on its own, leaving out roles with no transcript and transcripts of nobody', () => {
    expect(shape(saturationSeries(project, { order, split: 'role', k: 1 }))).toEqual([
      // For the men, s3 comes first, so A and C are new there; B is new in s1.
      { label: 'Man on programme', ids: ['s3', 's1'], news: [['A', 'A1', 'C'], ['B']], point: null },
      { label: 'Woman (ex-)partner', ids: ['s2'], news: [['A', 'B', 'C']], point: null },
    ]);
    // The filter's own roles bound the split.
    expect(saturationSeries(project, { order, split: 'role', k: 1, roles: ['woman'] }).map((s) => s.label)).toEqual(['Woman (ex-)partner']);
  });

  it('runs each wave on its own, in wave order', () => {
    expect(shape(saturationSeries(project, { order, split: 'wave', k: 2 }))).toEqual([
      { label: 'Time 1', ids: ['s2', 's1', 's4'], news: [['A', 'B', 'C'], [], []], point: 0 },
      { label: 'Time 2', ids: ['s3'], news: [['A', 'A1', 'C']], point: null },
    ]);
  });
});

describe('the saturation table and chart', () => {
  const series = saturationSeries(project, { order, split: 'none', k: 2 });

  it('has one line per transcript with its new codes by name and the stopping point marked', () => {
    const rows = saturationRows(project, series);
    expect(rows[0]).toEqual([
      'Series',
      'Order',
      'Transcript',
      'Participant',
      'Wave',
      'New codes',
      'Cumulative codes',
      'Codes first seen here',
      'Stopping point',
    ]);
    expect(rows).toHaveLength(5);
    const name = (id: string) => project.codes.find((c) => c.id === id)!.name;
    expect(rows[1]!.slice(3)).toEqual(['Alex', 'Time 1', 3, 3, [name('A'), name('B'), name('C')].join('; '), '']);
    expect(rows[2]!.slice(0, 2)).toEqual(['All transcripts', 2]);
    expect(rows[2]!.slice(3)).toEqual(['Jo', 'Time 2', 1, 4, name('A1'), 'yes']);
    expect(rows[4]!.slice(3)).toEqual(['', 'Time 1', 0, 4, '', '']);
  });

  it('draws a curve per series, new codes as bars for one series, and marks each stopping point', () => {
    const one = saturationSvg(series, { k: 2, subtitle: 'Roles: all & <more>' });
    expect(one.match(/<polyline/g)).toHaveLength(1);
    expect(one.match(/<rect x=/g)?.length).toBe(1 + 2); // the legend's swatch and two bars: none for a transcript adding nothing
    expect(one).toContain('All transcripts (4 codes; after 2)');
    expect(one).toContain('no new code after transcript 2 for 2 transcripts');
    expect(one).toContain('Roles: all &amp; &lt;more&gt;');
    const two = saturationSvg(saturationSeries(project, { order, split: 'wave', k: 2 }), { k: 2 });
    expect(two.match(/<polyline/g)).toHaveLength(2);
    expect(two.match(/<circle/g)).toHaveLength(1);
    expect(two).toContain('Time 2 (3 codes; not reached)');
  });
});
