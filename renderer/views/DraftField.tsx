// A text field that edits a stored value: typed freely, saved on leaving the field (or Enter
// in a one-line field), and saved before any export, copy, navigation or page hide (see
// pendingEdits). A refused save leaves the typed text in place beside the refusal.
import type { InputHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useDraft } from './pendingEdits';

type Common = {
  value: string;
  save(next: string): Promise<unknown> | unknown;
  /** Names the field in the crash journal (see useDraft), e.g. `code:<id>:name`. */
  journal: string;
  'aria-label': string;
};

export function DraftInput(props: Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'onBlur'>) {
  const { value, save, journal, onKeyDown, ...rest } = props;
  const draft = useDraft(value, save, { journal });
  return (
    <input
      {...rest}
      value={draft.value}
      onChange={(e) => draft.edit(e.target.value)}
      onBlur={() => void draft.commit()}
      onKeyDown={(e) => {
        if (e.key === 'Enter') void draft.commit();
        onKeyDown?.(e);
      }}
    />
  );
}

export function DraftTextArea(props: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'onBlur'>) {
  const { value, save, journal, ...rest } = props;
  const draft = useDraft(value, save, { journal });
  return <textarea {...rest} value={draft.value} onChange={(e) => draft.edit(e.target.value)} onBlur={() => void draft.commit()} />;
}
