// One code's definition (what a coder reads before applying it), colour and memo, and the
// operations on the whole code: merge into another, split some codings off, delete.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { codePath, mergeCodes, orderedTree, splitCode, updateCode, type CodeFields } from '../core/codebookOps';
import type { Code, Coding } from '../core/model';
import { Modal } from './common';
import { MemoBox } from './MemoBox';
import { useProject } from './projectContext';

const TEXT_FIELDS: { key: keyof CodeFields; label: string; rows: number }[] = [
  { key: 'description', label: 'Description', rows: 3 },
  { key: 'inclusion', label: 'Use when (inclusion)', rows: 3 },
  { key: 'exclusion', label: 'Do not use when (exclusion)', rows: 3 },
  { key: 'examples', label: 'Examples', rows: 2 },
];

export function CodeDetails(props: { code: Code; codings: Coding[]; onDelete(): void }) {
  const { codes, actWith } = useProject();
  const { code } = props;
  const [draft, setDraft] = useState<Partial<CodeFields>>({});
  const [mergeInto, setMergeInto] = useState('');
  const [splitting, setSplitting] = useState(false);
  const value = (key: keyof CodeFields) => draft[key] ?? code[key];
  const save = async (key: keyof CodeFields) => {
    if (draft[key] === undefined || draft[key] === code[key]) return;
    if (await actWith((fresh) => updateCode(fresh.codes, code.id, { [key]: draft[key] }))) setDraft(({ [key]: _, ...rest }) => rest);
  };
  const mine = props.codings.filter((c) => c.codeId === code.id);
  const targets = orderedTree(codes).filter(({ code: c }) => c.id !== code.id);
  return (
    <div className="code-details pad">
      <p className="muted small">{codePath(codes, code.id).slice(0, -1).join(' › ') || 'Top level'}</p>
      <div className="row">
        <input className="code-name" aria-label="Code name" value={value('name')} onChange={(e) => setDraft({ ...draft, name: e.target.value })} onBlur={() => save('name')} onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()} />
        <input type="color" aria-label="Code colour" value={value('colour')} onChange={(e) => setDraft({ ...draft, colour: e.target.value })} onBlur={() => save('colour')} />
      </div>
      {TEXT_FIELDS.map((f) => (
        <label key={f.key} className="field">
          <span className="small muted">{f.label}</span>
          <textarea aria-label={f.label} rows={f.rows} value={value(f.key)} onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })} onBlur={() => save(f.key)} />
        </label>
      ))}
      <MemoBox target="code" targetId={code.id} label="Code memo" rows={4} />
      <div className="row code-ops">
        <select aria-label="Merge into" value={mergeInto} onChange={(e) => setMergeInto(e.target.value)}>
          <option value="">Merge into…</option>
          {targets.map(({ code: c, depth }) => (
            <option key={c.id} value={c.id}>{'  '.repeat(depth)}{c.name}</option>
          ))}
        </select>
        <button type="button" disabled={!mergeInto} onClick={async () => { if (await actWith((fresh) => mergeCodes(fresh.codes, props.codings, code.id, mergeInto, Date.now()))) setMergeInto(''); }}>Merge</button>
        <button type="button" disabled={mine.length === 0} onClick={() => setSplitting(true)}>Split…</button>
        <span className="spacer" />
        <button type="button" className="danger" onClick={props.onDelete}>Delete code</button>
      </div>
      {splitting && <SplitDialog code={code} codings={mine} onClose={() => setSplitting(false)} />}
    </div>
  );
}

function SplitDialog(props: { code: Code; codings: Coding[]; onClose(): void }) {
  const { db, actWith } = useProject();
  const [name, setName] = useState(`${props.code.name} (2)`);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const ids = [...new Set(props.codings.map((c) => c.sourceId))];
  const texts = useLiveQuery(async () => {
    const [metas, contents] = await Promise.all([db.sources.bulkGet(ids), db.sourceContent.bulkGet(ids)]);
    return new Map(ids.map((id, i) => [id, { title: metas[i]?.title ?? '?', text: contents[i]?.text ?? '' }]));
  }, [db, ids.join()]);
  const excerpt = (c: Coding) => {
    const t = texts?.get(c.sourceId);
    const words = t ? t.text.slice(c.start, c.end) : '';
    return `${t?.title ?? ''}: “${words.length > 160 ? `${words.slice(0, 157)}…` : words}”`;
  };
  return (
    <Modal title={`Split “${props.code.name}”`} onClose={props.onClose} wide>
      <div className="modal-body">
        <p className="muted">Choose the codings that move to a new code beside this one.</p>
        <input aria-label="New code name" value={name} onChange={(e) => setName(e.target.value)} />
        <ul className="plain split-list">
          {props.codings.map((c) => (
            <li key={c.id}>
              <label className="row">
                <input type="checkbox" checked={chosen.has(c.id)} onChange={(e) => setChosen((s) => { const n = new Set(s); if (e.target.checked) n.add(c.id); else n.delete(c.id); return n; })} />
                <span className="small">{excerpt(c)}{c.memo ? ` · memo: ${c.memo}` : ''}</span>
              </label>
            </li>
          ))}
        </ul>
      </div>
      <footer className="modal-foot">
        <button type="button" onClick={props.onClose}>Cancel</button>
        <button type="button" className="primary" onClick={async () => { if (await actWith((fresh) => splitCode(fresh.codes, props.codings, props.code.id, { name, codingIds: [...chosen] }, () => crypto.randomUUID(), Date.now()))) props.onClose(); }}>Split</button>
      </footer>
    </Modal>
  );
}
