// Reads one transcript: speaker turns as separate blocks, interviewer turns set apart.
// Turns off screen skip layout (content-visibility), so 15,000-word transcripts scroll smoothly.
import { useLiveQuery } from 'dexie-react-hooks';
import { Fragment } from 'react';
import type { Turn } from '../core/shared';
import { headingsBeforeTurns } from '../core/transcripts';
import type { ProjectDb } from '../store/projectDb';
import { getSource, type ProjectSetup } from '../store/projectRepo';

export function Reader(props: { db: ProjectDb; sourceId: string; setup: ProjectSetup }) {
  const source = useLiveQuery(() => getSource(props.db, props.sourceId), [props.db, props.sourceId], null);
  if (source === null) return <p className="muted pad">Opening…</p>;
  if (source === undefined) return <p className="pad">This transcript is no longer in the project.</p>;
  const participant = props.setup.participants.find((p) => p.id === source.participantId);
  const wave = props.setup.waves.find((w) => w.id === source.wave);
  const turns: Turn[] = source.turns.length ? source.turns : [{ start: 0, end: source.text.length, speaker: null }];
  const headings = headingsBeforeTurns(source.sections, turns);
  return (
    <article className="reader" aria-label={`Transcript ${source.title}`}>
      <header className="reader-head">
        <h2>{source.title}</h2>
        <p className="muted">
          {participant ? participant.pseudonym : 'No participant'} · {wave ? wave.label : 'No wave'} · {source.origin.fileName} (
          {source.origin.format}) · {turns.length} turns
        </p>
      </header>
      <div className="turns">
        {turns.map((turn, i) => (
          <Fragment key={i}>
            {headings[i]!.map((section) => (
              <h3 key={`${section.start}-${section.title}`} className={`section-heading level-${section.level}`} data-start={section.start}>
                {section.title}
              </h3>
            ))}
            <section className={`turn ${turn.speakerRole ?? 'participant'}`} data-start={turn.start} data-end={turn.end}>
              {turn.speaker !== null && (
                <div className="speaker">
                  {turn.speaker}
                  {turn.startTime !== undefined && <span className="time">{formatTime(turn.startTime)}</span>}
                </div>
              )}
              <p className="said">{source.text.slice(turn.start, turn.end)}</p>
            </section>
          </Fragment>
        ))}
      </div>
    </article>
  );
}

function formatTime(seconds: number): string {
  const s = Math.floor(seconds);
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = s % 60;
  return `${hh > 0 ? `${hh}:` : ''}${String(mm).padStart(2, '0')}:${String(ss).padStart(2, '0')}`;
}
