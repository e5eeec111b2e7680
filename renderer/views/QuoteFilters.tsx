// The quote query as a form: codes (any of / all of), codes to leave out, people, waves,
// coders and words. Empty choices mean "no restriction", as in core/quotes.
import { orderedTree } from '../core/codebook';
import { GROUPS, type ProjectSnapshot } from '../core/shared';
import type { QuoteQuery } from '../core/quotes';
import type { ProjectSetup } from '../store/projectRepo';
import { useProject } from './projectContext';

const toggle = (list: readonly string[] | undefined, id: string) =>
  list?.includes(id) ? list.filter((x) => x !== id) : [...(list ?? []), id];

/** Chosen items as removable chips, with a select to add one more. */
function Chips(props: {
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

export function QuoteFilters(props: {
  snapshot: ProjectSnapshot;
  setup: ProjectSetup;
  query: QuoteQuery;
  onChange(query: QuoteQuery): void;
  setIds: string[];
  onSets(setIds: string[]): void;
}) {
  const { codes, coders, blind } = useProject();
  const { query } = props;
  const set = (patch: Partial<QuoteQuery>) => props.onChange({ ...query, ...patch });
  const codeOptions = orderedTree(codes).map(({ code, depth }) => ({ id: code.id, label: `${'\u00a0\u00a0'.repeat(depth)}${code.name}` }));
  const sites = [...new Set(props.setup.participants.map((p) => p.site).filter(Boolean))].sort();
  const people = props.setup.participants.map((p) => ({ id: p.id, label: p.pseudonym }));
  return (
    <div className="filters quote-filters" aria-label="Quote filters">
      <fieldset className="row">
        <legend>Codes</legend>
        <select aria-label="Match" value={query.match ?? 'any'} onChange={(e) => set({ match: e.target.value as 'any' | 'all' })}>
          <option value="any">any of</option>
          <option value="all">all of</option>
        </select>
        <Chips label="Add a code" options={codeOptions} chosen={query.codeIds ?? []} onChange={(codeIds) => set({ codeIds })} />
        <label>
          <input type="checkbox" checked={query.includeChildren ?? false} onChange={(e) => set({ includeChildren: e.target.checked })} />{' '}
          with sub-codes
        </label>
      </fieldset>
      <fieldset className="row">
        <legend>None of</legend>
        <Chips
          label="Leave out a code"
          options={codeOptions}
          chosen={query.excludeCodeIds ?? []}
          onChange={(excludeCodeIds) => set({ excludeCodeIds })}
        />
      </fieldset>
      <div className="row wrap">
        <fieldset className="row">
          <legend>Waves</legend>
          {props.setup.waves.map((w) => (
            <label key={w.id}>
              <input
                type="checkbox"
                checked={query.waves?.includes(w.id) ?? false}
                onChange={() => set({ waves: toggle(query.waves, w.id) })}
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
                checked={query.roles?.includes(r.id) ?? false}
                onChange={() => set({ roles: toggle(query.roles, r.id) })}
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
                  checked={query.sites?.includes(s) ?? false}
                  onChange={() => set({ sites: toggle(query.sites, s) })}
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
                checked={query.groups?.includes(g.id) ?? false}
                onChange={() => set({ groups: toggle(query.groups, g.id) })}
              />{' '}
              {g.label}
            </label>
          ))}
        </fieldset>
      </div>
      <div className="row wrap">
        <fieldset className="row">
          <legend>Participants</legend>
          <Chips
            label="Add a participant"
            options={people}
            chosen={query.participantIds ?? []}
            onChange={(participantIds) => set({ participantIds })}
          />
        </fieldset>
        <fieldset className="row">
          <legend>Coders</legend>
          {blind ? (
            <span className="muted small">only mine (blind)</span>
          ) : (
            coders.map((c) => (
              <label key={c.id}>
                <input
                  type="checkbox"
                  checked={query.coderIds?.includes(c.id) ?? false}
                  onChange={() => set({ coderIds: toggle(query.coderIds, c.id) })}
                />{' '}
                {c.name}
              </label>
            ))
          )}
        </fieldset>
        <label>
          Words{' '}
          <input
            type="search"
            aria-label="Words in the passage"
            placeholder='e.g. penny "light bulb"'
            value={query.text ?? ''}
            onChange={(e) => set({ text: e.target.value })}
          />
        </label>
      </div>
    </div>
  );
}
