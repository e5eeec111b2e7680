// One case: a woman's survey answers on a measure at every time point, beside her own coded
// passages at the two interview waves and those of the people linked to her (her (ex-)partner,
// their child): does his account match hers? Every passage opens its place in the transcript.
import { useMemo, useState } from 'react';
import type { ProjectSnapshot } from '../core/shared';
import { caseAnswers, itemText, linkedPeople, surveyedParticipants } from '../core/surveys';
import { pairedByCode, type PairedRow } from '../core/waves';
import type { ProjectSetup } from '../store/projectRepo';
import { MeasureSelect, surveyMeasures } from './SurveyControls';
import { useProject } from './projectContext';
import { openPassage } from './route';

function onePerPlace<T extends { sourceId: string; start: number; end: number }>(passages: readonly T[]): T[] {
  const seen = new Set<string>();
  return passages.filter((p) => {
    const key = `${p.sourceId}:${p.start}:${p.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const answerMark = (reported: boolean | null) => (reported === null ? '–' : reported ? 'Yes' : 'No');

export function SurveyCase(props: { snapshot: ProjectSnapshot; setup: ProjectSetup }) {
  const { snapshot, setup } = props;
  const people = useMemo(() => surveyedParticipants(snapshot), [snapshot]);
  // Women interviewed too first: theirs are the cases with both kinds of evidence.
  const interviewed = new Set(snapshot.sources.filter((s) => s.deletedAt == null).map((s) => s.participantId));
  const ordered = [...people.filter((p) => interviewed.has(p.id)), ...people.filter((p) => !interviewed.has(p.id))];
  const measures = surveyMeasures(snapshot);
  const [personId, setPersonId] = useState('');
  const [measureId, setMeasureId] = useState('');
  const person = ordered.find((p) => p.id === personId) ?? ordered[0];
  const measure = measures.find((m) => m.id === measureId) ?? measures[0];
  const timePoints = snapshot.surveyTimePoints ?? [];
  const pair: [string, string] = [setup.waves[0]?.id ?? '', setup.waves[1]?.id ?? setup.waves[0]?.id ?? ''];
  if (!person || !measure) return <p className="muted">No one has answered the survey on a measure linked to the codebook yet.</p>;
  const answers = caseAnswers(snapshot, person.id, measure.id);
  const linked = linkedPeople(snapshot, person.id);
  const accounts = [{ who: person, link: 'her own account' }, ...linked.map((l) => ({ who: l.participant, link: l.link }))];
  const titleOf = (a: (typeof accounts)[number]) =>
    a.who.id === person.id ? `${a.who.pseudonym} (her own account)` : `${a.who.pseudonym} (${a.link})`;
  const waveLabel = (id: string) => setup.waves.find((w) => w.id === id)?.label ?? id;

  return (
    <div className="survey-case">
      <div className="row">
        <label>
          Participant{' '}
          <select aria-label="Participant" value={person.id} onChange={(e) => setPersonId(e.target.value)}>
            {ordered.map((p) => (
              <option key={p.id} value={p.id}>
                {p.pseudonym}
                {interviewed.has(p.id) ? ' (interviewed)' : ''}
              </option>
            ))}
          </select>
        </label>
        <MeasureSelect measures={measures} value={measure.id} onChange={setMeasureId} />
      </div>
      <h3>
        {person.pseudonym}’s survey answers: {measure.name}
      </h3>
      <table className="grid case-answers">
        <thead>
          <tr>
            <th>Item</th>
            {timePoints.map((t) => (
              <th key={t.id} className="num">
                {t.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {answers.map((row) => (
            <tr key={row.item.id}>
              <th scope="row">{itemText(row.item)}</th>
              {row.answers.map((a) => (
                <td
                  key={a.timePointId}
                  className={`num answer ${a.reported === null ? 'missing' : a.reported ? 'yes' : 'no'}`}
                  title={a.value === undefined ? 'No answer' : String(a.value)}
                >
                  {answerMark(a.reported)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <h3>
        The accounts at {waveLabel(pair[0])} and {waveLabel(pair[1])}
      </h3>
      {linked.length === 0 && (
        <p className="small muted">
          No one is linked to {person.pseudonym}; link her partner on the Participants tab to read his account beside hers.
        </p>
      )}
      <div className="case-accounts">
        {accounts.map((a) => (
          <Account
            key={a.who.id}
            snapshot={snapshot}
            participantId={a.who.id}
            title={titleOf(a)}
            measureId={measure.id}
            pair={pair}
            waveLabel={waveLabel}
          />
        ))}
      </div>
    </div>
  );
}

function Account(props: {
  snapshot: ProjectSnapshot;
  participantId: string;
  title: string;
  measureId: string;
  pair: [string, string];
  waveLabel: (id: string) => string;
}) {
  const { projectId } = useProject();
  // Two coders' codings of the same words are one passage here: this view reads accounts, not coders.
  const rows: PairedRow[] = pairedByCode(props.snapshot, props.participantId, props.pair, { codeId: props.measureId }).map((row) => ({
    ...row,
    first: onePerPlace(row.first),
    second: onePerPlace(row.second),
  }));
  const name = (id: string) => props.snapshot.codes.find((c) => c.id === id)?.name ?? '';
  return (
    <section className="account" aria-label={props.title}>
      <h4>{props.title}</h4>
      {rows.length === 0 ? (
        <p className="small muted">Nothing coded on this measure in the interviews.</p>
      ) : (
        rows.map((row) => (
          <div key={row.codeId} className="account-row">
            <strong>{name(row.codeId)}</strong>
            <div className="paired">
              {[row.first, row.second].map((passages, i) => (
                <div key={i}>
                  <span className="small muted">{props.waveLabel(props.pair[i]!)}</span>
                  {passages.length === 0 && <p className="small muted">—</p>}
                  {passages.map((p) => (
                    <blockquote key={p.codingId}>
                      <button type="button" className="link" onClick={() => openPassage(projectId, p)}>
                        {p.text.length > 280 ? `${p.text.slice(0, 280)}…` : p.text}
                      </button>
                    </blockquote>
                  ))}
                </div>
              ))}
            </div>
          </div>
        ))
      )}
    </section>
  );
}
