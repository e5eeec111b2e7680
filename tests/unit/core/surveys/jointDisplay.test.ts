// Joint displays: the survey's change and the interviews' change per indicator, side by side,
// and whether they point the same way, over tests/fixtures/surveyProject.ts (hand-counted).
import { describe, expect, it } from 'vitest';
import {
  convergenceOf,
  defaultTimePoints,
  jointDisplay,
  jointDisplayParagraph,
  whenText,
  jointDisplayRows,
  pText,
} from '../../../../renderer/core/surveys';
import { surveyProject as project } from '../../../fixtures/surveyProject';

describe('jointDisplay', () => {
  it('puts each indicator’s survey change beside its interview change, compared at the time points mapped to the waves', () => {
    const display = jointDisplay(project(), 'respect');
    expect(display.measureName).toBe('respect');
    expect([display.from?.id, display.to?.id, display.group, display.pair]).toEqual(['tp0', 'tp2', 'programme', ['T1', 'T2']]);
    expect(display.rows.map((r) => [r.codeId, r.depth])).toEqual([
      ['negotiates', 1],
      ['listens', 1],
      ['money', 1],
    ]);
    const [negotiates, listens, money] = display.rows;
    expect(negotiates!.survey[0]!.from).toEqual({ timePointId: 'tp0', n: 4, reported: 1, share: 0.25 });
    expect(negotiates!.survey[0]!.to).toEqual({ timePointId: 'tp2', n: 4, reported: 3, share: 0.75 });
    expect(negotiates!.survey[0]!.paired).toMatchObject({ n: 4, bothYes: 1, firstOnly: 0, secondOnly: 2, neither: 1 });
    expect(negotiates!.interview!.first).toMatchObject({ participants: 1, interviewed: 4 });
    expect(negotiates!.interview!.second).toMatchObject({ participants: 3, interviewed: 4 });
    expect(negotiates!.interview!.paired).toMatchObject({ firstOnly: 0, secondOnly: 2, both: 1, neither: 1 });
    expect([negotiates!.surveyDirection, negotiates!.interviewDirection, negotiates!.convergence]).toEqual([
      'improved',
      'improved',
      'converging',
    ]);
    expect([listens!.surveyDirection, listens!.interviewDirection, listens!.convergence]).toEqual(['improved', 'worsened', 'diverging']);
    // Fewer is better: the survey's fall is an improvement; the interviews held still.
    expect([money!.surveyDirection, money!.interviewDirection, money!.convergence]).toEqual(['improved', 'unchanged', 'survey only']);
  });

  it('takes the time points, the group and the threshold asked for', () => {
    const display = jointDisplay(project(), 'respect', { from: 'tp0', to: 'tp1', group: 'comparison', minChange: 0.5 });
    expect([display.from?.id, display.to?.id, display.group]).toEqual(['tp0', 'tp1', 'comparison']);
    // The comparison woman answered at tp0 and tp2 only: nothing to compare at tp1.
    expect(display.rows[0]!.survey[0]!.to.n).toBe(0);
    expect(display.rows[0]!.surveyDirection).toBe('unknown');
    const strict = jointDisplay(project(), 'respect', { minChange: 0.51 });
    expect(strict.rows[0]!.surveyDirection).toBe('unchanged'); // 50 points is under 51
    expect(jointDisplay(project(), 'respect', { minChange: 0.5 }).rows[0]!.surveyDirection).toBe('improved');
  });

  it('keeps at most three chosen quotes per wave, and has no rows for a deleted or unknown measure', () => {
    const display = jointDisplay(project(), 'respect', { quotes: { negotiates: { T1: ['a', 'b', 'c', 'd'], T2: ['e'] } } });
    expect(display.rows[0]!.quotes).toEqual({ T1: ['a', 'b', 'c'], T2: ['e'] });
    expect(jointDisplay(project(), 'nothing').rows).toEqual([]);
    const gone = project();
    gone.codes[0] = { ...gone.codes[0]!, deletedAt: 5 };
    expect(jointDisplay(gone, 'respect').rows).toEqual([]);
  });

  it('reports a row with no survey item as unknown, and the measure’s own items first', () => {
    const p = project();
    p.surveyItems = [...p.surveyItems!, { id: 'i-all', label: 'respect overall', type: 'binary', reported: [1], codeId: 'respect' }];
    p.surveyItems = p.surveyItems.filter((i) => i.id !== 'i-lis');
    const display = jointDisplay(p, 'respect');
    expect(display.rows.map((r) => r.codeId)).toEqual(['respect', 'negotiates', 'listens', 'money']);
    expect(display.rows[0]!.depth).toBe(0);
    expect(display.rows[2]!.survey).toEqual([]);
    expect(display.rows[2]!.convergence).toBe('unknown');
  });
});

