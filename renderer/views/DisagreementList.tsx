// Every passage where the chosen coders differ (two or more of them), each coder's version in a
// column of its own beside the code's definition; the team takes one coder's version, all of
// them, none, or all as a start to edit into the consensus layer, saying why.
import { useMemo, useState } from 'react';
import {
  decisionFor,
  resolveDisagreement,
  type Resolution,
  decisionLine,
  disagreementKind,
  disagreements,
  type Disagreement,
} from '../core/agreement';
import { codePathText } from '../core/codebook';
import type { Decision, ProjectSnapshot } from '../core/shared';
import { useProject } from './projectContext';
import { openPassage } from './route';
import { useStable } from './useStable';
import { VirtualList, type ItemProps } from './VirtualBody';

// Columns wrap rather than squeeze: two coders side by side, three or four on a wide window,
// fewer per row on a narrow one (overrides the two-column rule in styles.css).
const COLUMNS = { gridTemplateColumns: 'repeat(auto-fit, minmax(15rem, 1fr))' } as const;

/** `locale`: the reader's (navigator.language), for the dates of decisions. */
export function DisagreementList(props: {
  snapshot: ProjectSnapshot;
  coderIds: readonly string[];
  sourceIds: string[];
  overlap: number;
  projectId: string;
  locale: string | undefined;
}) {
  const { snapshot, coderIds } = props;
  const stableCoderIds = useStable(coderIds);
  const sourceIds = useStable(props.sourceIds);
  const list = useMemo(
    () => disagreements(snapshot, { coderIds: stableCoderIds, overlap: props.overlap, sourceIds }),
    [snapshot, stableCoderIds, props.overlap, sourceIds],
  );
  const { actWith, coders, coderId } = useProject();
  const [codeId, setCodeId] = useState('');
  const [open, setOpen] = useState<'open' | 'all'>('open');
  // Reasons typed but not yet used, kept here: an item scrolled out of view is not drawn.
  const [whys, setWhys] = useState<ReadonlyMap<string, string>>(new Map());
  const decisions = snapshot.decisions ?? [];
  const shown = list.filter((d) => (!codeId || d.codeId === codeId) && (open === 'all' || !decisionFor(decisions, d)));
  const resolved = list.filter((d) => decisionFor(decisions, d)).length;
  const me = coders.find((c) => c.id === coderId)?.name ?? null;
  const resolve = async (d: Disagreement, choice: Resolution, why: string) => {
    const ok = await actWith((fresh) =>
      resolveDisagreement({ coders: fresh.coders, codings: snapshot.codings, decisions }, d, choice, why, me ?? '', Date.now(), () =>
        crypto.randomUUID(),
      ),
    );
    // Editing goes on where coding is done: the passage opens; choose "Consensus" as coder there.
    if (ok && choice === 'edit') openPassage(props.projectId, d);
    return ok;
  };
  const codeIds = [...new Set(list.map((d) => d.codeId))];
  const coderName = (id: string) => snapshot.coders.find((c) => c.id === id)?.name ?? id;
  const two = coderIds.length === 2;
  return (
    <section className="disagreements" aria-label="Disagreements">
      <div className="row">
        <h3>
          Disagreements ({list.length}, {resolved} resolved)
        </h3>
        <select aria-label="Which disagreements" value={open} onChange={(e) => setOpen(e.target.value as 'open' | 'all')}>
          <option value="open">Still open</option>
          <option value="all">All, with decisions</option>
        </select>
        <select aria-label="Disagreements for code" value={codeId} onChange={(e) => setCodeId(e.target.value)}>
          <option value="">All codes</option>
          {codeIds.map((id) => (
            <option key={id} value={id}>
              {codePathText(snapshot.codes, id)} ({list.filter((d) => d.codeId === id).length})
            </option>
          ))}
        </select>
        <span className="muted small">
          A passage {two ? 'only one coder' : 'not every chosen coder'} coded, or coded with a different extent (overlap below{' '}
          {Math.round(props.overlap * 100)}%{two ? '' : ' between any two of them'}).
        </span>
      </div>
      {/* Drawn a screenful at a time from 300 on: twenty coders at ten times the study differ in thousands of passages. */}
      <VirtualList
        items={shown}
        rowHeight={260}
        className="plain"
        label="Passages where the coders differ"
        row={(d, _, place) => {
          const key = keyOf(d);
          return (
            <Item
              key={key}
              place={place}
              d={d}
              snapshot={snapshot}
              projectId={props.projectId}
              decision={decisionFor(decisions, d)}
              coderName={coderName}
              onResolve={resolve}
              canDecide={me !== null}
              locale={props.locale}
              why={whys.get(key) ?? ''}
              onWhy={(text) => setWhys((m) => new Map(m).set(key, text))}
            />
          );
        }}
      />
    </section>
  );
}

