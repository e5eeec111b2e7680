// Triangulation of linked accounts: case families from links written on either side, agreement
// between a man's account and his (ex-)partner's over families (hand-counted), the divergent
// families first, change by informant, the export; properties: a family missing an informant is
// excluded, never a disagreement, and swapping the roles changes no symmetric statistic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  caseFamilies,
  changeByInformant,
  divergentFamilies,
  informantAgreement,
  triangulationParagraph,
  triangulationRows,
} from '../../../../renderer/core/analysis';
import { binaryStats } from '../../../../renderer/core/agreement';
import type { Coding, Participant, ProjectSnapshot, Source } from '../../../../renderer/core/shared';
import { code, person, source } from '../../../fixtures/waveProjects';

const link = (type: string, participantId: string) => ({ type, participantId });
const who = (id: string, pseudonym: string, role: string, links: Participant['links'] = [], extra: Partial<Participant> = {}) =>
  person(id, pseudonym, role, 'A', 'programme', { links, ...extra });
const talk = (pid: string, wave: string, extra: Partial<Source> = {}) =>
  source(`${pid}-${wave}${extra.deletedAt ? '-del' : ''}`, pid, wave, `${pid} at ${wave}: how things are at home.`, extra);
let n = 0;
/** A coding of the whole of a source's text. */
const coded = (codeId: string, sourceId: string, coderId = 'k1'): Coding => ({
  id: `g${++n}`,
  sourceId,
  codeId,
  coderId,
  start: 0,
  end: 10,
  memo: '',
  createdAt: 0,
  updatedAt: 0,
  deletedAt: null,
});

// Families (by the man's pseudonym) and who has code A (T1 / T2); '-' = not interviewed:
//   Aaron M3 (A / A)   Beth W3 partner, her link (A / -)                 T2: excluded
//   Dale  M1 (A by k2 / A)  Leanne W1 partner, on both sides (no, a deleted transcript with A / A);
//         Ellie C1 child, Sue S1 staff ("facilitator of")
//   Kev   M2 (no / A)  Tina W2 ex-partner, HIS link (only the sub-code A1 / no)
//   Neil  M5 (no / no) Pam W6 partner (- / A), Rita W7 ex-partner (no / no): T1 Rita, T2 Pam
//   Zack  M4 (no / no) Gail W4 deleted: no woman, excluded at both waves
// Not in any family: Orla W5 (linked to a woman), Gwen W8 (linked to Vic M6, deleted), Vic.
const participants = [
  who('M1', 'Dale', 'man', [link('partner of', 'W1')]),
  who('M2', 'Kev', 'man', [link('ex-partner of', 'W2')]),
  who('M3', 'Aaron', 'man'),
  who('M4', 'Zack', 'man'),
  who('M5', 'Neil', 'man'),
  who('M6', 'Vic', 'man', [], { deletedAt: 1 }),
  who('W1', 'Leanne', 'woman', [link('partner of', 'M1')]),
  who('C1', 'Ellie', 'child', [link('child of', 'M1')]),
  who('S1', 'Sue', 'staff', [link('facilitator of', 'M1')]),
  who('W2', 'Tina', 'woman'),
  who('W3', 'Beth', 'woman', [link('partner of', 'M3')]),
  who('W4', 'Gail', 'woman', [link('partner of', 'M4')], { deletedAt: 1 }),
  who('W5', 'Orla', 'woman', [link('sister of', 'W1')]),
  who('W6', 'Pam', 'woman', [link('partner of', 'M5')]),
  who('W7', 'Rita', 'woman', [link('ex-partner of', 'M5')]),
  who('W8', 'Gwen', 'woman', [link('partner of', 'M6')]),
];
const t1 = ['M1', 'W1', 'C1', 'M2', 'W2', 'M3', 'W3', 'M4', 'W4', 'M5', 'W7', 'W5', 'W8'].map((p) => talk(p, 'T1'));
const t2 = ['M1', 'W1', 'M2', 'W2', 'M3', 'M4', 'M5', 'W6', 'W7'].map((p) => talk(p, 'T2'));
const project: ProjectSnapshot = {
  waves: [
    { id: 'T1', label: 'Time 1', order: 0 },
    { id: 'T2', label: 'Time 2', order: 1 },
  ],
  participants,
  sources: [...t1, ...t2, talk('W1', 'T1', { deletedAt: 1 })],
  codes: [code('A', null, 0), code('A1', 'A', 0), code('B', null, 1)],
  codings: [
    coded('A', 'M1-T1', 'k2'),
    coded('A', 'M3-T1'),
    coded('A', 'W3-T1'),
    coded('A1', 'W2-T1'),
    coded('A', 'W1-T1-del'),
    coded('A', 'M1-T2'),
    coded('A', 'W1-T2'),
    coded('A', 'M2-T2'),
    coded('A', 'M3-T2'),
    coded('A', 'W6-T2'),
  ],
  coders: [
    { id: 'k1', name: 'One', colour: '#000' },
    { id: 'k2', name: 'Two', colour: '#111' },
  ],
};
const roles = ['man', 'woman'] as const;

