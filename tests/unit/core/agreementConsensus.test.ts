// Reviewing disagreements among three coders, and resolving them into the consensus layer with
// each choice. Every expected list is worked out in the comments from the codings below.
import { describe, expect, it } from 'vitest';
import { decisionFor, resolveDisagreement, takenCoder, type Resolution } from '../../../renderer/core/agreement/consensus';
import { disagreements } from '../../../renderer/core/agreement/disagreements';
import { applyToArrays } from '../../../renderer/core/shared/changes';
import { ValidationError } from '../../../renderer/core/shared/errors';
import type { Coding, Decision, ProjectSnapshot } from '../../../renderer/core/shared/model';

const code = (id: string) => ({
  id,
  parentId: null,
  name: id,
  description: '',
  inclusion: '',
  exclusion: '',
  examples: '',
  colour: '#8ec4eb',
  order: 0,
  deletedAt: null,
});
let n = 0;
const coding = (sourceId: string, codeId: string, coderId: string, start: number, end: number): Coding => ({
  id: `k${++n}`,
  sourceId,
  codeId,
  coderId,
  start,
  end,
  memo: '',
  createdAt: 0,
  updatedAt: 0,
  deletedAt: null,
});
const turns = [0, 10, 20, 30].map((s) => ({ start: s, end: s + 10, speaker: null, speakerRole: 'participant' as const }));
const source = (id: string) => ({
  id,
  participantId: 'p',
  wave: 'T1',
  title: id,
  text: 'x'.repeat(40),
  turns,
  origin: { fileName: id, format: 'txt', sha256: '', importedAt: 0 },
});

const project: ProjectSnapshot = {
  waves: [{ id: 'T1', label: 'Time 1', order: 0 }],
  participants: [{ id: 'p', pseudonym: 'P', role: 'man', site: '', group: '', attributes: {}, links: [] }],
  sources: [source('s1'), source('s2'), source('s3')],
  codes: [code('A'), code('B')],
  codings: [
    // s1, A [0,10): all three code it exactly → agreement, not listed.
    coding('s1', 'A', 'a', 0, 10),
    coding('s1', 'A', 'b', 0, 10),
    coding('s1', 'A', 'c', 0, 10),
    // s1, A [20,30): a and b agree, c left it out → missing.
    coding('s1', 'A', 'a', 20, 30),
    coding('s1', 'A', 'b', 20, 30),
    // s1, A [35,38): c alone → missing.
    coding('s1', 'A', 'c', 35, 38),
    // s1, B [0,20): a and b [0,10), c [0,20): c's extent differs (share .5) → boundary.
    coding('s1', 'B', 'a', 0, 10),
    coding('s1', 'B', 'b', 0, 10),
    coding('s1', 'B', 'c', 0, 20),
    // s1, B [30,40): a [30,40), b [30,39), c [31,40): a–b 9/10 and a–c 9/10 match at .9, but
    // b–c share 8/10 only → every pair must match, so boundary.
    coding('s1', 'B', 'a', 30, 40),
    coding('s1', 'B', 'b', 30, 39),
    coding('s1', 'B', 'c', 31, 40),
    // s2: coded by a and b only (two of the three) → compared by default; c has nothing.
    coding('s2', 'A', 'a', 0, 10),
    coding('s2', 'A', 'b', 0, 10),
    coding('s2', 'B', 'a', 10, 20),
    // s3: a alone → not compared by default.
    coding('s3', 'A', 'a', 0, 40),
  ],
  coders: [],
};
const rows = (list: ReturnType<typeof disagreements>) => list.map((d) => [d.sourceId, d.codeId, d.kind, d.start, d.end]);

