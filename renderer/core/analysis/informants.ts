// Triangulation of linked accounts (issue 20, part 4): each man on a programme was interviewed
// with his (ex-)partner, sometimes a child and staff, so a claim can be checked against another
// person's account of the same months.
//
// Definitions:
// - A case family is a live participant of role 'man' and the live participants linked to him,
//   whichever side wrote the link ("Leanne partner of Dale" or "Dale partner of Leanne"); a
//   person linked to no man is in no family. Only direct links count: a child linked only to
//   her mother is not in his family.
// - A member's relation to him: 'partner', 'ex-partner', 'child' (her "child of" him, or his
//   "parent of"/"father of" her), 'staff' (a member of role 'staff' whatever the link says),
//   else the link type as written.
// - The informant of a role in a family at a wave: the man himself for his own role, else the
//   first member of that role interviewed at that wave, by relation (partner, ex-partner, child,
//   staff, others) then pseudonym. For change between two waves, it must be interviewed at both.
// - "Interviewed" and "has the code" are the wave matrix's rules (core/waves): a live source in a
//   project wave; at least one counted stretch of the code (with includeChildren, of its
//   sub-codes too) by the chosen coders in the informant's transcripts of that wave.
// - Agreement over families: each family compared is a unit, its two informants the raters, the
//   ratings 1 (has the code) or 0. A family missing either informant at the wave is left out
//   (counted in `excluded`), never counted as disagreement. Statistics come from
//   core/agreement; undefined is null (nothing compared, or no variation for kappa and alpha).
//   AC1 is taken on the two categories coded / not coded (q = 2), as the agreement tab's binary
//   statistics, so with no variation it stays defined (= percent agreement).
import { codeGroup, collator, compareIds, context, pairedByCodeFor, type PairedRow } from '../waves';
import { addTables, binaryStats, cohenKappa, gwetAC1, krippendorffAlpha, percentAgreement, type Rating } from '../agreement';
import { codePathText } from '../codebook';
import { DEFAULT_ROLES, live, type Participant, type ProjectSnapshot } from '../shared';
import type { Passage } from '../coding';

export interface FamilyMember {
  participantId: string;
  pseudonym: string;
  role: string;
  /** To him: 'partner', 'ex-partner', 'child', 'staff', or the link type as written. */
  relation: string;
  /** The link as a sentence, as written: "Leanne is partner of Dale", "Dale is ex-partner of Tina". */
  link: string;
  /** Whose record holds the link. */
  writtenBy: 'member' | 'man';
}

export interface CaseFamily {
  manId: string;
  pseudonym: string;
  /** By relation (partner, ex-partner, child, staff, others), then pseudonym. */
  members: FamilyMember[];
}

/** One family's account of one role: the man himself has the relation 'self'. */
export type Informant = Omit<FamilyMember, 'link' | 'writtenBy'>;

// Maps, not object literals: a link typed "constructor of" must not find Object's prototype.
const RELATION_RANK = new Map([
  ['self', -1],
  ['partner', 0],
  ['ex-partner', 1],
  ['child', 2],
  ['staff', 3],
]);
const rank = (relation: string) => RELATION_RANK.get(relation) ?? 4;
const base = (type: string) => type.trim().toLowerCase().replace(/\s+/g, ' ').replace(/ of$/, '');
const SAME_BOTH_WAYS = new Map([
  ['partner', 'partner'],
  ['ex-partner', 'ex-partner'],
  ['ex partner', 'ex-partner'],
  ['former partner', 'ex-partner'],
]);

/** A link "member TYPE man" (writtenBy 'member') or "man TYPE member" ('man'), read as her relation to him. */
function relationOf(type: string, writtenBy: 'member' | 'man', member: Participant): string {
  const b = base(type);
  const symmetric = SAME_BOTH_WAYS.get(b);
  if (symmetric) return symmetric;
  if (writtenBy === 'member' && b === 'child') return 'child';
  if (writtenBy === 'man' && (b === 'parent' || b === 'father')) return 'child';
  if (member.role === 'staff' || (writtenBy === 'member' && b === 'staff')) return 'staff';
  return type.trim();
}

