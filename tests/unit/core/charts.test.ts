import { describe, expect, it } from 'vitest';
import { escapeSvg, heatCounts, heatMapSvg, measureChartSvg, wrapLines } from '../../../renderer/core/waves/charts';
import type { ProjectSnapshot } from '../../../renderer/core/shared/model';
import { waveMatrix } from '../../../renderer/core/waves/waves';

const code = (id: string, name: string, parentId: string | null, order: number) => ({
  id,
  parentId,
  name,
  description: '',
  inclusion: '',
  exclusion: '',
  examples: '',
  colour: '#8ec4eb',
  order,
  deletedAt: null,
});
const person = (id: string, pseudonym: string) => ({
  id,
  pseudonym,
  role: 'woman',
  site: '',
  group: '' as const,
  attributes: {},
  links: [],
});
const source = (id: string, participantId: string, wave: string) => ({
  id,
  participantId,
  wave,
  title: id,
  text: 'one two three four five six',
  turns: [],
  origin: { fileName: id, format: 'txt', sha256: '', importedAt: 0 },
});
let n = 0;
const coding = (sourceId: string, codeId: string, coderId = 'a') => ({
  id: `k${++n}`,
  sourceId,
  codeId,
  coderId,
  start: 0,
  end: 3,
  memo: '',
  createdAt: 0,
  updatedAt: 0,
  deletedAt: null,
});

// 4 women interviewed at both waves; "Calls him out" for 1 of 4 at Time 1 and 3 of 4 at Time 2.
const project: ProjectSnapshot = {
  waves: [
    { id: 'T1', label: 'Time 1', order: 0 },
    { id: 'T2', label: 'Time 2', order: 1 },
  ],
  participants: [person('p1', 'Ann'), person('p2', 'Bea'), person('p3', 'Cat'), person('p4', 'Di <& "x">')],
  sources: ['p1', 'p2', 'p3', 'p4'].flatMap((p) => [source(`${p}a`, p, 'T1'), source(`${p}b`, p, 'T2')]),
  codes: [
    code('m', 'Respect & <care>', null, 0),
    code('i1', 'Calls him out', 'm', 0),
    code('i2', 'Feels heard', 'm', 1),
    code('solo', 'Parenting', null, 1),
  ],
  codings: [
    coding('p1a', 'i1'),
    coding('p1b', 'i1'),
    coding('p2b', 'i1'),
    coding('p3b', 'i1'),
    coding('p3b', 'i1', 'b'),
    coding('p4a', 'i2'),
    coding('p4a', 'solo'),
  ],
  coders: [],
};

describe('charts', () => {
  const matrix = waveMatrix(project, { pair: ['T1', 'T2'] });

  it('a measure: one pair of bars per indicator with share and count, labels escaped', () => {
    const svg = measureChartSvg(project, matrix, 'm', { pair: ['T1', 'T2'], subtitle: 'Roles: all' });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('Respect &amp; &lt;care&gt;');
    expect(svg).toContain('25% (1/4)');
    expect(svg).toContain('75% (3/4)');
    expect(svg).toContain('<title>Time 2: 3 of 4</title>');
    expect(svg.match(/<rect x="260" y="\d+" width="\d+" height="15"/g)).toHaveLength(4); // 2 indicators × 2 waves
    expect(svg).toContain('Roles: all');
  });

  it('a measure without indicators is charted on its own', () => {
    const svg = measureChartSvg(project, matrix, 'solo', { pair: ['T1', 'T2'] });
    expect(svg).toContain('25% (1/4)');
    expect(svg).toContain('0% (0/4)');
  });

  it('heat map counts coded passages per participant and code at one wave, by coder if asked', () => {
    expect(heatCounts(project, 'T2', ['i1', 'i2'], ['p1', 'p2', 'p3', 'p4'])).toEqual([
      [1, 0],
      [1, 0],
      [1, 0],
      [0, 0],
    ]);
    expect(heatCounts(project, 'T2', ['i1'], ['p3'], { coderIds: ['b'] })).toEqual([[1]]);
    expect(heatCounts(project, 'T1', ['m', 'i2'], ['p4'])).toEqual([[0, 1]]);
    expect(heatCounts(project, 'T1', ['m', 'i2'], ['p4'], { includeChildren: true })).toEqual([[1, 1]]);
    const svg = heatMapSvg(project, { waveId: 'T1', codeIds: ['i1', 'i2', 'solo'], participantIds: ['p1', 'p4'] });
    expect(svg).toContain('Di &lt;&amp; &quot;x&quot;&gt;');
    expect(svg).toContain('<title>Ann · Calls him out: 1</title>');
    expect(svg.match(/<rect x="\d+" y="\d+" width="24"/g)).toHaveLength(6);
  });

  it('heat map counts passages as the wave matrix does: two coders on the same words are one', () => {
    // Cat's Time 2 "one" is coded "Calls him out" by coders a and b: one passage.
    expect(heatCounts(project, 'T2', ['i1'], ['p3'])).toEqual([[1]]);
    const people = ['p1', 'p2', 'p3', 'p4'];
    for (const options of [{}, { includeChildren: true }, { coderIds: ['b'] }]) {
      const m = waveMatrix(project, options);
      for (const wave of ['T1', 'T2']) {
        const codes = m.rows.map((r) => r.codeId);
        const counts = heatCounts(project, wave, codes, people, options);
        codes.forEach((id, k) => expect(counts.reduce((sum, row) => sum + row[k]!, 0)).toBe(m.rows[k]!.byWave[wave]!.passages));
      }
    }
  });

  it('wraps the filter line at its separators instead of cutting it off', () => {
    const filters =
      'Waves compared: Time 1 → Time 2; Roles: Man on programme; Sites: all; Groups: all; Coder: all coders; Sub-codes: counted with their parents; Interviewer turns: counted';
    const lines = wrapLines(filters, 60);
    expect(lines.join(' ')).toBe(filters);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(60);
    expect(lines[1]).toMatch(/^Sites: all;/); // a new line starts at a separator where one fits
    expect(wrapLines('no-space-in-this-word so', 10)).toEqual(['no-space-i', 'n-this-wor', 'd so']);
    expect(wrapLines('', 10)).toEqual([]);
    for (const svg of [
      measureChartSvg(project, matrix, 'm', { pair: ['T1', 'T2'], subtitle: filters }),
      heatMapSvg(project, { waveId: 'T1', codeIds: ['solo'], participantIds: ['p1'], subtitle: filters }),
    ]) {
      const subtitle = [...svg.matchAll(/<text x="16" y="\d+" font-size="11" fill="#555">([^<]*)<\/text>/g)].map((x) => x[1]);
      expect(subtitle.length).toBeGreaterThan(1);
      expect(subtitle.join(' ')).toBe(filters.replace(/&/g, '&amp;').replace(/>/g, '&gt;'));
      expect(svg).not.toContain('…');
    }
  });

  it('escapes the five characters that matter', () => {
    expect(escapeSvg(`<a href="x">&</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });
});
