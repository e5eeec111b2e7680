import { describe, expect, it } from 'vitest';
import { applyToArrays, invert, type Action } from '../../../renderer/core/shared/changes';
import {
  cellEvidence,
  cellKey,
  changeMatrixRows,
  columnText,
  evidenceCounts,
  findCell,
  indexCells,
  isEmptyCell,
  judgementLabel,
  matrixRows,
  rowText,
  setCell,
  suggestJudgement,
  type EvidencePassage,
  type WavePair,
} from '../../../renderer/core/waves/changeMatrix';
import type { Code, Coding, FrameworkCell, Participant, ProjectSnapshot, RoleDef, Source } from '../../../renderer/core/shared/model';
import { waveMatrix } from '../../../renderer/core/waves/waves';

const WAVES: WavePair = ['T1', 'T2'];
const MAN: RoleDef = { id: 'man', label: 'Man on programme' };
const WOMAN: RoleDef = { id: 'woman', label: 'Woman (ex-)partner' };
const ROLES = [MAN, WOMAN];

const person = (
  id: string,
  pseudonym: string,
  role: string,
  site: string,
  group: Participant['group'],
  extra: Partial<Participant> = {},
): Participant => ({
  id,
  pseudonym,
  role,
  site,
  group,
  attributes: {},
  links: [],
  ...extra,
});
const source = (
  id: string,
  participantId: string | null,
  wave: string | null,
  title: string,
  text: string,
  extra: Partial<Source> = {},
): Source => ({
  id,
  participantId,
  wave,
  title,
  text,
  turns: [],
  origin: { fileName: `${id}.docx`, format: 'docx', sha256: '', importedAt: 0 },
  ...extra,
});
const code = (id: string, name: string, parentId: string | null, order: number, extra: Partial<Code> = {}): Code => ({
  id,
  parentId,
  name,
  description: '',
  inclusion: '',
  exclusion: '',
  examples: '',
  colour: '#336699',
  order,
  ...extra,
});

const sources: Source[] = [
  source('s6', 'p1', 'T2', 'Dale T2 b', 'Calm voice.'), // listed first: the evidence must still come after "Dale T2"
  source('s1', 'p1', 'T1', 'Dale T1', 'I shout at her. I never listen. Money is mine.'),
  source('s2', 'p1', 'T2', 'Dale T2', 'We talk it through. I hear her out.'),
  source('s3', 'p2', 'T1', 'Ali T1', 'He controls the money.'),
  source('s4', 'p2', 'T2', 'Ali T2', 'Nothing much changed.'),
  source('s5', 'p3', 'T2', 'Beth T2', 'He speaks to me kindly now.'),
  source('s7', 'p1', 'T1', 'Dale T1 deleted', 'I shout at her.', { deletedAt: 5 }),
  source('s8', 'p4', 'T1', 'Zed T1', 'I shout at her.'),
  source('s9', 'p1', null, 'Dale notes', 'I shout at her.'), // no wave: never evidence
];

