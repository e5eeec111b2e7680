// Behind one cell of the co-occurrence matrix: every place the two codes meet (or, on the
// diagonal, every instance of the one code), under the same unit and filters as the cell, each
// with whose interview it is and its text, and a way to open it in the Coding view.
import { useMemo } from 'react';
import { cooccurrencePassages, cooccurrenceUnitText, meetingText, type CooccurrenceOptions } from '../core/analysis';
import type { ProjectSnapshot } from '../core/shared';
import { useProject } from './projectContext';
import { openPassage } from './route';

export function CooccurrenceDrill(props: {
  snapshot: ProjectSnapshot;
  codeA: string;
  codeB: string;
  options: CooccurrenceOptions;
  onClose(): void;
}) {
  const { projectId } = useProject();
  const { snapshot, codeA, codeB, options } = props;
  const places = useMemo(() => cooccurrencePassages(snapshot, codeA, codeB, options), [snapshot, codeA, codeB, options]);
  const name = (id: string) => snapshot.codes.find((c) => c.id === id)?.name ?? '';
  const person = (id: string | null) => (id === null ? null : snapshot.participants.find((p) => p.id === id));
  const source = (id: string) => snapshot.sources.find((s) => s.id === id);
  const people = new Set(places.map((p) => p.participantId).filter((id) => id !== null)).size;
  const same = codeA === codeB;
  const what = same ? `${name(codeA)} on its own` : `${name(codeA)} with ${name(codeB)}`;
  // The diagonal lists the code's own instances; a cell off it, the meetings.
  const how = same ? 'every instance of the code' : cooccurrenceUnitText(options.unit, options.window);

  return (
    <aside className="drill card cooc-drill" aria-label="Passages behind the cell">
      <header className="row">
        <h3>{what}</h3>
        <span className="spacer" />
        <button type="button" className="icon" aria-label="Close" onClick={props.onClose}>
          ×
        </button>
      </header>
      <p className="small muted">
        {places.length} {places.length === 1 ? 'place' : 'places'} ({how}) in {people} {people === 1 ? "participant's" : "participants'"}{' '}
        transcripts
      </p>
      <ol className="plain passages">
        {places.map((p) => {
          const s = source(p.sourceId);
          const shown = meetingText(s?.text ?? '', p.start, p.end);
          return (
            <li key={`${p.sourceId}:${p.start}`} className="passage">
              <div className="row small">
                <strong>{person(p.participantId)?.pseudonym ?? 'No participant'}</strong>
                <span className="muted">{s?.title ?? ''}</span>
                <span className="spacer" />
                <button
                  type="button"
                  className="link"
                  aria-label={`Open in Coding: ${person(p.participantId)?.pseudonym ?? ''}, ${s?.title ?? ''}, at ${p.start}`}
                  onClick={() => openPassage(projectId, p)}
                >
                  Open in Coding
                </button>
              </div>
              <blockquote className="excerpt">
                {shown.text}
                {shown.more > 0 && <span className="muted"> … ({shown.more.toLocaleString()} more characters)</span>}
              </blockquote>
            </li>
          );
        })}
      </ol>
    </aside>
  );
}
