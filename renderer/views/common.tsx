// Small pieces shared by the screens: a modal, a confirmation, an error line.
import { matchShortcut } from '../core/shortcuts';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { errorMessage } from '../core/shared';
import { trackWork } from './runningWork';

/** Elements Tab can reach inside `root`, in document order. */
function tabbable(root: HTMLElement): HTMLElement[] {
  const selector = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';
  return [...root.querySelectorAll<HTMLElement>(selector)].filter(
    (el) =>
      !(el as HTMLButtonElement).disabled &&
      el.tabIndex >= 0 &&
      !(el instanceof HTMLInputElement && el.type === 'hidden') &&
      el.getClientRects().length > 0,
  );
}

/**
 * What a dialog focuses when it opens: the element marked `data-autofocus`, else its first
 * text field or list (the thing one types into), else its safest button: the first one in
 * the footer (Cancel, by convention), else Close. Never the × in the header when there is
 * anything else, or typing right after a shortcut would go nowhere.
 */
export function initialFocus(dialog: HTMLElement): HTMLElement | null {
  const marked = dialog.querySelector<HTMLElement>('[data-autofocus]');
  if (marked) return marked;
  const body = tabbable(dialog).filter((el) => !el.closest('.modal-head'));
  const field = body.find((el) =>
    el.matches(
      'textarea, select, input:not([type="checkbox"]):not([type="radio"]):not([type="color"]):not([type="button"]):not([type="submit"])',
    ),
  );
  if (field) return field;
  const footer = dialog.querySelector<HTMLElement>('.modal-foot');
  const safe = footer ? tabbable(footer)[0] : undefined;
  return safe ?? body[0] ?? dialog.querySelector<HTMLElement>('.modal-head button');
}

/** Open dialogs, innermost last: Esc and the focus trap belong to the innermost only. */
const openDialogs: HTMLElement[] = [];

export function Modal(props: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement as HTMLElement | null;
    openDialogs.push(dialog);
    initialFocus(dialog)?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (openDialogs[openDialogs.length - 1] !== dialog) return;
      if (matchShortcut('dialog', e) === 'dialogClose') {
        e.preventDefault();
        e.stopPropagation();
        onClose.current();
      } else if (e.key === 'Tab') {
        const items = tabbable(dialog);
        if (items.length === 0) return e.preventDefault();
        const first = items[0]!;
        const last = items[items.length - 1]!;
        const inside = dialog.contains(document.activeElement);
        if (e.shiftKey && (document.activeElement === first || !inside)) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && (document.activeElement === last || !inside)) {
          e.preventDefault();
          first.focus();
        }
      }
    };
    // Focus that escapes (a click on the backdrop, a script) is brought back in.
    const onFocusIn = (e: FocusEvent) => {
      if (openDialogs[openDialogs.length - 1] === dialog && e.target instanceof Node && !dialog.contains(e.target))
        initialFocus(dialog)?.focus();
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('focusin', onFocusIn);
      openDialogs.splice(openDialogs.indexOf(dialog), 1);
      if (previous?.isConnected) previous.focus();
    };
  }, []);
  return (
    <div className="modal-backdrop">
      <div ref={ref} role="dialog" aria-modal="true" aria-label={props.title} className={props.wide ? 'modal wide' : 'modal'}>
        <header className="modal-head">
          <h2>{props.title}</h2>
          <button type="button" className="icon" aria-label="Close" onClick={props.onClose}>
            ×
          </button>
        </header>
        {props.children}
      </div>
    </div>
  );
}

export function Confirm(props: {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void | Promise<void>;
  onCancel: () => void;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Modal title={props.title} onClose={props.onCancel}>
      <div className="modal-body">{props.message}</div>
      <ModalFoot onCancel={props.onCancel}>
        <button
          type="button"
          className={props.danger ? 'danger' : 'primary'}
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await props.onConfirm();
            } finally {
              setBusy(false);
            }
          }}
        >
          {props.confirmLabel}
        </button>
      </ModalFoot>
    </Modal>
  );
}

/** A dialog's foot: a note on the left if any, Cancel, then the dialog's own buttons. */
export function ModalFoot(props: { onCancel: () => void; note?: ReactNode; children: ReactNode }) {
  return (
    <footer className="modal-foot">
      {props.note}
      <button type="button" onClick={props.onCancel}>
        Cancel
      </button>
      {props.children}
    </footer>
  );
}

export function ErrorLine(props: { error: string | null; onDismiss?: () => void }) {
  if (!props.error) return null;
  return (
    <div role="alert" className="error-line">
      <span>{props.error}</span>
      {props.onDismiss && (
        <button type="button" className="icon" aria-label="Dismiss" onClick={props.onDismiss}>
          ×
        </button>
      )}
    </div>
  );
}

/**
 * Runs an action, turning a thrown error into a message for the researcher. While it runs, the
 * desktop window waits for it before closing (runningWork.ts), known by `label`.
 */
export function useAction(
  label = 'a change being saved',
): [string | null, (run: () => Promise<unknown> | unknown) => Promise<boolean>, () => void] {
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown> | unknown) => {
    try {
      setError(null);
      await trackWork(label, action);
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    }
  };
  return [error, run, () => setError(null)];
}

export function formatDate(ms: number | null): string {
  if (ms == null) return '—';
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A row of sub-tabs inside a screen (Quotes, Time 1 / Time 2). */
export function SubTabs<T extends string>(props: {
  label: string;
  tabs: readonly (readonly [NoInfer<T>, string])[];
  current: T;
  onChoose(id: NoInfer<T>): void;
}) {
  return (
    <nav className="subtabs" aria-label={props.label}>
      {props.tabs.map(([id, label]) => (
        <button
          key={id}
          type="button"
          role="tab"
          aria-selected={props.current === id}
          className={props.current === id ? 'tab active' : 'tab'}
          onClick={() => props.onChoose(id)}
        >
          {label}
        </button>
      ))}
    </nav>
  );
}

/** A padlock drawn inline: emoji fonts are missing on some systems (a square box instead). */
export function LockIcon() {
  return (
    <svg className="lock-icon" viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false">
      <path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <rect x="2.5" y="7" width="11" height="8" rx="1.5" fill="currentColor" />
    </svg>
  );
}

/** A key typed in a text field is the field's (Ctrl+Z undoes typing there, ? is a character). */
export function inTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT');
}
