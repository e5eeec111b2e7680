import { describe, expect, it } from 'vitest';
import {
  describePurgeCounts,
  planPurge,
  purgeConfirmed,
  purgedDraftFields,
  purgeLogSummary,
  restorePlacement,
  withoutNames,
  type PurgeHistoryEntry,
  type PurgeRecords,
} from '../../../renderer/core/project/purge';
import { newParticipant } from '../../../renderer/core/project/setup';
import { ValidationError } from '../../../renderer/core/shared/errors';

const vesna = { ...newParticipant('pv', 'Vesna'), attributes: { age: 40 } };
const dale = { ...newParticipant('pd', 'Dale'), links: [{ type: 'partner of', participantId: 'pv' }] };
const src = (id: string, participantId: string | null, title: string, deletedAt: number | null = null) => ({
  id,
  participantId,
  title,
  deletedAt,
  origin: { fileName: `${title}.docx` },
});
const coding = (id: string, sourceId: string, deletedAt: number | null = null) => ({ id, sourceId, deletedAt, memo: 'said' });
const entry = (seq: number, action: string, summary: string, data?: unknown, undoable = false): PurgeHistoryEntry => ({
  seq,
  at: seq,
  actor: '',
  action,
  summary,
  undoable,
  ...(undoable ? { state: 'done' as const } : {}),
  data,
});

function records(history: PurgeHistoryEntry[] = []): PurgeRecords {
  return {
    participants: [vesna, dale],
    sources: [src('v1', 'pv', 'Vesna_T1'), src('v2', 'pv', 'Vesna_T2', 9), src('d1', 'pd', 'Dale_T1')],
    codings: [coding('c1', 'v1'), coding('c2', 'v1', 5), coding('c3', 'v2'), coding('c4', 'd1')],
    memos: [
      { id: 'm1', target: 'source', targetId: 'v1' },
      { id: 'm2', target: 'coding', targetId: 'c3' },
      { id: 'm3', target: 'participant', targetId: 'pv' },
      { id: 'm4', target: 'coding', targetId: 'c4' },
      { id: 'm5', target: 'project', targetId: null },
      { id: 'm6', target: 'coding', targetId: 'c-undone', deletedAt: 3 },
    ],
    basketItems: [
      { id: 'q1', sourceId: 'v1' },
      { id: 'q2', sourceId: 'd1' },
    ],
    decisions: [
      { id: 'x1', sourceId: 'v2', deletedAt: 4 },
      { id: 'x2', sourceId: 'd1' },
    ],
    frameworkCells: [
      { id: 'f1', participantId: 'pv' },
      { id: 'f2', participantId: 'pd' },
    ],
    history,
  };
}

