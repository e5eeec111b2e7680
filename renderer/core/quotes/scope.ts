// Who and what a query may draw on: live records, the person filters and the wave filter. The
// finder and the counts share these so that "9 of 12 participants" counts exactly the people
// whose transcripts the finder searched.
import type { Participant, ProjectSnapshot, Source } from '../shared';
import type { QuoteQuery } from './types';

/** undefined or [] is "no restriction" (null); otherwise the set of allowed values. */
export function allowed(list: readonly string[] | undefined): ReadonlySet<string> | null {
  return list && list.length > 0 ? new Set(list) : null;
}

export interface PersonFilter {
  /** True when no person filter is set, so a transcript without a participant still passes. */
  readonly open: boolean;
  passes(person: Participant | undefined): boolean;
}

export function personFilter(query: QuoteQuery): PersonFilter {
  const roles = allowed(query.roles);
  const sites = allowed(query.sites);
  const groups = allowed(query.groups);
  const ids = allowed(query.participantIds);
  const open = !roles && !sites && !groups && !ids;
  return {
    open,
    passes(person) {
      if (open) return true;
      // A transcript nobody is attached to cannot be "by a woman" or "from site North".
      if (!person) return false;
      return (
        (!roles || roles.has(person.role)) &&
        (!sites || sites.has(person.site)) &&
        (!groups || groups.has(person.group)) &&
        (!ids || ids.has(person.id))
      );
    },
  };
}

/** Live participants by id: a deleted participant's transcripts read as having no participant. */
export function liveParticipants(project: ProjectSnapshot): Map<string, Participant> {
  const out = new Map<string, Participant>();
  for (const p of project.participants) if (p.deletedAt == null) out.set(p.id, p);
  return out;
}

export function personOf(source: Source, people: ReadonlyMap<string, Participant>): Participant | undefined {
  return source.participantId === null ? undefined : people.get(source.participantId);
}

/** A wave's place in reading order (its `order`, else its position); unknown waves go last. */
export function waveRanks(project: ProjectSnapshot): Map<string, number> {
  return new Map(project.waves.map((w, i) => [w.id, w.order ?? i]));
}

/** The project's waves in order (a stable sort, so equal orders keep their list order). */
export function orderedWaves(project: ProjectSnapshot): ProjectSnapshot['waves'] {
  return project.waves
    .map((w, i) => ({ w, rank: w.order ?? i }))
    .sort((a, b) => a.rank - b.rank)
    .map((x) => x.w);
}
