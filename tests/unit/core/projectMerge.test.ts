import { describe, expect, it } from 'vitest';
import type { Coder } from '../../../renderer/core/shared/model';
import { planMerge } from '../../../renderer/core/merge/projectMerge';
import {
  code,
  source,
  coding,
  coder,
  participant,
  memo,
  snapshot,
  options,
  createdIn,
  applyPlan,
  TEXT_A,
  TEXT_B,
} from '../../fixtures/mergeBuilders';

// ---- sources --------------------------------------------------------------------------------

describe('planMerge: transcripts', () => {
  it('matches a transcript by its text even when the titles differ, and remaps its codings', () => {
    const current = snapshot({ sources: [source('s1', 'Mark T1', TEXT_A)], codes: [code('c1', 'Time Out')], coders: [coder('k1', 'Ann')] });
    const incoming = snapshot({
      sources: [source('x1', 'Interview 1 (Mark)', TEXT_A)],
      codes: [code('c1', 'Time Out')],
      coders: [coder('k2', 'Ben', '#b5512f')],
      codings: [coding('y1', 'x1', 'c1', 'k2', 0, 12, { memo: 'rising anger' })],
    });
    const plan = planMerge(current, incoming, options());
    expect(plan.summary.sources).toEqual({ matched: [{ incoming: 'Interview 1 (Mark)', existing: 'Mark T1' }], added: [], notMatched: [] });
    expect(plan.action.label).toBe('Import coding from "ben.qdpx"');
    expect(plan.action.changes).toEqual([
      { table: 'coders', before: null, after: { id: 'k2', name: 'Ben', colour: '#b5512f' } },
      { table: 'codings', before: null, after: coding('new1', 's1', 'c1', 'k2', 0, 12, { memo: 'rising anger' }) },
    ]);
    expect(plan.newSources).toEqual([]);
    expect(plan.warnings).toEqual([]);
  });

  it('prefers the transcript with the same title among identical texts, else the first; several may map to one', () => {
    const current = snapshot({
      sources: [
        source('s1', 'Copy', TEXT_A),
        source('s2', 'Mark T1', TEXT_A),
        source('s3', 'Other', TEXT_B),
        source('s4', 'Gone', TEXT_B, { deletedAt: 1 }),
      ],
    });
    const incoming = snapshot({
      sources: [
        source('x1', 'mark t1 ', TEXT_A),
        source('x2', 'Elsewhere', TEXT_A),
        source('x3', 'Gone', TEXT_B),
        source('x4', 'Deleted', 'other text', { deletedAt: 3 }),
      ],
    });
    const plan = planMerge(current, incoming, options());
    expect(plan.summary.sources.matched).toEqual([
      { incoming: 'mark t1 ', existing: 'Mark T1' },
      { incoming: 'Elsewhere', existing: 'Copy' },
      { incoming: 'Gone', existing: 'Other' }, // the deleted "Gone" here does not count
    ]);
    expect(plan.summary.sources.notMatched).toEqual([]);
  });

  it('does not match texts that differ by one character, even with the same length', () => {
    const current = snapshot({ sources: [source('s1', 'Mark T1', 'abcdef')] });
    const incoming = snapshot({ sources: [source('x1', 'Mark T1', 'abcdeg')] });
    expect(planMerge(current, incoming, options()).summary.sources.notMatched).toEqual([{ title: 'Mark T1', codingsSkipped: 0 }]);
  });

  it('matches long texts (sampled for the bucket) exactly', () => {
    const long = 'word '.repeat(5000);
    const other = `${long.slice(0, 12_000)}X${long.slice(12_001)}`; // same length and, most likely, the same sample
    const current = snapshot({ sources: [source('s1', 'Near', other), source('s2', 'Long', long)] });
    const incoming = snapshot({ sources: [source('x1', 'Long one', long)] });
    expect(planMerge(current, incoming, options()).summary.sources.matched).toEqual([{ incoming: 'Long one', existing: 'Long' }]);
  });

  it('skips the codings of a transcript that matches nothing, counting them', () => {
    const current = snapshot({ sources: [source('s1', 'Mark T1', TEXT_A)], codes: [code('c1', 'Time Out')], coders: [coder('k1', 'Ann')] });
    const incoming = snapshot({
      sources: [source('x1', 'Mark T1', TEXT_A), source('x2', 'Mark T2', TEXT_B)],
      codes: [code('c1', 'Time Out')],
      coders: [coder('k1', 'Ann')],
      codings: [
        coding('y1', 'x1', 'c1', 'k1', 0, 5),
        coding('y2', 'x2', 'c1', 'k1', 0, 5),
        coding('y3', 'x2', 'c1', 'k1', 6, 9),
        coding('y4', 'x2', 'c1', 'k1', 9, 12, { deletedAt: 7 }),
      ],
    });
    const plan = planMerge(current, incoming, options());
    expect(plan.summary.sources.notMatched).toEqual([{ title: 'Mark T2', codingsSkipped: 2 }]);
    expect(plan.summary.codings).toEqual({ added: 1, alreadyPresent: 0, skipped: 2 });
    expect(plan.warnings).toEqual(['Transcript "Mark T2" matches no transcript here (its text differs), so 2 codings on it were skipped.']);
    expect(plan.newSources).toEqual([]);
  });
});

