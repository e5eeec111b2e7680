// planMerge's handling of memos; the other rules are in projectMerge.*.test.ts.
import { describe, expect, it } from 'vitest';
import { planMerge } from '../../../renderer/core/merge/projectMerge';
import { code, source, coding, coder, participant, memo, snapshot, options, TEXT_A } from '../../fixtures/mergeBuilders';

// ---- memos ----------------------------------------------------------------------------------

describe('planMerge: memos', () => {
  const current = snapshot({
    participants: [participant('p1', 'Mark')],
    sources: [source('s1', 'Mark T1', TEXT_A, { participantId: 'p1' })],
    codes: [code('c1', 'Time Out'), code('c2', 'Breathing'), code('c3', 'Calm'), code('c4', 'Quiet')],
    coders: [coder('k1', 'Ann')],
    codings: [coding('h1', 's1', 'c1', 'k1', 0, 12)],
    memos: [
      memo('hm1', 'code', 'c2', 'Same words'),
      memo('hm2', 'code', 'c3', 'Ann wrote this'),
      memo('hm3', 'code', 'c4', '  '),
      memo('hm4', 'project', null, 'Our project'),
    ],
  });
  const incoming = snapshot({
    participants: [participant('q1', 'Mark'), participant('q2', 'Lee')],
    sources: [source('x1', 'Mark T1', TEXT_A, { participantId: 'q1' }), source('x2', 'Lee T1', 'Lee text', { participantId: 'q2' })],
    codes: [code('c1', 'Time Out'), code('c2', 'Breathing'), code('c3', 'Calm'), code('c4', 'Quiet'), code('n1', 'Fresh')],
    coders: [coder('kb', 'Ben')],
    codings: [coding('y1', 'x1', 'c1', 'kb', 0, 12), coding('y2', 'x2', 'c1', 'kb', 0, 3), coding('y3', 'x1', 'c1', 'kb', 0, 999)],
    memos: [
      memo('m1', 'coding', 'y1', 'Ben on his coding'), // created coding
      memo('m2', 'code', 'n1', 'Why Fresh', 'Fresh code'), // created code
      memo('m3', 'code', 'c1', 'Ben on Time Out'), // matched code without a memo here
      memo('m4', 'code', 'c2', 'Same words '), // matched code, same text here
      memo('m5', 'code', 'c3', 'Ben disagrees'), // matched code with another memo here
      memo('m6', 'code', 'c4', 'Fills the empty one'), // matched code with an empty memo here
      memo('m7', 'project', null, 'Ben project notes', 'Reflections'),
      memo('m8', 'source', 'x1', 'Noisy'), // matched transcript
      memo('m9', 'source', 'x2', 'Lee was late'), // added transcript (with addUnmatchedSources)
      memo('m10', 'participant', 'q2', 'Shy'), // added participant
      memo('m11', 'participant', 'q1', 'Talkative'), // matched participant
      memo('m12', 'coding', 'y3', 'Out of range'), // skipped coding
      memo('m13', 'code', 'n1', '   '), // empty: nothing to merge
      memo('m14', 'code', 'gone', 'Lost', 'Lost code'),
    ],
  });

  it('creates memos on created records and on matched codes without one; lists the rest', () => {
    const plan = planMerge(current, incoming, options({ addUnmatchedSources: true }));
    // ids: new1 code Fresh, new2 source Lee T1, new3 participant Lee, new4-5 codings, new6… memos
    const changes = plan.action.changes.filter((c) => c.table === 'memos');
    expect(changes).toEqual([
      { table: 'memos', before: null, after: memo('new6', 'coding', 'new4', 'Ben on his coding') },
      { table: 'memos', before: null, after: memo('new7', 'code', 'new1', 'Why Fresh', 'Fresh code') },
      { table: 'memos', before: null, after: memo('new8', 'code', 'c1', 'Ben on Time Out') },
      { table: 'memos', before: memo('hm3', 'code', 'c4', '  '), after: memo('hm3', 'code', 'c4', 'Fills the empty one') },
      { table: 'memos', before: null, after: memo('new9', 'source', 'new2', 'Lee was late') },
      { table: 'memos', before: null, after: memo('new10', 'participant', 'new3', 'Shy') },
    ]);
    expect(plan.summary.memos).toEqual({
      added: 6,
      alreadyPresent: 1,
      notMerged: [
        'Memo on code "Calm"',
        'Reflections',
        'Memo on transcript "Mark T1"',
        'Memo on participant "Mark"',
        'Memo on a coding of "Mark T1"',
        'Lost code',
      ],
    });
    expect(plan.warnings.filter((w) => w.includes('not merged'))).toEqual([
      'Memo on code "Calm" was not merged: code "Calm" already has a different memo here.',
      'Memo "Reflections" was not merged: project memos stay with their own project.',
      'Memo on transcript "Mark T1" was not merged: transcript "Mark T1" was already in this project, and memos on it are not imported.',
      'Memo on participant "Mark" was not merged: participant "Mark" was already in this project, and memos on it are not imported.',
      'Memo on a coding of "Mark T1" was not merged: its coding on "Mark T1" was skipped.',
      'Memo "Lost code" was not merged: its code is not in the file.',
    ]);
  });

  it('treats a coding already here like a matched code: its memo is added when it has none', () => {
    const same = snapshot({
      sources: [source('x1', 'Mark T1', TEXT_A)],
      codes: [code('c1', 'Time Out')],
      coders: [coder('k1', 'Ann')],
      codings: [coding('y1', 'x1', 'c1', 'k1', 0, 12)],
      memos: [memo('m1', 'coding', 'y1', 'Ann, from her other machine', 'Second thoughts')],
    });
    const plan = planMerge(current, same, options());
    expect(plan.summary.codings).toEqual({ added: 0, alreadyPresent: 1, skipped: 0 });
    expect(plan.action.changes).toEqual([
      { table: 'memos', before: null, after: memo('new1', 'coding', 'h1', 'Ann, from her other machine', 'Second thoughts') },
    ]);
  });

  it('does not merge memos on transcripts that were not added', () => {
    const plan = planMerge(current, incoming, options());
    expect(plan.summary.memos.notMerged).toContain('Memo on transcript "Lee T1"');
    expect(plan.summary.memos.notMerged).toContain('Memo on participant "Lee"');
    expect(plan.warnings).toContain('Memo on transcript "Lee T1" was not merged: its transcript "Lee T1" matches no transcript here.');
    expect(plan.warnings).toContain('Memo on participant "Lee" was not merged: participant "Lee" is not in this project.');
  });
});