describe('caseFamilies', () => {
  it('groups each live man with the live people linked to him, whichever side wrote the link', () => {
    const families = caseFamilies(project).map((f) => ({
      man: f.pseudonym,
      members: f.members.map((m) => [m.pseudonym, m.relation, m.writtenBy, m.link]),
    }));
    expect(families).toEqual([
      { man: 'Aaron', members: [['Beth', 'partner', 'member', 'Beth is partner of Aaron']] },
      {
        man: 'Dale',
        members: [
          ['Leanne', 'partner', 'member', 'Leanne is partner of Dale'],
          ['Ellie', 'child', 'member', 'Ellie is child of Dale'],
          ['Sue', 'staff', 'member', 'Sue is facilitator of Dale'],
        ],
      },
      { man: 'Kev', members: [['Tina', 'ex-partner', 'man', 'Kev is ex-partner of Tina']] },
      {
        man: 'Neil',
        members: [
          ['Pam', 'partner', 'member', 'Pam is partner of Neil'],
          ['Rita', 'ex-partner', 'member', 'Rita is ex-partner of Neil'],
        ],
      },
      { man: 'Zack', members: [] },
    ]);
  });

  it('reads a parent link written on his side as a child, and keeps an unknown link as written', () => {
    const p: ProjectSnapshot = {
      ...project,
      participants: [
        who('M', 'Dan', 'man', [link('father of', 'C'), link('constructor of', 'X')]),
        who('C', 'Cy', 'child'),
        who('X', 'Xi', 'stakeholder'),
      ],
    };
    expect(caseFamilies(p)[0]!.members.map((m) => [m.pseudonym, m.relation])).toEqual([
      ['Cy', 'child'],
      ['Xi', 'constructor of'],
    ]);
  });
});

describe('informantAgreement', () => {
  it('counts agreement over the families with both informants interviewed (hand-counted)', () => {
    const rows = informantAgreement(project, { codeIds: ['A', 'B', 'gone', 'A'], waves: ['T1', 'T2'], roles });
    expect(rows.map((r) => [r.codeId, r.waveId])).toEqual([
      ['A', 'T1'],
      ['A', 'T2'],
      ['B', 'T1'],
      ['B', 'T2'],
    ]);
    const [aT1, aT2, bT1, bT2] = rows;
    // T1: Aaron both, Dale his only, Kev neither (A1 is not A), Neil and Rita neither; Zack out.
    expect(aT1).toMatchObject({
      families: 4,
      excluded: 1,
      agree: 3,
      disagree: 1,
      both: 1,
      onlyFirst: 1,
      onlySecond: 0,
      neither: 2,
      percent: 0.75,
    });
    expect(aT1!.kappa).toBeCloseTo(0.5, 12); // pe = .5·.25 + .5·.75 = .5
    expect(aT1!.alpha).toBeCloseTo(8 / 15, 12); // 1 − 7·1 / (5·3)
    expect(aT1!.ac1).toBeCloseTo(9 / 17, 12); // pe = 2·.375·.625
    // T2: Dale both, Kev his only, Neil hers only (Pam, the partner, before Rita); Aaron (Beth) and Zack out.
    expect(aT2).toMatchObject({ families: 3, excluded: 2, agree: 1, disagree: 2, both: 1, onlyFirst: 1, onlySecond: 1, neither: 0 });
    expect(aT2!.percent).toBeCloseTo(1 / 3, 12);
    expect(aT2!.kappa).toBeCloseTo(-0.5, 12);
    expect(aT2!.alpha).toBeCloseTo(-0.25, 12);
    expect(aT2!.ac1).toBeCloseTo(-0.2, 12);
    // Nobody has B: no variation, so kappa and alpha are undefined (null, not 1).
    expect(bT1).toMatchObject({ families: 4, agree: 4, disagree: 0, percent: 1, kappa: null, alpha: null, ac1: 1 });
    expect(bT2).toMatchObject({ families: 3, agree: 3, kappa: null, alpha: null });
  });

  it('follows the coder filter, includeChildren, other roles and unknown waves', () => {
    const [k1] = informantAgreement(project, { codeIds: ['A'], waves: ['T1'], roles, coderIds: ['k1'] });
    expect(k1).toMatchObject({ families: 4, agree: 4, disagree: 0, both: 1, neither: 3 }); // Dale's A was k2's
    const [withA1] = informantAgreement(project, { codeIds: ['A'], waves: ['T1'], roles, includeChildren: true });
    expect(withA1).toMatchObject({ both: 1, onlyFirst: 1, onlySecond: 1, neither: 1 }); // Tina's A1 now counts
    const [child] = informantAgreement(project, { codeIds: ['A'], waves: ['T1'], roles: ['man', 'child'] });
    expect(child).toMatchObject({ families: 1, excluded: 4, onlyFirst: 1 });
    const [none] = informantAgreement(project, { codeIds: ['A'], waves: ['T9'], roles });
    expect(none).toMatchObject({ families: 0, excluded: 5, percent: null, kappa: null, alpha: null, ac1: null });
    expect(() => informantAgreement(project, { codeIds: ['A'], waves: ['T1'], roles: ['man', 'man'] })).toThrow(RangeError);
  });
});

