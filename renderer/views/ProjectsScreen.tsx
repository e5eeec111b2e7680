// The start screen: projects side by side, the sample study for a first look, and the bin.
import { showShortcutSheet } from './ShortcutSheet';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import { createProject, deleteForever, deleteProject, listProjects, renameProject, restoreProject } from '../store/projects';
import type { ProjectEntry } from '../store/registry';
import { createSampleProject } from '../store/sampleProject';
import { DEFAULT_CODEBOOK, DEFAULT_CODEBOOK_NAME } from '../../codebook';
import { type CodebookNode, mergeCodebook } from '../core/codebook';
import { CODEBOOK_EXTENSIONS, readCodebookFile } from '../io/codebookFiles';
import { getPlatform } from '../platform/platform';
import { applyAction } from '../store/actions';
import { showAbout } from './AppMenu';
import { useCommand } from './commandBus';
import { Confirm, ErrorLine, formatDate, LockIcon, useAction } from './common';
import { RestoreArchiveButton } from './ArchiveButtons';
import { EncryptDialog } from './EncryptionCard';
import { ImportProjectButton } from './ImportProjectDialog';
import { navigate } from './route';
import { StorageLine } from './StorageNote';
import { UnlistedBackupsCard } from './UnlistedBackupsCard';

type StartWith = 'study' | 'empty' | 'file';

