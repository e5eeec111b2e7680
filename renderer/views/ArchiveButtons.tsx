// The lossless project archive (.mirabal) in and out: "Save archive…" on the Project tab,
// "Restore archive…" on the projects screen, which shows what the archive holds before it
// writes anything. Unlike a .qdpx, an archive keeps everything: basket, decisions, change
// matrix, quote style, redaction list, history.
import { PassphraseInput } from './SecretField';
import { useState } from 'react';
import { errorMessage } from '../core/shared';
import { getPlatform } from '../platform/platform';
import { exportArchive, OpenedArchive } from '../store/archive';
import type { ProjectEntry } from '../store/registry';
import { useCommand } from './commandBus';
import { ErrorLine, formatDate, Modal, useAction } from './common';
import { NewProjectFoot, PickFileButton } from './NewProjectFromFile';
import { afterPendingEdits } from './pendingEdits';
import { trackWork } from './runningWork';

export function SaveArchiveButton(props: { projectId: string; projectName: string }) {
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // Tables read and packed so far, while the archive worker saves.
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const save = async () => {
    setBusy(true);
    try {
      const saved = await trackWork('saving the archive', async () => {
        const bytes = await afterPendingEdits(() => exportArchive(props.projectId, (done, total) => setProgress({ done, total })));
        return (await getPlatform().saveFile(`${props.projectName}.mirabal`, bytes, 'application/zip')) ? bytes : null;
      });
      if (saved)
        setMessage({ error: false, text: `Saved ${props.projectName}.mirabal (${Math.max(1, Math.round(saved.length / 1024))} KB).` });
    } catch (e) {
      setMessage({ error: true, text: `The archive was not saved: ${errorMessage(e)}` });
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };
  useCommand('saveArchive', () => void save(), { enabled: !busy });
  return (
    <>
      <button
        type="button"
        disabled={busy}
        onClick={() => void save()}
        title="Everything in the project, to restore it here or on another computer"
      >
        {busy ? 'Saving…' : 'Save archive (unredacted)…'}
      </button>
      {progress && (
        <span className="muted small" role="status" aria-label="Saving the archive">
          {progress.done} of {progress.total} tables <progress value={progress.done} max={progress.total} />
        </span>
      )}
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error small' : 'muted small'}>
          {message.text}
        </p>
      )}
    </>
  );
}

export function RestoreArchiveButton(props: { onRestored(entry: ProjectEntry): void; onError(message: string): void }) {
  return (
    <PickFileButton
      command="restoreArchive"
      label="Restore archive…"
      hint="A .mirabal archive saved from this workbench"
      picker={{ title: 'Restore a project archive', extensions: ['.mirabal'] }}
      read={async (file) => ({ name: file.name, archive: await OpenedArchive.open(file.bytes, file.name) })}
      onError={props.onError}
      dialog={(picked, close) => <RestoreDialog {...picked} onClose={close} onRestored={props.onRestored} />}
    />
  );
}

function RestoreDialog(props: { name: string; archive: OpenedArchive; onClose(): void; onRestored(entry: ProjectEntry): void }) {
  const { archive } = props;
  const { preview } = archive;
  const [error, run] = useAction('restoring the archive');
  const [secret, setSecret] = useState('');
  // The worker and the archive it read go when the dialog does (cancelled or done).
  const close = () => {
    archive.close();
    props.onClose();
  };
  const restored = (entry: ProjectEntry) => {
    archive.close();
    props.onRestored(entry);
  };
  return (
    <Modal title={`Restore ${props.name}`} onClose={close}>
      <div className="modal-body">
        <p>
          “{preview.name}”{preview.encrypted ? ' (encrypted)' : ''}: {preview.transcripts} transcript(s),{' '}
          {preview.codings === null ? 'its codings' : `${preview.codings} coding(s)`} by {preview.coders} coder(s); last change{' '}
          {formatDate(preview.lastChange)}.
        </p>
        {preview.encrypted && <PassphraseInput value={secret} onChange={setSecret} purpose="The archive is encrypted: its passphrase" />}
        <p className="muted small">It becomes a new project beside the ones you have; nothing of theirs changes.</p>
        <ErrorLine error={error} />
      </div>
      <NewProjectFoot
        label="Restore as a new project"
        busyLabel="Restoring…"
        create={() => archive.restore(preview.encrypted ? { secret } : {})}
        run={run}
        onClose={close}
        onCreated={restored}
      />
    </Modal>
  );
}
