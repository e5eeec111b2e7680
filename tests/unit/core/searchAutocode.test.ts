// Auto-coding: hits grown to the word, sentence, turn or paragraph; hits in one unit made one
// passage; the action codes them under the "Auto-coded" coder, once, as one undo step.
import { describe, expect, it } from 'vitest';
import { autoCode, autoCodePassages, extendHit, searchText, type AutoCodeUnit } from '../../../renderer/core/search';
import { applyToArrays, invert, type Coding } from '../../../renderer/core/shared';
import { codeRecord } from '../../fixtures/records';
import { searchProject, transcript } from '../../fixtures/searchCorpus';

const source = transcript('t', [
  ['Interviewer', 'interviewer', 'What happened?'],
  ['Ann', 'participant', 'He called the police. Then he left! The police came back.\nLater, in court, it was calm.'],
]);
const project = searchProject([source]);
const textOf = (r: { start: number; end: number }) => source.text.slice(r.start, r.end);
const hitOf = (word: string, nth = 0) => searchText(project, word)[nth]!;

describe('extending a hit', () => {
  it('grows it to the word, sentence, paragraph or turn, never past the turn', () => {
    const partOfWord = { sourceId: 't', start: source.text.indexOf('olic'), end: source.text.indexOf('olic') + 4 };
    const cases: [AutoCodeUnit, string][] = [
      ['word', 'police'],
      ['sentence', 'He called the police.'],
      ['paragraph', 'He called the police. Then he left! The police came back.'],
      ['turn', 'He called the police. Then he left! The police came back.\nLater, in court, it was calm.'],
    ];
    for (const [unit, expected] of cases) expect(textOf(extendHit(source, partOfWord, unit)), unit).toBe(expected);
    expect(textOf(extendHit(source, hitOf('court'), 'sentence'))).toBe('Later, in court, it was calm.');
    expect(textOf(extendHit(source, hitOf('happened', 0) ?? { start: 13, end: 21 }, 'sentence'))).toBe('What happened?');
  });

  it('makes one passage of the hits in one unit, counting them', () => {
    const hits = searchText(project, 'police OR left');
    expect(autoCodePassages(new Map([['t', source]]), hits, 'sentence').map((p) => [textOf(p), p.hits])).toEqual([
      ['He called the police.', 1],
      ['Then he left!', 1],
      ['The police came back.', 1],
    ]);
    expect(autoCodePassages(new Map([['t', source]]), hits, 'paragraph').map((p) => p.hits)).toEqual([3]);
  });
});

describe('the auto-code action', () => {
  const code = codeRecord('c', 'Police contact', null, 0);
  let n = 0;
  const base = () => ({
    code,
    coders: [],
    codings: [] as Coding[],
    textLengths: new Map([['t', source.text.length]]),
    query: 'police',
    day: '2026-12-06',
    newId: () => `id${(n += 1)}`,
    now: 5,
  });
  const passages = autoCodePassages(new Map([['t', source]]), searchText(project, 'police'), 'sentence');

  it('codes every passage under a new "Auto-coded" coder, saying which search made each', () => {
    const action = autoCode({ ...base(), passages });
    expect(action.coded).toBe(2);
    expect(action.label).toBe('Auto-code 2 passages "Police contact" (search "police")');
    const state: { coders?: never[]; codings?: Coding[] } = {};
    applyToArrays(state, action);
    expect(state.coders).toEqual([{ id: expect.any(String), name: 'Auto-coded', colour: expect.any(String) }]);
    expect(state.codings!.map((c) => [textOf(c), c.memo])).toEqual([
      ['He called the police.', 'Auto-coded from the search "police" on 2026-12-06.'],
      ['The police came back.', 'Auto-coded from the search "police" on 2026-12-06.'],
    ]);
    // One undo step takes it all back.
    applyToArrays(state, invert(action));
    expect(state.codings).toEqual([]);
    expect(state.coders).toEqual([]);
  });

  it('leaves passages already coded alone, joins overlapping ones, and refuses a category or nothing', () => {
    const coder = { id: 'auto', name: 'auto-coded', colour: '#777777' };
    const first = source.text.indexOf('He called');
    const existing: Coding[] = [
      { id: 'old', sourceId: 't', codeId: 'c', coderId: 'auto', start: first, end: first + 25, memo: 'mine', createdAt: 1, updatedAt: 1 },
      {
        id: 'tail',
        sourceId: 't',
        codeId: 'c',
        coderId: 'auto',
        start: source.text.indexOf('came back'),
        end: source.text.indexOf('came back') + 20,
        memo: '',
        createdAt: 1,
        updatedAt: 1,
      },
    ];
    const action = autoCode({ ...base(), coders: [coder], codings: existing, passages });
    expect([action.coded, action.skipped]).toEqual([1, 1]);
    expect(action.changes).toHaveLength(1);
    expect(action.changes[0]!.before).toMatchObject({ id: 'tail' });
    expect(textOf(action.changes[0]!.after as Coding)).toMatch(/^The police came back/);
    expect(() => autoCode({ ...base(), code: { ...code, notCodable: true }, passages })).toThrow(/is a category/);
    expect(() => autoCode({ ...base(), passages: [] })).toThrow(/nothing to code/);
  });
});
