// Batch import: choose or drop files, read them (with progress), correct the proposed
// participant and wave per file, map speakers to roles once, then import all in one go.
import { useMemo, useState } from 'react';
import {
  batchProblems,
  buildImport,
  collectSpeakers,
  dropBadFiles,
  importBlockedBecause,
  planBatch,
  type BatchRow,
} from '../core/transcripts';
import type { SpeakerRole } from '../core/shared';
import { TRANSCRIPT_EXTENSIONS } from '../io/transcripts';
import { getPlatform } from '../platform/platform';
import { prepareFilesOffThread } from '../store/transcriptsOffThread';
import type { ProjectDb, SourceMeta } from '../store/projectDb';
import { commitImport, type ProjectSetup } from '../store/projectRepo';
import { ErrorLine, Modal, ModalFoot, useAction } from './common';
import { VirtualBody } from './VirtualBody';

type Phase =
  { kind: 'choose' } | { kind: 'reading'; done: number; total: number; current: string } | { kind: 'review' } | { kind: 'saving' };

export function ImportDialog(props: { db: ProjectDb; setup: ProjectSetup; sources: SourceMeta[]; onClose: () => void }) {
  const { db, setup } = props;
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' });
  const [rows, setRows] = useState<BatchRow[]>([]);
  const [roles, setRoles] = useState<Record<string, SpeakerRole>>({});
  const [error, run, dismiss] = useAction('importing transcripts');
  const speakers = useMemo(() => collectSpeakers(rows), [rows]);
  const problems = batchProblems(rows);
  const roleOf = (speaker: string, proposed: SpeakerRole) => roles[speaker] ?? proposed;

  async function read(files: { name: string; bytes: Uint8Array }[]) {
    if (files.length === 0) return;
    setPhase({ kind: 'reading', done: 0, total: files.length, current: '' });
    const prepared = await prepareFilesOffThread(files, (done, total, current) => setPhase({ kind: 'reading', done, total, current }));
    setRows((old) => {
      const planned = planBatch(prepared, { participants: setup.participants, sources: props.sources, waves: setup.waves });
      const offset = old.length;
      return [...old, ...planned.map((r, i) => ({ ...r, key: `${offset + i}:${r.fileName}` }))];
    });
    setPhase({ kind: 'review' });
  }

  async function choose() {
    await run(async () =>
      read(await getPlatform().openFiles({ title: 'Import transcripts', extensions: [...TRANSCRIPT_EXTENSIONS], multiple: true })),
    );
  }

  async function dropped(list: FileList) {
    await run(async () =>
      read(await Promise.all([...list].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })))),
    );
  }

  const update = (key: string, change: Partial<BatchRow>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));

  async function commit() {
    setPhase({ kind: 'saving' });
    const ok = await run(async () => {
      const mapping: Record<string, SpeakerRole> = {};
      for (const s of speakers) mapping[s.speaker] = roleOf(s.speaker, s.proposed);
      await commitImport(
        db,
        buildImport(rows, mapping, setup.participants, () => crypto.randomUUID(), Date.now()),
      );
    });
    if (ok) props.onClose();
    else setPhase({ kind: 'review' });
  }

  const included = rows.filter((r) => r.include && r.prepared).length;
  const badFiles = rows.filter((r) => r.status === 'error').length;
  // A disabled button says nothing by itself: the reason stands beside it (core/batch).
  const blocked =
    phase.kind === 'reading'
      ? 'Reading the files…'
      : phase.kind === 'review' || phase.kind === 'choose'
        ? importBlockedBecause(rows)
        : null;
  return (
    <Modal title="Import transcripts" onClose={props.onClose} wide>
      <div
        className="modal-body import"
        data-scroll-pane
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          void dropped(e.dataTransfer.files);
        }}
      >
        <ErrorLine error={error} onDismiss={dismiss} />
        <div className="row">
          <button type="button" onClick={choose} disabled={phase.kind === 'reading' || phase.kind === 'saving'}>
            {rows.length ? 'Add more files…' : 'Choose files…'}
          </button>
          <span className="muted">or drop files here · {TRANSCRIPT_EXTENSIONS.join(' ')}</span>
        </div>
        {phase.kind === 'reading' && (
          <div className="progress-block">
            <progress aria-label="Reading files" max={phase.total} value={phase.done} />
            <span>
              Reading {phase.done + 1} of {phase.total}: {phase.current}
            </span>
          </div>
        )}
        {rows.length > 0 && (
          <table className="grid batch" aria-rowcount={rows.length + 1}>
            <thead>
              <tr>
                <th>Import</th>
                <th>File</th>
                <th>Participant</th>
                <th>Wave</th>
                <th>Status</th>
                <th />
              </tr>
            </thead>
            <VirtualBody
              items={rows}
              rowHeight={38}
              columns={6}
              row={(r, _i, rowProps) => (
                <tr key={r.key} {...rowProps} className={`status-${r.status}`}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Import ${r.fileName}`}
                      disabled={r.status === 'error'}
                      checked={r.include && r.status !== 'error'}
                      onChange={(e) => update(r.key, { include: e.target.checked })}
                    />
                  </td>
                  <td>{r.fileName}</td>
                  <td>
                    <input
                      aria-label={`Participant for ${r.fileName}`}
                      list="known-participants"
                      value={r.participantName}
                      placeholder="pseudonym"
                      onChange={(e) => update(r.key, { participantName: e.target.value })}
                    />
                  </td>
                  <td>
                    <select
                      aria-label={`Wave for ${r.fileName}`}
                      value={r.waveId ?? ''}
                      onChange={(e) => update(r.key, { waveId: e.target.value || null })}
                    >
                      <option value="">—</option>
                      {setup.waves.map((w) => (
                        <option key={w.id} value={w.id}>
                          {w.label}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="status">
                    {r.status === 'ready' && (
                      <span className="ok">
                        {r.prepared?.turns.length} turns{r.message ? ` · ${r.message}` : ''}
                      </span>
                    )}
                    {r.status === 'duplicate' && <span className="warn">Duplicate. {r.message}</span>}
                    {r.status === 'error' && <span className="bad">{r.message}</span>}
                  </td>
                  <td>
                    <button
                      type="button"
                      aria-label={`Drop ${r.fileName}`}
                      onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                    >
                      Drop
                    </button>
                  </td>
                </tr>
              )}
            />
          </table>
        )}
        <datalist id="known-participants">
          {setup.participants.map((p) => (
            <option key={p.id} value={p.pseudonym} />
          ))}
        </datalist>
        {speakers.length > 0 && (
          <fieldset className="speakers">
            <legend>Speakers in this batch</legend>
            <table className="grid speaker-roles" aria-rowcount={speakers.length + 1}>
              <thead>
                <tr>
                  <th>Speaker label</th>
                  <th>Turns</th>
                  <th>Files</th>
                  <th>Role</th>
                </tr>
              </thead>
              <VirtualBody
                items={speakers}
                rowHeight={38}
                columns={4}
                row={(s, _i, rowProps) => (
                  <tr key={s.speaker} {...rowProps}>
                    <td>{s.speaker}</td>
                    <td className="num">{s.turns}</td>
                    <td className="num">{s.files}</td>
                    <td>
                      <select
                        aria-label={`Role of speaker ${s.speaker}`}
                        value={roleOf(s.speaker, s.proposed)}
                        onChange={(e) => setRoles((m) => ({ ...m, [s.speaker]: e.target.value as SpeakerRole }))}
                      >
                        <option value="interviewer">Interviewer</option>
                        <option value="participant">Participant</option>
                        <option value="other">Other</option>
                      </select>
                    </td>
                  </tr>
                )}
              />
            </table>
          </fieldset>
        )}
        {rows.length > 0 && problems.length > 0 && (
          <ul className="problems" aria-label="Problems">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        {badFiles > 0 && (
          <button type="button" onClick={() => setRows((rs) => dropBadFiles(rs))}>
            Drop all bad files ({badFiles})
          </button>
        )}
        {phase.kind === 'saving' && (
          <div className="progress-block">
            <progress aria-label="Importing" />
            <span>Importing {included} transcript(s)…</span>
          </div>
        )}
      </div>
      <ModalFoot
        onCancel={props.onClose}
        note={
          blocked && (
            <span id="import-blocked" className="muted small" style={{ marginRight: 'auto', alignSelf: 'center' }}>
              {blocked}
            </span>
          )
        }
      >
        <button
          type="button"
          className="primary"
          disabled={problems.length > 0 || phase.kind !== 'review'}
          aria-describedby={blocked ? 'import-blocked' : undefined}
          title={blocked ?? undefined}
          onClick={commit}
        >
          Import {included} transcript{included === 1 ? '' : 's'}
        </button>
      </ModalFoot>
    </Modal>
  );
}
