// The survey's data: import a file of answers, the ordered time points (each optionally beside an
// interview wave), and the item sheet (wording, type, the values that count as reporting it,
// which way is better, the indicator code it measures), edited in place and as CSV.
import { useState } from 'react';
import { codePathText, orderedTree } from '../core/codebook';
import {
  created,
  SURVEY_ITEM_TYPES,
  updated,
  type Action,
  type ProjectSnapshot,
  type SurveyItem,
  type SurveyItemType,
} from '../core/shared';
import {
  addTimePointAction,
  editItemAction,
  editTimePointAction,
  itemsToCsvRows,
  moveTimePointAction,
  parseValues,
  readItemsCsv,
  removeItemAction,
  removeTimePointAction,
  studyTimePointsAction,
  valuesText,
} from '../core/surveys';
import { readCsv } from '../io/csv';
import { getPlatform } from '../platform/platform';
import type { ProjectSetup } from '../store/projectRepo';
import type { SurveyRecords } from '../store/surveyStore';
import { ErrorLine, useAction } from './common';
import { DraftInput } from './DraftField';
import { useProject } from './projectContext';
import { saveCsv } from './TableExport';
import { SurveyImportDialog } from './SurveyImportDialog';

export function SurveyData(props: { snapshot: ProjectSnapshot; survey: SurveyRecords; setup: ProjectSetup }) {
  const { act, db } = useProject();
  const { snapshot, survey, setup } = props;
  const [error, run, dismiss] = useAction();
  const [importing, setImporting] = useState(false);
  const [newPoint, setNewPoint] = useState('');
  const [notice, setNotice] = useState('');
  const answered = new Map<string, number>();
  for (const r of snapshot.surveyResponses ?? []) if (r.value !== null) answered.set(r.itemId, (answered.get(r.itemId) ?? 0) + 1);
  const people = new Set((snapshot.surveyResponses ?? []).map((r) => r.participantId)).size;
  const codes = orderedTree(snapshot.codes.filter((c) => c.deletedAt == null)).filter(({ code }) => !code.notCodable);
  // A refused edit throws, so the typed text stays in its field beside the message.
  const must = async (action: Action) => {
    if (!(await act(action))) throw new Error('Not saved.');
  };

  const exportItems = () =>
    run(() => saveCsv(db, 'survey-items.csv', { name: 'Survey items', rows: itemsToCsvRows(snapshot), headerRows: 1 }));
  const importItems = () =>
    run(async () => {
      const [file] = await getPlatform().openFiles({ title: 'Import survey items', extensions: ['.csv'], multiple: false });
      if (!file) return;
      const sheet = readItemsCsv(snapshot, readCsv(file), file.name, () => crypto.randomUUID());
      const before = new Map((snapshot.surveyItems ?? []).map((i) => [i.id, i]));
      const changes = sheet.items.map((item) =>
        before.has(item.id) ? updated('surveyItems', before.get(item.id)!, item) : created('surveyItems', item),
      );
      await must({ label: `Import survey items from ${file.name}`, changes });
      setNotice(`${file.name}: ${sheet.updated} item(s) updated, ${sheet.created} added.`);
    });

  return (
    <div className="survey-data">
      <div className="row">
        <button type="button" className="primary" onClick={() => setImporting(true)}>
          Import survey…
        </button>
        <span className="muted small">
          {people} people answered · {survey.items.length} items · {survey.timePoints.length} time points
        </span>
        <span className="spacer" />
        <button type="button" onClick={exportItems} disabled={!survey.items.length}>
          Export items CSV
        </button>
        <button type="button" onClick={importItems}>
          Import items CSV…
        </button>
      </div>
      <ErrorLine error={error} onDismiss={dismiss} />
      {notice && <p role="status">{notice}</p>}

      <h3>Time points</h3>
      {survey.timePoints.length === 0 && (
        <p>
          <button type="button" onClick={() => run(() => must(studyTimePointsAction([], setup.waves, () => crypto.randomUUID())))}>
            Add the study’s six time points
          </button>{' '}
          <span className="muted small">
            before the programme, then 3, 6, 9, 12 and 15 months; or add your own below, or import a survey.
          </span>
        </p>
      )}
      <table className="grid survey-time-points">
        <thead>
          <tr>
            <th>Time point</th>
            <th>Beside the interviews of</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {survey.timePoints.map((t, i) => (
            <tr key={t.id}>
              <td>
                <DraftInput
                  journal={`survey-time:${t.id}:label`}
                  aria-label={`Time point ${i + 1} name`}
                  value={t.label}
                  save={(label) => must(editTimePointAction(survey.timePoints, t, { label }))}
                />
              </td>
              <td>
                <select
                  aria-label={`Wave beside ${t.label}`}
                  value={t.waveId ?? ''}
                  onChange={(e) => void act(editTimePointAction(survey.timePoints, t, { waveId: e.target.value }))}
                >
                  <option value="">—</option>
                  {setup.waves.map((w) => (
                    <option key={w.id} value={w.id}>
                      {w.label}
                    </option>
                  ))}
                </select>
              </td>
              <td className="actions">
                <button
                  type="button"
                  aria-label={`Move ${t.label} earlier`}
                  disabled={i === 0}
                  onClick={() => void act(moveTimePointAction(survey.timePoints, t.id, -1))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={`Move ${t.label} later`}
                  disabled={i === survey.timePoints.length - 1}
                  onClick={() => void act(moveTimePointAction(survey.timePoints, t.id, 1))}
                >
                  ↓
                </button>
                <button type="button" onClick={() => void act(removeTimePointAction(t, Date.now()))}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await must(addTimePointAction(survey.timePoints, newPoint, () => crypto.randomUUID()));
            setNewPoint('');
          });
        }}
      >
        <input aria-label="New time point" placeholder="e.g. 18 months" value={newPoint} onChange={(e) => setNewPoint(e.target.value)} />
        <button type="submit">Add time point</button>
      </form>

      <h3>Items</h3>
      <p className="small muted">
        Each item measures one indicator: link it to its code, say which answers count as reporting it (values separated by |), and which
        way is better for the women.
      </p>
      <table className="grid survey-items">
        <thead>
          <tr>
            <th>Item</th>
            <th>Question as asked</th>
            <th>Type</th>
            <th>Reported when</th>
            <th>Better</th>
            <th>Indicator code</th>
            <th className="num">Answers</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {survey.items.map((item) => (
            <ItemRow
              key={item.id}
              item={item}
              items={survey.items}
              answers={answered.get(item.id) ?? 0}
              codes={codes}
              snapshot={snapshot}
              save={must}
              run={run}
            />
          ))}
        </tbody>
      </table>
      {importing && <SurveyImportDialog snapshot={snapshot} onClose={() => setImporting(false)} onImported={setNotice} />}
    </div>
  );
}

