// The filters of the Analysis tab, shared by co-occurrence, the matrix query, the code overview
// and saturation: what they ask of core, and how they read above a table and on the first line
// of an export. Waves and sets narrow the transcripts here (unlike the Time 1 / Time 2 tab, whose
// pair of waves is its subject).
import { GROUPS, type ProjectSet, type RoleDef, type Wave } from '../shared';
import type { SourceFilter, StretchOptions } from './scope';

export interface AnalysisFilters {
  waves: string[];
  roles: string[];
  sites: string[];
  groups: string[];
  setIds: string[];
  /** One coder's codings only (the consensus layer is a coder too); '' for every coder. */
  coderId: string;
  includeChildren: boolean;
  ignoreInterviewer: boolean;
}

export const NO_ANALYSIS_FILTERS: AnalysisFilters = {
  waves: [],
  roles: [],
  sites: [],
  groups: [],
  setIds: [],
  coderId: '',
  includeChildren: true,
  ignoreInterviewer: false,
};

/**
 * Options for the analyses. In blind mode only this computer's coder is counted, whatever coder
 * the filter names, as on the Time 1 / Time 2 tab: another coder's codings would unblind.
 */
export function analysisOptions(f: AnalysisFilters, blind: boolean, me: string | null): SourceFilter & StretchOptions {
  const coderIds = blind ? [me ?? ''] : f.coderId ? [f.coderId] : undefined;
  return {
    ...(coderIds ? { coderIds } : {}),
    waves: f.waves,
    roles: f.roles,
    sites: f.sites,
    groups: f.groups,
    setIds: f.setIds,
    includeChildren: f.includeChildren,
    ignoreInterviewer: f.ignoreInterviewer,
  };
}

/** The filters in words. */
export function describeAnalysisFilters(
  f: AnalysisFilters,
  setup: { waves: readonly Wave[]; roles: readonly RoleDef[]; sets?: readonly ProjectSet[] },
  coderName: (id: string) => string,
  blind: boolean,
): string {
  const names = (ids: readonly string[], name: (id: string) => string) => (ids.length ? ids.map(name).join(', ') : 'all');
  return [
    `Waves: ${names(f.waves, (id) => setup.waves.find((w) => w.id === id)?.label ?? id)}`,
    `Roles: ${names(f.roles, (id) => setup.roles.find((r) => r.id === id)?.label ?? id)}`,
    `Sites: ${names(f.sites, (s) => s)}`,
    `Groups: ${names(f.groups, (id) => GROUPS.find((g) => g.id === id)?.label ?? id)}`,
    ...(f.setIds.length ? [`Sets: ${names(f.setIds, (id) => setup.sets?.find((s) => s.id === id)?.name ?? id)}`] : []),
    `Coder: ${blind ? 'only mine (blind)' : f.coderId ? coderName(f.coderId) : 'all coders'}`,
    `Sub-codes: ${f.includeChildren ? 'counted with their parents' : 'counted apart'}`,
    `Interviewer turns: ${f.ignoreInterviewer ? 'ignored' : 'counted'}`,
  ].join('; ');
}
