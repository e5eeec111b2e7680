// The matrix query as the screen and a spreadsheet show it: the dimensions a researcher can
// choose (the fixed ones, then the project's attributes), how a cell reads, the query in words,
// the header of a crossed matrix, and the table for CSV/XLSX.
import { codePathText } from '../codebook';
import { live, type AttributeDef, type ProjectSnapshot } from '../shared';
import { codesInTreeOrder } from '../waves';
import { dimensionValueLabel, type Dimension, type MatrixCell, type MatrixQuery, type MatrixResult, type MatrixRows } from './matrixQuery';

/** The rows a researcher picks: the measures (top-level codes), every codable code, or codes she chose. */
export type MatrixRowChoice = 'measures' | 'all' | 'chosen';

/** The rows of a query for a choice: 'all' is every live codable code in codebook order. */
export function matrixRows(project: ProjectSnapshot, choice: MatrixRowChoice, chosen: readonly string[] = []): MatrixRows {
  if (choice === 'measures') return { kind: 'measures' };
  if (choice === 'chosen') return { kind: 'codes', codeIds: [...chosen] };
  const codable = new Set(
    live(project.codes)
      .filter((c) => !c.notCodable)
      .map((c) => c.id),
  );
  return { kind: 'codes', codeIds: codesInTreeOrder(project).filter((id) => codable.has(id)) };
}

export interface DimensionChoice {
  /** A stable key for a select's value: 'role', … or 'attribute:<name>'. */
  key: string;
  label: string;
  dimension: Dimension;
}

const FIXED: DimensionChoice[] = [
  { key: 'role', label: 'Role', dimension: { kind: 'role' } },
  { key: 'site', label: 'Site', dimension: { kind: 'site' } },
  { key: 'group', label: 'Group', dimension: { kind: 'group' } },
  { key: 'wave', label: 'Wave', dimension: { kind: 'wave' } },
  { key: 'set', label: 'Set', dimension: { kind: 'set' } },
];

/**
 * What the columns can be: role, site, group, wave, set, then each participant attribute the
 * project defines, in its order (an attribute named twice is offered once).
 */
export function dimensionChoices(attributeDefs: readonly AttributeDef[]): DimensionChoice[] {
  const names = [...new Set(attributeDefs.map((d) => d.name))];
  return [
    ...FIXED,
    ...names.map((name): DimensionChoice => ({
      key: `attribute:${name}`,
      label: `Attribute: ${name}`,
      dimension: { kind: 'attribute', name },
    })),
  ];
}

export const MATRIX_CELLS: readonly { value: MatrixCell; label: string }[] = [
  { value: 'passages', label: 'Passages' },
  { value: 'words', label: 'Words' },
  { value: 'participants', label: 'Participants with the code' },
  { value: 'share', label: 'Share of participants' },
];

/** A cell as the screen shows it: a share as a whole percentage, a count as it is. */
export function formatMatrixValue(cell: MatrixCell, value: number): string {
  return cell === 'share' ? `${Math.round(100 * value)}%` : String(value);
}

/** The query in words, for the line above the table and the first line of an export. */
export function describeMatrixQuery(
  query: Pick<MatrixQuery, 'rows' | 'columns' | 'cell'>,
  attributeDefs: readonly AttributeDef[] = [],
): string {
  const choices = dimensionChoices(attributeDefs);
  const dims = Array.isArray(query.columns) ? query.columns : [query.columns as Dimension];
  const name = (d: Dimension) =>
    choices.find((c) => dimensionKey(c.dimension) === dimensionKey(d))?.label ?? (d.kind === 'attribute' ? `Attribute: ${d.name}` : d.kind);
  const rows =
    query.rows.kind === 'measures'
      ? 'top-level codes, each with its sub-codes'
      : `${query.rows.codeIds.length} code${query.rows.codeIds.length === 1 ? '' : 's'}`;
  const cell = MATRIX_CELLS.find((c) => c.value === query.cell)!.label.toLowerCase();
  return `Rows: ${rows}; columns: ${dims.map(name).join(' × ')}; cells: ${cell}`;
}

/** A dimension's key (as in dimensionChoices). */
export function dimensionKey(d: Dimension): string {
  return d.kind === 'attribute' ? `attribute:${d.name}` : d.kind;
}

export interface HeaderGroup {
  label: string;
  /** How many columns, side by side, it spans. */
  span: number;
}

/**
 * The upper header of a crossed matrix: the first dimension's values, each over the run of
 * columns it heads (the columns come ordered by the first dimension, so each value is one run).
 * Null for a matrix of one dimension. The lower header is each column's second value.
 */
export function headerGroups(project: ProjectSnapshot, query: Pick<MatrixQuery, 'columns'>, result: MatrixResult): HeaderGroup[] | null {
  if (!Array.isArray(query.columns)) return null;
  const first = (query.columns as readonly [Dimension, Dimension])[0];
  const groups: (HeaderGroup & { key: string })[] = [];
  for (const column of result.columns) {
    const last = groups[groups.length - 1];
    if (last && last.key === column.key[0]) last.span += 1;
    else groups.push({ key: column.key[0]!, label: dimensionValueLabel(project, first, column.key[0]!), span: 1 });
  }
  return groups.map(({ label, span }) => ({ label, span }));
}

/** The lower header of a crossed matrix: each column's value of the second dimension. */
export function secondLabels(project: ProjectSnapshot, query: Pick<MatrixQuery, 'columns'>, result: MatrixResult): string[] {
  if (!Array.isArray(query.columns)) return result.columns.map((c) => c.label);
  const second = (query.columns as readonly [Dimension, Dimension])[1];
  return result.columns.map((c) => dimensionValueLabel(project, second, c.key[1]!));
}

// Shares as numbers rounded to 3 places (a spreadsheet can format them), as the wave matrix's export.
const exported = (cell: MatrixCell, v: number) => (cell === 'share' ? Number(v.toFixed(3)) : v);

/**
 * The matrix for CSV/XLSX: the query and the filters on the first line, a header (crossed
 * columns as "first · second"), a row per code with its path, then the totals; two header rows.
 */
export function matrixTableRows(
  project: ProjectSnapshot,
  query: Pick<MatrixQuery, 'cell'>,
  result: MatrixResult,
  texts: { query: string; filters: string },
): (string | number)[][] {
  const v = (x: number) => exported(query.cell, x);
  return [
    ['Matrix query', texts.query, 'Filters', texts.filters],
    ['Code', ...result.columns.map((c) => c.label), 'Total'],
    ...result.rows.map((row, i) => [codePathText(project.codes, row.id), ...result.cells[i]!.map(v), v(result.rowTotals[i]!)]),
    ['Total', ...result.columnTotals.map(v), v(result.total)],
  ];
}
