// compareCoders on hand-built transcripts (the expected tables are worked out in comments), and
// the count-based statistics held to the array-based ones in stats.ts on the same data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  brennanPrediger,
  cohenKappa,
  fleissKappa,
  gwetAC1,
  krippendorffAlpha,
  percentAgreement,
  scottPi,
} from '../../../renderer/core/agreement';
import { compareCoders } from '../../../renderer/core/agreement/compare';
import { binaryStats, multiStats } from '../../../renderer/core/agreement/counted';
import { agreementRows, methodsParagraph, verdict } from '../../../renderer/core/agreement/report';
import { disagreements } from '../../../renderer/core/agreement/disagreements';
import { decisionFor, resolveDisagreement } from '../../../renderer/core/agreement/consensus';
import { applyToArrays } from '../../../renderer/core/shared/changes';
import type { ProjectSnapshot } from '../../../renderer/core/shared/model';

const code = (id: string) => ({
  id,
  parentId: null,
  name: id,
  description: '',
  inclusion: '',
  exclusion: '',
  examples: '',
  colour: '#8ec4eb',
  order: 0,
  deletedAt: null,
});
let n = 0;
const coding = (sourceId: string, codeId: string, coderId: string, start: number, end: number) => ({
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
// Four turns of 10 characters each (no separators, so offsets are easy to check).
const turns = [0, 10, 20, 30].map((s) => ({ start: s, end: s + 10, speaker: null, speakerRole: 'participant' as const }));
const source = (id: string, wave: string) => ({
  id,
  participantId: 'p',
  wave,
  title: id,
  text: 'x'.repeat(40),
  turns,
  origin: { fileName: id, format: 'txt', sha256: '', importedAt: 0 },
});

const project: ProjectSnapshot = {
  waves: [
    { id: 'T1', label: 'Time 1', order: 0 },
    { id: 'T2', label: 'Time 2', order: 1 },
  ],
  participants: [{ id: 'p', pseudonym: 'P', role: 'man', site: '', group: '', attributes: {}, links: [] }],
  sources: [source('s1', 'T1'), source('s2', 'T2'), source('s3', 'T2')],
  codes: [code('A'), code('B'), code('unused')],
  codings: [
    // s1, code A: coder a covers [0,15) (turns 1–2) in two overlapping codings; coder b [5,10) (turn 1).
    coding('s1', 'A', 'a', 0, 10),
    coding('s1', 'A', 'a', 8, 15),
    coding('s1', 'A', 'b', 5, 10),
    // s1, code B: both code turn 4 exactly.
    coding('s1', 'B', 'a', 30, 40),
    coding('s1', 'B', 'b', 30, 40),
    // s2, code A: only coder b, turn 3.
    coding('s2', 'A', 'b', 20, 25),
    coding('s2', 'B', 'a', 0, 1), // so coder a has coded s2 too
    // s3: only coder a coded it, so it is not double-coded and not compared.
    coding('s3', 'A', 'a', 0, 40),
  ],
  coders: [],
};

describe('compareCoders', () => {
  it('turn unit: per code tables, pooled from the summed tables, by transcript and by wave', () => {
    const r = compareCoders(project, { coderIds: ['a', 'b'], unit: 'turn' });
    expect(r.sourceIds).toEqual(['s1', 's2']);
    // A: s1 turns: t1 both, t2 only a, t3 neither, t4 neither; s2: t3 only b, others neither.
    const A = r.perCode.find((c) => c.codeId === 'A')!;
    expect(A.table).toEqual({ both: 1, onlyFirst: 1, onlySecond: 1, neither: 5 });
    // po = 6/8; a applied 2/8, b 2/8 → pe = .25·.25 + .75·.75 = .625 → κ = (.75 − .625)/.375 = 1/3.
    expect(A.stats.agreement).toBeCloseTo(0.75, 10);
    expect(A.stats.kappa).toBeCloseTo(1 / 3, 10);
    // B: s1 t4 both; s2 t1 only a → {both 1, onlyFirst 1, onlySecond 0, neither 6}.
    expect(r.perCode.find((c) => c.codeId === 'B')!.table).toEqual({ both: 1, onlyFirst: 1, onlySecond: 0, neither: 6 });
    const unused = r.perCode.find((c) => c.codeId === 'unused')!;
    expect(unused.used).toBe(false);
    // Nobody coded it: every unit is "not applied" by both, so there is no variation: kappa and
    // alpha are undefined, not a perfect-looking 1.
    expect(unused.stats.kappa).toBeNull();
    expect(unused.stats.alpha).toBeNull();
    // Pooled over A and B (not 'unused'): {2, 2, 1, 11} → po = 13/16.
    expect(r.pooled.units).toBe(16);
    expect(r.pooled.agreement).toBeCloseTo(13 / 16, 10);
    expect(r.pooled.kappa).toBeCloseTo(binaryStats({ both: 2, onlyFirst: 2, onlySecond: 1, neither: 11 }).kappa!, 12);
    expect(r.bySource.map((s) => s.stats.units)).toEqual([8, 8]);
    // NVivo's view: each code in each transcript where someone used it (all four here).
    expect(r.byCodeAndSource.map((c) => [c.codeId, c.sourceId, c.stats.units])).toEqual([
      ['A', 's1', 4],
      ['B', 's1', 4],
      ['A', 's2', 4],
      ['B', 's2', 4],
    ]);
    expect(r.byCodeAndSource[0]!.stats.agreement).toBeCloseTo(0.75, 10); // s1 A: t1 both, t2 only a, t3–t4 neither → 3 of 4 agree
    expect(r.byWave.map((w) => [w.waveId, w.pooled.units])).toEqual([
      ['T1', 8],
      ['T2', 8],
    ]);
    expect(r.method).toMatch(/speaker turns/);
  });

  it('character unit: merged own overlaps, NVivo-style tables and unitizing alpha', () => {
    const r = compareCoders(project, { coderIds: ['a', 'b'], unit: 'character' });
    // A over s1 (40 chars) and s2 (40): a covers [0,15) in s1; b [5,10) in s1 and [20,25) in s2.
    // both 5, only a 10, only b 5, neither 80 − 20 = 60.
    expect(r.perCode.find((c) => c.codeId === 'A')!.table).toEqual({ both: 5, onlyFirst: 10, onlySecond: 5, neither: 60 });
    expect(r.unitizing).toBeDefined();
    expect(r.perCode.find((c) => c.codeId === 'B')!.unitizingAlpha).toBeLessThan(1);
  });

  it('document unit: a code present in a transcript or not', () => {
    const r = compareCoders(project, { coderIds: ['a', 'b'], unit: 'document' });
    // A: s1 both, s2 only b. B: s1 both, s2 only a.
    expect(r.perCode.find((c) => c.codeId === 'A')!.table).toEqual({ both: 1, onlyFirst: 0, onlySecond: 1, neither: 0 });
    expect(r.perCode.find((c) => c.codeId === 'B')!.table).toEqual({ both: 1, onlyFirst: 1, onlySecond: 0, neither: 0 });
  });

  it('segment unit (MAXQDA): matched at the overlap share, no chance-corrected figures', () => {
    // A in s1: a's segment [0,15), b's [5,10): overlap 5 / union 15 = 1/3. B in s1: identical.
    const strict = compareCoders(project, { coderIds: ['a', 'b'], unit: 'segment' });
    const A = strict.perCode.find((c) => c.codeId === 'A')!;
    // s1: a [0,15) unmatched, b [5,10) unmatched; s2: b [20,25) unmatched.
    expect(A.table).toEqual({ both: 0, onlyFirst: 1, onlySecond: 2, neither: 0 });
    expect(strict.perCode.find((c) => c.codeId === 'B')!.table).toEqual({ both: 2, onlyFirst: 1, onlySecond: 0, neither: 0 });
    expect(A.stats.kappa).toBeNull();
    const loose = compareCoders(project, { coderIds: ['a', 'b'], unit: 'segment', overlap: 0.3 });
    expect(loose.perCode.find((c) => c.codeId === 'A')!.table).toEqual({ both: 2, onlyFirst: 0, onlySecond: 1, neither: 0 });
    expect(() => compareCoders(project, { coderIds: ['a', 'b', 'c'], unit: 'segment' })).toThrow(/exactly two/);
    expect(() => compareCoders(project, { coderIds: ['a', 'b'], unit: 'segment', overlap: 0 })).toThrow(/overlap/);
  });

  it('three coders: Fleiss over the histogram of how many applied each unit', () => {
    const three: ProjectSnapshot = {
      ...project,
      codings: [...project.codings, coding('s1', 'A', 'c', 0, 10), coding('s2', 'B', 'c', 0, 5)],
    };
    const r = compareCoders(three, { coderIds: ['a', 'b', 'c'], unit: 'turn' });
    expect(r.sourceIds).toEqual(['s1', 's2']);
    // A: s1 t1 = 3 (a, b, c), t2 = 1 (a), t3 t4 = 0; s2 t3 = 1 (b), others 0.
    expect(r.perCode.find((c) => c.codeId === 'A')!.histogram).toEqual([5, 2, 0, 1]);
  });

  it('needs two coders', () => {
    expect(() => compareCoders(project, { coderIds: ['a'], unit: 'turn' })).toThrow(/two coders/);
  });
});

describe('turn unit against a count of every turn', () => {
  // Random codings of one code by two or three coders over turns of uneven length (gaps between
  // them, as between a label and its words): each turn's count of coders whose codings overlap it.
  const layout = fc.array(fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 8 });
  const span = fc.tuple(fc.integer({ min: 0, max: 70 }), fc.integer({ min: 1, max: 20 }));
  it('two and three coders: the same units as brute force', () => {
    fc.assert(
      fc.property(layout, fc.integer({ min: 2, max: 3 }), fc.array(fc.tuple(fc.nat(2), span), { maxLength: 12 }), (sizes, coders, raw) => {
        let at = 0;
        const uneven = sizes.map(([length, gap]) => {
          const t = { start: at + gap, end: at + gap + length, speaker: null, speakerRole: 'participant' as const };
          at = t.end;
          return t;
        });
        const ids = ['a', 'b', 'c'].slice(0, coders);
        const codings = [
          ...ids.map((id) => coding('s', 'A', id, 0, 0)), // each coder has coded the transcript
          ...raw.filter(([c]) => c < coders).map(([c, [start, length]]) => coding('s', 'A', ids[c]!, start, start + length)),
        ];
        const p = { ...project, sources: [{ ...source('s', 'T1'), text: 'x'.repeat(at), turns: uneven }], codes: [code('A')], codings };
        const counts = uneven.map(
          (t) =>
            ids.filter((id) => codings.some((k) => k.coderId === id && Math.max(k.start, t.start) < Math.min(k.end, t.end, at))).length,
        );
        const report = compareCoders(p, { coderIds: ids, unit: 'turn' });
        const row = report.perCode[0]!;
        if (coders === 2) {
          const both = counts.filter((_, i) =>
            [0, 1].every((c) =>
              codings.some((k) => k.coderId === ids[c] && Math.max(k.start, uneven[i]!.start) < Math.min(k.end, uneven[i]!.end, at)),
            ),
          ).length;
          const first = uneven.filter((t) =>
            codings.some((k) => k.coderId === 'a' && Math.max(k.start, t.start) < Math.min(k.end, t.end, at)),
          ).length;
          const second = uneven.filter((t) =>
            codings.some((k) => k.coderId === 'b' && Math.max(k.start, t.start) < Math.min(k.end, t.end, at)),
          ).length;
          expect(row.table).toEqual({
            both,
            onlyFirst: first - both,
            onlySecond: second - both,
            neither: counts.filter((k) => k === 0).length,
          });
        } else expect(row.histogram).toEqual([0, 1, 2, 3].map((k) => counts.filter((c) => c === k).length));
      }),
    );
  });
});

describe('count-based statistics equal the array-based ones', () => {
  const table = fc.record({ both: fc.nat(30), onlyFirst: fc.nat(30), onlySecond: fc.nat(30), neither: fc.nat(30) });
  const arrays = (t: { both: number; onlyFirst: number; onlySecond: number; neither: number }) => {
    const a: number[] = [];
    const b: number[] = [];
    const push = (x: number, y: number, k: number) => {
      for (let i = 0; i < k; i++) {
        a.push(x);
        b.push(y);
      }
    };
    push(1, 1, t.both);
    push(1, 0, t.onlyFirst);
    push(0, 1, t.onlySecond);
    push(0, 0, t.neither);
    return [a, b] as const;
  };

  it('two coders: agreement, Cohen, Scott, AC1, Brennan–Prediger (q = 2), alpha', () => {
    fc.assert(
      fc.property(table, (t) => {
        const [a, b] = arrays(t);
        const s = binaryStats(t);
        if (a.length === 0) return s.units === 0;
        // The same number, or undefined (null) in both.
        const close = (x: number | null, y: number | null) => (x === null || y === null ? x === y : Math.abs(x - y) < 1e-9);
        return (
          close(s.agreement, percentAgreement([a, b])) &&
          close(s.kappa, cohenKappa(a, b)) &&
          close(s.pi, scottPi(a, b)) &&
          close(s.ac1, gwetAC1(a, b, 2)) &&
          close(s.bp, brennanPrediger(a, b, 2)) &&
          close(s.alpha, krippendorffAlpha([a, b]))
        );
      }),
    );
  });

  it('more coders: Fleiss and alpha from the histogram', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 5 }), fc.array(fc.nat(6), { minLength: 6, maxLength: 6 }), (coders, raw) => {
        const histogram = raw.slice(0, coders + 1);
        const units = histogram.flatMap((w, k) => Array.from({ length: w }, () => k));
        const s = multiStats(histogram, coders);
        if (units.length === 0) return s.units === 0;
        const counts = units.map((k) => [coders - k, k]);
        const data = Array.from({ length: coders }, (_, c) => units.map((k) => (c < k ? 1 : 0)));
        const close = (x: number | null, y: number | null) => (x === null || y === null ? x === y : Math.abs(x - y) < 1e-9);
        return close(s.kappa, fleissKappa(counts)) && close(s.alpha, krippendorffAlpha(data));
      }),
    );
  });
});

