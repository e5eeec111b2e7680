// Co-occurrence, the matrix query, the overview and saturation on random small projects: against
// a character-by-character reference that shares no range arithmetic with the modules, and the
// properties the issue asks for (symmetric, the diagonal is the code's count, Jaccard in [0, 1],
// totals that add up).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codeCooccurrence,
  codeOverview,
  cooccurrencePassages,
  matrixCellPassages,
  matrixQuery,
  saturation,
  type CooccurrenceOptions,
  type Dimension,
} from '../../../../renderer/core/analysis';
import type { ProjectSnapshot, SpeakerRole } from '../../../../renderer/core/shared/model';
import { waveMatrix } from '../../../../renderer/core/waves';
import { arbitraryProject } from '../../../fixtures/arbitraryProject';
import { code, person, source } from '../../../fixtures/waveProjects';

const ROLES: SpeakerRole[] = ['interviewer', 'participant', 'other'];
const PHRASES = ['a b', 'word.', 'x-y z', '', 'one two three', "it's ok", '— ,', 'Ünï 42', 'we argue less now', 'the group, it helped. me'];

const projectArb = fc
  .record({
    sources: fc.array(
      fc.record({
        person: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null, freq: 5 }),
        wave: fc.constantFrom('T1', 'T2', null),
        turns: fc.array(fc.tuple(fc.constantFrom(...ROLES), fc.constantFrom(...PHRASES)), { maxLength: 4 }),
        plain: fc.array(fc.constantFrom(...PHRASES), { minLength: 1, maxLength: 5 }).map((words) => words.join(' ')),
        set: fc.constantFrom(0, 1, 2, 3),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    codings: fc.array(
      fc.record({
        source: fc.nat(),
        code: fc.constantFrom('R', 'K', 'Q'),
        coder: fc.constantFrom('k1', 'k2'),
        start: fc.nat(),
        len: fc.integer({ min: 0, max: 12 }),
        deleted: fc.integer({ min: 0, max: 5 }).map((x) => x === 0),
      }),
      { minLength: 2, maxLength: 24, size: 'max' },
    ),
    ages: fc.array(fc.constantFrom(30, 41, null), { minLength: 4, maxLength: 4 }),
  })
  .map((spec): ProjectSnapshot => {
    const sources = spec.sources.map((s, i) =>
      source(`r${i}`, s.person === null ? null : `Q${s.person}`, s.wave, s.turns.length ? s.turns : s.plain),
    );
    return {
      waves: [
        { id: 'T1', label: '1', order: 0 },
        { id: 'T2', label: '2', order: 1 },
      ],
      participants: [0, 1, 2, 3].map((i) =>
        person(`Q${i}`, `Q${i}`, i === 1 ? 'woman' : 'man', i < 2 ? 'A' : 'B', i % 2 ? 'comparison' : 'programme', {
          deletedAt: i === 3 ? 1 : null,
          attributes: { age: spec.ages[i]! },
        }),
      ),
      sources,
      codes: [code('R', null, 0), code('K', 'R', 0), code('Q', null, 1)],
      codings: spec.codings.map((g, i) => {
        // Mostly inside the text, now and then a character before it or past its end.
        const sourceId = `r${g.source % sources.length}`;
        const start = (g.start % (sources[g.source % sources.length]!.text.length + 3)) - 1;
        return {
          id: `q${i}`,
          sourceId,
          codeId: g.code,
          coderId: g.coder,
          start,
          end: start + g.len,
          memo: '',
          createdAt: 0,
          updatedAt: 0,
          deletedAt: g.deleted ? 1 : null,
        };
      }),
      coders: [],
      sets: [
        { id: 'S1', name: 'one', description: '', sourceIds: spec.sources.flatMap((s, i) => (s.set & 1 ? [`r${i}`] : [])), codeIds: [] },
        { id: 'S2', name: 'two', description: '', sourceIds: spec.sources.flatMap((s, i) => (s.set & 2 ? [`r${i}`] : [])), codeIds: [] },
      ],
    };
  });

const optionsArb = fc.record({
  unit: fc.constantFrom('overlap', 'turn', 'window', 'source') as fc.Arbitrary<CooccurrenceOptions['unit']>,
  window: fc.integer({ min: 0, max: 4 }),
  includeChildren: fc.boolean(),
  ignoreInterviewer: fc.boolean(),
  coderIds: fc.constantFrom(undefined, undefined, ['k1'], []),
  roles: fc.constantFrom(undefined, ['man']),
});

// ---- the reference --------------------------------------------------------------------------------

type Span = [number, number];
type Options = Omit<CooccurrenceOptions, 'unit'> & { unit: CooccurrenceOptions['unit'] };

const livePeople = (p: ProjectSnapshot) => new Set(p.participants.filter((x) => x.deletedAt == null).map((x) => x.id));

function counted(p: ProjectSnapshot, o: Options) {
  const people = livePeople(p);
  const roles = new Map(p.participants.map((x) => [x.id, x.role]));
  return p.sources.filter(
    (s) =>
      s.deletedAt == null &&
      (!o.roles?.length || (s.participantId !== null && people.has(s.participantId) && o.roles.includes(roles.get(s.participantId)!))),
  );
}

/** The code's stretches: runs of characters covered by a matching coding. */
function stretchesRef(p: ProjectSnapshot, s: ProjectSnapshot['sources'][number], codeId: string, o: Options): Span[] {
  const ids = new Set(o.includeChildren && codeId === 'R' ? ['R', 'K'] : [codeId]);
  const on = new Array<boolean>(s.text.length).fill(false);
  for (const g of p.codings) {
    if (g.deletedAt != null || g.sourceId !== s.id || !ids.has(g.codeId) || (o.coderIds && !o.coderIds.includes(g.coderId))) continue;
    for (let i = Math.max(0, g.start); i < Math.min(s.text.length, g.end); i += 1) on[i] = true;
  }
  if (o.ignoreInterviewer && s.turns.length > 0)
    for (let i = 0; i < on.length; i += 1)
      if (!s.turns.some((t) => t.speakerRole !== 'interviewer' && t.start <= i && i < t.end)) on[i] = false;
  const out: Span[] = [];
  for (let i = 0; i < on.length; i += 1) {
    if (!on[i] || (i > 0 && on[i - 1])) continue;
    let j = i;
    while (j < on.length && on[j]) j += 1;
    out.push([i, j]);
  }
  return out;
}

const shares = (a: Span, b: Span) => a[0] < b[1] && b[0] < a[1];

function wordsBetween(text: string, a: Span, b: Span): number {
  if (shares(a, b)) return 0;
  const [x, y] = a[1] <= b[0] ? [a, b] : [b, a];
  return [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)].filter((m) => m.index >= x[1] && m.index + m[0].length <= y[0]).length;
}

