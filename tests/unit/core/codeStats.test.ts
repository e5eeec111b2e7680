import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeStats } from '../../../renderer/core/codebook/codeStats';
import type { Code, Coding, Source } from '../../../renderer/core/shared/model';

const code = (id: string, parentId: string | null, extra: Partial<Code> = {}): Code => ({
  id,
  parentId,
  name: id,
  description: '',
  inclusion: '',
  exclusion: '',
  examples: '',
  colour: '#8ec4eb',
  order: 0,
  deletedAt: null,
  ...extra,
});
const source = (id: string, participantId: string | null, extra: Partial<Source> = {}): Source => ({
  id,
  participantId,
  wave: 'T1',
  title: id,
  text: 'x'.repeat(100),
  turns: [],
  origin: { fileName: `${id}.txt`, format: 'txt', sha256: '', importedAt: 0 },
  deletedAt: null,
  ...extra,
});
let n = 0;
const coding = (codeId: string, sourceId: string, coderId = 'k1', extra: Partial<Coding> = {}): Coding => ({
  id: `g${++n}`,
  sourceId,
  codeId,
  coderId,
  start: 0,
  end: 5,
  memo: '',
  createdAt: 0,
  updatedAt: 0,
  deletedAt: null,
  ...extra,
});

// a > a1 > a1x, b (unused), d deleted with a live child e left behind (damaged data).
const codes = [code('a', null), code('a1', 'a'), code('a1x', 'a1'), code('b', null), code('d', null, { deletedAt: 1 }), code('e', 'd')];
const sources = [
  source('s1', 'P1'),
  source('s2', 'P1', { wave: 'T2' }),
  source('s3', 'P2'),
  source('s4', null),
  source('s5', 'P3', { deletedAt: 1 }),
];
const codings = [
  coding('a', 's1'),
  coding('a', 's1', 'k2'),
  coding('a', 's3'),
  coding('a1', 's2'),
  coding('a1', 's4'),
  coding('a1', 's1', 'k2'),
  coding('a1x', 's3', 'k2'),
  coding('a1x', 's5'),
  coding('a1x', 's1', 'k1', { deletedAt: 9 }),
  coding('d', 's1'),
  coding('e', 's2'),
  coding('gone', 's1'),
];
const snapshot = { codes, codings, sources };
const asObject = (m: Map<string, unknown>) => Object.fromEntries(m);
const stat = (codings: number, sources: number, participants: number) => ({ codings, sources, participants });

describe('codeStats', () => {
  it('counts live codings, distinct live sources and distinct participants per live code', () => {
    expect(asObject(codeStats(snapshot))).toEqual({
      a: stat(3, 2, 2), // s1 twice (two coders) and s3: P1, P2
      a1: stat(3, 3, 1), // s4 has no participant, so only P1
      a1x: stat(1, 1, 1), // s5 is deleted, one coding is deleted
      b: stat(0, 0, 0),
      e: stat(1, 1, 1),
    });
  });
  it('aggregates a subtree as distinct sources and participants, not sums', () => {
    expect(asObject(codeStats(snapshot, { includeChildren: true }))).toEqual({
      a: stat(7, 4, 2), // sources s1 s2 s3 s4; participants P1 P2 (3+3+1 codings)
      a1: stat(4, 4, 2), // s2 s4 s1 + s3 from a1x
      a1x: stat(1, 1, 1),
      b: stat(0, 0, 0),
      e: stat(1, 1, 1), // its deleted parent collects nothing
    });
  });
  it('filters by coder; an empty coder list counts no one', () => {
    expect(asObject(codeStats(snapshot, { coderIds: ['k1'] }))).toMatchObject({ a: stat(2, 2, 2), a1: stat(2, 2, 1), a1x: stat(0, 0, 0) });
    expect(codeStats(snapshot, { coderIds: ['k1'], includeChildren: true }).get('a')).toEqual(stat(4, 4, 2));
    expect(codeStats(snapshot, { coderIds: ['k2'], includeChildren: true }).get('a')).toEqual(stat(3, 2, 2));
    expect([...codeStats(snapshot, { coderIds: [] }).values()].every((s) => s.codings === 0)).toBe(true);
  });
  it('counts the same whatever order the codings come in (a source is looked up once per run of it)', () => {
    // The reference: every coding looked at on its own.
    const reference = (list: readonly Coding[]) => {
      const live = new Map(sources.filter((s) => s.deletedAt == null).map((s) => [s.id, s.participantId]));
      const out = new Map<string, { codings: number; sources: Set<string> }>();
      for (const c of codes) if (c.deletedAt == null) out.set(c.id, { codings: 0, sources: new Set() });
      for (const c of list) {
        const t = out.get(c.codeId);
        if (c.deletedAt != null || !t || !live.has(c.sourceId)) continue;
        t.codings += 1;
        t.sources.add(c.sourceId);
      }
      return Object.fromEntries(
        [...out].map(([id, t]) => [
          id,
          stat(t.codings, t.sources.size, new Set([...t.sources].map((s) => live.get(s)).filter((p) => p != null)).size),
        ]),
      );
    };
    fc.assert(
      fc.property(
        fc.shuffledSubarray(codings),
        fc.array(fc.integer({ min: 0, max: codings.length - 1 }), { maxLength: 8 }),
        (picked, repeats) => {
          const list = [...picked, ...repeats.map((i) => codings[i]!)];
          expect(asObject(codeStats({ codes, codings: list, sources }))).toEqual(reference(list));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('survives a parent cycle in damaged data', () => {
    const loop = [code('x', 'y'), code('y', 'x')];
    const stats = codeStats({ codes: loop, codings: [coding('x', 's1'), coding('y', 's2')], sources }, { includeChildren: true });
    expect(stats.get('x')!.codings + stats.get('y')!.codings).toBeGreaterThanOrEqual(2);
  });
  it('counts every coding once at study scale (60 codes x 40,000 codings x 350 sources)', () => {
    // Correctness at scale only; the speed is measured by `npm run bench`, not by a timed test.
    const bigCodes = Array.from({ length: 60 }, (_, i) => code(`c${i}`, i < 10 ? null : `c${i % 10}`));
    const bigSources = Array.from({ length: 350 }, (_, i) => source(`s${i}`, `P${i % 175}`));
    const bigCodings = Array.from({ length: 40_000 }, (_, i) => coding(`c${(i * 7) % 60}`, `s${(i * 13) % 350}`, i % 2 ? 'k1' : 'k2'));
    const big = { codes: bigCodes, codings: bigCodings, sources: bigSources };
    for (const includeChildren of [false, true]) {
      const stats = codeStats(big, { includeChildren });
      // Every coding is counted once at its own code, and once more at its top-level code when totalled.
      const counted = (ids: Code[]) => ids.reduce((sum, c) => sum + stats.get(c.id)!.codings, 0);
      expect(counted(includeChildren ? bigCodes.slice(0, 10) : bigCodes)).toBe(40_000);
    }
  });
});
