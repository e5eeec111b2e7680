// Code co-occurrence (issue 20, part 1): codes by codes, counted as passages that overlap, in the
// same speaker turn, within N words or in the same transcript; cells as counts, participants or
// Jaccard. A table whose every cell opens the places behind it, a heat map (click a cell there
// too), CSV/XLSX and SVG out. The rules (what is counted, the words, the rows, the chart) are in
// core/analysis; this screen only holds the choices and lays the results out.
import { useMemo, useState, type MouseEvent } from 'react';
import {
  codeCooccurrence,
  cooccurrenceCodeIds,
  cooccurrenceDiagonalText,
  cooccurrenceHeatMap,
  cooccurrenceMeasureText,
  cooccurrenceRows,
  cooccurrenceScaleMax,
  cooccurrenceShade,
  DEFAULT_COOCCURRENCE_WINDOW,
  formatCooccurrence,
  heatCellAt,
  type CooccurrenceCodeChoice,
  type CooccurrenceMeasure,
  type CooccurrenceUnit,
} from '../core/analysis';
import { codePathText, orderedTree } from '../core/codebook';
import { live } from '../core/shared';
import type { AnalysisSectionProps } from './AnalysisView';
import { ErrorLine } from './common';
import { CooccurrenceDrill } from './CooccurrenceDrill';
import { useProject } from './projectContext';
import { Chips } from './ScopeFilters';
import { ExportTableButtons, saveSvg, svgUrl, useExportError } from './TableExport';
import { useStable } from './useStable';

const UNITS: readonly [CooccurrenceUnit, string][] = [
  ['overlap', 'Passages that overlap'],
  ['turn', 'In the same speaker turn'],
  ['window', 'Within N words'],
  ['source', 'In the same transcript'],
];
const MEASURES: readonly [CooccurrenceMeasure, string][] = [
  ['passages', 'Counts (passages)'],
  ['participants', 'Participants'],
  ['jaccard', 'Jaccard (0–1)'],
];
const CHOICES: readonly [CooccurrenceCodeChoice, string][] = [
  ['top', 'Top-level codes (measures and themes)'],
  ['all', 'All codes'],
  ['chosen', 'Chosen codes'],
];

/** A whole number of words, 0 or more, or null while the field holds something else. */
const wordsIn = (text: string): number | null => (/^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : null);

