// The triangulation section's tables as data (hand-counted): which codes are compared, the
// agreement table as shown (each undefined statistic with its reason), the Word rows, change by
// informant in words, the filters line, and each participant's family for the participants sheet.
import { describe, expect, it } from 'vitest';
import {
  changeByInformant,
  changeTableRows,
  familyOfParticipant,
  informantAgreement,
  NO_VARIATION,
  NOTHING_COMPARED,
  triangulationCodes,
  triangulationFiltersText,
  triangulationShownRows,
  triangulationTable,
  type InformantAgreementRow,
} from '../../../../renderer/core/analysis';
import type { Coding, Participant, ProjectSnapshot } from '../../../../renderer/core/shared';
import { code, person, source } from '../../../fixtures/waveProjects';

const link = (type: string, participantId: string) => ({ type, participantId });
const who = (id: string, pseudonym: string, role: string, links: Participant['links'] = [], extra: Partial<Participant> = {}) =>
  person(id, pseudonym, role, 'A', 'programme', { links, ...extra });
const talk = (pid: string, wave: string) => source(`${pid}-${wave}`, pid, wave, `${pid} at ${wave}: how things are at home.`);
let n = 0;
const coded = (codeId: string, sourceId: string): Coding => ({
  id: `g${++n}`,
  sourceId,
  codeId,
  coderId: 'k1',
  start: 0,
  end: 10,
  memo: '',
  createdAt: 0,
  updatedAt: 0,
  deletedAt: null,
});

// Dale M1 with Leanne W1 (partner) and Sue S1 (staff of both men); Kev M2 with Tina W2 (his
// link, ex-partner); Lone M3 with no one; Orla W9 linked to no man; Gail W8 deleted.
//   code A:  Dale absent at T1, present at T2 (emerged); Leanne never.
//            Kev at both waves; Tina only the sub-code A1, at T2 (emerged when sub-codes count).
const project: ProjectSnapshot = {
  waves: [
    { id: 'T1', label: 'Time 1', order: 0 },
    { id: 'T2', label: 'Time 2', order: 1 },
  ],
  participants: [
    who('M1', 'Dale', 'man'),
    who('M2', 'Kev', 'man', [link('ex-partner of', 'W2')]),
    who('M3', 'Lone', 'man'),
    who('W1', 'Leanne', 'woman', [link('partner of', 'M1')]),
    who('W2', 'Tina', 'woman'),
    who('S1', 'Sue', 'staff', [link('facilitator of', 'M1'), link('facilitator of', 'M2')]),
    who('W9', 'Orla', 'woman', [link('sister of', 'W1')]),
    who('W8', 'Gail', 'woman', [link('partner of', 'M3')], { deletedAt: 1 }),
  ],
  sources: ['M1', 'W1', 'M2', 'W2'].flatMap((p) => [talk(p, 'T1'), talk(p, 'T2')]),
  codes: [code('A', null, 0), code('A1', 'A', 0), code('B', null, 1), code('C', null, 2, { deletedAt: 1 })],
  codings: [coded('A', 'M1-T2'), coded('A', 'M2-T1'), coded('A', 'M2-T2'), coded('A1', 'W2-T2')],
  coders: [{ id: 'k1', name: 'One', colour: '#000' }],
};
const roles = ['man', 'woman'] as const;

const row = (extra: Partial<InformantAgreementRow>): InformantAgreementRow => ({
  codeId: 'A',
  waveId: 'T1',
  families: 2,
  excluded: 0,
  agree: 2,
  disagree: 0,
  both: 0,
  onlyFirst: 0,
  onlySecond: 0,
  neither: 2,
  percent: 1,
  kappa: null,
  alpha: null,
  ac1: 1,
  ...extra,
});

describe('triangulationCodes', () => {
  it('takes the live top-level codes as the measures, or every live code with its depth', () => {
    expect(triangulationCodes(project, 'measures')).toEqual([
      { codeId: 'A', depth: 0 },
      { codeId: 'B', depth: 0 },
    ]);
    expect(triangulationCodes(project, 'all')).toEqual([
      { codeId: 'A', depth: 0 },
      { codeId: 'A1', depth: 1 },
      { codeId: 'B', depth: 0 },
    ]);
  });
});

