// Time 1 / Time 2: the wave matrix, the paired reader and the change matrix, over one set of
// filters (roles, sites, groups, coder, the pair of waves compared). The whole project is held
// in memory here so every table is computed, not queried.
import { useMemo, useState } from 'react';
import { withinSets } from '../core/project';
import { GROUPS, type ProjectSnapshot } from '../core/shared';
import { defaultRole, type CompareFilters } from '../core/waves';
import type { ProjectSetup } from '../store/projectRepo';
import { CoderSelect } from './AnalysisFilterBar';
import { ChangeMatrixView } from './ChangeMatrixView';
import { ChartsView } from './ChartsView';
import { PairedReader } from './PairedReader';
import { SubTabs } from './common';
import { useProject } from './projectContext';
import { WaveMatrixView } from './WaveMatrixView';
import { useStable } from './useStable';
import { useProjectSnapshot } from './useProjectSnapshot';

type Section = 'matrix' | 'reader' | 'change' | 'charts';

export function CompareView(props: { setup: ProjectSetup }) {
  const { db } = useProject();
  const snapshot = useProjectSnapshot(db);
  const waves = props.setup.waves;
  const [section, setSection] = useState<Section>('matrix');
  const [filters, setFilters] = useState<CompareFilters>({
    roles: [],
    sites: [],
    groups: [],
    coderId: '',
    includeChildren: true,
    ignoreInterviewer: false,
    pair: [waves[0]?.id ?? '', waves[1]?.id ?? waves[0]?.id ?? ''],
  });
  // Until the researcher picks roles, the tab shows one: the first with anyone interviewed at
  // both waves of the pair (core/waveRoles), so men's and women's accounts are not counted as one.
  const [rolesChosen, setRolesChosen] = useState(false);
  const pair = useStable(filters.pair);
  const startRole = useMemo(
    () => (snapshot && !rolesChosen ? defaultRole(snapshot, pair, props.setup.roles) : null),
    [snapshot, rolesChosen, pair, props.setup.roles],
  );
  const shown: CompareFilters = startRole ? { ...filters, roles: [startRole] } : filters;
  const set = (patch: Partial<CompareFilters>) => {
    if (patch.roles) setRolesChosen(true);
    setFilters({ ...shown, ...patch });
  };
  const sites = [...new Set(props.setup.participants.map((p) => p.site).filter(Boolean))].sort();
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  const chosenSets = useMemo(() => shown.sets ?? [], [shown.sets]);
  const scoped = useMemo(() => snapshot && withinSets(snapshot, chosenSets), [snapshot, chosenSets]);

  return (
    <section className="compare pad">
      <SubTabs
        label="Compare waves"
        tabs={[
          ['matrix', 'Wave matrix'],
          ['reader', 'Paired reader'],
          ['change', 'Change matrix'],
          ['charts', 'Charts'],
        ]}
        current={section}
        onChoose={setSection}
      />
      <div className="filters row" aria-label="Filters">
        <fieldset className="row">
          <legend>Roles</legend>
          {props.setup.roles.map((r) => (
            <label key={r.id}>
              <input type="checkbox" checked={shown.roles.includes(r.id)} onChange={() => set({ roles: toggle(shown.roles, r.id) })} />{' '}
              {r.label}
            </label>
          ))}
        </fieldset>
        {sites.length > 0 && (
          <fieldset className="row">
            <legend>Sites</legend>
            {sites.map((s) => (
              <label key={s}>
                <input type="checkbox" checked={shown.sites.includes(s)} onChange={() => set({ sites: toggle(shown.sites, s) })} /> {s}
              </label>
            ))}
          </fieldset>
        )}
        {props.setup.sets.length > 0 && (
          <fieldset className="row">
            <legend>Sets</legend>
            {props.setup.sets.map((s) => (
              <label key={s.id}>
                <input type="checkbox" checked={chosenSets.includes(s.id)} onChange={() => set({ sets: toggle(chosenSets, s.id) })} />{' '}
                {s.name}
              </label>
            ))}
          </fieldset>
        )}
        <fieldset className="row">
          <legend>Group</legend>
          {GROUPS.filter((g) => g.id).map((g) => (
            <label key={g.id}>
              <input type="checkbox" checked={shown.groups.includes(g.id)} onChange={() => set({ groups: toggle(shown.groups, g.id) })} />{' '}
              {g.label}
            </label>
          ))}
        </fieldset>
        <CoderSelect value={shown.coderId} onChange={(coderId) => set({ coderId })} />
        {waves.length > 2 && (
          <label>
            Compare{' '}
            <select aria-label="First wave" value={shown.pair[0]} onChange={(e) => set({ pair: [e.target.value, shown.pair[1]] })}>
              {waves.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.label}
                </option>
              ))}
            </select>{' '}
            with{' '}
            <select aria-label="Second wave" value={shown.pair[1]} onChange={(e) => set({ pair: [shown.pair[0], e.target.value] })}>
              {waves.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          <input type="checkbox" checked={shown.includeChildren} onChange={(e) => set({ includeChildren: e.target.checked })} /> Parents
          include sub-codes
        </label>
        <label>
          <input type="checkbox" checked={shown.ignoreInterviewer} onChange={(e) => set({ ignoreInterviewer: e.target.checked })} /> Ignore
          interviewer turns
        </label>
      </div>
      {!scoped ? (
        <p className="muted">Counting…</p>
      ) : waves.length < 2 ? (
        <p className="muted">Comparing needs at least two waves; add one on the Project tab.</p>
      ) : (
        <CompareSection section={section} snapshot={scoped} setup={props.setup} filters={shown} />
      )}
    </section>
  );
}

function CompareSection(props: { section: Section; snapshot: ProjectSnapshot; setup: ProjectSetup; filters: CompareFilters }) {
  if (props.section === 'matrix') return <WaveMatrixView {...props} />;
  if (props.section === 'reader') return <PairedReader {...props} />;
  if (props.section === 'charts') return <ChartsView {...props} />;
  return <ChangeMatrixView {...props} />;
}
