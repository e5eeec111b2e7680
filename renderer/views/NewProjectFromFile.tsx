// A file that becomes a new project (a .qdpx, a .mirabal archive): a button picks the file and
// reads it, a dialog shows what it holds, and only the dialog's last button writes anything.
import { useState, type ReactNode } from 'react';
import type { CommandId } from '../core/commands';
import { errorMessage } from '../core/shared';
import { getPlatform, type PickedFile } from '../platform/platform';
import type { ProjectEntry } from '../store/registry';
import { useCommand } from './commandBus';
import { ModalFoot } from './common';

/**
 * A button that picks one file and reads it ("Reading…" meanwhile), then shows `dialog` with
 * what was read until the dialog closes. A file that cannot be read goes to `onError`. The
 * menu's `command` does the same, or reads the file the system asked the app to open.
 */
export function PickFileButton<T>(props: {
  command: CommandId;
  label: string;
  hint: string;
  picker: { title: string; extensions: string[] };
  /** `progress(percent)` shows how far a long read has come. */
  read(file: PickedFile, progress: (percent: number) => void): Promise<T>;
  onError(message: string): void;
  dialog(read: T, close: () => void): ReactNode;
}) {
  const [read, setRead] = useState<{ value: T } | null>(null);
  const [busy, setBusy] = useState(false);
  const [percent, setPercent] = useState<number | null>(null);
  const pick = async (given?: PickedFile) => {
    setBusy(true);
    try {
      const [file] = given ? [given] : await getPlatform().openFiles({ ...props.picker, multiple: false });
      if (file) setRead({ value: await props.read(file, setPercent) });
    } catch (e) {
      props.onError(errorMessage(e));
    } finally {
      setBusy(false);
      setPercent(null);
    }
  };
  useCommand(props.command, (file) => void pick(file), { enabled: !busy && !read });
  return (
    <>
      <button type="button" disabled={busy} onClick={() => void pick()} title={props.hint}>
        {busy ? `Reading…${percent === null ? '' : ` ${percent}%`}` : props.label}
      </button>
      {read && props.dialog(read.value, () => setRead(null))}
    </>
  );
}

/**
 * The foot of the dialog that shows a file before it becomes a project: Cancel, and the button
 * that makes the project (`busyLabel` meanwhile). `run` is the dialog's useAction, so a failure
 * shows in the dialog; the new project goes to `onCreated`.
 */
export function NewProjectFoot(props: {
  label: string;
  busyLabel: string;
  create(): Promise<ProjectEntry>;
  run(action: () => Promise<unknown>): Promise<boolean>;
  onClose(): void;
  onCreated(entry: ProjectEntry): void;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <ModalFoot onCancel={props.onClose}>
      <button
        type="button"
        className="primary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          let entry: ProjectEntry | null = null;
          await props.run(async () => {
            entry = await props.create();
          });
          setBusy(false);
          if (entry) props.onCreated(entry);
        }}
      >
        {busy ? props.busyLabel : props.label}
      </button>
    </ModalFoot>
  );
}
