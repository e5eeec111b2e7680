// The codebook beside the transcript: click a code to apply it to the selection. Counts are
// the codings of each code in this transcript (as shown: blind mode counts only yours).
import { useMemo, useState } from 'react';
import { orderedTree, codePathText } from '../core/codebook';
import { codeSearch } from '../core/coding';
import type { Coding } from '../core/shared';
import { useProject } from './projectContext';

export function CodeList(props: { codings: Coding[]; selectionActive: boolean; lastCodeId: string | null; onApply(codeId: string): void }) {
  const { codes } = useProject();
  const [filter, setFilter] = useState('');
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const c of props.codings) m.set(c.codeId, (m.get(c.codeId) ?? 0) + 1);
    return m;
  }, [props.codings]);
  const rows = useMemo(() => {
    if (!filter.trim()) return orderedTree(codes);
    return codeSearch(codes, filter, 30).map((code) => ({ code, depth: 0 }));
  }, [codes, filter]);
  return (
    <div className="code-list">
      <input aria-label="Filter codes" placeholder="Filter codes" value={filter} onChange={(e) => setFilter(e.target.value)} />
      {codes.length === 0 && <p className="muted small">No codes yet. Press K on a selection to create one, or set up the codebook.</p>}
      <ul className="plain tree" aria-label="Codes">
        {rows.map(({ code, depth }) => (
          <li key={code.id} style={{ paddingLeft: `${depth * 0.9}rem` }}>
            <button
              type="button"
              className={`code-row${code.id === props.lastCodeId ? ' last' : ''}`}
              disabled={!props.selectionActive}
              title={`${props.selectionActive ? 'Apply ' : ''}${codePathText(codes, code.id, ' › ')}${code.description ? `\n${code.description}` : ''}`}
              onMouseDown={(e) => e.preventDefault() /* keep the transcript selection */}
              onClick={() => props.onApply(code.id)}
            >
              <span className="swatch" style={{ background: code.colour }} />
              <span className="name">{code.name}</span>
              {counts.get(code.id) ? <span className="count">{counts.get(code.id)}</span> : null}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
