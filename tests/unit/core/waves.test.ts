import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Code, Coding, Participant, ProjectSnapshot, Source, SpeakerRole, Turn } from '../../../renderer/core/shared/model';
import { countWords } from '../../../renderer/core/shared/names';
import {
  cellPassages,
  changeScore,
  pairedParticipants,
  passagesByParticipant,
  waveMatrix,
  type WaveMatrixOptions,
  type WaveRow,
} from '../../../renderer/core/waves/waves';

// ---- fixture helpers --------------------------------------------------------------------------

const code = (id: string, parentId: string | null, order: number, extra: Partial<Code> = {}): Code => ({
  id,
  parentId,
  name: id,
  description: '',
  inclusion: '',
  exclusion: '',
  examples: '',
  colour: '#8ec4eb',
  order,
  deletedAt: null,
  ...extra,
});
const person = (
  id: string,
  pseudonym: string,
  role: string,
  site: string,
  group: Participant['group'],
  extra: Partial<Participant> = {},
): Participant => ({
  id,
  pseudonym,
  role,
  site,
  group,
  attributes: {},
  links: [],
  deletedAt: null,
  ...extra,
});
const origin = { fileName: 'f.txt', format: 'txt', sha256: '', importedAt: 0 };
/** A source from plain text (no turns) or from [role, words] turns joined by newlines. */
const source = (
  id: string,
  participantId: string | null,
  wave: string | null,
  body: string | [SpeakerRole, string][],
  extra: Partial<Source> = {},
): Source => {
  let text = '';
  const turns: Turn[] = [];
  if (typeof body === 'string') text = body;
  else
    body.forEach(([role, words], i) => {
      if (i > 0) text += '\n';
      turns.push({ start: text.length, end: text.length + words.length, speaker: role, speakerRole: role });
      text += words;
    });
  return { id, participantId, wave, title: id, text, turns, origin, deletedAt: null, ...extra };
};

// ---- the fixture -------------------------------------------------------------------------------
//
// Waves T1, T2, T3 (listed out of order). Participants (id, pseudonym, role, site, group):
//   P1 Kim  man   A programme   T1 (two sources), T2, T3
//   P2 Alex man   B comparison  T1, T2
//   P3 Jo   woman A programme   T1, T2
//   P4 Sam  staff B ''          T1 only
//   P5 Lee  man   A programme   T2 only
//   P6 Del  deleted participant (a coded T1 source that never counts)
//   P7 Ray  man   A comparison  T1, T2, T3
// Interviewed: T1 {P1,P2,P3,P4,P7} = 5; T2 {P1,P2,P3,P5,P7} = 5; T3 {P1,P7} = 2.
// Interviewed in both T1 and T2: P1, P2, P3, P7.

const sources: Source[] = [
  source('s1', 'P1', 'T1', [
    ['interviewer', 'Did anything change at home?'],
    ['participant', 'We argue less now and talk more.'],
  ]),
  source('s1b', 'P1', 'T1', 'Follow up notes about money worries.'),
  source('s2', 'P2', 'T1', [
    ['interviewer', 'Tell me about the group.'],
    ['participant', 'The group was hard at first.'],
  ]),
  source('s3', 'P3', 'T1', [['participant', 'He still shouts sometimes.']]),
  source('s4', 'P4', 'T1', 'Staff view on the referrals process.'),
  source('s7', 'P7', 'T1', [
    ['interviewer', 'How are things?'],
    ['participant', 'Much the same as before.'],
  ]),
  // Sources that count nowhere: deleted participant, no participant, no wave, deleted, unknown wave.
  source('s6', 'P6', 'T1', 'Deleted person talking about money.'),
  source('sNoP', null, 'T1', 'Nobody in particular about money.'),
  source('sNoW', 'P1', null, 'No wave about money.'),
  source('sDel', 'P1', 'T1', 'Deleted transcript about money.', { deletedAt: 1 }),
  source('sOdd', 'P1', 'T9', 'Odd wave about money.'),
  source('s1t2', 'P1', 'T2', [
    ['interviewer', 'And now?'],
    ['participant', 'Things are calmer.'],
  ]),
  source('s2t2', 'P2', 'T2', [
    ['interviewer', 'And the group?'],
    ['participant', 'The group helped me listen.'],
  ]),
  source('s3t2', 'P3', 'T2', [
    ['participant', 'He listens more these days.'],
    ['interviewer', 'Really?'],
    ['participant', 'Yes, really.'],
  ]),
  source('s5t2', 'P5', 'T2', 'New man joined the programme late.'),
  source('s7t2', 'P7', 'T2', [
    ['interviewer', 'Anything new?'],
    ['participant', 'I got a new job.'],
  ]),
  source('s7t3', 'P7', 'T3', 'Still working, still calm.'),
  source('s1t3', 'P1', 'T3', 'Calm at home most weeks.'),
];
const byId = new Map(sources.map((s) => [s.id, s]));