describe('planPurge', () => {
  it('finds a participant, all their transcripts (the bin too) and everything on them', () => {
    const plan = planPurge(records(), { kind: 'participant', participantId: 'pv' });
    expect(plan.participantIds).toEqual(['pv']);
    expect(plan.sourceIds).toEqual(['v1', 'v2']);
    expect(plan.memoIds).toEqual(['m1', 'm2', 'm3']);
    expect(plan.basketItemIds).toEqual(['q1']);
    expect(plan.decisionIds).toEqual(['x1']);
    expect(plan.frameworkCellIds).toEqual(['f1']);
    expect(plan.participantUpdates).toEqual([{ ...dale, links: [] }]);
    // Counts are of what the researcher can see: deleted records go too, uncounted.
    expect(plan.counts).toEqual({ transcripts: 2, inBin: 1, codings: 2, memos: 3, quotes: 1, decisions: 0, changeMatrixCells: 1 });
  });

  it('finds one transcript and what hangs on it, leaving its participant and their matrix cells', () => {
    const plan = planPurge(records(), { kind: 'source', sourceId: 'v2' });
    expect(plan.participantIds).toEqual([]);
    expect(plan.sourceIds).toEqual(['v2']);
    expect(plan.memoIds).toEqual(['m2']);
    expect(plan.decisionIds).toEqual(['x1']);
    expect(plan.frameworkCellIds).toEqual([]);
    expect(plan.participantUpdates).toEqual([]);
  });

  it('names the unsaved-draft journal fields of what it removes', () => {
    const plan = planPurge(records(), { kind: 'source', sourceId: 'v1' });
    expect(plan.codingIds).toEqual(['c1', 'c2']);
    expect(purgedDraftFields(plan)).toEqual([
      'memo:source:v1',
      'coding:c1:',
      'memo:coding:c1',
      'coding:c2:',
      'memo:coding:c2',
      'basket:q1:',
    ]);
    expect(purgedDraftFields(planPurge(records(), { kind: 'participant', participantId: 'pv' })).slice(0, 2)).toEqual([
      'participant:pv:',
      'memo:participant:pv',
    ]);
  });

  it('refuses a participant or transcript that is not there', () => {
    expect(() => planPurge(records(), { kind: 'participant', participantId: 'nobody' })).toThrow(ValidationError);
    expect(() => planPurge(records(), { kind: 'source', sourceId: 'nothing' })).toThrow(ValidationError);
  });

  it('drops history entries that are wholly theirs and takes their part out of shared ones', () => {
    const vCoding = { id: 'c1', sourceId: 'v1', memo: 'secret' };
    const dCoding = { id: 'c4', sourceId: 'd1', memo: 'kept' };
    const history = [
      entry(1, 'sources.import', 'Imported 3 transcript(s)', {
        sourceIds: ['v1', 'd1', 'v2'],
        fileNames: ['Vesna_T1.docx', 'Dale_T1.docx', 'V2.docx'],
      }),
      entry(2, 'source.update', 'Changed Vesna_T1', { id: 'v1', before: { title: 'Old' }, after: { title: 'Vesna_T1' } }),
      entry(3, 'participant.save', 'Saved participant Vesna', { ...vesna }),
      entry(4, 'participant.save', 'Saved participant Dale', { ...dale }),
      entry(5, 'edit', 'Apply "Care"', { label: 'Apply "Care"', changes: [{ table: 'codings', before: null, after: vCoding }] }, true),
      entry(
        6,
        'edit',
        'Delete "Care"',
        {
          label: 'Delete "Care"',
          changes: [
            { table: 'codes', before: { id: 'k' }, after: { id: 'k', deletedAt: 1 } },
            { table: 'codings', before: vCoding, after: { ...vCoding, deletedAt: 1 } },
            { table: 'codings', before: dCoding, after: { ...dCoding, deletedAt: 1 } },
          ],
        },
        true,
      ),
      // A coding that exists only in an undone step, and a memo on it in another.
      {
        ...entry(
          7,
          'edit',
          'Apply',
          { label: 'Apply', changes: [{ table: 'codings', before: null, after: { id: 'c9', sourceId: 'v1' } }] },
          true,
        ),
        state: 'undone' as const,
      },
      entry(
        8,
        'edit',
        'Edit coding memo',
        {
          label: 'Edit coding memo',
          changes: [{ table: 'memos', before: null, after: { id: 'm9', target: 'coding', targetId: 'c9', text: 'x' } }],
        },
        true,
      ),
      entry(
        9,
        'edit',
        'Change matrix: Vesna × Care',
        { label: 'Change matrix', changes: [{ table: 'frameworkCells', before: null, after: { id: 'f1', participantId: 'pv' } }] },
        true,
      ),
      entry(10, 'project.create', 'Created project "Vesna study"'),
      entry(
        11,
        'edit',
        'Add a quote to the basket',
        { label: 'q', changes: [{ table: 'basketItems', before: null, after: { id: 'q2', sourceId: 'd1' } }] },
        true,
      ),
    ];
    const plan = planPurge(records(history), { kind: 'participant', participantId: 'pv' });
    expect(plan.historyDeletes).toEqual([2, 3, 5, 7, 8, 9]);
    const bySeq = new Map(plan.historyUpdates.map((e) => [e.seq, e]));
    expect([...bySeq.keys()]).toEqual([1, 4, 6, 10]);
    expect(bySeq.get(1)!.data).toEqual({ sourceIds: ['d1'], fileNames: ['Dale_T1.docx'] });
    expect((bySeq.get(4)!.data as { links: unknown[] }).links).toEqual([]);
    const shared = (history[5]!.data as { changes: unknown[] }).changes;
    expect(bySeq.get(6)!.data).toEqual({ label: 'Delete "Care"', changes: [shared[0], shared[2]] });
    expect(bySeq.get(6)!.state).toBe('done');
    // The project's own name happens to hold the pseudonym: it is cut from the summary only.
    expect(bySeq.get(10)!.summary).toBe('Created project "(removed) study"');
    expect(JSON.stringify(plan.historyUpdates)).not.toMatch(/Vesna|secret|pv/);
  });
});

describe('names in summaries, confirmation, log line, restore', () => {
  it('cuts whole words only, longest name first', () => {
    expect(withoutNames('Moved Ana_T1 to the bin; Ana said; Analysis stays', ['Ana', 'Ana_T1'])).toBe(
      'Moved (removed) to the bin; (removed) said; Analysis stays',
    );
    expect(withoutNames('Renamed (a+b)?', ['(a+b)?'])).toBe('Renamed (removed)');
    expect(withoutNames('Zoë met Zoëlle', ['Zoë'])).toBe('(removed) met Zoëlle');
    expect(withoutNames('nothing', ['', '  '])).toBe('nothing');
  });

  it('confirms only with the pseudonym as typed, spaces around it aside', () => {
    expect(purgeConfirmed(' Vesna ', 'Vesna')).toBe(true);
    expect(purgeConfirmed('vesna', 'Vesna')).toBe(false);
    expect(purgeConfirmed('', '')).toBe(false);
  });

  it('logs counts and the day, nothing else', () => {
    const counts = { transcripts: 1, inBin: 0, codings: 41, memos: 1, quotes: 2, decisions: 0, changeMatrixCells: 0 };
    const now = new Date(2025, 2, 7, 15, 30).getTime();
    expect(purgeLogSummary({ target: { kind: 'participant', participantId: 'pv' }, counts }, now)).toBe(
      'A participant was purged on 2025-03-07: 1 transcript, 41 codings, 1 memo, 2 quotes, 0 consensus decisions removed',
    );
    expect(purgeLogSummary({ target: { kind: 'source', sourceId: 'v1' }, counts }, now)).toBe(
      'A transcript was deleted for ever on 2025-03-07: 41 codings, 1 memo, 2 quotes, 0 consensus decisions removed with it',
    );
    expect(describePurgeCounts({ ...counts, changeMatrixCells: 3 })).toMatch(/, 3 change-matrix cells$/);
  });

  it('brings a transcript back to its participant and wave, or unassigned when they are gone', () => {
    const waves = [{ id: 'T1' }];
    expect(restorePlacement({ participantId: 'pd', wave: 'T1' }, [dale], waves)).toEqual({ participantId: 'pd', wave: 'T1', notes: [] });
    const gone = restorePlacement({ participantId: 'pd', wave: 'T3' }, [{ ...dale, deletedAt: 1 }], waves);
    expect(gone).toEqual({
      participantId: null,
      wave: null,
      notes: ['its participant was deleted, so it is unassigned', 'wave T3 was removed, so it has no wave'],
    });
  });
});