const keyOf = (d: Disagreement) => `${d.sourceId}:${d.codeId}:${d.start}:${d.end}`;

function Item(props: {
  place: ItemProps;
  d: Disagreement;
  snapshot: ProjectSnapshot;
  projectId: string;
  decision: Decision | undefined;
  coderName(id: string): string;
  onResolve(d: Disagreement, choice: Resolution, why: string): Promise<boolean>;
  /** Decisions are logged with who took them: this computer must have chosen its coder. */
  canDecide: boolean;
  locale: string | undefined;
  why: string;
  onWhy(text: string): void;
}) {
  const { d, snapshot, decision, coderName, why } = props;
  const s = snapshot.sources.find((x) => x.id === d.sourceId);
  const code = snapshot.codes.find((c) => c.id === d.codeId);
  const many = d.versions.length > 2;
  const choose = (choice: Resolution) => void props.onResolve(d, choice, why);
  // Buttons only while the decision is open and this computer has said who is deciding.
  const deciding = !decision && props.canDecide;
  const what = disagreementKind(d, coderName);
  return (
    <li className="disagreement card" {...props.place}>
      <header className="row small">
        <strong>{codePathText(snapshot.codes, d.codeId)}</strong>
        <span className="muted">
          {s?.title} · {what}
        </span>
        <span className="spacer" />
        <button type="button" className="link" onClick={() => openPassage(props.projectId, d)}>
          Open in transcript
        </button>
      </header>
      {code && (code.description || code.inclusion || code.exclusion) && (
        <p className="small muted definition">
          {code.description}
          {code.inclusion ? ` Include: ${code.inclusion}` : ''}
          {code.exclusion ? ` Exclude: ${code.exclusion}` : ''}
        </p>
      )}
      {decision ? (
        <p className="small decision" role="status">
          {decisionLine(decision, coderName, props.locale)}
        </p>
      ) : !props.canDecide ? (
        <p className="small muted">Choose who you are (top right) to record decisions in the consensus layer.</p>
      ) : (
        <div className="row resolution">
          <input aria-label="Why" placeholder="Why (for the decision log)" value={why} onChange={(e) => props.onWhy(e.target.value)} />
          <button type="button" onClick={() => choose('both')}>
            {many ? 'All versions' : 'Both'}
          </button>
          <button type="button" onClick={() => choose('neither')}>
            {many ? 'None' : 'Neither'}
          </button>
          <button
            type="button"
            title={`Start from ${many ? 'all' : 'both'} versions, then adjust the Consensus coder's coding on the Coding tab`}
            onClick={() => choose('edit')}
          >
            Edit…
          </button>
        </div>
      )}
      <div className="versions" style={COLUMNS}>
        {d.versions.map((v) => (
          <div key={v.coderId}>
            <h4>{coderName(v.coderId)}</h4>
            {v.ranges.length === 0 ? (
              <p className="muted">not coded</p>
            ) : (
              v.ranges.map(([a, b]) => (
                <blockquote key={a} className="excerpt">
                  {s?.text.slice(a, b)}
                </blockquote>
              ))
            )}
            {deciding && (
              <button type="button" onClick={() => choose({ coderId: v.coderId })}>
                Take {coderName(v.coderId)}'s
              </button>
            )}
          </div>
        ))}
      </div>
    </li>
  );
}
