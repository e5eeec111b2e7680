// The lossless project archive (.mirabal) in and out: "Save archive…" on the Project tab,
// "Restore archive…" on the projects screen, which shows what the archive holds before it
// writes anything. Unlike a .qdpx, an archive keeps everything: basket, decisions, change
// matrix, quote style, redaction list, history.
import { useState } from 'react';
import { errorMessage } from '../core/shared';
import { getPlatform } from '../platform/platform';
import { exportArchive, importArchive, previewArchive } from '../store/archive';
import type { ProjectEntry } from '../store/registry';
import { ErrorLine, formatDate, Modal, useAction } from './common';
import { afterPendingEdits } from './pendingEdits';

export function SaveArchiveButton(props: { projectId: string; projectName: string }) {
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      const bytes = await afterPendingEdits(() => exportArchive(props.projectId));
      const saved = await getPlatform().saveFile(`${props.projectName}.mirabal`, bytes, 'application/zip');
      if (saved)
        setMessage({ error: false, text: `Saved ${props.projectName}.mirabal (${Math.max(1, Math.round(bytes.length / 1024))} KB).` });
    } catch (e) {
      setMessage({ error: true, text: `The archive was not saved: ${errorMessage(e)}` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        disabled={busy}
        onClick={() => void save()}
        title="Everything in the project, to restore it here or on another computer"
      >
        {busy ? 'Saving…' : 'Save archive…'}
      </button>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error small' : 'muted small'}>
          {message.text}
        </p>
      )}
    </>
  );
}

type Preview = Awaited<ReturnType<typeof previewArchive>>;

export function RestoreArchiveButton(props: { onRestored(entry: ProjectEntry): void; onError(message: string): void }) {
  const [picked, setPicked] = useState<{ name: string; bytes: Uint8Array; preview: Preview } | null>(null);
  const [busy, setBusy] = useState(false);
  const pick = async () => {
    setBusy(true);
    try {
      const [file] = await getPlatform().openFiles({ title: 'Restore a project archive', extensions: ['.mirabal'], multiple: false });
      if (file) setPicked({ name: file.name, bytes: file.bytes, preview: await previewArchive(file.bytes, file.name) });
    } catch (e) {
      props.onError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" disabled={busy} onClick={() => void pick()} title="A .mirabal archive saved from this workbench">
        {busy ? 'Reading…' : 'Restore archive…'}
      </button>
      {picked && <RestoreDialog {...picked} onClose={() => setPicked(null)} onRestored={props.onRestored} />}
    </>
  );
}

function RestoreDialog(props: {
  name: string;
  bytes: Uint8Array;
  preview: Preview;
  onClose(): void;
  onRestored(entry: ProjectEntry): void;
}) {
  const { preview } = props;
  const [error, run] = useAction();
  const [busy, setBusy] = useState(false);
  return (
    <Modal title={`Restore ${props.name}`} onClose={props.onClose}>
      <div className="modal-body">
        <p>
          “{preview.name}”: {preview.transcripts} transcript(s), {preview.codings} coding(s) by {preview.coders} coder(s); last change{' '}
          {formatDate(preview.lastChange)}.
        </p>
        <p className="muted small">It becomes a new project beside the ones you have; nothing of theirs changes.</p>
        <ErrorLine error={error} />
      </div>
      <footer className="modal-foot">
        <button type="button" onClick={props.onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            let entry: ProjectEntry | null = null;
            await run(async () => {
              entry = await importArchive(props.bytes, props.name);
            });
            setBusy(false);
            if (entry) props.onRestored(entry);
          }}
        >
          {busy ? 'Restoring…' : 'Restore as a new project'}
        </button>
      </footer>
    </Modal>
  );
}
