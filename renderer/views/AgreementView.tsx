// Inter-coder agreement: pick the coders and the unit, read the table per code (codes below the
// team's threshold stand out), see it by wave (drift), read every disagreement side by side,
// resolve each into a consensus layer, and take away the figures and a methods paragraph. The
// disagreements listed are those in the transcripts the table compares, for every chosen coder.
// The tables are built in core (core/agreement/tables.ts, document.ts); the report writes the
// same ones, so it holds every table shown here.
import { useMemo, useState } from 'react';
import {
  type AgreementUnit,
  decisionLogTable,
  agreementSections,
  hasWaves,
  agreementRows,
  DEFAULT_THRESHOLDS,
  JUDGED_ON_NAMES,
  judgedOn,
  methodsParagraph,
  byCodeAndSourceTable,
  byCodeTable,
  bySourceTable,
  byWaveCodeTable,
  byWaveTable,
  agreementDocBlocks,
  agreementDocTexts,
  agreementHeaderRows,
  agreementWorkbook,
} from '../core/agreement';
import { writeDocx } from '../io/docxWrite';
import { ErrorLine } from './common';
import { AgreementTable } from './AgreementTable';
import { DisagreementList } from './DisagreementList';
import { DoubleCodingPlan } from './DoubleCodingPlan';
import { useProject } from './projectContext';
import { saveChecked, saveCsv, saveXlsx } from './TableExport';
import { useStable } from './useStable';
import { errorMessage, naturalCompare, ValidationError } from '../core/shared';
import { useProjectSnapshot } from './useProjectSnapshot';
import { useAgreementReport } from './useAgreementReport';

const UNITS: { id: AgreementUnit; label: string }[] = [
  { id: 'turn', label: 'Speaker turn / paragraph' },
  { id: 'character', label: 'Character (as NVivo)' },
  { id: 'segment', label: 'Coded segment (as MAXQDA)' },
  { id: 'document', label: 'Code present in transcript' },
];

/** Jump targets of the table of contents, in the order of the tab. */
const CONTENTS = [
  { id: 'by-code', label: 'By code' },
  { id: 'disagreements', label: 'Disagreements' },
  { id: 'by-wave', label: 'By wave' },
  { id: 'by-code-source', label: 'By code and transcript' },
  { id: 'by-source', label: 'By transcript' },
  { id: 'decisions', label: 'Decision log' },
] as const;

const anchor = (id: string) => `agreement-${id}`;

function jumpTo(id: string) {
  const target = document.getElementById(anchor(id));
  // The by-code-and-transcript table sits in a closed <details>: open it to show it.
  if (target instanceof HTMLDetailsElement) target.open = true;
  target?.scrollIntoView({ block: 'start' });
}

