// The report on hand-built transcripts: the methods paragraph agrees with the table (same
// statistic, same counts), codes nobody used are "not coded by anyone" and left out of every
// pool, and a code with no variation gets "no variation: undefined" and no verdict.
import { describe, expect, it } from 'vitest';
import { compareCoders } from '../../../renderer/core/agreement/compare';
import { agreementRows, methodsParagraph, verdict } from '../../../renderer/core/agreement/report';
import {
  byCodeTable,
  bySourceTable,
  byWaveCodeTable,
  byWaveTable,
  countCell,
  numberCell,
  tableRows,
} from '../../../renderer/core/agreement/tables';
import { twoCoderProject as project } from '../../fixtures/agreementProject';

const rowOf = (table: ReturnType<typeof byCodeTable>, name: string) => table.rows.find((r) => r.cells[0]!.text === name)!;

describe('a code every coder applied in every transcript (no variation)', () => {
  const r = compareCoders(project, { coderIds: ['a', 'b'], unit: 'document' });
  const every = r.perCode.find((c) => c.codeId === 'every')!;

  it('has no alpha or kappa, and no verdict', () => {
    expect(every.table).toEqual({ both: 3, onlyFirst: 0, onlySecond: 0, neither: 0 });
    expect(every.stats.alpha).toBeNull();
    expect(every.stats.kappa).toBeNull();
    expect(verdict(every.stats, true)).toBe('undefined');
  });

  it('is shown as "no variation: undefined", its kappa, pi and alpha as —', () => {
    const row = rowOf(byCodeTable(r, project, { locale: 'en' }), 'Everywhere');
    expect(row.cells.map((c) => c.text)).toEqual(['Everywhere', '3', '1.000', '—', '—', '1.000', '1.000', '—', 'no variation: undefined']);
    expect(row.verdict).toBe('undefined');
  });

  it('is counted in the paragraph as undefined, not as reaching the threshold', () => {
    const text = methodsParagraph(r, project);
    expect(text).toMatch(
      /For 1 code \(Everywhere\) alpha is undefined and no verdict is given: every coder applied it to every unit, so there was no variation/,
    );
    const table = byCodeTable(r, project);
    const reliable = table.rows.filter((row) => !row.pooled && row.verdict === 'reliable').length;
    expect(text).toContain(`${reliable === 1 ? '1 code' : `${reliable} codes`} reached alpha ≥ 0.8`);
    expect(reliable).toBe(1); // 'late': alpha 1 over s1–s3 ({both 1, neither 2})
  });
});

describe('a code nobody used', () => {
  const r = compareCoders(project, { coderIds: ['a', 'b'], unit: 'turn' });

  it('is "not coded by anyone", with no statistic, in the table and the CSV', () => {
    const row = rowOf(byCodeTable(r, project, { locale: 'en' }), 'Never used');
    expect(row.cells.map((c) => c.text)).toEqual(['Never used', '12', '—', '—', '—', '—', '—', '—', 'not coded by anyone']);
    expect(agreementRows(r, project).find((cells) => cells[0] === 'Never used')).toEqual([
      'Never used',
      'speaker turn',
      12,
      '',
      '',
      '',
      '',
      '',
      '',
      'not coded by anyone',
    ]);
  });

  it('is counted as such in the paragraph and left out of the pool', () => {
    expect(methodsParagraph(r, project)).toMatch(
      /each of the 3 codes they used.*1 code of the codebook was not coded by anyone in these transcripts and is left out of the pooled figures\./,
    );
    // 3 used codes x 12 turns.
    expect(r.pooled.units).toBe(36);
  });

  it('a code used at one wave only is "not coded" at the other, and left out of that wave’s pool', () => {
    const t1 = r.byWave.find((w) => w.waveId === 'T1')!;
    expect(t1.perCode.find((c) => c.codeId === 'late')!.used).toBe(false);
    expect(r.byWave.find((w) => w.waveId === 'T2')!.perCode.find((c) => c.codeId === 'late')!.used).toBe(true);
    // Time 1: s1 only, 'every' and 'split' used there: 2 codes x 4 turns.
    expect(t1.pooled.units).toBe(8);
    const lateRow = byWaveCodeTable(r, project).rows.find((row) => row.key === 'late')!;
    expect(lateRow.cells.map((c) => c.text)).toEqual(['Late', 'not coded', '1.000']);
    expect(lateRow.cells[1]!.verdict).toBe('unused');
    // Each transcript's pool counts the codes used in it: s1 'every' + 'split', s2 the same, s3 'every' + 'late'.
    expect(r.bySource.map((s) => s.stats.units)).toEqual([8, 8, 8]);
  });
});

