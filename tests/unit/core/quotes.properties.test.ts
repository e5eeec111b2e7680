// Properties of the quote finder and of redaction, over random projects and texts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Code, Coding, ProjectSnapshot, Source } from '../../../renderer/core/shared/model';
import { findQuotes, redact, unredacted, type Quote } from '../../../renderer/core/quotes';

// Words, spaces, line breaks and astral characters (so offsets can fall inside a surrogate pair).
const TOKENS = ['home', 'Café', 'I’m', 'listen', ' ', ' ', '\n', '😀', '🇬🇧', '👨‍👩‍👧', 'x', '.'];
const text = fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 40 }).map((ts) => ts.join(''));

// Codes: a (with sub-codes a1, a2), b, and a deleted code d.
const CODES: Code[] = [
  ['a', null],
  ['a1', 'a'],
  ['a2', 'a'],
  ['b', null],
  ['d', null],
].map(([id, parentId], order) => ({
  id: id!,
  parentId: parentId ?? null,
  name: id!,
  description: '',
  inclusion: '',
  exclusion: '',
  examples: '',
  colour: '#000000',
  order,
  deletedAt: id === 'd' ? 1 : null,
}));
const CODE_IDS = CODES.map((c) => c.id);

const codingSpec = fc.record({
  source: fc.nat(),
  code: fc.constantFrom(...CODE_IDS),
  coder: fc.constantFrom('ana', 'ben'),
  at: fc.nat(),
  length: fc.integer({ min: 0, max: 30 }),
  deleted: fc.constantFrom(false, false, false, true),
});

/** A project of 1-3 transcripts (one maybe deleted) with codings anywhere in them, some deleted. */
const project: fc.Arbitrary<ProjectSnapshot> = fc
  .record({
    texts: fc.array(text, { minLength: 1, maxLength: 3 }),
    deletedSource: fc.option(fc.nat(), { nil: undefined }),
    codings: fc.array(codingSpec, { maxLength: 25 }),
  })
  .map(({ texts, deletedSource, codings }) => {
    const sources: Source[] = texts.map((t, i) => ({
      id: `s${i}`,
      participantId: i % 2 === 0 ? 'p' : null,
      wave: i === 2 ? null : 'T1',
      title: `S${i}`,
      text: t,
      turns: [],
      origin: { fileName: '', format: 'txt', sha256: '', importedAt: 0 },
      deletedAt: deletedSource === i ? 1 : null,
    }));
    return {
      waves: [{ id: 'T1', label: 'Time 1', order: 0 }],
      participants: [{ id: 'p', pseudonym: 'P', role: 'man', site: '', group: '', attributes: {}, links: [] }],
      sources,
      codes: CODES,
      coders: [],
      codings: codings.map((c, i): Coding => {
        const source = sources[c.source % sources.length]!;
        const start = c.at % (source.text.length + 1);
        return {
          id: `k${i}`,
          sourceId: source.id,
          codeId: c.code,
          coderId: c.coder,
          start,
          end: Math.min(source.text.length, start + c.length),
          memo: '',
          createdAt: 0,
          updatedAt: 0,
          deletedAt: c.deleted ? 1 : null,
        };
      }),
    };
  });
const someCodes = fc.subarray(CODE_IDS);

/** The characters of each transcript covered by `ranges`, as a string of 0s and 1s. */
function coverage(p: ProjectSnapshot, ranges: readonly { sourceId: string; start: number; end: number }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of p.sources) {
    const marks = new Array<string>(s.text.length).fill('0');
    for (const r of ranges) if (r.sourceId === s.id) for (let i = r.start; i < r.end; i += 1) marks[i] = '1';
    out[s.id] = marks.join('');
  }
  return out;
}

const bySource = (quotes: readonly Quote[]) => {
  const groups = new Map<string, Quote[]>();
  for (const q of quotes) groups.set(q.sourceId, [...(groups.get(q.sourceId) ?? []), q]);
  return [...groups.values()];
};