// ---- codes ----------------------------------------------------------------------------------

describe('planMerge: codes', () => {
  const current = snapshot({
    codes: [
      code('p1', 'Techniques', null, 0),
      code('c1', 'Time Out', 'p1', 0),
      code('c2', 'Breathing', 'p1', 1),
      code('g1', 'Gender', null, 1),
      code('g2', 'Knowing best', 'g1', 0),
      code('a1', 'Anger', 'p1', 2),
      code('a2', 'Anger', 'g1', 1),
      code('d1', 'Dropped', null, 2, { deletedAt: 4 }),
    ],
  });

  it('matches by id, then by path, then by a unique name; an ambiguous name makes a new code', () => {
    const incoming = snapshot({
      codes: [
        code('p1', 'Techniques (renamed)', null, 0), // by id
        code('zc', ' time out', 'p1', 0), // its path names the renamed parent: matched by its unique name
        code('zg', 'GENDER', null, 1), // by path
        code('zk', 'Knowing Best', null, 2), // by unique name, elsewhere in the tree
        code('za', 'Anger', null, 3), // two "Anger" here: a new code
        code('zd', 'Dropped', null, 4), // only a deleted code here: a new code
      ],
    });
    const plan = planMerge(current, incoming, options());
    expect(plan.summary.codes).toEqual({
      matchedById: [{ incoming: 'Techniques (renamed)', existing: 'Techniques' }],
      matchedByPath: [{ incoming: 'GENDER', existing: 'Gender' }],
      matchedByName: [
        { incoming: 'Techniques (renamed) /  time out', existing: 'Techniques / Time Out' },
        { incoming: 'Knowing Best', existing: 'Gender / Knowing best' },
      ],
      added: ['Anger', 'Dropped'],
    });
    expect(createdIn(plan, 'codes')).toEqual([code('new1', 'Anger', null, 2), code('new2', 'Dropped', null, 3)]);
  });

  it('a path match needs the same parents: a moved code falls back to its name', () => {
    const incoming = snapshot({ codes: [code('x', 'Gender'), code('y', 'Time Out', 'x')] });
    const plan = planMerge(current, incoming, options());
    expect(plan.summary.codes.matchedByPath).toEqual([{ incoming: 'Gender', existing: 'Gender' }]);
    expect(plan.summary.codes.matchedByName).toEqual([{ incoming: 'Gender / Time Out', existing: 'Techniques / Time Out' }]);
  });

  it('matches by name only when the name is unique in the file too', () => {
    const incoming = snapshot({ codes: [code('x', 'Other'), code('y', 'Breathing', 'x'), code('z', 'Breathing')] });
    const plan = planMerge(current, incoming, options());
    expect(plan.summary.codes.matchedByName).toEqual([]);
    expect(plan.summary.codes.added).toEqual(['Other', 'Other / Breathing', 'Breathing']);
  });

  it('creates every unmatched code, parents first, under the mapped parent after its siblings, keeping its fields', () => {
    const fields = {
      description: 'Stepping away',
      inclusion: 'Leaving the room',
      exclusion: 'Sulking',
      examples: '"I went out"',
      colour: '#abcdef',
    };
    const incoming = snapshot({
      codes: [
        code('zt', 'Techniques', null, 0),
        code('zn', 'New family', 'zn0', 5), // parent listed later in the file, created first
        code('zn0', 'New parent', null, 9),
        code('zw', 'Walk away', 'zt', 7, fields),
        code('zq', 'Quiet', 'zt', 3),
        code('zx', 'Deleted child', 'zt', 1, { deletedAt: 2 }),
      ],
    });
    const plan = planMerge(current, incoming, options());
    expect(plan.summary.codes.matchedByPath).toEqual([{ incoming: 'Techniques', existing: 'Techniques' }]);
    // Siblings in the file's order, numbered after "Anger" (order 2) under Techniques; "Dropped" is deleted.
    expect(createdIn(plan, 'codes')).toEqual([
      code('new1', 'Quiet', 'p1', 3),
      code('new2', 'Walk away', 'p1', 4, fields),
      code('new3', 'New parent', null, 2),
      code('new4', 'New family', 'new3', 0),
    ]);
    expect(plan.summary.codes.added).toEqual(['Techniques / Quiet', 'Techniques / Walk away', 'New parent', 'New parent / New family']);
  });

  it('never maps two codes of the file to one code here; a clashing new name is made unique', () => {
    const incoming = snapshot({ codes: [code('g1', 'Sexism'), code('zg', 'Gender')] });
    const plan = planMerge(current, incoming, options());
    expect(plan.summary.codes.matchedById).toEqual([{ incoming: 'Sexism', existing: 'Gender' }]);
    expect(plan.summary.codes.matchedByPath).toEqual([]);
    expect(createdIn(plan, 'codes')).toEqual([code('new1', 'Gender (2)', null, 2)]); // after Gender; "Dropped" is deleted
    expect(plan.warnings).toEqual(['Code "Gender" is added as "Gender (2)", as its place already holds a code of that name.']);
  });
});

