// Word frequencies: what is counted (the chosen speaker's turns of the filtered transcripts,
// inside or outside coded passages), what is left out (stop words, short words, numbers), how a
// word is shown, stems, and the comparison of two counts. Turns here are unlabelled paragraphs
// with a role, as the importer leaves them (a turn never holds its "Ann:" label).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codeFilteredHits,
  compareFrequencies,
  DEFAULT_STOP_WORDS,
  filteredSources,
  speakerUnits,
  stopWordSet,
  termKey,
  tokenize,
  wordFrequencies,
  type FrequencyOptions,
  type SearchHit,
} from '../../../renderer/core/search';
import type { Coding, ProjectSnapshot, SpeakerRole } from '../../../renderer/core/shared/model';
import { codeRecord } from '../../fixtures/records';
import { searchProject, transcript, type Said } from '../../fixtures/searchCorpus';

const ann1 = transcript(
  'ann1',
  [
    [null, 'interviewer', 'Tell me about the police.'],
    [null, 'participant', 'The police arrived at the house. Police arrived twice, and I listen now.'],
    [null, 'participant', 'Ann’s café was safe in 2019. We go there to listen.'],
  ],
  { participantId: 'p-ann', wave: 'w1' },
);
const ann2 = transcript(
  'ann2',
  [
    [null, 'interviewer', 'And the police now?'],
    [null, 'participant', 'No police. I am listening, he listens. Listening helps.'],
  ],
  { participantId: 'p-ann', wave: 'w2' },
);
const bob1 = transcript(
  'bob1',
  [
    [null, 'interviewer', 'What about court?'],
    [null, 'participant', 'Court was hard. Ann was there, Ann knows.'],
    [null, 'other', 'The police arrived late.'],
  ],
  { participantId: 'p-bob', wave: 'w1' },
);
const blank = { coderId: 'me', memo: '', createdAt: 0, updatedAt: 0 };
const coding = (id: string, sourceId: string, codeId: string, start: number, end: number, extra: Partial<Coding> = {}): Coding => ({
  ...blank,
  ...{ id, sourceId, codeId, start, end, ...extra },
});
const at = (text: string, phrase: string) => [text.indexOf(phrase), text.indexOf(phrase) + phrase.length] as const;
const codes = [
  codeRecord('c-safety', 'Safety', null, 0),
  codeRecord('c-police', 'Police', 'c-safety', 0),
  codeRecord('c-other', 'Other', null, 1),
];
const project = searchProject(
  [ann1, ann2, bob1],
  [coding('k1', 'ann1', 'c-police', ...at(ann1.text, 'The police arrived at the house.'))],
  {
    codes,
    sets: [{ id: 's1', name: 'Later', description: '', sourceIds: ['ann2', 'bob1'], codeIds: [] }],
  },
);

const count = (options: FrequencyOptions = {}, p: ProjectSnapshot = project) =>
  Object.fromEntries(wordFrequencies(p, options).words.map((w) => [w.key, w.count]));

describe('stop words', () => {
  it('default to the package’s English list, folded and without repeats', () => {
    expect(DEFAULT_STOP_WORDS).toContain('the');
    expect(DEFAULT_STOP_WORDS).toContain('i');
    expect(DEFAULT_STOP_WORDS.every((w) => w === termKey(w))).toBe(true);
    expect(new Set(DEFAULT_STOP_WORDS).size).toBe(DEFAULT_STOP_WORDS.length);
    expect(Object.isFrozen(DEFAULT_STOP_WORDS)).toBe(true);
  });

  it('are the project’s own list when it has one, folded; an empty list is none', () => {
    expect(stopWordSet(undefined)).toEqual(new Set(DEFAULT_STOP_WORDS));
    expect(stopWordSet(['Police', ' DON’T ', '', 'police'])).toEqual(new Set(['police', "don't"]));
    expect(stopWordSet([]).size).toBe(0);
  });
});

