// The matrix query (NVivo's Matrix Coding Query, MAXQDA's Crosstabs): codes or measures down,
// a characteristic of the people or transcripts across (role, site, group, wave, set, an
// attribute, or a cross of two), and in each cell how much of the code that column holds.
//
// Rules:
// - What counts: live transcripts of live participants that the source filter lets through
//   (scope.ts countedSources: roles, sites, groups, waves, sets, as on the other sections). A
//   code's passages are the wave matrix's stretches (scope.ts: chosen coders, includeChildren,
//   ignoreInterviewer as there). A filtered dimension shows only the values the filter keeps.
// - Rows: 'codes' = the given live codes, each once, in the order given (with includeChildren
//   each also counts its sub-codes); 'measures' = the top-level codes (and any live code whose
//   parent is deleted) in codebook order, each always counting itself with all its sub-codes.
// - Columns: the values that occur among the counted transcripts, each a column: role (in the
//   project's role order), site, group, wave (in wave order), set (in the project's order), or
//   a participant attribute (formatted as the classification sheet writes it: booleans yes/no,
//   numbers as text, in numeric order when every value is a number). A transcript with no value
//   (no site, no group, no wave or one the project does not have, no set, an empty attribute)
//   goes in the column "(none)", last. Every transcript has one value per dimension except sets:
//   a transcript in two sets is in both columns. A cross of two dimensions has a column per pair
//   of values that occurs together, ordered by the first dimension, then the second.
// - Cells: 'passages' = stretches in the column's transcripts; 'words' = their countWords;
//   'participants' = people with at least one such stretch; 'share' = those people ÷ the
//   people with any counted transcript in the column (0 for none).
// - Totals: for 'passages' and 'words' the sums of the cells shown, so they add up (a transcript
//   in two sets is counted in both columns and so twice in its row's total). For 'participants'
//   and 'share' a person counts once: a row's total is the people with the code in any column
//   (÷ the people in any column, for 'share'), a column's the people there with any row's code,
//   the grand total the people with any row's code anywhere. Where every person is in one column
//   (role, site, group, an attribute) the row totals are the sums of the cells.
import { codeGroup, codesInTreeOrder, wordCounter, wordsInStretches, type CellPassage } from '../waves';
import { formatAttribute } from '../project';
import { DEFAULT_ROLES, GROUPS, live, type Participant, type ProjectSnapshot, type Source, nameCollator } from '../shared';
import { codedStretches, chosenCodes, countedSources, participantOfSource, type SourceFilter, type StretchOptions } from './scope';

export type Dimension = { kind: 'role' | 'site' | 'group' | 'wave' | 'set' } | { kind: 'attribute'; name: string };
export type MatrixRows = { kind: 'codes'; codeIds: readonly string[] } | { kind: 'measures' };
export type MatrixCell = 'passages' | 'words' | 'participants' | 'share';

export interface MatrixQuery extends SourceFilter, StretchOptions {
  rows: MatrixRows;
  columns: Dimension | readonly [Dimension, Dimension];
  cell: MatrixCell;
}

export interface MatrixResult {
  /** Code ids and names. */
  rows: { id: string; label: string }[];
  /** key: the column's value per dimension ('' = none); label: their labels joined by ' · '. */
  columns: { key: string[]; label: string }[];
  cells: number[][];
  rowTotals: number[];
  columnTotals: number[];
  total: number;
}

/** Label of the column holding transcripts without a value. */
export const NO_VALUE = '(none)';