/** The families, ordered by the man's pseudonym (numeric: P2 before P10), then id. */
export function caseFamilies(project: Pick<ProjectSnapshot, 'participants'>): CaseFamily[] {
  const people = live(project.participants);
  const byId = new Map(people.map((p) => [p.id, p]));
  const families: CaseFamily[] = [];
  for (const man of people) {
    if (man.role !== 'man') continue;
    const members = new Map<string, FamilyMember>();
    const add = (member: Participant | undefined, type: string, writtenBy: 'member' | 'man') => {
      if (!member || member.id === man.id || members.has(member.id)) return;
      const [from, to] = writtenBy === 'member' ? [member, man] : [man, member];
      members.set(member.id, {
        participantId: member.id,
        pseudonym: member.pseudonym,
        role: member.role,
        relation: relationOf(type, writtenBy, member),
        link: `${from.pseudonym} is ${type.trim()} ${to.pseudonym}`,
        writtenBy,
      });
    };
    // Her own link first (the participants sheet's usual side), then his.
    for (const p of people) for (const l of p.links) if (l.participantId === man.id) add(p, l.type, 'member');
    for (const l of man.links) add(byId.get(l.participantId), l.type, 'man');
    const sorted = [...members.values()].sort(
      (a, b) =>
        rank(a.relation) - rank(b.relation) || collator.compare(a.pseudonym, b.pseudonym) || compareIds(a.participantId, b.participantId),
    );
    families.push({ manId: man.id, pseudonym: man.pseudonym, members: sorted });
  }
  return families.sort((a, b) => collator.compare(a.pseudonym, b.pseudonym) || compareIds(a.manId, b.manId));
}

/** The informant of `role`: the man for his own role, else the first member of it who passes `seen`. */
function informant(family: CaseFamily, role: string, seen: (id: string) => boolean): Informant | null {
  if (role === 'man' && seen(family.manId)) return { participantId: family.manId, pseudonym: family.pseudonym, role, relation: 'self' };
  const m = family.members.find((x) => x.role === role && seen(x.participantId));
  return m ? { participantId: m.participantId, pseudonym: m.pseudonym, role: m.role, relation: m.relation } : null;
}

export interface InformantOptions {
  /** The two roles compared, e.g. ['man', 'woman']; they must differ. */
  roles: readonly [string, string];
  /** Only these coders' codings; undefined = everyone, an empty list = no one. */
  coderIds?: readonly string[];
  /** A code also counts its live sub-codes. */
  includeChildren?: boolean;
}

/** The wave matrix's context over the codes asked about: who was interviewed, who has what. */
function evidence(project: ProjectSnapshot, codeIds: readonly string[], options: InformantOptions) {
  if (options.roles[0] === options.roles[1])
    throw new RangeError(`Triangulation compares two different roles, got ${options.roles[0]} twice.`);
  const wm = { ...(options.coderIds ? { coderIds: options.coderIds } : {}), includeChildren: options.includeChildren ?? false };
  const only = new Set<string>();
  for (const id of codeIds) for (const c of codeGroup(project, id, wm)) only.add(c);
  const ctx = context(project, wm, only);
  const cache = new Map<string, Set<string>>();
  /** Participants who have the code at the wave. */
  const has = (codeId: string, waveId: string): Set<string> => {
    const key = `${codeId}\u0000${waveId}`;
    let people = cache.get(key);
    if (!people) {
      const stretches = ctx.stretches(codeId);
      people = new Set<string>();
      for (const s of ctx.sourcesByWave.get(waveId) ?? []) if ((stretches.get(s.id)?.length ?? 0) > 0) people.add(s.participantId!);
      cache.set(key, people);
    }
    return people;
  };
  const seenAt = (waveId: string) => {
    const seen = ctx.interviewed.get(waveId);
    return (id: string) => seen?.has(id) ?? false;
  };
  return { ctx, has, seenAt, families: caseFamilies(project) };
}

interface FamilyPair {
  family: CaseFamily;
  first: Informant;
  second: Informant;
}

/** Families with both informants passing `seen`, and how many were left out. */
function pairsAt(families: readonly CaseFamily[], roles: readonly [string, string], seen: (id: string) => boolean) {
  const pairs: FamilyPair[] = [];
  for (const family of families) {
    const first = informant(family, roles[0], seen);
    const second = informant(family, roles[1], seen);
    if (first && second) pairs.push({ family, first, second });
  }
  return { pairs, excluded: families.length - pairs.length };
}