describe('disagreements among three coders', () => {
  const list = disagreements(project, { coderIds: ['a', 'b', 'c'] });

  it('lists what not everyone coded and differences of extent between any two; not what all three agree on', () => {
    expect(rows(list)).toEqual([
      ['s1', 'B', 'boundary', 0, 20],
      ['s1', 'A', 'missing', 20, 30],
      ['s1', 'B', 'boundary', 30, 40],
      ['s1', 'A', 'missing', 35, 38],
      // s2: c coded nothing in s2, so only a and b count there: A agrees and is not listed;
      // B is a's alone → missing.
      ['s2', 'B', 'missing', 10, 20],
    ]);
  });

  it('gives every coder a version, in the order asked for, [] where a coder has nothing', () => {
    expect(list[1]!.versions).toEqual([
      { coderId: 'a', ranges: [[20, 30]] },
      { coderId: 'b', ranges: [[20, 30]] },
      { coderId: 'c', ranges: [] },
    ]);
    expect(list[2]!.versions).toEqual([
      { coderId: 'a', ranges: [[30, 40]] },
      { coderId: 'b', ranges: [[30, 39]] },
      { coderId: 'c', ranges: [[31, 40]] },
    ]);
    const reordered = disagreements(project, { coderIds: ['c', 'a', 'b'] });
    expect(rows(reordered)).toEqual(rows(list));
    expect(reordered[3]!.versions).toEqual([
      { coderId: 'c', ranges: [[35, 38]] },
      { coderId: 'a', ranges: [] },
      { coderId: 'b', ranges: [] },
    ]);
  });

  it('a coder who coded nothing in a transcript is not counted there, but still gets an empty column', () => {
    const s2 = list.find((d) => d.sourceId === 's2')!;
    expect(s2.versions).toEqual([
      { coderId: 'a', ranges: [[10, 20]] },
      { coderId: 'b', ranges: [] },
      { coderId: 'c', ranges: [] },
    ]);
    expect(s2.absent).toEqual(['c']);
    expect(list.filter((d) => d.sourceId === 's1').every((d) => d.absent === undefined)).toBe(true);
  });

  it('a looser overlap share lets the 8/10 pair match; explicit transcripts replace the default', () => {
    expect(rows(disagreements(project, { coderIds: ['a', 'b', 'c'], overlap: 0.8, sourceIds: ['s1'] }))).toEqual([
      ['s1', 'B', 'boundary', 0, 20],
      ['s1', 'A', 'missing', 20, 30],
      ['s1', 'A', 'missing', 35, 38],
    ]);
    expect(rows(disagreements(project, { coderIds: ['a', 'b', 'c'], sourceIds: ['s3'] }))).toEqual([['s3', 'A', 'missing', 0, 40]]);
  });

  it('two of the three: the pairwise rule, unchanged', () => {
    // s1 A: [0,10) and [20,30) agree; c's [35,38) is not theirs. s1 B: [0,10) agrees; [30,40)
    // vs [30,39) matches at .9. s2: A agrees, B [10,20) only a → missing. s3: a alone, left out.
    expect(rows(disagreements(project, { coderIds: ['a', 'b'] }))).toEqual([['s2', 'B', 'missing', 10, 20]]);
    // a and c: s1 A [20,30) only a, [35,38) only c; B [0,10) vs [0,20) boundary; [30,40) vs [31,40) .9
    // matches. s2 and s3 are coded by a alone among these two → not compared.
    expect(rows(disagreements(project, { coderIds: ['a', 'c'] }))).toEqual([
      ['s1', 'B', 'boundary', 0, 20],
      ['s1', 'A', 'missing', 20, 30],
      ['s1', 'A', 'missing', 35, 38],
    ]);
  });

  it('needs two different coders', () => {
    expect(() => disagreements(project, { coderIds: ['a'] })).toThrow(RangeError);
    expect(() => disagreements(project, { coderIds: ['a', 'a'] })).toThrow(RangeError);
  });
});