/** The matrix; see the header for every rule. */
export function matrixQuery(project: ProjectSnapshot, query: MatrixQuery): MatrixResult {
  const plan = prepare(project, query);
  const nc = plan.columns.length;
  const stretches = codedStretches(project, plan.sources, plan.rowIds, query, plan.groupOf);
  const bySource = new Map(plan.sources.map((s) => [s.id, s]));
  const everyone = new Set(plan.personOf.values());
  const additive = query.cell === 'passages' || query.cell === 'words';
  const cells: number[][] = [];
  const hasRow: Set<string>[] = [];
  const hasAny = new Set<string>();
  const hasAnyInColumn = plan.columns.map(() => new Set<string>());
  for (const rowId of plan.rowIds) {
    const sums = new Array<number>(nc).fill(0);
    const people = plan.columns.map(() => new Set<string>());
    const anywhere = new Set<string>();
    for (const [sourceId, flat] of stretches.get(rowId)!) {
      if (flat.length === 0) continue;
      let amount = flat.length / 2;
      if (query.cell === 'words') amount = wordsInStretches(bySource.get(sourceId)!, flat);
      const person = plan.personOf.get(sourceId)!;
      anywhere.add(person);
      hasAny.add(person);
      for (const c of plan.columnsOf.get(sourceId)!) {
        sums[c]! += amount;
        people[c]!.add(person);
        hasAnyInColumn[c]!.add(person);
      }
    }
    hasRow.push(anywhere);
    cells.push(additive ? sums : people.map((p, c) => (query.cell === 'participants' ? p.size : ratio(p.size, plan.peopleIn[c]!.size))));
  }
  let rowTotals: number[];
  let columnTotals: number[];
  let total: number;
  if (additive) {
    rowTotals = cells.map((row) => row.reduce((a, b) => a + b, 0));
    columnTotals = plan.columns.map((_, c) => cells.reduce((a, row) => a + row[c]!, 0));
    total = rowTotals.reduce((a, b) => a + b, 0);
  } else if (query.cell === 'participants') {
    rowTotals = hasRow.map((s) => s.size);
    columnTotals = hasAnyInColumn.map((s) => s.size);
    total = hasAny.size;
  } else {
    rowTotals = hasRow.map((s) => ratio(s.size, everyone.size));
    columnTotals = hasAnyInColumn.map((s, c) => ratio(s.size, plan.peopleIn[c]!.size));
    total = ratio(hasAny.size, everyone.size);
  }
  return { rows: plan.rows, columns: plan.columns, cells, rowTotals, columnTotals, total };
}

/**
 * The stretches behind one cell (those its 'passages' count; the evidence for the other cell
 * types), in reading order (participant, wave, title), then by offset, with their words.
 * [] for an index outside the matrix.
 */
export function matrixCellPassages(project: ProjectSnapshot, query: MatrixQuery, rowIndex: number, columnIndex: number): CellPassage[] {
  const plan = prepare(project, query);
  const rowId = plan.rowIds[rowIndex];
  if (rowId === undefined || !(columnIndex >= 0 && columnIndex < plan.columns.length)) return [];
  const stretches = codedStretches(project, plan.sources, [rowId], query, plan.groupOf).get(rowId)!;
  const out: CellPassage[] = [];
  for (const source of plan.sources) {
    const flat = stretches.get(source.id);
    if (!flat?.length || !plan.columnsOf.get(source.id)!.includes(columnIndex)) continue;
    const count = wordCounter(source);
    for (let i = 0; i < flat.length; i += 2)
      out.push({
        sourceId: source.id,
        participantId: source.participantId!,
        start: flat[i]!,
        end: flat[i + 1]!,
        words: count(flat[i]!, flat[i + 1]!),
      });
  }
  return out;
}

