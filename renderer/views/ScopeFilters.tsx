// Who and when a query draws on, as every tab filters: waves, sets, roles, sites, groups and
// participants. Empty choices mean "no restriction", as in core. The Quotes and Search tabs
// share it, so a filter reads the same wherever it is set.
import { GROUPS } from '../core/shared';
import type { ProjectSetup } from '../store/projectRepo';

export interface ScopeValue {
  waves?: string[];
  roles?: string[];
  sites?: string[];
  groups?: string[];
  participantIds?: string[];
}

export const toggle = (list: readonly string[] | undefined, id: string) =>
  list?.includes(id) ? list.filter((x) => x !== id) : [...(list ?? []), id];

/** Chosen items as removable chips, with a select to add one more. */
export function Chips(props: {
  label: string;
  options: { id: string; label: string }[];
  chosen: readonly string[];
  onChange(ids: string[]): void;
}) {
  const name = (id: string) => props.options.find((o) => o.id === id)?.label.trim() ?? id;
  return (
    <div className="chips row">
      {props.chosen.map((id) => (
        <span key={id} className="chip">
          {name(id)}
          <button
            type="button"
            className="link"
            aria-label={`Remove ${name(id)}`}
            onClick={() => props.onChange(props.chosen.filter((x) => x !== id))}
          >
            ×
          </button>
        </span>
      ))}
      <select aria-label={props.label} value="" onChange={(e) => e.target.value && props.onChange([...props.chosen, e.target.value])}>
        <option value="">{props.label}…</option>
        {props.options
          .filter((o) => !props.chosen.includes(o.id))
          .map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
      </select>
    </div>
  );
}

export function ScopeFilters<T extends ScopeValue>(props: {
  setup: ProjectSetup;
  value: T;
  onChange(value: T): void;
  setIds: string[];
  onSets(setIds: string[]): void;
  /** The participants chips; the Analysis tab counts over people, so it has none. Default true. */
  withParticipants?: boolean;
}) {
  const change = (patch: ScopeValue) => props.onChange({ ...props.value, ...patch });
  const sites = [...new Set(props.setup.participants.map((p) => p.site).filter(Boolean))].sort();
  const people = props.setup.participants.map((p) => ({ id: p.id, label: p.pseudonym }));
  return (
    <>
      <div className="row wrap">
        <fieldset className="row">
          <legend>Waves</legend>
          {props.setup.waves.map((w) => (
            <label key={w.id}>
              <input
                type="checkbox"
                checked={props.value.waves?.includes(w.id) ?? false}
                onChange={() => change({ waves: toggle(props.value.waves, w.id) })}
              />{' '}
              {w.label}
            </label>
          ))}
        </fieldset>
        {props.setup.sets.length > 0 && (
          <fieldset className="row">
            <legend>Sets</legend>
            {props.setup.sets.map((s) => (
              <label key={s.id}>
                <input type="checkbox" checked={props.setIds.includes(s.id)} onChange={() => props.onSets(toggle(props.setIds, s.id))} />{' '}
                {s.name}
              </label>
            ))}
          </fieldset>
        )}
        <fieldset className="row">
          <legend>Roles</legend>
          {props.setup.roles.map((r) => (
            <label key={r.id}>
              <input
                type="checkbox"
                checked={props.value.roles?.includes(r.id) ?? false}
                onChange={() => change({ roles: toggle(props.value.roles, r.id) })}
              />{' '}
              {r.label}
            </label>
          ))}
        </fieldset>
        {sites.length > 0 && (
          <fieldset className="row">
            <legend>Sites</legend>
            {sites.map((s) => (
              <label key={s}>
                <input
                  type="checkbox"
                  checked={props.value.sites?.includes(s) ?? false}
                  onChange={() => change({ sites: toggle(props.value.sites, s) })}
                />{' '}
                {s}
              </label>
            ))}
          </fieldset>
        )}
        <fieldset className="row">
          <legend>Group</legend>
          {GROUPS.filter((g) => g.id).map((g) => (
            <label key={g.id}>
              <input
                type="checkbox"
                checked={props.value.groups?.includes(g.id) ?? false}
                onChange={() => change({ groups: toggle(props.value.groups, g.id) })}
              />{' '}
              {g.label}
            </label>
          ))}
        </fieldset>
      </div>
      {props.withParticipants !== false && (
        <div className="row wrap">
          <fieldset className="row">
            <legend>Participants</legend>
            <Chips
              label="Add a participant"
              options={people}
              chosen={props.value.participantIds ?? []}
              onChange={(participantIds) => change({ participantIds })}
            />
          </fieldset>
        </div>
      )}
    </>
  );
}