/** Meetings of a and b in one source (a's own instances when b is null). */
function meetingsRef(s: ProjectSnapshot['sources'][number], a: Span[], b: Span[] | null, o: Options): number {
  if (a.length === 0 || (b && b.length === 0)) return 0;
  if (o.unit === 'source') return 1;
  if (o.unit === 'turn') {
    const turns: Span[] = s.turns.length ? s.turns.filter((t) => t.end > t.start).map((t) => [t.start, t.end]) : [[0, s.text.length]];
    return turns.filter((t) => a.some((x) => shares(x, t)) && (b ?? a).some((x) => shares(x, t))).length;
  }
  if (!b) return a.length;
  const linked = (x: Span, y: Span) => (o.unit === 'overlap' ? shares(x, y) : wordsBetween(s.text, x, y) <= (o.window ?? 10));
  const nodes = [...a, ...b];
  const parent = nodes.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < a.length; i += 1)
    for (let j = 0; j < b.length; j += 1) if (linked(a[i]!, b[j]!)) parent[find(i)] = find(a.length + j);
  const sizes = new Map<number, number>();
  nodes.forEach((_, i) => sizes.set(find(i), (sizes.get(find(i)) ?? 0) + 1));
  return [...sizes.values()].filter((n) => n >= 2).length;
}

// ---- co-occurrence ------------------------------------------------------------------------------