const uniq = (ids: readonly string[]) => [...new Set(ids)];

export interface InformantAgreementRow {
  codeId: string;
  waveId: string;
  /** Families compared (n): both informants interviewed at the wave. */
  families: number;
  /** Families left out because an informant of either role was not interviewed at the wave. */
  excluded: number;
  agree: number;
  disagree: number;
  /** Families where both, only the first role's, only the second's, neither informant had it. */
  both: number;
  onlyFirst: number;
  onlySecond: number;
  neither: number;
  /** agree / families; null when no family was compared. */
  percent: number | null;
  kappa: number | null;
  /** Krippendorff's alpha, nominal. */
  alpha: number | null;
  /** Gwet's AC1 on two categories (q = 2). */
  ac1: number | null;
}

/**
 * Agreement between informants, one row per live code (in `codeIds` order, repeats and codes
 * that are not live dropped) and wave (in `waves` order; a wave the project lacks compares
 * nobody). See the header for the definitions.
 */
export function informantAgreement(
  project: ProjectSnapshot,
  options: InformantOptions & { codeIds: readonly string[]; waves: readonly string[] },
): InformantAgreementRow[] {
  const { ctx, has, seenAt, families } = evidence(project, options.codeIds, options);
  const byWave = new Map(uniq(options.waves).map((w) => [w, pairsAt(families, options.roles, seenAt(w))]));
  const rows: InformantAgreementRow[] = [];
  for (const codeId of uniq(options.codeIds)) {
    if (!ctx.liveCodes.has(codeId)) continue;
    for (const [waveId, { pairs, excluded }] of byWave) {
      const present = has(codeId, waveId);
      const a: Rating[] = pairs.map((p) => (present.has(p.first.participantId) ? 1 : 0));
      const b: Rating[] = pairs.map((p) => (present.has(p.second.participantId) ? 1 : 0));
      const count = (x: number, y: number) => a.filter((v, i) => v === x && b[i] === y).length;
      const [both, onlyFirst, onlySecond, neither] = [count(1, 1), count(1, 0), count(0, 1), count(0, 0)];
      rows.push({
        codeId,
        waveId,
        families: pairs.length,
        excluded,
        agree: both + neither,
        disagree: onlyFirst + onlySecond,
        both,
        onlyFirst,
        onlySecond,
        neither,
        percent: percentAgreement([a, b]),
        kappa: cohenKappa(a, b),
        alpha: krippendorffAlpha([a, b]),
        ac1: gwetAC1(a, b, 2),
      });
    }
  }
  return rows;
}

export interface InformantAccount extends Informant {
  has: boolean;
  /** The informant's passages of the code at the wave, by code in codebook order, each in reading order. */
  passages: Passage[];
}

export interface FamilyAccounts {
  family: CaseFamily;
  agree: boolean;
  first: InformantAccount;
  second: InformantAccount;
  /** The paired reader across people: per code (and sub-code with includeChildren), his passages beside hers. */
  rows: PairedRow[];
}

/**
 * The families compared for one code at one wave, those whose accounts differ first, then the
 * agreeing ones, each group by the man's pseudonym. [] for a code that is not live.
 */
export function divergentFamilies(project: ProjectSnapshot, codeId: string, waveId: string, options: InformantOptions): FamilyAccounts[] {
  const { ctx, has, seenAt, families } = evidence(project, [codeId], options);
  if (!ctx.liveCodes.has(codeId)) return [];
  const present = has(codeId, waveId);
  const paired = { codeId, ...(options.coderIds ? { coderIds: options.coderIds } : {}) };
  const pairs = pairsAt(families, options.roles, seenAt(waveId)).pairs;
  // Every informant's passages in one retrieval (pairedByCodeFor), not one per informant.
  const informantRows = pairedByCodeFor(
    project,
    pairs.flatMap((p) => [p.first.participantId, p.second.participantId]),
    [waveId, waveId],
    paired,
  );
  const read = (id: string) =>
    (informantRows.get(id) ?? [])
      .filter((r) => options.includeChildren || r.codeId === codeId)
      // Only passages the rules count: an empty or out-of-text coding is no evidence.
      .map((r) => ({ ...r, first: r.first.filter((p) => p.text.length > 0) }));
  const out = pairs.map(({ family, first, second }) => {
    const [mine, theirs] = [first, second].map((who) => new Map(read(who.participantId).map((r) => [r.codeId, r])));
    const kept = ctx.rowIds.flatMap((id): PairedRow[] => {
      const [m, t] = [mine!.get(id), theirs!.get(id)];
      const [f, s] = [m?.first ?? [], t?.first ?? []];
      return f.length > 0 || s.length > 0 ? [{ codeId: id, depth: (m ?? t)!.depth, first: f, second: s }] : [];
    });
    const account = (who: Informant, side: 'first' | 'second'): InformantAccount => ({
      ...who,
      has: present.has(who.participantId),
      passages: kept.flatMap((r) => r[side]),
    });
    const a = account(first, 'first');
    const b = account(second, 'second');
    return { family, agree: a.has === b.has, first: a, second: b, rows: kept };
  });
  // A stable sort keeps the families' order within each group.
  return out.sort((x, y) => Number(x.agree) - Number(y.agree));
}

