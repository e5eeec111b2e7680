// The filters of the Time 1 / Time 2 tab, shared by the wave matrix, the paired reader, the
// change matrix and the charts: what they ask of core, and how they read in an export.
import { GROUPS, type ProjectSet, type RoleDef, type Wave } from '../shared';

export interface CompareFilters {
  roles: string[];
  sites: string[];
  groups: string[];
  /** One coder's codings only; '' for every coder. */
  coderId: string;
  includeChildren: boolean;
  ignoreInterviewer: boolean;
  pair: [string, string];
  /**
   * Sets of transcripts (project.sets ids) the comparison draws on; none or empty = all. The
   * view narrows the snapshot to them (core/project withinSets), so every section obeys it.
   */
  sets?: string[];
}

export interface WaveFilterOptions {
  coderIds?: string[];
  roles: string[];
  sites: string[];
  groups: string[];
  includeChildren: boolean;
  ignoreInterviewer: boolean;
  pair: [string, string];
}

/**
 * Options for the wave functions. In blind mode only this computer's coder is counted, whatever
 * coder the filter names: another coder's codings would unblind the comparison (with nobody
 * chosen yet, nobody's codings count).
 */
export function waveOptions(f: CompareFilters, blind: boolean, me: string | null): WaveFilterOptions {
  const coderIds = blind ? [me ?? ''] : f.coderId ? [f.coderId] : undefined;
  return {
    ...(coderIds ? { coderIds } : {}),
    roles: f.roles,
    sites: f.sites,
    groups: f.groups,
    includeChildren: f.includeChildren,
    ignoreInterviewer: f.ignoreInterviewer,
    pair: f.pair,
  };
}

/** The filters in words, written on the first line of every export and above each table. */
export function describeFilters(
  f: CompareFilters,
  setup: { waves: readonly Wave[]; roles: readonly RoleDef[]; sets?: readonly ProjectSet[] },
  coderName: (id: string) => string,
  blind: boolean,
): string {
  const label = (id: string) => setup.waves.find((w) => w.id === id)?.label ?? id;
  const roles = f.roles.map((r) => setup.roles.find((x) => x.id === r)?.label ?? r);
  const groups = f.groups.map((g) => GROUPS.find((x) => x.id === g)?.label ?? g);
  return [
    `Waves compared: ${label(f.pair[0])} → ${label(f.pair[1])}`,
    `Roles: ${roles.length ? roles.join(', ') : 'all'}`,
    `Sites: ${f.sites.length ? f.sites.join(', ') : 'all'}`,
    `Groups: ${groups.length ? groups.join(', ') : 'all'}`,
    // Named only when chosen: without sets, the line reads as it always has.
    ...(f.sets?.length ? [`Sets: ${f.sets.map((id) => setup.sets?.find((s) => s.id === id)?.name ?? id).join(', ')}`] : []),
    `Coder: ${blind ? 'only mine (blind)' : f.coderId ? coderName(f.coderId) : 'all coders'}`,
    `Sub-codes: ${f.includeChildren ? 'counted with their parents' : 'counted apart'}`,
    `Interviewer turns: ${f.ignoreInterviewer ? 'ignored' : 'counted'}`,
  ].join('; ');
}
