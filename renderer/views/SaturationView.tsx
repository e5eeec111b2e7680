// Saturation: the transcripts in the order they were interviewed (a participant attribute, such
// as the interview date, or the order of import), how many codes each adds and the cumulative
// curve, per role or per wave, and where k transcripts in a row added nothing.
import { useMemo, useState } from 'react';
import {
  interviewOrder,
  saturationRows,
  saturationSeries,
  saturationSvg,
  type SaturationSeries,
  type SaturationSplit,
} from '../core/analysis';
import type { ProjectSnapshot } from '../core/shared';
import type { AnalysisSectionProps } from './AnalysisView';
import { ErrorLine } from './common';
import { useProject } from './projectContext';
import { navigate } from './route';
import { ExportTableButtons, saveSvg, svgUrl, useExportError } from './TableExport';

export function SaturationView(props: AnalysisSectionProps) {
  const { db, projectId } = useProject();
  const { snapshot, options, setup } = props;
  const [attribute, setAttribute] = useState('');
  const [split, setSplit] = useState<SaturationSplit>('none');
  const [k, setK] = useState(3);
  const [error, run, dismiss] = useExportError();
  const order = useMemo(() => interviewOrder(snapshot, attribute || undefined), [snapshot, attribute]);
  const series = useMemo(() => saturationSeries(snapshot, { ...options, order, split, k }), [snapshot, options, order, split, k]);
  const orderText = attribute ? `interview order by the attribute '${attribute}', then import order` : 'interview order = import order';
  const subtitle = `${props.filtersText}; ${orderText}; stopping rule: ${k} transcripts in a row adding no code`;
  const svg = useMemo(() => saturationSvg(series, { k, subtitle }), [series, k, subtitle]);
  const open = (sourceId: string) => navigate({ screen: 'project', projectId, tab: 'coding', sourceId, range: null });
  const sheet = () => ({ name: 'Saturation', rows: [['Filters', subtitle], ...saturationRows(snapshot, series)], headerRows: 2 });

  return (
    <div className="saturation">
      <div className="row wrap">
        <label>
          Interview order{' '}
          <select aria-label="Interview order" value={attribute} onChange={(e) => setAttribute(e.target.value)}>
            <option value="">Order of import</option>
            {setup.attributeDefs.map((a) => (
              <option key={a.name} value={a.name}>
                By {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          One curve{' '}
          <select aria-label="One curve" value={split} onChange={(e) => setSplit(e.target.value as SaturationSplit)}>
            <option value="none">for all transcripts</option>
            <option value="role">per role</option>
            <option value="wave">per wave</option>
          </select>
        </label>
        <label>
          Saturated after{' '}
          <input
            type="number"
            aria-label="Transcripts in a row adding nothing"
            min={1}
            max={50}
            value={k}
            onChange={(e) => setK(Math.min(50, Math.max(1, Math.round(Number(e.target.value)) || 1)))}
          />{' '}
          transcripts in a row adding no code
        </label>
        <span className="spacer" />
        <ExportTableButtons fileName="saturation" sheet={sheet} />
        <button type="button" onClick={() => run(() => saveSvg(db, 'saturation.svg', svg))}>
          Save chart (SVG)
        </button>
      </div>
      <ErrorLine error={error} onDismiss={dismiss} />
      <p className="small muted">
        A code counts in a transcript when it is coded there itself (its parents do not count for it, whatever the sub-codes box says).{' '}
        {props.filtersText}.
      </p>
      {series.length === 0 ? (
        <p className="muted">No transcript passes these filters.</p>
      ) : (
        <>
          <ul className="saturation-summary">
            {series.map((s) => (
              <li key={s.label}>{summary(snapshot, s, k)}</li>
            ))}
          </ul>
          <img className="chart" alt="Saturation: codes found, transcript by transcript" src={svgUrl(svg)} />
          {series.map((s) => (
            <SeriesTable key={s.label} snapshot={snapshot} series={s} onOpen={open} />
          ))}
        </>
      )}
    </div>
  );
}

function summary(snapshot: ProjectSnapshot, s: SaturationSeries, k: number): string {
  const who = s.label || 'All transcripts';
  const found = s.steps.at(-1)?.cumulative ?? 0;
  if (s.point === null)
    return `${who}: ${found} codes in ${s.steps.length} transcripts; never ${k} in a row without a new code, so not saturated by this rule.`;
  const source = snapshot.sources.find((x) => x.id === s.steps[s.point!]!.sourceId);
  return `${who}: ${found} codes in ${s.steps.length} transcripts; no new code for ${k} transcripts after transcript ${s.point + 1} (${source?.title ?? ''}).`;
}

function SeriesTable(props: { snapshot: ProjectSnapshot; series: SaturationSeries; onOpen(sourceId: string): void }) {
  const { snapshot, series } = props;
  const sources = useMemo(() => new Map(snapshot.sources.map((s) => [s.id, s])), [snapshot.sources]);
  const codeName = useMemo(() => new Map(snapshot.codes.map((c) => [c.id, c.name])), [snapshot.codes]);
  const person = (id: string | null) => snapshot.participants.find((p) => p.id === id)?.pseudonym ?? '';
  const wave = (id: string | null) => snapshot.waves.find((w) => w.id === id)?.label ?? '';
  return (
    <table className="grid saturation-table" aria-label={`Saturation: ${series.label || 'all transcripts'}`}>
      {series.label && <caption>{series.label}</caption>}
      <thead>
        <tr>
          <th>#</th>
          <th>Transcript</th>
          <th>Participant</th>
          <th>Wave</th>
          <th title="Codes no earlier transcript had">New</th>
          <th title="Distinct codes found so far">Cumulative</th>
          <th>Codes first seen here</th>
        </tr>
      </thead>
      <tbody>
        {series.steps.map((step, i) => {
          const source = sources.get(step.sourceId);
          return (
            <tr key={step.sourceId} className={series.point === i ? 'saturation-point' : undefined}>
              <td className="num">{i + 1}</td>
              <td>
                <button type="button" className="link" onClick={() => props.onOpen(step.sourceId)}>
                  {source?.title ?? step.sourceId}
                </button>
                {series.point === i && <span className="small muted"> · saturation point</span>}
              </td>
              <td>{person(source?.participantId ?? null)}</td>
              <td>{wave(source?.wave ?? null)}</td>
              <td className="num">{step.newCodes.length}</td>
              <td className="num">{step.cumulative}</td>
              <td className="small">{step.newCodes.map((id) => codeName.get(id) ?? id).join('; ')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
