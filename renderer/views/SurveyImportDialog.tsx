// Importing a survey: pick a CSV, Excel or SPSS file, check how it was read (its layout, which
// column names the participant, the time point, the item), settle every participant the file
// names that the project does not know (one of them, a new participant, or left out), and see
// what will be written. Nothing is written until the plan has no problem and "Import" is pressed;
// then it is one undoable step.
import { useMemo, useState } from 'react';
import { errorMessage, type ProjectSnapshot } from '../core/shared';
import { detectSurveyLayout, planSurveyImport, type SurveyImportChoices, type SurveyTable } from '../core/surveys';
import { readSurveyFile } from '../io/surveyFiles';
import { getPlatform } from '../platform/platform';
import { commitSurveyImport } from '../store/surveyStore';
import { ErrorLine, Modal, ModalFoot, useAction } from './common';
import { useProject } from './projectContext';
import { SurveyImportMatches } from './SurveyImportMatches';

const LAYOUTS: { id: SurveyImportChoices['layout']; label: string }[] = [
  { id: 'wide-columns', label: 'One row per person, a column per item and time point (e.g. negotiates_T0 … negotiates_T5)' },
  { id: 'wide-rows', label: 'One row per person and time point, a column per item' },
  { id: 'long', label: 'One row per answer (person, time point, item, value)' },
];

