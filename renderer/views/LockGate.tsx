// An encrypted project opens only past this gate: while it is locked, the unlock screen
// stands where the project would be; once unlocked, the project, which locks itself again after
// the idle time set on this computer, or on "Lock now". Locking drops the key and the screen.
import { useEffect, useState, type FormEvent } from 'react';
import { isEncrypted, isUnlocked, lockProject, onProjectLocked, unlockDelaySeconds, unlockProject } from '../store/encryption';
import { prefs } from '../store/prefs';
import { getProject } from '../store/projects';
import { ErrorLine, LockIcon, useAction } from './common';
import { flushPendingEdits } from './pendingEdits';
import { ProjectScreen } from './ProjectScreen';
import { SecretField } from './SecretField';
import { navigate, type ProjectRoute } from './route';

type GateState = 'checking' | 'locked' | 'open';

export function ProjectGate({ route }: { route: ProjectRoute }) {
  const { projectId } = route;
  const [state, setState] = useState<GateState>('checking');
  const [encrypted, setEncrypted] = useState(false);
  useEffect(() => {
    let live = true;
    void isEncrypted(projectId)
      .then((sealed) => {
        if (!live) return;
        setEncrypted(sealed);
        setState(sealed && !isUnlocked(projectId) ? 'locked' : 'open');
      })
      .catch(() => live && setState('open')); // a project that cannot be read says so on its own screen
    const off = onProjectLocked((id) => {
      if (id === projectId) setState('locked');
    });
    return () => {
      live = false;
      off();
    };
  }, [projectId]);
  useIdleLock(projectId, encrypted && state === 'open');

  if (state === 'checking') return <p className="muted pad">Opening project…</p>;
  if (state === 'locked')
    return (
      <UnlockScreen
        projectId={projectId}
        onUnlocked={() => {
          setEncrypted(true);
          setState('open');
        }}
      />
    );
  return <ProjectScreen route={route} encrypted={encrypted} onEncrypted={() => setEncrypted(true)} />;
}

/** Locks once nothing was typed, clicked or scrolled for the minutes set (prefs, default 15). */
function useIdleLock(projectId: string, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const minutes = prefs.idleLockMinutes();
    let timer = 0;
    const lockNow = () => void flushPendingEdits().finally(() => lockProject(projectId));
    const reset = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(lockNow, minutes * 60_000);
    };
    const events = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, reset, { passive: true });
    reset();
    return () => {
      window.clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, reset);
    };
  }, [projectId, active]);
}

function UnlockScreen(props: { projectId: string; onUnlocked(): void }) {
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, run] = useAction();
  useEffect(() => {
    void getProject(props.projectId).then((p) => setName(p?.name ?? ''));
  }, [props.projectId]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!secret || busy) return;
    setBusy(true);
    const ok = await run(() => unlockProject(props.projectId, secret));
    setBusy(false);
    if (ok) props.onUnlocked();
    else setSecret('');
  };
  const wait = unlockDelaySeconds(props.projectId);
  return (
    <main className="card unlock" aria-label="Unlock project">
      <button type="button" className="link" onClick={() => navigate({ screen: 'projects' })}>
        ← Projects
      </button>
      <h1>
        <LockIcon /> {name || 'Encrypted project'}
      </h1>
      <p>This project is encrypted. Enter its passphrase, or the recovery key you wrote down when it was encrypted.</p>
      <form onSubmit={(e) => void submit(e)}>
        <SecretField bare label="Passphrase or recovery key" autoFocus value={secret} onChange={setSecret} />
        <button type="submit" className="primary" disabled={!secret || busy}>
          {busy ? (wait ? `Waiting ${wait} s…` : 'Unlocking…') : 'Unlock'}
        </button>
      </form>
      <ErrorLine error={error} />
      <p className="muted small">
        Nobody can open it without one of them: not a colleague, not the developers of this app. If both are lost, the project is lost; its
        backups are encrypted the same way.
      </p>
    </main>
  );
}
