// "5 passages from 2 of 3 participants": the counts under a list of quotes, with an honest
// denominator (who could have been quoted under the same person and wave filters).
import { describe, expect, it } from 'vitest';
import type { Coding, Participant, ProjectSnapshot, Source } from '../../../renderer/core/shared/model';
import { countsSentence, findQuotes, quoteCounts, type QuoteCounts, type QuoteQuery } from '../../../renderer/core/quotes';

const TEXT = 'alpha beta gamma delta';
const person = (id: string, role: string, site: string, deletedAt: number | null = null): Participant => ({
  id,
  pseudonym: id.toUpperCase(),
  role,
  site,
  group: 'programme',
  attributes: {},
  links: [],
  deletedAt,
});
const source = (id: string, participantId: string | null, wave: string | null, deletedAt: number | null = null): Source => ({
  id,
  participantId,
  wave,
  title: id,
  text: TEXT,
  turns: [],
  origin: { fileName: `${id}.txt`, format: 'txt', sha256: '', importedAt: 0 },
  deletedAt,
});
const coding = (sourceId: string, start: number, end: number): Coding => ({
  id: `${sourceId}-${start}`,
  sourceId,
  codeId: 'x',
  coderId: 'k',
  start,
  end,
  memo: '',
  createdAt: 0,
  updatedAt: 0,
});

// a, b: men; c, d: women; d has no transcript; e is deleted. T3 holds only a deleted
// transcript of a's and a group session; T4 holds nothing.
const project: ProjectSnapshot = {
  waves: [
    { id: 'T4', label: 'Time 4', order: 3 },
    { id: 'T2', label: 'Time 2', order: 1 },
    { id: 'T1', label: 'Time 1', order: 0 },
    { id: 'T3', label: 'Time 3', order: 2 },
  ],
  participants: [
    person('a', 'man', 'North'),
    person('b', 'man', 'South'),
    person('c', 'woman', 'North'),
    person('d', 'woman', 'South'),
    person('e', 'man', 'North', 5),
  ],
  sources: [
    source('a1', 'a', 'T1'),
    source('a2', 'a', 'T2'),
    source('a3', 'a', 'T3', 9),
    source('b1', 'b', 'T1'),
    source('c2', 'c', 'T2'),
    source('e1', 'e', 'T1'),
    source('g1', null, 'T1'),
    source('g3', null, 'T3'),
    source('ax', 'a', null),
  ],
  codes: [{ id: 'x', parentId: null, name: 'X', description: '', inclusion: '', exclusion: '', examples: '', colour: '#000000', order: 0 }],
  codings: [coding('a1', 0, 5), coding('a1', 6, 10), coding('a2', 0, 5), coding('c2', 0, 5), coding('g1', 0, 5)],
  coders: [],
};
const counts = (query: QuoteQuery, p: ProjectSnapshot = project) => quoteCounts(p, findQuotes(p, query), query);

describe('quoteCounts', () => {
  it('counts passages, distinct participants, and who had a live transcript; waves in order, empty ones left out', () => {
    expect(counts({})).toEqual({
      passages: 5,
      participants: 2,
      of: 3,
      byWave: [
        { wave: 'T1', label: 'Time 1', passages: 3, participants: 1, of: 2 },
        { wave: 'T2', label: 'Time 2', passages: 2, participants: 2, of: 2 },
      ],
    });
  });

  it('keeps a wave row with passages even when no participant could be quoted there', () => {
    const p = { ...project, codings: [...project.codings, coding('g3', 0, 5)] };
    expect(counts({}, p).byWave.map((w) => [w.wave, w.passages, w.participants, w.of])).toEqual([
      ['T1', 3, 1, 2],
      ['T2', 2, 2, 2],
      ['T3', 1, 0, 0],
    ]);
  });

  it('takes the denominator under the same person filters', () => {
    expect(counts({ roles: ['man'] })).toEqual({
      passages: 3,
      participants: 1,
      of: 2,
      byWave: [
        { wave: 'T1', label: 'Time 1', passages: 2, participants: 1, of: 2 },
        { wave: 'T2', label: 'Time 2', passages: 1, participants: 1, of: 1 },
      ],
    });
    expect(counts({ sites: ['South'] })).toMatchObject({ passages: 0, participants: 0, of: 1 });
    expect(counts({ participantIds: ['d'] })).toEqual({ passages: 0, participants: 0, of: 0, byWave: [] });
  });

  it('counts only the allowed waves, in the total and in the rows', () => {
    expect(counts({ waves: ['T2'] })).toEqual({
      passages: 2,
      participants: 2,
      of: 2,
      byWave: [{ wave: 'T2', label: 'Time 2', passages: 2, participants: 2, of: 2 }],
    });
  });

  it('counts a participant whose only transcript has no wave when no wave is chosen', () => {
    const p: ProjectSnapshot = {
      ...project,
      participants: [...project.participants, person('f', 'man', 'East')],
      sources: [...project.sources, source('f0', 'f', null)],
    };
    expect(counts({}, p).of).toBe(4);
    expect(counts({ waves: ['T1', 'T2'] }, p).of).toBe(3);
  });

  it('is independent of the code, coder and text filters: the denominator is who could be quoted', () => {
    expect(counts({ text: 'beta' })).toMatchObject({ passages: 1, participants: 1, of: 3 });
  });

  it('counts a participant once however many passages they have', () => {
    expect(quoteCounts(project, findQuotes(project, { participantIds: ['a'] }), {})).toMatchObject({ passages: 3, participants: 1 });
  });
});

describe('countsSentence', () => {
  it('says the total, then each wave', () => {
    expect(countsSentence(counts({}))).toBe(
      '5 passages from 2 of 3 participants · Time 1: 3 passages from 1 of 2 · Time 2: 2 passages from 2 of 2',
    );
  });

  it('matches the example of the design', () => {
    const c: QuoteCounts = {
      passages: 14,
      participants: 9,
      of: 12,
      byWave: [
        { wave: 'T1', label: 'Time 1', passages: 5, participants: 4, of: 12 },
        { wave: 'T2', label: 'Time 2', passages: 9, participants: 7, of: 11 },
      ],
    };
    expect(countsSentence(c)).toBe(
      '14 passages from 9 of 12 participants · Time 1: 5 passages from 4 of 12 · Time 2: 9 passages from 7 of 11',
    );
  });

  it('uses singular forms for one', () => {
    expect(
      countsSentence({
        passages: 1,
        participants: 1,
        of: 1,
        byWave: [{ wave: 'T2', label: 'Time 2', passages: 1, participants: 1, of: 1 }],
      }),
    ).toBe('1 passage from 1 of 1 participant · Time 2: 1 passage from 1 of 1');
    expect(countsSentence({ passages: 0, participants: 0, of: 0, byWave: [] })).toBe('0 passages from 0 of 0 participants');
  });

  it('has no wave section in a project without waves', () => {
    const p: ProjectSnapshot = { ...project, waves: [] };
    expect(countsSentence(counts({}, p))).toBe('5 passages from 2 of 3 participants');
  });
});