describe('wordFrequencies', () => {
  it('count the participants’ words, sorted by count then word, with a readable spelling, up to limit', () => {
    const { words, totalWords } = wordFrequencies(project, {});
    expect(totalWords).toBe(24 + 9 + 8); // every word of the participant turns, stop words and numbers too
    expect(words.map((w) => `${w.word} ${w.count}`).join(', ')).toBe(
      'police 3, Ann 2, arrived 2, listen 2, listening 2, Ann’s 1, café 1, Court 1, hard 1, helps 1, house 1, knows 1, listens 1, safe 1, twice 1',
    );
    expect(words[0]).toEqual({ word: 'police', key: 'police', count: 3, transcripts: 2, participants: 1, share: 3000 / 41 });
    expect(words.find((w) => w.key === 'cafe')!.word).toBe('café');
    expect(words.find((w) => w.key === "ann's")!.word).toBe('Ann’s');
    expect(wordFrequencies(project, { limit: 2 }).words.map((w) => w.word)).toEqual(['police', 'Ann']);
  });

  it('shows a word lower-cased unless it is always capitalised', () => {
    const both = wordFrequencies(project, { speaker: 'both' }).words;
    expect(both.find((w) => w.key === 'court')!.word).toBe('court'); // "court?" in a question
    expect(both.find((w) => w.key === 'ann')!.word).toBe('Ann');
  });

  it('leave stop words out by default, keep them with an empty list, or use a custom one', () => {
    expect(count()).not.toHaveProperty('the');
    expect(count({ stopWords: new Set() })).toMatchObject({ the: 2, was: 3, and: 1, there: 2, police: 3 });
    const custom = count({ stopWords: stopWordSet(['police', 'arrived']) });
    expect(custom).toMatchObject({ the: 2, listen: 2 });
    expect(custom).not.toHaveProperty('police');
    expect(custom).not.toHaveProperty('arrived');
  });

  it('skip words shorter than minLength (folded characters) and numbers', () => {
    expect(count({ stopWords: new Set() })).not.toHaveProperty('go');
    expect(count({ stopWords: new Set(), minLength: 2 })).toMatchObject({ go: 1, we: 1 });
    expect(count({ stopWords: new Set(), minLength: 1 })).not.toHaveProperty('2019');
    const five = count({ minLength: 5 });
    expect(five).toMatchObject({ police: 3, listen: 2, "ann's": 1 });
    expect(five).not.toHaveProperty('safe');
    expect(five).not.toHaveProperty('cafe');
    // Characters, not UTF-16 units: two ideographs outside the BMP are two characters long.
    const astral = searchProject([transcript('t', [[null, 'participant', '𠀀𠀀 𠀀𠀀𠀀']])]);
    expect(count({}, astral)).toEqual({ '𠀀𠀀𠀀': 1 });
  });

  it('group words by stem, shown as the most frequent member', () => {
    const stems = wordFrequencies(project, { forms: 'stems' }).words;
    expect(stems[0]).toMatchObject({ word: 'listen', key: 'listen', count: 5, transcripts: 2, participants: 1 });
    expect(stems.find((w) => w.key === 'polic')).toMatchObject({ word: 'police', count: 3 });
    expect(stems.find((w) => w.key === 'help')).toMatchObject({ word: 'helps', count: 1 });
  });

  it('count the chosen speaker’s turns', () => {
    expect(count({ speaker: 'interviewer' })).toEqual({ police: 2, tell: 1, court: 1 });
    expect(count({ speaker: 'both' })).toMatchObject({ police: 6, arrived: 3, late: 1, court: 2, tell: 1 });
    expect(wordFrequencies(project, { speaker: 'interviewer' }).totalWords).toBe(12);
  });

  it('count only the transcripts the filters let through', () => {
    expect(count({ waves: ['w2'] })).toEqual({ police: 1, listening: 2, listens: 1, helps: 1 });
    expect(count({ participantIds: ['p-bob'] })).toEqual({ ann: 2, court: 1, hard: 1, knows: 1 });
    expect(count({ roles: ['woman'] })).toMatchObject({ police: 3 });
    expect(count({ roles: ['woman'] })).not.toHaveProperty('court');
    expect(count({ setIds: ['s1'] })).toMatchObject({ police: 1, ann: 2, listening: 2 });
    expect(wordFrequencies(project, { setIds: ['s1'] }).words.find((w) => w.key === 'police')!.participants).toBe(1);
  });

  it('count inside, or outside, passages coded with a code or its sub-codes', () => {
    const inside = wordFrequencies(project, { codedWith: ['c-safety'] });
    expect(inside.totalWords).toBe(6);
    expect(count({ codedWith: ['c-safety'] })).toEqual({ police: 1, arrived: 1, house: 1 });
    const outside = wordFrequencies(project, { notCodedWith: ['c-safety'] });
    expect(outside.totalWords).toBe(41 - 6);
    expect(count({ notCodedWith: ['c-safety'] })).toMatchObject({ police: 2, arrived: 1 });
    expect(count({ notCodedWith: ['c-safety'] })).not.toHaveProperty('house');
    expect(count({ codedWith: ['c-other'] })).toEqual({});
  });

  it('take a word cut by a passage as outside it, and touched by an excluded one', () => {
    const [start] = at(ann1.text, 'house');
    const cut = searchProject(project.sources, [coding('k', 'ann1', 'c-other', 0, start + 3)], { codes });
    expect(count({ codedWith: ['c-other'] }, cut)).not.toHaveProperty('house');
    expect(count({ notCodedWith: ['c-other'] }, cut)).not.toHaveProperty('house');
    const touching = searchProject(project.sources, [coding('k', 'ann1', 'c-other', 0, start)], { codes });
    expect(count({ notCodedWith: ['c-other'] }, touching)).toHaveProperty('house');
    const gone = searchProject(project.sources, [coding('k', 'ann1', 'c-other', 0, start + 5, { deletedAt: 1 })], { codes });
    expect(count({ codedWith: ['c-other'] }, gone)).toEqual({});
  });

  it('give nothing for an empty project', () => {
    expect(wordFrequencies(searchProject([]), {})).toEqual({ words: [], totalWords: 0 });
    expect(wordFrequencies(searchProject([transcript('t', [])]), { forms: 'stems' })).toEqual({ words: [], totalWords: 0 });
  });
});