describe('the segment unit: text and colours use percent agreement, the statistic the table shows', () => {
  const r = compareCoders(project, { coderIds: ['a', 'b'], unit: 'segment' });
  const table = byCodeTable(r, project);

  it('judges on percent agreement; alpha is undefined throughout', () => {
    expect(r.perCode.every((c) => c.stats.alpha === null)).toBe(true);
    const split = rowOf(table, 'Split');
    // s1 [30,40) matched by both (2 segments), s2 Ana's [20,30) unmatched: 2 of 3.
    expect(split.cells[2]!.text).toBe('0.667');
    expect(split.cells[2]!.verdict).toBe('below'); // 2/3 = .6667, just under the .667 threshold
    expect(split.cells[7]!.verdict).toBeUndefined();
    expect(rowOf(table, 'Late').verdict).toBe('reliable');
  });

  it('the paragraph counts the verdicts the table shows, names percent agreement and says alpha is undefined', () => {
    const text = methodsParagraph(r, project);
    const count = (v: string) => table.rows.filter((row) => !row.pooled && row.verdict === v).length;
    expect(text).toContain(
      `${count('reliable')} codes reached percent agreement ≥ 0.8, ${count('tentative')} reached ≥ 0.667, and ${count('below')} fell below (Split)`,
    );
    expect(count('reliable')).toBe(2);
    expect(text).not.toMatch(/alpha ≥/);
    expect(text).toMatch(/Chance-corrected coefficients \(kappa, pi, AC1, Brennan–Prediger, alpha\) are undefined at this unit/);
    expect(text).toMatch(/1 code of the codebook was not coded by anyone/);
  });
});

describe('verdicts', () => {
  const s = { units: 10, agreement: 0.9, kappa: 0.7, pi: 0.7, ac1: 0.8, bp: 0.8, alpha: null };

  it('never fall back to another statistic: an undefined one gives no verdict', () => {
    expect(verdict(s, true)).toBe('undefined');
    expect(verdict(s, true, undefined, 'agreement')).toBe('reliable');
    expect(verdict({ ...s, agreement: null }, true, undefined, 'agreement')).toBe('undefined');
    expect(verdict(s, false)).toBe('unused');
  });
});

describe('tables', () => {
  const r = compareCoders(project, { coderIds: ['a', 'b'], unit: 'turn' });

  it('numbers in the reader’s locale on screen and in Word, plain in CSV', () => {
    expect(countCell(3080, 'en-GB')).toEqual({ text: '3,080', raw: '3080', number: 3080 });
    expect(countCell(3080, 'de')).toEqual({ text: '3.080', raw: '3080', number: 3080 });
    expect(numberCell(0.5, 'de')).toEqual({ text: '0,500', raw: '0.500', number: 0.5 });
    expect(numberCell(-0.0001, 'en')).toEqual({ text: '0.000', raw: '0.000', number: 0 });
    expect(numberCell(1234.5, 'en')).toEqual({ text: '1,234.500', raw: '1234.500', number: 1234.5 });
    expect(numberCell(null, 'en')).toEqual({ text: '—', raw: '' });
  });

  it('every column of a statistic explains itself', () => {
    const columns = byCodeTable(r, project).columns;
    expect(columns.map((c) => c.short)).toEqual(['Code', 'Units', 'Agreement', 'Cohen κ', 'Scott π', 'AC1', 'B–P', 'α', 'Verdict']);
    for (const c of columns.slice(1)) expect(c.help).toBeTruthy();
    expect(columns.find((c) => c.short === 'Cohen κ')!.help).toMatch(/chance/);
    expect(
      byCodeTable(compareCoders(project, { coderIds: ['a', 'b'], unit: 'segment' }), project).columns.find((c) => c.short === 'α')!.help,
    ).toMatch(/Undefined at the coded-segment unit/);
  });

  it('by wave and by transcript: pools and verdicts as text, header first', () => {
    expect(tableRows(byWaveTable(r, project, { locale: 'en' }), 'shown')[0]).toEqual([
      'Wave',
      'Units compared',
      'Percent agreement',
      "Cohen's kappa",
      "Krippendorff's alpha",
      'Verdict',
    ]);
    expect(byWaveTable(r, project).rows.map((row) => row.cells[0]!.text)).toEqual(['Time 1', 'Time 2']);
    expect(bySourceTable(r, project).rows.map((row) => row.cells.slice(0, 3).map((c) => c.text))).toEqual([
      ['s1', 'Time 1', '8'],
      ['s2', 'Time 2', '8'],
      ['s3', 'Time 2', '8'],
    ]);
  });
});