describe('divergentFamilies', () => {
  it('lists the families whose accounts differ first, each with both informants’ passages', () => {
    const list = divergentFamilies(project, 'A', 'T2', { roles });
    expect(list.map((f) => [f.family.pseudonym, f.agree, f.first.pseudonym, f.first.has, f.second.pseudonym, f.second.has])).toEqual([
      ['Kev', false, 'Kev', true, 'Tina', false],
      ['Neil', false, 'Neil', false, 'Pam', true],
      ['Dale', true, 'Dale', true, 'Leanne', true],
    ]);
    const kev = list[0]!;
    expect(kev.first.passages.map((p) => p.sourceId)).toEqual(['M2-T2']);
    expect(kev.second.passages).toEqual([]);
    expect(kev.rows.map((r) => [r.codeId, r.first.length, r.second.length])).toEqual([['A', 1, 0]]);
  });

  it('shows the sub-codes’ passages as their own rows under includeChildren', () => {
    const kev = divergentFamilies(project, 'A', 'T1', { roles, includeChildren: true }).find((f) => f.family.manId === 'M2')!;
    expect(kev.agree).toBe(false);
    expect(kev.rows.map((r) => [r.codeId, r.depth, r.first.length, r.second.length])).toEqual([['A1', 1, 0, 1]]);
    expect(divergentFamilies(project, 'gone', 'T1', { roles })).toEqual([]);
  });
});

describe('changeByInformant', () => {
  it('counts emergence by each account over families with both informants at both waves', () => {
    const [row] = changeByInformant(project, { codeIds: ['A'], pair: ['T1', 'T2'], roles });
    // Dale, Kev, Neil (Rita: Pam was not interviewed at T1); Aaron (Beth) and Zack out.
    expect(row).toMatchObject({ codeId: 'A', families: 3, emergedFirst: 1, emergedSecond: 1, emergedBoth: 0 });
    expect(row!.disagreements.map((d) => [d.family.pseudonym, d.first.change, d.second.pseudonym, d.second.change])).toEqual([
      ['Dale', 'kept', 'Leanne', 'emerged'],
      ['Kev', 'emerged', 'Tina', 'absent'],
    ]);
  });
});