/** A coding of the first occurrence of `phrase` in the source, so offsets are exact by construction. */
function coding(id: string, sourceId: string, codeId: string, phrase: string, coderId = 'me', extra: Partial<Coding> = {}): Coding {
  const text = sources.find((s) => s.id === sourceId)!.text;
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in ${sourceId}`);
  return { id, sourceId, codeId, coderId, start, end: start + phrase.length, memo: '', createdAt: 1, updatedAt: 1, ...extra };
}

const codings: Coding[] = [
  coding('c3', 's1', 'k1', 'I shout at her.', 'you'), // the same words as c1, by another coder
  coding('c1', 's1', 'k1', 'I shout at her.'),
  coding('c2', 's1', 'k1a', 'I never listen.'),
  coding('c4', 's2', 'k1', 'We talk it through.'),
  coding('c5', 's2', 'k1a', 'I hear her out.'),
  coding('c6', 's6', 'k1', 'Calm voice.'),
  coding('c7', 's2', 'k1', 'I hear her out.', 'me', { deletedAt: 9 }),
  coding('c8', 's7', 'k1', 'I shout at her.'),
  coding('c9', 's3', 'k2', 'He controls the money.'),
  coding('c10', 's5', 'k1', 'He speaks to me kindly now.'),
  coding('c11', 's1', 'k3', 'Money is mine.'),
  coding('c12', 's8', 'k1', 'I shout at her.'),
  coding('c13', 's9', 'k1', 'I shout at her.'),
  coding('c14', 's1', 'k1b', 'Money is mine.'), // a live child of a deleted child: not a descendant of k1
];

const project: ProjectSnapshot = {
  waves: [
    { id: 'T1', label: 'Time 1', order: 0 },
    { id: 'T2', label: 'Time 2', order: 1 },
  ],
  roles: ROLES,
  participants: [
    person('p1', 'Dale', 'man', 'North', 'programme'),
    person('p2', 'Ali', 'man', 'South', 'comparison'),
    person('p3', 'Beth', 'woman', 'North', ''),
    person('p4', 'Zed', 'man', 'North', 'programme', { deletedAt: 3 }),
    person('p5', 'Cai', 'woman', 'South', 'programme'), // no transcript: no row
  ],
  sources,
  codes: [
    code('k1', 'Respectful communication', null, 0),
    code('k1a', 'Listening', 'k1', 0),
    code('k1x', 'Dropped', 'k1', 1, { deletedAt: 4 }),
    code('k1b', 'Under dropped', 'k1x', 0),
    code('k2', 'Control', null, 1),
    code('k3', 'Old', null, 2, { deletedAt: 4 }),
  ],
  codings,
  coders: [
    { id: 'me', name: 'Me', colour: '#000000' },
    { id: 'you', name: 'You', colour: '#ffffff' },
  ],
};

const cell = (
  id: string,
  participantId: string,
  codeId: string,
  firstSummary: string,
  secondSummary: string,
  judgement: FrameworkCell['judgement'],
  extra: Partial<FrameworkCell> = {},
): FrameworkCell => ({
  id,
  participantId,
  codeId,
  waves: ['T1', 'T2'],
  firstSummary,
  secondSummary,
  judgement,
  updatedAt: 10,
  ...extra,
});

const cells: FrameworkCell[] = [
  cell('fx', 'p1', 'k1', 'Old text.', 'Old text.', 'unclear', { deletedAt: 11 }),
  cell('fA', 'p1', 'k1', 'Shouts when angry.', 'Talks it through.\n\nListens more.  ', 'strengthened'),
  cell('fB', 'p2', 'k1', '', 'Says he is calmer.', ''),
  cell('fC', 'p3', 'k1', '', ' ', ''), // live but empty: skipped when read out
  cell('fD', 'p1', 'k2', 'Keeps the money.', 'Still keeps the money.', 'unchanged'),
  cell('fE', 'p1', 'k1a', '', 'Hears her out.', 'emerged'),
  cell('fR', 'p1', 'k1', 'Reversed pair.', '', 'weakened', { waves: ['T2', 'T1'] }),
];

const texts = (passages: EvidencePassage[]) => passages.map((p) => `${p.codings.map((c) => c.codingId).join('+')}: ${p.text}`);

describe('cellKey, findCell and indexCells', () => {
  it('keys a participant, a code and an ordered wave pair', () => {
    expect(cellKey('p1', 'k1', WAVES)).toBe('p1\u0000k1\u0000T1\u0000T2');
    expect(cellKey('p1', 'k1', ['T2', 'T1'])).not.toBe(cellKey('p1', 'k1', WAVES));
  });
  it('finds live cells only, for the pair in its order', () => {
    expect(findCell(cells, 'p1', 'k1', WAVES)?.id).toBe('fA');
    expect(findCell(cells, 'p1', 'k1', ['T2', 'T1'])?.id).toBe('fR');
    expect(findCell(cells, 'p3', 'k2', WAVES)).toBeUndefined();
    expect(findCell([cells[0]!], 'p1', 'k1', WAVES)).toBeUndefined();
  });
  it('prefers the cell updated last when two live cells share a key', () => {
    const twins = [
      cell('b', 'p1', 'k1', 'x', '', ''),
      cell('a', 'p1', 'k1', 'y', '', '', { updatedAt: 12 }),
      cell('c', 'p1', 'k1', 'z', '', ''),
    ];
    expect(findCell(twins, 'p1', 'k1', WAVES)?.id).toBe('a');
    expect(findCell(twins.slice(0, 1).concat(twins.slice(2)), 'p1', 'k1', WAVES)?.id).toBe('c');
    expect([...indexCells(cells).values()].map((c) => c.id)).toEqual(['fA', 'fB', 'fC', 'fD', 'fE', 'fR']);
  });
  it('calls a cell empty when its summaries are blank and it has no judgement', () => {
    expect(isEmptyCell(cells[3]!)).toBe(true);
    expect(isEmptyCell(cells[2]!)).toBe(false);
    expect(isEmptyCell({ firstSummary: '', secondSummary: '', judgement: 'unclear' })).toBe(false);
  });
});

describe('setCell', () => {
  const target = { participantId: 'p1', codeId: 'k1', waves: WAVES };
  const names = { participant: 'Dale', code: 'Respectful communication' };
  const label = 'Change matrix: Dale × Respectful communication';

  function run(state: FrameworkCell[], action: Action): FrameworkCell[] {
    const s = { frameworkCells: state.map((c) => ({ ...c })) };
    applyToArrays(s, action);
    return s.frameworkCells;
  }

  it('creates, updates, does nothing, clears to a soft delete, and undoes each', () => {
    let n = 0;
    const newId = () => `n${++n}`;
    const create = setCell([], target, { firstSummary: 'Shouts.' }, 100, newId, names);
    const first: FrameworkCell = {
      id: 'n1',
      participantId: 'p1',
      codeId: 'k1',
      waves: ['T1', 'T2'],
      firstSummary: 'Shouts.',
      secondSummary: '',
      judgement: '',
      updatedAt: 100,
    };
    expect(create).toEqual({ label, changes: [{ table: 'frameworkCells', before: null, after: first }] });
    const s1 = run([], create);
    expect(s1).toEqual([first]);

    const update = setCell(s1, target, { judgement: 'weakened', secondSummary: 'Talks now.' }, 200, newId, names);
    const second: FrameworkCell = { ...first, secondSummary: 'Talks now.', judgement: 'weakened', updatedAt: 200 };
    expect(update).toEqual({ label, changes: [{ table: 'frameworkCells', before: first, after: second }] });
    const s2 = run(s1, update);
    expect(s2).toEqual([second]);
    expect(findCell(s2, 'p1', 'k1', WAVES)).toEqual(second);

    expect(setCell(s2, target, { judgement: 'weakened', firstSummary: 'Shouts.' }, 250, newId, names)).toEqual({ label, changes: [] });
    expect(setCell(s2, target, {}, 250, newId, names)).toEqual({ label, changes: [] });

    const partClear = setCell(s2, target, { firstSummary: '', secondSummary: '' }, 260, newId, names);
    expect(partClear.changes).toEqual([
      { table: 'frameworkCells', before: second, after: { ...second, firstSummary: '', secondSummary: '', updatedAt: 260 } },
    ]);

    const clear = setCell(s2, target, { firstSummary: '', secondSummary: '  ', judgement: '' }, 300, newId, names);
    const cleared: FrameworkCell = { ...second, firstSummary: '', secondSummary: '  ', judgement: '', updatedAt: 300, deletedAt: 300 };
    expect(clear).toEqual({ label, changes: [{ table: 'frameworkCells', before: second, after: cleared }] });
    const s3 = run(s2, clear);
    expect(s3).toEqual([cleared]);
    expect(findCell(s3, 'p1', 'k1', WAVES)).toBeUndefined();

    // After a clear the next edit starts a new cell; undo brings each state back.
    const again = setCell(s3, target, { judgement: 'unclear' }, 400, newId, names);
    expect(again.changes).toEqual([
      { table: 'frameworkCells', before: null, after: { ...first, id: 'n2', firstSummary: '', judgement: 'unclear', updatedAt: 400 } },
    ]);
    expect(run(s3, invert(clear))).toEqual(s2);
    expect(run(s2, invert(update))).toEqual(s1);
    expect(run(s1, invert(create))).toEqual([]);
    expect(n).toBe(2);
  });

  it('creates nothing from an empty patch, keeps summaries as typed, and updates the live cell of the key', () => {
    const newId = () => 'never';
    expect(setCell([], target, { firstSummary: ' ', judgement: '' }, 1, newId, names)).toEqual({ label, changes: [] });
    const typed = setCell(cells, target, { firstSummary: 'Shouts when angry. ' }, 50, newId, names);
    expect(typed.changes).toEqual([
      { table: 'frameworkCells', before: cells[1], after: { ...cells[1]!, firstSummary: 'Shouts when angry. ', updatedAt: 50 } },
    ]);
    const reversed = setCell(cells, { ...target, waves: ['T2', 'T1'] }, { judgement: 'ceased' }, 50, newId, names);
    expect(reversed.changes).toEqual([
      { table: 'frameworkCells', before: cells[6], after: { ...cells[6]!, judgement: 'ceased', updatedAt: 50 } },
    ]);
  });

  it('refuses a pair of one wave and an unknown judgement', () => {
    expect(() => setCell([], { ...target, waves: ['T1', 'T1'] }, { firstSummary: 'x' }, 1, () => 'id', names)).toThrow(
      /two different waves/,
    );
    expect(() => setCell([], target, { judgement: 'better' as never }, 1, () => 'id', names)).toThrow(/"better" is not a change judgement/);
  });
});

describe('cellEvidence and evidenceCounts', () => {
  it('counts passages as the wave matrix does: two coders on the same words are one passage', () => {
    // c1 and c3 code "I shout at her." by two coders: one passage at Time 1, not two.
    expect(evidenceCounts(project, WAVES).get(cellKey('p1', 'k1', WAVES))).toEqual({ first: 1, second: 2 });
    const first = cellEvidence(project, 'p1', 'k1', WAVES).first;
    expect(first.map((p) => p.text)).toEqual(['I shout at her.']);
    // Summed over participants, a code's counts are the wave matrix's passages, whatever the options.
    const optionSets = [
      {},
      { includeChildren: true },
      { coderIds: ['me'] },
      { includeChildren: true, coderIds: ['you'] },
      { coderIds: [] },
      { ignoreInterviewer: true },
    ];
    for (const options of optionSets) {
      for (const waves of [WAVES, ['T2', 'T1'] as WavePair]) {
        const counts = evidenceCounts(project, waves, options);
        for (const row of waveMatrix(project, { ...options, pair: waves }).rows) {
          const summed = { first: 0, second: 0 };
          for (const p of project.participants) {
            const n = counts.get(cellKey(p.id, row.codeId, waves)) ?? { first: 0, second: 0 };
            summed.first += n.first;
            summed.second += n.second;
          }
          expect(summed, `${row.codeId} ${JSON.stringify(options)}`).toEqual({
            first: row.byWave[waves[0]]!.passages,
            second: row.byWave[waves[1]]!.passages,
          });
        }
      }
    }
  });
  it("gives the participant's passages of the code in each wave, by transcript then offset", () => {
    const e = cellEvidence(project, 'p1', 'k1', WAVES);
    expect(texts(e.first)).toEqual(['c1+c3: I shout at her.']);
    expect(texts(e.second)).toEqual(['c4: We talk it through.', 'c6: Calm voice.']);
    expect(e.second[0]).toEqual({
      sourceId: 's2',
      start: 0,
      end: 19,
      text: 'We talk it through.',
      codings: [{ codingId: 'c4', codeId: 'k1', coderId: 'me' }],
    });
    expect(e.first[0]!.codings.map((c) => c.coderId)).toEqual(['me', 'you']);
  });
  it('adds live sub-codes with includeChildren and keeps only the chosen coders', () => {
    const all = cellEvidence(project, 'p1', 'k1', WAVES, { includeChildren: true });
    expect(texts(all.first)).toEqual(['c1+c3: I shout at her.', 'c2: I never listen.']);
    expect(texts(all.second)).toEqual(['c4: We talk it through.', 'c5: I hear her out.', 'c6: Calm voice.']);
    const mine = cellEvidence(project, 'p1', 'k1', WAVES, { includeChildren: true, coderIds: ['me'] });
    expect(texts(mine.first)).toEqual(['c1: I shout at her.', 'c2: I never listen.']);
    const yours = cellEvidence(project, 'p1', 'k1', WAVES, { coderIds: ['you'] });
    expect(texts(yours.first)).toEqual(['c3: I shout at her.']);
    expect(yours.second).toEqual([]);
    expect(cellEvidence(project, 'p1', 'k1', WAVES, { coderIds: [] })).toEqual({ first: [], second: [] });
  });
  it('follows the pair order and ignores deleted participants, codes, transcripts and codings', () => {
    const swapped = cellEvidence(project, 'p1', 'k1', ['T2', 'T1']);
    expect(texts(swapped.first)).toEqual(['c4: We talk it through.', 'c6: Calm voice.']);
    expect(texts(cellEvidence(project, 'p3', 'k1', WAVES).second)).toEqual(['c10: He speaks to me kindly now.']);
    expect(cellEvidence(project, 'p4', 'k1', WAVES)).toEqual({ first: [], second: [] });
    expect(cellEvidence(project, 'p1', 'k3', WAVES)).toEqual({ first: [], second: [] });
    expect(texts(cellEvidence(project, 'p1', 'k1b', WAVES).first)).toEqual(['c14: Money is mine.']);
  });
  it('counts exactly what cellEvidence lists, for every cell and option', () => {
    const withKids = evidenceCounts(project, WAVES, { includeChildren: true });
    expect(withKids.get(cellKey('p1', 'k1', WAVES))).toEqual({ first: 2, second: 3 });
    expect(evidenceCounts(project, WAVES).get(cellKey('p1', 'k1', WAVES))).toEqual({ first: 1, second: 2 });
    expect(evidenceCounts(project, WAVES, { includeChildren: true, coderIds: ['me'] }).get(cellKey('p1', 'k1', WAVES))).toEqual({
      first: 2,
      second: 3,
    });
    expect(withKids.get(cellKey('p2', 'k2', WAVES))).toEqual({ first: 1, second: 0 });
    expect(withKids.get(cellKey('p4', 'k1', WAVES))).toBeUndefined();
    const optionSets = [
      {},
      { includeChildren: true },
      { coderIds: ['me'] },
      { includeChildren: true, coderIds: ['you'] },
      { coderIds: [] },
      { ignoreInterviewer: true },
    ];
    for (const options of optionSets) {
      for (const waves of [WAVES, ['T2', 'T1'] as WavePair]) {
        const counts = evidenceCounts(project, waves, options);
        for (const p of project.participants) {
          for (const k of project.codes) {
            const e = cellEvidence(project, p.id, k.id, waves, options);
            expect(counts.get(cellKey(p.id, k.id, waves)) ?? { first: 0, second: 0 }).toEqual({
              first: e.first.length,
              second: e.second.length,
            });
          }
        }
      }
    }
  });
});

describe('suggestJudgement', () => {
  it('says only emerged or ceased, from presence and absence', () => {
    const table: [number, number, string][] = [
      [0, 0, ''],
      [0, 1, 'emerged'],
      [0, 7, 'emerged'],
      [1, 0, 'ceased'],
      [4, 0, 'ceased'],
      [1, 1, ''],
      [1, 5, ''],
      [5, 1, ''],
    ];
    expect(table.map(([a, b]) => suggestJudgement(a, b))).toEqual(table.map(([, , j]) => j));
  });
  it('labels judgements', () => {
    expect(judgementLabel('strengthened')).toBe('Strengthened');
    expect(judgementLabel('')).toBe('');
  });
});

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
      ['Ali', 'Man on programme', 'South', 'comparison', 'Respectful communication', '', 'Says he is calmer.', '', '0', '0'],
      ['Ali', 'Man on programme', 'South', 'comparison', 'Respectful communication / Listening', '', '', '', '0', '0'],
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
        '1',
        '2',
      ],
      ['Dale', 'Man on programme', 'North', 'programme', 'Respectful communication / Listening', '', 'Hears her out.', 'Emerged', '1', '1'],
      ['Beth', 'Woman (ex-)partner', 'North', '', 'Respectful communication', '', '', '', '0', '1'],
      ['Beth', 'Woman (ex-)partner', 'North', '', 'Respectful communication / Listening', '', '', '', '0', '0'],
    ]);
  });
  it('counts passages with the evidence options and keeps the chosen roles', () => {
    expect(changeMatrixRows(project, cells, ['k1'], WAVES, ROLES, { includeChildren: true, coderIds: ['me'], roles: ['man'] })).toEqual([
      header,
      ['Ali', 'Man on programme', 'South', 'comparison', 'Respectful communication', '', 'Says he is calmer.', '', '0', '0'],
      [
        'Dale',
        'Man on programme',
        'North',
        'programme',
        'Respectful communication',
        'Shouts when angry.',
        'Talks it through.\n\nListens more.',
        'Strengthened',
        '2',
        '3',
      ],
    ]);
  });
});
