// findQuotes: which passages a query finds, how overlapping codings become one passage, and
// the order a write-up reads them in.
import { describe, expect, it } from 'vitest';
import type { Code, Coding, Participant, ProjectSnapshot, Source } from '../../../renderer/core/shared/model';
import { findQuotes, type Quote, type QuoteQuery } from '../../../renderer/core/quotes';

const PLAIN = 'zero one two three four five six seven eight nine';
const WORDS = PLAIN.split(' ');
/** [start of word i, end of word j] of PLAIN. */
const words = (i: number, j = i): [number, number] => {
  const start = WORDS.slice(0, i).join(' ').length + (i > 0 ? 1 : 0);
  return [start, WORDS.slice(0, j + 1).join(' ').length];
};

const code = (id: string, parentId: string | null, order: number, deletedAt: number | null = null): Code => ({
  id,
  parentId,
  name: id,
  description: '',
  inclusion: '',
  exclusion: '',
  examples: '',
  colour: '#8ec4eb',
  order,
  deletedAt,
});
const person = (
  id: string,
  pseudonym: string,
  role: string,
  site: string,
  group: Participant['group'],
  deletedAt: number | null = null,
): Participant => ({
  id,
  pseudonym,
  role,
  site,
  group,
  attributes: {},
  links: [],
  deletedAt,
});
const source = (
  id: string,
  participantId: string | null,
  wave: string | null,
  title: string,
  text = PLAIN,
  deletedAt: number | null = null,
): Source => ({
  id,
  participantId,
  wave,
  title,
  text,
  turns: [],
  origin: { fileName: `${id}.txt`, format: 'txt', sha256: '', importedAt: 0 },
  deletedAt,
});
let n = 0;
const coding = (
  codeId: string,
  sourceId: string,
  [start, end]: readonly [number, number],
  coderId = 'ana',
  deletedAt: number | null = null,
): Coding => ({
  id: `k${++n}`,
  codeId,
  sourceId,
  coderId,
  start,
  end,
  memo: '',
  createdAt: 0,
  updatedAt: 0,
  deletedAt,
});

// Codebook: safety (a) with sub-codes feeling safe (a1) and afraid (a2); respect (b); change (c);
// an old deleted code (d). Listed out of tree order on purpose.
const base: ProjectSnapshot = {
  waves: [
    { id: 'T2', label: 'Time 2', order: 1 },
    { id: 'T1', label: 'Time 1', order: 0 },
  ],
  participants: [
    person('kieran', 'Kieran', 'man', 'North', 'programme'),
    person('leanne', 'Leanne', 'woman', 'South', 'comparison'),
    person('gone', 'Aaron', 'man', 'North', 'programme', 7),
  ],
  sources: [
    source('k1', 'kieran', 'T1', 'Kieran T1'),
    source('k2', 'kieran', 'T2', 'Kieran T2'),
    source('l1', 'leanne', 'T1', 'Leanne T1'),
    source('g2', null, 'T2', 'Group session'),
    source('lx', 'leanne', null, 'Leanne extra'),
    source('kd', 'kieran', 'T1', 'Kieran deleted', PLAIN, 9),
    source('orphan', 'gone', 'T1', 'Aaron T1'),
  ],
  codes: [code('c', null, 2), code('b', null, 1), code('a2', 'a', 1), code('a1', 'a', 0), code('a', null, 0), code('d', null, 3, 4)],
  codings: [],
  coders: [
    { id: 'ana', name: 'Ana', colour: '#000000' },
    { id: 'ben', name: 'Ben', colour: '#ffffff' },
  ],
};
const find = (codings: Coding[], query: QuoteQuery = {}, project: Partial<ProjectSnapshot> = {}) =>
  findQuotes({ ...base, ...project, codings }, query);
/** Quotes as "source:text" for compact expectations. */
const short = (quotes: Quote[]) => quotes.map((q) => `${q.sourceId}:${q.text}`);

