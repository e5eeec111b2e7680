// The change matrix: the framework method with time. Participants (rows, grouped by role) by
// codes or measures (columns); each cell holds the researcher's summary of the account at the
// first and the second wave of a pair and a judgement of how it changed, resting on the
// passages coded there. Edits are Actions on the 'frameworkCells' table (undoable like codes
// and codings); a column or a row can be read out as one plain text, and the whole matrix as
// rows of strings for the CSV/XLSX writers.
import {
  created,
  updated,
  type Action,
  CHANGE_JUDGEMENTS,
  type ChangeJudgement,
  type Code,
  type FrameworkCell,
  type Participant,
  type ProjectSnapshot,
  type RoleDef,
  ValidationError,
  nameCollator,
} from '../shared';
import { descendantIds } from '../codebook';
import { cellPassages, passagesByParticipant, type WaveMatrixOptions } from './waves';

/** The two wave ids compared, first then second, e.g. ['T1', 'T2']. */
export type WavePair = readonly [string, string];

export interface CellTarget {
  participantId: string;
  codeId: string;
  waves: WavePair;
}

export type CellPatch = Partial<Pick<FrameworkCell, 'firstSummary' | 'secondSummary' | 'judgement'>>;

/** What the undo label calls the row and the column, e.g. { participant: 'Dale', code: 'Respectful communication' }. */
export interface CellNames {
  participant: string;
  code: string;
}

export interface EvidenceOptions {
  /** Also count passages coded with any live sub-code of the column's code. */
  includeChildren?: boolean;
  /** Only these coders' codings; omitted means everyone (an empty list means no one). */
  coderIds?: readonly string[];
  /** Count only what lies in turns not spoken by the interviewer (as the wave matrix). */
  ignoreInterviewer?: boolean;
}

/**
 * A coded passage a cell rests on: one of core/waves' stretches. `text` is exactly
 * source.text.slice(start, end); `codings` are the codings it is made of (live, of the wanted
 * codes and coders, overlapping it), by start, end, coder id, then id.
 */
export interface EvidencePassage {
  sourceId: string;
  start: number;
  end: number;
  text: string;
  codings: { codingId: string; codeId: string; coderId: string }[];
}

export interface CellEvidence {
  first: EvidencePassage[];
  second: EvidencePassage[];
}

export interface EvidenceCount {
  first: number;
  second: number;
}

export interface MatrixRowGroup {
  /** null gathers participants whose role has no definition in the role order. */
  role: RoleDef | null;
  participants: Participant[];
}

// Numeric so "P2" comes before "P10"; base sensitivity so case does not split names (as retrieval).
const collator = nameCollator;

// ---- cells ----

/** One string per (participant, code, wave pair); the key of `indexCells` and `evidenceCounts`. */
export function cellKey(participantId: string, codeId: string, waves: WavePair): string {
  return `${participantId}\u0000${codeId}\u0000${waves[0]}\u0000${waves[1]}`;
}

/**
 * Live cells by cellKey. Should two live cells share a key (two copies of a project merged),
 * the one updated last wins, ties by id, so the grid, findCell and setCell agree on which.
 */
export function indexCells(cells: readonly FrameworkCell[]): Map<string, FrameworkCell> {
  const out = new Map<string, FrameworkCell>();
  for (const cell of cells) {
    if (cell.deletedAt != null) continue;
    const key = cellKey(cell.participantId, cell.codeId, cell.waves);
    const held = out.get(key);
    if (!held || cell.updatedAt > held.updatedAt || (cell.updatedAt === held.updatedAt && cell.id > held.id)) out.set(key, cell);
  }
  return out;
}

/** The live cell of a participant and code for a wave pair (the order of the pair matters). */
export function findCell(
  cells: readonly FrameworkCell[],
  participantId: string,
  codeId: string,
  waves: WavePair,
): FrameworkCell | undefined {
  return indexCells(cells.filter((c) => c.participantId === participantId && c.codeId === codeId)).get(
    cellKey(participantId, codeId, waves),
  );
}

/** A cell with nothing in it: both summaries blank (whitespace counts as blank) and no judgement. */
export function isEmptyCell(cell: Pick<FrameworkCell, 'firstSummary' | 'secondSummary' | 'judgement'>): boolean {
  return !cell.firstSummary.trim() && !cell.secondSummary.trim() && cell.judgement === '';
}

