// planMerge and codings: adding, deduplicating and skipping them, the action's order, and importing twice.
import { describe, expect, it } from 'vitest';
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
