// The Backups card on the Project tab: where automatic backups go, when the last one was
// taken, each backup with what it holds (checked against its own hashes), "Restore as a copy",
// and in Electron "Reveal folder".
import { useEffect, useState } from 'react';
import { errorMessage, formatSize } from '../core/shared';
import { getPlatform, type BackupEntry } from '../platform/platform';
import { checkBackup, restoreBackupAsCopy, type BackupCheck } from '../store/backups';
import type { ProjectEntry } from '../store/registry';
import { PassphraseInput } from './SecretField';
import { ErrorLine, formatDate, Modal, ModalFoot, useAction } from './common';
import { navigate } from './route';
import { useAutoBackupStatus } from './useAutoBackup';

// Backups never change once written: a check is done once per file and session.
const checked = new Map<string, BackupCheck>();

export function BackupsCard(props: { projectId: string }) {
  const platform = getPlatform();
  const target = platform.backups;
  const auto = useAutoBackupStatus(props.projectId);
  const [where, setWhere] = useState<string | null>(null);
  const [list, setList] = useState<BackupEntry[] | null>(null);
  const [checks, setChecks] = useState<Record<string, BackupCheck>>({});
  const [restored, setRestored] = useState<ProjectEntry | null>(null);
  const [error, run, dismiss] = useAction();
  const [listError, setListError] = useState<string | null>(null);
  /** An encrypted project's backup waiting for its passphrase. */
  const [asking, setAsking] = useState<BackupEntry | null>(null);
  const [secret, setSecret] = useState('');
  const lastBackupAt = auto?.status.lastBackupAt ?? null;

  useEffect(() => {
    void platform.location().then((l) => setWhere(l.backups));
  }, [platform]);

  // Listed again after each new backup, then each one checked, newest first.
  useEffect(() => {
    if (!target) return;
    let live = true;
    void (async () => {
      const files = await target.list(props.projectId);
      if (!live) return;
      setList(files);
      for (const f of files) {
        const key = `${props.projectId}/${f.fileName}`;
        const result = checked.get(key) ?? (await checkBackup(props.projectId, f.fileName, target));
        checked.set(key, result);
        if (!live) return;
        setChecks((c) => ({ ...c, [f.fileName]: result }));
      }
    })().catch((e: unknown) => live && setListError(`The backups could not be listed: ${errorMessage(e)}`));
    return () => {
      live = false;
    };
  }, [target, props.projectId, lastBackupAt]);

  if (!target) {
    return (
      <section className="card backups">
        <h2>Backups</h2>
        <p className="warning" role="status">
          This browser cannot keep automatic backups (it has no private file storage for web pages). Save an archive regularly with “Save
          archive…” above, and keep it somewhere safe.
        </p>
      </section>
    );
  }

  const restore = (backup: BackupEntry, secret?: string) =>
    run(async () => {
      setRestored(await restoreBackupAsCopy(props.projectId, backup, target, formatDate(backup.takenAt), secret));
      setAsking(null);
    });

  return (
    <section className="card backups" aria-labelledby="backups-title">
      <h2 id="backups-title">Backups</h2>
      <p className="muted">
        Taken automatically a few minutes after changes, when the project is closed
        {platform.kind === 'electron' ? ' and when the app quits' : ''}. Kept: the last 10, one a day for a week, one a week for eight weeks
        {where ? `, ${where}` : ''}. A backup is a project archive, not redacted.
      </p>
      <div className="row">
        <span role="status" aria-label="Last backup">
          {auto?.status.saving
            ? 'Backing up…'
            : lastBackupAt
              ? `Last backup ${formatDate(lastBackupAt)}${auto?.status.unsavedSince ? '; changes since then will be backed up shortly' : ''}.`
              : auto?.status.unsavedSince
                ? 'No backup yet; one will be taken shortly.'
                : 'No backup yet: one is taken after the first change.'}
        </span>
        <button type="button" disabled={!auto || auto.status.saving} onClick={() => auto && void run(() => auto.backupNow())}>
          Back up now
        </button>
        {target.reveal && (
          <button type="button" onClick={() => void run(() => target.reveal!(props.projectId))}>
            Reveal folder
          </button>
        )}
      </div>
      {auto?.status.error && (
        <p className="error small" role="alert">
          The last backup failed: {auto.status.error}
        </p>
      )}
      <ErrorLine error={error ?? listError} onDismiss={() => (dismiss(), setListError(null))} />
      {restored && (
        <p className="notice" role="status">
          Restored as “{restored.name}”.{' '}
          <button
            type="button"
            className="link"
            onClick={() => navigate({ screen: 'project', projectId: restored.id, tab: 'transcripts', sourceId: null })}
          >
            Open it
          </button>
        </p>
      )}
      {list && list.length > 0 && (
        <table className="grid backups-list">
          <thead>
            <tr>
              <th>Taken</th>
              <th>Size</th>
              <th>Holds</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((b) => {
              const check = checks[b.fileName];
              return (
                <tr key={b.fileName} className={check && !check.ok ? 'damaged' : undefined}>
                  <td>{formatDate(b.takenAt)}</td>
                  <td>{formatSize(b.size)}</td>
                  <td>
                    {!check
                      ? 'Checking…'
                      : check.ok
                        ? `${check.transcripts} transcripts, ${check.codings === null ? 'codings' : `${check.codings} codings`}, ${check.coders} coders${check.encrypted ? ' (encrypted)' : ''}`
                        : `Damaged: ${check.problem}`}
                  </td>
                  <td className="actions">
                    <button
                      type="button"
                      disabled={!check?.ok}
                      aria-label={`Restore the backup of ${formatDate(b.takenAt)} as a copy`}
                      onClick={() => (check?.ok && check.encrypted ? (setSecret(''), setAsking(b)) : void restore(b))}
                    >
                      Restore as a copy
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {list && list.length === 0 && <p className="muted">No backups of this project yet.</p>}
      {asking && (
        <Modal title="Restore an encrypted backup" onClose={() => setAsking(null)}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (secret) void restore(asking, secret);
            }}
          >
            <div className="modal-body">
              <p>
                The backup of {formatDate(asking.takenAt)} is encrypted with the passphrase the project had then. The copy keeps that
                passphrase.
              </p>
              <PassphraseInput value={secret} onChange={setSecret} purpose="Its passphrase" />
              <ErrorLine error={error} />
            </div>
            <ModalFoot onCancel={() => setAsking(null)}>
              <button type="submit" className="primary" disabled={!secret}>
                Restore as a copy
              </button>
            </ModalFoot>
          </form>
        </Modal>
      )}
    </section>
  );
}
