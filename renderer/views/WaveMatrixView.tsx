// The wave matrix: codes by waves, how many participants said it out of those interviewed,
// and for those interviewed at both waves of the pair, who moved which way, with the exact
// McNemar p. Every number opens what lies behind it.
import { useMemo, useState } from 'react';
import { orderedTree, codePathText } from '../core/codebook';
import type { ProjectSnapshot } from '../core/shared';
import {
  cellPassages,
  changeScore,
  describeFilters,
  interviewedByRole,
  pairedParticipants,
  roleCountsText,
  waveMatrix,
  waveMatrixRows,
  waveOptions,
  type CompareFilters,
  type WaveFilterOptions,
} from '../core/waves';
import type { ProjectSetup } from '../store/projectRepo';
import { useProject } from './projectContext';
import { openPassage } from './route';
import { ExportTableButtons } from './TableExport';
import { useStable } from './useStable';

type Drill =
  | { kind: 'cell'; codeId: string; waveId: string }
  | { kind: 'paired'; codeId: string; group: 'firstOnly' | 'secondOnly' | 'both' | 'neither' };

const pct = (n: number, of: number) => (of ? `${Math.round((100 * n) / of)}%` : '—');

export function formatP(p: number): string {
  if (p >= 0.9995) return '1';
  if (p < 0.001) return '< 0.001';
  return p.toFixed(3);
}

export function WaveMatrixView(props: { snapshot: ProjectSnapshot; setup: ProjectSetup; filters: CompareFilters }) {
  const { coderId, blind, coders, projectId } = useProject();
  const { snapshot, setup, filters } = props;
  const options = useStable(waveOptions(filters, blind, coderId));
  const matrix = useMemo(() => waveMatrix(snapshot, options), [snapshot, options]);
  const [sortByChange, setSortByChange] = useState(false);
  const [drill, setDrill] = useState<Drill | null>(null);
  const depth = useMemo(() => new Map(orderedTree(snapshot.codes).map((r) => [r.code.id, r.depth])), [snapshot.codes]);
  const codeName = (id: string) => snapshot.codes.find((c) => c.id === id)?.name ?? '';
  const waveLabel = (id: string) => setup.waves.find((w) => w.id === id)?.label ?? id;
  const [first, second] = filters.pair;
  const rows = sortByChange ? [...matrix.rows].sort((a, b) => changeScore(b, filters.pair) - changeScore(a, filters.pair)) : matrix.rows;
  const interviewed = (waveId: string) => matrix.rows[0]?.byWave[waveId]?.interviewed ?? 0;
  const filtersText = describeFilters(filters, setup, (id) => coders.find((c) => c.id === id)?.name ?? id, blind);
  const roleCounts = useMemo(() => interviewedByRole(snapshot, options, setup.roles), [snapshot, options, setup.roles]);
  const roleText = roleCountsText(roleCounts, filters.pair, setup.roles, waveLabel);

  // The export says n per role too, so a spreadsheet shows whether its counts mix roles.
  const table = () => waveMatrixRows(matrix, snapshot, filters.pair, `${filtersText}. ${roleText}`);

  return (
    <div className="wave-matrix-layout">
      <div className="wave-matrix">
        <div className="row">
          <label>
            <input type="checkbox" checked={sortByChange} onChange={(e) => setSortByChange(e.target.checked)} /> Sort by change (
            {waveLabel(first)} → {waveLabel(second)})
          </label>
          <span className="spacer" />
          <ExportTableButtons fileName="wave-matrix" sheet={() => ({ name: 'Wave matrix', rows: table(), headerRows: 2 })} />
        </div>
        <p className="small muted">{filtersText}</p>
        <p className={roleCounts.length > 1 ? 'small role-counts mixed' : 'small role-counts'}>{roleText}</p>
        <table className="grid matrix">
          <thead>
            <tr>
              <th rowSpan={2}>Code</th>
              {matrix.waves.map((w) => (
                <th key={w} colSpan={3} className="wave-head">
                  {waveLabel(w)} <span className="muted">(n = {interviewed(w)})</span>
                </th>
              ))}
              <th colSpan={5} className="wave-head">
                Interviewed at both: {waveLabel(first)} → {waveLabel(second)}
              </th>
            </tr>
            <tr>
              {matrix.waves.map((w) => [
                <th key={`${w}p`} title="Participants with the code, of those interviewed">
                  People
                </th>,
                <th key={`${w}s`}>Passages</th>,
                <th key={`${w}w`}>Words</th>,
              ])}
              <th title={`Only at ${waveLabel(first)}`}>Only {first}</th>
              <th title={`Only at ${waveLabel(second)}`}>Only {second}</th>
              <th>Both</th>
              <th>Neither</th>
              <th title="Exact McNemar test on those who changed (two-sided)">p</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.codeId}>
                <th scope="row" style={{ paddingLeft: `${0.4 + (sortByChange ? 0 : (depth.get(row.codeId) ?? 0)) * 1.1}rem` }}>
                  {sortByChange ? codePathText(snapshot.codes, row.codeId) : codeName(row.codeId)}
                </th>
                {matrix.waves.map((w) => {
                  const cell = row.byWave[w]!;
                  return [
                    <td key={`${w}p`} className="num">
                      <button
                        type="button"
                        className="link"
                        disabled={!cell.participants}
                        onClick={() => setDrill({ kind: 'cell', codeId: row.codeId, waveId: w })}
                        aria-label={`${codeName(row.codeId)}, ${waveLabel(w)}: ${cell.participants} of ${cell.interviewed}`}
                      >
                        {cell.participants}/{cell.interviewed} <span className="muted">{pct(cell.participants, cell.interviewed)}</span>
                      </button>
                    </td>,
                    <td key={`${w}s`} className="num">
                      <button
                        type="button"
                        className="link"
                        disabled={!cell.passages}
                        onClick={() => setDrill({ kind: 'cell', codeId: row.codeId, waveId: w })}
                      >
                        {cell.passages}
                      </button>
                    </td>,
                    <td key={`${w}w`} className="num">
                      <button
                        type="button"
                        className="link"
                        disabled={!cell.words}
                        onClick={() => setDrill({ kind: 'cell', codeId: row.codeId, waveId: w })}
                      >
                        {cell.words.toLocaleString()}
                      </button>
                    </td>,
                  ];
                })}
                {(['firstOnly', 'secondOnly', 'both', 'neither'] as const).map((group) => (
                  <td key={group} className="num">
                    <button
                      type="button"
                      className="link"
                      disabled={!row.paired[group]}
                      onClick={() => setDrill({ kind: 'paired', codeId: row.codeId, group })}
                    >
                      {row.paired[group]}
                    </button>
                  </td>
                ))}
                <td className={row.paired.p < 0.05 ? 'num significant' : 'num'}>{formatP(row.paired.p)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {drill && (
        <DrillPanel
          drill={drill}
          snapshot={snapshot}
          setup={setup}
          options={options}
          projectId={projectId}
          onClose={() => setDrill(null)}
          waveLabel={waveLabel}
          codeName={codeName}
          pair={filters.pair}
        />
      )}
    </div>
  );
}

