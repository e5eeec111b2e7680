// The triangulation section's tables as data (issue 20, part 4), beside informants.ts which
// computes them: which codes are compared, the agreement table as the tab shows it (each undefined
// statistic with the reason it is undefined), the change-by-informant table, the filters line, and
// each participant's case family in words for the participants sheet. Pure, so the tab, the
// exports and the tests read the same text.
import { numberCell, countCell } from '../agreement';
import { codePathText, orderedTree } from '../codebook';
import { DEFAULT_ROLES, live, type ProjectSnapshot } from '../shared';
import {
  caseFamilies,
  triangulationRows,
  type AccountChange,
  type CaseFamily,
  type InformantAgreementRow,
  type InformantChangeRow,
} from './informants';

/** 'measures': the top-level codes (the study's measures of success); 'all': every code. */
export type TriangulationCodes = 'measures' | 'all';

/** The live codes compared, in codebook order, with their depth in the tree. */
export function triangulationCodes(
  project: Pick<ProjectSnapshot, 'codes'>,
  which: TriangulationCodes,
): { codeId: string; depth: number }[] {
  return orderedTree(live(project.codes))
    .filter(({ depth }) => which === 'all' || depth === 0)
    .map(({ code, depth }) => ({ codeId: code.id, depth }));
}

export interface TriangulationColumn {
  /** On screen. */
  short: string;
  numeric: boolean;
  /** What the column means: the header's tooltip. */
  help: string;
}

export const TRIANGULATION_COLUMNS: readonly TriangulationColumn[] = [
  { short: 'Code', numeric: false, help: 'The code (a measure of success, or any code when all codes are chosen).' },
  { short: 'Wave', numeric: false, help: 'The interviews of this wave: each informant’s transcripts of it.' },
  {
    short: 'Families (n)',
    numeric: true,
    help: 'Families compared: both informants interviewed at this wave. Each family is one unit, its two informants the raters.',
  },
  { short: 'Agree', numeric: true, help: 'Families whose two accounts both have the code, or both do not.' },
  { short: 'Disagree', numeric: true, help: 'Families where one account has the code and the other does not.' },
  {
    short: 'Excluded',
    numeric: true,
    help: 'Families left out because an informant of either role was not interviewed at this wave: missing, never counted as disagreement.',
  },
  { short: 'Agreement', numeric: true, help: 'Share of the families compared whose two accounts agree. Corrects for nothing.' },
  {
    short: 'Cohen κ',
    numeric: true,
    help: 'Cohen’s kappa over families: corrects for the agreement expected from each role’s own rate of having the code. Falls for rare codes even when agreement is high: read it beside AC1. Undefined (—) when there is no variation.',
  },
  {
    short: 'α',
    numeric: true,
    help: 'Krippendorff’s alpha (nominal): 1 − observed / expected disagreement, expected from both accounts pooled. Undefined (—) when there is no variation.',
  },
  {
    short: 'AC1',
    numeric: true,
    help: 'Gwet’s AC1 on the two categories coded / not coded: corrects for chance with an estimate that stays small for rare codes, and stays defined when every account agrees.',
  },
];

export interface TriangulationCell {
  text: string;
  /** Why the value is undefined (shown as —): the cell's tooltip. */
  why?: string;
}

export interface TriangulationLine {
  row: InformantAgreementRow;
  depth: number;
  cells: TriangulationCell[];
}

export const NOTHING_COMPARED = 'Undefined: no family had both informants interviewed at this wave, so nothing was compared.';
export const NO_VARIATION =
  'Undefined: in every family compared both accounts gave the same answer (all coded, or all not coded), so chance agreement is 1 and the ratio is 0/0. It is not reported as 1.';

const waveLabel = (project: Pick<ProjectSnapshot, 'waves'>, id: string) => project.waves.find((w) => w.id === id)?.label ?? id;

/** The agreement table as the tab shows it: numbers in the reader's locale, "—" with a reason where undefined. */
export function triangulationTable(
  project: ProjectSnapshot,
  rows: readonly InformantAgreementRow[],
  depths: ReadonlyMap<string, number> = new Map(),
  locale?: string,
): TriangulationLine[] {
  const stat = (x: number | null, why: string, digits = 3): TriangulationCell =>
    x === null ? { text: '—', why } : { text: numberCell(x, locale, digits).text };
  return rows.map((r) => {
    const why = r.families === 0 ? NOTHING_COMPARED : NO_VARIATION;
    const percent = r.percent === null ? null : r.percent * 100;
    const percentCell = stat(percent, NOTHING_COMPARED, 1);
    return {
      row: r,
      depth: depths.get(r.codeId) ?? 0,
      cells: [
        { text: project.codes.find((c) => c.id === r.codeId)?.name ?? r.codeId },
        { text: waveLabel(project, r.waveId) },
        ...[r.families, r.agree, r.disagree, r.excluded].map((n) => ({ text: countCell(n, locale).text })),
        percent === null ? percentCell : { text: `${percentCell.text}%` },
        stat(r.kappa, why),
        stat(r.alpha, why),
        stat(r.ac1, NOTHING_COMPARED),
      ],
    };
  });
}

