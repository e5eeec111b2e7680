import { describe, expect, it } from 'vitest';
import type { Code, Coding, Participant, ProjectSnapshot, Source } from '../../../renderer/core/shared/model';
import { codeSearch, retrieve } from '../../../renderer/core/coding/retrieval';

const code = (id: string, name: string, parentId: string | null, order: number, extra: Partial<Code> = {}): Code => ({
  id,
  parentId,
  name,
  description: '',
  inclusion: '',
  exclusion: '',
  examples: '',
  colour: '#8ec4eb',
  order,
  deletedAt: null,
  ...extra,
});
const person = (id: string, pseudonym: string, role: string, deletedAt: number | null = null): Participant => ({
  id,
  pseudonym,
  role,
  site: '',
  group: '',
  attributes: {},
  links: [],
  deletedAt,
});
const source = (
  id: string,
  participantId: string | null,
  wave: string | null,
  title: string,
  text: string,
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

const EMOJI = 'He said 👍🏽 and then “sparks” flew. 👨‍👩‍👧 came too.';
const PLAIN = 'Zero one two three four five six seven eight nine.';
const snapshot: ProjectSnapshot = {
  // Listed out of order on purpose: `order` decides, not the array position.
  waves: [
    { id: 'T2', label: 'Time 2', order: 1 },
    { id: 'T1', label: 'Time 1', order: 0 },
  ],
  participants: [person('p10', 'P10', 'man'), person('p2', 'p2', 'woman'), person('gone', 'Aaron', 'staff', 5)],
  coders: [
    { id: 'k1', name: 'Ana', colour: '#000000' },
    { id: 'k2', name: 'Ben', colour: '#ffffff' },
  ],
  sources: [
    source('s1', 'p10', 'T2', 'Interview B', PLAIN),
    source('s2', 'p10', 'T1', 'Interview Z', PLAIN),
    source('s3', 'p2', 'T2', 'Beta', EMOJI),
    source('s4', 'p2', 'T2', 'alpha', PLAIN),
    source('s5', null, 'T1', 'Group', PLAIN),
    source('s6', 'p2', 'T1', 'Deleted', PLAIN, 9),
    source('s7', 'gone', null, 'Orphan', PLAIN),
  ],
  codes: [
    code('a', 'Safety', null, 0),
    code('a1', 'Feeling safe', 'a', 0),
    code('b', 'Respect', null, 1),
    code('d', 'Old', null, 2, { deletedAt: 1 }),
  ],
  codings: [],
};
const at = (text: string, part: string) => [text.indexOf(part), text.indexOf(part) + part.length] as const;
let n = 0;
const coding = (
  id: string,
  codeId: string,
  sourceId: string,
  [start, end]: readonly [number, number],
  extra: Partial<Coding> = {},
): Coding => ({
  id,
  codeId,
  sourceId,
  coderId: 'k1',
  start,
  end,
  memo: '',
  createdAt: ++n,
  updatedAt: n,
  deletedAt: null,
  ...extra,
});
snapshot.codings = [
  coding('c-s1', 'a', 's1', at(PLAIN, 'three')),
  coding('c-s2-late', 'a', 's2', at(PLAIN, 'nine')),
  coding('c-s2-early', 'a', 's2', at(PLAIN, 'one'), { coderId: 'k2', memo: 'first mention' }),
  coding('c-s3-emoji', 'a', 's3', at(EMOJI, 'said 👍🏽 and')),
  coding('c-s3-family', 'a1', 's3', at(EMOJI, '👨‍👩‍👧')),
  coding('c-s4', 'a', 's4', at(PLAIN, 'Zero')),
  coding('c-s5', 'a', 's5', at(PLAIN, 'two')),
  coding('c-s6', 'a', 's6', at(PLAIN, 'two')), // deleted source
  coding('c-s7', 'a', 's7', at(PLAIN, 'six')), // deleted participant
  coding('c-del', 'a', 's1', at(PLAIN, 'four'), { deletedAt: 3 }),
  coding('c-b', 'b', 's1', at(PLAIN, 'five'), { coderId: 'k2' }),
  coding('c-d', 'd', 's1', at(PLAIN, 'five')),
];
const idsOf = (query: Parameters<typeof retrieve>[1]) => retrieve(snapshot, query).map((p) => p.codingId);

describe('retrieve', () => {
  it('filters by a section (a document heading, at any level) and names each passage’s sections', () => {
    const structured: ProjectSnapshot = {
      ...snapshot,
      sources: snapshot.sources.map((s) =>
        s.id === 's2'
          ? {
              ...s,
              sections: [
                { start: 0, title: 'Part 1', level: 1 },
                { start: PLAIN.indexOf('five'), title: 'Part 2', level: 1 },
                { start: PLAIN.indexOf('eight'), title: 'Later', level: 2 },
              ],
            }
          : s,
      ),
    };
    const found = (section: string) => retrieve(structured, { codeIds: ['a'], section }).map((p) => [p.codingId, p.sections]);
    expect(found('Part 1')).toEqual([['c-s2-early', ['Part 1']]]);
    expect(found('Part 2')).toEqual([['c-s2-late', ['Part 2', 'Later']]]);
    expect(found('Later')).toEqual([['c-s2-late', ['Part 2', 'Later']]]);
    expect(found('Nowhere')).toEqual([]);
    expect(retrieve(structured, { codeIds: ['a'] })).toHaveLength(7);
  });

  it('orders by pseudonym (numerically, ignoring case), wave order, title, start; no participant last', () => {
    expect(idsOf({ codeIds: ['a'] })).toEqual(['c-s4', 'c-s3-emoji', 'c-s2-early', 'c-s2-late', 'c-s1', 'c-s5', 'c-s7']);
  });
  it('returns the exact slice of the transcript, emoji and joined emoji whole, with who, when and by whom', () => {
    const [passage] = retrieve(snapshot, { codeIds: ['a1'] });
    const [start, end] = at(EMOJI, '👨‍👩‍👧');
    expect(passage).toEqual({
      codingId: 'c-s3-family',
      codeId: 'a1',
      coderId: 'k1',
      sourceId: 's3',
      start,
      end,
      text: '👨‍👩‍👧',
      participantId: 'p2',
      pseudonym: 'p2',
      role: 'woman',
      wave: 'T2',
      waveLabel: 'Time 2',
      coderName: 'Ana',
      memo: '',
      sections: [],
    });
    const emoji = retrieve(snapshot, { codeIds: ['a'] }).find((p) => p.codingId === 'c-s3-emoji')!;
    expect(emoji.text).toBe('said 👍🏽 and');
    expect(emoji.text).toBe(EMOJI.slice(emoji.start, emoji.end));
    for (const p of retrieve(snapshot, { codeIds: ['a', 'b'] })) {
      expect(p.text).toBe(snapshot.sources.find((s) => s.id === p.sourceId)!.text.slice(p.start, p.end));
    }
  });
  it('fills names from the participant, wave and coder records', () => {
    const passages = retrieve(snapshot, { codeIds: ['a'] });
    expect(passages.find((p) => p.codingId === 'c-s2-early')).toMatchObject({
      pseudonym: 'P10',
      role: 'man',
      waveLabel: 'Time 1',
      coderName: 'Ben',
      memo: 'first mention',
    });
    expect(passages.find((p) => p.codingId === 'c-s5')).toMatchObject({ participantId: null, pseudonym: '', role: '' });
    expect(passages.find((p) => p.codingId === 'c-s7')).toMatchObject({ participantId: null, wave: null, waveLabel: '' });
  });
  it('includes sub-codes only when asked, and several codes at once', () => {
    expect(idsOf({ codeIds: ['a'] })).not.toContain('c-s3-family');
    expect(idsOf({ codeIds: ['a'], includeChildren: true })).toEqual([
      'c-s4',
      'c-s3-emoji',
      'c-s3-family',
      'c-s2-early',
      'c-s2-late',
      'c-s1',
      'c-s5',
      'c-s7',
    ]);
    expect(idsOf({ codeIds: ['b', 'a1'] })).toEqual(['c-s3-family', 'c-b']);
  });
  it('filters by coder; an empty coder list finds nothing', () => {
    expect(idsOf({ codeIds: ['a', 'b'], coderIds: ['k2'] })).toEqual(['c-s2-early', 'c-b']);
    expect(idsOf({ codeIds: ['a'], coderIds: [] })).toEqual([]);
  });
  it('filters by transcript; an empty list finds nothing', () => {
    const all = retrieve(snapshot, { codeIds: ['a', 'b'], includeChildren: true });
    const s3 = all.filter((p) => p.sourceId === 's3').map((p) => p.codingId);
    expect(s3.length).toBeGreaterThan(0);
    expect(idsOf({ codeIds: ['a', 'b'], includeChildren: true, sourceIds: ['s3'] })).toEqual(s3);
    expect(idsOf({ codeIds: ['a'], sourceIds: [] })).toEqual([]);
  });
  it('leaves out deleted codings, sources and codes, and unknown codes', () => {
    const all = idsOf({ codeIds: ['a', 'b', 'd', 'nope'], includeChildren: true });
    for (const gone of ['c-s6', 'c-del', 'c-d']) expect(all).not.toContain(gone);
    expect(idsOf({ codeIds: ['d'] })).toEqual([]);
  });
});

describe('codeSearch', () => {
  const codes = [
    code('m', 'Measures of success', null, 0),
    code('ms', 'Safety', 'm', 0),
    code('mr', 'Respect', 'm', 1),
    code('s', 'Series of sparks', null, 1),
    code('st', 'Small steps', 's', 0),
    code('g', 'Gender', null, 2, { description: 'Talk about masculinity and power' }),
    code('x', 'Safety net', null, 3, { deletedAt: 1 }),
  ];
  const names = (query: string, limit?: number) => codeSearch(codes, query, limit).map((c) => c.name);
  it('lists live codes in tree order for an empty query', () => {
    expect(names('  ')).toEqual(['Measures of success', 'Safety', 'Respect', 'Series of sparks', 'Small steps', 'Gender']);
    expect(names('', 2)).toEqual(['Measures of success', 'Safety']);
  });
  it('ranks name matches first, finds children by path and codes by description, never deleted ones', () => {
    expect(names('safety')[0]).toBe('Safety');
    expect(names('safety')).not.toContain('Safety net');
    const sparks = names('sparks');
    expect(sparks[0]).toBe('Series of sparks');
    expect(sparks).toContain('Small steps');
    expect(names('masculinity')).toEqual(['Gender']);
    expect(names('respct')[0]).toBe('Respect'); // a typo still finds it
  });
  it('honours the limit and finds nothing for nonsense', () => {
    expect(names('s', 1)).toHaveLength(1);
    expect(names('qqqzzzxxx')).toEqual([]);
  });
});
