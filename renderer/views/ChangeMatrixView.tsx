// The change matrix (framework method with time): participants by codes or measures; each cell
// holds a summary for each wave of the pair and a change judgement, resting on the passages
// counted beside it. Edited in place (undoable), read by column or by row, exported.
import {
  describeFilters,
  waveOptions,
  type CompareFilters,
  cellEvidence,
  cellKey,
  changeMatrixRows,
  columnText,
  evidenceCounts,
  indexCells,
  judgementLabel,
  matrixRows,
  measureCodes,
  rowText,
  setCell,
  suggestJudgement,
  type EvidenceOptions,
} from '../core/waves';
import { useMemo, useState } from 'react';
import { orderedTree, codePathText } from '../core/codebook';
import { CHANGE_JUDGEMENTS, type ChangeJudgement, type FrameworkCell, type Participant, type ProjectSnapshot } from '../core/shared';
import type { ProjectSetup } from '../store/projectRepo';
import { ErrorLine, Modal } from './common';
import { useProject } from './projectContext';
import { openPassage } from './route';
import { copyChecked, ExportTableButtons, useExportError } from './TableExport';
import { useStable } from './useStable';

export function ChangeMatrixView(props: { snapshot: ProjectSnapshot; setup: ProjectSetup; filters: CompareFilters }) {
  const { coderId, blind, coders, db } = useProject();
  const [copyError, runCopy, dismissCopy] = useExportError();
  const { snapshot, setup, filters } = props;
  const pair = filters.pair;
  const measures = measureCodes(snapshot.codes);
  const [columns, setColumns] = useState<string[]>(() => measures.slice(0, 6).map((c) => c.id));
  const [editing, setEditing] = useState<{ participant: Participant; codeId: string } | null>(null);
  const [reading, setReading] = useState<{ title: string; text: string } | null>(null);
  const options = waveOptions(filters, blind, coderId);
  const evidence = useStable({
    includeChildren: filters.includeChildren,
    ignoreInterviewer: filters.ignoreInterviewer,
    ...(options.coderIds ? { coderIds: options.coderIds } : {}),
  });
  const cells = useMemo(() => snapshot.frameworkCells ?? [], [snapshot.frameworkCells]);
  const people = { roles: filters.roles, sites: filters.sites, groups: filters.groups };
  const byKey = useMemo(() => indexCells(cells), [cells]);
  const stablePair = useStable(pair);
  const counts = useMemo(() => evidenceCounts(snapshot, stablePair, evidence), [snapshot, stablePair, evidence]);
  const groups = matrixRows(snapshot, { ...people, roleOrder: setup.roles });
  const name = (id: string) => codePathText(snapshot.codes, id);
  const label = (id: string) => setup.waves.find((w) => w.id === id)?.label ?? id;

  const table = () => {
    const rows = changeMatrixRows(snapshot, cells, columns, pair, setup.roles, { ...evidence, ...people });
    return [['Filters', describeFilters(filters, setup, (id) => coders.find((c) => c.id === id)?.name ?? id, blind)], ...rows];
  };

  return (
    <div className="change-matrix">
      <div className="row">
        <details className="column-picker">
          <summary>Columns ({columns.length})</summary>
          <ul className="plain">
            {orderedTree(snapshot.codes).map(({ code, depth }) => (
              <li key={code.id} style={{ paddingLeft: `${depth}rem` }}>
                <label>
                  <input
                    type="checkbox"
                    checked={columns.includes(code.id)}
                    onChange={() => setColumns(columns.includes(code.id) ? columns.filter((c) => c !== code.id) : [...columns, code.id])}
                  />{' '}
                  {code.name}
                </label>
              </li>
            ))}
          </ul>
        </details>
        <span className="muted small">
          {label(pair[0])} → {label(pair[1])}. Click a cell to summarise and judge; numbers are coded passages at each wave.
        </span>
        <span className="spacer" />
        <ExportTableButtons fileName="change-matrix" sheet={() => ({ name: 'Change matrix', rows: table(), headerRows: 2 })} />
      </div>
      <div className="scroll-x">
        <table className="grid framework">
          <thead>
            <tr>
              <th>Participant</th>
              {columns.map((id) => (
                <th key={id}>
                  {snapshot.codes.find((c) => c.id === id)?.name}{' '}
                  <button
                    type="button"
                    className="link small"
                    onClick={() => setReading({ title: name(id), text: columnText(snapshot, cells, id, pair, setup.roles, people) })}
                  >
                    read column
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          {groups.map((g) => (
            <tbody key={g.role?.id ?? 'none'}>
              <tr className="group-row">
                <th colSpan={columns.length + 1}>{g.role?.label ?? 'No role'}</th>
              </tr>
              {g.participants.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    {p.pseudonym}{' '}
                    <button
                      type="button"
                      className="link small"
                      onClick={() => setReading({ title: p.pseudonym, text: rowText(snapshot, cells, p.id, columns, pair, setup.roles) })}
                    >
                      read row
                    </button>
                  </th>
                  {columns.map((codeId) => {
                    const key = cellKey(p.id, codeId, pair);
                    const cell = byKey.get(key);
                    const n = counts.get(key) ?? { first: 0, second: 0 };
                    return (
                      <td key={codeId}>
                        <button
                          type="button"
                          className={`cell-button ${cell?.judgement ?? ''}`}
                          aria-label={`${p.pseudonym} × ${snapshot.codes.find((c) => c.id === codeId)?.name}`}
                          onClick={() => setEditing({ participant: p, codeId })}
                        >
                          <span className="counts">
                            {n.first} → {n.second}
                          </span>
                          {cell?.judgement ? <strong className="judgement">{judgementLabel(cell.judgement)}</strong> : null}
                          {cell && (cell.firstSummary || cell.secondSummary) ? (
                            <span className="summary">
                              {cell.firstSummary || '…'} → {cell.secondSummary || '…'}
                            </span>
                          ) : null}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      {editing && (
        <CellEditor
          snapshot={snapshot}
          participant={editing.participant}
          codeId={editing.codeId}
          codeName={name(editing.codeId)}
          pair={pair}
          label={label}
          cell={byKey.get(cellKey(editing.participant.id, editing.codeId, pair))}
          evidenceOptions={evidence}
          onClose={() => setEditing(null)}
        />
      )}
      {reading && (
        <Modal
          title={reading.title}
          onClose={() => {
            setReading(null);
            dismissCopy();
          }}
          wide
        >
          <div className="modal-body">
            <pre className="reading">{reading.text}</pre>
          </div>
          <footer className="modal-foot">
            <ErrorLine error={copyError} onDismiss={dismissCopy} />
            <button type="button" onClick={() => runCopy(() => copyChecked(db, reading.text, `the text of ${reading.title}`))}>
              Copy
            </button>
            <button type="button" className="primary" onClick={() => setReading(null)}>
              Close
            </button>
          </footer>
        </Modal>
      )}
    </div>
  );
}

function CellEditor(props: {
  snapshot: ProjectSnapshot;
  participant: Participant;
  codeId: string;
  codeName: string;
  pair: [string, string];
  label(id: string): string;
  cell: FrameworkCell | undefined;
  evidenceOptions: EvidenceOptions;
  onClose(): void;
}) {
  const { actWith, projectId } = useProject();
  const { participant, codeId, pair } = props;
  const [first, setFirst] = useState(props.cell?.firstSummary ?? '');
  const [second, setSecond] = useState(props.cell?.secondSummary ?? '');
  const [judgement, setJudgement] = useState<ChangeJudgement | ''>(props.cell?.judgement ?? '');
  const stablePair = useStable(pair);
  const evidenceOptions = useStable(props.evidenceOptions);
  const evidence = useMemo(
    () => cellEvidence(props.snapshot, participant.id, codeId, stablePair, evidenceOptions),
    [props.snapshot, participant.id, codeId, stablePair, evidenceOptions],
  );
  const coderName = (id: string) => props.snapshot.coders.find((c) => c.id === id)?.name ?? id;
  const hint = suggestJudgement(evidence.first.length, evidence.second.length);
  const save = async () => {
    // The store refuses the change if the cell was edited elsewhere since it was read.
    const ok = await actWith(() =>
      setCell(
        props.snapshot.frameworkCells ?? [],
        { participantId: participant.id, codeId, waves: pair },
        { firstSummary: first, secondSummary: second, judgement },
        Date.now(),
        () => crypto.randomUUID(),
        { participant: participant.pseudonym, code: props.codeName },
      ),
    );
    if (ok) props.onClose();
  };
  return (
    <Modal title={`${participant.pseudonym} × ${props.codeName}`} onClose={props.onClose} wide>
      <div className="modal-body cell-editor">
        {[
          { wave: pair[0], list: evidence.first, value: first, set: setFirst },
          { wave: pair[1], list: evidence.second, value: second, set: setSecond },
        ].map((side) => (
          <section key={side.wave}>
            <h3>{props.label(side.wave)}</h3>
            <label className="stack">
              Summary
              <textarea
                aria-label={`${props.label(side.wave)} summary`}
                rows={4}
                value={side.value}
                onChange={(e) => side.set(e.target.value)}
              />
            </label>
            <p className="small muted">
              {side.list.length} passage{side.list.length === 1 ? '' : 's'} (coders in the filter; the same words count once)
            </p>
            <ol className="plain evidence">
              {side.list.map((p) => (
                <li key={`${p.sourceId}:${p.start}`}>
                  <blockquote className="excerpt">{p.text}</blockquote>
                  <span className="muted small">
                    {[...new Set(p.codings.map((c) => coderName(c.coderId)))].sort((a, b) => a.localeCompare(b)).join(', ')} ·{' '}
                  </span>
                  <button type="button" className="link small" onClick={() => openPassage(projectId, p)}>
                    open in transcript
                  </button>
                </li>
              ))}
            </ol>
          </section>
        ))}
      </div>
      <footer className="modal-foot">
        <label>
          Change{' '}
          <select aria-label="Change judgement" value={judgement} onChange={(e) => setJudgement(e.target.value as ChangeJudgement | '')}>
            <option value="">— not judged —</option>
            {CHANGE_JUDGEMENTS.map((j) => (
              <option key={j.id} value={j.id}>
                {j.label}
              </option>
            ))}
          </select>
        </label>
        {hint && !judgement && <span className="muted small">The coding suggests “{judgementLabel(hint)}”.</span>}
        <span className="spacer" />
        <button type="button" onClick={props.onClose}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={() => void save()}>
          Save
        </button>
      </footer>
    </Modal>
  );
}