function DrillPanel(props: {
  drill: Drill;
  snapshot: ProjectSnapshot;
  setup: ProjectSetup;
  options: WaveFilterOptions;
  projectId: string;
  pair: [string, string];
  onClose(): void;
  waveLabel(id: string): string;
  codeName(id: string): string;
}) {
  const { drill, snapshot } = props;
  const person = (id: string) => snapshot.participants.find((p) => p.id === id);
  const sourceTitle = (id: string) => snapshot.sources.find((s) => s.id === id)?.title ?? '';
  const textOf = (id: string, start: number, end: number) => snapshot.sources.find((s) => s.id === id)?.text.slice(start, end) ?? '';
  const groupLabel = {
    firstOnly: `only at ${props.waveLabel(props.pair[0])}`,
    secondOnly: `only at ${props.waveLabel(props.pair[1])}`,
    both: 'at both',
    neither: 'at neither',
  };
  return (
    <aside className="drill card" aria-label="Behind the number">
      <header className="row">
        <h3>
          {props.codeName(drill.codeId)} · {drill.kind === 'cell' ? props.waveLabel(drill.waveId) : groupLabel[drill.group]}
        </h3>
        <span className="spacer" />
        <button type="button" className="icon" aria-label="Close" onClick={props.onClose}>
          ×
        </button>
      </header>
      {drill.kind === 'cell' ? (
        <ol className="plain passages">
          {cellPassages(snapshot, drill.codeId, drill.waveId, props.options).map((p, i) => (
            <li key={i} className="passage">
              <div className="row small">
                <strong>{person(p.participantId)?.pseudonym ?? '—'}</strong>
                <span className="muted">{sourceTitle(p.sourceId)}</span>
                <span className="spacer" />
                <button type="button" className="link" onClick={() => openPassage(props.projectId, p)}>
                  Open
                </button>
              </div>
              <blockquote className="excerpt">{textOf(p.sourceId, p.start, p.end)}</blockquote>
            </li>
          ))}
        </ol>
      ) : (
        <ul className="plain">
          {pairedParticipants(snapshot, drill.codeId, props.options)[drill.group].map((id) => (
            <li key={id}>
              {person(id)?.pseudonym ?? id}{' '}
              <span className="muted">{props.setup.roles.find((r) => r.id === person(id)?.role)?.label ?? ''}</span>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
