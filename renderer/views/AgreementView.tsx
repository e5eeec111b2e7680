// Inter-coder agreement: pick the coders and the unit, read the table per code (codes below the
// team's threshold stand out), see it by wave (drift), read every disagreement side by side,
// resolve each into a consensus layer, and take away the figures and a methods paragraph. The
// disagreements listed are those in the transcripts the table compares, for every chosen coder.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { compareCoders, type AgreementUnit, type NullableStats } from '../core/agreement/compare';
import { agreementRows, DEFAULT_THRESHOLDS, methodsParagraph, verdict } from '../core/agreement/report';
import { codePath } from '../core/codebookOps';
import { toCsv } from '../io/csv';
import { writeXlsx } from '../io/xlsx';
import { writeDocx } from '../io/docxWrite';
import { getPlatform } from '../platform/platform';
import { loadSnapshot } from '../store/projectRepo';
import { ErrorLine } from './common';
import { DisagreementList } from './DisagreementList';
import { DoubleCodingPlan } from './DoubleCodingPlan';
import { useProject } from './projectContext';

const UNITS: { id: AgreementUnit; label: string }[] = [
  { id: 'turn', label: 'Speaker turn / paragraph' },
  { id: 'character', label: 'Character (as NVivo)' },
  { id: 'segment', label: 'Coded segment (as MAXQDA)' },
  { id: 'document', label: 'Code present in transcript' },
];

const f = (x: number | null) => (x === null ? '—' : x.toFixed(3));

