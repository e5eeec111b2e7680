// Backups of projects that are not in the list any more: when a browser profile's databases
// are cleared or damaged, the project list goes with them, but the backups may still be there
// (always in Electron's backups folder; in browser mode, if the browser kept its file storage).
// Each can be restored as a new project from its newest sound backup.
import { useEffect, useState } from 'react';
import { errorMessage } from '../core/shared';
import { getPlatform } from '../platform/platform';
import { listUnlistedBackups, restoreBackupAsCopy, type UnlistedBackups } from '../store/backups';
import type { ProjectEntry } from '../store/registry';
import { ErrorLine, formatDate, useAction } from './common';
import { PassphraseInput } from './SecretField';

export function UnlistedBackupsCard(props: { projectCount: number; onRestored: (entry: ProjectEntry) => void }) {
  const target = getPlatform().backups;
  const [found, setFound] = useState<UnlistedBackups[]>([]);
  const [error, run, dismiss] = useAction();
  const [busy, setBusy] = useState<string | null>(null);
  const [secrets, setSecrets] = useState<Record<string, string>>({});

  // Looked for again whenever the list changes (a restore, a project deleted for ever).
  useEffect(() => {
    if (!target) return;
    let live = true;
    listUnlistedBackups(target)
      .then((list) => live && setFound(list))
      .catch((e: unknown) => console.error(`Backups of unlisted projects could not be read: ${errorMessage(e)}`));
    return () => {
      live = false;
    };
  }, [target, props.projectCount]);

  if (!target || found.length === 0) return null;
  return (
    <section className="card unlisted-backups" aria-label="Backups of projects not listed here">
      <h2>Backups of projects not listed here</h2>
      <p className="muted">
        These projects have automatic backups but are not in the list (the browser’s data may have been cleared, or the app’s data folder
        replaced). Restore one to get it back as it was at its last backup.
      </p>
      <ErrorLine error={error} onDismiss={dismiss} />
      <table className="grid">
        <thead>
          <tr>
            <th>Project</th>
            <th>Holds</th>
            <th>Last backup</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {found.map((f) => {
            const label = f.newest?.description || `Project created ${formatDate(f.newest?.createdAt ?? null)}`;
            return (
              <tr key={f.projectId}>
                <td>
                  {label}
                  <div className="muted small">
                    {f.backups.length} backup(s) · id {f.projectId.slice(0, 8)}
                  </div>
                </td>
                <td>
                  {f.newest
                    ? `${f.newest.transcripts} transcript(s), ${f.newest.codings === null ? 'its codings' : `${f.newest.codings} coding(s)`} by ${f.newest.coders} coder(s)${f.newest.encrypted ? ' (encrypted)' : ''}`
                    : 'Every backup is damaged'}
                  {f.newest?.encrypted && (
                    <PassphraseInput
                      value={secrets[f.projectId] ?? ''}
                      onChange={(v) => setSecrets((all) => ({ ...all, [f.projectId]: v }))}
                      purpose="Its passphrase"
                    />
                  )}
                </td>
                <td>{formatDate(f.newest?.takenAt ?? f.backups[0]?.takenAt ?? null)}</td>
                <td className="actions">
                  <button
                    type="button"
                    disabled={!f.newest || busy != null || (f.newest.encrypted && !secrets[f.projectId])}
                    aria-label={`Restore ${label}`}
                    onClick={async () => {
                      const newest = f.newest!;
                      setBusy(f.projectId);
                      let entry: ProjectEntry | null = null;
                      await run(async () => {
                        entry = await restoreBackupAsCopy(f.projectId, newest, target, formatDate(newest.takenAt), secrets[f.projectId]);
                      });
                      setBusy(null);
                      if (entry) props.onRestored(entry);
                    }}
                  >
                    {busy === f.projectId ? 'Restoring…' : 'Restore'}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
