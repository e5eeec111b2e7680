// The change matrix's rows by role, and reading it out: a column or a row as text, and the export table.
import { describe, expect, it } from 'vitest';
import { matrixRows } from '../../../renderer/core/waves/changeMatrix';
import { changeMatrixRows, columnText, rowText } from '../../../renderer/core/waves/changeMatrixText';
import type { ProjectSnapshot } from '../../../renderer/core/shared/model';
import { cells, MAN, person, project, ROLES, source, WAVES, WOMAN } from '../../fixtures/changeMatrixProject';

describe('matrixRows', () => {
  const shape = (groups: ReturnType<typeof matrixRows>) => groups.map((g) => [g.role?.id ?? null, g.participants.map((p) => p.pseudonym)]);
  it('groups live participants with transcripts by role in the given order, by pseudonym inside', () => {
    expect(shape(matrixRows(project, { roleOrder: ROLES }))).toEqual([
      ['man', ['Ali', 'Dale']],
      ['woman', ['Beth']],
    ]);
    expect(shape(matrixRows(project, { roleOrder: [WOMAN, MAN] }))).toEqual([
      ['woman', ['Beth']],
      ['man', ['Ali', 'Dale']],
    ]);
    expect(matrixRows(project, { roleOrder: ROLES })[0]!.role).toBe(MAN);
  });
  it('keeps only the chosen roles and puts roles without a definition last', () => {
    expect(shape(matrixRows(project, { roles: ['woman'], roleOrder: ROLES }))).toEqual([['woman', ['Beth']]]);
    expect(shape(matrixRows(project, { roleOrder: [WOMAN] }))).toEqual([
      ['woman', ['Beth']],
      [null, ['Ali', 'Dale']],
    ]);
    const more: ProjectSnapshot = {
      ...project,
      participants: [
        ...project.participants,
        person('p10', 'P10', 'man', '', ''),
        person('p11', 'p2', 'man', '', ''),
        person('p12', 'Fay', 'friend', '', ''),
      ],
      sources: [
        ...project.sources,
        source('x10', 'p10', 'T1', 'a', ''),
        source('x11', 'p11', 'T2', 'b', ''),
        source('x12', 'p12', 'T1', 'c', ''),
      ],
    };
    expect(shape(matrixRows(more, { roleOrder: [MAN, WOMAN, MAN] }))).toEqual([
      ['man', ['Ali', 'Dale', 'p2', 'P10']],
      ['woman', ['Beth']],
      [null, ['Fay']],
    ]);
    expect(shape(matrixRows(more, { roles: ['friend'], roleOrder: ROLES }))).toEqual([[null, ['Fay']]]);
  });
});

describe('reading a column or a row', () => {
  it('reads a column as one text, skipping empty cells', () => {
    expect(columnText(project, cells, 'k1', WAVES, ROLES)).toBe(
      [
        'Respectful communication — Time 1 → Time 2',
        '',
        'Ali (Man on programme): (no judgement)',
        '  Time 1: (no summary)',
        '  Time 2: Says he is calmer.',
        '',
        'Dale (Man on programme): Strengthened',
        '  Time 1: Shouts when angry.',
        '  Time 2: Talks it through.',
        '',
        '    Listens more.',
      ].join('\n'),
    );
    expect(columnText(project, cells, 'k1a', ['T1', 'T2'], ROLES)).toBe(
      'Respectful communication / Listening — Time 1 → Time 2\n\nDale (Man on programme): Emerged\n  Time 1: (no summary)\n  Time 2: Hears her out.',
    );
    expect(columnText(project, cells, 'k2', WAVES, ROLES, { roles: ['woman'] })).toBe(
      'Control — Time 1 → Time 2\n\n(nothing summarised yet)',
    );
  });
  it('reads a row as one text, codes in the order given', () => {
    expect(rowText(project, cells, 'p1', ['k1', 'k1a', 'k2', 'k3'], WAVES)).toBe(
      [
        'Dale (Man on programme) — Time 1 → Time 2',
        '',
        'Respectful communication: Strengthened',
        '  Time 1: Shouts when angry.',
        '  Time 2: Talks it through.',
        '',
        '    Listens more.',
        '',
        'Respectful communication / Listening: Emerged',
        '  Time 1: (no summary)',
        '  Time 2: Hears her out.',
        '',
        'Control: Unchanged',
        '  Time 1: Keeps the money.',
        '  Time 2: Still keeps the money.',
      ].join('\n'),
    );
    expect(rowText(project, cells, 'p1', ['k1'], ['T2', 'T1'])).toBe(
      'Dale (Man on programme) — Time 2 → Time 1\n\nRespectful communication: Weakened\n  Time 2: Reversed pair.\n  Time 1: (no summary)',
    );
    expect(rowText({ ...project, roles: undefined }, cells, 'p3', ['k1'], WAVES)).toBe(
      'Beth (Woman (ex-)partner) — Time 1 → Time 2\n\n(nothing summarised yet)',
    );
  });
});

describe('changeMatrixRows', () => {
  const header = [
    'participant',
    'role',
    'site',
    'group',
    'code',
    'Time 1 summary',
    'Time 2 summary',
    'judgement',
    'Time 1 passages',
    'Time 2 passages',
  ];
  it('writes a header and one row per participant and code, empty cells included', () => {
    expect(changeMatrixRows(project, cells, ['k1', 'k1a'], WAVES, ROLES)).toEqual([
      header,
      ['Ali', 'Man on programme', 'South', 'comparison', 'Respectful communication', '', 'Says he is calmer.', '', 0, 0],
      ['Ali', 'Man on programme', 'South', 'comparison', 'Respectful communication / Listening', '', '', '', 0, 0],
      // Two coders on "I shout at her.": one passage.
      [
        'Dale',
        'Man on programme',
        'North',
        'programme',
        'Respectful communication',
        'Shouts when angry.',
        'Talks it through.\n\nListens more.',
        'Strengthened',
        1,
        2,
      ],
      ['Dale', 'Man on programme', 'North', 'programme', 'Respectful communication / Listening', '', 'Hears her out.', 'Emerged', 1, 1],
      ['Beth', 'Woman (ex-)partner', 'North', '', 'Respectful communication', '', '', '', 0, 1],
      ['Beth', 'Woman (ex-)partner', 'North', '', 'Respectful communication / Listening', '', '', '', 0, 0],
    ]);
  });
  it('counts passages with the evidence options and keeps the chosen roles', () => {
    expect(changeMatrixRows(project, cells, ['k1'], WAVES, ROLES, { includeChildren: true, coderIds: ['me'], roles: ['man'] })).toEqual([
      header,
      ['Ali', 'Man on programme', 'South', 'comparison', 'Respectful communication', '', 'Says he is calmer.', '', 0, 0],
      [
        'Dale',
        'Man on programme',
        'North',
        'programme',
        'Respectful communication',
        'Shouts when angry.',
        'Talks it through.\n\nListens more.',
        'Strengthened',
        2,
        3,
      ],
    ]);
  });
});
