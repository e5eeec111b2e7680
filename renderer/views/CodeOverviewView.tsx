// The code overview (issue 20, part 3; MAXQDA's Document Portrait and Code Matrix Browser in one):
// one compact row per transcript, a strip of its coded passages in reading order in the codes'
// colours, then a cell per code shaded by how much of the transcript it covers. A click on a
// strip block or a cell opens that place in the Coding view. The rules (densities, colours,
// strip geometry, the export) live in core/analysis; this screen only draws them.
import { useMemo, useState } from 'react';
import {
  codeOverview,
  firstPlace,
  formatDensity,
  heatLegend,
  heatShade,
  overviewTableRows,
  STRIP_BUTTON_LIMIT,
  stripBlockAt,
  stripLayout,
  stripSvg,
  tableMax,
  topLevelCodeIds,
  type StripLayout,
} from '../core/analysis';
import type { Code, Source } from '../core/shared';
import type { AnalysisSectionProps } from './AnalysisView';
import { useProject } from './projectContext';
import { openPassage } from './route';
import { ExportTableButtons, svgUrl } from './TableExport';

type Columns = 'top' | 'all';

export function CodeOverviewView(props: AnalysisSectionProps) {
  const { snapshot, setup, options, filtersText } = props;
  const { projectId } = useProject();
  const [columns, setColumns] = useState<Columns>('top');
  // Top-level codes always count their sub-codes (as the matrix query's measures), else a
  // category with nothing coded on it directly would be an empty column.
  const overview = useMemo(
    () =>
      columns === 'top'
        ? codeOverview(snapshot, { ...options, codeIds: topLevelCodeIds(snapshot), includeChildren: true })
        : codeOverview(snapshot, options),
    [snapshot, options, columns],
  );
  const codes = useMemo(() => new Map(snapshot.codes.map((c) => [c.id, c])), [snapshot.codes]);
  const sources = useMemo(() => new Map(snapshot.sources.map((s) => [s.id, s])), [snapshot.sources]);
  const people = useMemo(() => new Map(snapshot.participants.map((p) => [p.id, p.pseudonym])), [snapshot.participants]);
  const waves = new Map(setup.waves.map((w) => [w.id, w.label]));
  const max = tableMax(overview.transcripts.map((t) => t.density));
  const layouts = useMemo(
    () => new Map(overview.transcripts.map((t) => [t.sourceId, stripLayout(t.strip, sources.get(t.sourceId)?.text.length ?? 0)])),
    [overview, sources],
  );
  const asImages = [...layouts.values()].reduce((n, l) => n + l.blocks.length, 0) > STRIP_BUTTON_LIMIT;

  return (
    <div className="code-overview">
      <div className="row">
        <label>
          Codes{' '}
          <select aria-label="Codes" value={columns} onChange={(e) => setColumns(e.target.value as Columns)}>
            <option value="top">Top-level codes (with their sub-codes)</option>
            <option value="all">All codes</option>
          </select>
        </label>
        <span className="spacer" />
        <ExportTableButtons
          fileName="code-overview"
          sheet={() => ({ name: 'Code overview', rows: overviewTableRows(snapshot, overview, filtersText), headerRows: 2 })}
        />
      </div>
      <p className="small muted">{filtersText}</p>
      <OverviewLegend max={max} />
      {overview.transcripts.length === 0 ? (
        <p className="muted">No transcripts pass the filters.</p>
      ) : (
        <div className="overview-scroll">
          <table className="grid overview-table" aria-label="Code overview">
            <thead>
              <tr>
                <th className="overview-name">Transcript</th>
                <th className="overview-strip-head">Passages in reading order</th>
                {overview.codeIds.map((id) => (
                  <th key={id} className="overview-code" title={codes.get(id)?.name}>
                    <span className="overview-code-name">
                      <span className="swatch" style={{ background: codes.get(id)?.colour }} />
                      <span className="overview-code-text">{codes.get(id)?.name}</span>
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {overview.transcripts.map((t) => {
                const source = sources.get(t.sourceId);
                if (!source) return null;
                const who = t.participantId ? (people.get(t.participantId) ?? '') : '';
                const wave = source.wave === null ? '' : (waves.get(source.wave) ?? '');
                return (
                  <tr key={t.sourceId}>
                    <th scope="row" className="overview-name" title={[source.title, who, wave].filter(Boolean).join(' · ')}>
                      {source.title} {who && !source.title.includes(who) && <span className="muted">{who}</span>}
                    </th>
                    <td className="overview-strip-cell">
                      <Strip
                        layout={layouts.get(t.sourceId)!}
                        source={source}
                        codes={codes}
                        asImage={asImages}
                        onOpen={(p) => openPassage(projectId, p)}
                      />
                    </td>
                    {t.density.map((d, k) => {
                      const codeId = overview.codeIds[k]!;
                      const shade = heatShade(d, max);
                      const place = firstPlace(t, codeId);
                      const label = `${source.title} · ${codes.get(codeId)?.name ?? ''}: ${formatDensity(d)} of the transcript coded`;
                      return (
                        <td key={codeId} className="overview-cell" style={shade ? { background: shade.background } : undefined}>
                          {place && (
                            <button
                              type="button"
                              className="overview-open"
                              style={{ color: shade?.ink }}
                              title={`${label}; click to open its first passage`}
                              aria-label={label}
                              onClick={() => openPassage(projectId, { sourceId: t.sourceId, start: place.start, end: place.end })}
                            >
                              {Math.round(100 * d) || '·'}
                            </button>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** One transcript's passages, left to right as they come, in lanes where they overlap. */
function Strip(props: {
  layout: StripLayout;
  source: Source;
  codes: ReadonlyMap<string, Code>;
  /** One image instead of a button per block (a large table; see STRIP_BUTTON_LIMIT). */
  asImage: boolean;
  onOpen(place: { sourceId: string; start: number; end: number }): void;
}) {
  const { layout, source } = props;
  const open = (b: { start: number; end: number }) => props.onOpen({ sourceId: source.id, start: b.start, end: b.end });
  if (props.asImage)
    return (
      <img
        className="overview-strip"
        src={svgUrl(stripSvg(layout, (id) => props.codes.get(id)?.colour, 288, 16))}
        alt={`Passages of ${source.title}`}
        onClick={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          const b = stripBlockAt(layout, (e.clientX - r.left) / r.width, (e.clientY - r.top) / r.height);
          if (b) open(b);
        }}
      />
    );
  const height = 100 / layout.lanes;
  return (
    <div className="overview-strip" role="group" aria-label={`Passages of ${source.title}`}>
      {layout.blocks.map((b) => {
        const name = props.codes.get(b.codeId)?.name ?? '';
        const words = source.text.slice(b.start, Math.min(b.end, b.start + 80)).replace(/\s+/g, ' ');
        return (
          <button
            key={`${b.codeId}:${b.start}`}
            type="button"
            className="strip-block"
            style={{
              left: `${b.left}%`,
              width: `${b.width}%`,
              top: `${b.lane * height}%`,
              height: `${height}%`,
              background: props.codes.get(b.codeId)?.colour ?? '#888',
            }}
            title={`${name}: “${words}${b.end - b.start > 80 ? '…' : ''}”`}
            aria-label={`${name} at ${Math.round(b.left)}% of ${source.title}`}
            onClick={() => open(b)}
          />
        );
      })}
    </div>
  );
}

/** What the colours and the strip mean. */
function OverviewLegend(props: { max: number }) {
  return (
    <div className="heat-legend small muted" aria-label="Legend">
      <span>
        Cells: the share of the transcript’s characters coded with the code (the number is the percentage), darker for more, up to the
        largest in the table:
      </span>
      {heatLegend(props.max).map((s) => (
        <span key={s.value} className="heat-key" style={s.shade ? { background: s.shade.background, color: s.shade.ink } : undefined}>
          {formatDensity(s.value)}
        </span>
      ))}
      <span>
        Strip: the transcript from start (left) to end (right), each passage in its code’s colour, overlapping passages in separate lanes.
        Click a cell or a passage to open it.
      </span>
    </div>
  );
}