describe('findQuotes: passages', () => {
  it('answers each codings list as it is: a new list (a coding added, one deleted) is grouped afresh', () => {
    const first = coding('a', 'k1', words(1));
    const codings = [first, coding('b', 'l1', words(3))];
    expect(short(find(codings))).toEqual(['k1:one', 'l1:three']);
    // The same list asked again gives the same passages (grouped once, kept).
    expect(short(find(codings))).toEqual(['k1:one', 'l1:three']);
    const added = [...codings, coding('c', 'k1', words(5, 6))];
    expect(short(find(added))).toEqual(['k1:one', 'k1:five six', 'l1:three']);
    const deleted = added.map((c) => (c === first ? { ...c, deletedAt: 5 } : c));
    expect(short(find(deleted))).toEqual(['k1:five six', 'l1:three']);
  });

  it('returns the exact slice with its transcript, offsets, participant, wave and codes (exactly seven fields)', () => {
    const [start, end] = words(1, 2);
    expect(find([coding('a', 'k1', [start, end])])).toEqual([
      { text: 'one two', sourceId: 'k1', start, end, participantId: 'kieran', wave: 'T1', codeIds: ['a'] },
    ]);
  });

  it('makes overlapping codings by two coders one quote carrying both codes in codebook order', () => {
    const quotes = find([coding('b', 'k1', words(1, 3), 'ana'), coding('a', 'k1', words(2, 5), 'ben')]);
    expect(quotes).toEqual([
      {
        text: 'one two three four five',
        sourceId: 'k1',
        start: words(1)[0],
        end: words(5)[1],
        participantId: 'kieran',
        wave: 'T1',
        codeIds: ['a', 'b'],
      },
    ]);
  });

  it('gives two coders marking the same words one quote', () => {
    expect(short(find([coding('a', 'k1', words(4, 6), 'ana'), coding('a', 'k1', words(4, 6), 'ben')]))).toEqual(['k1:four five six']);
  });

  it('makes a nested coding part of the passage around it', () => {
    const quotes = find([coding('a', 'k1', words(1, 6)), coding('a1', 'k1', words(3))]);
    expect(quotes.map((q) => [q.text, q.codeIds])).toEqual([['one two three four five six', ['a', 'a1']]]);
  });

  it('keeps codings that only touch as two quotes, and merges codings that share one character', () => {
    const [s, e] = words(1, 2);
    expect(short(find([coding('a', 'k1', [s, e]), coding('b', 'k1', [e, words(3)[1]])]))).toEqual(['k1:one two', 'k1: three']);
    expect(short(find([coding('a', 'k1', [s, e]), coding('b', 'k1', [e - 1, words(3)[1]])]))).toEqual(['k1:one two three']);
  });

  it('chains overlaps into one maximal passage', () => {
    const quotes = find([
      coding('a', 'k1', words(0, 2)),
      coding('b', 'k1', words(2, 4)),
      coding('c', 'k1', words(4, 6)),
      coding('a', 'k1', words(8)),
    ]);
    expect(short(quotes)).toEqual(['k1:zero one two three four five six', 'k1:eight']);
  });

  it('takes offsets in UTF-16 units, so emoji and joined emoji come out whole', () => {
    const text = 'He said 👍🏽 and then “sparks” flew. 👨‍👩‍👧 came too.';
    const family = text.indexOf('👨‍👩‍👧');
    const quotes = find(
      [coding('a', 'e1', [text.indexOf('said'), text.indexOf(' and') + 4]), coding('b', 'e1', [family, family + '👨‍👩‍👧'.length])],
      {},
      {
        sources: [source('e1', 'kieran', 'T1', 'Emoji', text)],
      },
    );
    expect(quotes.map((q) => q.text)).toEqual(['said 👍🏽 and', '👨‍👩‍👧']);
    for (const q of quotes) expect(q.text).toBe(text.slice(q.start, q.end));
  });

  it('clips a coding past the end of its text and ignores empty codings', () => {
    const quotes = find([coding('a', 'k1', [words(9)[0], PLAIN.length + 40]), coding('b', 'k1', [3, 3])]);
    expect(quotes.map((q) => [q.text, q.end])).toEqual([['nine', PLAIN.length]]);
  });
});

