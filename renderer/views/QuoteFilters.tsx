// The quote query as a form: codes (any of / all of), codes to leave out, people, waves and
// sets (ScopeFilters, shared with the Search tab), coders and words. Empty choices mean "no
// restriction", as in core/quotes.
import { orderedTree } from '../core/codebook';
import type { ProjectSnapshot } from '../core/shared';
import type { QuoteQuery } from '../core/quotes';
import type { ProjectSetup } from '../store/projectRepo';
import { useProject } from './projectContext';
import { Chips, ScopeFilters, toggle } from './ScopeFilters';

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
      <ScopeFilters setup={props.setup} value={query} onChange={props.onChange} setIds={props.setIds} onSets={props.onSets} />
      <div className="row wrap">
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