// ---- coders ---------------------------------------------------------------------------------

describe('planMerge: coders', () => {
  const text = 'abcdefghijklmnopqrstuvwxyz';
  const current = snapshot({
    sources: [source('s1', 'T', text)],
    codes: [code('c1', 'A')],
    coders: [coder('k1', 'Ann'), coder('k2', 'Ben')],
  });

  it('matches by id, then by name (without case or space), and adds the rest keeping their id and colour', () => {
    const incoming = snapshot({
      sources: [source('x1', 'T', text)],
      codes: [code('c1', 'A')],
      coders: [coder('k1', 'Annie'), coder('kb', ' BEN '), coder('kc', 'Cara', '#8a3fb5')],
      codings: [
        coding('y1', 'x1', 'c1', 'k1', 0, 2),
        coding('y2', 'x1', 'c1', 'kb', 0, 2),
        coding('y3', 'x1', 'c1', 'kb', 3, 5),
        coding('y4', 'x1', 'c1', 'kc', 0, 2),
      ],
    });
    const plan = planMerge(current, incoming, options());
    expect(plan.summary.coders).toEqual({
      matched: [
        { incoming: 'Annie', existing: 'Ann', codingsAdded: 1, codingsAlreadyPresent: 0 },
        { incoming: ' BEN ', existing: 'Ben', codingsAdded: 2, codingsAlreadyPresent: 0 },
      ],
      added: [{ name: 'Cara', codingsAdded: 1, codingsAlreadyPresent: 0 }],
    });
    expect(createdIn(plan, 'coders')).toEqual([coder('kc', 'Cara', '#8a3fb5')]);
    expect(createdIn(plan, 'codings').map((c) => c.coderId)).toEqual(['k1', 'k2', 'k2', 'kc']);
  });

  it('gives a new coder a fresh id when the id is taken, and never merges two coders of the file into one', () => {
    // "Ann" of the file takes Ann here by name; "Dan" carries Ann's id, so he is added with a new id.
    const incoming = snapshot({
      sources: [source('x1', 'T', text)],
      codes: [code('c1', 'A')],
      coders: [coder('kz', 'ann'), coder('k1', 'Dan', '#2f9b6d'), coder('kd', 'Dan')],
      codings: [coding('y1', 'x1', 'c1', 'kz', 0, 2), coding('y2', 'x1', 'c1', 'k1', 4, 6)],
    });
    const plan = planMerge(current, incoming, options());
    expect(createdIn(plan, 'coders')).toEqual([coder('new1', 'Dan', '#2f9b6d'), coder('kd', 'Dan (2)')]);
    expect(createdIn(plan, 'codings')).toEqual([coding('new2', 's1', 'c1', 'k1', 0, 2), coding('new3', 's1', 'c1', 'new1', 4, 6)]);
    expect(plan.summary.coders).toEqual({
      matched: [{ incoming: 'ann', existing: 'Ann', codingsAdded: 1, codingsAlreadyPresent: 0 }],
      added: [
        { name: 'Dan', codingsAdded: 1, codingsAlreadyPresent: 0 },
        { name: 'Dan (2)', codingsAdded: 0, codingsAlreadyPresent: 0 },
      ],
    });
    expect(plan.warnings).toEqual(['Coder "Dan" is added as "Dan (2)", as that name is already taken.']);
  });

  const consensus = (id: string, name = 'Consensus'): Coder => ({ ...coder(id, name, '#5b6472'), consensus: true });

  it("adds the file's consensus layer as the consensus layer, not as one more coder", () => {
    const incoming = snapshot({
      sources: [source('x1', 'T', text)],
      codes: [code('c1', 'A')],
      coders: [coder('k1', 'Ann'), consensus('kc')],
      codings: [coding('y1', 'x1', 'c1', 'kc', 0, 2)],
    });
    const plan = planMerge(current, incoming, options());
    expect(createdIn(plan, 'coders')).toEqual([consensus('kc')]);
    expect(plan.summary.coders.added).toEqual([{ name: 'Consensus', consensus: true, codingsAdded: 1, codingsAlreadyPresent: 0 }]);
  });

  it("puts the file's consensus codings into the consensus layer here, whatever either is called", () => {
    const here = snapshot({ ...current, coders: [...current.coders, consensus('kh', 'Agreed')] });
    const incoming = snapshot({
      sources: [source('x1', 'T', text)],
      codes: [code('c1', 'A')],
      coders: [consensus('kc', 'Consensus (2)')],
      codings: [coding('y1', 'x1', 'c1', 'kc', 0, 2)],
    });
    const plan = planMerge(here, incoming, options());
    expect(createdIn(plan, 'coders')).toEqual([]);
    expect(createdIn(plan, 'codings').map((c) => c.coderId)).toEqual(['kh']);
    expect(plan.summary.coders.matched).toEqual([
      { incoming: 'Consensus (2)', existing: 'Agreed', consensus: true, codingsAdded: 1, codingsAlreadyPresent: 0 },
    ]);
  });

  it('never takes a coder of the file for the consensus layer here by name, nor the other way round', () => {
    const here = snapshot({ ...current, coders: [...current.coders, consensus('kh')] });
    const incoming = snapshot({
      sources: [source('x1', 'T', text)],
      codes: [code('c1', 'A')],
      // A colleague who happens to be called "Consensus", and a consensus layer called "Ben".
      coders: [coder('kx', 'Consensus'), consensus('ky', 'Ben')],
      codings: [coding('y1', 'x1', 'c1', 'kx', 0, 2), coding('y2', 'x1', 'c1', 'ky', 3, 5)],
    });
    const plan = planMerge(here, incoming, options());
    const added = createdIn(plan, 'coders');
    expect(added).toEqual([coder('kx', 'Consensus (2)')]);
    expect(added[0]!.consensus).toBeUndefined();
    expect(createdIn(plan, 'codings').map((c) => c.coderId)).toEqual(['kx', 'kh']);
  });
});

