// The project's sets on the Transcripts tab: named groups of transcripts (a file from NVivo,
// ATLAS.ti or MAXQDA brings its own), made, renamed, filled and deleted here. The list above
// filters by them (SetFilter). Codes a set holds are listed here and chosen on the Codebook tab
// (CodeSetsField). Saved whole, logged; not undoable, like roles and waves.
import { useState } from 'react';
import { addSet, removeSet, renameSet, setCodeMembership, setSourceMembership } from '../core/project';
import { codePathText } from '../core/codebook';
import type { ProjectSet } from '../core/shared';
import type { ProjectDb, SourceMeta } from '../store/projectDb';
import { saveSets } from '../store/projectRepo';
import { ErrorLine, useAction } from './common';
import { useProject } from './projectContext';

export function SetFilter(props: { sets: ProjectSet[]; value: string | null; onChange(setId: string | null): void }) {
  if (props.sets.length === 0) return null;
  return (
    <select aria-label="Show transcripts of set" value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value || null)}>
      <option value="">All sets</option>
      {props.sets.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </select>
  );
}

/**
 * The sets one code is in, as checkboxes, on the Codebook tab: NVivo, MAXQDA and ATLAS.ti group
 * codes in sets too, and their files bring them; here they are kept, shown and changed.
 */
export function CodeSetsField(props: { db: ProjectDb; sets: ProjectSet[]; codeId: string; codeName: string }) {
  const { db, sets, codeId, codeName } = props;
  const [error, run, dismiss] = useAction();
  if (sets.length === 0) return null;
  return (
    <fieldset className="code-sets">
      <legend>Sets</legend>
      <ErrorLine error={error} onDismiss={dismiss} />
      {sets.map((set) => {
        const member = set.codeIds.includes(codeId);
        return (
          <label key={set.id} className="check">
            <input
              type="checkbox"
              checked={member}
              onChange={(e) => {
                const on = e.target.checked;
                void run(() =>
                  saveSets(
                    db,
                    setCodeMembership(sets, set.id, codeId, on),
                    `${on ? 'Put' : 'Took'} code "${codeName}" ${on ? 'in' : 'out of'} set "${set.name}"`,
                  ),
                );
              }}
            />{' '}
            {set.name}
          </label>
        );
      })}
    </fieldset>
  );
}

export function SetsPanel(props: { db: ProjectDb; sets: ProjectSet[]; sources: SourceMeta[] }) {
  const { db, sets, sources } = props;
  const { codes } = useProject();
  const [name, setName] = useState('');
  const [error, run, dismiss] = useAction();
  // The list is made inside run: a refused name is shown, not thrown.
  const save = (next: () => ProjectSet[], summary: string) => run(() => saveSets(db, next(), summary));
  const live = new Set(sources.map((s) => s.id));
  return (
    <section className="sets" aria-label="Sets">
      <h2>Sets</h2>
      <p className="muted">Named groups of transcripts, beside waves: e.g. a site, a cohort, those read twice.</p>
      <ErrorLine error={error} onDismiss={dismiss} />
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void save(() => addSet(sets, name, crypto.randomUUID()), `Created set "${name.trim()}"`).then((ok) => ok && setName(''));
        }}
      >
        <input aria-label="New set name" placeholder="New set" value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" disabled={!name.trim()}>
          Add set
        </button>
      </form>
      <ul className="plain">
        {sets.map((set) => {
          const members = set.sourceIds.filter((id) => live.has(id)).length;
          return (
            <li key={set.id}>
              <details>
                <summary>
                  {set.name}{' '}
                  <span className="muted">
                    ({members === 1 ? '1 transcript' : `${members} transcripts`}
                    {set.codeIds.length ? `, ${set.codeIds.length === 1 ? '1 code' : `${set.codeIds.length} codes`}` : ''})
                  </span>
                </summary>
                {set.description && <p className="muted small">{set.description}</p>}
                <div className="row">
                  <input
                    aria-label={`Name of set ${set.name}`}
                    defaultValue={set.name}
                    onBlur={(e) => {
                      if (e.target.value.trim() !== set.name)
                        void save(() => renameSet(sets, set.id, e.target.value), `Renamed set "${set.name}"`);
                    }}
                  />
                  <button
                    type="button"
                    className="danger"
                    onClick={() => void save(() => removeSet(sets, set.id), `Deleted set "${set.name}"`)}
                  >
                    Delete set
                  </button>
                </div>
                {set.codeIds.length > 0 && (
                  <ul className="plain set-codes" aria-label={`Codes in set ${set.name}`}>
                    {set.codeIds.map((codeId) => {
                      const name = codes.some((c) => c.id === codeId) ? codePathText(codes, codeId, ' › ') : 'a deleted code';
                      return (
                        <li key={codeId}>
                          <span className="muted small">Code:</span> {name}{' '}
                          <button
                            type="button"
                            className="icon"
                            aria-label={`Take code ${name} out of set ${set.name}`}
                            onClick={() =>
                              void save(
                                () => setCodeMembership(sets, set.id, codeId, false),
                                `Took code "${name}" out of set "${set.name}"`,
                              )
                            }
                          >
                            ×
                          </button>
                        </li>
                      );
                    })}
                  </ul>
                )}
                <ul className="plain set-members">
                  {sources.map((s) => (
                    <li key={s.id}>
                      <label>
                        <input
                          type="checkbox"
                          checked={set.sourceIds.includes(s.id)}
                          onChange={(e) =>
                            void save(
                              () => setSourceMembership(sets, set.id, s.id, e.target.checked),
                              `${e.target.checked ? 'Put' : 'Took'} "${s.title}" ${e.target.checked ? 'in' : 'out of'} set "${set.name}"`,
                            )
                          }
                        />{' '}
                        {s.title}
                      </label>
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