/**
 * Writes the patched fields of a cell as one undoable Action. Creates the cell when none is live
 * (blank summaries, no judgement, then the patch), updates it otherwise; an Action without
 * changes when nothing would change. A cell left with nothing in it is soft-deleted, and a patch
 * that would create an empty cell creates nothing. Summaries are stored exactly as typed (not
 * trimmed), so a view may save while the researcher types.
 */
export function setCell(
  cells: readonly FrameworkCell[],
  target: CellTarget,
  patch: CellPatch,
  now: number,
  newId: () => string,
  names: CellNames,
): Action {
  const [first, second] = target.waves;
  if (first === second) throw new ValidationError('Choose two different waves to compare.');
  if (patch.judgement !== undefined && patch.judgement !== '' && !CHANGE_JUDGEMENTS.some((j) => j.id === patch.judgement)) {
    throw new ValidationError(`"${String(patch.judgement)}" is not a change judgement.`);
  }
  const label = `Change matrix: ${names.participant} × ${names.code}`;
  const fields: CellPatch = {};
  if (patch.firstSummary !== undefined) fields.firstSummary = patch.firstSummary;
  if (patch.secondSummary !== undefined) fields.secondSummary = patch.secondSummary;
  if (patch.judgement !== undefined) fields.judgement = patch.judgement;

  const existing = findCell(cells, target.participantId, target.codeId, target.waves);
  if (!existing) {
    const cell: FrameworkCell = {
      id: '',
      participantId: target.participantId,
      codeId: target.codeId,
      waves: [first, second],
      firstSummary: '',
      secondSummary: '',
      judgement: '',
      ...fields,
      updatedAt: now,
    };
    if (isEmptyCell(cell)) return { label, changes: [] };
    return { label, changes: [created('frameworkCells', { ...cell, id: newId() })] };
  }
  const next: FrameworkCell = { ...existing, ...fields };
  if (
    next.firstSummary === existing.firstSummary &&
    next.secondSummary === existing.secondSummary &&
    next.judgement === existing.judgement
  ) {
    return { label, changes: [] };
  }
  const after: FrameworkCell = isEmptyCell(next) ? { ...next, updatedAt: now, deletedAt: now } : { ...next, updatedAt: now };
  return { label, changes: [updated('frameworkCells', existing, after)] };
}

// ---- evidence ----

/**
 * The passages a cell rests on, counted as the wave matrix counts them (core/waves: a
 * participant's coded stretches, two coders on the same words or a parent and a child on them
 * being one passage), so a cell's numbers add up to the matrix's. Empty when the participant or
 * the code is deleted.
 */
export function cellEvidence(
  project: ProjectSnapshot,
  participantId: string,
  codeId: string,
  waves: WavePair,
  options: EvidenceOptions = {},
): CellEvidence {
  const counting = countingOptions(options);
  const sources = new Map(project.sources.filter((s) => s.participantId === participantId).map((s) => [s.id, s]));
  const wanted = new Set([codeId, ...(options.includeChildren ? descendantIds(project.codes, codeId) : [])]);
  const coders = options.coderIds ? new Set(options.coderIds) : null;
  // The live codings a passage can be made of: this participant's, of the wanted codes and coders.
  const candidates = project.codings.filter(
    (c) => c.deletedAt == null && sources.has(c.sourceId) && wanted.has(c.codeId) && (!coders || coders.has(c.coderId)) && c.end > c.start,
  );
  const side = (waveId: string): EvidencePassage[] =>
    cellPassages(project, codeId, waveId, counting)
      .filter((p) => p.participantId === participantId)
      .map((p) => ({
        sourceId: p.sourceId,
        start: p.start,
        end: p.end,
        text: sources.get(p.sourceId)!.text.slice(p.start, p.end),
        codings: candidates
          .filter((c) => c.sourceId === p.sourceId && c.start < p.end && c.end > p.start)
          .sort((a, b) => a.start - b.start || a.end - b.end || compareStrings(a.coderId, b.coderId) || compareStrings(a.id, b.id))
          .map((c) => ({ codingId: c.id, codeId: c.codeId, coderId: c.coderId })),
      }));
  return { first: side(waves[0]), second: side(waves[1]) };
}

/**
 * Passage counts of every (participant, code) for a wave pair, keyed by cellKey; a missing key
 * means 0 and 0. They are core/waves' passagesByParticipant for the pair's waves, so they are
 * exactly the lengths of cellEvidence's lists for the same options, and summed over the
 * participants of a wave they give the wave matrix's passages.
 */
