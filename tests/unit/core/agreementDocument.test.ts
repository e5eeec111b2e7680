// The report document: the sections of the tab in its order, the disagreements with each coder's
// passage and the decision taken, the decision log, and dates in the reader's locale.
import { describe, expect, it } from 'vitest';
import { applyToArrays } from '../../../renderer/core/shared/changes';
import { compareCoders } from '../../../renderer/core/agreement/compare';
import { resolveDisagreement } from '../../../renderer/core/agreement/consensus';
import { decisionLine, decisionLogTable, disagreementTable, formatWhen } from '../../../renderer/core/agreement/decisionLog';
import { disagreements } from '../../../renderer/core/agreement/disagreements';
import { agreementSections } from '../../../renderer/core/agreement/document';
import { tableRows } from '../../../renderer/core/agreement/tables';
import type { ProjectSnapshot } from '../../../renderer/core/shared/model';
import { twoCoderProject } from '../../fixtures/agreementProject';

// 5 March 2025, 14:07 UTC: day and month tell a British date from an American one.
const MARCH_5 = Date.UTC(2025, 2, 5, 14, 7);

/** The fixture with its one disagreement resolved: neither version, by Ana, on 5 March 2025. */
function withDecision(): ProjectSnapshot {
  const list = disagreements(twoCoderProject, { coderIds: ['a', 'b'] });
  let k = 0;
  const action = resolveDisagreement(
    { coders: twoCoderProject.coders, codings: twoCoderProject.codings },
    list[0]!,
    'neither',
    'Not a use of the code.',
    'Ana',
    MARCH_5,
    () => `d${++k}`,
  );
  const state: Parameters<typeof applyToArrays>[0] = {
    coders: [...twoCoderProject.coders],
    codings: [...twoCoderProject.codings],
    decisions: [],
  };
  applyToArrays(state, action);
  return { ...twoCoderProject, coders: state.coders!, codings: state.codings!, decisions: state.decisions! };
}

describe('dates in the reader’s locale', () => {
  it('British day first, American month first, both medium date and short time', () => {
    expect(formatWhen(MARCH_5, 'en-GB', 'UTC')).toBe('5 Mar 2025, 14:07');
    expect(formatWhen(MARCH_5, 'en-US', 'UTC')).toMatch(/^Mar 5, 2025, 2:07\sPM$/);
    expect(formatWhen(MARCH_5, 'de-DE', 'UTC')).toBe('05.03.2025, 14:07');
  });

  it('the line under a resolved disagreement', () => {
    const project = withDecision();
    expect(decisionLine(project.decisions![0]!, (id) => project.coders.find((c) => c.id === id)?.name ?? id, 'en-GB', 'UTC')).toBe(
      'Resolved: neither version taken into the consensus layer, by Ana, 5 Mar 2025, 14:07 — “Not a use of the code.”',
    );
  });
});

describe('disagreements and decisions as tables', () => {
  const project = withDecision();

  it('one column per coder with the passage each coded, and the decision or "open"', () => {
    const list = disagreements(project, { coderIds: ['a', 'b'] });
    const table = disagreementTable(
      list,
      project,
      (d) => project.decisions!.find((x) => x.start === d.start && x.sourceId === d.sourceId && x.codeId === d.codeId),
      { locale: 'en-GB', timeZone: 'UTC' },
    );
    // 'split' in s2: Ana coded turn 3 ("Charlie 3 "), Ben nothing.
    expect(tableRows(table, 'shown')).toEqual([
      ['Transcript', 'Code', 'Disagreement', 'Ana', 'Ben', 'Decision'],
      ['s2', 'Split', 'coded by one coder only', 'Charlie 3 ', 'not coded', 'neither version, by Ana, 5 Mar 2025, 14:07'],
    ]);
  });

  it('the decision log: live decisions on the compared transcripts, with the date as shown and ISO in files', () => {
    const table = decisionLogTable(project, ['s1', 's2', 's3'], { locale: 'en-GB', timeZone: 'UTC' });
    expect(tableRows(table, 'shown')).toEqual([
      ['When', 'Transcript', 'Code', 'Coders compared', 'Taken into consensus', 'Decided by', 'Why'],
      ['5 Mar 2025, 14:07', 's2', 'Split', 'Ana, Ben', 'neither version', 'Ana', 'Not a use of the code.'],
    ]);
    expect(tableRows(table, 'raw')[1]![0]).toBe('2025-03-05T14:07:00.000Z');
    expect(decisionLogTable(project, ['s1'], {}).rows).toEqual([]);
    const undone = { ...project, decisions: project.decisions!.map((d) => ({ ...d, deletedAt: 1 })) };
    expect(decisionLogTable(undone, ['s2'], {}).rows).toEqual([]);
  });
});

describe('the report document', () => {
  const project = withDecision();

  it('holds every table the tab shows, in its order, then a key to the statistics', () => {
    const report = compareCoders(project, { coderIds: ['a', 'b'], unit: 'turn' });
    const sections = agreementSections(report, project, { locale: 'en-GB', timeZone: 'UTC' });
    expect(sections.map((s) => s.id)).toEqual([
      'methods',
      'by-code',
      'disagreements',
      'by-wave',
      'by-wave-code',
      'by-code-source',
      'by-source',
      'decisions',
      'statistics',
    ]);
    expect(sections[0]!.paragraphs![0]).toMatch(/^Two coders \(Ana and Ben\)/);
    expect(sections.find((s) => s.id === 'statistics')!.table!.rows.map((r) => r.cells[0]!.text)).toEqual([
      'Units compared',
      'Percent agreement',
      "Cohen's kappa",
      "Scott's pi",
      "Gwet's AC1",
      'Brennan–Prediger',
      "Krippendorff's alpha",
      'Verdict',
    ]);
  });

  it('with one wave there is no by-wave table; the disagreements follow the segment overlap share', () => {
    const oneWave = { ...project, sources: project.sources.map((s) => ({ ...s, wave: 'T2' })) };
    const report = compareCoders(oneWave, { coderIds: ['a', 'b'], unit: 'segment', overlap: 0.9 });
    const ids = agreementSections(report, oneWave).map((s) => s.id);
    expect(ids).not.toContain('by-wave');
    expect(ids).toContain('disagreements');
  });
});