describe('the export', () => {
  const rows = informantAgreement(project, { codeIds: ['A', 'B'], waves: ['T1', 'T2'], roles });

  it('writes the table with n and empty cells where a statistic is undefined', () => {
    const table = triangulationRows(project, rows);
    expect(table[0]).toEqual([
      'Code',
      'Wave',
      'Families compared (n)',
      'Agree',
      'Disagree',
      'Excluded (informant not interviewed)',
      'Percent agreement',
      "Cohen's kappa",
      "Krippendorff's alpha (nominal)",
      "Gwet's AC1",
    ]);
    expect(table[1]).toEqual(['A', 'Time 1', 4, 3, 1, 1, 75, 0.5, 0.533, 0.529]);
    expect(table[2]).toEqual(['A', 'Time 2', 3, 1, 2, 2, 33.3, -0.5, -0.25, -0.2]);
    expect(table[3]).toEqual(['B', 'Time 1', 4, 4, 0, 1, 100, '', '', 1]);
  });

  it('drafts a methods paragraph from the figures', () => {
    const text = triangulationParagraph(project, rows, { roles });
    expect(text).toContain('5 families, 4 with at least one linked participant');
    expect(text).toContain('role Man on programme and of the role Woman (ex-)partner');
    expect(text).toContain('Time 1: 4 of 5 families compared; Time 2: 3 of 5 families compared');
    // Summed tables: both 2, only his 2, only hers 1, neither 9 → 11 of 14.
    expect(text).toContain('agreed in 78.6% of 14 code-by-family comparisons');
    expect(text).toContain('lowest for A at Time 2');
    expect(text).toContain('(B at Time 1, B at Time 2) kappa and alpha are undefined and not reported as 1');
  });
});

// ---- properties ---------------------------------------------------------------------------------

/** Per family: whether the man and the woman have the code at T1 (null: not interviewed), and who wrote the link. */
const familySpec = fc.record({ man: fc.constantFrom(0, 1, null), woman: fc.constantFrom(0, 1, null), hisLink: fc.boolean() });
type Spec = { man: 0 | 1 | null; woman: 0 | 1 | null; hisLink: boolean };

function build(specs: readonly Spec[]): ProjectSnapshot {
  const people: Participant[] = [];
  const sources: Source[] = [];
  const codings: Coding[] = [];
  specs.forEach((s, i) => {
    people.push(who(`M${i}`, `M${i}`, 'man', s.hisLink ? [link('partner of', `W${i}`)] : []));
    people.push(who(`W${i}`, `W${i}`, 'woman', s.hisLink ? [] : [link('partner of', `M${i}`)]));
    for (const [pid, has] of [
      [`M${i}`, s.man],
      [`W${i}`, s.woman],
    ] as const) {
      if (has === null) continue;
      sources.push(talk(pid, 'T1'));
      if (has === 1) codings.push(coded('A', `${pid}-T1`));
    }
  });
  return { ...project, participants: people, sources, codings };
}
const rowOf = (p: ProjectSnapshot, r: readonly [string, string] = roles) =>
  informantAgreement(p, { codeIds: ['A'], waves: ['T1'], roles: r })[0]!;
const close = (x: number | null, y: number | null) => (x === null ? y === null : y !== null && Math.abs(x - y) < 1e-12);

describe('properties', () => {
  it('a family missing an informant is excluded, never counted as disagreement', () => {
    fc.assert(
      fc.property(fc.array(familySpec, { maxLength: 12 }), (specs) => {
        const full = rowOf(build(specs));
        const complete = specs.filter((s) => s.man !== null && s.woman !== null);
        expect(full.agree).toBe(complete.filter((s) => s.man === s.woman).length);
        expect(full.disagree).toBe(complete.filter((s) => s.man !== s.woman).length);
        expect(full.excluded).toBe(specs.length - complete.length);
        // Without the incomplete families nothing changes but the excluded count.
        expect({ ...rowOf(build(complete)), excluded: full.excluded }).toEqual(full);
      }),
    );
  });

  it('swapping the two roles leaves agreement, percent, kappa, alpha and AC1 unchanged', () => {
    fc.assert(
      fc.property(fc.array(familySpec, { maxLength: 12 }), (specs) => {
        const p = build(specs);
        const a = rowOf(p);
        const b = rowOf(p, ['woman', 'man']);
        expect([b.agree, b.disagree, b.onlyFirst, b.onlySecond]).toEqual([a.agree, a.disagree, a.onlySecond, a.onlyFirst]);
        for (const k of ['percent', 'kappa', 'alpha', 'ac1'] as const) expect(close(a[k], b[k])).toBe(true);
      }),
    );
  });

  it('gives the agreement tab’s binary statistics on the same table', () => {
    fc.assert(
      fc.property(fc.array(familySpec, { maxLength: 12 }), (specs) => {
        const r = rowOf(build(specs));
        const s = binaryStats(r);
        expect(close(r.percent, s.agreement) && close(r.kappa, s.kappa) && close(r.alpha, s.alpha) && close(r.ac1, s.ac1)).toBe(true);
      }),
    );
  });
});
