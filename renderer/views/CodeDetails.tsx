// One code's definition (what a coder reads before applying it), colour and memo, and the
// operations on the whole code: merge into another, split some codings off, delete.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { codePathText, mergeCodes, mergeImpact, orderedTree, splitCode, updateCode, type CodeFields } from '../core/codebook';
import type { Code, Coding, ProjectSet } from '../core/shared';
import { Confirm, Modal, ModalFoot } from './common';
import { DraftInput, DraftTextArea } from './DraftField';
import { MemoBox } from './MemoBox';
import { CodeSetsField } from './SetsPanel';
import { useProject } from './projectContext';
import { sourceTexts } from '../store/records';
import { useStable } from './useStable';

type TextField = 'description' | 'inclusion' | 'exclusion' | 'examples';
const TEXT_FIELDS: { key: TextField; label: string; rows: number }[] = [
  { key: 'description', label: 'Description', rows: 3 },
  { key: 'inclusion', label: 'Use when (inclusion)', rows: 3 },
  { key: 'exclusion', label: 'Do not use when (exclusion)', rows: 3 },
  { key: 'examples', label: 'Examples', rows: 2 },
];

export function CodeDetails(props: { code: Code; codings: Coding[]; sets: ProjectSet[]; onDelete(): void; focusName?: boolean }) {
  const { db, codes, actWith } = useProject();
  const { code } = props;
  const [mergeInto, setMergeInto] = useState('');
  const [confirmMerge, setConfirmMerge] = useState(false);
  const [splitting, setSplitting] = useState(false);
  const nameRef = useRef<HTMLDivElement>(null);
  // A code just made: its name is what one types next.
  useEffect(() => {
    if (!props.focusName) return;
    const input = nameRef.current?.querySelector<HTMLInputElement>('input.code-name');
    input?.focus();
    input?.select();
  }, [props.focusName]);
  const save = (key: Exclude<keyof CodeFields, 'notCodable'>) => (next: string) =>
    actWith((fresh) => updateCode(fresh.codes, code.id, { [key]: next }));
  const mine = props.codings.filter((c) => c.codeId === code.id);
  const targets = orderedTree(codes).filter(({ code: c }) => c.id !== code.id);
  return (
    <div className="code-details pad">
      <p className="muted small">{code.parentId ? codePathText(codes, code.parentId, ' › ') : 'Top level'}</p>
      <div className="row" ref={nameRef}>
        <DraftInput journal={`code:${code.id}:name`} className="code-name" aria-label="Code name" value={code.name} save={save('name')} />
        <DraftInput journal={`code:${code.id}:colour`} type="color" aria-label="Code colour" value={code.colour} save={save('colour')} />
      </div>
      <label
        className="check"
        title="A category groups codes (as QualCoder's categories and the folders of NVivo and MAXQDA do) and is not applied to text itself"
      >
        <input
          type="checkbox"
          checked={Boolean(code.notCodable)}
          onChange={(e) => {
            // Read now: React puts a controlled box back until the stored value changes.
            const notCodable = e.target.checked;
            void actWith((fresh) => updateCode(fresh.codes, code.id, { notCodable }));
          }}
        />{' '}
        Category: groups codes, not applied to text
        {code.notCodable && mine.length > 0 ? (
          <span className="muted small"> (its {mine.length} earlier coding(s) stay; no new ones can be made)</span>
        ) : null}
      </label>
      {TEXT_FIELDS.map((f) => (
        <label key={f.key} className="field">
          <span className="small muted">{f.label}</span>
          <DraftTextArea journal={`code:${code.id}:${f.key}`} aria-label={f.label} rows={f.rows} value={code[f.key]} save={save(f.key)} />
        </label>
      ))}
      <CodeSetsField db={db} sets={props.sets} codeId={code.id} codeName={code.name} />
      <MemoBox target="code" targetId={code.id} label="Code memo" rows={4} />
      <div className="row code-ops">
        <select aria-label="Merge into" value={mergeInto} onChange={(e) => setMergeInto(e.target.value)}>
          <option value="">Merge into…</option>
          {targets.map(({ code: c, depth }) => (
            <option key={c.id} value={c.id}>
              {'  '.repeat(depth)}
              {c.name}
            </option>
          ))}
        </select>
        <button type="button" disabled={!mergeInto} onClick={() => setConfirmMerge(true)}>
          Merge…
        </button>
        <button type="button" disabled={mine.length === 0} onClick={() => setSplitting(true)}>
          Split…
        </button>
        <span className="spacer" />
        <button type="button" className="danger" onClick={props.onDelete}>
          Delete code
        </button>
      </div>
      {confirmMerge && mergeInto && (
        <Confirm
          title="Merge codes?"
          confirmLabel="Merge"
          message={<MergeMessage codes={codes} codings={props.codings} fromId={code.id} intoId={mergeInto} />}
          onCancel={() => setConfirmMerge(false)}
          onConfirm={async () => {
            if (await actWith((fresh) => mergeCodes(fresh.codes, props.codings, code.id, mergeInto, Date.now()))) setMergeInto('');
            setConfirmMerge(false);
          }}
        />
      )}
      {splitting && <SplitDialog code={code} codings={mine} onClose={() => setSplitting(false)} />}
    </div>
  );
}

function MergeMessage(props: { codes: Code[]; codings: Coding[]; fromId: string; intoId: string }) {
  const name = (id: string) => props.codes.find((c) => c.id === id)?.name ?? '?';
  let impact: ReturnType<typeof mergeImpact>;
  try {
    impact = mergeImpact(props.codes, props.codings, props.fromId, props.intoId);
  } catch (e) {
    return <p className="error">{(e as Error).message}</p>;
  }
  return (
    <p>
      “{name(props.fromId)}” goes into “{name(props.intoId)}”: its {impact.codings} coding(s) become codings of “{name(props.intoId)}”
      {impact.duplicates > 0 ? `, ${impact.duplicates} that duplicate a coding already there are dropped (their memos kept)` : ''}
      {impact.subCodes > 0 ? `, its ${impact.subCodes} sub-code(s) move with them` : ''}, and “{name(props.fromId)}” is removed. You can
      undo this (Ctrl+Z).
    </p>
  );
}

function SplitDialog(props: { code: Code; codings: Coding[]; onClose(): void }) {
  const { db, actWith } = useProject();
  const [name, setName] = useState(`${props.code.name} (2)`);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const ids = [...new Set(props.codings.map((c) => c.sourceId))];
  const stableIds = useStable(ids);
  const texts = useLiveQuery(() => sourceTexts(db, stableIds), [db, stableIds]);
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
                <input
                  type="checkbox"
                  checked={chosen.has(c.id)}
                  onChange={(e) =>
                    setChosen((s) => {
                      const n = new Set(s);
                      if (e.target.checked) n.add(c.id);
                      else n.delete(c.id);
                      return n;
                    })
                  }
                />
                <span className="small">
                  {excerpt(c)}
                  {c.memo ? ` · memo: ${c.memo}` : ''}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </div>
      <ModalFoot onCancel={props.onClose}>
        <button
          type="button"
          className="primary"
          onClick={async () => {
            if (
              await actWith((fresh) =>
                splitCode(
                  fresh.codes,
                  props.codings,
                  props.code.id,
                  { name, codingIds: [...chosen] },
                  () => crypto.randomUUID(),
                  Date.now(),
                ),
              )
            )
              props.onClose();
          }}
        >
          Split
        </button>
      </ModalFoot>
    </Modal>
  );
}
