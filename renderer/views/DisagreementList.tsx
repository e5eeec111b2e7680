// Every passage where two coders differ, each coder's version side by side with the code's
// definition, so the team can talk it through. (Resolving into a consensus layer comes next.)
import { useMemo, useState } from 'react';
import { disagreements } from '../core/agreement/disagreements';
import { codePath } from '../core/codebookOps';
import type { ProjectSnapshot } from '../core/model';
import { navigate } from './route';

export function DisagreementList(props: { snapshot: ProjectSnapshot; coderIds: [string, string]; overlap: number; projectId: string }) {
  const { snapshot, coderIds } = props;
  const list = useMemo(() => disagreements(snapshot, { coderIds, overlap: props.overlap }), [snapshot, coderIds.join(), props.overlap]);
  const [codeId, setCodeId] = useState('');
  const shown = codeId ? list.filter((d) => d.codeId === codeId) : list;
  const codeIds = [...new Set(list.map((d) => d.codeId))];
  const coderName = (id: string) => snapshot.coders.find((c) => c.id === id)?.name ?? id;
  const source = (id: string) => snapshot.sources.find((s) => s.id === id);
  return (
    <section className="disagreements" aria-label="Disagreements">
      <div className="row">
        <h3>Disagreements ({list.length})</h3>
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