/** How a column shows one dimension's value (a key of `MatrixResult.columns`): NO_VALUE for ''. */
export function dimensionValueLabel(project: ProjectSnapshot, dimension: Dimension, key: string): string {
  return axis(project, dimension).label(key);
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
const collator = nameCollator;

interface Plan {
  rowIds: string[];
  rows: { id: string; label: string }[];
  groupOf: (codeId: string) => Iterable<string>;
  /** Counted sources in reading order. */
  sources: Source[];
  personOf: Map<string, string>;
  columns: { key: string[]; label: string }[];
  columnsOf: Map<string, number[]>;
  /** People with a counted transcript in each column. */
  peopleIn: Set<string>[];
}

function prepare(project: ProjectSnapshot, query: MatrixQuery): Plan {
  const codes = new Map(live(project.codes).map((c) => [c.id, c]));
  const measures = query.rows.kind === 'measures';
  const rowIds =
    query.rows.kind === 'codes'
      ? chosenCodes(project, query.rows.codeIds)
      : codesInTreeOrder(project).filter((id) => {
          const parent = codes.get(id)!.parentId;
          return parent === null || !codes.has(parent);
        });
  const groupOf = (id: string) => codeGroup(project, id, { includeChildren: measures || query.includeChildren });

  const candidates = countedSources(project, query);
  const personOf = participantOfSource(project, candidates);
  const sources = candidates.filter((s) => personOf.has(s.id));
  const people = new Map(live(project.participants).map((p) => [p.id, p]));
  const dims = isPair(query.columns) ? [...query.columns] : [query.columns];
  const axes = dims.map((d) => axis(project, d));

  const valuesOf = (s: Source) => axes.map((a) => a.keysOf(s, people.get(s.participantId!)!));
  const combos = new Map<string, string[]>();
  const combosOf = new Map<string, string[][]>();
  for (const s of sources) {
    const [first, second] = valuesOf(s);
    const list = second ? first!.flatMap((k) => second.map((l) => [k, l])) : first!.map((k) => [k]);
    combosOf.set(s.id, list);
    for (const key of list) combos.set(JSON.stringify(key), key);
  }
  const keys = [...combos.values()].sort((x, y) => {
    for (let d = 0; d < axes.length; d += 1) {
      const c = axes[d]!.compare(x[d]!, y[d]!);
      if (c !== 0) return c;
    }
    return 0;
  });
  const index = new Map(keys.map((k, i) => [JSON.stringify(k), i]));
  const columns = keys.map((key) => ({ key, label: key.map((k, d) => axes[d]!.label(k)).join(' · ') }));
  const columnsOf = new Map<string, number[]>();
  const peopleIn = columns.map(() => new Set<string>());
  for (const s of sources) {
    const list = combosOf.get(s.id)!.map((k) => index.get(JSON.stringify(k))!);
    columnsOf.set(s.id, list);
    for (const c of list) peopleIn[c]!.add(s.participantId!);
  }
  return {
    rowIds,
    rows: rowIds.map((id) => ({ id, label: codes.get(id)!.name })),
    groupOf,
    sources,
    personOf,
    columns,
    columnsOf,
    peopleIn,
  };
}

function isPair(columns: MatrixQuery['columns']): columns is readonly [Dimension, Dimension] {
  return Array.isArray(columns);
}

interface Axis {
  keysOf: (source: Source, person: Participant) => string[];
  compare: (a: string, b: string) => number;
  label: (key: string) => string;
}

/** One dimension's values: how a transcript is placed, how values sort ('' last) and read. */
function axis(project: ProjectSnapshot, dim: Dimension): Axis {
  const ranked = (ids: readonly string[], labels: ReadonlyMap<string, string>) => {
    const rank = new Map(ids.map((id, i) => [id, i]));
    return {
      compare: (a: string, b: string) =>
        (a === '' ? 1 : 0) - (b === '' ? 1 : 0) ||
        (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) ||
        collator.compare(a, b) ||
        (a < b ? -1 : a > b ? 1 : 0),
      label: (key: string) => (key === '' ? NO_VALUE : (labels.get(key) ?? key)),
    };
  };
  switch (dim.kind) {
    case 'role': {
      const roles = project.roles ?? DEFAULT_ROLES;
      return {
        keysOf: (_s, p) => [p.role],
        ...ranked(
          roles.map((r) => r.id),
          new Map(roles.map((r) => [r.id, r.label])),
        ),
      };
    }
    case 'site':
      return { keysOf: (_s, p) => [p.site], ...ranked([], new Map()) };
    case 'group': {
      const named = GROUPS.filter((g) => g.id !== '');
      return {
        keysOf: (_s, p) => [p.group],
        ...ranked(
          named.map((g) => g.id),
          new Map(named.map((g) => [g.id, g.label])),
        ),
      };
    }
    case 'wave': {
      const waves = project.waves.map((w, i) => ({ w, i })).sort((a, b) => a.w.order - b.w.order || a.i - b.i);
      const known = new Set(waves.map((x) => x.w.id));
      return {
        keysOf: (s) => [s.wave !== null && known.has(s.wave) ? s.wave : ''],
        ...ranked(
          waves.map((x) => x.w.id),
          new Map(waves.map((x) => [x.w.id, x.w.label])),
        ),
      };
    }
    case 'set': {
      const sets = project.sets ?? [];
      const members = new Map<string, string[]>();
      for (const set of sets) for (const id of new Set(set.sourceIds)) (members.get(id) ?? members.set(id, []).get(id)!).push(set.id);
      return {
        keysOf: (s) => members.get(s.id) ?? [''],
        ...ranked(
          sets.map((x) => x.id),
          new Map(sets.map((x) => [x.id, x.name])),
        ),
      };
    }
    case 'attribute': {
      const keyOf = (p: Participant) => formatAttribute(p.attributes[dim.name] ?? null);
      const values = live(project.participants).map((p) => p.attributes[dim.name] ?? null);
      const numeric = values.every((v) => v === null || v === '' || typeof v === 'number');
      const base = ranked([], new Map());
      return {
        keysOf: (_s, p) => [keyOf(p)],
        compare: numeric ? (a, b) => (a === '' ? 1 : 0) - (b === '' ? 1 : 0) || Number(a) - Number(b) || base.compare(a, b) : base.compare,
        label: base.label,
      };
    }
  }
}