export type AccountChange = 'emerged' | 'ceased' | 'kept' | 'absent';

export interface ChangeSide extends Informant {
  atFirst: boolean;
  atSecond: boolean;
  change: AccountChange;
}

export interface InformantChangeRow {
  codeId: string;
  pair: [string, string];
  /** Families with both informants interviewed at both waves: the only ones counted here. */
  families: number;
  /** Men (families) where the code emerged by the first role's account, by the second's, by both. */
  emergedFirst: number;
  emergedSecond: number;
  emergedBoth: number;
  /** Families where exactly one account has it emerging, by the man's pseudonym. */
  disagreements: { family: CaseFamily; first: ChangeSide; second: ChangeSide }[];
}

const changeOf = (a: boolean, b: boolean): AccountChange => (a ? (b ? 'kept' : 'ceased') : b ? 'emerged' : 'absent');

/** Change by informant: per live code, emergence (absent at the pair's first wave, present at its second) by each account. */
export function changeByInformant(
  project: ProjectSnapshot,
  options: InformantOptions & { codeIds: readonly string[]; pair: readonly [string, string] },
): InformantChangeRow[] {
  const { ctx, has, seenAt, families } = evidence(project, options.codeIds, options);
  const [wa, wb] = options.pair;
  const [sa, sb] = [seenAt(wa), seenAt(wb)];
  const { pairs } = pairsAt(families, options.roles, (id) => sa(id) && sb(id));
  const rows: InformantChangeRow[] = [];
  for (const codeId of uniq(options.codeIds)) {
    if (!ctx.liveCodes.has(codeId)) continue;
    const [ha, hb] = [has(codeId, wa), has(codeId, wb)];
    const side = (who: Informant): ChangeSide => {
      const atFirst = ha.has(who.participantId);
      const atSecond = hb.has(who.participantId);
      return { ...who, atFirst, atSecond, change: changeOf(atFirst, atSecond) };
    };
    const row: InformantChangeRow = {
      codeId,
      pair: [wa, wb],
      families: pairs.length,
      emergedFirst: 0,
      emergedSecond: 0,
      emergedBoth: 0,
      disagreements: [],
    };
    for (const { family, first, second } of pairs) {
      const [x, y] = [side(first), side(second)];
      const [ex, ey] = [x.change === 'emerged', y.change === 'emerged'];
      if (ex) row.emergedFirst += 1;
      if (ey) row.emergedSecond += 1;
      if (ex && ey) row.emergedBoth += 1;
      if (ex !== ey) row.disagreements.push({ family, first: x, second: y });
    }
    rows.push(row);
  }
  return rows;
}

// ---- export: the table and a methods paragraph -----------------------------------------------

const round = (x: number | null) => (x === null ? '' : Number(x.toFixed(3)) || 0);
const waveName = (project: ProjectSnapshot, id: string) => project.waves.find((w) => w.id === id)?.label ?? id;
const roleName = (project: ProjectSnapshot, id: string) => (project.roles ?? DEFAULT_ROLES).find((r) => r.id === id)?.label ?? id;

