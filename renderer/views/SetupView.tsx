// The study's design: its waves (Time 1, Time 2, and any the project adds) and the roles
// participants can have. Edited as a draft, saved whole after validation.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { RoleDef, Wave } from '../core/shared';
import type { ProjectDb } from '../store/projectDb';
import { saveRoles, saveWaves, type ProjectSetup } from '../store/projectRepo';
import { loadProjectLog } from '../store/bin';
import { getProject } from '../store/projects';
import { ErrorLine, formatDate, useAction } from './common';
import { SaveArchiveButton } from './ArchiveButtons';
import { BackupsCard } from './BackupsCard';
import { StorageCard } from './StorageNote';
import { EncryptionCard } from './EncryptionCard';
import { ExchangeCard } from './ExchangeCard';
import { MemoBox } from './MemoBox';
import { useProject } from './projectContext';

export function SetupView(props: { db: ProjectDb; setup: ProjectSetup; encrypted: boolean; onEncrypted(): void }) {
  return (
    <div className="setup pad">
      <WavesEditor db={props.db} waves={props.setup.waves} />
      <RolesEditor db={props.db} roles={props.setup.roles} />
      <EncryptionCard projectId={props.db.projectId} encrypted={props.encrypted} onEncrypted={props.onEncrypted} />
      <ArchiveCard />
      <ExchangeCard />
      <BackupsAndStorage />
      <section className="card">
        <h2>Project memo</h2>
        <MemoBox target="project" targetId={null} label="Project memo" rows={10} />
      </section>
      <ProjectLog db={props.db} />
    </div>
  );
}

/** The audit trail a researcher reads: imports, settings, deletions, restores, purges. */
function ProjectLog(props: { db: ProjectDb }) {
  const [limit, setLimit] = useState(15);
  const log = useLiveQuery(() => loadProjectLog(props.db, limit), [props.db, limit]);
  return (
    <section className="card" aria-label="Project log">
      <h2>Project log</h2>
      <p className="muted">What was done to the project, newest first (each coding and memo edit is in the undo history instead).</p>
      <ol className="plain project-log">
        {log?.lines.map((line) => (
          <li key={line.seq}>
            <time>{formatDate(line.at)}</time>
            {line.summary}
            {line.actor && <span className="muted"> ({line.actor})</span>}
          </li>
        ))}
      </ol>
      {log?.more && (
        <button type="button" onClick={() => setLimit(limit + 50)}>
          Show more
        </button>
      )}
    </section>
  );
}

/** The whole project in one file, nothing left behind (unlike a .qdpx). */
function ArchiveCard() {
  const { projectId } = useProject();
  const entry = useLiveQuery(() => getProject(projectId), [projectId]);
  return (
    <section className="card">
      <h2>Project archive</h2>
      <p className="muted">
        Everything in this project in one .mirabal file: transcripts, codebook, every coder's codings, memos, the quote basket, quote style
        and redaction list, the change matrix, consensus decisions, the survey and the undo history. Restore it from the projects screen,
        here or on another computer. The archive is not redacted: keep it as safe as the project itself (an encrypted project’s archive is
        encrypted with it).
      </p>
      {entry && <SaveArchiveButton projectId={projectId} projectName={entry.name} />}
    </section>
  );
}

function BackupsAndStorage() {
  const { projectId } = useProject();
  const entry = useLiveQuery(() => getProject(projectId), [projectId]);
  return (
    <>
      <BackupsCard projectId={projectId} />
      <StorageCard lastBackupAt={entry?.lastBackupAt} />
    </>
  );
}

function WavesEditor(props: { db: ProjectDb; waves: Wave[] }) {
  const [draft, setDraft] = useState<Wave[] | null>(null);
  const [error, run, dismiss] = useAction();
  const waves = draft ?? props.waves;
  const change = (i: number, patch: Partial<Wave>) => setDraft(waves.map((w, j) => (j === i ? { ...w, ...patch } : w)));
  const move = (i: number, by: number) => {
    const next = [...waves];
    const [w] = next.splice(i, 1);
    next.splice(i + by, 0, w!);
    setDraft(next);
  };
  return (
    <section className="card">
      <h2>Waves</h2>
      <p className="muted">The times at which participants were interviewed, in order. Each transcript belongs to one wave.</p>
      <ErrorLine error={error} onDismiss={dismiss} />
      <table className="grid">
        <thead>
          <tr>
            <th>Id</th>
            <th>Label</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {waves.map((w, i) => (
            <tr key={i}>
              <td>
                <input aria-label={`Wave ${i + 1} id`} value={w.id} onChange={(e) => change(i, { id: e.target.value })} size={6} />
              </td>
              <td>
                <input aria-label={`Wave ${i + 1} label`} value={w.label} onChange={(e) => change(i, { label: e.target.value })} />
              </td>
              <td className="actions">
                <button type="button" disabled={i === 0} aria-label={`Move ${w.label} up`} onClick={() => move(i, -1)}>
                  ↑
                </button>
                <button type="button" disabled={i === waves.length - 1} aria-label={`Move ${w.label} down`} onClick={() => move(i, 1)}>
                  ↓
                </button>
                <button type="button" aria-label={`Remove ${w.label}`} onClick={() => setDraft(waves.filter((_, j) => j !== i))}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <button
          type="button"
          onClick={() => setDraft([...waves, { id: `T${waves.length + 1}`, label: `Time ${waves.length + 1}`, order: waves.length }])}
        >
          Add wave
        </button>
        {draft && (
          <DraftButtons
            label="Save waves"
            save={() => run(() => saveWaves(props.db, waves))}
            done={() => {
              setDraft(null);
              dismiss();
            }}
          />
        )}
      </div>
    </section>
  );
}

function RolesEditor(props: { db: ProjectDb; roles: RoleDef[] }) {
  const [draft, setDraft] = useState<RoleDef[] | null>(null);
  const [error, run, dismiss] = useAction();
  const roles = draft ?? props.roles;
  return (
    <section className="card">
      <h2>Participant roles</h2>
      <p className="muted">The study's roles, plus any your project needs (e.g. "grandparent").</p>
      <ErrorLine error={error} onDismiss={dismiss} />
      <ul className="plain">
        {roles.map((r, i) => (
          <li key={i} className="row">
            <input
              aria-label={`Role ${i + 1}`}
              value={r.label}
              onChange={(e) => setDraft(roles.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))}
            />
            <span className="muted">{r.id}</span>
            <button type="button" aria-label={`Remove role ${r.label}`} onClick={() => setDraft(roles.filter((_, j) => j !== i))}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <div className="row">
        <button type="button" onClick={() => setDraft([...roles, { id: '', label: 'New role' }])}>
          Add role
        </button>
        {draft && (
          <DraftButtons
            label="Save roles"
            save={() => run(() => saveRoles(props.db, roles))}
            done={() => {
              setDraft(null);
              dismiss();
            }}
          />
        )}
      </div>
    </section>
  );
}

/** Save (validated; the draft stays if refused) or discard an edited list. */
function DraftButtons(props: { label: string; save(): Promise<boolean>; done(): void }) {
  return (
    <>
      <button type="button" className="primary" onClick={async () => (await props.save()) && props.done()}>
        {props.label}
      </button>
      <button type="button" onClick={props.done}>
        Discard changes
      </button>
    </>
  );
}
