// Encryption on the Project tab: turn a project encrypted (passphrase twice, then the recovery
// key, shown once), change the passphrase, lock now, and how long it may sit idle before it
// locks itself. The rules are in store/encryption.ts.
import { useState, type FormEvent } from 'react';
import { changePassphrase, encryptProject, lockProject, MIN_PASSPHRASE_LENGTH } from '../store/encryption';
import { prefs } from '../store/prefs';
import { ErrorLine, LockIcon, Modal, ModalFoot, useAction } from './common';
import { flushPendingEdits } from './pendingEdits';
import { SecretField } from './SecretField';

const IDLE_CHOICES = [5, 10, 15, 30, 60, 120];

export function EncryptionCard(props: { projectId: string; encrypted: boolean; onEncrypted(): void }) {
  const [dialog, setDialog] = useState<'encrypt' | 'change' | null>(null);
  const [idle, setIdle] = useState(() => prefs.idleLockMinutes());
  return (
    <section className="card" aria-label="Encryption">
      <h2>
        {props.encrypted && <LockIcon />} {props.encrypted ? 'Encrypted' : 'Encryption'}
      </h2>
      {props.encrypted ? (
        <>
          <p className="muted">
            Transcripts, titles, file names, participants, codes, codings, memos, quotes, decisions, the redaction list and the history are
            stored encrypted; the archive and every backup too. Only the project’s name and description, and ids, numbers and dates the
            database needs to find records, are in clear.
          </p>
          <div className="row">
            <button type="button" onClick={() => void flushPendingEdits().finally(() => lockProject(props.projectId))}>
              Lock now
            </button>
            <button type="button" onClick={() => setDialog('change')}>
              Change passphrase…
            </button>
            <label>
              Lock after{' '}
              <select
                aria-label="Lock after idle minutes"
                value={idle}
                onChange={(e) => {
                  const minutes = Number(e.target.value);
                  prefs.setIdleLockMinutes(minutes);
                  setIdle(minutes);
                }}
              >
                {IDLE_CHOICES.map((m) => (
                  <option key={m} value={m}>
                    {m} minutes
                  </option>
                ))}
              </select>{' '}
              without use (on this computer; takes effect when the project is next opened)
            </label>
          </div>
        </>
      ) : (
        <>
          <p className="muted">
            Not encrypted: anyone who can read this computer’s files (a lost laptop, a shared account) can read the transcripts. Encrypt the
            project with a passphrase; it then opens only with the passphrase or its recovery key, and locks itself when left alone.
          </p>
          <button type="button" onClick={() => setDialog('encrypt')}>
            Encrypt this project…
          </button>
        </>
      )}
      {dialog === 'encrypt' && (
        <EncryptDialog
          projectId={props.projectId}
          onClose={() => setDialog(null)}
          onEncrypted={() => {
            setDialog(null);
            props.onEncrypted();
          }}
        />
      )}
      {dialog === 'change' && <ChangePassphraseDialog projectId={props.projectId} onClose={() => setDialog(null)} />}
    </section>
  );
}

function PassphrasePair(props: { value: [string, string]; onChange(value: [string, string]): void; label: string }) {
  return (
    <>
      <SecretField
        label={props.label}
        autoComplete="new-password"
        value={props.value[0]}
        onChange={(v) => props.onChange([v, props.value[1]])}
      />
      <SecretField
        label="Type it again"
        ariaLabel={`${props.label}, again`}
        autoComplete="new-password"
        value={props.value[1]}
        onChange={(v) => props.onChange([props.value[0], v])}
      />
    </>
  );
}

const pairProblem = ([a, b]: [string, string]) =>
  a.trim().length < MIN_PASSPHRASE_LENGTH ? `At least ${MIN_PASSPHRASE_LENGTH} characters.` : a !== b ? 'The two do not match.' : null;

/** Encrypts the project, then shows the recovery key until the researcher says it is kept. */
export function EncryptDialog(props: { projectId: string; onClose(): void; onEncrypted(): void }) {
  const [pair, setPair] = useState<[string, string]>(['', '']);
  const [busy, setBusy] = useState(false);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [kept, setKept] = useState(false);
  const [error, run] = useAction('encrypting the project');
  const problem = pairProblem(pair);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (problem || busy) return;
    setBusy(true);
    await run(async () => {
      await flushPendingEdits();
      const { recoveryKey } = await encryptProject(props.projectId, pair[0]);
      setRecoveryKey(recoveryKey);
      setPair(['', '']);
    });
    setBusy(false);
  };
  if (recoveryKey)
    return (
      <Modal title="Your recovery key" onClose={() => kept && props.onEncrypted()}>
        <div className="modal-body">
          <p>The project is encrypted. If the passphrase is forgotten, this key is the only other way in. It is shown only now.</p>
          <p className="recovery-key" aria-label="Recovery key">
            {recoveryKey}
          </p>
          <p className="muted small">
            Write it down or print it, and keep it apart from the computer (e.g. in the team’s locked cabinet). Do not keep it in a file
            beside the project.
          </p>
          <div className="row">
            <button type="button" onClick={() => void navigator.clipboard?.writeText(recoveryKey)}>
              Copy
            </button>
          </div>
          <label>
            <input type="checkbox" checked={kept} onChange={(e) => setKept(e.target.checked)} /> I have written down the recovery key
          </label>
        </div>
        <footer className="modal-foot">
          <button type="button" className="primary" disabled={!kept} onClick={props.onEncrypted}>
            Done
          </button>
        </footer>
      </Modal>
    );
  return (
    <Modal title="Encrypt this project" onClose={props.onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <div className="modal-body">
          <p>
            Choose a passphrase: a few words only you know are safer and easier to remember than a short password. Everyone who codes this
            project on this computer needs it. It is never stored; a lost passphrase cannot be reset, only replaced with the recovery key
            you will see next.
          </p>
          <PassphrasePair label="Passphrase" value={pair} onChange={setPair} />
          {pair[0] && problem && <p className="muted small">{problem}</p>}
          <ErrorLine error={error} />
        </div>
        <ModalFoot onCancel={props.onClose}>
          <button type="submit" className="primary" disabled={!!problem || busy}>
            {busy ? 'Encrypting…' : 'Encrypt'}
          </button>
        </ModalFoot>
      </form>
    </Modal>
  );
}

function ChangePassphraseDialog(props: { projectId: string; onClose(): void }) {
  const [current, setCurrent] = useState('');
  const [pair, setPair] = useState<[string, string]>(['', '']);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, run] = useAction('changing the passphrase');
  const problem = pairProblem(pair);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (problem || !current || busy) return;
    setBusy(true);
    if (await run(() => changePassphrase(props.projectId, current, pair[0]))) setDone(true);
    setBusy(false);
  };
  return (
    <Modal title="Change passphrase" onClose={props.onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <div className="modal-body">
          {done ? (
            <p role="status">The passphrase is changed. The recovery key stays the same. Backups taken before keep the old passphrase.</p>
          ) : (
            <>
              <SecretField
                label="Current passphrase or recovery key"
                autoComplete="current-password"
                value={current}
                onChange={setCurrent}
              />
              <PassphrasePair label="New passphrase" value={pair} onChange={setPair} />
              {pair[0] && problem && <p className="muted small">{problem}</p>}
            </>
          )}
          <ErrorLine error={error} />
        </div>
        <ModalFoot onCancel={props.onClose}>
          {!done && (
            <button type="submit" className="primary" disabled={!!problem || !current || busy}>
              {busy ? 'Changing…' : 'Change passphrase'}
            </button>
          )}
        </ModalFoot>
      </form>
    </Modal>
  );
}