/** The triangulation table for CSV/XLSX/DOCX: a header, then one line per row; undefined statistics empty. */
export function triangulationRows(project: ProjectSnapshot, rows: readonly InformantAgreementRow[]): (string | number)[][] {
  return [
    [
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
    ],
    ...rows.map((r) => [
      codePathText(project.codes, r.codeId),
      waveName(project, r.waveId),
      r.families,
      r.agree,
      r.disagree,
      r.excluded,
      r.percent === null ? '' : Number((r.percent * 100).toFixed(1)),
      round(r.kappa),
      round(r.alpha),
      round(r.ac1),
    ]),
  ];
}

const plural = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;
const two = (x: number | null, why: string) => (x === null ? `undefined (${why})` : x.toFixed(2));

/** A draft paragraph for a methods section, from the rows and the options that made them. */
export function triangulationParagraph(
  project: ProjectSnapshot,
  rows: readonly InformantAgreementRow[],
  options: InformantOptions,
): string {
  const families = caseFamilies(project);
  const [r1, r2] = options.roles.map((r) => roleName(project, r));
  const codeName = (id: string) => codePathText(project.codes, id);
  const codes = uniq(rows.map((r) => r.codeId));
  const coders = options.coderIds?.map((id) => project.coders.find((c) => c.id === id)) ?? null;
  const coderText = !coders
    ? "every coder's codings"
    : coders.length === 1 && coders[0]?.consensus
      ? 'the consensus coding'
      : `the codings of ${coders.map((c, i) => c?.name ?? options.coderIds![i]).join(', ') || 'no coder'}`;
  const parts = [
    `Accounts were triangulated within case families: each man on the programme with the participants linked to him in the participants sheet (${plural(families.length, 'family', 'families')}, ${families.filter((f) => f.members.length > 0).length} with at least one linked participant).`,
    `For ${plural(codes.length, 'code')}, each family's informant of the role ${r1} and of the role ${r2} was rated as having the code at a wave when at least one passage of their transcripts of that wave was coded with it${options.includeChildren ? ' or one of its sub-codes' : ''} (${coderText}); the family was the unit and the two informants its raters.`,
    'Where a family had more than one informant of a role, a partner was taken before an ex-partner, then a child, then staff.',
  ];
  const perWave = new Map<string, InformantAgreementRow>();
  for (const r of rows) if (!perWave.has(r.waveId)) perWave.set(r.waveId, r);
  if (perWave.size > 0)
    parts.push(
      `Families in which either informant was not interviewed at a wave were left out of that wave's comparison rather than counted as disagreement (${[...perWave.values()].map((r) => `${waveName(project, r.waveId)}: ${r.families} of ${r.families + r.excluded} families compared`).join('; ')}).`,
    );
  const pooled = binaryStats(addTables(rows));
  if (pooled.agreement === null) parts.push('No family had both informants interviewed, so no agreement statistic is defined.');
  else {
    const why = 'no variation';
    parts.push(
      `Pooled over codes and waves (from the summed tables, not an average of per-code values), the two accounts agreed in ${(pooled.agreement * 100).toFixed(1)}% of ${pooled.units} code-by-family comparisons; Cohen's kappa was ${two(pooled.kappa, why)}, Krippendorff's alpha (nominal) ${two(pooled.alpha, why)} and Gwet's AC1 ${two(pooled.ac1, why)}.`,
    );
    const compared = rows.filter((r) => r.percent !== null);
    const low = Math.min(...compared.map((r) => r.percent!));
    const high = Math.max(...compared.map((r) => r.percent!));
    const lowest = compared.filter((r) => r.percent === low).map((r) => `${codeName(r.codeId)} at ${waveName(project, r.waveId)}`);
    if (compared.length > 1)
      parts.push(
        `Per code and wave, percent agreement ranged from ${(low * 100).toFixed(1)}% to ${(high * 100).toFixed(1)}%, lowest for ${lowest.join(', ')}.`,
      );
  }
  const flat = rows.filter((r) => r.families > 0 && r.kappa === null).map((r) => `${codeName(r.codeId)} at ${waveName(project, r.waveId)}`);
  if (flat.length)
    parts.push(
      `For ${plural(flat.length, 'code-and-wave comparison')} (${flat.join(', ')}) kappa and alpha are undefined and not reported as 1: both informants of every family gave the same answer, so there was no variation; AC1, on the two categories coded and not coded, remains defined.`,
    );
  return parts.join(' ');
}
