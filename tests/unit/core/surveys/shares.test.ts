// The survey tables over small hand-built projects: what counts as missing and as reported,
// groups, soft deletes, duplicate answers, time point order, and a measure's items.
import { describe, expect, it } from 'vitest';
import type { Participant, ProjectSnapshot } from '../../../../renderer/core/shared/model';
import type { SurveyItem, SurveyResponse, SurveyValue } from '../../../../renderer/core/shared/surveyModel';
import {
  groupDifference,
  indicatorShares,
  isReported,
  measureSummary,
  ordinalChange,
  pairedChange,
  surveyScore,
} from '../../../../renderer/core/surveys/shares';
import { fisherExact, wilcoxonSignedRankExact } from '../../../../renderer/core/surveys/stats';
import { mcnemarExact } from '../../../../renderer/core/waves';
import { codeRecord, participantRecord } from '../../../fixtures/records';

/** A project with nothing but what a survey table reads. */
function surveyProject(parts: Partial<ProjectSnapshot>): ProjectSnapshot {
  return { waves: [], participants: [], sources: [], codes: [], codings: [], coders: [], ...parts };
}
const woman = (id: string, group: Participant['group'], extra: Partial<Participant> = {}) =>
  participantRecord(id, id, 'woman', 'A', group, extra);
const item = (id: string, extra: Partial<SurveyItem> = {}): SurveyItem => ({ id, label: id, type: 'binary', reported: [1], ...extra });
/** Answers of one item at one time point, participant → value. */
const answers = (itemId: string, timePointId: string, values: Record<string, SurveyValue>): SurveyResponse[] =>
  Object.entries(values).map(([participantId, value]) => ({ participantId, timePointId, itemId, value }));

// Participants: W1, W2 programme; W3, W4, W6 comparison; W5 no group; WDel deleted.
// Time points (listed out of order): tp0 < tp3 < tp6; tpDel deleted.
const LIKERT = [
  { value: 'Never', label: 'Never' },
  { value: 'Sometimes', label: 'Sometimes' },
  { value: 'Often', label: 'Often' },
];
const project = surveyProject({
  participants: [
    woman('W1', 'programme'),
    woman('W2', 'programme'),
    woman('W3', 'comparison'),
    woman('W4', 'comparison'),
    woman('W5', ''),
    woman('W6', 'comparison'),
    woman('WDel', 'programme', { deletedAt: 1 }),
  ],
  codes: [
    codeRecord('M', 'Measure', null, 0),
    codeRecord('Other', 'Other', null, 1),
    codeRecord('M-b', 'B', 'M', 1),
    codeRecord('M-a', 'A', 'M', 0),
    codeRecord('M-a-x', 'X', 'M-a', 0),
    codeRecord('M-del', 'Gone', 'M', 2, { deletedAt: 1 }),
    codeRecord('Dead', 'Dead measure', null, 2, { deletedAt: 1 }),
  ],
  surveyTimePoints: [
    { id: 'tp6', label: '6 months', order: 2 },
    { id: 'tpDel', label: 'Dropped', order: 3, deletedAt: 1 },
    { id: 'tp0', label: 'Before', order: 0 },
    { id: 'tp3', label: '3 months', order: 1 },
  ],
  surveyItems: [
    item('neg', { reported: [1], missing: [99], codeId: 'M-a', order: 0 }),
    item('yes', { reported: ['Yes'], codeId: 'M', order: 2 }),
    item('likert', { type: 'ordinal', reported: ['Often'], valueLabels: LIKERT, missing: ['Refused'], codeId: 'M-b', order: 0 }),
    item('knows', { codeId: 'M', order: 1 }),
    item('agree', { codeId: 'M-a-x' }),
    item('dropped', { codeId: 'M', order: 0, deletedAt: 1 }),
    item('gone', { codeId: 'M-del' }),
    item('other', { codeId: 'Other' }),
  ],
  surveyResponses: [
    ...answers('neg', 'tp0', { W1: 0, W2: 0, W3: 1, W4: '0', W5: '1', WDel: 1, W9: 1 }),
    { participantId: 'W1', timePointId: 'tp0', itemId: 'neg', value: 1, deletedAt: 5 }, // deleted: W1 stays 0
    ...answers('neg', 'tp3', { W1: 1, W2: 1, W3: 1, W4: null, W5: 1, WDel: 1 }),
    ...answers('neg', 'tp3', { W5: 0 }), // a later duplicate wins: W5 is 0
    ...answers('neg', 'tp6', { W1: 1, W2: 1, W3: 0, W4: '1' }),
    ...answers('neg', 'tp6', { W2: 99 }), // the later duplicate is the missing code: W2 missing
    ...answers('neg', 'tpDel', { W1: 1, W2: 1 }),
    ...answers('yes', 'tp0', { W1: 'Yes', W2: 'No', W3: 'no' }),
    ...answers('yes', 'tp3', { W1: ' yes', W2: 'YES ', W3: 'No' }),
    ...answers('likert', 'tp0', { W1: 'Never', W2: 'Sometimes', W3: 'Often', W4: 'Refused', W5: 1, W6: 'Never' }),
    ...answers('likert', 'tp3', { W1: 'often', W2: 'Often', W3: 'Sometimes', W4: 'Often', W5: 'Sometimes', W6: 'Dunno' }),
    ...answers('dropped', 'tp0', { W1: 1 }),
  ],
});
const neg = project.surveyItems!.find((i) => i.id === 'neg')!;

