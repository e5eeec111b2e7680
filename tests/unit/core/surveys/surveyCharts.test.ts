// Survey charts: well-formed SVG (xmllint), every label escaped, a line per group with a gap
// where nobody answered, and a dumbbell per item.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { dumbbellSvg, indicatorTrendSvg, jointDisplay } from '../../../../renderer/core/surveys';
import { surveyProject } from '../../../fixtures/surveyProject';

const wellFormed = (svg: string) => execFileSync('xmllint', ['--noout', '-'], { input: svg, encoding: 'utf8' });

describe('indicatorTrendSvg', () => {
  it('draws the programme and the comparison group across the time points, with shares and n', () => {
    const p = surveyProject();
    p.surveyItems![0] = { ...p.surveyItems![0]!, wording: 'He negotiates <during> "disagreements" & rows' };
    const svg = indicatorTrendSvg(p, 'i-neg', { subtitle: 'Women, both groups' });
    wellFormed(svg);
    expect(svg).toContain('He negotiates &lt;during&gt; &quot;disagreements&quot; &amp; rows');
    expect(svg).toContain('>Programme</text>');
    expect(svg).toContain('>Comparison</text>');
    // Each point says what it counts: programme 25%, 50%, 75%; comparison 0% twice.
    expect([...svg.matchAll(/<title>([^<]+: \d+ of \d+)<\/title>/g)].map((m) => m[1])).toEqual([
      'Programme, Before: 1 of 4',
      'Programme, 6 months: 2 of 4',
      'Programme, 12 months: 3 of 4',
      'Comparison, Before: 0 of 1',
      'Comparison, 12 months: 0 of 1',
    ]);
    expect(svg).toContain('Programme, n: 4 · 4 · 4');
    // The comparison woman answered before and at 12 months only: her line has a gap at 6 months.
    expect(svg).toContain('Comparison, n: 1 · 0 · 1');
    expect(svg.match(/<polyline/g)).toHaveLength(1);
  });

  it('refuses an item that is gone', () => {
    expect(() => indicatorTrendSvg(surveyProject(), 'nope')).toThrow('That survey item no longer exists.');
  });
});

describe('dumbbellSvg', () => {
  it('draws one dumbbell per item of the measure, from the first share to the second', () => {
    const svg = dumbbellSvg(jointDisplay(surveyProject(), 'respect'));
    wellFormed(svg);
    expect(svg.match(/<circle/g)!.length).toBe(2 + 3 * 2); // the legend's two, then two per item
    expect(svg).toContain('25% → 75%');
    expect(svg).toContain('75% → 25%');
  });
});