describe('findQuotes: codes', () => {
  const codings = () => [
    coding('a', 'k1', words(0)), // safety only
    coding('a', 'k1', words(2, 3)),
    coding('b', 'k1', words(3, 4), 'ben'), // safety + respect
    coding('a1', 'k1', words(6)),
    coding('b', 'k1', words(6)), // feeling safe + respect
    coding('c', 'k1', words(8)), // change only
    coding('a2', 'k1', words(9)), // afraid only
  ];

  it('finds passages of every live code when no code is listed ([] the same as undefined)', () => {
    const all = ['k1:zero', 'k1:two three four', 'k1:six', 'k1:eight', 'k1:nine'];
    expect(short(find(codings()))).toEqual(all);
    expect(short(find(codings(), { codeIds: [], match: 'all' }))).toEqual(all);
  });

  it("'any' keeps passages coded with at least one listed code", () => {
    expect(short(find(codings(), { codeIds: ['b', 'c'] }))).toEqual(['k1:three four', 'k1:six', 'k1:eight']);
  });

  it('builds passages only from codings of the listed codes', () => {
    // The safety coding next to respect is not part of a respect-only query's passage.
    expect(find(codings(), { codeIds: ['b'] }).map((q) => q.text)).toEqual(['three four', 'six']);
  });

  it("'all' keeps a passage only when its codings together carry every listed code", () => {
    expect(short(find(codings(), { codeIds: ['a', 'b'], match: 'all' }))).toEqual(['k1:two three four']);
  });

  it("'all' with sub-codes: a sub-code counts for its listed parent", () => {
    expect(short(find(codings(), { codeIds: ['a', 'b'], match: 'all', includeChildren: true }))).toEqual(['k1:two three four', 'k1:six']);
  });

  it('includes sub-codes only when asked', () => {
    expect(short(find(codings(), { codeIds: ['a'] }))).toEqual(['k1:zero', 'k1:two three']);
    expect(short(find(codings(), { codeIds: ['a'], includeChildren: true }))).toEqual(['k1:zero', 'k1:two three', 'k1:six', 'k1:nine']);
  });

  it('lists passage codes in codebook tree order, sub-codes under their parent', () => {
    const quotes = find([
      coding('c', 'k1', words(0, 5)),
      coding('b', 'k1', words(1)),
      coding('a2', 'k1', words(2)),
      coding('a', 'k1', words(3)),
      coding('a1', 'k1', words(4)),
    ]);
    expect(quotes.map((q) => q.codeIds)).toEqual([['a', 'a1', 'a2', 'b', 'c']]);
  });

  it('drops a passage that overlaps a coding of an excluded code, but not one it only touches', () => {
    const [s, e] = words(4, 5);
    const quotes = find(
      [coding('a', 'k1', words(0, 1)), coding('a', 'k1', [s, e]), coding('c', 'k1', words(1, 2)), coding('c', 'k1', [e, e + 4])],
      { codeIds: ['a'], excludeCodeIds: ['c'] },
    );
    expect(short(quotes)).toEqual(['k1:four five']);
  });

  it('is not blocked by an empty coding of an excluded code, which marks no character', () => {
    const inside = words(2)[0];
    expect(
      short(find([coding('a', 'k1', words(1, 3)), coding('c', 'k1', [inside, inside])], { codeIds: ['a'], excludeCodeIds: ['c'] })),
    ).toEqual(['k1:one two three']);
  });

  it('excludes with sub-codes only when asked', () => {
    const cs = [coding('b', 'k1', words(0, 1)), coding('a1', 'k1', words(1)), coding('b', 'k1', words(5))];
    expect(short(find(cs, { codeIds: ['b'], excludeCodeIds: ['a'] }))).toEqual(['k1:zero one', 'k1:five']);
    expect(short(find(cs, { codeIds: ['b'], excludeCodeIds: ['a'], includeChildren: true }))).toEqual(['k1:five']);
  });

  it('with no codes listed, excluding a code removes every passage that touches its words', () => {
    expect(short(find(codings(), { excludeCodeIds: ['b'] }))).toEqual(['k1:zero', 'k1:eight', 'k1:nine']);
  });

  it('excludes only by the chosen coders’ codings', () => {
    const cs = [coding('a', 'k1', words(1, 2), 'ana'), coding('c', 'k1', words(2), 'ben')];
    expect(short(find(cs, { codeIds: ['a'], excludeCodeIds: ['c'] }))).toEqual([]);
    expect(short(find(cs, { codeIds: ['a'], excludeCodeIds: ['c'], coderIds: ['ana'] }))).toEqual(['k1:one two']);
  });

  it('combines any, all and none', () => {
    const cs = [...codings(), coding('c', 'k1', words(6))];
    expect(short(find(cs, { codeIds: ['a', 'b'], match: 'all', includeChildren: true, excludeCodeIds: ['c'] }))).toEqual([
      'k1:two three four',
    ]);
  });
});