describe('isReported and surveyScore', () => {
  it('treats null, blanks, non-finite numbers and the missing codes as missing', () => {
    for (const value of [null, undefined, '', '  ', 99, '99', ' 99.0 ', Number.NaN]) expect(isReported(neg, value)).toBeNull();
    expect(isReported(item('x', { missing: ['Refused'] }), 'refused ')).toBeNull();
  });

  it('compares numbers and numeric strings as numbers, other text trimmed and case-insensitively', () => {
    expect(isReported(neg, 1)).toBe(true);
    expect(isReported(neg, '1')).toBe(true);
    expect(isReported(neg, ' 1.0 ')).toBe(true);
    expect(isReported(neg, 0)).toBe(false);
    expect(isReported(neg, 'one')).toBe(false);
    expect(isReported(item('s', { reported: ['1'] }), 1)).toBe(true);
    const yes = item('y', { reported: ['Yes'] });
    expect(isReported(yes, ' yes ')).toBe(true);
    expect(isReported(yes, 'No')).toBe(false);
    expect(isReported(item('none', { reported: [] }), 1)).toBe(false);
  });

  it('scores a number as itself, a label as its value, and a text scale by its labels’ order', () => {
    const likert = project.surveyItems!.find((i) => i.id === 'likert')!;
    expect(surveyScore(likert, 'never')).toBe(0);
    expect(surveyScore(likert, 'Often')).toBe(2);
    expect(surveyScore(likert, '7')).toBe(7);
    expect(surveyScore(likert, 'Dunno')).toBeNull();
    expect(surveyScore(likert, 'Refused')).toBeNull();
    const scale = item('scale', {
      type: 'ordinal',
      valueLabels: [
        { value: 5, label: 'Low' },
        { value: 1, label: 'High' },
      ],
    });
    expect(surveyScore(scale, '1')).toBe(1);
    expect(surveyScore(scale, 5)).toBe(5);
    expect(surveyScore(scale, 'High')).toBe(1); // written as its label: its value
    // Only the ends of a 1–5 scale labelled: the middle keeps its place.
    const ends = item('ends', {
      type: 'ordinal',
      valueLabels: [
        { value: 1, label: 'Never' },
        { value: 5, label: 'Always' },
      ],
    });
    expect([1, 2, 3, 4, 5].map((v) => surveyScore(ends, v))).toEqual([1, 2, 3, 4, 5]);
    expect(surveyScore(ends, 'Always')).toBe(5);
  });
});

