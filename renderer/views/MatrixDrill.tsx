// The passages behind one cell of the matrix query, beside the table: who said it, in which
// transcript, the words; each opens its place in the Coding view.
import { useMemo } from 'react';
import { matrixCellPassages, type MatrixQuery } from '../core/analysis';
import type { ProjectSnapshot } from '../core/shared';
import { useProject } from './projectContext';
import { openPassage } from './route';

export function MatrixDrill(props: {
  project: ProjectSnapshot;
  query: MatrixQuery;
  row: number;
  column: number;
  title: string;
  onClose(): void;
}) {
  const { projectId } = useProject();
  const { project, query, row, column } = props;
  const passages = useMemo(() => matrixCellPassages(project, query, row, column), [project, query, row, column]);
  const people = useMemo(() => new Map(project.participants.map((p) => [p.id, p.pseudonym])), [project.participants]);
  const sources = useMemo(() => new Map(project.sources.map((s) => [s.id, s])), [project.sources]);
  const words = passages.reduce((n, p) => n + (p.words ?? 0), 0);
  return (
    <aside className="drill card" aria-label="Passages behind the cell">
      <header className="row">
        <h3>{props.title}</h3>
        <span className="spacer" />
        <button type="button" className="icon" aria-label="Close" onClick={props.onClose}>
          ×
        </button>
      </header>
      <p className="small muted">
        {passages.length} passage{passages.length === 1 ? '' : 's'}, {words} word{words === 1 ? '' : 's'}, from{' '}
        {new Set(passages.map((p) => p.participantId)).size} participant(s). Click one to open it in the Coding view.
      </p>
      <ol className="plain passages matrix-passages">
        {passages.map((p) => {
          const source = sources.get(p.sourceId);
          const who = people.get(p.participantId) ?? '—';
          return (
            <li key={`${p.sourceId}:${p.start}`} className="passage">
              {/* The whole passage is the button (a bigger target than an "Open" link); spans only, as a button holds no blocks. */}
              <button
                type="button"
                className="passage-open"
                aria-label={`Open ${who}, ${source?.title ?? ''} at ${p.start}`}
                onClick={() => openPassage(projectId, p)}
              >
                <span className="row small">
                  <strong>{who}</strong>
                  <span className="muted">{source?.title ?? ''}</span>
                  <span className="spacer" />
                  <span className="link-text">Open</span>
                </span>
                <span className="excerpt">{source?.text.slice(p.start, p.end) ?? ''}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </aside>
  );
}