describe('findQuotes properties', () => {
  it("every quote's text is exactly its slice of the transcript", () => {
    fc.assert(
      fc.property(project, someCodes, fc.boolean(), (p, codeIds, includeChildren) => {
        for (const q of findQuotes(p, { codeIds, includeChildren })) {
          expect(q.text).toBe(p.sources.find((s) => s.id === q.sourceId)!.text.slice(q.start, q.end));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('quotes of one transcript never overlap and come in text order', () => {
    fc.assert(
      fc.property(project, someCodes, fc.constantFrom<'any' | 'all'>('any', 'all'), (p, codeIds, match) => {
        for (const group of bySource(findQuotes(p, { codeIds, match }))) {
          for (let i = 1; i < group.length; i += 1) expect(group[i]!.start).toBeGreaterThanOrEqual(group[i - 1]!.end);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the quotes cover exactly the characters the matching codings cover', () => {
    fc.assert(
      fc.property(project, someCodes, fc.boolean(), (p, codeIds, includeChildren) => {
        const liveSources = new Set(p.sources.filter((s) => s.deletedAt == null).map((s) => s.id));
        const wanted = new Set(
          codeIds.length === 0 ? CODE_IDS : codeIds.flatMap((id) => (includeChildren && id === 'a' ? ['a', 'a1', 'a2'] : [id])),
        );
        const matching = p.codings.filter(
          (c) => c.deletedAt == null && c.codeId !== 'd' && wanted.has(c.codeId) && liveSources.has(c.sourceId),
        );
        expect(coverage(p, findQuotes(p, { codeIds, includeChildren }))).toEqual(coverage(p, matching));
      }),
      { numRuns: 300 },
    );
  });

  it("every quote of an 'all' query carries every listed code, and none of an excluded one overlaps", () => {
    fc.assert(
      fc.property(project, someCodes, someCodes, (p, codeIds, excludeCodeIds) => {
        for (const q of findQuotes(p, { codeIds, match: 'all' })) for (const id of codeIds) expect(q.codeIds).toContain(id);
        const excluded = p.codings.filter((c) => c.deletedAt == null && excludeCodeIds.includes(c.codeId) && c.codeId !== 'd');
        for (const q of findQuotes(p, { codeIds, excludeCodeIds })) {
          expect(excluded.filter((c) => c.sourceId === q.sourceId && c.start < q.end && c.end > q.start && c.start < c.end)).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('redaction properties', () => {
  // Finds are names; replacements hold no letters, so no find can occur inside one.
  const NAMES = ['Sarah', 'Jones', 'Sarah Jones', 'Smith', 'Zoë', 'Ana', 'Al', 'Łukasz'];
  const WORDS = [
    ...NAMES,
    'Sarahs',
    "Sarah's",
    'Sarah’s',
    "Smiths'",
    'Sarahjane',
    'MacSarah',
    'ANA',
    'zoë',
    'Alana',
    'and',
    'the',
    'car',
    '😀',
  ];
  const SEPARATORS = [' ', '  ', '\n', ', ', "'", '’', '-', '(', ')', '. '];
  const redactText = fc
    .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { maxLength: 20 })
    .map((ps) => ps.flat().join(''));
  const redactions = fc
    .uniqueArray(fc.constantFrom(...NAMES), { minLength: 1 })
    .map((finds) => finds.map((find, i) => ({ find, replace: `[#${i}]` })));

  it('redact is idempotent on its own output', () => {
    fc.assert(
      fc.property(redactText, redactions, (t, list) => {
        const once = redact(t, list);
        expect(redact(once, list)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('after redact, the only leaks are words that run on past a find', () => {
    fc.assert(
      fc.property(redactText, redactions, (t, list) => {
        for (const leak of unredacted(redact(t, list), list)) {
          const find = leak.find.replace(/\s+/g, ' ').toLowerCase();
          const found = leak.found.replace(/\s+/g, ' ').toLowerCase();
          expect(found.startsWith(find)).toBe(true);
          expect(found.slice(find.length)).toMatch(/^[\p{L}\p{N}]|^['’-][\p{L}\p{N}]/u);
        }
      }),
      { numRuns: 500 },
    );
  });
});