export function evidenceCounts(project: ProjectSnapshot, waves: WavePair, options: EvidenceOptions = {}): Map<string, EvidenceCount> {
  const out = new Map<string, EvidenceCount>();
  for (const [codeId, byPerson] of passagesByParticipant(project, countingOptions(options))) {
    for (const [participantId, byWave] of byPerson) {
      const count = { first: byWave.get(waves[0]) ?? 0, second: byWave.get(waves[1]) ?? 0 };
      if (count.first > 0 || count.second > 0) out.set(cellKey(participantId, codeId, waves), count);
    }
  }
  return out;
}

/** The wave matrix's options for the evidence options (no role, site or group filter: one participant is asked about). */
function countingOptions(options: EvidenceOptions): WaveMatrixOptions {
  return {
    ...(options.coderIds ? { coderIds: options.coderIds } : {}),
    includeChildren: options.includeChildren ?? false,
    ignoreInterviewer: options.ignoreInterviewer ?? false,
  };
}

/**
 * What the counts alone can say. Only presence and absence: 'emerged' when nothing was coded at
 * the first wave and something at the second, 'ceased' the other way round. Otherwise nothing
 * (''), on purpose: how often a code was applied reflects interview length, the questions asked
 * and coding style, not how strongly a participant holds an account, so strengthened, weakened,
 * unchanged and unclear are left to the researcher reading the passages.
 */
export function suggestJudgement(firstCount: number, secondCount: number): ChangeJudgement | '' {
  if (firstCount === 0 && secondCount > 0) return 'emerged';
  if (firstCount > 0 && secondCount === 0) return 'ceased';
  return '';
}

export function judgementLabel(judgement: ChangeJudgement | ''): string {
  return CHANGE_JUDGEMENTS.find((j) => j.id === judgement)?.label ?? '';
}

// ---- rows ----

/**
 * The matrix's rows: live participants with at least one live transcript (any wave), grouped by
 * role in `roleOrder` order, by pseudonym inside a group (numeric, case-insensitive, then id).
 * Participants whose role is not in `roleOrder` come last in one group with `role: null`.
 * `roles` keeps only participants with those role ids. Empty groups are left out.
 */
/**
 * Who the change matrix lists, grouped by role in the project's order. Role, site and group
 * lists read as everywhere else in core: undefined or empty means no restriction.
 */
/** Which participants: by role, site and group (undefined or empty: everyone). */
export interface PeopleFilter {
  roles?: readonly string[];
  sites?: readonly string[];
  groups?: readonly string[];
}

/** The measures a change matrix can show as columns: the top-level codes, in codebook order. */
export function measureCodes(codes: readonly Code[]): Code[] {
  return codes.filter((c) => c.parentId === null && c.deletedAt == null).sort((a, b) => a.order - b.order);
}

export function matrixRows(project: ProjectSnapshot, options: PeopleFilter & { roleOrder: readonly RoleDef[] }): MatrixRowGroup[] {
  const withSources = new Set<string>();
  for (const s of project.sources) if (s.deletedAt == null && s.participantId !== null) withSources.add(s.participantId);
  const keep = (list: readonly string[] | undefined) => (list?.length ? new Set(list) : null);
  const [roles, sites, groups] = [keep(options.roles), keep(options.sites), keep(options.groups)];
  const people = project.participants
    .filter(
      (p) =>
        p.deletedAt == null &&
        withSources.has(p.id) &&
        (!roles || roles.has(p.role)) &&
        (!sites || sites.has(p.site)) &&
        (!groups || groups.has(p.group)),
    )
    .sort((a, b) => collator.compare(a.pseudonym, b.pseudonym) || compareStrings(a.id, b.id));
  const out: MatrixRowGroup[] = [];
  const placed = new Set<string>();
  for (const role of options.roleOrder) {
    if (placed.has(role.id)) continue; // a repeated role id must not list its people twice
    placed.add(role.id);
    const participants = people.filter((p) => p.role === role.id);
    if (participants.length > 0) out.push({ role, participants });
  }
  const rest = people.filter((p) => !placed.has(p.role));
  if (rest.length > 0) out.push({ role: null, participants: rest });
  return out;
}

// ---- helpers ----

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The pair's wave labels; a wave the project no longer lists shows its id. */
