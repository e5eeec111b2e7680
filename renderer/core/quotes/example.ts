// The passage the quote style is shown on: the first coded passage of the first participant
// in reading order (person, wave, transcript, position), so the example is the same every
// time the tab opens, whatever order the database returns codings in.
import type { ProjectSnapshot } from '../shared';
import { sourcesInReadingOrder } from './find';
import { liveParticipants } from './scope';
import type { Quote } from './types';

export function exampleQuote(snapshot: ProjectSnapshot): Quote | null {
  const people = liveParticipants(snapshot);
  const candidates = snapshot.sources.filter((s) => s.deletedAt == null && s.participantId !== null && people.has(s.participantId));
  for (const source of sourcesInReadingOrder(snapshot, candidates, people)) {
    let first: ProjectSnapshot['codings'][number] | null = null;
    for (const c of snapshot.codings) {
      if (c.deletedAt != null || c.sourceId !== source.id || c.end <= c.start) continue;
      if (!first || c.start < first.start || (c.start === first.start && c.end > first.end)) first = c;
    }
    if (first) {
      const end = Math.min(first.end, source.text.length);
      return {
        text: source.text.slice(first.start, end),
        sourceId: source.id,
        start: first.start,
        end,
        participantId: source.participantId!,
        wave: source.wave ?? '',
        codeIds: [first.codeId],
      };
    }
  }
  return null;
}
