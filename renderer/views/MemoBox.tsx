// A memo on the project, a participant, a transcript or a code: written freely, saved when
// the field is left, undoable like any other change.
import { useEffect, useState } from 'react';
import { saveMemo } from '../core/codingOps';
import type { MemoTarget } from '../core/model';
import { useProject } from './projectContext';

export function MemoBox(props: { target: MemoTarget; targetId: string | null; label: string; rows?: number }) {
  const { memos, actWith } = useProject();
  const memo = memos.find((m) => m.target === props.target && m.targetId === props.targetId);
  const [text, setText] = useState(memo?.text ?? '');
  useEffect(() => setText(memo?.text ?? ''), [memo?.text]);
  const save = () => actWith((fresh) => saveMemo(fresh.memos, props.target, props.targetId, text, () => crypto.randomUUID(), Date.now()));
  // Saved a second after typing stops as well as on leaving the field, so closing the window
  // mid-thought loses at most a second of writing.
  useEffect(() => {
    if (text === (memo?.text ?? '')) return;
    const timer = setTimeout(() => void save(), 1000);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <label className="memo-box">
      <span className="small muted memo-label">
        {props.label}
        <span className="memo-status" aria-live="polite">{text === (memo?.text ?? '') ? (memo ? 'Saved' : '') : 'Unsaved…'}</span>
      </span>
      <textarea
        aria-label={props.label}
        rows={props.rows ?? 5}
        value={text}
        placeholder="Write a memo…"
        onChange={(e) => setText(e.target.value)}
        onBlur={() => void save()}
      />
    </label>
  );
}
