// Small pieces shared by the screens: a modal, a confirmation, an error line.
import { useEffect, useRef, useState, type ReactNode } from 'react';

export function Modal(props: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>('[autofocus], input, select, button')?.focus();
    return () => previous?.focus();
  }, []);
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && props.onClose()}>
      <div ref={ref} role="dialog" aria-modal="true" aria-label={props.title} className={props.wide ? 'modal wide' : 'modal'}>
        <header className="modal-head">
          <h2>{props.title}</h2>
          <button type="button" className="icon" aria-label="Close" onClick={props.onClose}>×</button>
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
      <footer className="modal-foot">
        <button type="button" onClick={props.onCancel}>Cancel</button>
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
      </footer>
    </Modal>
  );
}

export function ErrorLine(props: { error: string | null; onDismiss?: () => void }) {
  if (!props.error) return null;
  return (
    <div role="alert" className="error-line">
      <span>{props.error}</span>
      {props.onDismiss && (
        <button type="button" className="icon" aria-label="Dismiss" onClick={props.onDismiss}>×</button>
      )}
    </div>
  );
}

/** Runs an action, turning a thrown error into a message for the researcher. */
export function useAction(): [string | null, (run: () => Promise<unknown> | unknown) => Promise<boolean>, () => void] {
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown> | unknown) => {
    try {
      setError(null);
      await action();
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    }
  };
  return [error, run, () => setError(null)];
}

export function formatDate(ms: number | null): string {
  if (ms == null) return '—';
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