export function AgreementView() {
  const { db, coders, blind, projectId } = useProject();
  const snapshot = useLiveQuery(() => loadSnapshot(db), [db]);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [unit, setUnit] = useState<AgreementUnit>('turn');
  const [overlap, setOverlap] = useState(90);
  const [thresholds, setThresholds] = useState<{ tentative: number; reliable: number }>({ ...DEFAULT_THRESHOLDS });
  // The consensus layer is not a coder to compare by default.
  const coderIds = chosen ?? coders.filter((c) => !c.consensus).map((c) => c.id);
  // null: the transcripts every chosen coder coded (the double-coded ones).
  const [sourceChoice, setSourceChoice] = useState<string[] | null>(null);
  const result = useMemo(() => {
    if (!snapshot || blind || coderIds.length < 2) return null;
    try {
      return { report: compareCoders(snapshot, { coderIds, unit, ...(unit === 'segment' ? { overlap: overlap / 100 } : {}), ...(sourceChoice ? { sourceIds: sourceChoice } : {}) }), error: null };
    } catch (e) {
      return { report: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [snapshot, blind, coderIds.join(), unit, overlap, sourceChoice?.join()]);

  if (blind) return <p className="pad muted">Blind mode is on: comparing coders would show you the others' coding. Turn Blind off (top right) to see agreement.</p>;
  if (!snapshot) return <p className="pad muted">Counting…</p>;
  const report = result?.report ?? null;
  const title = (id: string) => snapshot.sources.find((s) => s.id === id)?.title ?? id;
  const save = async (kind: 'csv' | 'xlsx' | 'md' | 'docx') => {
    if (!report) return;
    const rows = agreementRows(report, snapshot, thresholds);
    const paragraph = methodsParagraph(report, snapshot, thresholds);
    if (kind === 'csv') await getPlatform().saveFile('agreement.csv', new TextEncoder().encode(`\uFEFF${toCsv(rows)}`), 'text/csv');
    if (kind === 'xlsx') {
      const cells = [['Code', 'Transcript', 'Units', 'Percent agreement', 'Kappa', "Krippendorff's alpha"], ...report.byCodeAndSource.map((c) => [codePath(snapshot.codes, c.codeId).join(' / '), title(c.sourceId), String(c.stats.units), f(c.stats.agreement), f(c.stats.kappa), f(c.stats.alpha)])];
      const book = await writeXlsx([{ name: 'Agreement', rows, headerRows: 4 }, { name: 'By code and transcript', rows: cells, headerRows: 1 }, { name: 'Methods', rows: [[paragraph]] }]);
      await getPlatform().saveFile('agreement.xlsx', book, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    }
    if (kind === 'md') await getPlatform().saveFile('agreement-methods.md', new TextEncoder().encode(`# Inter-coder agreement\n\n${paragraph}\n\n${report.method}\n`), 'text/markdown');
    if (kind === 'docx') {
      const table = rows.slice(3);
      const bytes = await writeDocx('Inter-coder agreement', [{ kind: 'paragraph', text: paragraph }, { kind: 'paragraph', text: report.method }, { kind: 'heading', text: 'By code' }, { kind: 'table', rows: table }]);
      await getPlatform().saveFile('agreement.docx', bytes, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    }
  };
  const cls = (s: NullableStats, used: boolean) => `verdict-${verdict(s, used, thresholds)}`;

  return (
    <section className="agreement pad">
      <DoubleCodingPlan snapshot={snapshot} />
      <div className="filters row" aria-label="Comparison">
        <fieldset className="row">
          <legend>Coders</legend>
          {coders.map((c) => (
            <label key={c.id}><input type="checkbox" checked={coderIds.includes(c.id)} onChange={() => setChosen(coderIds.includes(c.id) ? coderIds.filter((x) => x !== c.id) : [...coderIds, c.id])} /> {c.name}</label>
          ))}
        </fieldset>
        <label>Unit <select aria-label="Unit" value={unit} onChange={(e) => setUnit(e.target.value as AgreementUnit)}>{UNITS.map((u) => <option key={u.id} value={u.id}>{u.label}</option>)}</select></label>
        {unit === 'segment' && <label>Overlap ≥ <input aria-label="Overlap percent" type="number" min={1} max={100} value={overlap} onChange={(e) => setOverlap(Math.min(100, Math.max(1, Number(e.target.value) || 90)))} />%</label>}
        <label>Alpha thresholds <input aria-label="Tentative threshold" type="number" step={0.01} min={0} max={1} value={thresholds.tentative} onChange={(e) => setThresholds({ ...thresholds, tentative: Number(e.target.value) })} /> / <input aria-label="Reliable threshold" type="number" step={0.01} min={0} max={1} value={thresholds.reliable} onChange={(e) => setThresholds({ ...thresholds, reliable: Number(e.target.value) })} /></label>
      </div>
      {coderIds.length < 2 && <p className="muted">Choose at least two coders.</p>}
      <ErrorLine error={result?.error ?? null} />
      {report && (
        <>
          <div className="row">
            <details className="small source-choice">
              <summary>
                <strong>{report.sourceIds.length}</strong> transcript(s) compared{sourceChoice ? ' (chosen by hand)' : ', those every chosen coder coded'}: {report.sourceIds.map(title).join(', ') || 'none yet — each coder must code the same transcripts'}
              </summary>
              <ul className="plain">
                {snapshot.sources.filter((s) => s.deletedAt == null).sort((a, b) => a.title.localeCompare(b.title, undefined, { numeric: true })).map((s) => (
                  <li key={s.id}>
                    <label><input type="checkbox" checked={report.sourceIds.includes(s.id)} onChange={() => setSourceChoice(report.sourceIds.includes(s.id) ? report.sourceIds.filter((x) => x !== s.id) : [...report.sourceIds, s.id])} /> {s.title}</label>
                  </li>
                ))}
              </ul>
              {sourceChoice && <button type="button" className="link" onClick={() => setSourceChoice(null)}>Back to the double-coded transcripts</button>}
            </details>
            <span className="spacer" />
            <button type="button" onClick={() => void save('csv')}>Export CSV</button>
            <button type="button" onClick={() => void save('xlsx')}>Export XLSX</button>
            <button type="button" onClick={() => void save('md')}>Methods paragraph (.md)</button>
            <button type="button" onClick={() => void save('docx')}>Report (.docx)</button>
          </div>
          <blockquote className="methods">{methodsParagraph(report, snapshot, thresholds)}</blockquote>
          <table className="grid agreement-table">
            <thead>
              <tr><th>Code</th><th>Units</th><th>Agreement</th><th>{report.coderIds.length === 2 ? 'Cohen κ' : 'Fleiss κ'}</th><th>Scott π</th><th>AC1</th><th>B–P</th><th>α</th>{report.unit === 'character' && <th>αu</th>}</tr>
            </thead>
            <tbody>
              <tr className={`pooled ${cls(report.pooled, true)}`}><th scope="row">All codes used (pooled)</th><StatCells s={report.pooled} u={report.unitizing?.overall} unitizing={report.unit === 'character'} /></tr>
              {report.perCode.map((c) => (
                <tr key={c.codeId} className={cls(c.stats, c.used)}>
                  <th scope="row">{codePath(snapshot.codes, c.codeId).join(' / ')}{!c.used && <span className="muted small"> (not used)</span>}</th>
                  <StatCells s={c.stats} u={c.unitizingAlpha} unitizing={report.unit === 'character'} />
                </tr>
              ))}
            </tbody>
          </table>
          <DisagreementList snapshot={snapshot} coderIds={report.coderIds} sourceIds={report.sourceIds} overlap={unit === 'segment' ? overlap / 100 : 0.9} projectId={projectId} />
          {report.byWave.length > 1 && (
            <>
              <h3>Drift: agreement by wave</h3>
              <table className="grid agreement-table">
                <thead><tr><th>Wave</th><th>Units</th><th>Agreement</th><th>κ</th><th>α</th></tr></thead>
                <tbody>
                  {report.byWave.map((w) => (
                    <tr key={w.waveId} className={cls(w.pooled, true)}>
                      <th scope="row">{snapshot.waves.find((x) => x.id === w.waveId)?.label ?? w.waveId}</th>
                      <td className="num">{w.pooled.units.toLocaleString()}</td><td className="num">{f(w.pooled.agreement)}</td><td className="num">{f(w.pooled.kappa)}</td><td className="num">{f(w.pooled.alpha)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <table className="grid agreement-table">
                <thead><tr><th>Code (α by wave)</th>{report.byWave.map((w) => <th key={w.waveId}>{snapshot.waves.find((x) => x.id === w.waveId)?.label ?? w.waveId}</th>)}</tr></thead>
                <tbody>
                  {report.perCode.filter((c) => c.used).map((c) => (
                    <tr key={c.codeId}>
                      <th scope="row">{codePath(snapshot.codes, c.codeId).join(' / ')}</th>
                      {report.byWave.map((w) => {
                        const row = w.perCode.find((x) => x.codeId === c.codeId)!;
                        return <td key={w.waveId} className={`num alpha ${cls(row.stats, row.used)}`}>{row.used ? f(row.stats.alpha ?? row.stats.agreement) : '—'}</td>;
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <details className="by-code-source">
            <summary>By code and transcript ({report.byCodeAndSource.length}, as NVivo reports it)</summary>
            <table className="grid agreement-table">
              <thead><tr><th>Code</th><th>Transcript</th><th>Units</th><th>Agreement</th><th>κ</th><th>α</th></tr></thead>
              <tbody>
                {report.byCodeAndSource.map((c) => (
                  <tr key={`${c.codeId}:${c.sourceId}`} className={cls(c.stats, true)}>
                    <th scope="row">{codePath(snapshot.codes, c.codeId).join(' / ')}</th>
                    <td>{title(c.sourceId)}</td>
                    <td className="num">{c.stats.units.toLocaleString()}</td><td className="num">{f(c.stats.agreement)}</td><td className="num">{f(c.stats.kappa)}</td><td className="num alpha">{f(c.stats.alpha)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          <h3>By transcript</h3>
          <table className="grid agreement-table">
            <thead><tr><th>Transcript</th><th>Wave</th><th>Units</th><th>Agreement</th><th>κ</th><th>α</th></tr></thead>
            <tbody>
              {report.bySource.map((b) => {
                const s = snapshot.sources.find((x) => x.id === b.sourceId);
                return (
                  <tr key={b.sourceId} className={cls(b.stats, true)}>
                    <th scope="row">{s?.title}</th>
                    <td>{snapshot.waves.find((w) => w.id === s?.wave)?.label ?? '—'}</td>
                    <td className="num">{b.stats.units.toLocaleString()}</td><td className="num">{f(b.stats.agreement)}</td><td className="num">{f(b.stats.kappa)}</td><td className="num alpha">{f(b.stats.alpha)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function StatCells(props: { s: NullableStats; u?: number | null | undefined; unitizing: boolean }) {
  const { s } = props;
  return (
    <>
      <td className="num">{s.units.toLocaleString()}</td>
      <td className="num">{f(s.agreement)}</td>
      <td className="num">{f(s.kappa)}</td>
      <td className="num">{f(s.pi)}</td>
      <td className="num">{f(s.ac1)}</td>
      <td className="num">{f(s.bp)}</td>
      <td className="num alpha">{f(s.alpha)}</td>
      {props.unitizing && <td className="num">{f(props.u ?? null)}</td>}
    </>
  );
}