describe('wordFrequencies on generated transcripts', () => {
  const WORDS = ['police', 'Police', 'café', 'he’s', 'court', 'courts', 'listen', 'Ünal', 'x', '42'];
  // Unlabelled turns (a label is not part of a turn), so every word of a turn is a word said.
  const said: fc.Arbitrary<Said> = fc.tuple(
    fc.constant(null),
    fc.constantFrom<SpeakerRole>('participant', 'interviewer', 'other'),
    fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }).map((w) => w.join(' ')),
  );
  const corpus = fc.array(fc.array(said, { maxLength: 5 }), { minLength: 1, maxLength: 4 }).chain((docs) => {
    const sources = docs.map((turns, i) => transcript(`t${i}`, turns));
    const span = fc.tuple(fc.integer({ min: 0, max: sources.length - 1 }), fc.nat(200), fc.nat(60), fc.constantFrom('a', 'b'));
    return fc.array(span, { maxLength: 6 }).map((spans) => {
      const codings = spans.map(([i, at, length, code], k) => {
        const start = at % (sources[i]!.text.length + 1); // inside the text, often at a word's edge
        return coding(`k${k}`, `t${i}`, code, start, start + length);
      });
      return searchProject(sources, codings, { codes: [codeRecord('a', 'A', null, 0), codeRecord('b', 'B', null, 1)] });
    });
  });

  it('count exactly the words codeFilteredHits keeps, each word once', () => {
    fc.assert(
      fc.property(
        corpus,
        fc.constantFrom<FrequencyOptions>({}, { codedWith: ['a'] }, { notCodedWith: ['b'] }, { codedWith: ['a'], notCodedWith: ['b'] }),
        (p, filter) => {
          const options: FrequencyOptions = { ...filter, speaker: 'both', stopWords: new Set(), minLength: 0 };
          const hits: SearchHit[] = [];
          for (const s of filteredSources(p, options)) {
            const { starts, ends, keys } = tokenize(s.text);
            const units = speakerUnits(s, 'both');
            for (let w = 0; w < keys.length; w += 1)
              if (units.some((u) => u.start <= starts[w]! && ends[w]! <= u.end))
                hits.push({ sourceId: s.id, start: starts[w]!, end: ends[w]! });
          }
          const kept = codeFilteredHits(p, hits, options);
          const { words, totalWords } = wordFrequencies(p, options);
          expect(totalWords).toBe(kept.length);
          const numbers = kept.filter((h) => p.sources.find((s) => s.id === h.sourceId)!.text.slice(h.start, h.end) === '42').length;
          expect(words.reduce((sum, w) => sum + w.count, 0)).toBe(kept.length - numbers);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('compareFrequencies', () => {
  const time1 = wordFrequencies(project, { roles: ['woman'], waves: ['w1'] }); // 24 words
  const time2 = wordFrequencies(project, { roles: ['woman'], waves: ['w2'] }); // 9 words

  it('put every word of either side by side, per 1,000 words, with a smoothed ratio', () => {
    const rows = compareFrequencies(time1, time2);
    const police = rows.find((r) => r.key === 'police')!;
    expect(police).toMatchObject({ word: 'police', countA: 2, countB: 1 });
    expect(police.perThousandA).toBeCloseTo(2000 / 24);
    expect(police.perThousandB).toBeCloseTo(1000 / 9);
    expect(police.ratio).toBeCloseTo(1.5 / 9 / (2.5 / 24));
    const helps = rows.find((r) => r.key === 'helps')!;
    expect(helps).toMatchObject({ countA: 0, countB: 1, perThousandA: 0 });
    expect(helps.ratio).toBeCloseTo(1.5 / 9 / (0.5 / 24)); // 8: finite although never said at Time 1
    expect(rows.find((r) => r.key === 'arrived')!.ratio).toBeCloseTo(0.5 / 9 / (2.5 / 24));
  });

  it('sort by the size of the difference, largest first', () => {
    const rows = compareFrequencies(time1, time2);
    expect(rows.map((r) => r.key).slice(0, 5)).toEqual(['listening', 'helps', 'listens', 'arrived', 'listen']);
    expect(rows[rows.length - 1]!.key).toBe('police');
    const gaps = rows.map((r) => Math.abs(r.perThousandB - r.perThousandA));
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
  });

  it('compare with an empty side without dividing by zero', () => {
    const none = wordFrequencies(searchProject([]), {});
    expect(compareFrequencies(none, none)).toEqual([]);
    const rows = compareFrequencies(none, time2);
    expect(rows).toHaveLength(time2.words.length);
    expect(rows.every((r) => Number.isFinite(r.ratio) && r.perThousandA === 0)).toBe(true);
  });
});
