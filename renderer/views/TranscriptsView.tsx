// Transcripts of the project: who and which wave each belongs to (editable in place), the
// batch import, and the reader for the one chosen.
import { useState } from 'react';
import type { ProjectDb, SourceMeta } from '../store/projectDb';
import { softDeleteSource, updateSource, type ProjectSetup } from '../store/projectRepo';
import { Confirm, ErrorLine, useAction } from './common';
import { ImportDialog } from './ImportDialog';
import { Reader } from './Reader';
import { navigate, type Route } from './route';

type ProjectRoute = Extract<Route, { screen: 'project' }>;

export function TranscriptsView(props: { db: ProjectDb; setup: ProjectSetup; sources: SourceMeta[]; route: ProjectRoute }) {
  const { db, setup, sources, route } = props;
  const [importing, setImporting] = useState(false);
  const [deleting, setDeleting] = useState<SourceMeta | null>(null);
  const [filter, setFilter] = useState('');
  const [error, run, dismiss] = useAction();
  const participantName = (id: string | null) => setup.participants.find((p) => p.id === id)?.pseudonym ?? '';
  const shown = sources.filter((s) => {
    const q = filter.trim().toLowerCase();
    return !q || s.title.toLowerCase().includes(q) || participantName(s.participantId).toLowerCase().includes(q);
  });
  const open = (sourceId: string | null) => navigate({ ...route, sourceId });

  return (
    <div className="transcripts">
      <aside className="source-list" aria-label="Transcripts">
        <div className="row">
          <button type="button" className="primary" onClick={() => setImporting(true)}>
            Import transcripts…
          </button>
          <input aria-label="Filter transcripts" placeholder="Filter" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
        <ErrorLine error={error} onDismiss={dismiss} />
        {sources.length === 0 ? (
          <p className="muted">No transcripts yet. Import .txt, .md, .docx, .vtt or .srt files; several at once is fine.</p>
        ) : (
          <table className="grid sources">
            <thead>
              <tr>
                <th>Transcript</th>
                <th>Participant</th>
                <th>Wave</th>
                <th className="num">Words</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {shown.map((s) => (
                <tr key={s.id} className={s.id === route.sourceId ? 'selected' : undefined}>
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
              ))}
            </tbody>
          </table>
        )}
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
          confirmLabel="Delete"
          message={<p>“{deleting.title}” will be removed from the project (kept in the project's history).</p>}
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
