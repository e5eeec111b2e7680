// Every passage where two coders differ, each coder's version side by side with the code's
// definition; the team takes one version, both or neither into the consensus layer, saying why.
import { useMemo, useState } from 'react';
import { decisionFor, resolveDisagreement } from '../core/agreement/consensus';
import { disagreements, type Disagreement } from '../core/agreement/disagreements';
import type { ConsensusChoice } from '../core/model';
import { codePath } from '../core/codebookOps';
import type { ProjectSnapshot } from '../core/model';
import { useProject } from './projectContext';
import { navigate } from './route';

export function DisagreementList(props: { snapshot: ProjectSnapshot; coderIds: [string, string]; sourceIds: string[]; overlap: number; projectId: string }) {
  const { snapshot, coderIds } = props;
  const list = useMemo(() => disagreements(snapshot, { coderIds, overlap: props.overlap, sourceIds: props.sourceIds }), [snapshot, coderIds.join(), props.overlap, props.sourceIds.join()]);
  const { actWith, coders, coderId } = useProject();
  const [codeId, setCodeId] = useState('');
  const [open, setOpen] = useState<'open' | 'all'>('open');
  const decisions = snapshot.decisions ?? [];
  const shown = list.filter((d) => (!codeId || d.codeId === codeId) && (open === 'all' || !decisionFor(decisions, d)));
  const resolved = list.filter((d) => decisionFor(decisions, d)).length;
  const me = coders.find((c) => c.id === coderId)?.name ?? null;
  const resolve = async (d: Disagreement, choice: ConsensusChoice, why: string) => {
    const ok = await actWith((fresh) => resolveDisagreement({ coders: fresh.coders, codings: snapshot.codings, decisions }, d, choice, why, me ?? '', Date.now(), () => crypto.randomUUID()));
    // Editing goes on where coding is done: the passage opens; choose "Consensus" as coder there.
    if (ok && choice === 'edit') navigate({ screen: 'project', projectId: props.projectId, tab: 'coding', sourceId: d.sourceId, range: { start: d.start, end: d.end } });
    return ok;
  };
  const codeIds = [...new Set(list.map((d) => d.codeId))];
  const coderName = (id: string) => snapshot.coders.find((c) => c.id === id)?.name ?? id;
  const source = (id: string) => snapshot.sources.find((s) => s.id === id);
  return (
    <section className="disagreements" aria-label="Disagreements">
      <div className="row">
        <h3>Disagreements ({list.length}, {resolved} resolved)</h3>
        <select aria-label="Which disagreements" value={open} onChange={(e) => setOpen(e.target.value as 'open' | 'all')}>
          <option value="open">Still open</option>
          <option value="all">All, with decisions</option>
        </select>
        <select aria-label="Disagreements for code" value={codeId} onChange={(e) => setCodeId(e.target.value)}>
          <option value="">All codes</option>
          {codeIds.map((id) => <option key={id} value={id}>{codePath(snapshot.codes, id).join(' / ')} ({list.filter((d) => d.codeId === id).length})</option>)}
        </select>
        <span className="muted small">A passage only one coder coded, or coded with a different extent (overlap below {Math.round(props.overlap * 100)}%).</span>
      </div>
      <ol className="plain">
        {shown.slice(0, 200).map((d, i) => {
          const s = source(d.sourceId);
          const code = snapshot.codes.find((c) => c.id === d.codeId);
          return (
            <li key={i} className="disagreement card">
              <header className="row small">
                <strong>{codePath(snapshot.codes, d.codeId).join(' / ')}</strong>
                <span className="muted">{s?.title} · {d.kind === 'missing' ? 'coded by one coder only' : 'different extent'}</span>
                <span className="spacer" />
                <button type="button" className="link" onClick={() => navigate({ screen: 'project', projectId: props.projectId, tab: 'coding', sourceId: d.sourceId, range: { start: d.start, end: d.end } })}>Open in transcript</button>
              </header>
              {code && (code.description || code.inclusion || code.exclusion) && (
                <p className="small muted definition">{code.description}{code.inclusion ? ` Include: ${code.inclusion}` : ''}{code.exclusion ? ` Exclude: ${code.exclusion}` : ''}</p>
              )}
              <Resolution d={d} decision={decisionFor(decisions, d)} names={d.versions.map((v) => coderName(v.coderId)) as [string, string]} onResolve={resolve} canDecide={me !== null} />
              <div className="versions">
                {d.versions.map((v) => (
                  <div key={v.coderId}>
                    <h4>{coderName(v.coderId)}</h4>
                    {v.ranges.length === 0 ? <p className="muted">not coded</p> : v.ranges.map(([a, b]) => <blockquote key={a} className="excerpt">{s?.text.slice(a, b)}</blockquote>)}
                  </div>
                ))}
              </div>
            </li>
          );
        })}
      </ol>
      {shown.length > 200 && <p className="muted">The first 200 of {shown.length} are shown; choose a code to narrow the list.</p>}
    </section>
  );
}

function Resolution(props: {
  d: Disagreement;
  decision: ReturnType<typeof decisionFor>;
  names: [string, string];
  onResolve(d: Disagreement, choice: ConsensusChoice, why: string): Promise<boolean>;
  /** Decisions are logged with who took them: this computer must have chosen its coder. */
  canDecide: boolean;
}) {
  const [why, setWhy] = useState('');
  const { decision, names } = props;
  if (decision) {
    const taken = { first: `${names[0]}'s version`, second: `${names[1]}'s version`, both: 'both versions', neither: 'neither version', edit: 'an edited version (started from both)' }[decision.choice];
    return (
      <p className="small decision" role="status">
        Resolved: {taken} taken into the consensus layer, by {decision.decidedBy}, {new Date(decision.decidedAt).toLocaleString()}{decision.why ? ` — “${decision.why}”` : ''}
      </p>
    );
  }
  const choose = (choice: ConsensusChoice) => void props.onResolve(props.d, choice, why);
  if (!props.canDecide) return <p className="small muted">Choose who you are (top right) to record decisions in the consensus layer.</p>;
  return (
    <div className="row resolution">
      <input aria-label="Why" placeholder="Why (for the decision log)" value={why} onChange={(e) => setWhy(e.target.value)} />
      <button type="button" onClick={() => choose('first')}>Take {names[0]}'s</button>
      <button type="button" onClick={() => choose('second')}>Take {names[1]}'s</button>
      <button type="button" onClick={() => choose('both')}>Both</button>
      <button type="button" onClick={() => choose('neither')}>Neither</button>
      <button type="button" title="Start from both versions, then adjust the Consensus coder's coding on the Coding tab" onClick={() => choose('edit')}>Edit…</button>
    </div>
  );
}