function ItemRow(props: {
  item: SurveyItem;
  items: SurveyItem[];
  answers: number;
  codes: ReturnType<typeof orderedTree>;
  snapshot: ProjectSnapshot;
  save: (action: Action) => Promise<void>;
  /** Runs a change, showing its refusal on the sheet's error line. */
  run: (work: () => Promise<unknown> | unknown) => Promise<boolean>;
}) {
  const { act } = useProject();
  const { item, items, save } = props;
  const edit = (patch: Parameters<typeof editItemAction>[2]) => save(editItemAction(items, item, patch));
  return (
    <tr>
      <td>
        <DraftInput
          journal={`survey-item:${item.id}:label`}
          aria-label={`Item ${item.label} name`}
          value={item.label}
          save={(label) => edit({ label })}
        />
      </td>
      <td>
        <DraftInput
          journal={`survey-item:${item.id}:wording`}
          aria-label={`Item ${item.label} question`}
          value={item.wording ?? ''}
          save={(wording) => edit({ wording })}
        />
      </td>
      <td>
        <select
          aria-label={`Item ${item.label} type`}
          value={item.type}
          onChange={(e) => void props.run(() => edit({ type: e.target.value as SurveyItemType }))}
        >
          {SURVEY_ITEM_TYPES.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
      </td>
      <td>
        <DraftInput
          journal={`survey-item:${item.id}:reported`}
          aria-label={`Item ${item.label} reported values`}
          size={8}
          value={valuesText(item.reported)}
          save={(text) => edit({ reported: parseValues(text) })}
        />
        {item.valueLabels?.length ? (
          <div className="small muted">{item.valueLabels.map((l) => `${l.value} = ${l.label}`).join(', ')}</div>
        ) : null}
      </td>
      <td>
        <select
          aria-label={`Item ${item.label} better`}
          value={item.better ?? 'more'}
          onChange={(e) => void props.run(() => edit({ better: e.target.value as 'more' | 'fewer' }))}
        >
          <option value="more">More reporting it</option>
          <option value="fewer">Fewer reporting it</option>
        </select>
      </td>
      <td>
        <select
          aria-label={`Item ${item.label} code`}
          value={item.codeId ?? ''}
          onChange={(e) => void props.run(() => edit({ codeId: e.target.value || null }))}
        >
          <option value="">— not linked —</option>
          {props.codes.map(({ code }) => (
            <option key={code.id} value={code.id}>
              {codePathText(props.snapshot.codes, code.id, ' › ')}
            </option>
          ))}
        </select>
      </td>
      <td className="num">{props.answers}</td>
      <td className="actions">
        <button type="button" onClick={() => void act(removeItemAction(item, Date.now()))}>
          Remove
        </button>
      </td>
    </tr>
  );
}
