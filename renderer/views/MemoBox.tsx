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
  return (
    <label className="memo-box">
      <span className="small muted">{props.label}</span>
      <textarea
        aria-label={props.label}
        rows={props.rows ?? 5}
        value={text}
        placeholder="Write a memo…"
        onChange={(e) => setText(e.target.value)}
        onBlur={() => void actWith((fresh) => saveMemo(fresh.memos, props.target, props.targetId, text, () => crypto.randomUUID(), Date.now()))}
      />
    </label>
  );
}