describe('defaultTimePoints and convergenceOf', () => {
  it('falls back to the first and last time point when none is mapped to a wave', () => {
    const tps = [
      { id: 'b', label: 'B', order: 1 },
      { id: 'a', label: 'A', order: 0 },
      { id: 'c', label: 'C', order: 2, deletedAt: 3 },
    ];
    expect(defaultTimePoints(tps, ['T1', 'T2'])).toMatchObject({ from: { id: 'a' }, to: { id: 'b' } });
    expect(defaultTimePoints([], null)).toEqual({ from: null, to: null });
  });

  it('names every pair of directions', () => {
    expect(convergenceOf('improved', 'improved')).toBe('converging');
    expect(convergenceOf('worsened', 'worsened')).toBe('converging');
    expect(convergenceOf('improved', 'worsened')).toBe('diverging');
    expect(convergenceOf('unchanged', 'unchanged')).toBe('both unchanged');
    expect(convergenceOf('unchanged', 'improved')).toBe('interviews only');
    expect(convergenceOf('worsened', 'unchanged')).toBe('survey only');
    expect(convergenceOf('unknown', 'improved')).toBe('unknown');
  });
});

describe('the joint display in words and tables', () => {
  it('lays out one line per item with the interview figures and the chosen quotes', () => {
    const display = jointDisplay(project(), 'respect', { quotes: { negotiates: { T2: ['q1', 'gone'] } } });
    const rows = jointDisplayRows(display, project(), (id) => (id === 'q1' ? '“We talk now.” (W1, Time 2)' : null));
    expect(rows[0]).toEqual([
      'Indicator',
      'Survey item',
      'Survey: Before',
      'Survey: 12 months',
      'Change',
      'Paired test',
      'Interviews: Time 1',
      'Interviews: Time 2',
      'Emerged',
      'Ceased',
      'Quotes: Time 1',
      'Quotes: Time 2',
      'Survey and interviews',
    ]);
    expect(rows[1]).toEqual([
      'negotiates',
      'negotiates',
      '25% (n = 4)',
      '75% (n = 4)',
      '+50 points',
      'McNemar exact p = 0.50, n = 4',
      '1 of 4',
      '3 of 4',
      2,
      0,
      '',
      '“We talk now.” (W1, Time 2)',
      'Both point the same way',
    ]);
    expect(rows[3]![4]).toBe('−50 points');
    expect(rows[3]![12]).toBe('Survey changed, interviews did not');
  });

  it('drafts a paragraph from the figures', () => {
    const text = jointDisplayParagraph(jointDisplay(project(), 'respect'), project(), {
      respondents: 'women',
      interviewees: 'women interviewed',
    });
    expect(text).toContain(
      "For 'negotiates', 25% of women (n = 4) reported this before compared to 75% (n = 4) at 12 months (McNemar exact p = 0.50, n = 4 answering at both).",
    );
    expect(text).toContain(
      'In the interviews, 1 of 4 women interviewed at Time 1 and 3 of 4 at Time 2 spoke of negotiates (2 emerged, 0 ceased); the interviews echoed the survey (both improved).',
    );
    expect(text).toContain('Across 3 indicators of respect, the survey and the interviews agreed on 1 and diverged on 1 (listens).');
  });

  it('tests an ordinal item’s paired change with Wilcoxon, not McNemar', () => {
    const p = project();
    p.surveyItems![0] = { ...p.surveyItems![0]!, type: 'ordinal' };
    const display = jointDisplay(p, 'respect');
    expect(display.rows[0]!.survey[0]!.ordinal).toMatchObject({ n: 4, increased: 2, decreased: 0, unchanged: 2 });
    expect(jointDisplayRows(display, p, () => null)[1]![5]).toBe('Wilcoxon exact p = 0.50, n = 4');
    expect(jointDisplayParagraph(display, p)).toContain('(Wilcoxon exact p = 0.50, n = 4 answering at both)');
  });

  it('puts a time point into a sentence as its label reads', () => {
    expect([whenText('Before the programme'), whenText('12 months'), whenText('After 6 weeks')]).toEqual([
      'before the programme',
      'at 12 months',
      'after 6 weeks',
    ]);
  });

  it('prints p as journals do', () => {
    expect([pText(0.0004), pText(0.0123), pText(0.5)]).toEqual(['p < 0.001', 'p = 0.012', 'p = 0.50']);
  });
});