describe('indicatorShares', () => {
  it('gives each live time point in order, skipping deleted participants, answers and unknown people', () => {
    expect(indicatorShares(project, 'neg')).toEqual([
      { timePointId: 'tp0', n: 5, reported: 2, share: 0.4 },
      { timePointId: 'tp3', n: 4, reported: 3, share: 0.75 },
      { timePointId: 'tp6', n: 3, reported: 2, share: 2 / 3 },
    ]);
  });

  it('keeps only the listed time points, still in order', () => {
    expect(indicatorShares(project, 'neg', { timePoints: ['tp6', 'tp0', 'tpDel', 'nope'] }).map((e) => e.timePointId)).toEqual([
      'tp0',
      'tp6',
    ]);
  });

  it('filters by group, "" meaning no group', () => {
    expect(indicatorShares(project, 'neg', { group: 'programme' }).map((e) => [e.n, e.reported])).toEqual([
      [2, 0],
      [2, 2],
      [1, 1],
    ]);
    expect(indicatorShares(project, 'neg', { group: 'comparison' }).map((e) => [e.n, e.reported])).toEqual([
      [2, 1],
      [1, 1],
      [2, 1],
    ]);
    expect(indicatorShares(project, 'neg', { group: '' })).toEqual([
      { timePointId: 'tp0', n: 1, reported: 1, share: 1 },
      { timePointId: 'tp3', n: 1, reported: 0, share: 0 },
      { timePointId: 'tp6', n: 0, reported: 0, share: null },
    ]);
  });

  it('gives a deleted or unknown item no answers', () => {
    for (const id of ['dropped', 'nope']) expect(indicatorShares(project, id).map((e) => e.share)).toEqual([null, null, null]);
    expect(indicatorShares(surveyProject({}), 'neg')).toEqual([]);
  });
});

describe('pairedChange', () => {
  it('counts participants answering at both time points', () => {
    // W1, W2 0→1; W3 1→1; W4 missing at tp3; W5 1→0.
    expect(pairedChange(project, 'neg', 'tp0', 'tp3')).toEqual({ n: 4, bothYes: 1, firstOnly: 1, secondOnly: 2, neither: 0, p: 1 });
    // W2 missing at tp6, W5 not asked: W1 0→1, W3 1→0, W4 0→1.
    expect(pairedChange(project, 'neg', 'tp0', 'tp6')).toEqual({ n: 3, bothYes: 0, firstOnly: 1, secondOnly: 2, neither: 0, p: 1 });
    expect(pairedChange(project, 'neg', 'tp0', 'tp3', { group: 'programme' })).toEqual({
      n: 2,
      bothYes: 0,
      firstOnly: 0,
      secondOnly: 2,
      neither: 0,
      p: mcnemarExact(0, 2),
    });
    expect(pairedChange(project, 'neg', 'tp0', 'tpDel').n).toBe(0);
  });

  it('gives McNemar p over a larger sample', () => {
    const people = Array.from({ length: 12 }, (_, i) => woman(`P${i}`, 'programme'));
    const big = surveyProject({
      participants: people,
      surveyTimePoints: [
        { id: 'a', label: 'a', order: 0 },
        { id: 'b', label: 'b', order: 1 },
      ],
      surveyItems: [item('q')],
      // Ten women start to report the indicator, one stops, one reports it both times.
      surveyResponses: people.flatMap((p, i) => [
        { participantId: p.id, timePointId: 'a', itemId: 'q', value: i === 10 || i === 11 ? 1 : 0 },
        { participantId: p.id, timePointId: 'b', itemId: 'q', value: i === 10 ? 0 : 1 },
      ]),
    });
    const change = pairedChange(big, 'q', 'a', 'b');
    expect(change).toMatchObject({ n: 12, bothYes: 1, firstOnly: 1, secondOnly: 10, neither: 0 });
    expect(change.p).toBeCloseTo(0.01171875, 14); // 2 · (1 + 11) / 2^11
  });
});

describe('ordinalChange', () => {
  it('differences the scores of participants scored at both time points', () => {
    // W1 0→2, W2 1→2, W3 2→1, W4 missing at tp0, W5 1 (a number) → 1, W6 'Dunno' not a score.
    const change = ordinalChange(project, 'likert', 'tp0', 'tp3');
    expect(change).toEqual({
      n: 4,
      increased: 2,
      decreased: 1,
      unchanged: 1,
      medianFrom: 1,
      medianTo: 1.5,
      wilcoxon: wilcoxonSignedRankExact([2, 1, -1, 0]),
    });
    expect(change.wilcoxon).toMatchObject({ n: 3, wPlus: 4.5, wMinus: 1.5 });
    expect(ordinalChange(project, 'likert', 'tp0', 'tp3', { group: 'comparison' })).toMatchObject({ n: 1, decreased: 1 });
  });

  it('reads counts as numbers and gives nulls when nobody is scored twice', () => {
    const counts = surveyProject({
      participants: [woman('A', ''), woman('B', ''), woman('C', '')],
      surveyTimePoints: [
        { id: 'a', label: 'a', order: 0 },
        { id: 'b', label: 'b', order: 1 },
      ],
      surveyItems: [item('n', { type: 'count', reported: [], missing: [-9] })],
      surveyResponses: [...answers('n', 'a', { A: '3', B: 5, C: -9 }), ...answers('n', 'b', { A: ' 1 ', B: 'five', C: 2 })],
    });
    expect(ordinalChange(counts, 'n', 'a', 'b')).toMatchObject({ n: 1, decreased: 1, medianFrom: 3, medianTo: 1 });
    expect(ordinalChange(counts, 'n', 'b', 'zz')).toMatchObject({ n: 0, medianFrom: null, medianTo: null, wilcoxon: { p: 1 } });
  });
});

