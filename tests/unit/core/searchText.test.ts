// What a search finds: the reference scan (searchText) over small hand-written transcripts,
// operator by operator, with the filters every tab has.
import { describe, expect, it } from 'vitest';
import { QueryError, searchText } from '../../../renderer/core/search';
import { codeRecord } from '../../fixtures/records';
import { hitTexts, searchProject, transcript } from '../../fixtures/searchCorpus';

const ann1 = transcript(
  'ann1',
  [
    ['Interviewer', 'interviewer', 'Did the police come? Tell me about the police.'],
    ['Ann', 'participant', 'The police came twice. He was violent, really violent, and the Police said court.'],
    ['Interviewer', 'interviewer', 'And the court?'],
    ['Ann', 'participant', 'He’s calmer now. He doesn’t shout. The café was our place; his violence stopped.'],
  ],
  { participantId: 'p-ann', wave: 'w1' },
);
const bob2 = transcript(
  'bob2',
  [
    ['Interviewer', 'interviewer', 'What changed?'],
    ['Bob', 'participant', 'I listen now. Responsibility is mine, I take responsibility. Well-being matters.'],
    ['Kim', 'other', 'He listens more, the police never came back.'],
  ],
  { participantId: 'p-bob', wave: 'w2' },
);
const project = searchProject([ann1, bob2]);
const find = (query: string, options = {}) => hitTexts(project, searchText(project, query, options));

describe('words', () => {
  it('find every form of a word as written, ignoring case, accents and quote shapes, in participant turns by default', () => {
    expect(find('police')).toEqual(['police', 'Police']); // Kim (another speaker) only with 'both'
    expect(find('cafe')).toEqual(['café']);
    expect(find("doesn't")).toEqual(['doesn’t']);
    expect(find('he’s')).toEqual(['He’s']);
  });

  it('match case or accents when asked', () => {
    expect(find('Police', { matchCase: true })).toEqual(['Police']);
    expect(find('cafe', { matchAccents: true })).toEqual([]);
    expect(find('café', { matchAccents: true })).toEqual(['café']);
  });

  it('search the interviewer’s turns, or everyone’s, when asked', () => {
    expect(find('police', { speaker: 'interviewer' })).toEqual(['police', 'police']);
    expect(find('police', { speaker: 'both' })).toHaveLength(5);
  });

  it('take their other forms with stemming, but not inside quotes', () => {
    expect(find('listening', { stem: true, speaker: 'both' })).toEqual(['listen', 'listens']);
    expect(find('"listening"', { stem: true, speaker: 'both' })).toEqual([]);
    expect(find('responsible', { stem: true })).toEqual(['Responsibility', 'responsibility']);
    expect(find('shouts', { stem: true })).toEqual(['shout']);
  });

  it('expand wildcards: * any run of letters, ? one letter', () => {
    expect(find('viol*')).toEqual(['violent', 'violent', 'violence']);
    expect(find('respons*')).toEqual(['Responsibility', 'responsibility']);
    expect(find('c?urt')).toEqual(['court']);
  });

  it('split at hyphens as the text does', () => {
    expect(find('well-being')).toEqual(['Well-being']);
    expect(find('being')).toEqual(['being']);
  });
});

describe('phrases and NEAR', () => {
  it('find a phrase across punctuation but not across turns', () => {
    expect(find('"really violent"')).toEqual(['really violent']);
    expect(find('"violent really"')).toEqual(['violent, really']);
    expect(find('“take responsibility”')).toEqual(['take responsibility']);
    expect(find('"court he"', { speaker: 'both' })).toEqual([]);
  });

  it('NEAR/n finds both words within n words, either order, as one hit', () => {
    expect(find('police NEAR/1 twice')).toEqual(['police came twice']);
    expect(find('twice NEAR/1 police')).toEqual(['police came twice']);
    expect(find('police NEAR/0 twice')).toEqual([]);
    expect(find('violence NEAR/3 cafe')).toEqual([]);
    expect(find('place NEAR/3 violence')).toEqual(['place; his violence']);
  });
});