let n = 0;
/** A coding of the first occurrence of `phrase` in the source (the whole text when phrase is '*'). */
const coding = (codeId: string, sourceId: string, phrase: string, coderId = 'k1', extra: Partial<Coding> = {}): Coding => {
  const text = byId.get(sourceId)!.text;
  const start = phrase === '*' ? 0 : text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in ${sourceId}`);
  const end = phrase === '*' ? text.length : start + phrase.length;
  return { id: `g${++n}`, sourceId, codeId, coderId, start, end, memo: '', createdAt: 0, updatedAt: 0, deletedAt: null, ...extra };
};

// Codebook: A > {A2 (order 0), A1 (order 1)}, B, C, X (deleted) > Y (live, damaged data).
const codes: Code[] = [
  code('B', null, 1),
  code('A1', 'A', 1),
  code('C', null, 2),
  code('A', null, 0),
  code('A2', 'A', 0),
  code('X', null, 3, { deletedAt: 1 }),
  code('Y', 'X', 0),
];

const codings: Coding[] = [
  // A
  coding('A', 's1', 'argue less now'), // 3 words
  coding('A', 's1', 'less now and talk', 'k2'), // overlaps: merged "argue less now and talk" = 5 words, 1 passage
  coding('A', 's1b', 'money worries'), // 2
  coding('A', 's2', 'Tell me about the group'), // 5, on the interviewer's turn
  coding('A', 's4', 'referrals process', 'k2'), // 2
  coding('A', 's3', 'He still shouts', 'k1', { deletedAt: 3 }), // deleted coding
  ...['s6', 'sNoP', 'sNoW', 'sDel', 'sOdd'].map((s) => coding('A', s, 'money')), // sources that do not count
  coding('A', 's2t2', 'helped me listen'), // 3
  coding('A', 's3t2', 'listens more', 'k2'), // 2
  coding('A', 's5t2', 'joined the programme'), // 3
  coding('A', 's1t3', 'Calm at home'), // 3
  coding('A', 's7t3', 'still calm', 'k2'), // 2
  // A1, A2 (children of A)
  coding('A1', 's1', 'talk more'), // 2; with A: "argue less now and talk more" = 6 words, still 1 passage
  coding('A1', 's7t2', 'new job', 'k2'), // 2
  coding('A2', 's3', 'shouts sometimes'), // 2
  // B
  coding('B', 's1', 'We', 'k1', { end: byId.get('s1')!.text.indexOf('We') }), // zero-length: never a passage
  coding('B', 's2', 'group was hard', 'k1', { deletedAt: 5 }),
  coding('B', 's1t2', 'calmer'), // 1
  coding('B', 's3t2', 'these days', 'k2'), // 2
  coding('B', 's7t2', 'Anything new?'), // 2, the interviewer's turn
  // C: codings across turn boundaries
  coding('C', 's2', 'group.\nThe group'), // 3; only "The group" (2) is the participant's
  coding('C', 's1b', '*'), // 6, a source without turns counts whole
  coding('C', 's3t2', 'these days.\nReally?\nYes'), // 4; participant parts "these days." (2) + "Yes" (1)
  coding('C', 's7t2', '*'), // 7; participant part "I got a new job." (5)
  // a deleted code, and a live child of it
  coding('X', 's1', 'We argue'),
  coding('Y', 's4', 'Staff view'), // 2
];

const project: ProjectSnapshot = {
  waves: [
    { id: 'T2', label: 'Time 2', order: 1 },
    { id: 'T3', label: 'Time 3', order: 2 },
    { id: 'T1', label: 'Time 1', order: 0 },
  ],
  participants: [
    person('P1', 'Kim', 'man', 'A', 'programme'),
    person('P2', 'Alex', 'man', 'B', 'comparison'),
    person('P3', 'Jo', 'woman', 'A', 'programme'),
    person('P4', 'Sam', 'staff', 'B', ''),
    person('P5', 'Lee', 'man', 'A', 'programme'),
    person('P6', 'Del', 'man', 'A', 'programme', { deletedAt: 1 }),
    person('P7', 'Ray', 'man', 'A', 'comparison'),
  ],
  sources,
  codes,
  codings,
  coders: [
    { id: 'k1', name: 'One', colour: '#000' },
    { id: 'k2', name: 'Two', colour: '#111' },
  ],
};

/** A row as [participants, interviewed, passages, words] per wave, then the paired counts. */
type Cell = [number, number, number, number];
const flat = (row: WaveRow): Record<string, number[]> => ({
  ...Object.fromEntries(Object.entries(row.byWave).map(([w, c]) => [w, [c.participants, c.interviewed, c.passages, c.words]])),
  paired: [row.paired.firstOnly, row.paired.secondOnly, row.paired.both, row.paired.neither, row.paired.p],
});
const table = (options?: WaveMatrixOptions) => Object.fromEntries(waveMatrix(project, options).rows.map((r) => [r.codeId, flat(r)]));
const expectRow = (t: T1T2T3) => ({ T1: t[0], T2: t[1], T3: t[2], paired: t[3] });
type T1T2T3 = [Cell, Cell, Cell, [number, number, number, number, number]];

describe('waveMatrix', () => {
  it('lists waves by order and every live code in tree order', () => {
    const m = waveMatrix(project);
    expect(m.waves).toEqual(['T1', 'T2', 'T3']);
    expect(m.pair).toEqual(['T1', 'T2']);
    // Y is live under a deleted parent: appended, never lost. X is deleted: no row.
    expect(m.rows.map((r) => r.codeId)).toEqual(['A', 'A2', 'A1', 'B', 'C', 'Y']);
  });

  it('counts participants, interviewed, passages and words per wave, and pairs T1 with T2', () => {
    // Cells are [participants, interviewed, passages, words]; paired is [firstOnly, secondOnly, both, neither, p].
    //        T1             T2             T3            paired T1/T2 over P1 P2 P3 P7
    // A   [3,5,4,14]     [3,5,3,8]      [2,2,2,5]      P1 first, P2 both, P3 second, P7 neither -> 1 1 1 1, p 1
    //     T1: s1 "argue less now and talk" (2 coders merged, 5) + s1b 2 + s2 (interviewer) 5 + s4 2
    //     T2: s2t2 3 + s3t2 2 + s5t2 3 (P5 is seen at T2 only: counted in T2 but not paired)
    // A2  [1,5,1,2]      [0,5,0,0]      [0,2,0,0]      P3 first -> 1 0 0 3, p 1
    // A1  [1,5,1,2]      [1,5,1,2]      [0,2,0,0]      P1 first, P7 second -> 1 1 0 2, p 1
    // B   [0,5,0,0]      [3,5,3,5]      [0,2,0,0]      P1 P3 P7 second, P2 neither -> 0 3 0 1, p 2/2^3 = 0.25
    //     T1: a zero-length and a deleted coding do not count
    // C   [2,5,2,9]      [2,5,2,11]     [0,2,0,0]      P1 P2 first, P3 P7 second -> 2 2 0 0, p 1
    // Y   [1,5,1,2]      [0,5,0,0]      [0,2,0,0]      P4 is not in both waves -> 0 0 0 4, p 1
    expect(table()).toEqual({
      A: expectRow([
        [3, 5, 4, 14],
        [3, 5, 3, 8],
        [2, 2, 2, 5],
        [1, 1, 1, 1, 1],
      ]),
      A2: expectRow([
        [1, 5, 1, 2],
        [0, 5, 0, 0],
        [0, 2, 0, 0],
        [1, 0, 0, 3, 1],
      ]),
      A1: expectRow([
        [1, 5, 1, 2],
        [1, 5, 1, 2],
        [0, 2, 0, 0],
        [1, 1, 0, 2, 1],
      ]),
      B: expectRow([
        [0, 5, 0, 0],
        [3, 5, 3, 5],
        [0, 2, 0, 0],
        [0, 3, 0, 1, 0.25],
      ]),
      C: expectRow([
        [2, 5, 2, 9],
        [2, 5, 2, 11],
        [0, 2, 0, 0],
        [2, 2, 0, 0, 1],
      ]),
      Y: expectRow([
        [1, 5, 1, 2],
        [0, 5, 0, 0],
        [0, 2, 0, 0],
        [0, 0, 0, 4, 1],
      ]),
    });
  });

  it('ignores interviewer turns only when asked, clipping codings to the other turns', () => {
    // A   T1 [2,5,3,9]: the coding on s2's interviewer turn no longer makes P2 have A
    //     paired: P1 first, P2 second, P3 second, P7 neither -> 1 2 0 1, p = 2*(1+3)/8 -> 1
    // B   T2 [2,5,2,3]: "Anything new?" is the interviewer's -> P1 P3 second, P2 P7 neither, p = 2/4 = 0.5
    // C   T1 [2,5,2,8]: s2 "The group" 2, s1b (no turns) whole 6
    //     T2 [2,5,3,8]: s3t2 split by the interviewer's "Really?" into "these days." 2 + "Yes" 1; s7t2 "I got a new job." 5
    // A1, A2, Y: only participant turns or sources without turns: unchanged.
    const t = table({ ignoreInterviewer: true });
    expect(t.A).toEqual(
      expectRow([
        [2, 5, 3, 9],
        [3, 5, 3, 8],
        [2, 2, 2, 5],
        [1, 2, 0, 1, 1],
      ]),
    );
    expect(t.B).toEqual(
      expectRow([
        [0, 5, 0, 0],
        [2, 5, 2, 3],
        [0, 2, 0, 0],
        [0, 2, 0, 2, 0.5],
      ]),
    );
    expect(t.C).toEqual(
      expectRow([
        [2, 5, 2, 8],
        [2, 5, 3, 8],
        [0, 2, 0, 0],
        [2, 2, 0, 0, 1],
      ]),
    );
    const plain = table();
    for (const id of ['A1', 'A2', 'Y']) expect(t[id]).toEqual(plain[id]);
    expect(table({ ignoreInterviewer: false })).toEqual(plain);
  });

  it('with includeChildren counts a subtree once: a parent and child on the same words are one passage', () => {
    // A + A1 + A2:
    // T1 [4,5,5,17]: s1 "argue less now and talk" + A1 "talk more" = "argue less now and talk more" (6, one passage),
    //                s1b 2, s2 5, s3 A2 "shouts sometimes" 2 (P3 now has it), s4 2
    // T2 [4,5,4,10]: s2t2 3, s3t2 2, s5t2 3, s7t2 A1 "new job" 2 (P7 now has it)
    // paired: P1 first, P2 both, P3 both, P7 second -> 1 1 2 0, p 1
    const t = table({ includeChildren: true });
    expect(t.A).toEqual(
      expectRow([
        [4, 5, 5, 17],
        [4, 5, 4, 10],
        [2, 2, 2, 5],
        [1, 1, 2, 0, 1],
      ]),
    );
    const plain = table();
    for (const id of ['A1', 'A2', 'B', 'C', 'Y']) expect(t[id]).toEqual(plain[id]); // leaves, and Y under a deleted parent
  });

  it('filters by coder; an empty coder list counts no one but leaves interviewed alone', () => {
    // k1 only, A: T1 s1 "argue less now" 3 + s1b 2 + s2 5 -> [2,5,3,10]; T2 s2t2 3 + s5t2 3 -> [2,5,2,6];
    //             T3 s1t3 3 -> [1,2,1,3]; paired P1 first, P2 both, P3 P7 neither -> 1 0 1 2
    expect(table({ coderIds: ['k1'] }).A).toEqual(
      expectRow([
        [2, 5, 3, 10],
        [2, 5, 2, 6],
        [1, 2, 1, 3],
        [1, 0, 1, 2, 1],
      ]),
    );
    // k2 only, A at T1: s1 "less now and talk" 4 + s4 2
    expect(table({ coderIds: ['k2'] }).A!.T1).toEqual([2, 5, 2, 6]);
    expect(table({ coderIds: ['k1', 'k2'] })).toEqual(table());
    const none = waveMatrix(project, { coderIds: [] });
    for (const row of none.rows) {
      expect(Object.values(row.byWave).map((c) => [c.participants, c.passages, c.words])).toEqual([
        [0, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
      ]);
      expect(Object.values(row.byWave).map((c) => c.interviewed)).toEqual([5, 5, 2]);
      expect(row.paired).toEqual({ firstOnly: 0, secondOnly: 0, both: 0, neither: 4, p: 1 });
    }
  });

  it('filters participants by role, site and group, in both numerator and interviewed', () => {
    // roles man: P1 P2 P5 P7. Interviewed T1 {P1,P2,P7} 3, T2 {P1,P2,P5,P7} 4, T3 {P1,P7} 2.
    // A: T1 s1 5 + s1b 2 + s2 5 -> [2,3,3,12]; T2 s2t2 3 + s5t2 3 -> [2,4,2,6]; paired P1 first, P2 both, P7 neither
    expect(table({ roles: ['man'] }).A).toEqual(
      expectRow([
        [2, 3, 3, 12],
        [2, 4, 2, 6],
        [2, 2, 2, 5],
        [1, 0, 1, 1, 1],
      ]),
    );
    // site A: P1 P3 P5 P7. A: T1 P1 (s1 5 + s1b 2) -> [1,3,2,7]; T2 s3t2 2 + s5t2 3 -> [2,4,2,5];
    // paired over P1 P3 P7: P1 first, P3 second, P7 neither
    expect(table({ sites: ['A'] }).A).toEqual(
      expectRow([
        [1, 3, 2, 7],
        [2, 4, 2, 5],
        [2, 2, 2, 5],
        [1, 1, 0, 1, 1],
      ]),
    );
    // group comparison: P2 P7. A: T1 s2 5 -> [1,2,1,5]; T2 s2t2 3 -> [1,2,1,3]; T3 s7t3 2 -> [1,1,1,2]; P2 both, P7 neither
    expect(table({ groups: ['comparison'] }).A).toEqual(
      expectRow([
        [1, 2, 1, 5],
        [1, 2, 1, 3],
        [1, 1, 1, 2],
        [0, 0, 1, 1, 1],
      ]),
    );
    // group '' (none): P4 alone, seen at T1 only.
    expect(table({ groups: [''] }).A).toEqual(
      expectRow([
        [1, 1, 1, 2],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0, 1],
      ]),
    );
    // man at site A: P1 P5 P7. A T1: P1 of {P1,P7}.
    expect(table({ roles: ['man'], sites: ['A'] }).A!.T1).toEqual([1, 2, 2, 7]);
    // Empty lists are no filter.
    expect(table({ roles: [], sites: [], groups: [] })).toEqual(table());
  });

  it('pairs any two waves: a third wave and a non-default pair', () => {
    // T1/T3 over P1 P7: A: P1 both (s1, s1t3), P7 second (s7t3) -> 0 1 1 0
    const t13 = waveMatrix(project, { pair: ['T1', 'T3'] });
    expect(t13.pair).toEqual(['T1', 'T3']);
    expect(t13.rows.find((r) => r.codeId === 'A')!.paired).toEqual({ firstOnly: 0, secondOnly: 1, both: 1, neither: 0, p: 1 });
    // T2/T3 over P1 P7: A: neither at T2, both at T3 -> 0 2 0 0, p = 2/4 = 0.5; B: both at T2 only -> 2 0 0 0, p 0.5
    const t23 = table({ pair: ['T2', 'T3'] });
    expect(t23.A!.paired).toEqual([0, 2, 0, 0, 0.5]);
    expect(t23.B!.paired).toEqual([2, 0, 0, 0, 0.5]);
    // The pair changes only the paired columns.
    expect(t23.A!.T1).toEqual(table().A!.T1);
    // Reversed: first and second swap, p stays.
    expect(table({ pair: ['T3', 'T2'] }).A!.paired).toEqual([2, 0, 0, 0, 0.5]);
    // A wave the project does not have: nobody is interviewed in it.
    expect(table({ pair: ['T1', 'T9'] }).A!.paired).toEqual([0, 0, 0, 0, 1]);
  });

  it('with fewer than two waves the paired columns are zeros and p = 1', () => {
    const one = waveMatrix({ ...project, waves: [{ id: 'T1', label: 'Time 1', order: 0 }] });
    expect(one.waves).toEqual(['T1']);
    expect(one.pair).toBeNull();
    for (const row of one.rows) {
      expect(Object.keys(row.byWave)).toEqual(['T1']);
      expect(row.paired).toEqual({ firstOnly: 0, secondOnly: 0, both: 0, neither: 0, p: 1 });
    }
    expect(one.rows.find((r) => r.codeId === 'A')!.byWave.T1).toEqual({ participants: 3, interviewed: 5, passages: 4, words: 14 });
    const none = waveMatrix({ ...project, waves: [] });
    expect(none.waves).toEqual([]);
    expect(none.rows[0]).toEqual({ codeId: 'A', byWave: {}, paired: { firstOnly: 0, secondOnly: 0, both: 0, neither: 0, p: 1 } });
    expect(waveMatrix({ ...project, codes: [] }).rows).toEqual([]);
    // A wave id listed twice (damaged data) is one column.
    expect(waveMatrix({ ...project, waves: [...project.waves, { id: 'T1', label: 'again', order: 9 }] }).waves).toEqual(['T1', 'T2', 'T3']);
  });

  it('gives the same answer when called again, and follows a text that changed in place', () => {
    const copy: ProjectSnapshot = { ...project, sources: project.sources.map((s) => ({ ...s })) };
    const before = waveMatrix(copy);
    expect(waveMatrix(copy)).toEqual(before); // the second call reads cached word indexes
    // s4's coded range "referrals process" becomes "a b c d e f g h i" (same length: 17 units).
    const s4 = copy.sources.find((s) => s.id === 's4')!;
    const at = s4.text.indexOf('referrals process');
    s4.text = s4.text.slice(0, at) + 'a b c d e f g h i' + s4.text.slice(at + 17);
    expect(waveMatrix(copy).rows.find((r) => r.codeId === 'A')!.byWave.T1!.words).toBe(14 - 2 + 9);
  });

  it('runs at study scale (350 sources, 60 codes, 40,000 codings) and agrees with the drill-downs', () => {
    // Correctness at scale only; no timing assertion.
    const bigCodes = Array.from({ length: 60 }, (_, i) => code(`c${i}`, i < 10 ? null : `c${i % 10}`, i));
    const bigPeople = Array.from({ length: 180 }, (_, i) =>
      person(`p${i}`, `P${i}`, i % 3 ? 'man' : 'woman', i % 2 ? 'A' : 'B', 'programme'),
    );
    const words = 'and so we talked about it again the next week '.repeat(40);
    const bigSources = Array.from({ length: 350 }, (_, i) =>
      source(`s${i}`, `p${i % 180}`, i < 180 ? 'T1' : 'T2', [
        ['interviewer', 'So?'],
        ['participant', words],
      ]),
    );
    const bigCodings: Coding[] = Array.from({ length: 40_000 }, (_, i) => {
      const start = (i * 37) % 1800;
      return {
        id: `b${i}`,
        sourceId: `s${(i * 13) % 350}`,
        codeId: `c${(i * 7) % 60}`,
        coderId: i % 2 ? 'k1' : 'k2',
        start,
        end: start + 20 + (i % 50),
        memo: '',
        createdAt: 0,
        updatedAt: 0,
        deletedAt: null,
      };
    });
    const big: ProjectSnapshot = { ...project, codes: bigCodes, participants: bigPeople, sources: bigSources, codings: bigCodings };
    const m = waveMatrix(big, { includeChildren: true, ignoreInterviewer: true });
    expect(m.rows).toHaveLength(60);
    const c0 = m.rows[0]!;
    expect(c0.byWave.T1!.interviewed).toBe(180);
    expect(c0.byWave.T2!.interviewed).toBe(170);
    const cell = cellPassages(big, 'c0', 'T2', { includeChildren: true, ignoreInterviewer: true });
    expect(cell).toHaveLength(c0.byWave.T2!.passages);
    expect(cell.reduce((s, p) => s + p.words!, 0)).toBe(c0.byWave.T2!.words);
  });
});

describe('cellPassages', () => {
  const text = (p: { sourceId: string; start: number; end: number }) => byId.get(p.sourceId)!.text.slice(p.start, p.end);

  it('returns the merged stretches behind a cell, by pseudonym, source, then offset', () => {
    // A at T1: Alex (P2) s2; Kim (P1) s1 then s1b; Sam (P4) s4.
    const cell = cellPassages(project, 'A', 'T1');
    expect(cell.map((p) => [p.participantId, p.sourceId, text(p), p.words])).toEqual([
      ['P2', 's2', 'Tell me about the group', 5],
      ['P1', 's1', 'argue less now and talk', 5],
      ['P1', 's1b', 'money worries', 2],
      ['P4', 's4', 'referrals process', 2],
    ]);
    const s1 = byId.get('s1')!.text;
    expect(cell[1]).toMatchObject({ sourceId: 's1', start: s1.indexOf('argue'), end: s1.indexOf(' more') });
  });

  it('follows the options: children, interviewer turns, coders and participants', () => {
    expect(cellPassages(project, 'A', 'T1', { includeChildren: true }).map(text)).toEqual([
      'Tell me about the group',
      'shouts sometimes',
      'argue less now and talk more',
      'money worries',
      'referrals process',
    ]);
    expect(cellPassages(project, 'C', 'T2', { ignoreInterviewer: true }).map((p) => [p.sourceId, text(p)])).toEqual([
      ['s3t2', 'these days.'],
      ['s3t2', 'Yes'],
      ['s7t2', 'I got a new job.'],
    ]);
    expect(cellPassages(project, 'A', 'T1', { coderIds: ['k2'] }).map(text)).toEqual(['less now and talk', 'referrals process']);
    expect(cellPassages(project, 'A', 'T1', { roles: ['staff'] }).map(text)).toEqual(['referrals process']);
  });

  it('matches every cell of the matrix, passages and words', () => {
    for (const options of [
      {},
      { includeChildren: true },
      { ignoreInterviewer: true },
      { coderIds: ['k2'], sites: ['A'] },
    ] as WaveMatrixOptions[]) {
      const m = waveMatrix(project, options);
      for (const row of m.rows) {
        for (const w of m.waves) {
          const cell = cellPassages(project, row.codeId, w, options);
          expect(cell.length).toBe(row.byWave[w]!.passages);
          expect(cell.reduce((s, p) => s + countWords(text(p)), 0)).toBe(row.byWave[w]!.words);
          expect(new Set(cell.map((p) => p.participantId)).size).toBe(row.byWave[w]!.participants);
        }
      }
    }
  });

  it('is empty for a deleted or unknown code and a wave the project does not have', () => {
    expect(cellPassages(project, 'X', 'T1')).toEqual([]);
    expect(cellPassages(project, 'nope', 'T1')).toEqual([]);
    expect(cellPassages(project, 'A', 'T9')).toEqual([]);
  });
});

describe('passagesByParticipant', () => {
  it("splits a cell's passages by participant: two coders on the same words once", () => {
    // A at T1: Kim s1 (two coders' overlapping codings, one passage) + s1b; Alex s2; Sam s4.
    const a = passagesByParticipant(project).get('A')!;
    expect([...a.keys()].sort()).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P7']);
    expect(Object.fromEntries(a.get('P1')!)).toEqual({ T1: 2, T3: 1 });
    expect(Object.fromEntries(a.get('P4')!)).toEqual({ T1: 1 });
    expect(passagesByParticipant(project).has('X')).toBe(false); // deleted code
    expect(passagesByParticipant(project, { coderIds: [] }).size).toBe(0);
  });

  it('sums to the matrix passages for every row, wave and option set', () => {
    for (const options of [
      {},
      { includeChildren: true },
      { ignoreInterviewer: true },
      { coderIds: ['k2'], sites: ['A'] },
      { roles: ['man'] },
    ] as WaveMatrixOptions[]) {
      const counts = passagesByParticipant(project, options);
      const m = waveMatrix(project, options);
      for (const row of m.rows) {
        for (const w of m.waves) {
          let sum = 0;
          for (const byWave of counts.get(row.codeId)?.values() ?? []) sum += byWave.get(w) ?? 0;
          expect(sum).toBe(row.byWave[w]!.passages);
        }
      }
    }
  });
});

describe('pairedParticipants', () => {
  it('names the people behind the paired columns, by pseudonym', () => {
    expect(pairedParticipants(project, 'A')).toEqual({ firstOnly: ['P1'], secondOnly: ['P3'], both: ['P2'], neither: ['P7'] });
    // Jo (P3), Kim (P1), Ray (P7)
    expect(pairedParticipants(project, 'B')).toEqual({ firstOnly: [], secondOnly: ['P3', 'P1', 'P7'], both: [], neither: ['P2'] });
    expect(pairedParticipants(project, 'A', { ignoreInterviewer: true })).toEqual({
      firstOnly: ['P1'],
      secondOnly: ['P2', 'P3'],
      both: [],
      neither: ['P7'],
    });
    expect(pairedParticipants(project, 'A', { pair: ['T2', 'T3'] })).toEqual({
      firstOnly: [],
      secondOnly: ['P1', 'P7'],
      both: [],
      neither: [],
    });
    expect(pairedParticipants(project, 'X')).toEqual({ firstOnly: [], secondOnly: [], both: [], neither: [] });
    expect(pairedParticipants({ ...project, waves: [] }, 'A')).toEqual({ firstOnly: [], secondOnly: [], both: [], neither: [] });
  });

  it('agrees with the matrix for every row and option set', () => {
    for (const options of [
      {},
      { includeChildren: true },
      { ignoreInterviewer: true, pair: ['T1', 'T3'] },
      { roles: ['man'], coderIds: ['k1'] },
    ] as WaveMatrixOptions[]) {
      for (const row of waveMatrix(project, options).rows) {
        const people = pairedParticipants(project, row.codeId, options);
        const { firstOnly, secondOnly, both, neither } = row.paired;
        expect([people.firstOnly.length, people.secondOnly.length, people.both.length, people.neither.length]).toEqual([
          firstOnly,
          secondOnly,
          both,
          neither,
        ]);
      }
    }
  });
});

describe('changeScore', () => {
  it('is the share at the second wave minus the share at the first', () => {
    const rows = new Map(waveMatrix(project).rows.map((r) => [r.codeId, r]));
    expect(changeScore(rows.get('A')!, ['T1', 'T2'])).toBe(0); // 3/5 - 3/5
    expect(changeScore(rows.get('B')!, ['T1', 'T2'])).toBeCloseTo(0.6, 12); // 3/5 - 0/5
    expect(changeScore(rows.get('B')!, ['T2', 'T1'])).toBeCloseTo(-0.6, 12);
    expect(changeScore(rows.get('A')!, ['T1', 'T3'])).toBeCloseTo(0.4, 12); // 2/2 - 3/5
  });

  it('is 0 when nobody was interviewed in a wave of the pair, or the wave has no cell', () => {
    const row = waveMatrix(project, { groups: [''] }).rows[0]!; // P4 alone: T1 1/1, T2 0/0
    expect(changeScore(row, ['T1', 'T2'])).toBe(0);
    expect(changeScore(row, ['T1', 'T9'])).toBe(0);
  });
});

describe('waveMatrix against a character-by-character reference', () => {
  // Random small projects; the reference marks every covered character and counts runs, so it
  // shares no range arithmetic with the module.
  const reference = (p: ProjectSnapshot, codeIds: Set<string>, waveId: string, ignoreInterviewer: boolean) => {
    const people = new Set(p.participants.filter((x) => x.deletedAt == null).map((x) => x.id));
    let passages = 0;
    let words = 0;
    const have = new Set<string>();
    for (const s of p.sources) {
      if (s.deletedAt != null || s.wave !== waveId || s.participantId === null || !people.has(s.participantId)) continue;
      const on = new Array<boolean>(s.text.length).fill(false);
      for (const g of p.codings) {
        if (g.deletedAt != null || g.sourceId !== s.id || !codeIds.has(g.codeId)) continue;
        for (let i = Math.max(0, g.start); i < Math.min(s.text.length, g.end); i += 1) on[i] = true;
      }
      if (ignoreInterviewer && s.turns.length > 0) {
        for (let i = 0; i < on.length; i += 1) {
          if (!s.turns.some((t) => t.speakerRole !== 'interviewer' && t.start <= i && i < t.end)) on[i] = false;
        }
      }
      for (let i = 0; i < on.length; i += 1) {
        if (!on[i] || (i > 0 && on[i - 1])) continue;
        let j = i;
        while (j < on.length && on[j]) j += 1;
        passages += 1;
        words += countWords(s.text.slice(i, j));
        have.add(s.participantId);
      }
    }
    return { participants: have.size, passages, words };
  };

  it('agrees on participants, passages and words', () => {
    const roles: SpeakerRole[] = ['interviewer', 'participant', 'other'];
    const arb = fc.record({
      sources: fc.array(
        fc.record({
          person: fc.integer({ min: 0, max: 3 }),
          wave: fc.constantFrom('T1', 'T2'),
          turns: fc.array(fc.tuple(fc.constantFrom(...roles), fc.constantFrom('a b', 'word', 'x-y z', '', 'one two three')), {
            maxLength: 4,
          }),
        }),
        { minLength: 1, maxLength: 5 },
      ),
      codings: fc.array(
        fc.record({
          source: fc.nat(),
          code: fc.constantFrom('R', 'K'),
          start: fc.integer({ min: -2, max: 30 }),
          len: fc.integer({ min: 0, max: 15 }),
        }),
        { maxLength: 12 },
      ),
      ignoreInterviewer: fc.boolean(),
      includeChildren: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, (spec) => {
        const srcs = spec.sources.map((s, i) => source(`r${i}`, `Q${s.person}`, s.wave, s.turns.length ? s.turns : 'plain text here'));
        const p: ProjectSnapshot = {
          waves: [
            { id: 'T1', label: '1', order: 0 },
            { id: 'T2', label: '2', order: 1 },
          ],
          participants: [0, 1, 2, 3].map((i) => person(`Q${i}`, `Q${i}`, 'man', 'A', 'programme', { deletedAt: i === 3 ? 1 : null })),
          sources: srcs,
          codes: [code('R', null, 0), code('K', 'R', 0)],
          codings: spec.codings.map((g, i) => ({
            id: `q${i}`,
            sourceId: `r${g.source % srcs.length}`,
            codeId: g.code,
            coderId: 'k',
            start: g.start,
            end: g.start + g.len,
            memo: '',
            createdAt: 0,
            updatedAt: 0,
            deletedAt: null,
          })),
          coders: [],
        };
        const options = { ignoreInterviewer: spec.ignoreInterviewer, includeChildren: spec.includeChildren };
        const m = waveMatrix(p, options);
        for (const row of m.rows) {
          const ids = new Set(row.codeId === 'R' && spec.includeChildren ? ['R', 'K'] : [row.codeId]);
          for (const w of ['T1', 'T2']) {
            const got = row.byWave[w]!;
            expect({ participants: got.participants, passages: got.passages, words: got.words }).toEqual(
              reference(p, ids, w, spec.ignoreInterviewer),
            );
            expect(cellPassages(p, row.codeId, w, options)).toHaveLength(got.passages);
          }
          const { firstOnly, secondOnly, both, neither } = row.paired;
          const inBoth = [0, 1, 2].filter(
            (i) =>
              srcs.some((s) => s.participantId === `Q${i}` && s.wave === 'T1') &&
              srcs.some((s) => s.participantId === `Q${i}` && s.wave === 'T2'),
          ).length;
          expect(firstOnly + secondOnly + both + neither).toBe(inBoth);
        }
      }),
      { numRuns: 300 },
    );
  });
});