/** triangulationRows for a Word table: every cell text, an undefined statistic as "—". */
export function triangulationShownRows(project: ProjectSnapshot, rows: readonly InformantAgreementRow[]): string[][] {
  return triangulationRows(project, rows).map((line, i) => line.map((cell, j) => (i > 0 && j >= 6 && cell === '' ? '—' : String(cell))));
}

const roleLabel = (project: Pick<ProjectSnapshot, 'roles'>, id: string) =>
  (project.roles ?? DEFAULT_ROLES).find((r) => r.id === id)?.label ?? id;

const CHANGE_WORDS: Record<AccountChange, string> = {
  emerged: 'emerged',
  ceased: 'ceased',
  kept: 'present at both waves',
  absent: 'absent at both waves',
};

/** One family where the accounts of emergence part, each by its informant: "Dale’s family: Dale absent at both waves, Leanne emerged". */
export function changeDisagreementText(d: InformantChangeRow['disagreements'][number]): string {
  return `${d.family.pseudonym}’s family: ${d.first.pseudonym} ${CHANGE_WORDS[d.first.change]}, ${d.second.pseudonym} ${CHANGE_WORDS[d.second.change]}`;
}

/** Change by informant as a table (header first) for the tab's export and the Word document. */
export function changeTableRows(
  project: ProjectSnapshot,
  rows: readonly InformantChangeRow[],
  roles: readonly [string, string],
): (string | number)[][] {
  const [r1, r2] = roles.map((r) => roleLabel(project, r));
  const pair = rows[0]?.pair;
  return [
    [
      'Code',
      pair ? `Families (both informants at ${waveLabel(project, pair[0])} and ${waveLabel(project, pair[1])})` : 'Families',
      `Emerged (${r1})`,
      `Emerged (${r2})`,
      'Emerged (both)',
      'Where the accounts disagree',
    ],
    ...rows.map((r) => [
      codePathText(project.codes, r.codeId),
      r.families,
      r.emergedFirst,
      r.emergedSecond,
      r.emergedBoth,
      r.disagreements.map(changeDisagreementText).join('; '),
    ]),
  ];
}

/** The line above the table and the first line of an export: what was compared, on whose codings. */
export function triangulationFiltersText(
  project: ProjectSnapshot,
  options: { roles: readonly [string, string]; codes: TriangulationCodes; coder: string; includeChildren: boolean },
): string {
  const [r1, r2] = options.roles.map((r) => roleLabel(project, r));
  return [
    `Accounts compared: ${r1} with ${r2}`,
    `Codes: ${options.codes === 'measures' ? 'the measures (top-level codes)' : 'all codes'}`,
    `Coder: ${options.coder}`,
    `Sub-codes: ${options.includeChildren ? 'counted with their parents' : 'counted apart'}`,
  ].join('; ');
}

/** A family's members in words: "Leanne (partner), Ellie (child), Ruth (staff)". */
export function familyMembersText(family: CaseFamily): string {
  return family.members.length ? family.members.map((m) => `${m.pseudonym} (${m.relation})`).join(', ') : 'no one linked';
}

/**
 * Each live participant's case family in words, for the participants sheet: a man "Dale's (his
 * himself, Leanne (partner), …", a member "Dale's (partner)" (a member of several families, e.g.
 * staff, every one), someone in none absent from the map.
 */
export function familyOfParticipant(project: Pick<ProjectSnapshot, 'participants'>): Map<string, string> {
  const out = new Map<string, string[]>();
  const add = (id: string, text: string) => out.set(id, [...(out.get(id) ?? []), text]);
  for (const f of caseFamilies(project)) {
    add(f.manId, `${f.pseudonym}'s: himself, ${familyMembersText(f)}`);
    for (const m of f.members) add(m.participantId, `${f.pseudonym}'s (${m.relation})`);
  }
  return new Map([...out].map(([id, texts]) => [id, texts.join('; ')]));
}