export function SurveyImportDialog(props: { snapshot: ProjectSnapshot; onClose: () => void; onImported: (notice: string) => void }) {
  const { db, coders, coderId } = useProject();
  const { snapshot } = props;
  const [error, run, dismiss] = useAction('a survey being imported');
  const [table, setTable] = useState<SurveyTable | null>(null);
  const [choices, setChoices] = useState<SurveyImportChoices | null>(null);
  const [unsure, setUnsure] = useState<string[]>([]);
  const [detected, setDetected] = useState<SurveyImportChoices | null>(null);

  const pick = () =>
    run(async () => {
      const [file] = await getPlatform().openFiles({
        title: 'Import survey',
        extensions: ['.csv', '.tsv', '.txt', '.xlsx', '.sav'],
        multiple: false,
      });
      if (!file) return;
      const read = await readSurveyFile(file.name, file.bytes);
      const layout = detectSurveyLayout(read);
      setTable(read);
      setUnsure(layout.unsure);
      setDetected(layout);
      setChoices({ ...layout, participantMatches: {}, newParticipantGroup: '' });
    });

  // The plan follows every choice; a choice that does not fit the file says why, in place.
  const planned = useMemo(() => {
    if (!table || !choices) return null;
    try {
      return { plan: planSurveyImport(snapshot, table, choices, () => crypto.randomUUID()), problem: null };
    } catch (e) {
      return { plan: null, problem: errorMessage(e) };
    }
  }, [snapshot, table, choices]);
  const plan = planned?.plan ?? null;
  const set = (patch: Partial<SurveyImportChoices>) => setChoices((c) => (c ? { ...c, ...patch } : c));
  // Another layout reads other columns as answers: the detected ones for the detected layout,
  // else every column but the participant's and the time point's (wide rows).
  const chooseLayout = (layout: SurveyImportChoices['layout']) =>
    set({ layout, itemColumns: layout === detected?.layout ? detected.itemColumns : undefined });
  const setColumn = (i: number, patch: { item?: string; timePoint?: string }) =>
    setChoices((c) => (c?.itemColumns ? { ...c, itemColumns: c.itemColumns.map((col, k) => (k === i ? { ...col, ...patch } : col)) } : c));
  const columns = table?.columns.map((c) => c.name) ?? [];
  const ready = plan !== null && plan.errors.length === 0 && plan.unmatched.length === 0 && plan.responses.length > 0;

  const commit = () =>
    run(async () => {
      if (!plan || !table) return;
      const actor = coders.find((c) => c.id === coderId)?.name ?? '';
      await commitSurveyImport(db, plan, table.fileName, actor);
      props.onImported(
        `${table.fileName}: ${plan.responses.length.toLocaleString()} answers imported` +
          (plan.newParticipants.length ? `, ${plan.newParticipants.length} participant(s) added` : '') +
          '. Undo (Ctrl+Z) takes the whole import back.',
      );
      props.onClose();
    });

  const columnSelect = (label: string, key: 'participantColumn' | 'timePointColumn' | 'itemColumn' | 'valueColumn') => (
    <label>
      {label}{' '}
      <select aria-label={label} value={choices?.[key] ?? ''} onChange={(e) => set({ [key]: e.target.value })}>
        <option value="">—</option>
        {columns.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <Modal title="Import survey" onClose={props.onClose} wide>
      <div className="modal-body">
        {!table || !choices ? (
          <div>
            <p>
              A CSV, Excel (.xlsx) or SPSS/PSPP (.sav) file of the answers. One row per person with a column per item and time point (e.g.{' '}
              <code>negotiates_T0</code> … <code>negotiates_T5</code>), one row per person and time point, or one row per answer. SPSS value
              labels and missing-value codes are kept.
            </p>
            <button type="button" className="primary" onClick={pick} autoFocus>
              Choose file…
            </button>
          </div>
        ) : (
          <div className="survey-import">
            <p>
              <strong>{table.fileName}</strong>: {table.rows.length.toLocaleString()} rows, {table.columns.length} columns.
            </p>
            {unsure.length > 0 && (
              <ul className="warnings" aria-label="Not sure">
                {unsure.map((u) => (
                  <li key={u}>{u}</li>
                ))}
              </ul>
            )}
            <fieldset>
              <legend>How the file is laid out</legend>
              {LAYOUTS.map((l) => (
                <label key={l.id} className="block">
                  <input type="radio" name="layout" checked={choices.layout === l.id} onChange={() => chooseLayout(l.id)} /> {l.label}
                </label>
              ))}
              <div className="row">
                {columnSelect('Participant column', 'participantColumn')}
                {choices.layout !== 'wide-columns' && columnSelect('Time point column', 'timePointColumn')}
                {choices.layout === 'long' && columnSelect('Item column', 'itemColumn')}
                {choices.layout === 'long' && columnSelect('Value column', 'valueColumn')}
              </div>
              {choices.layout !== 'long' && choices.itemColumns && (
                <details className="survey-columns">
                  <summary className="small">
                    {choices.itemColumns.length} answer columns, e.g.{' '}
                    {choices.itemColumns
                      .slice(0, 3)
                      .map((c) => `${c.column} → ${c.item}${c.timePoint ? ` at ${c.timePoint}` : ''}`)
                      .join('; ')}
                    {choices.itemColumns.length > 3 ? '…' : ''} (check or change)
                  </summary>
                  <table className="grid">
                    <thead>
                      <tr>
                        <th>Column</th>
                        <th>Item</th>
                        {choices.layout === 'wide-columns' && <th>Time point</th>}
                        <th />
                      </tr>
                    </thead>
                    <tbody>
                      {choices.itemColumns.map((c, i) => (
                        <tr key={c.column}>
                          <td>{c.column}</td>
                          <td>
                            <input
                              aria-label={`Item of column ${c.column}`}
                              value={c.item}
                              onChange={(e) => setColumn(i, { item: e.target.value })}
                            />
                          </td>
                          {choices.layout === 'wide-columns' && (
                            <td>
                              <input
                                aria-label={`Time point of column ${c.column}`}
                                value={c.timePoint}
                                onChange={(e) => setColumn(i, { timePoint: e.target.value })}
                              />
                            </td>
                          )}
                          <td>
                            <button type="button" onClick={() => set({ itemColumns: choices.itemColumns!.filter((_, k) => k !== i) })}>
                              Leave out
                            </button>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </details>
              )}
            </fieldset>
            {planned?.problem && (
              <p role="alert" className="error-line">
                {planned.problem}
              </p>
            )}
            {plan && (
              <>
                <p aria-label="What will be written">
                  {plan.responses.length.toLocaleString()} answers to write ({plan.replaced} replacing different stored answers,{' '}
                  {plan.unchanged} already stored as they are) · time points:{' '}
                  {plan.timePoints.map((t) => `${t.record.label}${t.isNew ? ' (new)' : ''}`).join(', ')} ·{' '}
                  {plan.items.filter((i) => i.isNew).length} of {plan.items.length} item(s) new
                  {plan.newParticipants.length ? ` · ${plan.newParticipants.length} new participant(s)` : ''}
                </p>
                <SurveyImportMatches snapshot={snapshot} plan={plan} choices={choices} set={set} />
                {plan.errors.length > 0 && (
                  <>
                    <h4>Problems to fix in the file ({plan.errors.length})</h4>
                    <ul className="errors" aria-label="Problems">
                      {plan.errors.slice(0, 20).map((e) => (
                        <li key={`${e.row}:${e.column}:${e.message}`}>{e.message}</li>
                      ))}
                    </ul>
                  </>
                )}
              </>
            )}
          </div>
        )}
        <ErrorLine error={error} onDismiss={dismiss} />
      </div>
      <ModalFoot
        onCancel={props.onClose}
        note={table && !ready ? <span className="muted small">Settle every row above first.</span> : undefined}
      >
        {table && (
          <button type="button" className="primary" disabled={!ready} onClick={commit}>
            Import
          </button>
        )}
      </ModalFoot>
    </Modal>
  );
}
