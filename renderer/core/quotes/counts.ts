// "14 passages from 9 of 12 participants": how many passages, from how many people, out of how
// many who could have said it. The denominator is honest: the people the query's person and
// wave filters admit who have a transcript to be quoted from, not everyone in the project.
import type { ProjectSnapshot } from '../shared';
import { allowed, liveParticipants, orderedWaves, personFilter } from './scope';
import type { Quote, QuoteQuery } from './types';

export interface QuoteCounts {
  passages: number;
  participants: number;
  of: number;
  byWave: { wave: string; label: string; passages: number; participants: number; of: number }[];
}

export function quoteCounts(project: ProjectSnapshot, quotes: readonly Quote[], query: QuoteQuery): QuoteCounts {
  const persons = personFilter(query);
  const waves = allowed(query.waves);
  const people = liveParticipants(project);
  // Who could be quoted, overall and per wave: passing participants with a live transcript there.
  const eligible = new Set<string>();
  const eligibleIn = new Map<string, Set<string>>();
  for (const s of project.sources) {
    if (s.deletedAt != null || s.participantId === null) continue;
    const person = people.get(s.participantId);
    if (!person || !persons.passes(person)) continue;
    if (waves && (s.wave === null || !waves.has(s.wave))) continue;
    eligible.add(person.id);
    if (s.wave !== null) eligibleIn.set(s.wave, (eligibleIn.get(s.wave) ?? new Set()).add(person.id));
  }
  const byWave = orderedWaves(project)
    .filter((w) => !waves || waves.has(w.id))
    .map((w) => {
      const here = quotes.filter((q) => q.wave === w.id);
      return { wave: w.id, label: w.label, passages: here.length, participants: speakers(here), of: eligibleIn.get(w.id)?.size ?? 0 };
    })
    .filter((row) => row.of > 0 || row.passages > 0);
  return { passages: quotes.length, participants: speakers(quotes), of: eligible.size, byWave };
}

function speakers(quotes: readonly Quote[]): number {
  return new Set(quotes.map((q) => q.participantId).filter((id) => id !== '')).size;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** e.g. '14 passages from 9 of 12 participants · Time 1: 5 passages from 4 of 12 · Time 2: 9 passages from 7 of 11' */
export function countsSentence(counts: QuoteCounts): string {
  const total = `${plural(counts.passages, 'passage', 'passages')} from ${counts.participants} of ${plural(counts.of, 'participant', 'participants')}`;
  const waves = counts.byWave.map((w) => `${w.label}: ${plural(w.passages, 'passage', 'passages')} from ${w.participants} of ${w.of}`);
  return [total, ...waves].join(' · ');
}
