// Charts for papers: per measure of success, the share of participants with each indicator
// at the two waves; and a participant-by-code heat map per wave. Shown as images (the SVG is
// ours, escaped, and an <img> cannot run anything) and saved as .svg files.
import { useMemo, useState } from 'react';
import { heatMapSvg, measureChartSvg, describeFilters, waveOptions, type CompareFilters, waveMatrix } from '../core/waves';
import { childrenOf } from '../core/codebook';
import type { ProjectSnapshot } from '../core/shared';
import type { ProjectSetup } from '../store/projectRepo';
import { ErrorLine } from './common';
import { useProject } from './projectContext';
import { saveSvg, svgUrl, useExportError } from './TableExport';
import { useStable } from './useStable';

const fileName = (name: string) =>
  `${
    name
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'chart'
  }.svg`;

export function ChartsView(props: { snapshot: ProjectSnapshot; setup: ProjectSetup; filters: CompareFilters }) {
  const { coderId, blind, coders, db } = useProject();
  const [error, run, dismiss] = useExportError();
  const { snapshot, setup, filters } = props;
  const options = useStable(waveOptions(filters, blind, coderId));
  const matrix = useMemo(() => waveMatrix(snapshot, options), [snapshot, options]);
  const subtitle = describeFilters(filters, setup, (id) => coders.find((c) => c.id === id)?.name ?? id, blind);
  const measures = childrenOf(snapshot.codes, null);
  const [heatWave, setHeatWave] = useState(filters.pair[0]);
  const [heatMeasure, setHeatMeasure] = useState('');
  const people = snapshot.participants
    .filter(
      (p) =>
        p.deletedAt == null &&
        (!filters.roles.length || filters.roles.includes(p.role)) &&
        (!filters.sites.length || filters.sites.includes(p.site)) &&
        (!filters.groups.length || filters.groups.includes(p.group)),
    )
    .filter((p) => snapshot.sources.some((s) => s.deletedAt == null && s.participantId === p.id && s.wave === heatWave))
    .sort((a, b) => a.pseudonym.localeCompare(b.pseudonym))
    .map((p) => p.id);
  const heatCodes = heatMeasure
    ? [heatMeasure, ...childrenOf(snapshot.codes, heatMeasure).map((c) => c.id)]
    : measures.flatMap((m) => [m.id, ...childrenOf(snapshot.codes, m.id).map((c) => c.id)]);
  const heat = heatMapSvg(snapshot, {
    waveId: heatWave,
    codeIds: heatCodes,
    participantIds: people,
    subtitle,
    includeChildren: options.includeChildren,
    ignoreInterviewer: options.ignoreInterviewer,
    ...(options.coderIds ? { coderIds: options.coderIds } : {}),
  });
  // The chart's text (titles, labels, participants' pseudonyms) passes the leak check first.
  const save = (name: string, svg: string) => run(() => saveSvg(db, fileName(name), svg));

  return (
    <div className="charts">
      <ErrorLine error={error} onDismiss={dismiss} />
      <h2>Measures: share of participants at each wave</h2>
      <div className="chart-grid">
        {measures.map((m) => {
          const svg = measureChartSvg(snapshot, matrix, m.id, { pair: filters.pair, subtitle });
          return (
            <figure key={m.id} className="chart card">
              <img src={svgUrl(svg)} alt={`${m.name}: share of participants with each indicator at each wave`} />
              <figcaption>
                <button type="button" onClick={() => save(m.name, svg)}>
                  Save SVG
                </button>
              </figcaption>
            </figure>
          );
        })}
      </div>
      <h2>Heat map: coded passages by participant and code</h2>
      <div className="row">
        <select aria-label="Heat map wave" value={heatWave} onChange={(e) => setHeatWave(e.target.value)}>
          {setup.waves.map((w) => (
            <option key={w.id} value={w.id}>
              {w.label}
            </option>
          ))}
        </select>
        <select aria-label="Heat map codes" value={heatMeasure} onChange={(e) => setHeatMeasure(e.target.value)}>
          <option value="">All measures and themes</option>
          {measures.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => save(`heat map ${heatWave}`, heat)}>
          Save SVG
        </button>
      </div>
      <figure className="chart card heat">
        <img src={svgUrl(heat)} alt="Heat map of coded passages by participant and code" />
      </figure>
    </div>
  );
}
