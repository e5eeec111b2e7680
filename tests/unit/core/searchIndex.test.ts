// The index gives exactly the hits of the reference scan, on generated corpora and queries,
// also after transcripts are added, changed and removed one at a time, and after a round trip
// through its stored form.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeSourceIndex,
  hitCounts,
  SearchCorpus,
  encodeSourceIndex,
  indexSource,
  SearchIndex,
  searchText,
  textFingerprint,
  unpackHits,
  type SearchTextOptions,
} from '../../../renderer/core/search';
import type { ProjectSnapshot, SpeakerRole } from '../../../renderer/core/shared/model';
import { searchProject, transcript, type Said } from '../../fixtures/searchCorpus';

const WORDS = [
  'police',
  'Police',
  'café',
  'cafe',
  'he’s',
  "he's",
  'court',
  'courts',
  'listen',
  'listening',
  'well-being',
  'Ünal',
  'x',
  '42',
];
const word = fc.constantFrom(...WORDS);
const sentence = fc
  .array(fc.tuple(word, fc.constantFrom(' ', ', ', '. ', ' — ', '\n')), { minLength: 0, maxLength: 12 })
  .map((parts) => parts.flat().join(''));
const turn: fc.Arbitrary<Said> = fc
  .tuple(
    fc.constantFrom<[string | null, SpeakerRole]>(
      ['Interviewer', 'interviewer'],
      ['P', 'participant'],
      [null, 'participant'],
      ['Kim', 'other'],
    ),
    sentence,
  )
  .map(([[speaker, role], words]) => [speaker, role, words]);
const corpus: fc.Arbitrary<ProjectSnapshot> = fc
  .array(fc.array(turn, { minLength: 0, maxLength: 5 }), { minLength: 1, maxLength: 4 })
  .map((docs) => searchProject(docs.map((said, i) => transcript(`t${i}`, said, { participantId: i % 2 ? 'p-ann' : null }))));

const leaf = fc.oneof(
  word.map((w) => (w.includes('-') ? `"${w}"` : w)),
  fc.constantFrom('pol*', 'c?urt', '*ing', '"police court"', '"he’s listening"', '/c[ao]f\\w/', '/\\d+/', '/pol\\w*/'),
);
const query: fc.Arbitrary<string> = fc.letrec<{ q: string }>((tie) => ({
  q: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.tuple(tie('q'), fc.constantFrom(' AND ', ' OR ', ' NOT ', ' '), tie('q')).map(([a, op, b]) => `(${a}${op}${b})`),
    fc.tuple(leaf, fc.integer({ min: 0, max: 4 }), leaf).map(([a, n, b]) => `${a} NEAR/${n} ${b}`),
  ),
})).q;
const options: fc.Arbitrary<SearchTextOptions> = fc.record(
  {
    stem: fc.boolean(),
    matchCase: fc.boolean(),
    matchAccents: fc.boolean(),
    speaker: fc.constantFrom('participant' as const, 'interviewer' as const, 'both' as const),
    scope: fc.constantFrom('turn' as const, 'transcript' as const),
  },
  { requiredKeys: [] },
);

function indexOf(project: ProjectSnapshot): SearchIndex {
  const index = new SearchIndex();
  for (const s of project.sources) index.put(indexSource(s.id, s.text));
  return index;
}

/** The same hits, or the same refusal. */
function outcome(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    return { refused: (error as Error).message };
  }
}

