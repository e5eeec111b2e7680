// Transcripts of the project: who and which wave each belongs to (editable in place), the
// batch import, the sets they are in (and a filter by set), the reader for the one chosen, and
// the bin of deleted transcripts.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { describePurgeCounts, inSet, purgedDraftFields } from '../core/project';
import { listBinnedSources, previewPurge, purgeSource, restoreSource } from '../store/bin';
import type { ProjectDb, SourceMeta } from '../store/projectDb';
import { softDeleteSource, updateSource, type ProjectSetup } from '../store/projectRepo';
import { useCommand } from './commandBus';
import { Confirm, ErrorLine, formatDate, useAction } from './common';
import { ImportDialog } from './ImportDialog';
import { flushPendingEdits, forgetDrafts } from './pendingEdits';
import { useProject } from './projectContext';
import { Reader } from './Reader';
import { SetFilter, SetsPanel } from './SetsPanel';
import { navigate, type Route } from './route';
import { VirtualBody } from './VirtualBody';

type ProjectRoute = Extract<Route, { screen: 'project' }>;

export function TranscriptsView(props: { db: ProjectDb; setup: ProjectSetup; sources: SourceMeta[]; route: ProjectRoute }) {
  const { db, setup, sources, route } = props;
  const [importing, setImporting] = useState(false);
  const [deleting, setDeleting] = useState<SourceMeta | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const binned = useLiveQuery(() => listBinnedSources(db), [db]);
  const [filter, setFilter] = useState('');
  const [setId, setSetId] = useState<string | null>(null);
  const chosenSet = setup.sets.some((s) => s.id === setId) ? setId : null;
  const inChosenSet = inSet(setup.sets, chosenSet);
  const [error, run, dismiss] = useAction();
  const participantName = (id: string | null) => setup.participants.find((p) => p.id === id)?.pseudonym ?? '';
  const shown = sources.filter((s) => {
    const q = filter.trim().toLowerCase();
    if (!inChosenSet(s.id)) return false;
    return !q || s.title.toLowerCase().includes(q) || participantName(s.participantId).toLowerCase().includes(q);
  });
  const open = (sourceId: string | null) => navigate({ ...route, sourceId });
  useCommand('importTranscripts', () => setImporting(true), { enabled: !importing });

  return (
    <div className="transcripts">
      <aside className="source-list" aria-label="Transcripts" data-scroll-pane>
        <div className="row">
          <button type="button" className="primary" onClick={() => setImporting(true)}>
            Import transcripts…
          </button>
          <input aria-label="Filter transcripts" placeholder="Filter" value={filter} onChange={(e) => setFilter(e.target.value)} />
          <SetFilter sets={setup.sets} value={chosenSet} onChange={setSetId} />
        </div>
        <ErrorLine error={error} onDismiss={dismiss} />
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        {sources.length === 0 ? (
          <p className="muted">
            No transcripts yet. Import .txt, .md, .docx, .odt, .rtf, .pdf, .vtt or .srt files, or Whisper's .json or .tsv; several at once
            is fine.
          </p>
        ) : (
          <table className="grid sources" aria-rowcount={shown.length + 1}>
            <thead>
              <tr>
                <th>Transcript</th>
                <th>Participant</th>
                <th>Wave</th>
                <th className="num">Words</th>
                <th />
              </tr>
            </thead>
            <VirtualBody
              items={shown}
              rowHeight={34}
              columns={5}
              row={(s, _i, rowProps) => (
                <tr key={s.id} {...rowProps} className={s.id === route.sourceId ? 'selected' : undefined}>
                  <td>
                    <button type="button" className="link" onClick={() => open(s.id)}>
                      {s.title}
                    </button>
                  </td>
                  <td>
                    <select
                      aria-label={`Participant of ${s.title}`}
                      value={s.participantId ?? ''}
                      onChange={(e) => run(() => updateSource(db, s.id, { participantId: e.target.value || null }))}
                    >
                      <option value="">— unassigned —</option>
                      {setup.participants.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.pseudonym}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select
                      aria-label={`Wave of ${s.title}`}
                      value={s.wave ?? ''}
                      onChange={(e) => run(() => updateSource(db, s.id, { wave: e.target.value || null }))}
                    >
                      <option value="">—</option>
                      {setup.waves.map((w) => (
                        <option key={w.id} value={w.id}>
                          {w.label}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="num">{s.wordCount.toLocaleString()}</td>
                  <td>
                    <button type="button" className="icon" aria-label={`Delete ${s.title}`} onClick={() => setDeleting(s)}>
                      ×
                    </button>
                  </td>
                </tr>
              )}
            />
          </table>
        )}
        {sources.length > 0 && <SetsPanel db={db} sets={setup.sets} sources={sources} />}
        {binned && binned.length > 0 && <TranscriptBin db={db} binned={binned} onNotice={setNotice} />}
      </aside>
      <section className="reader-pane">
        {route.sourceId ? (
          <Reader db={db} sourceId={route.sourceId} setup={setup} />
        ) : (
          <p className="muted pad">Choose a transcript to read it.</p>
        )}
      </section>
      {importing && <ImportDialog db={db} setup={setup} sources={sources} onClose={() => setImporting(false)} />}
      {deleting && (
        <Confirm
          title="Delete transcript?"
          danger
          confirmLabel="Move to bin"
          message={<p>“{deleting.title}” moves to the bin below the list, with its codings. You can restore it from there.</p>}
          onCancel={() => setDeleting(null)}
          onConfirm={async () => {
            await run(() => softDeleteSource(db, deleting.id));
            if (route.sourceId === deleting.id) open(null);
            setDeleting(null);
          }}
        />
      )}
    </div>
  );
}

/** Deleted transcripts: restored with their codings as they were, or deleted for ever. */
function TranscriptBin(props: { db: ProjectDb; binned: SourceMeta[]; onNotice(text: string | null): void }) {
  const { db, binned, onNotice } = props;
  const [forever, setForever] = useState<SourceMeta | null>(null);
  const [error, run, dismiss] = useAction();
  return (
    <section className="bin" aria-label="Bin">
      <h2>Bin</h2>
      <p className="muted">Deleted transcripts stay here, with their codings, until you delete them for ever.</p>
      <ErrorLine error={error} onDismiss={dismiss} />
      <ul className="plain">
        {binned.map((s) => (
          <li key={s.id} className="row">
            <span className="bin-title">{s.title}</span>
            <span className="muted">deleted {formatDate(s.deletedAt ?? null)}</span>
            <span className="spacer" />
            <button
              type="button"
              aria-label={`Restore ${s.title}`}
              onClick={() =>
                run(async () => {
                  const notes = await restoreSource(db, s.id);
                  onNotice(`Restored ${s.title}${notes.length ? `: ${notes.join('; ')}` : ''}.`);
                })
              }
            >
              Restore
            </button>
            <button type="button" className="danger" aria-label={`Delete ${s.title} for ever`} onClick={() => setForever(s)}>
              Delete for ever
            </button>
          </li>
        ))}
      </ul>
      {forever && (
        <ForeverConfirm
          db={db}
          source={forever}
          onDone={(text) => {
            setForever(null);
            if (text) onNotice(text);
          }}
        />
      )}
    </section>
  );
}

function ForeverConfirm(props: { db: ProjectDb; source: SourceMeta; onDone(notice: string | null): void }) {
  const { db, source, onDone } = props;
  const { projectId } = useProject();
  const counts = useLiveQuery(() => previewPurge(db, { kind: 'source', sourceId: source.id }), [db, source.id]);
  const [error, run] = useAction();
  return (
    <Confirm
      title="Delete for ever?"
      danger
      confirmLabel="Delete for ever"
      message={
        <>
          <p>
            “{source.title}” will be erased from this project: its text
            {counts ? `, and with it ${describePurgeCounts(counts, false)}` : ''} (in every coder's layer and the consensus), and the undo
            steps that hold any of it.
          </p>
          <p>
            <strong>This cannot be undone.</strong> Undo (Ctrl+Z) will not bring it back. Backups and archives saved earlier still hold it.
          </p>
          <ErrorLine error={error} />
        </>
      }
      onCancel={() => onDone(null)}
      onConfirm={async () => {
        const ok = await run(async () => {
          await flushPendingEdits();
          forgetDrafts(projectId, purgedDraftFields(await purgeSource(db, source.id)));
        });
        if (ok) onDone('The transcript was deleted for ever.');
      }}
    />
  );
}
