// The parts of a survey import's preview that settle who and when: each participant the file
// names that the project does not know (one of them, a new participant, or left out; a settled
// one taken back again), the new participants' group, and which project time point each of the
// file's is. Each is a table of what the file says beside a choice.
import type { ReactNode } from 'react';
import { GROUPS, naturalCompare, type Group, type ProjectSnapshot } from '../core/shared';
import { surveyLabelKey, type SurveyImportChoices, type SurveyImportPlan } from '../core/surveys';

/** What the file says, one row each, beside the choice made of it. */
function MatchTable(props: { className: string; withRows?: boolean; children: ReactNode }) {
  return (
    <table className={`grid ${props.className}`}>
      <thead>
        <tr>
          <th>In the file</th>
          {props.withRows && <th>Rows</th>}
          <th>Is</th>
        </tr>
      </thead>
      <tbody>{props.children}</tbody>
    </table>
  );
}

export function SurveyImportMatches(props: {
  snapshot: ProjectSnapshot;
  plan: SurveyImportPlan;
  choices: SurveyImportChoices;
  set: (patch: Partial<SurveyImportChoices>) => void;
}) {
  const { snapshot, plan, choices, set } = props;
  const match = (key: string, value: string) => set({ participantMatches: { ...choices.participantMatches, [key]: value } });
  /** The file's time point (by label key) → a project time point's id or 'new', keeping the others as they are now. */
  const matchTime = (fileLabel: string, to: string) => {
    const now = Object.fromEntries(plan.timePoints.map((t) => [surveyLabelKey(t.fileLabel), t.isNew ? 'new' : t.record.id]));
    set({ timePointMatches: { ...now, [surveyLabelKey(fileLabel)]: to } });
  };
  const women = snapshot.participants.filter((p) => p.deletedAt == null).sort((a, b) => naturalCompare(a.pseudonym, b.pseudonym));
  const pseudonym = (id: string) => snapshot.participants.find((p) => p.id === id)?.pseudonym ?? id;
  return (
    <>
      {plan.unmatched.length > 0 && (
        <>
          <h4>Who are they? ({plan.unmatched.length})</h4>
          <p className="small muted">These names or ids are not participants of this project. Nothing is imported until each is settled.</p>
          <MatchTable className="survey-unmatched" withRows>
            {plan.unmatched.map((u) => (
              <tr key={u.key}>
                <td>{u.value}</td>
                <td className="small">
                  {u.rows.slice(0, 6).join(', ')}
                  {u.rows.length > 6 ? '…' : ''}
                </td>
                <td>
                  <select aria-label={`Who is ${u.value}`} value="" onChange={(e) => match(u.key, e.target.value)}>
                    <option value="">— choose —</option>
                    {u.suggestions.map((id) => (
                      <option key={`s${id}`} value={id}>
                        {pseudonym(id)} (close match)
                      </option>
                    ))}
                    <option value="new">Add as a new participant</option>
                    <option value="skip">Leave out</option>
                    <optgroup label="Everyone">
                      {women.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.pseudonym}
                        </option>
                      ))}
                    </optgroup>
                  </select>
                </td>
              </tr>
            ))}
          </MatchTable>
        </>
      )}
      {Object.keys(choices.participantMatches ?? {}).length > 0 && (
        <ul className="small settled" aria-label="Settled">
          {Object.entries(choices.participantMatches ?? {}).map(([key, to]) => (
            <li key={key}>
              {key} → {to === 'new' ? 'a new participant' : to === 'skip' ? 'left out' : pseudonym(to)}{' '}
              <button
                type="button"
                className="link"
                onClick={() =>
                  set({
                    participantMatches: Object.fromEntries(Object.entries(choices.participantMatches ?? {}).filter(([k]) => k !== key)),
                  })
                }
              >
                Change
              </button>
            </li>
          ))}
        </ul>
      )}
      {(plan.newParticipants.length > 0 || Object.values(choices.participantMatches ?? {}).includes('new')) && (
        <label>
          New participants’ group{' '}
          <select
            aria-label="New participants’ group"
            value={choices.newParticipantGroup ?? ''}
            onChange={(e) => set({ newParticipantGroup: e.target.value as Group })}
          >
            {GROUPS.map((g) => (
              <option key={g.id} value={g.id}>
                {g.label}
              </option>
            ))}
          </select>
        </label>
      )}
      {plan.timePoints.length > 0 && (snapshot.surveyTimePoints ?? []).length > 0 && (
        <>
          <h4>Time points</h4>
          {plan.timePointsByOrder && (
            <p className="small" role="note">
              No time point of the file has a name the project has, and it has as many: they were taken in order. Check them.
            </p>
          )}
          <MatchTable className="survey-time-matches">
            {plan.timePoints.map((t) => (
              <tr key={t.fileLabel}>
                <td>{t.fileLabel}</td>
                <td>
                  <select
                    aria-label={`Time point ${t.fileLabel} is`}
                    value={t.isNew ? 'new' : t.record.id}
                    onChange={(e) => matchTime(t.fileLabel, e.target.value)}
                  >
                    <option value="new">A new time point</option>
                    {(snapshot.surveyTimePoints ?? []).map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.label}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </MatchTable>
        </>
      )}
    </>
  );
}
