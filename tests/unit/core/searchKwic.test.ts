// The concordance lines and the counts beside the hits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameCollator } from '../../../renderer/core/shared';
import { concordanceLine, hitCounts, hitSentence, hitTotal, packHits, searchText, sortConcordance } from '../../../renderer/core/search';
import { searchProject, transcript } from '../../fixtures/searchCorpus';

const text = 'Before anything. The police came twice,\nthen the police\nleft. Police again.';
const hit = (word: string, nth = 0) => {
  let at = -1;
  for (let i = 0; i <= nth; i += 1) at = text.indexOf(word, at + 1);
  return { sourceId: 's', start: at, end: at + word.length };
};

describe('concordance lines', () => {
  it('cut the context at whole words, on one line, keeping the spaces next to the keyword', () => {
    expect(concordanceLine(text, hit('police', 1), 14)).toMatchObject({ left: 'then the ', keyword: 'police', right: ' left. Police' });
    expect(concordanceLine(text, hit('police', 0), 100)).toMatchObject({
      left: 'Before anything. The ',
      right: ' came twice, then the police left. Police again.',
    });
    expect(concordanceLine(text, hit('Before'), 5)).toMatchObject({ left: '', keyword: 'Before', right: '' });
    // Kept inside a stretch (the hit's speaker turn): nothing of the turn before or after.
    const turn = { start: text.indexOf('then'), end: text.indexOf('left.') + 5 };
    expect(concordanceLine(text, hit('police', 1), 100, turn)).toMatchObject({ left: 'then the ', keyword: 'police', right: ' left.' });
  });

  it('sort by the words left or right of the keyword, nearest first, keeping reading order on ties', () => {
    const lines = [hit('police', 0), hit('police', 1), hit('Police')].map((h) => concordanceLine(text, h, 30));
    expect(sortConcordance(lines, 'left').map((l) => l.left.trim().split(' ').at(-1))).toEqual(['left.', 'The', 'the']);
    expect(sortConcordance(lines, 'right').map((l) => l.right.trim().split(' ')[0])).toEqual(['again.', 'came', 'left.']);
    expect(sortConcordance(lines, 'place')).toEqual(lines);
    expect(sortConcordance(lines, 'keyword').map((l) => l.start)).toEqual(lines.map((l) => l.start));
  });
});

describe('hit counts', () => {
  it('count hits per wave and participant, and say it in one line', () => {
    const project = searchProject([
      transcript('a1', [['Ann', 'participant', 'police police']], { participantId: 'p-ann', wave: 'w1' }),
      transcript('a2', [['Ann', 'participant', 'police']], { participantId: 'p-ann', wave: 'w2' }),
      transcript('b2', [['Bob', 'participant', 'nothing here']], { participantId: 'p-bob', wave: 'w2' }),
      transcript('x', [['X', 'participant', 'police']]),
    ]);
    const counts = hitCounts(project, project.sources, searchText(project, 'police'));
    expect(hitSentence(counts)).toBe('4 hits in 3 of 4 transcripts · Time 1: 2 · Time 2: 1 · No wave: 1');
    expect(counts.byParticipant).toEqual([
      { participantId: 'p-ann', pseudonym: 'Ann', hits: 3, transcripts: 2, byWave: { w1: 2, w2: 1 } },
      { participantId: null, pseudonym: '(no participant)', hits: 1, transcripts: 1, byWave: { '': 1 } },
    ]);
    expect(hitSentence(hitCounts(project, project.sources.slice(0, 1), []))).toBe('0 hits in 0 of 1 transcript');
    // The same counts from the packed hits the search worker sends.
    expect(hitCounts(project, project.sources, packHits(searchText(project, 'police')))).toEqual(counts);
    expect(hitTotal(packHits(searchText(project, 'police')))).toBe(4);
  });

  it('list participants by hits, then by name as the collator orders names', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('P1', 'p1', 'P2', 'P10', 'Ann', 'ann', 'Émile', 'Zoe', '(no participant)'), fc.nat(3)), {
          minLength: 1,
          maxLength: 12,
        }),
        (rows) => {
          const participants = rows.map(([pseudonym], i) => ({
            ...searchProject([]).participants[0],
            id: `p${i}`,
            pseudonym,
            role: 'woman',
            site: '',
            group: '',
            attributes: {},
            links: [],
          }));
          const project = { waves: [], participants } as unknown as Parameters<typeof hitCounts>[0];
          const sources = rows.map((_, i) => ({ id: `s${i}`, participantId: `p${i}`, wave: null }));
          const tally = { sourceIds: sources.map((s) => s.id), perSource: Int32Array.from(rows, ([, n]) => n + 1) };
          const got = hitCounts(project, sources, tally).byParticipant;
          const expected = [...got].sort((a, b) => b.hits - a.hits || nameCollator.compare(a.pseudonym, b.pseudonym));
          expect(got.map((r) => [r.hits, r.pseudonym])).toEqual(expected.map((r) => [r.hits, r.pseudonym]));
        },
      ),
      { numRuns: 300 },
    );
  });
});