export function CooccurrenceView(props: AnalysisSectionProps) {
  const { db } = useProject();
  const { snapshot } = props;
  const [unit, setUnit] = useState<CooccurrenceUnit>('overlap');
  // The field's text, and the last whole number it held: a number being typed (or cleared to
  // type another) keeps the table counting with the last one rather than failing.
  const [windowText, setWindowText] = useState(String(DEFAULT_COOCCURRENCE_WINDOW));
  const [words, setWords] = useState(DEFAULT_COOCCURRENCE_WINDOW);
  const [measure, setMeasure] = useState<CooccurrenceMeasure>('passages');
  const [choice, setChoice] = useState<CooccurrenceCodeChoice>('top');
  const [chosen, setChosen] = useState<string[]>([]);
  const [drill, setDrill] = useState<{ a: string; b: string } | null>(null);
  const [error, run, dismiss] = useExportError();

  const typed = wordsIn(windowText);
  const codeIds = useMemo(() => cooccurrenceCodeIds(snapshot, choice, chosen), [snapshot, choice, chosen]);
  const options = useStable({ ...props.options, unit, measure, codeIds, ...(unit === 'window' ? { window: words } : {}) });
  const matrix = useMemo(() => codeCooccurrence(snapshot, options), [snapshot, options]);
  const settings = useStable({ unit, window: words, measure, filtersText: props.filtersText });
  const heat = useMemo(() => cooccurrenceHeatMap(snapshot, matrix, settings), [snapshot, matrix, settings]);
  const max = cooccurrenceScaleMax(matrix);

  const codes = useMemo(() => new Map(live(snapshot.codes).map((c) => [c.id, c])), [snapshot.codes]);
  const depth = useMemo(() => new Map(orderedTree(snapshot.codes).map((r) => [r.code.id, r.depth])), [snapshot.codes]);
  const name = (id: string) => codes.get(id)?.name ?? '';
  const codeOptions = useMemo(
    () => orderedTree(snapshot.codes).map((r) => ({ id: r.code.id, label: `${'  '.repeat(r.depth)}${r.code.name}` })),
    [snapshot.codes],
  );
  const categoriesLeftEmpty = !props.options.includeChildren && codeIds.some((id) => codes.get(id)?.notCodable);

  const openCell = (a: string, b: string) => setDrill({ a, b });
  const onHeatClick = (e: MouseEvent<HTMLImageElement>) => {
    // The image may be drawn smaller than the chart: scale the click back to the chart's pixels.
    const box = e.currentTarget.getBoundingClientRect();
    const scale = heat.layout.width / box.width;
    const at = heatCellAt(heat.layout, (e.clientX - box.left) * scale, (e.clientY - box.top) * scale);
    if (at && matrix.cells[at[0]]![at[1]]! > 0) openCell(matrix.codeIds[at[0]]!, matrix.codeIds[at[1]]!);
  };

  return (
    <div className="cooc-layout">
      <div className="cooc">
        <div className="row wrap cooc-controls">
          <label>
            Codes together{' '}
            <select aria-label="Codes together" value={unit} onChange={(e) => setUnit(e.target.value as CooccurrenceUnit)}>
              {UNITS.map(([id, label]) => (
                <option key={id} value={id}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          {unit === 'window' && (
            <label>
              Words between, at most{' '}
              <input
                aria-label="Words between"
                type="number"
                min={0}
                step={1}
                className="cooc-window"
                value={windowText}
                onChange={(e) => {
                  setWindowText(e.target.value);
                  const n = wordsIn(e.target.value);
                  if (n !== null) setWords(n);
                }}
                aria-invalid={typed === null}
              />
            </label>
          )}
          <label>
            Cells{' '}
            <select aria-label="Cells" value={measure} onChange={(e) => setMeasure(e.target.value as CooccurrenceMeasure)}>
              {MEASURES.map(([id, label]) => (
                <option key={id} value={id}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <span className="spacer" />
          <ExportTableButtons
            fileName="co-occurrence"
            sheet={() => ({
              name: 'Co-occurrence',
              rows: cooccurrenceRows(snapshot, matrix, settings),
              headerRows: 2,
            })}
          />
          <button type="button" onClick={() => run(() => saveSvg(db, 'co-occurrence.svg', heat.svg))}>
            Save SVG
          </button>
        </div>
        {unit === 'window' && typed === null && (
          <p className="small cooc-warning">The number of words is a whole number, 0 or more; the table still counts within {words}.</p>
        )}
        <fieldset className="row wrap cooc-codes">
          <legend>Codes</legend>
          {CHOICES.map(([id, label]) => (
            <label key={id}>
              <input type="radio" name="cooc-codes" checked={choice === id} onChange={() => setChoice(id)} /> {label}
            </label>
          ))}
        </fieldset>
        {choice === 'chosen' && <Chips label="Add a code" options={codeOptions} chosen={chosen} onChange={setChosen} />}
        <ErrorLine error={error} onDismiss={dismiss} />
        <p className="small muted">{props.filtersText}</p>
        <p className="small cooc-meaning">
          {cooccurrenceMeasureText(measure, unit)} {cooccurrenceDiagonalText(measure, unit)}
        </p>
        {categoriesLeftEmpty && (
          <p className="small muted">
            Sub-codes are counted apart, so a category (a code that is never applied itself) shows nothing: tick “Parents include sub-codes”
            to count its sub-codes in it.
          </p>
        )}
        {codeIds.length === 0 ? (
          <p className="muted">Add codes to compare.</p>
        ) : (
          <>
            <div className="cooc-scroll">
              <table className="grid matrix cooc-table" aria-label="Code co-occurrence">
                <thead>
                  <tr>
                    <th className="cooc-corner">Code</th>
                    {matrix.codeIds.map((id) => (
                      <th key={id} className="cooc-col" title={codePathText(snapshot.codes, id)} scope="col">
                        <span>{name(id)}</span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {matrix.codeIds.map((rowId, i) => (
                    <tr key={rowId}>
                      <th
                        scope="row"
                        title={codePathText(snapshot.codes, rowId)}
                        style={{ paddingLeft: `${0.5 + (choice === 'all' ? (depth.get(rowId) ?? 0) : 0) * 1.1}rem` }}
                      >
                        {name(rowId)}
                      </th>
                      {matrix.cells[i]!.map((v, j) => {
                        const colId = matrix.codeIds[j]!;
                        const shade = cooccurrenceShade(v, max, i === j);
                        const shown = formatCooccurrence(v, measure);
                        return (
                          <td
                            key={colId}
                            className={drill?.a === rowId && drill.b === colId ? 'num cooc-open' : 'num'}
                            style={{ background: shade.fill }}
                          >
                            <button
                              type="button"
                              className="link"
                              style={{ color: shade.ink }}
                              disabled={v === 0}
                              aria-label={`${name(rowId)} × ${name(colId)}: ${shown}`}
                              onClick={() => openCell(rowId, colId)}
                            >
                              {shown}
                            </button>
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <figure className="chart card cooc-heat">
              <img src={svgUrl(heat.svg)} alt="Heat map of code co-occurrence" onClick={onHeatClick} />
              <figcaption className="small muted">Click a cell of the heat map to see its passages.</figcaption>
            </figure>
          </>
        )}
      </div>
      {drill && codes.has(drill.a) && codes.has(drill.b) && (
        <CooccurrenceDrill snapshot={snapshot} codeA={drill.a} codeB={drill.b} options={options} onClose={() => setDrill(null)} />
      )}
    </div>
  );
}