describe('groupDifference', () => {
  it('compares programme and comparison with Fisher', () => {
    expect(groupDifference(project, 'neg', 'tp0')).toEqual({
      programme: { n: 2, reported: 0 },
      comparison: { n: 2, reported: 1 },
      p: fisherExact(0, 2, 1, 1),
    });
    const people = Array.from({ length: 20 }, (_, i) => woman(`P${i}`, i < 10 ? 'programme' : 'comparison'));
    const big = surveyProject({
      participants: [...people, woman('X', '')],
      surveyTimePoints: [{ id: 'a', label: 'a', order: 0 }],
      surveyItems: [item('q')],
      surveyResponses: [
        // Programme: 9 of 10 report it; comparison: 2 of 10. The woman with no group is left out.
        ...people.map((p, i) => ({ participantId: p.id, timePointId: 'a', itemId: 'q', value: i < 9 || i === 10 || i === 11 ? 1 : 0 })),
        { participantId: 'X', timePointId: 'a', itemId: 'q', value: 1 },
      ],
    });
    const difference = groupDifference(big, 'q', 'a');
    expect(difference).toMatchObject({ programme: { n: 10, reported: 9 }, comparison: { n: 10, reported: 2 } });
    expect(difference.p).toBeCloseTo(0.005477494641581328, 14); // scipy.stats.fisher_exact([[9, 1], [2, 8]])
  });
});

describe('measureSummary', () => {
  it("lists the items of the measure and its live descendants in the codebook's order", () => {
    const rows = measureSummary(project, 'M', { from: 'tp0', to: 'tp3' });
    expect(rows.map((r) => [r.item.id, r.codeId])).toEqual([
      ['knows', 'M'],
      ['yes', 'M'],
      ['neg', 'M-a'],
      ['agree', 'M-a-x'],
      ['likert', 'M-b'],
    ]);
    const negRow = rows[2]!;
    expect(negRow.from).toEqual({ timePointId: 'tp0', n: 5, reported: 2, share: 0.4 });
    expect(negRow.to).toEqual({ timePointId: 'tp3', n: 4, reported: 3, share: 0.75 });
    expect(negRow.change).toBeCloseTo(0.35, 14);
    expect(negRow.paired).toEqual(pairedChange(project, 'neg', 'tp0', 'tp3'));
    expect(rows[0]!.change).toBeNull();
    expect(rows[1]!.change).toBeCloseTo(1 / 3, 14); // 'Yes'/'yes'/'YES ' all count
    expect(rows[4]!.change).toBeCloseTo(0.5 - 0.2, 14); // 'Dunno' answers, so counts in n
  });

  it('sorts by change, largest first, nulls last in codebook order', () => {
    const rows = measureSummary(project, 'M', { from: 'tp0', to: 'tp3', sortBy: 'change' });
    expect(rows.map((r) => r.item.id)).toEqual(['neg', 'yes', 'likert', 'knows', 'agree']);
  });

  it('passes the group on, and starts from a child code too', () => {
    const rows = measureSummary(project, 'M-a', { from: 'tp0', to: 'tp3', group: 'programme' });
    expect(rows.map((r) => r.item.id)).toEqual(['neg', 'agree']);
    expect(rows[0]).toMatchObject({ change: 1, paired: { n: 2, secondOnly: 2 } });
  });

  it('gives nothing for a deleted or unknown measure', () => {
    expect(measureSummary(project, 'Dead', { from: 'tp0', to: 'tp3' })).toEqual([]);
    expect(measureSummary(project, 'nope', { from: 'tp0', to: 'tp3' })).toEqual([]);
  });
});