describe('codeCooccurrence on random projects', () => {
  it('counts as the reference does: symmetric, the diagonal the code’s own count', () => {
    fc.assert(
      fc.property(projectArb, optionsArb, (p, o) => {
        const codes = ['R', 'K', 'Q'];
        const passages = codeCooccurrence(p, { ...o, codeIds: codes });
        const people = codeCooccurrence(p, { ...o, codeIds: codes, measure: 'participants' });
        const jaccard = codeCooccurrence(p, { ...o, codeIds: codes, measure: 'jaccard' });
        const live = livePeople(p);
        const sources = counted(p, o);
        const spans = new Map(sources.map((s) => [s.id, new Map(codes.map((c) => [c, stretchesRef(p, s, c, o)]))]));
        codes.forEach((a, i) =>
          codes.forEach((b, j) => {
            let count = 0;
            const who = new Set<string>();
            for (const s of sources) {
              const k = meetingsRef(s, spans.get(s.id)!.get(a)!, i === j ? null : spans.get(s.id)!.get(b)!, o);
              count += k;
              if (k > 0 && s.participantId !== null && live.has(s.participantId)) who.add(s.participantId);
            }
            expect(passages.cells[i]![j]).toBe(count);
            expect(people.cells[i]![j]).toBe(who.size);
            expect(cooccurrencePassages(p, a, b, o)).toHaveLength(count);
            const x = jaccard.cells[i]![j]!;
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(1);
            expect(x).toBe(jaccard.cells[j]![i]);
            if (i === j) expect(x).toBe(count > 0 ? 1 : 0);
            expect(passages.cells[i]![j]).toBeLessThanOrEqual(Math.min(passages.cells[i]![i]!, passages.cells[j]![j]!));
          }),
        );
      }),
      { numRuns: 250 },
    );
  });

  it('with a window wider than any text, meets once per transcript holding both', () => {
    fc.assert(
      fc.property(projectArb, optionsArb, (p, o) => {
        const wide = codeCooccurrence(p, { ...o, unit: 'window', window: 1000 }).cells;
        const bySource = codeCooccurrence(p, { ...o, unit: 'source' }).cells;
        wide.forEach((row, i) => row.forEach((x, j) => i !== j && expect(x).toBe(bySource[i]![j])));
      }),
      { numRuns: 100 },
    );
  });

  it('is symmetric with the diagonal as the code’s count on projects as the app makes them', () => {
    fc.assert(
      fc.property(
        arbitraryProject({ maxCodings: 30, maxSources: 4 }),
        optionsArb,
        fc.constantFrom('passages', 'participants', 'jaccard'),
        (p, o, measure) => {
          const m = codeCooccurrence(p, { ...o, roles: undefined, measure: measure as CooccurrenceOptions['measure'] });
          const diagonal = codeCooccurrence(p, { ...o, roles: undefined }).cells;
          m.cells.forEach((row, i) => {
            row.forEach((x, j) => expect(x).toBe(m.cells[j]![i]));
            const own = m.codeIds[i]!;
            const count = diagonal[i]![i]!;
            if (measure === 'passages') expect(row[i]).toBe(cooccurrencePassages(p, own, own, { ...o, roles: undefined }).length);
            if (measure === 'jaccard') expect(row[i]).toBe(count > 0 ? 1 : 0);
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});

// ---- matrix query -------------------------------------------------------------------------------

const dimensionArb: fc.Arbitrary<Dimension> = fc.constantFrom<Dimension>(
  { kind: 'role' },
  { kind: 'site' },
  { kind: 'group' },
  { kind: 'wave' },
  { kind: 'set' },
  { kind: 'attribute', name: 'age' },
);
const single = (d: Dimension) => d.kind !== 'set';
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('matrixQuery on random projects', () => {
  it('has totals that add up, and crosses that sum to their parts', () => {
    fc.assert(
      fc.property(
        projectArb,
        dimensionArb,
        dimensionArb.filter(single),
        fc.boolean(),
        fc.constantFrom(undefined, ['k1']),
        fc.boolean(),
        (p, first, second, measures, coderIds, ignoreInterviewer) => {
          const rows = measures ? ({ kind: 'measures' } as const) : ({ kind: 'codes', codeIds: ['R', 'K', 'Q'] } as const);
          const base = { rows, coderIds, ignoreInterviewer, includeChildren: true };
          for (const cell of ['passages', 'words'] as const) {
            const m = matrixQuery(p, { ...base, columns: first, cell });
            m.cells.forEach((row, i) => expect(m.rowTotals[i]).toBe(sum(row)));
            m.columns.forEach((_, j) => expect(m.columnTotals[j]).toBe(sum(m.cells.map((r) => r[j]!))));
            expect(m.total).toBe(sum(m.rowTotals));
            expect(m.total).toBe(sum(m.columnTotals));
            // Split by a second dimension of one value per transcript, a column's cells sum back to it.
            const cross = matrixQuery(p, { ...base, columns: [first, second], cell });
            m.columns.forEach((col, j) =>
              m.rows.forEach((_, i) => {
                const parts = cross.columns.flatMap((c, k) => (c.key[0] === col.key[0] ? [cross.cells[i]![k]!] : []));
                expect(sum(parts)).toBe(m.cells[i]![j]);
              }),
            );
            if (cell === 'passages')
              m.rows.forEach((_, i) =>
                m.columns.forEach((_, j) =>
                  expect(matrixCellPassages(p, { ...base, columns: first, cell }, i, j)).toHaveLength(m.cells[i]![j]!),
                ),
              );
          }
          const people = matrixQuery(p, { ...base, columns: first, cell: 'participants' });
          const share = matrixQuery(p, { ...base, columns: first, cell: 'share' });
          people.cells.forEach((row, i) => {
            if (single(first) && first.kind !== 'wave') expect(people.rowTotals[i]).toBe(sum(row));
            expect(people.rowTotals[i]).toBeLessThanOrEqual(sum(row));
            expect(people.rowTotals[i]).toBeLessThanOrEqual(people.total);
            share.cells[i]!.forEach((x) => expect(x >= 0 && x <= 1).toBe(true));
          });
          people.columnTotals.forEach((x) => expect(x).toBeLessThanOrEqual(people.total));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('agrees with the wave matrix on every wave column', () => {
    fc.assert(
      fc.property(projectArb, fc.boolean(), fc.boolean(), (p, includeChildren, ignoreInterviewer) => {
        const options = { includeChildren, ignoreInterviewer };
        const wm = waveMatrix(p, options);
        const q = (cell: 'passages' | 'words' | 'participants' | 'share') =>
          matrixQuery(p, { rows: { kind: 'codes', codeIds: ['R', 'K', 'Q'] }, columns: { kind: 'wave' }, cell, ...options });
        const [passages, words, people, share] = [q('passages'), q('words'), q('participants'), q('share')];
        passages.columns.forEach((col, j) => {
          if (col.key[0] === '') return;
          passages.rows.forEach((row, i) => {
            const cell = wm.rows.find((r) => r.codeId === row.id)!.byWave[col.key[0]!]!;
            expect([passages.cells[i]![j], words.cells[i]![j], people.cells[i]![j], share.cells[i]![j]]).toEqual([
              cell.passages,
              cell.words,
              cell.participants,
              cell.participants / cell.interviewed,
            ]);
          });
        });
      }),
      { numRuns: 150 },
    );
  });
});

// ---- overview and saturation --------------------------------------------------------------------

describe('codeOverview and saturation on random projects', () => {
  it('strips hold the code’s stretches and densities their share of the text', () => {
    fc.assert(
      fc.property(projectArb, optionsArb, (p, o) => {
        const overview = codeOverview(p, { ...o, codeIds: ['R', 'K', 'Q'] });
        const own = codeCooccurrence(p, { ...o, unit: 'overlap', codeIds: ['R', 'K', 'Q'] }).cells;
        const sources = new Map(p.sources.map((s) => [s.id, s]));
        overview.codeIds.forEach((id, i) => {
          expect(sum(overview.transcripts.map((t) => t.strip.filter((x) => x.codeId === id).length))).toBe(own[i]![i]);
          for (const t of overview.transcripts) {
            const covered = sum(t.strip.filter((x) => x.codeId === id).map((x) => x.end - x.start));
            const length = sources.get(t.sourceId)!.text.length;
            expect(t.density[i]).toBeCloseTo(length ? covered / length : 0, 12);
          }
        });
      }),
      { numRuns: 150 },
    );
  });

  it('adds each code once, at its first transcript', () => {
    fc.assert(
      fc.property(projectArb, fc.constantFrom(undefined, ['man']), fc.constantFrom(undefined, ['k2']), (p, roles, coderIds) => {
        const order = [...p.sources].reverse().map((s) => s.id);
        const steps = saturation(p, { order, roles, coderIds });
        const seen = new Set<string>();
        steps.forEach((step) => {
          const source = p.sources.find((s) => s.id === step.sourceId)!;
          const here = new Set(['R', 'K', 'Q'].filter((c) => stretchesRef(p, source, c, { unit: 'source', coderIds }).length > 0));
          expect(step.newCodes).toEqual(['R', 'K', 'Q'].filter((c) => here.has(c) && !seen.has(c)));
          for (const c of here) seen.add(c);
          expect(step.cumulative).toBe(seen.size);
        });
        expect(steps.map((s) => s.sourceId)).toEqual(order.filter((id) => counted(p, { unit: 'source', roles }).some((s) => s.id === id)));
      }),
      { numRuns: 150 },
    );
  });
});
