// Roles in the wave comparison. A man's account and his partner's are different evidence, so the
// Time 1 / Time 2 tab starts on one role (the first in the project's order with anyone
// interviewed at both waves) and always says how many of each role are counted, and when the
// counts mix roles.
//
// "Interviewed" follows core/waves exactly (context): live participants passing the filters,
// with a live source in a wave the project has.
import type { ProjectSnapshot, RoleDef } from '../shared';
import { context } from './waveContext';
import type { WaveMatrixOptions } from './waves';

export interface RoleCount {
  roleId: string;
  /** Participants of the role interviewed in each of the project's waves. */
  byWave: Record<string, number>;
  /** Of them, interviewed at both waves of the pair (0 without a pair). */
  both: number;
}

/**
 * Interviewed participants per role under the options' role, site and group filters: roles in
 * `roleOrder`, then roles it does not define by id. A role with nobody interviewed in any wave
 * is left out. `pair` as in waveMatrix (default the first two waves).
 */
export function interviewedByRole(project: ProjectSnapshot, options: WaveMatrixOptions, roleOrder: readonly RoleDef[]): RoleCount[] {
  const ctx = context(project, { ...options, coderIds: [] }); // who was interviewed needs no codings
  const roleOf = new Map(project.participants.map((p) => [p.id, p.role]));
  const counts = new Map<string, RoleCount>();
  const entry = (roleId: string) => {
    let c = counts.get(roleId);
    if (!c) counts.set(roleId, (c = { roleId, byWave: Object.fromEntries(ctx.waves.map((w) => [w, 0])), both: 0 }));
    return c;
  };
  for (const w of ctx.waves) for (const id of ctx.interviewed.get(w) ?? []) entry(roleOf.get(id)!).byWave[w]! += 1;
  if (ctx.pair) {
    const second = ctx.interviewed.get(ctx.pair[1]);
    for (const id of ctx.interviewed.get(ctx.pair[0]) ?? []) if (second?.has(id)) entry(roleOf.get(id)!).both += 1;
  }
  const rank = new Map<string, number>();
  roleOrder.forEach((r, i) => {
    if (!rank.has(r.id)) rank.set(r.id, i);
  });
  return [...counts.values()].sort((a, b) => {
    const ra = rank.get(a.roleId) ?? Infinity;
    const rb = rank.get(b.roleId) ?? Infinity;
    return ra !== rb ? ra - rb : a.roleId < b.roleId ? -1 : a.roleId > b.roleId ? 1 : 0;
  });
}

/**
 * The role the comparison starts on: the first role in `roleOrder` with at least one participant
 * interviewed at both waves of the pair, over the whole project (no site or group filter); null
 * when there is none.
 */
export function defaultRole(project: ProjectSnapshot, pair: readonly [string, string], roleOrder: readonly RoleDef[]): string | null {
  const withBoth = new Set(
    interviewedByRole(project, { pair }, roleOrder)
      .filter((r) => r.both > 0)
      .map((r) => r.roleId),
  );
  return roleOrder.find((r) => withBoth.has(r.id))?.id ?? null;
}

/**
 * n per role in words, e.g. "Interviewed: Man on programme: 2 at Time 1, 2 at Time 2, 2 at
 * both.", led by "These counts mix roles." when more than one role is counted.
 */
export function roleCountsText(
  counts: readonly RoleCount[],
  pair: readonly [string, string],
  roleOrder: readonly RoleDef[],
  waveLabel: (id: string) => string,
): string {
  if (counts.length === 0) return 'Nobody in these filters was interviewed.';
  const label = (id: string) => roleOrder.find((r) => r.id === id)?.label ?? id;
  const parts = counts.map(
    (c) =>
      `${label(c.roleId)}: ${c.byWave[pair[0]] ?? 0} at ${waveLabel(pair[0])}, ${c.byWave[pair[1]] ?? 0} at ${waveLabel(pair[1])}, ${c.both} at both`,
  );
  return `${counts.length > 1 ? 'These counts mix roles. ' : ''}Interviewed: ${parts.join('; ')}.`;
}