describe('agreement report', () => {
  const withCoders: ProjectSnapshot = {
    ...project,
    coders: [
      { id: 'a', name: 'Ana', colour: '#000' },
      { id: 'b', name: 'Ben', colour: '#000' },
    ],
  };
  const r = compareCoders(withCoders, { coderIds: ['a', 'b'], unit: 'turn' });

  it('rows: coders, transcripts, method, a header, the pool, then one row per code with its verdict', () => {
    const rows = agreementRows(r, withCoders);
    expect(rows[0]).toEqual(['Coders', 'Ana, Ben']);
    expect(rows[1]).toEqual(['Transcripts', 2]);
    expect(rows[3]).toEqual([
      'Code',
      'Unit',
      'Units compared',
      'Percent agreement',
      "Cohen's kappa",
      "Scott's pi",
      "Gwet's AC1",
      'Brennan–Prediger',
      "Krippendorff's alpha",
      'Verdict',
    ]);
    expect(rows[4]!.slice(0, 4)).toEqual(['All codes used (pooled)', 'speaker turn', 16, 0.813]);
    expect(rows.find((row) => row[0] === 'A')!.slice(-1)).toEqual(['below']);
    expect(rows.find((row) => row[0] === 'unused')!.slice(-1)).toEqual(['not coded by anyone']);
  });

  it('verdicts follow the judging statistic (alpha, or agreement at the segment unit) against the thresholds', () => {
    const s = { units: 10, agreement: 0.9, kappa: 0.7, pi: 0.7, ac1: 0.8, bp: 0.8, alpha: 0.7 };
    expect(verdict(s, true)).toBe('tentative');
    expect(verdict({ ...s, alpha: 0.85 }, true)).toBe('reliable');
    expect(verdict({ ...s, alpha: 0.5 }, true)).toBe('below');
    expect(verdict({ ...s, alpha: null }, true)).toBe('undefined');
    expect(verdict({ ...s, alpha: null }, true, undefined, 'agreement')).toBe('reliable');
    expect(verdict(s, false)).toBe('unused');
  });

  it('a methods paragraph naming coders, transcripts by wave, unit, pooled statistics and codes below threshold', () => {
    const text = methodsParagraph(r, withCoders);
    expect(text).toMatch(/^Two coders \(Ana and Ben\) independently coded 2 transcripts \(1 at Time 1, 1 at Time 2\)/);
    expect(text).toMatch(/each of the 2 codes they used, with the speaker turn as the unit of analysis/);
    expect(text).toMatch(
      /percent agreement was 81\.3%, Cohen's kappa 0\.\d\d and Krippendorff's alpha \(nominal\) 0\.\d\d over 16 speaker turn-by-code units/,
    );
    expect(text).toMatch(/fell below \(A(, B)?\)/);
  });
});