export function ProjectsScreen() {
  const projects = useLiveQuery(() => listProjects(), [], undefined);
  const [name, setName] = useState('');
  const [startWith, setStartWith] = useState<StartWith>('study');
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [confirm, setConfirm] = useState<{ entry: ProjectEntry; forever: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [encryptNew, setEncryptNew] = useState(false);
  const [encrypting, setEncrypting] = useState<string | null>(null);
  const [error, run, dismiss] = useAction();
  const nameField = useRef<HTMLInputElement>(null);
  useCommand('newProject', () => nameField.current?.focus());
  useCommand('openSample', () => void openSample(), { enabled: !busy });

  const open = (id: string) => navigate({ screen: 'project', projectId: id, tab: 'transcripts', sourceId: null });
  const firstTime = projects && projects.active.length === 0 && projects.deleted.length === 0;

  return (
    <main className="projects-screen">
      <header className="app-head">
        <h1>Mirabal Workbench</h1>
        <p className="muted">
          Code interview transcripts, compare Time 1 with Time 2, check agreement, pull quotes. Everything stays on this computer.{' '}
          {/* The header of an open project has no room: there, ? and F1 open the sheet, as it says. */}
          <button type="button" className="link" onClick={showShortcutSheet}>
            Keyboard shortcuts (? or F1)
          </button>{' '}
          ·{' '}
          <button type="button" className="link" onClick={showAbout}>
            About
          </button>
        </p>
        {projects && <StorageLine hasProjects={projects.active.length > 0} />}
      </header>
      <ErrorLine error={error} onDismiss={dismiss} />
      {encrypting && (
        <EncryptDialog
          projectId={encrypting}
          onClose={() => (setEncrypting(null), open(encrypting))}
          onEncrypted={() => (setEncrypting(null), open(encrypting))}
        />
      )}

      {firstTime && (
        <section className="welcome card">
          <h2>New here?</h2>
          <p>
            Open a small, fictional sample study (6 participants, each interviewed at Time 1 and Time 2) to see how the workbench works, or
            create your own project below.
          </p>
          <button type="button" className="primary" disabled={busy} onClick={() => openSample()}>
            Open sample project
          </button>
        </section>
      )}

      <section className="card">
        <h2>Projects</h2>
        <form
          className="row"
          onSubmit={async (e) => {
            e.preventDefault();
            await run(async () => {
              // Read a codebook file first: a bad file stops here, before any project exists.
              let nodes: CodebookNode[] = [];
              let label = '';
              if (startWith === 'study') [nodes, label] = [DEFAULT_CODEBOOK, `Start from "${DEFAULT_CODEBOOK_NAME}"`];
              if (startWith === 'file') {
                const [file] = await getPlatform().openFiles({
                  title: 'Codebook for the new project',
                  extensions: CODEBOOK_EXTENSIONS,
                  multiple: false,
                });
                if (!file) return;
                [nodes, label] = [(await readCodebookFile(file)).nodes, `Start from codebook ${file.name}`];
              }
              // The codebook goes in before the project is listed: all or nothing.
              const entry = await createProject(name, {
                fill: async (db) => {
                  if (nodes.length)
                    await applyAction(
                      db,
                      mergeCodebook([], nodes, label, () => crypto.randomUUID()),
                      '',
                      { undoable: false },
                    );
                },
              });
              setName('');
              // Encrypted before a transcript goes in; until the dialog closes the project holds only its codebook.
              if (encryptNew) setEncrypting(entry.id);
              else open(entry.id);
            });
          }}
        >
          <input
            ref={nameField}
            aria-label="New project name"
            placeholder="New project name, e.g. Mirabal follow-up"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <select aria-label="Start with" value={startWith} onChange={(e) => setStartWith(e.target.value as StartWith)}>
            <option value="study">with the study codebook</option>
            <option value="empty">with an empty codebook</option>
            <option value="file">with a codebook file…</option>
          </select>
          <label className="check" title="Encrypt the new project with a passphrase before anything is put into it">
            <input type="checkbox" checked={encryptNew} onChange={(e) => setEncryptNew(e.target.checked)} /> encrypted
          </label>
          <button type="submit" className="primary">
            Create project
          </button>
          {!firstTime && (
            <button type="button" disabled={busy} onClick={() => openSample()}>
              Open sample project
            </button>
          )}
          <ImportProjectButton
            onCreated={(entry) => open(entry.id)}
            onError={(message) =>
              void run(() => {
                throw new Error(message);
              })
            }
          />
          <RestoreArchiveButton
            onRestored={(entry) => open(entry.id)}
            onError={(message) =>
              void run(() => {
                throw new Error(message);
              })
            }
          />
        </form>
        {projects?.active.length ? (
          <table className="grid projects">
            <thead>
              <tr>
                <th>Name</th>
                <th>Created</th>
                <th>Last opened</th>
                <th>Last backup</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {projects.active.map((p) => (
                <tr key={p.id}>
                  <td>
                    {renaming?.id === p.id ? (
                      <form
                        className="row"
                        onSubmit={async (e) => {
                          e.preventDefault();
                          if (await run(() => renameProject(p.id, renaming.name))) setRenaming(null);
                        }}
                      >
                        <input
                          aria-label="Project name"
                          autoFocus
                          value={renaming.name}
                          onChange={(e) => setRenaming({ id: p.id, name: e.target.value })}
                        />
                        <button type="submit" className="primary">
                          Save
                        </button>
                        <button type="button" onClick={() => setRenaming(null)}>
                          Cancel
                        </button>
                      </form>
                    ) : (
                      <button type="button" className="link project-name" onClick={() => open(p.id)}>
                        {p.name}
                      </button>
                    )}
                    {p.isSample && <span className="badge">sample</span>}
                    {p.encrypted && (
                      <span className="badge" title="Encrypted: opens with its passphrase or recovery key">
                        <LockIcon /> encrypted
                      </span>
                    )}
                  </td>
                  <td>{formatDate(p.createdAt)}</td>
                  <td>{formatDate(p.openedAt)}</td>
                  <td>{formatDate(p.lastBackupAt ?? null)}</td>
                  <td className="actions">
                    <button type="button" onClick={() => open(p.id)}>
                      Open
                    </button>
                    <button type="button" onClick={() => setRenaming({ id: p.id, name: p.name })} aria-label={`Rename ${p.name}`}>
                      Rename
                    </button>
                    <button
                      type="button"
                      className="danger"
                      onClick={() => setConfirm({ entry: p, forever: false })}
                      aria-label={`Delete ${p.name}`}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          projects && <p className="muted">No projects yet.</p>
        )}
      </section>

      <UnlistedBackupsCard
        projectCount={(projects?.active.length ?? 0) + (projects?.deleted.length ?? 0)}
        onRestored={(entry) => open(entry.id)}
      />

      {projects && projects.deleted.length > 0 && (
        <section className="card bin">
          <h2>Bin</h2>
          <p className="muted">Deleted projects stay here, with all their data, until you delete them for ever.</p>
          <ul className="plain">
            {projects.deleted.map((p) => (
              <li key={p.id} className="row">
                <span>{p.name}</span>
                <span className="muted">deleted {formatDate(p.deletedAt)}</span>
                <button type="button" aria-label={`Restore ${p.name}`} onClick={() => run(() => restoreProject(p.id))}>
                  Restore
                </button>
                <button
                  type="button"
                  className="danger"
                  aria-label={`Delete ${p.name} for ever`}
                  onClick={() => setConfirm({ entry: p, forever: true })}
                >
                  Delete for ever
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {confirm && (
        <Confirm
          title={confirm.forever ? 'Delete for ever?' : 'Delete project?'}
          danger
          confirmLabel={confirm.forever ? 'Delete for ever' : 'Move to bin'}
          message={
            confirm.forever ? (
              <p>
                “{confirm.entry.name}” and all its transcripts, participants and coding will be erased from this computer, with its
                automatic backups. Archives you saved yourself are not touched. This cannot be undone.
              </p>
            ) : (
              <p>“{confirm.entry.name}” moves to the bin. You can restore it from there until you delete it for ever.</p>
            )
          }
          onCancel={() => setConfirm(null)}
          onConfirm={async () => {
            await run(() => (confirm.forever ? deleteForever(confirm.entry.id, getPlatform().backups) : deleteProject(confirm.entry.id)));
            setConfirm(null);
          }}
        />
      )}
    </main>
  );

  async function openSample() {
    setBusy(true);
    await run(async () => open((await createSampleProject()).id));
    setBusy(false);
  }
}