// ---- codings --------------------------------------------------------------------------------

describe('planMerge: codings', () => {
  const current = snapshot({
    sources: [source('s1', 'Mark T1', TEXT_A), source('s2', 'Mark T2', TEXT_B)],
    codes: [code('c1', 'Time Out'), code('c2', 'Breathing')],
    coders: [coder('k1', 'Ann')],
    codings: [coding('h1', 's1', 'c1', 'k1', 0, 12), coding('h2', 's1', 'c2', 'k1', 13, 20, { deletedAt: 9 })],
  });
  const incoming = snapshot({
    sources: [source('x1', 'Mark T1', TEXT_A), source('x2', 'Mark T2', TEXT_B)],
    codes: [code('z1', 'time out'), code('z2', 'Breathing'), code('z3', 'Gone', null, 2, { deletedAt: 1 })],
    coders: [coder('k1', 'Ann'), coder('kb', 'Ben', '#b5512f')],
    codings: [
      coding('y1', 'x1', 'z1', 'k1', 0, 12), // identical to h1: already present
      coding('y2', 'x1', 'z1', 'kb', 0, 12), // same range, other coder: added
      coding('y3', 'x1', 'z2', 'k1', 13, 20, { memo: 'm', createdAt: 11, updatedAt: 12 }), // identical only to a deleted coding: added
      coding('y4', 'x2', 'z2', 'kb', 40, TEXT_B.length + 1), // past the end
      coding('y5', 'x2', 'z2', 'kb', 5, 5), // empty
      coding('y6', 'x1', 'z2', 'kb', -1, 3), // before the start
      coding('y7', 'x1', 'z3', 'kb', 0, 3), // deleted code
      coding('y8', 'x9', 'z1', 'kb', 0, 3), // unknown transcript
      coding('y9', 'x1', 'z1', 'kq', 0, 3), // unknown coder
      coding('y10', 'x2', 'z1', 'kb', 0, TEXT_B.length, { createdAt: Number.NaN }),
    ],
  });

  it('adds new codings with fresh ids, keeps identical ones once, and skips what cannot be placed', () => {
    const plan = planMerge(current, incoming, options());
    expect(createdIn(plan, 'codings')).toEqual([
      coding('new1', 's1', 'c1', 'kb', 0, 12),
      coding('new2', 's1', 'c2', 'k1', 13, 20, { memo: 'm', createdAt: 11, updatedAt: 12 }),
      coding('new3', 's2', 'c1', 'kb', 0, TEXT_B.length, { createdAt: 1000 }),
    ]);
    expect(plan.summary.codings).toEqual({ added: 3, alreadyPresent: 1, skipped: 6 });
    expect(plan.summary.coders).toEqual({
      matched: [{ incoming: 'Ann', existing: 'Ann', codingsAdded: 1, codingsAlreadyPresent: 1 }],
      added: [{ name: 'Ben', codingsAdded: 2, codingsAlreadyPresent: 0 }],
    });
    expect(plan.warnings).toEqual([
      '2 codings on "Mark T2" lie outside the transcript\'s text and were skipped.',
      '1 coding on "Mark T1" lies outside the transcript\'s text and was skipped.',
      '1 coding refers to a transcript that is not in the file and was skipped.',
      "1 coding uses a code that is not in the file's codebook and was skipped.",
      '1 coding names a coder who is not in the file and was skipped.',
    ]);
  });

  it('orders the action coders, codes, codings, memos', () => {
    const withMore = { ...incoming, codes: [...incoming.codes, code('z4', 'New')], memos: [memo('m1', 'code', 'z4', 'About new')] };
    const plan = planMerge(current, withMore, options());
    expect(plan.action.changes.map((c) => c.table)).toEqual(['coders', 'codes', 'codings', 'codings', 'codings', 'memos']);
  });

  it('adds a coding listed twice in the file once', () => {
    const twice = { ...incoming, codings: [coding('y1', 'x1', 'z1', 'kb', 1, 4), coding('y2', 'x1', 'z1', 'kb', 1, 4)] };
    const plan = planMerge(current, twice, options());
    expect(plan.summary.codings).toEqual({ added: 1, alreadyPresent: 1, skipped: 0 });
  });

  it('is deterministic, and importing the same file twice adds nothing the second time', () => {
    const full = {
      ...incoming,
      sources: [...incoming.sources, source('x3', 'New one', 'Brand new text here', { participantId: 'q1', wave: 'T1' })],
      participants: [participant('q1', 'Lee')],
      codes: [...incoming.codes, code('z4', 'Extra', 'z1')],
      codings: [...incoming.codings, coding('y11', 'x3', 'z4', 'kb', 0, 5)],
      memos: [
        memo('m1', 'coding', 'y11', 'on the new coding'),
        memo('m2', 'code', 'z4', 'about extra'),
        memo('m3', 'source', 'x3', 'noisy room'),
        memo('m4', 'participant', 'q1', 'quiet'),
      ],
    };
    const first = planMerge(current, full, options({ addUnmatchedSources: true }));
    expect(planMerge(current, full, options({ addUnmatchedSources: true }))).toEqual(first);
    expect(first.summary.codings.added).toBe(4);
    expect(first.summary.memos).toEqual({ added: 4, alreadyPresent: 0, notMerged: [] });

    const merged = applyPlan(current, first);
    const second = planMerge(merged, full, options({ addUnmatchedSources: true }));
    expect(second.action.changes).toEqual([]);
    expect(second.newSources).toEqual([]);
    expect(second.newParticipants).toEqual([]);
    expect(second.summary.codings).toEqual({ added: 0, alreadyPresent: 5, skipped: 6 });
    expect(second.summary.codes.added).toEqual([]);
    expect(second.summary.coders.added).toEqual([]);
    expect(second.summary.memos).toEqual({ added: 0, alreadyPresent: 4, notMerged: [] });
    expect(second.summary.sources.matched.map((m) => m.existing)).toEqual(['Mark T1', 'Mark T2', 'New one']);
  });
});

