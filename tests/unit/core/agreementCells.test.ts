// compareCoders' cells (core/agreement/unitCells.ts) against a count of every unit, and its
// pools against their parts: two coders are walked once with their states told apart by weight,
// and the cells are added up as rows of one flat array.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCoders, type AgreementInput, type AgreementUnit } from '../../../renderer/core/agreement/compare';

const LENGTH = 90;
const coderIds = (n: number) => ['a', 'b', 'c', 'd'].slice(0, n);

/** Codings by coder, code, transcript and [start, length]; some deleted. */
const codingsArb = fc.array(
  fc.record({
    coder: fc.nat(3),
    code: fc.nat(2),
    source: fc.nat(3),
    span: fc.tuple(fc.integer({ min: -5, max: LENGTH }), fc.integer({ min: 0, max: 40 })),
    deleted: fc.boolean(),
  }),
  { maxLength: 30 },
);

type RawCodings = typeof codingsArb extends fc.Arbitrary<infer T> ? T : never;

function projectOf(coders: number, raw: RawCodings): AgreementInput {
  const ids = coderIds(coders);
  const sources = [0, 1, 2, 3].map((i) => ({
    id: `s${i}`,
    wave: i % 2 ? 'T2' : 'T1',
    deletedAt: null,
    turns: [0, 20, 45, 60].map((start, k, all) => ({ start, end: (all[k + 1] ?? LENGTH) - 1 })),
    text: { length: LENGTH },
  }));
  const codings = [
    // Every coder has coded every transcript, so all four are compared.
    ...sources.flatMap((s) => ids.map((coderId) => ({ sourceId: s.id, coderId, codeId: 'k0', start: 0, end: 0, deletedAt: null }))),
    ...raw
      .filter((r) => r.coder < coders)
      .map((r) => ({
        sourceId: `s${r.source}`,
        coderId: ids[r.coder]!,
        codeId: `k${r.code}`,
        start: r.span[0],
        end: r.span[0] + r.span[1],
        deletedAt: r.deleted ? 1 : null,
      })),
  ];
  const codes = [0, 1, 2].map(
    (k) => ({ id: `k${k}`, parentId: null, name: `K${k}`, order: k, deletedAt: null }) as AgreementInput['codes'][number],
  );
  const waves = [
    { id: 'T1', label: 'Time 1', order: 0 },
    { id: 'T2', label: 'Time 2', order: 1 },
  ];
  return { codes, waves, sources, codings };
}

/** Whether `coder` applied `code` to character `at` of `source`: a live coding covers it. */
const covers = (p: AgreementInput, source: string, code: string, coder: string, at: number) =>
  p.codings.some(
    (c) => c.deletedAt == null && c.sourceId === source && c.codeId === code && c.coderId === coder && c.start <= at && at < c.end,
  );

describe('the character unit against every character', () => {
  it('two coders: the table; three and four: how many applied each character', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }), codingsArb, (coders, raw) => {
        const p = projectOf(coders, raw);
        const ids = coderIds(coders);
        const report = compareCoders(p, { coderIds: ids, unit: 'character' });
        for (const [k, row] of report.perCode.entries()) {
          const histogram = new Array<number>(coders + 1).fill(0);
          const table = { both: 0, onlyFirst: 0, onlySecond: 0, neither: 0 };
          for (const s of p.sources)
            for (let at = 0; at < LENGTH; at += 1) {
              const by = ids.map((id) => covers(p, s.id, `k${k}`, id, at));
              histogram[by.filter(Boolean).length]! += 1;
              if (by[0] && by[1]) table.both += 1;
              else if (by[0]) table.onlyFirst += 1;
              else if (by[1]) table.onlySecond += 1;
              else table.neither += 1;
            }
          if (coders === 2) expect(row.table).toEqual(table);
          else expect(row.histogram).toEqual(histogram);
        }
      }),
    );
  });
});

describe('pools against their parts', () => {
  it("a code's row, over all transcripts and by wave, adds up each transcript's own", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3 }),
        fc.constantFrom<AgreementUnit>('turn', 'character', 'document', 'segment'),
        codingsArb,
        (coders, unit, raw) => {
          const n = unit === 'segment' ? 2 : coders;
          const p = projectOf(n, raw);
          const ids = coderIds(n);
          const whole = compareCoders(p, { coderIds: ids, unit });
          const alone = p.sources.map((s) => compareCoders(p, { coderIds: ids, unit, sourceIds: [s.id] }));
          const add = (rows: (typeof whole.perCode)[]) =>
            rows[0]!.map((_, k) => {
              const parts = rows.map((r) => r[k]!);
              return n === 2
                ? (['both', 'onlyFirst', 'onlySecond', 'neither'] as const).map((f) => parts.reduce((sum, r) => sum + r.table![f], 0))
                : parts[0]!.histogram!.map((_, j) => parts.reduce((sum, r) => sum + r.histogram![j]!, 0));
            });
          const cellsOf = (rows: typeof whole.perCode) =>
            rows.map((r) => (n === 2 ? [r.table!.both, r.table!.onlyFirst, r.table!.onlySecond, r.table!.neither] : r.histogram));
          expect(cellsOf(whole.perCode)).toEqual(add(alone.map((r) => r.perCode)));
          for (const wave of whole.byWave) {
            const inWave = alone.filter((_, i) => p.sources[i]!.wave === wave.waveId);
            expect(cellsOf(wave.perCode)).toEqual(add(inWave.map((r) => r.perCode)));
          }
          // Each transcript's pooled figures are those of the report of it alone.
          whole.bySource.forEach((row, i) => expect(row.stats).toEqual(alone[i]!.pooled));
        },
      ),
    );
  });
});

describe('turns as objects or as bounds', () => {
  it('give the same report, turns in order or not (as the worker unpacks them, and as a snapshot holds them)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3 }),
        fc.constantFrom<AgreementUnit>('turn', 'character', 'document'),
        codingsArb,
        fc.boolean(),
        (coders, unit, raw, reversed) => {
          const p = projectOf(coders, raw);
          const objects = {
            ...p,
            sources: p.sources.map((s, i) => ({ ...s, turns: reversed && i === 0 ? [...s.turns!].reverse() : s.turns })),
          };
          const bounds = {
            ...p,
            sources: objects.sources.map(({ turns, ...s }) => ({
              ...s,
              turnBounds: Int32Array.from(turns!.flatMap((t) => [t.start, t.end])),
            })),
          };
          const ids = coderIds(coders);
          expect(compareCoders(bounds, { coderIds: ids, unit })).toEqual(compareCoders(objects, { coderIds: ids, unit }));
        },
      ),
    );
  });
});
