// planMerge and transcripts: matching them by text, and adding the unmatched ones with their participants and waves.
import { describe, expect, it } from 'vitest';
import { planMerge } from '../../../renderer/core/merge/projectMerge';
import { code, source, coding, coder, participant, snapshot, options, createdIn, TEXT_A, TEXT_B } from '../../fixtures/mergeBuilders';

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