describe('disagreements', () => {
  it('lists passages one coder left out and differences of extent, not agreements', () => {
    const list = disagreements(project, { coderIds: ['a', 'b'] });
    // s1 A: a [0,15) vs b [5,10): overlap 1/3 → boundary. s1 B: identical → agreement, not listed.
    // s2 A: b [20,25) only → missing. s2 B: a [0,1) only → missing. s3 (a's alone) is not compared.
    expect(list.map((d) => [d.sourceId, d.codeId, d.kind, d.start, d.end])).toEqual([
      ['s1', 'A', 'boundary', 0, 15],
      ['s2', 'B', 'missing', 0, 1],
      ['s2', 'A', 'missing', 20, 25],
    ]);
    expect(disagreements(project, { coderIds: ['a', 'b'], sourceIds: ['s3'] }).map((d) => d.kind)).toEqual(['missing']);
    expect(list[0]!.versions).toEqual([
      { coderId: 'a', ranges: [[0, 15]] },
      { coderId: 'b', ranges: [[5, 10]] },
    ]);
    // A looser overlap share accepts the s1 difference of extent.
    expect(disagreements(project, { coderIds: ['a', 'b'], overlap: 0.3, sourceIds: ['s1', 's2'] }).map((d) => d.kind)).toEqual([
      'missing',
      'missing',
    ]);
  });
});