describe('AND, OR, NOT', () => {
  it('AND wants both in the same turn by default, or the same transcript when asked', () => {
    expect(find('police AND court')).toEqual(['police', 'Police', 'court']);
    expect(find('police AND calmer')).toEqual([]);
    expect(find('police AND calmer', { scope: 'transcript' })).toEqual(['police', 'Police', 'calmer']);
    expect(find('police court')).toEqual(find('police AND court'));
  });

  it('OR takes either; NOT drops hits in turns where the other is said', () => {
    expect(find('calmer OR listen')).toEqual(['calmer', 'listen']);
    expect(find('police NOT court', { speaker: 'both' })).toEqual(['police', 'police', 'police']);
    expect(find('(police OR violent) NOT twice')).toEqual([]);
  });

  it('refuses a query it cannot read, naming where', () => {
    expect(() => find('police AND')).toThrow(QueryError);
    expect(() => find('/(a)\\1/')).toThrow(/Back-references/);
  });
});

describe('regular expressions', () => {
  it('run over the text with accents taken off, case ignored unless asked', () => {
    expect(find('/viol\\w+/')).toEqual(['violent', 'violent', 'violence']);
    expect(find('/caf\\w/')).toEqual(['café']);
    expect(find('/Police/', { matchCase: true })).toEqual(['Police']);
  });

  it('refuse patterns that could run for ever, with the reason and where they stand', () => {
    const refused = (q: string) => {
      try {
        find(q);
      } catch (error) {
        return error as QueryError;
      }
      throw new Error(`${q} was not refused`);
    };
    expect(refused('/(a+)+b/').message).toMatch(/repeats inside/);
    expect(refused('/(a|ab)*c/').message).toMatch(/repeated choice/);
    expect(refused('/(?<=a)b/').message).toMatch(/Lookarounds/);
    expect(refused('/a.*b.*c.*d/').message).toMatch(/More than two/);
    expect(refused('/[a/').message).toMatch(/cannot be read/);
    expect(refused('police OR /(x+)*y/').position).toBe(10);
    expect(find('/(he|she)+/', { speaker: 'both' }).length).toBeGreaterThan(0);
  });
});

describe('filters', () => {
  it('narrow to people, waves and sets as the other tabs do', () => {
    expect(find('police', { roles: ['woman'] })).toHaveLength(2);
    expect(find('police', { waves: ['w2'], speaker: 'both' })).toEqual(['police']);
    expect(find('police', { participantIds: ['p-bob'] })).toEqual([]);
    const withSets = searchProject([ann1, bob2], [], { sets: [{ id: 's', name: 'S', description: '', sourceIds: ['bob2'], codeIds: [] }] });
    expect(hitTexts(withSets, searchText(withSets, 'police', { setIds: ['s'], speaker: 'both' }))).toEqual(['police']);
  });

  it('keep hits inside, or outside, passages coded with a code (and its sub-codes)', () => {
    const start = ann1.text.indexOf('He was violent');
    const coded = searchProject(
      [ann1, bob2],
      [{ id: 'k', sourceId: 'ann1', codeId: 'sub', coderId: 'c', start, end: start + 40, memo: '', createdAt: 0, updatedAt: 0 }],
      { codes: [codeRecord('top', 'Violence', null, 0), codeRecord('sub', 'Physical', 'top', 0)] },
    );
    const hits = (options: object) => hitTexts(coded, searchText(coded, 'violent OR police', options));
    expect(hits({ codedWith: ['top'] })).toEqual(['violent', 'violent']);
    expect(hits({ notCodedWith: ['top'] })).toEqual(['police', 'Police']);
  });

  it('gives hits in reading order: person, wave, then place', () => {
    const hits = searchText(project, 'police OR listen', { speaker: 'both' });
    expect(hits.map((h) => h.sourceId)).toEqual(['ann1', 'ann1', 'ann1', 'ann1', 'bob2', 'bob2']);
    expect(hits.map((h) => h.start)).toEqual(
      [...hits.slice(0, 4).map((h) => h.start)].sort((a, b) => a - b).concat(hits.slice(4).map((h) => h.start)),
    );
  });
});