describe('findQuotes: coders, people and waves', () => {
  // One passage in every live transcript, two coders on Kieran's first.
  const codings = () => [
    coding('a', 'k1', words(1, 3), 'ana'),
    coding('a', 'k1', words(3, 5), 'ben'),
    coding('a', 'k2', words(1)),
    coding('a', 'l1', words(2)),
    coding('a', 'g2', words(3)),
    coding('a', 'lx', words(4)),
    coding('a', 'orphan', words(5)),
  ];
  const sources = (query: QuoteQuery) => find(codings(), query).map((q) => q.sourceId);

  it('with no filters finds every live transcript, in reading order', () => {
    expect(sources({})).toEqual(['k1', 'k2', 'l1', 'lx', 'orphan', 'g2']);
  });

  it('by coder: only the chosen coders’ codings make the passages', () => {
    expect(short(find(codings(), { coderIds: ['ben'] }))).toEqual(['k1:three four five']);
    expect(short(find(codings(), { coderIds: ['ana', 'ben'] }))[0]).toBe('k1:one two three four five');
  });

  it('by role, site, group and participant', () => {
    expect(sources({ roles: ['woman'] })).toEqual(['l1', 'lx']);
    expect(sources({ sites: ['North'] })).toEqual(['k1', 'k2']);
    expect(sources({ groups: ['comparison'] })).toEqual(['l1', 'lx']);
    expect(sources({ participantIds: ['kieran'] })).toEqual(['k1', 'k2']);
  });

  it('by wave; a transcript without a wave fails a wave filter', () => {
    expect(sources({ waves: ['T2'] })).toEqual(['k2', 'g2']);
    expect(sources({ waves: ['T1', 'T2'] })).toEqual(['k1', 'k2', 'l1', 'orphan', 'g2']);
  });

  it('a transcript without a (live) participant fails any person filter but passes when none is set', () => {
    expect(sources({ waves: ['T2'], roles: ['man', 'woman'] })).toEqual(['k2']);
    expect(sources({ waves: ['T2'] })).toContain('g2');
  });

  it('combines filters: every one must pass', () => {
    expect(sources({ roles: ['man'], waves: ['T1'] })).toEqual(['k1']);
    expect(sources({ sites: ['North', 'South'], groups: ['comparison'], waves: ['T1'] })).toEqual(['l1']);
    expect(sources({ participantIds: ['kieran'], roles: ['woman'] })).toEqual([]);
    expect(short(find(codings(), { participantIds: ['kieran'], waves: ['T1'], coderIds: ['ben'], codeIds: ['a'] }))).toEqual([
      'k1:three four five',
    ]);
  });

  it('treats every empty list as no restriction', () => {
    const empty: QuoteQuery = {
      codeIds: [],
      excludeCodeIds: [],
      roles: [],
      waves: [],
      sites: [],
      groups: [],
      participantIds: [],
      coderIds: [],
      text: '',
    };
    expect(find(codings(), empty)).toEqual(find(codings(), {}));
  });
});

describe('findQuotes: deleted records', () => {
  it('ignores deleted codings', () => {
    expect(short(find([coding('a', 'k1', words(1)), coding('a', 'k1', words(1, 4), 'ana', 5)]))).toEqual(['k1:one']);
  });

  it('ignores codings of a deleted code, even when that code is listed', () => {
    const cs = [coding('d', 'k1', words(1, 4)), coding('a', 'k1', words(2))];
    expect(short(find(cs))).toEqual(['k1:two']);
    expect(find(cs, { codeIds: ['d'] })).toEqual([]);
    expect(find(cs, { codeIds: ['a', 'd'], match: 'all' })).toEqual([]);
    expect(short(find(cs, { codeIds: ['a'], excludeCodeIds: ['d'] }))).toEqual(['k1:two']);
  });

  it('ignores deleted transcripts', () => {
    expect(find([coding('a', 'kd', words(1))])).toEqual([]);
  });

  it('treats the transcript of a deleted participant as having none', () => {
    const [quote] = find([coding('a', 'orphan', words(1))]);
    expect(quote).toMatchObject({ sourceId: 'orphan', participantId: '', wave: 'T1' });
    expect(find([coding('a', 'orphan', words(1))], { roles: ['man'] })).toEqual([]);
  });

  it("gives '' for the participant and wave of a transcript that has none", () => {
    expect(find([coding('a', 'g2', words(1)), coding('a', 'lx', words(1))]).map((q) => [q.sourceId, q.participantId, q.wave])).toEqual([
      ['lx', 'leanne', ''],
      ['g2', '', 'T2'],
    ]);
  });
});

describe('findQuotes: order', () => {
  it('reads person by person (numeric, case-blind), by wave order, title, start, end; nobody last', () => {
    const project: Partial<ProjectSnapshot> = {
      participants: [person('p10', 'P10', 'man', '', ''), person('p2', 'p2', 'man', '', ''), person('z', 'Zed', 'man', '', '')],
      sources: [
        source('s-z', 'z', 'T1', 'A'),
        source('s-none', null, 'T1', 'A'),
        source('s-p10-t2', 'p10', 'T2', 'A'),
        source('s-p10-t1-b', 'p10', 'T1', 'b title'),
        source('s-p10-t1-a', 'p10', 'T1', 'A title'),
        source('s-p2', 'p2', 'T2', 'A'),
        source('s-p10-nowave', 'p10', null, 'A'),
      ],
    };
    const cs = ['s-z', 's-none', 's-p10-t2', 's-p10-t1-b', 's-p10-t1-a', 's-p2', 's-p10-nowave'].flatMap((id) => [
      coding('a', id, words(5)),
      coding('a', id, words(1)),
    ]);
    expect(find(cs, {}, project).map((q) => `${q.sourceId}@${q.start}`)).toEqual([
      's-p2@5',
      's-p2@24',
      's-p10-t1-a@5',
      's-p10-t1-a@24',
      's-p10-t1-b@5',
      's-p10-t1-b@24',
      's-p10-t2@5',
      's-p10-t2@24',
      's-p10-nowave@5',
      's-p10-nowave@24',
      's-z@5',
      's-z@24',
      's-none@5',
      's-none@24',
    ]);
  });
});
