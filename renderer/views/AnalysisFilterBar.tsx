// The Analysis tab's filters, one bar over all its sections: who and when (as on the Quotes and
// Search tabs), whose codings, and how codes count.
import type { AnalysisFilters } from '../core/analysis';
import type { ProjectSetup } from '../store/projectRepo';
import { useProject } from './projectContext';
import { ScopeFilters } from './ScopeFilters';

export function AnalysisFilterBar(props: { setup: ProjectSetup; value: AnalysisFilters; onChange(value: AnalysisFilters): void }) {
  const { value } = props;
  const set = (patch: Partial<AnalysisFilters>) => props.onChange({ ...value, ...patch });
  return (
    <div className="filters analysis-filters" aria-label="Filters">
      <ScopeFilters
        setup={props.setup}
        value={value}
        onChange={props.onChange}
        setIds={value.setIds}
        onSets={(setIds) => set({ setIds })}
        withParticipants={false}
      />
      <div className="row wrap">
        <CoderSelect value={value.coderId} onChange={(coderId) => set({ coderId })} />
        <label>
          <input type="checkbox" checked={value.includeChildren} onChange={(e) => set({ includeChildren: e.target.checked })} /> Parents
          include sub-codes
        </label>
        <label>
          <input type="checkbox" checked={value.ignoreInterviewer} onChange={(e) => set({ ignoreInterviewer: e.target.checked })} /> Ignore
          interviewer turns
        </label>
      </div>
    </div>
  );
}

/** One coder's codings or everyone's (the consensus layer is a coder); in blind mode only mine, fixed. */
export function CoderSelect(props: { value: string; onChange(coderId: string): void }) {
  const { coders, blind } = useProject();
  return (
    <label>
      Coder{' '}
      <select aria-label="Coder" value={blind ? '' : props.value} disabled={blind} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{blind ? 'Only mine (blind)' : 'All coders'}</option>
        {coders.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}