describe('triangulationTable', () => {
  it('shows counts and statistics, and "—" with the reason where a statistic is undefined', () => {
    const rows = [
      row({}),
      row({ waveId: 'T2', families: 0, excluded: 3, agree: 0, neither: 0, percent: null, ac1: null }),
      row({ codeId: 'A1', agree: 0, disagree: 2, onlySecond: 2, neither: 0, percent: 0, kappa: 0, alpha: -0.5, ac1: -1 }),
    ];
    const lines = triangulationTable(project, rows, new Map([['A1', 1]]), 'en');
    expect(lines.map((l) => [l.depth, l.cells.map((c) => c.text)])).toEqual([
      [0, ['A', 'Time 1', '2', '2', '0', '0', '100.0%', '—', '—', '1.000']],
      [0, ['A', 'Time 2', '0', '0', '0', '3', '—', '—', '—', '—']],
      [1, ['A1', 'Time 1', '2', '0', '2', '0', '0.0%', '0.000', '-0.500', '-1.000']],
    ]);
    // No variation: kappa and alpha undefined for that reason; nothing compared: every statistic.
    expect(lines[0]!.cells.map((c) => c.why ?? '')).toEqual(['', '', '', '', '', '', '', NO_VARIATION, NO_VARIATION, '']);
    expect(lines[1]!.cells.slice(6).map((c) => c.why)).toEqual([NOTHING_COMPARED, NOTHING_COMPARED, NOTHING_COMPARED, NOTHING_COMPARED]);
    expect(lines[2]!.cells.every((c) => c.why === undefined)).toBe(true);
  });

  it('writes an undefined statistic as "—" in the Word rows, counts and names untouched', () => {
    const shown = triangulationShownRows(project, [
      row({}),
      row({ waveId: 'T2', families: 0, excluded: 3, agree: 0, percent: null, ac1: null }),
    ]);
    expect(shown[0]![2]).toBe('Families compared (n)');
    expect(shown.slice(1)).toEqual([
      ['A', 'Time 1', '2', '2', '0', '0', '100', '—', '—', '1'],
      ['A', 'Time 2', '0', '0', '0', '3', '—', '—', '—', '—'],
    ]);
  });

  it('agrees with informantAgreement on the hand-counted project', () => {
    // A at T2: Dale has it, Leanne not; Kev has it, Tina (sub-code only) not: 0 of 2 agree.
    const [t2] = informantAgreement(project, { codeIds: ['A'], waves: ['T2'], roles });
    const line = triangulationTable(project, [t2!], new Map(), 'en')[0]!;
    // Both men have it, neither woman: po = pe = 0, so kappa 0; alpha 1 − 1 / (8/12) = −0.5; AC1
    // (0 − 0.5) / (1 − 0.5) = −1. All defined: the accounts vary.
    // Lone's family has no woman: excluded (1), not a disagreement.
    expect(line.cells.map((c) => c.text)).toEqual(['A', 'Time 2', '2', '0', '2', '1', '0.0%', '0.000', '-0.500', '-1.000']);
    expect(line.cells.every((c) => c.why === undefined)).toBe(true);
  });
});

describe('changeTableRows', () => {
  it('counts emergence by each account and names the families where they part', () => {
    const withSub = changeByInformant(project, { codeIds: ['A', 'B'], pair: ['T1', 'T2'], roles, includeChildren: true });
    expect(changeTableRows(project, withSub, roles)).toEqual([
      [
        'Code',
        'Families (both informants at Time 1 and Time 2)',
        'Emerged (Man on programme)',
        'Emerged (Woman (ex-)partner)',
        'Emerged (both)',
        'Where the accounts disagree',
      ],
      ['A', 2, 1, 1, 0, 'Dale’s family: Dale emerged, Leanne absent at both waves; Kev’s family: Kev present at both waves, Tina emerged'],
      ['B', 2, 0, 0, 0, ''],
    ]);
    // Sub-codes apart: Tina's A1 is not A, so in Kev's family neither account emerges.
    const apart = changeByInformant(project, { codeIds: ['A'], pair: ['T1', 'T2'], roles });
    expect(changeTableRows(project, apart, roles)[1]).toEqual([
      'A',
      2,
      1,
      0,
      0,
      'Dale’s family: Dale emerged, Leanne absent at both waves',
    ]);
  });
});

describe('familyOfParticipant', () => {
  it('names each live participant’s family: a man his own with its members, a member every family she is in', () => {
    expect(Object.fromEntries(familyOfParticipant(project))).toEqual({
      M1: "Dale's: himself, Leanne (partner), Sue (staff)",
      M2: "Kev's: himself, Tina (ex-partner), Sue (staff)",
      M3: "Lone's: himself, no one linked",
      W1: "Dale's (partner)",
      W2: "Kev's (ex-partner)",
      S1: "Dale's (staff); Kev's (staff)",
    });
  });

  it('follows an edited link at once: Leanne unlinked leaves Dale with Sue only', () => {
    const edited = project.participants.map((p) => (p.id === 'W1' ? { ...p, links: [] } : p));
    const families = familyOfParticipant({ participants: edited });
    expect(families.get('M1')).toBe("Dale's: himself, Sue (staff)");
    expect(families.has('W1')).toBe(false);
  });
});

describe('triangulationFiltersText', () => {
  it('says what was compared, on whose codings', () => {
    expect(triangulationFiltersText(project, { roles, codes: 'measures', coder: 'all coders', includeChildren: true })).toBe(
      'Accounts compared: Man on programme with Woman (ex-)partner; Codes: the measures (top-level codes); Coder: all coders; Sub-codes: counted with their parents',
    );
    expect(triangulationFiltersText(project, { roles: ['woman', 'child'], codes: 'all', coder: 'One', includeChildren: false })).toBe(
      'Accounts compared: Woman (ex-)partner with Child; Codes: all codes; Coder: One; Sub-codes: counted apart',
    );
  });
});
