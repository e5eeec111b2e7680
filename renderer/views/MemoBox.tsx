// A memo on the project, a participant, a transcript or a code: written freely, saved when
// the field is left, undoable like any other change.
import { useEffect } from 'react';
import { saveMemo } from '../core/coding';
import type { MemoTarget } from '../core/shared';
import { useDraft } from './pendingEdits';
import { useProject } from './projectContext';

type MemoBoxProps = { target: MemoTarget; targetId: string | null; label: string; rows?: number };

/** One box per target: moving to another transcript or code saves the draft to the one it was written for. */
export function MemoBox(props: MemoBoxProps) {
  return <MemoField key={`${props.target}:${props.targetId ?? ''}`} {...props} />;
}

function MemoField(props: MemoBoxProps) {
  const { memos, actWith } = useProject();
  const memo = memos.find((m) => m.target === props.target && m.targetId === props.targetId);
  const draft = useDraft(
    memo?.text ?? '',
    (text) => actWith((fresh) => saveMemo(fresh.memos, props.target, props.targetId, text, () => crypto.randomUUID(), Date.now())),
    {
      journal: `memo:${props.target}:${props.targetId ?? ''}`,
    },
  );
  // Saved a moment after typing stops as well as on leaving the field (and before an export,
  // a move elsewhere or the page closing), so a closed window loses nothing typed.
  const { dirty, value, commit } = draft;
  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(() => void commit(), 500);
    return () => clearTimeout(timer);
  }, [dirty, value, commit]);
  return (
    <label className="memo-box">
      <span className="small muted memo-label">
        {props.label}
        <span className="memo-status" aria-live="polite">
          {dirty ? 'Unsaved…' : memo ? 'Saved' : ''}
        </span>
      </span>
      <textarea
        aria-label={props.label}
        rows={props.rows ?? 5}
        value={value}
        placeholder="Write a memo…"
        onChange={(e) => draft.edit(e.target.value)}
        onBlur={() => void commit()}
      />
    </label>
  );
}