describe('consensus layer', () => {
  const list = disagreements(project, { coderIds: ['a', 'b'] });
  const boundary = list[0]!; // s1 A: a [0,15) vs b [5,10)
  let k = 0;
  const newId = () => `n${++k}`;

  it('takes one version into a Consensus coder, logs who, when and why, and refuses a second decision', () => {
    const action = resolveDisagreement(
      { coders: [], codings: project.codings },
      boundary,
      'first',
      '  Whole sentence is about it. ',
      'Ana',
      1000,
      newId,
    );
    expect(action.label).toBe('Consensus: the first coder’s version');
    const state: Parameters<typeof applyToArrays>[0] = {};
    applyToArrays(state, action);
    expect(state.coders).toEqual([{ id: 'n1', name: 'Consensus', colour: '#5b6472', consensus: true }]);
    expect(state.codings!.map((c) => [c.sourceId, c.codeId, c.coderId, c.start, c.end])).toEqual([['s1', 'A', 'n1', 0, 15]]);
    expect(state.decisions).toEqual([
      {
        id: 'n3',
        sourceId: 's1',
        codeId: 'A',
        start: 0,
        end: 15,
        coderIds: ['a', 'b'],
        choice: 'first',
        why: 'Whole sentence is about it.',
        decidedBy: 'Ana',
        decidedAt: 1000,
        codingIds: ['n2'],
        deletedAt: null,
      },
    ]);
    expect(decisionFor(state.decisions!, boundary)?.choice).toBe('first');
    expect(() =>
      resolveDisagreement(
        { coders: state.coders!, codings: [...project.codings, ...state.codings!], decisions: state.decisions! },
        boundary,
        'second',
        '',
        'Ben',
        2000,
        newId,
      ),
    ).toThrow(/already been resolved/);
  });

  it('both merges the versions; neither codes nothing but is still logged; an existing consensus coder is reused', () => {
    const consensus = { id: 'cons', name: 'Consensus', colour: '#000', consensus: true };
    const both = resolveDisagreement({ coders: [consensus], codings: project.codings }, boundary, 'both', '', 'Ben', 5, newId);
    expect(
      both.changes
        .filter((c) => c.table === 'codings')
        .map((c) => [(c.after as { start: number }).start, (c.after as { end: number }).end]),
    ).toEqual([[0, 15]]);
    expect(both.changes.some((c) => c.table === 'coders')).toBe(false);
    const neither = resolveDisagreement(
      { coders: [consensus], codings: project.codings },
      list[1]!,
      'neither',
      'Not a use of the code.',
      'Ben',
      6,
      newId,
    );
    expect(neither.changes.map((c) => c.table)).toEqual(['decisions']);
  });
});

describe('consensus: edit', () => {
  it('starts from both versions and is logged as an edit', () => {
    const d = disagreements(project, { coderIds: ['a', 'b'] })[0]!;
    let k = 0;
    const action = resolveDisagreement({ coders: [], codings: project.codings }, d, 'edit', 'Trim later', 'Ana', 1, () => `e${++k}`);
    expect(action.label).toBe('Consensus: an edited version');
    const codings = action.changes.filter((c) => c.table === 'codings').map((c) => c.after as { start: number; end: number });
    expect(codings.map((c) => [c.start, c.end])).toEqual([[0, 15]]);
    expect((action.changes.find((c) => c.table === 'decisions')!.after as { choice: string }).choice).toBe('edit');
  });
});