export function AgreementView() {
  const { db, coders, blind, projectId } = useProject();
  const snapshot = useProjectSnapshot(db);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [unit, setUnit] = useState<AgreementUnit>('turn');
  const [overlap, setOverlap] = useState(90);
  const [thresholds, setThresholds] = useState<{ tentative: number; reliable: number }>({ ...DEFAULT_THRESHOLDS });
  // The consensus layer is not a coder to compare by default.
  const coderIds = chosen ?? coders.filter((c) => !c.consensus).map((c) => c.id);
  // null: the transcripts every chosen coder coded (the double-coded ones).
  const [sourceChoice, setSourceChoice] = useState<string[] | null>(null);
  // An export that fails says so, instead of silently saving nothing.
  const [exportError, setExportError] = useState<string | null>(null);
  const stableCoderIds = useStable(coderIds);
  const options = useMemo(
    () =>
      blind || stableCoderIds.length < 2
        ? null
        : {
            coderIds: stableCoderIds,
            unit,
            ...(unit === 'segment' ? { overlap: overlap / 100 } : {}),
            ...(sourceChoice ? { sourceIds: sourceChoice } : {}),
          },
    [blind, stableCoderIds, unit, overlap, sourceChoice],
  );
  const result = useAgreementReport(snapshot, options);

  // Dates and numbers in the reader's locale, the same on screen and in the Word report.
  const locale = navigator.language;
  const tables = useMemo(() => {
    const report = result.report;
    if (!snapshot || !report) return null;
    const options = { thresholds, locale };
    return {
      byCode: byCodeTable(report, snapshot, options),
      byWave: hasWaves(report) ? byWaveTable(report, snapshot, options) : null,
      byWaveCode: hasWaves(report) ? byWaveCodeTable(report, snapshot, options) : null,
      byCodeAndSource: byCodeAndSourceTable(report, snapshot, options),
      bySource: bySourceTable(report, snapshot, options),
      decisions: decisionLogTable(snapshot, report.sourceIds, { locale }),
    };
  }, [snapshot, result, thresholds, locale]);

  if (blind)
    return (
      <p className="pad muted">
        Blind mode is on: comparing coders would show you the others' coding. Turn Blind off (top right) to see agreement.
      </p>
    );
  if (!snapshot) return <p className="pad muted">Counting…</p>;
  const report = result.report;
  const title = (id: string) => snapshot.sources.find((s) => s.id === id)?.title ?? id;
  // Every form goes through the leak check first (TableExport.tsx): coder names, transcript
  // titles and code names leave the app here too.
  const save = async (kind: 'csv' | 'xlsx' | 'md' | 'docx') => {
    if (!report) return;
    const rows = agreementRows(report, snapshot, thresholds);
    const paragraph = methodsParagraph(report, snapshot, thresholds);
    const methods = [
      { place: 'the methods paragraph', text: paragraph },
      { place: 'the method line', text: report.method },
    ];
    if (kind === 'csv') await saveCsv(db, 'agreement.csv', { name: 'Agreement', rows, headerRows: agreementHeaderRows(rows) });
    if (kind === 'md')
      await saveChecked(
        db,
        'agreement-methods.md',
        methods,
        () => new TextEncoder().encode(`# Inter-coder agreement\n\n${paragraph}\n\n${report.method}\n`),
        'text/markdown',
      );
    if (kind === 'csv' || kind === 'md') return;
    const sections = agreementSections(report, snapshot, { thresholds, locale });
    if (kind === 'xlsx') await saveXlsx(db, 'agreement.xlsx', agreementWorkbook(sections, rows, [paragraph, report.method]));
    else {
      const blocks = agreementDocBlocks(sections);
      await saveChecked(
        db,
        'agreement.docx',
        agreementDocTexts(blocks),
        () => writeDocx('Inter-coder agreement', blocks),
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
    }
  };
  const exportAs = (kind: Parameters<typeof save>[0]) => {
    setExportError(null);
    save(kind).catch((e: unknown) => setExportError(e instanceof ValidationError ? e.message : `The export failed: ${errorMessage(e)}`));
  };
  const on = judgedOn(unit);
  const contents = CONTENTS.filter((c) => c.id !== 'by-wave' || tables?.byWave);

  return (
    <section className="agreement pad scroll-pane" data-scroll-pane>
      <DoubleCodingPlan snapshot={snapshot} />
      <div className="filters row" aria-label="Comparison">
        <fieldset className="row">
          <legend>Coders</legend>
          {coders.map((c) => (
            <label key={c.id}>
              <input
                type="checkbox"
                checked={coderIds.includes(c.id)}
                onChange={() => setChosen(coderIds.includes(c.id) ? coderIds.filter((x) => x !== c.id) : [...coderIds, c.id])}
              />{' '}
              {c.name}
            </label>
          ))}
        </fieldset>
        <label>
          Unit{' '}
          <select aria-label="Unit" value={unit} onChange={(e) => setUnit(e.target.value as AgreementUnit)}>
            {UNITS.map((u) => (
              <option key={u.id} value={u.id}>
                {u.label}
              </option>
            ))}
          </select>
        </label>
        {unit === 'segment' && (
          <label>
            Overlap ≥{' '}
            <input
              aria-label="Overlap percent"
              type="number"
              min={1}
              max={100}
              value={overlap}
              onChange={(e) => setOverlap(Math.min(100, Math.max(1, Number(e.target.value) || 90)))}
            />
            %
          </label>
        )}
        <label
          title={
            on === 'alpha'
              ? "Krippendorff's guidance: ≥ .667 tentative, ≥ .800 reliable"
              : 'At the coded-segment unit codes are judged on percent agreement: alpha is undefined there'
          }
        >
          Thresholds ({JUDGED_ON_NAMES[on]}){' '}
          <input
            aria-label="Tentative threshold"
            type="number"
            step={0.01}
            min={0}
            max={1}
            value={thresholds.tentative}
            onChange={(e) => setThresholds({ ...thresholds, tentative: Number(e.target.value) })}
          />{' '}
          /{' '}
          <input
            aria-label="Reliable threshold"
            type="number"
            step={0.01}
            min={0}
            max={1}
            value={thresholds.reliable}
            onChange={(e) => setThresholds({ ...thresholds, reliable: Number(e.target.value) })}
          />
        </label>
      </div>
      {coderIds.length < 2 && <p className="muted">Choose at least two coders.</p>}
      <ErrorLine error={result.error ?? exportError} />
      {result.progress && (
        <p className="muted small" role="status" aria-label="Comparing">
          Comparing the coders…{' '}
          {result.progress.total > 0 && (
            <>
              {result.progress.done.toLocaleString()} of {result.progress.total.toLocaleString()} transcripts{' '}
              <progress value={result.progress.done} max={result.progress.total} />
            </>
          )}
        </p>
      )}
      {report && tables && (
        <>
          <div className="row">
            <details className="small source-choice">
              <summary>
                <strong>{report.sourceIds.length}</strong> transcript(s) compared
                {sourceChoice ? ' (chosen by hand)' : ', those every chosen coder coded'}:{' '}
                {report.sourceIds.map(title).join(', ') || 'none yet — each coder must code the same transcripts'}
              </summary>
              <ul className="plain">
                {snapshot.sources
                  .filter((s) => s.deletedAt == null)
                  .sort((a, b) => naturalCompare(a.title, b.title))
                  .map((s) => (
                    <li key={s.id}>
                      <label>
                        <input
                          type="checkbox"
                          checked={(sourceChoice ?? report.sourceIds).includes(s.id)}
                          onChange={() => {
                            // The choice shows at once; the report follows from the worker.
                            const chosen = sourceChoice ?? report.sourceIds;
                            setSourceChoice(chosen.includes(s.id) ? chosen.filter((x) => x !== s.id) : [...chosen, s.id]);
                          }}
                        />{' '}
                        {s.title}
                      </label>
                    </li>
                  ))}
              </ul>
              {sourceChoice && (
                <button type="button" className="link" onClick={() => setSourceChoice(null)}>
                  Back to the double-coded transcripts
                </button>
              )}
            </details>
            <span className="spacer" />
            <button type="button" onClick={() => exportAs('csv')}>
              Export CSV
            </button>
            <button type="button" onClick={() => exportAs('xlsx')}>
              Export XLSX
            </button>
            <button type="button" onClick={() => exportAs('md')}>
              Methods paragraph (.md)
            </button>
            <button type="button" onClick={() => exportAs('docx')}>
              Report (.docx)
            </button>
          </div>
          <blockquote className="methods">{methodsParagraph(report, snapshot, thresholds)}</blockquote>
          <nav className="toc row small" aria-label="Contents">
            <span className="muted">Jump to</span>
            {contents.map((c) => (
              <button key={c.id} type="button" className="link" onClick={() => jumpTo(c.id)}>
                {c.label}
              </button>
            ))}
          </nav>
          <section id={anchor('by-code')} aria-label="By code">
            <AgreementTable table={tables.byCode} />
          </section>
          <div id={anchor('disagreements')}>
            <DisagreementList
              snapshot={snapshot}
              coderIds={report.coderIds}
              sourceIds={report.sourceIds}
              overlap={unit === 'segment' ? overlap / 100 : 0.9}
              projectId={projectId}
              locale={locale}
            />
          </div>
          {tables.byWave && tables.byWaveCode && (
            <section id={anchor('by-wave')}>
              <h3>Drift: agreement by wave</h3>
              <AgreementTable table={tables.byWave} />
              <AgreementTable table={tables.byWaveCode} />
            </section>
          )}
          <details className="by-code-source" id={anchor('by-code-source')}>
            <summary>By code and transcript ({report.byCodeAndSource.length}, as NVivo reports it)</summary>
            <AgreementTable table={tables.byCodeAndSource} />
          </details>
          <section id={anchor('by-source')}>
            <h3>By transcript</h3>
            <AgreementTable table={tables.bySource} />
          </section>
          <section id={anchor('decisions')}>
            <h3>Decision log ({tables.decisions.rows.length})</h3>
            {tables.decisions.rows.length ? (
              <AgreementTable table={tables.decisions} />
            ) : (
              <p className="muted small">No disagreement on these transcripts has been resolved yet.</p>
            )}
          </section>
        </>
      )}
    </section>
  );
}