// ---- new transcripts and participants -------------------------------------------------------

describe('planMerge: adding unmatched transcripts', () => {
  const current = snapshot({
    participants: [participant('p1', 'Mark'), participant('p2', 'Old', { deletedAt: 3 })],
    sources: [source('s1', 'Mark T1', TEXT_A, { participantId: 'p1', wave: 'T1' })],
    codes: [code('c1', 'Time Out')],
    coders: [coder('k1', 'Ann')],
  });
  const incoming = snapshot({
    waves: [
      { id: 'W1', label: 'time 2', order: 0 },
      { id: 'T1', label: 'Baseline', order: 1 },
      { id: 'W9', label: 'Time 9', order: 2 },
    ],
    participants: [
      participant('q1', ' mark '),
      participant('q2', 'Old', {
        role: 'woman',
        site: 'North',
        group: 'programme',
        attributes: { age: 34 },
        links: [
          { type: 'partner of', participantId: 'q1' },
          { type: 'sister of', participantId: 'q5' },
          { type: 'friend of', participantId: 'q9' },
        ],
      }),
      participant('q5', 'Sam'),
    ],
    sources: [
      source('x1', 'Mark T2', TEXT_B, { participantId: 'q1', wave: 'W1', turns: [{ start: 0, end: 10, speaker: 'Interviewer' }] }),
      source('x2', 'Old T1', 'Her text', { participantId: 'q2', wave: 'T1' }),
      source('x3', 'Old T9', 'Her later text', { participantId: 'q2', wave: 'W9' }),
      source('x4', 'Loose', 'Loose text', { participantId: 'q7', wave: 'W9' }),
    ],
    codes: [code('c1', 'Time Out')],
    coders: [coder('k1', 'Ann')],
    codings: [coding('y1', 'x1', 'c1', 'k1', 0, 5), coding('y2', 'x3', 'c1', 'k1', 0, 3)],
  });

  it('lists them as not matched when not asked to add them', () => {
    const plan = planMerge(current, incoming, options());
    expect(plan.summary.sources.notMatched).toEqual([
      { title: 'Mark T2', codingsSkipped: 1 },
      { title: 'Old T1', codingsSkipped: 0 },
      { title: 'Old T9', codingsSkipped: 1 },
      { title: 'Loose', codingsSkipped: 0 },
    ]);
    expect(plan.summary.codings).toEqual({ added: 0, alreadyPresent: 0, skipped: 2 });
    expect(plan.warnings).toHaveLength(4);
    expect(plan.warnings[1]).toBe('Transcript "Old T1" matches no transcript here (its text differs), so 0 codings on it were skipped.');
  });

  it('adds them with fresh ids, matching participants by pseudonym and waves by id or label', () => {
    const plan = planMerge(current, incoming, options({ addUnmatchedSources: true }));
    expect(plan.newSources).toEqual([
      source('new1', 'Mark T2', TEXT_B, { participantId: 'p1', wave: 'T2', turns: [{ start: 0, end: 10, speaker: 'Interviewer' }] }),
      source('new2', 'Old T1', 'Her text', { participantId: 'new3', wave: 'T1' }),
      source('new4', 'Old T9', 'Her later text', { participantId: 'new3', wave: null }),
      source('new5', 'Loose', 'Loose text', { participantId: null, wave: null }),
    ]);
    // Links: to Mark (matched here) kept; to Sam (in the file, but no transcript added) and to an unknown id dropped.
    expect(plan.newParticipants).toEqual([
      participant('new3', 'Old', {
        role: 'woman',
        site: 'North',
        group: 'programme',
        attributes: { age: 34 },
        links: [{ type: 'partner of', participantId: 'p1' }],
      }),
    ]);
    expect(plan.summary.participants).toEqual({ matched: [{ incoming: ' mark ', existing: 'Mark' }], added: ['Old'] });
    expect(plan.summary.sources).toEqual({ matched: [], added: ['Mark T2', 'Old T1', 'Old T9', 'Loose'], notMatched: [] });
    expect(createdIn(plan, 'codings')).toEqual([coding('new6', 'new1', 'c1', 'k1', 0, 5), coding('new7', 'new4', 'c1', 'k1', 0, 3)]);
    expect(plan.warnings).toEqual([
      'Transcript "Loose" names a participant who is not in the file; it is added without a participant.',
      'Wave "Time 9" is not in this project, so "Old T9", "Loose" are added without a wave.',
      'Participant "Old": the link "sister of" to "Sam" was dropped, as they are not in this project.',
      'Participant "Old": the link "friend of" to a participant not in the file was dropped, as that participant is not in this project.',
    ]);
  });

  it('adds two transcripts of the file with the same text once', () => {
    const twice = snapshot({ sources: [source('x1', 'One', 'same'), source('x2', 'Two', 'same')] });
    const plan = planMerge(current, twice, options({ addUnmatchedSources: true }));
    expect(plan.newSources.map((s) => s.title)).toEqual(['One']);
    expect(plan.summary.sources.matched).toEqual([{ incoming: 'Two', existing: 'One' }]);
  });
});
