// Bringing a second coder's .qdpx into the project: the merge planned before anything is
// written (core/merge), shown, and committed as one undoable step. Planning 400,000 codings
// takes about a second at ten times the study, so it runs on the window's thread a step at a
// time (store/inSteps.ts), the progress shown, the window drawing in between.
import { useEffect, useState } from 'react';
import { planMergeSteps, type MatchedPair, type MergePlan } from '../core/merge';
import { errorMessage, type ProjectSnapshot } from '../core/shared';
import { runInSteps, type StepOptions } from '../store/inSteps';
import { ErrorLine, Modal, ModalFoot } from './common';
import { countOf, ImportWarnings } from './ImportWarnings';

export interface Incoming {
  fileName: string;
  project: ProjectSnapshot;
  warnings: string[];
  current: ProjectSnapshot;
  /** Planned without adding the transcripts this project does not have (the dialog's first choice). */
  plan: MergePlan;
}

/** The merge of `incoming` into `current`, planned in steps; null when cancelled. */
export function planIncoming(
  incoming: Pick<Incoming, 'fileName' | 'project' | 'current'>,
  addSources: boolean,
  options: StepOptions,
): Promise<MergePlan | null> {
  const steps = planMergeSteps(incoming.current, incoming.project, {
    addUnmatchedSources: addSources,
    newId: () => crypto.randomUUID(),
    now: Date.now(),
    label: `Import coding from ${incoming.fileName}`,
  });
  return runInSteps(steps, options);
}

export function MergeDialog(props: { incoming: Incoming; onClose(): void; onMerge(plan: MergePlan): Promise<boolean> }) {
  const { incoming } = props;
  const [addSources, setAddSources] = useState(false);
  const [busy, setBusy] = useState(false);
  // The plan shown, and the choice it was made for; a new choice is planned in steps (planIncoming).
  const [planned, setPlanned] = useState({ addSources: false, plan: incoming.plan });
  const [planning, setPlanning] = useState<number | null>(null);
  const [planError, setPlanError] = useState<string | null>(null);
  useEffect(() => {
    if (planned.addSources === addSources) return;
    let stopped = false;
    setPlanning(0);
    planIncoming(incoming, addSources, { onProgress: setPlanning, cancelled: () => stopped }).then(
      (plan) => {
        if (!plan) return;
        setPlanned({ addSources, plan });
        setPlanning(null);
      },
      (error: unknown) => {
        setPlanError(errorMessage(error));
        setPlanning(null);
      },
    );
    return () => {
      stopped = true;
    };
  }, [incoming, addSources, planned.addSources]);
  const { plan } = planned;
  const { fileName, warnings } = incoming;
  const s = plan.summary;
  const [unmatched] = useState(() => incoming.plan.summary.sources.notMatched);
  const nothing = s.codings.added === 0 && s.codes.added.length === 0 && s.memos.added === 0 && plan.newSources.length === 0;
  return (
    <Modal title={`Import coding from ${fileName}`} onClose={props.onClose} wide>
      <div className="modal-body merge-preview">
        <table className="grid">
          <tbody>
            <tr>
              <th>Transcripts</th>
              <td>
                {countOf(s.sources.matched.length, 'transcript')} matched by their text
                {s.sources.added.length > 0 && `, ${s.sources.added.length} added`}
                {s.sources.notMatched.length > 0 && `, ${s.sources.notMatched.length} not in this project`}
                <Details title="Matched" pairs={s.sources.matched} />
                <List
                  title="Not in this project (their codings are skipped)"
                  items={s.sources.notMatched.map((n) => `${n.title} (${countOf(n.codingsSkipped, 'coding')})`)}
                />
                <List title="Added" items={s.sources.added} />
              </td>
            </tr>
            <tr>
              <th>Codes</th>
              <td>
                {s.codes.matchedById.length + s.codes.matchedByPath.length + s.codes.matchedByName.length} matched (
                {s.codes.matchedById.length} by id, {s.codes.matchedByPath.length} by name and place, {s.codes.matchedByName.length} by name
                elsewhere in the tree), {s.codes.added.length} new
                <Details title="Matched by name elsewhere in the tree (check these)" pairs={s.codes.matchedByName} />
                <List title="New codes" items={s.codes.added} />
              </td>
            </tr>
            <tr>
              <th>Coders</th>
              <td>
                <ul className="plain">
                  {s.coders.matched.map((c) => (
                    <li key={`m${c.existing}`}>
                      {c.existing}
                      {c.consensus ? ' (consensus layer)' : ''}
                      {c.incoming !== c.existing ? ` (as "${c.incoming}" in the file)` : ''}: {countOf(c.codingsAdded, 'coding')} to add,{' '}
                      {c.codingsAlreadyPresent} already here
                    </li>
                  ))}
                  {s.coders.added.map((c) => (
                    <li key={`a${c.name}`}>
                      {c.name} ({c.consensus ? 'the consensus layer, not compared as a coder' : 'new coder'}):{' '}
                      {countOf(c.codingsAdded, 'coding')} to add
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
            <tr>
              <th>Codings</th>
              <td>
                {s.codings.added.toLocaleString()} to add, {s.codings.alreadyPresent.toLocaleString()} already here,{' '}
                {s.codings.skipped.toLocaleString()} skipped
              </td>
            </tr>
            {(s.participants.added.length > 0 || s.participants.matched.length > 0) && (
              <tr>
                <th>Participants</th>
                <td>
                  {s.participants.matched.length} matched by pseudonym, {s.participants.added.length} added
                </td>
              </tr>
            )}
            <tr>
              <th>Memos</th>
              <td>
                {s.memos.added} to add, {s.memos.alreadyPresent} already here, {s.memos.notMerged.length} not merged
              </td>
            </tr>
          </tbody>
        </table>
        {(unmatched.length > 0 || addSources) && (
          <label className="row">
            <input type="checkbox" checked={addSources} onChange={(e) => setAddSources(e.target.checked)} />
            Also add the {countOf(unmatched.length, 'transcript')} this project does not have, with their participants (kept if you undo)
          </label>
        )}
        <ImportWarnings warnings={[...warnings, ...plan.warnings]} />
        <ErrorLine error={planError} />
      </div>
      <ModalFoot onCancel={props.onClose}>
        <button
          type="button"
          className="primary"
          disabled={busy || nothing || planning !== null || planError !== null}
          onClick={async () => {
            setBusy(true);
            if (!(await props.onMerge(plan))) setBusy(false);
          }}
        >
          {planning !== null
            ? `Planning… ${Math.floor(planning * 100)}%`
            : nothing
              ? 'Nothing new to import'
              : busy
                ? 'Importing…'
                : `Import ${countOf(s.codings.added, 'coding')}`}
        </button>
      </ModalFoot>
    </Modal>
  );
}

function Details(props: { title: string; pairs: MatchedPair[] }) {
  if (props.pairs.length === 0) return null;
  return (
    <List title={props.title} items={props.pairs.map((p) => (p.incoming === p.existing ? p.existing : `${p.incoming} → ${p.existing}`))} />
  );
}

function List(props: { title: string; items: string[] }) {
  if (props.items.length === 0) return null;
  return (
    <details>
      <summary>
        {props.title} ({props.items.length})
      </summary>
      <ul>
        {props.items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </details>
  );
}
