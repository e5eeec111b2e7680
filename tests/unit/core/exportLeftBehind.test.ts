import { describe, expect, it } from 'vitest';
import { carriedByQdpx, leftBehindByQdpx, type AppOnlyWork } from '../../../renderer/core/merge/exportLeftBehind';
import type { BasketItem, Decision, FrameworkCell } from '../../../renderer/core/shared/model';
import { DEFAULT_QUOTE_SETTINGS } from '../../../renderer/core/quotes/quoteSettings';
import { smallProject } from '../../fixtures/snapshots';

const cell = (id: string, fields: Partial<FrameworkCell> = {}): FrameworkCell => ({
  id,
  participantId: 'p',
  codeId: 'c',
  waves: ['T1', 'T2'],
  firstSummary: '',
  secondSummary: '',
  judgement: '',
  updatedAt: 1,
  deletedAt: null,
  ...fields,
});
const quote = (id: string, deletedAt: number | null = null): BasketItem => ({
  id,
  sourceId: 's',
  start: 0,
  end: 5,
  codeIds: [],
  label: '',
  usedIn: '',
  order: 0,
  cuts: [],
  addedAt: 1,
  updatedAt: 1,
  deletedAt,
});
const decision = (id: string, deletedAt: number | null = null): Decision => ({
  id,
  sourceId: 's',
  codeId: 'c',
  start: 0,
  end: 5,
  coderIds: ['a', 'b'],
  choice: 'first',
  why: '',
  decidedBy: 'a',
  decidedAt: 1,
  codingIds: [],
  deletedAt,
});
const nothing = (): AppOnlyWork => ({
  frameworkCells: [],
  decisions: [],
  basketItems: [],
  redactions: [],
  quoteSettings: DEFAULT_QUOTE_SETTINGS,
});

describe('what a .qdpx export leaves behind', () => {
  it('is nothing for a project with no app-only work', () => {
    expect(leftBehindByQdpx(nothing())).toEqual([]);
  });

  it('counts change-matrix cells with something in them, live basket quotes, redactions and decisions', () => {
    const work: AppOnlyWork = {
      ...nothing(),
      frameworkCells: [
        cell('a', { firstSummary: 'Shouted' }),
        cell('b', { judgement: 'emerged' }),
        cell('c', { secondSummary: '  ' }),
        cell('d', { firstSummary: 'x', deletedAt: 5 }),
      ],
      basketItems: [quote('q1'), quote('q2'), quote('q3', 9)],
      redactions: [{ find: 'Sarah', replace: "[partner's name]" }],
      decisions: [decision('d1'), decision('d2'), decision('d3'), decision('d4', 7)],
    };
    expect(leftBehindByQdpx(work)).toEqual([
      { kind: 'changeMatrix', count: 2, label: '2 change-matrix cells (summaries and judgements)' },
      { kind: 'basket', count: 2, label: '2 quotes in the basket (with their labels, cuts and papers)' },
      { kind: 'redactions', count: 1, label: '1 redaction list entry' },
      { kind: 'decisions', count: 3, label: '3 consensus decisions in the decision log (who, when, why)' },
    ]);
  });

  it('names the survey, which REFI-QDA has no place for', () => {
    expect(leftBehindByQdpx({ ...nothing(), survey: { answers: 0, people: 0, items: 0, timePoints: 0 } })).toEqual([]);
    expect(leftBehindByQdpx({ ...nothing(), survey: { answers: 2211, people: 30, items: 14, timePoints: 6 } })).toEqual([
      {
        kind: 'survey',
        count: 2211,
        label: 'the survey: 2,211 answers from 30 people to 14 items at 6 time points (the survey-only participants go as cases)',
      },
    ]);
  });

  it('names a quote style that differs from the default, and not the default one', () => {
    const style = { ...DEFAULT_QUOTE_SETTINGS, template: '({pseudonym}, {role}, {wave})', ellipsis: '[...]' as const };
    expect(leftBehindByQdpx({ ...nothing(), quoteSettings: style })).toEqual([
      { kind: 'quoteStyle', count: 1, label: 'the quote style (attribution "({pseudonym}, {role}, {wave})", ellipsis [...])' },
    ]);
    expect(leftBehindByQdpx({ ...nothing(), quoteSettings: { ...DEFAULT_QUOTE_SETTINGS } })).toEqual([]);
    expect(leftBehindByQdpx({ ...nothing(), quoteSettings: { ...DEFAULT_QUOTE_SETTINGS, maxWords: 40 } })[0]!.label).toBe(
      `the quote style (attribution "${DEFAULT_QUOTE_SETTINGS.template}", ellipsis …, quotes up to 40 words)`,
    );
    expect(leftBehindByQdpx({ ...nothing(), quoteSettings: { ...DEFAULT_QUOTE_SETTINGS, interviewer: 'omit' } })[0]!.label).toBe(
      `the quote style (attribution "${DEFAULT_QUOTE_SETTINGS.template}", ellipsis …, interviewer turns left out)`,
    );
  });
});

describe('what a .qdpx export carries', () => {
  it('counts live records, and the consensus layer apart from the coders', () => {
    const project = smallProject();
    project.coders.push({ id: 'k', name: 'Consensus', colour: '#5b6472', consensus: true });
    project.codes.push({ ...project.codes[0]!, id: 'gone', deletedAt: 3 });
    expect(carriedByQdpx(project)).toEqual([
      '2 transcripts',
      '2 participants',
      '3 codes',
      '4 codings by 2 coders and the consensus layer',
      '5 memos',
    ]);
  });
});