describe('the search index', () => {
  it('gives the hits of the reference scan for any corpus, query and options', () => {
    let withHits = 0;
    fc.assert(
      fc.property(corpus, query, options, (project, q, o) => {
        const expected = outcome(() => searchText(project, q, o));
        const index = indexOf(project);
        expect(outcome(() => index.search(project, q, o))).toEqual(expected);
        // The packed hits the worker sends are the same hits.
        expect(outcome(() => unpackHits(index.searchPacked(project, q, o)))).toEqual(expected);
        if (Array.isArray(expected) && expected.length > 0) withHits += 1;
      }),
      { numRuns: 400 },
    );
    // The generators must make queries that find things, or the comparison proves little.
    expect(withHits).toBeGreaterThan(80);
  });

  it('sets up a search ahead of it: the search after works out no transcript again, and finds the same', () => {
    fc.assert(
      fc.property(corpus, query, options, (project, q, o) => {
        const expected = outcome(() => searchText(project, q, o));
        const index = indexOf(project);
        index.prepare(project, o);
        const made = index.unitsMade;
        expect(made).toBeLessThanOrEqual(project.sources.length);
        expect(outcome(() => index.search(project, q, o))).toEqual(expected);
        expect(index.unitsMade).toBe(made);
      }),
      { numRuns: 200 },
    );
  });

  it('counts, places and pages the hits as the worker hands them over, only when asked', () => {
    let withHits = 0;
    fc.assert(
      fc.property(corpus, query, options, (project, q, o) => {
        const expected = outcome(() => searchText(project, q, o));
        if (!Array.isArray(expected)) return;
        const held = new SearchCorpus();
        for (const s of project.sources) held.add({ id: s.id, text: s.text, turns: s.turns });
        // First the counts per transcript (all the Search tab shows before its lines)…
        const tally = held.search(project, q, o);
        expect(hitCounts(project, project.sources, tally)).toEqual(hitCounts(project, project.sources, expected));
        // …then every hit with its characters, or a page of lines at a time.
        expect(unpackHits(held.hits())).toEqual(expected);
        const middle = Math.floor(expected.length / 2);
        const page = held.lines('place', middle, middle + 3, 20).map(({ sourceId, start, end }) => ({ sourceId, start, end }));
        expect(page).toEqual(expected.slice(middle, middle + 3));
        // The next search reuses the same memory: its hits are its own, and right.
        const again = outcome(() => searchText(project, `${q} OR ${q}`, o));
        if (Array.isArray(again)) {
          held.search(project, `${q} OR ${q}`, o);
          expect(unpackHits(held.hits())).toEqual(again);
        }
        if (expected.length > 0) withHits += 1;
      }),
      { numRuns: 200 },
    );
    expect(withHits).toBeGreaterThan(40);
  });

  it('answers two words by unit (AND, NOT) and a wildcard of several words as the reference scan does', () => {
    // Longer transcripts than above, so a unit often holds one word and not the other, and
    // places fall between units (the speaker filter), where the walk by unit steps past them.
    const longCorpus = fc
      .array(fc.array(turn, { minLength: 1, maxLength: 14 }), { minLength: 1, maxLength: 3 })
      .map((docs) => searchProject(docs.map((said, i) => transcript(`t${i}`, said))));
    const twoWords = fc
      .tuple(fc.constantFrom('police', 'court', 'courts', 'listen', 'x', 'c*', '*ing', 'pol*'), fc.constantFrom(' AND ', ' NOT '))
      .chain(([a, op]) => fc.constantFrom('police', 'court', 'listening', 'café', '42', 'c*').map((b) => `${a}${op}${b}`));
    const q = fc.oneof(twoWords, fc.constantFrom('c*', '*ing', '*e*', 'c?urt*', 'po*'));
    const speaker = fc.constantFrom('participant' as const, 'interviewer' as const, 'both' as const);
    fc.assert(
      fc.property(longCorpus, q, speaker, (project, text, who) => {
        const expected = searchText(project, text, { speaker: who });
        expect(unpackHits(indexOf(project).searchPacked(project, text, { speaker: who }))).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('stays right as transcripts are added, changed and removed one at a time', () => {
    fc.assert(
      fc.property(corpus, corpus, query, (before, after, q) => {
        const index = indexOf(before);
        // Change every transcript the second corpus has, remove the ones it lacks.
        for (const s of before.sources) if (!after.sources.some((a) => a.id === s.id)) index.remove(s.id);
        for (const s of after.sources) if (!index.holds(s.id, textFingerprint(s.text))) index.put(indexSource(s.id, s.text));
        expect(index.sourceIds().sort()).toEqual(after.sources.map((s) => s.id).sort());
        expect(outcome(() => index.search(after, q))).toEqual(outcome(() => searchText(after, q)));
        expect(outcome(() => index.search(after, q))).toEqual(outcome(() => indexOf(after).search(after, q)));
      }),
      { numRuns: 200 },
    );
  });

  it('is stored and read back exactly, and refuses damaged bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const part = indexSource('t', text);
        expect(decodeSourceIndex(encodeSourceIndex(part))).toEqual(part);
      }),
    );
    const stored = encodeSourceIndex(indexSource('t', 'The police came, the police went.'));
    expect(stored.numbers.length).toBeLessThan(4 * 6 + 4);
    expect(() => decodeSourceIndex({ ...stored, numbers: stored.numbers.subarray(0, 5) })).toThrow(
      /search index of transcript t is damaged/,
    );
    expect(() => decodeSourceIndex({ ...stored, terms: 'police' })).toThrow(/damaged/);
  });

  it('notices a changed text by its fingerprint', () => {
    expect(textFingerprint('police')).not.toBe(textFingerprint('polite'));
    const index = new SearchIndex();
    index.put(indexSource('t', 'police'));
    expect(index.holds('t', textFingerprint('police'))).toBe(true);
    expect(index.holds('t', textFingerprint('police.'))).toBe(false);
  });
});
