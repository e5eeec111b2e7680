// The text filter of findQuotes: words inside the passage, found without regard to case,
// accents or the kind of apostrophe, with "quoted phrases".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Coding, ProjectSnapshot, Source } from '../../../renderer/core/shared/model';
import { findQuotes } from '../../../renderer/core/quotes';
import { fold } from '../../../renderer/core/quotes/fold';
import { containsAll, searchTerms, textIsAscii } from '../../../renderer/core/quotes/search';
import { IDS, smallProject } from '../../fixtures/snapshots';

const TEXT = [
  'Café culture, she said.', // 0
  'Cafe\u0301 au lait, decomposed.', // 1: the accent as a combining mark
  'I’m calmer now.', // 2: curly apostrophe
  "I'm not sure, don't ask.", // 3: straight apostrophes
  '“Time out” works.', // 4: curly double quotes
  'I listen first, then talk.', // 5
  'First I listen, then talk.', // 6
  'I listen\n  first when it matters.', // 7: a phrase across a line break
  'ZOË and Łódź, naïve.', // 8
].join('\n');
const LINES = TEXT.split('\n');
const lineRange = (i: number): [number, number] => {
  const start = LINES.slice(0, i).join('\n').length + (i > 0 ? 1 : 0);
  return [start, start + LINES[i]!.length];
};
// Line 7 has a line break inside: it is two array entries; join them back as one passage.
const PASSAGES: [number, number][] = [0, 1, 2, 3, 4, 5, 6].map(lineRange);
PASSAGES.push([lineRange(7)[0], lineRange(8)[1]], lineRange(9));

const source: Source = {
  id: 's',
  participantId: null,
  wave: null,
  title: 'S',
  text: TEXT,
  turns: [],
  origin: { fileName: 's.txt', format: 'txt', sha256: '', importedAt: 0 },
};
const project: ProjectSnapshot = {
  waves: [],
  participants: [],
  sources: [source],
  coders: [],
  codes: [{ id: 'a', parentId: null, name: 'A', description: '', inclusion: '', exclusion: '', examples: '', colour: '#000000', order: 0 }],
  codings: PASSAGES.map(([start, end], i): Coding => ({
    id: `c${i}`,
    sourceId: 's',
    codeId: 'a',
    coderId: 'k',
    start,
    end,
    memo: '',
    createdAt: 0,
    updatedAt: 0,
  })),
};
/** Which passages (by number) a text query finds. */
const hits = (text: string) => findQuotes(project, { text }).map((q) => PASSAGES.findIndex(([s]) => s === q.start));

describe('findQuotes: text', () => {
  it('passages are what the fixture says they are', () => {
    expect(findQuotes(project, {}).map((q) => q.text)).toEqual([...LINES.slice(0, 7), `${LINES[7]}\n${LINES[8]}`, LINES[9]]);
  });

  it('ignores case', () => {
    expect(hits('LISTEN')).toEqual([5, 6, 7]);
  });

  it('ignores accents, precomposed or combining, in the passage and in the query', () => {
    expect(hits('cafe')).toEqual([0, 1]);
    expect(hits('CAFÉ')).toEqual([0, 1]);
    // Ł is a letter of its own, not L with a mark: it matches itself in either case.
    expect(hits('zoe ŁODZ naive')).toEqual([8]);
    expect(hits('lodz')).toEqual([]);
  });

  it('treats curly and straight apostrophes as the same', () => {
    expect(hits("i'm")).toEqual([2, 3]);
    expect(hits('I’M')).toEqual([2, 3]);
    expect(hits('don’t')).toEqual([3]);
  });

  it('needs every term, in any order', () => {
    expect(hits('listen talk')).toEqual([5, 6]);
    expect(hits('talk listen first')).toEqual([5, 6]);
    expect(hits('listen sparks')).toEqual([]);
  });

  it('takes a quoted phrase as one term, across line breaks and runs of spaces', () => {
    expect(hits('"listen first"')).toEqual([5, 7]);
    expect(hits('"listen first" talk')).toEqual([5]);
    expect(hits('"first  listen"')).toEqual([]);
  });

  it('takes smart quotes around a phrase, as a Mac keyboard types them', () => {
    expect(hits('“listen first”')).toEqual([5, 7]);
    expect(hits('"time out"')).toEqual([4]);
  });

  it('runs a phrase whose closing quote is missing to the end of the query', () => {
    expect(hits('talk "listen first')).toEqual([5]);
  });

  it('finds a term inside a longer word', () => {
    expect(hits('calm')).toEqual([2]);
  });

  it('treats empty and whitespace-only text, and empty quotes, as no filter', () => {
    const all = [0, 1, 2, 3, 4, 5, 6, 7, 8];
    expect(hits('')).toEqual(all);
    expect(hits('   \n ')).toEqual(all);
    expect(hits('""')).toEqual(all);
  });

  it('searches the whole merged passage, parts coded by different coders included', () => {
    const small = smallProject();
    // Ana coded "I used to shout. 😀 Now I listen first."; Ben coded "Now I listen first.".
    expect(findQuotes(small, { text: 'shout listen' }).map((q) => q.text)).toEqual(['I used to shout. 😀 Now I listen first.']);
    expect(findQuotes(small, { text: 'shout', coderIds: [IDS.ben] })).toEqual([]);
  });

  it('combines with the code filter', () => {
    const small = smallProject();
    expect(findQuotes(small, { text: 'first', codeIds: [IDS.respect] }).map((q) => q.text)).toEqual(['We talk. 🇬🇧 Family first.']);
    expect(findQuotes(small, { text: 'first', codeIds: [IDS.respect], includeChildren: true }).map((q) => q.text)).toEqual([
      'I used to shout. 😀 Now I listen first.',
      'We talk. 🇬🇧 Family first.',
    ]);
  });
});

describe('the shortcut for passages of ASCII only', () => {
  it('answers as folding the passage would, whatever the query', () => {
    const chars = [...'aAbBzZ \n.*?()[]|\\"\'’“”çÉéöİ-'];
    const str = (maxLength: number) => fc.array(fc.constantFrom(...chars), { maxLength }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(str(40), str(12), (passage, query) => {
        const terms = searchTerms(query);
        const folded = fold(passage);
        const expected = terms.every((t) => (typeof t.folded === 'string' ? folded.includes(t.folded) : t.folded.test(folded)));
        expect(containsAll(passage, terms)).toBe(expected);
        // Told the passage's whole text is ASCII only, the answer is the same for such a passage.
        if (textIsAscii({ text: passage })) expect(containsAll(passage, terms, true)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('knows a text of ASCII only, once per record', () => {
    expect(textIsAscii({ text: 'I listen first.' })).toBe(true);
    expect(textIsAscii({ text: 'Café culture' })).toBe(false);
    expect(textIsAscii({ text: 'I’m calmer' })).toBe(false);
    // A query over transcripts of both kinds finds the accented passage by its plain spelling.
    expect(hits('cafe')).toEqual([0, 1]);
    expect(hits('cafe')).toEqual([0, 1]);
  });
});