describe('resolving a three-coder disagreement', () => {
  const list = disagreements(project, { coderIds: ['a', 'b', 'c'] });
  const boundary = list[2]!; // s1 B: a [30,40), b [30,39), c [31,40)
  const consensus = { id: 'cons', name: 'Consensus', colour: '#000', consensus: true };
  const resolve = (choice: Resolution, decisions: Decision[] = []) => {
    let k = 0;
    const action = resolveDisagreement(
      { coders: [consensus], codings: project.codings, decisions },
      boundary,
      choice,
      'Because.',
      'Ana',
      7,
      () => `id${++k}`,
    );
    const state: Parameters<typeof applyToArrays>[0] = {};
    applyToArrays(state, action);
    const decision = state.decisions![0]!;
    return { label: action.label, taken: (state.codings ?? []).map((c) => [c.coderId, c.start, c.end]), decision };
  };

  it("takes any one coder's version, logged with every coder compared and whose version won", () => {
    const third = resolve({ coderId: 'c' });
    expect(third.label).toBe('Consensus: the third coder’s version');
    expect(third.taken).toEqual([['cons', 31, 40]]);
    expect([third.decision.choice, third.decision.coderIds, third.decision.takenCoderId]).toEqual(['coder', ['a', 'b', 'c'], 'c']);
    expect(takenCoder(third.decision)).toBe('c');
    expect(third.decision.codingIds).toEqual(['id1']);

    const first = resolve({ coderId: 'a' });
    expect([first.label, first.taken, first.decision.choice, first.decision.takenCoderId]).toEqual([
      'Consensus: the first coder’s version',
      [['cons', 30, 40]],
      'coder',
      'a',
    ]);
    expect(takenCoder(first.decision)).toBe('a');
    const second = resolve({ coderId: 'b' });
    expect([second.label, second.taken, second.decision.choice, second.decision.takenCoderId]).toEqual([
      'Consensus: the second coder’s version',
      [['cons', 30, 39]],
      'coder',
      'b',
    ]);
    // The positional choices still mean the first two versions, logged by whose they are.
    expect(resolve('second')).toMatchObject({ taken: second.taken, decision: { choice: 'coder', takenCoderId: 'b' } });
    expect(() => resolve('coder')).toThrow(/whose version/);
  });

  it('all versions merges every coder’s passages; none codes nothing but is logged; edit starts from all', () => {
    const all = resolve('both');
    expect(all.label).toBe('Consensus: all versions');
    expect(all.taken).toEqual([['cons', 30, 40]]);
    expect([all.decision.choice, takenCoder(all.decision), all.decision.coderIds]).toEqual(['both', null, ['a', 'b', 'c']]);
    const spread = resolveDisagreement({ coders: [consensus], codings: project.codings }, list[0]!, 'both', '', 'Ana', 7, () => 'x');
    expect(spread.changes.filter((c) => c.table === 'codings').map((c) => [(c.after as Coding).start, (c.after as Coding).end])).toEqual([
      [0, 20],
    ]);

    const none = resolve('neither');
    expect([none.label, none.taken, none.decision.choice, none.decision.why]).toEqual(['Consensus: no version', [], 'neither', 'Because.']);
    const edit = resolve('edit');
    expect([edit.label, edit.taken, edit.decision.choice]).toEqual(['Consensus: an edited version', [['cons', 30, 40]], 'edit']);
  });

  it('refuses a coder without a version here and a second decision on the same passage', () => {
    expect(() => resolve({ coderId: 'zed' })).toThrow(ValidationError);
    const done = resolve({ coderId: 'c' }).decision;
    expect(decisionFor([done], boundary)?.id).toBe(done.id);
    expect(() => resolve('both', [done])).toThrow(/already been resolved/);
  });

  it('with two coders, taking a coder by id is the same as the positional choice', () => {
    const pair = disagreements(project, { coderIds: ['a', 'c'] })[0]!; // s1 B [0,20): a [0,10), c [0,20)
    const run = (choice: Resolution) => {
      let k = 0;
      return resolveDisagreement({ coders: [consensus], codings: project.codings }, pair, choice, '', 'Ana', 1, () => `p${++k}`);
    };
    expect(run({ coderId: 'c' })).toEqual(run('second'));
    expect(run({ coderId: 'a' })).toEqual(run('first'));
    expect(run('both').label).toBe('Consensus: both versions');
    expect(run('neither').label).toBe('Consensus: neither version');
  });
});
