// The matrix query (issue 20, part 2): codes or measures down, a characteristic of the people or
// transcripts across (or a cross of two), each cell how much of the code that column holds, with
// totals. Every non-empty cell opens its passages beside the table. The rules live in
// core/analysis (matrixQuery, matrixTable, heatScale); this screen only chooses and shows.
import { useMemo, useState } from 'react';
import {
  describeMatrixQuery,
  dimensionChoices,
  formatMatrixValue,
  headerGroups,
  heatLegend,
  heatShade,
  MATRIX_CELLS,
  matrixQuery,
  matrixRows,
  matrixTableRows,
  secondLabels,
  tableMax,
  type MatrixCell,
  type MatrixQuery,
  type MatrixRowChoice,
} from '../core/analysis';
import { orderedTree } from '../core/codebook';
import type { AnalysisSectionProps } from './AnalysisView';
import { MatrixDrill } from './MatrixDrill';
import { Chips } from './ScopeFilters';
import { ExportTableButtons } from './TableExport';

const ROW_CHOICES: readonly [MatrixRowChoice, string][] = [
  ['measures', 'Top-level codes (measures)'],
  ['all', 'All codes'],
  ['chosen', 'Chosen codes'],
];

export function MatrixQueryView(props: AnalysisSectionProps) {
  const { snapshot, setup, options, filtersText } = props;
  // The snapshot carries no roles or sets of its own: the setup's are the project's.
  const project = useMemo(() => ({ ...snapshot, roles: setup.roles, sets: setup.sets }), [snapshot, setup.roles, setup.sets]);
  const [rowChoice, setRowChoice] = useState<MatrixRowChoice>('measures');
  const [chosen, setChosen] = useState<string[]>([]);
  const [firstKey, setFirstKey] = useState('role');
  const [secondKey, setSecondKey] = useState('');
  const [cell, setCell] = useState<MatrixCell>('passages');
  const [drill, setDrill] = useState<{ row: number; column: number } | null>(null);

  const choices = useMemo(() => dimensionChoices(setup.attributeDefs), [setup.attributeDefs]);
  const first = choices.find((c) => c.key === firstKey) ?? choices[0]!;
  const second = secondKey && secondKey !== first.key ? choices.find((c) => c.key === secondKey) : undefined;
  const query = useMemo<MatrixQuery>(
    () => ({
      ...options,
      rows: matrixRows(project, rowChoice, chosen),
      columns: second ? [first.dimension, second.dimension] : first.dimension,
      cell,
    }),
    [options, project, rowChoice, chosen, first, second, cell],
  );
  const result = useMemo(() => matrixQuery(project, query), [project, query]);
  const queryText = describeMatrixQuery(query, setup.attributeDefs);
  const groups = headerGroups(project, query, result);
  const lowerLabels = secondLabels(project, query, result);
  const max = tableMax(result.cells);
  const tree = useMemo(() => orderedTree(snapshot.codes), [snapshot.codes]);
  const depth = useMemo(() => new Map(tree.map((r) => [r.code.id, r.depth])), [tree]);
  const codeOptions = useMemo(
    () => tree.map(({ code, depth: d }) => ({ id: code.id, label: `${'\u00a0\u00a0'.repeat(d)}${code.name}` })),
    [tree],
  );
  const cellLabel = MATRIX_CELLS.find((c) => c.value === cell)!.label;
  // A new question closes the passages of the old one: its indices would point elsewhere.
  const change =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setDrill(null);
    };
  const show = (v: number) => formatMatrixValue(cell, v);

  return (
    <div className="analysis-matrix-layout">
      <div className="analysis-matrix">
        <div className="row matrix-controls">
          <label>
            Rows{' '}
            <select aria-label="Rows" value={rowChoice} onChange={(e) => change(setRowChoice)(e.target.value as MatrixRowChoice)}>
              {ROW_CHOICES.map(([id, label]) => (
                <option key={id} value={id}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Columns{' '}
            <select aria-label="Columns" value={first.key} onChange={(e) => change(setFirstKey)(e.target.value)}>
              {choices.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            crossed with{' '}
            <select aria-label="Crossed with" value={second?.key ?? ''} onChange={(e) => change(setSecondKey)(e.target.value)}>
              <option value="">nothing</option>
              {choices
                .filter((c) => c.key !== first.key)
                .map((c) => (
                  <option key={c.key} value={c.key}>
                    {c.label}
                  </option>
                ))}
            </select>
          </label>
          <label>
            Cells{' '}
            <select aria-label="Cells" value={cell} onChange={(e) => change(setCell)(e.target.value as MatrixCell)}>
              {MATRIX_CELLS.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <span className="spacer" />
          <ExportTableButtons
            fileName="matrix-query"
            sheet={() => ({
              name: 'Matrix query',
              rows: matrixTableRows(project, query, result, { query: queryText, filters: filtersText }),
              headerRows: 2,
            })}
          />
        </div>
        {rowChoice === 'chosen' && <Chips label="Add a code" options={codeOptions} chosen={chosen} onChange={change(setChosen)} />}
        <p className="small muted">
          {queryText}. {filtersText}
        </p>
        {result.rows.length === 0 ? (
          <p className="muted">No codes to show{rowChoice === 'chosen' ? ': add codes above.' : '.'}</p>
        ) : result.columns.length === 0 ? (
          <p className="muted">No transcripts of participants pass the filters.</p>
        ) : (
          <>
            <table className="grid matrix analysis-matrix-table" aria-label="Matrix query">
              <thead>
                <tr>
                  <th rowSpan={groups ? 2 : 1}>Code</th>
                  {groups
                    ? groups.map((g, i) => (
                        <th key={i} colSpan={g.span} className="wave-head">
                          {g.label}
                        </th>
                      ))
                    : lowerLabels.map((label, i) => <th key={i}>{label}</th>)}
                  <th rowSpan={groups ? 2 : 1} className="total">
                    Total
                  </th>
                </tr>
                {groups && (
                  <tr>
                    {lowerLabels.map((label, i) => (
                      <th key={i}>{label}</th>
                    ))}
                  </tr>
                )}
              </thead>
              <tbody>
                {result.rows.map((row, r) => (
                  <tr key={row.id}>
                    <th scope="row" style={{ paddingLeft: `${0.4 + (rowChoice === 'measures' ? 0 : (depth.get(row.id) ?? 0)) * 1.1}rem` }}>
                      {row.label}
                    </th>
                    {result.cells[r]!.map((value, c) => {
                      const shade = heatShade(value, max);
                      const open = drill?.row === r && drill.column === c;
                      return (
                        <td
                          key={c}
                          className={open ? 'num open' : 'num'}
                          style={shade ? { background: shade.background, color: shade.ink } : undefined}
                        >
                          <button
                            type="button"
                            className="link"
                            disabled={value === 0}
                            aria-label={`${row.label}, ${result.columns[c]!.label}: ${show(value)}`}
                            onClick={() => setDrill({ row: r, column: c })}
                          >
                            {show(value)}
                          </button>
                        </td>
                      );
                    })}
                    <td className="num total">{show(result.rowTotals[r]!)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Total</th>
                  {result.columnTotals.map((v, c) => (
                    <td key={c} className="num total">
                      {show(v)}
                    </td>
                  ))}
                  <td className="num total">{show(result.total)}</td>
                </tr>
              </tfoot>
            </table>
            <MatrixLegend cell={cell} cellLabel={cellLabel} max={max} sets={first.key === 'set' || second?.key === 'set'} />
          </>
        )}
      </div>
      {drill && (
        <MatrixDrill
          project={project}
          query={query}
          row={drill.row}
          column={drill.column}
          title={`${result.rows[drill.row]?.label ?? ''} · ${result.columns[drill.column]?.label ?? ''}`}
          onClose={() => setDrill(null)}
        />
      )}
    </div>
  );
}

/** What the colour says, and what the totals count. */
function MatrixLegend(props: { cell: MatrixCell; cellLabel: string; max: number; sets: boolean }) {
  const steps = heatLegend(props.max, 5, props.cell !== 'share');
  const people = props.cell === 'participants' || props.cell === 'share';
  return (
    <div className="heat-legend small muted" aria-label="Legend">
      <span>Colour: {props.cellLabel.toLowerCase()}, darker for more, up to the largest cell.</span>
      {steps.map((s) => (
        <span key={s.value} className="heat-key" style={s.shade ? { background: s.shade.background, color: s.shade.ink } : undefined}>
          {formatMatrixValue(props.cell, s.value)}
        </span>
      ))}
      <span>
        {people
          ? 'Totals count each person once, so they need not add up.'
          : `Totals add up the cells${props.sets ? '; a transcript in two sets counts in both' : ''}.`}{' '}
        Click a number to read its passages.
      </span>
    </div>
  );
}
