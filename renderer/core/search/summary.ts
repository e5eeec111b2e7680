// The counts beside a list of hits: "47 hits in 19 of 24 transcripts · Time 1: 30 · Time 2: 17",
// and per participant and wave, so a researcher sees at once who says a word and when.
import { nameCollator, type ProjectSnapshot, type Source } from '../shared';
import type { PackedHits } from './kwic';
import type { SearchHit } from './types';

export interface HitCounts {
  hits: number;
  /** Transcripts with at least one hit, of those searched. */
  transcripts: number;
  searched: number;
  byWave: { waveId: string | null; label: string; hits: number }[];
  byParticipant: { participantId: string | null; pseudonym: string; hits: number; transcripts: number; byWave: Record<string, number> }[];
}

type SourceLike = Pick<Source, 'id' | 'participantId' | 'wave'>;

const NO_WAVE = '';

export function hitCounts(
  project: Pick<ProjectSnapshot, 'waves' | 'participants'>,
  searched: readonly SourceLike[],
  hits: readonly SearchHit[] | PackedHits,
): HitCounts {
  const byId = new Map(searched.map((s) => [s.id, s]));
  const people = new Map(project.participants.filter((p) => p.deletedAt == null).map((p) => [p.id, p]));
  const perSource = hitsPerSource(hits);
  const waveHits = new Map<string, number>();
  const personRows = new Map<string, HitCounts['byParticipant'][number]>();
  for (const [sourceId, n] of perSource) {
    const source = byId.get(sourceId);
    if (!source) continue;
    const wave = source.wave ?? NO_WAVE;
    waveHits.set(wave, (waveHits.get(wave) ?? 0) + n);
    const personKey = source.participantId ?? NO_WAVE;
    const person = source.participantId ? people.get(source.participantId) : undefined;
    const row = personRows.get(personKey) ?? {
      participantId: person ? person.id : null,
      pseudonym: person?.pseudonym ?? '(no participant)',
      hits: 0,
      transcripts: 0,
      byWave: {},
    };
    row.hits += n;
    row.transcripts += 1;
    row.byWave[wave] = (row.byWave[wave] ?? 0) + n;
    personRows.set(personKey, row);
  }
  const waves = [...project.waves]
    .sort((a, b) => a.order - b.order)
    .filter((w) => waveHits.has(w.id))
    .map((w) => ({ waveId: w.id as string | null, label: w.label, hits: waveHits.get(w.id)! }));
  if (waveHits.has(NO_WAVE)) waves.push({ waveId: null, label: 'No wave', hits: waveHits.get(NO_WAVE)! });
  const collator = nameCollator;
  return {
    hits: hitTotal(hits),
    transcripts: [...perSource.keys()].filter((id) => byId.has(id)).length,
    searched: searched.length,
    byWave: waves,
    byParticipant: [...personRows.values()].sort((a, b) => b.hits - a.hits || collator.compare(a.pseudonym, b.pseudonym)),
  };
}

const isPacked = (hits: readonly SearchHit[] | PackedHits): hits is PackedHits => !Array.isArray(hits);

/** How many hits a result holds, packed (as the search worker sends them) or not. */
export function hitTotal(hits: readonly SearchHit[] | PackedHits): number {
  return isPacked(hits) ? hits.source.length : hits.length;
}

/** Hits per transcript, in the order transcripts first appear. */
function hitsPerSource(hits: readonly SearchHit[] | PackedHits): Map<string, number> {
  const perSource = new Map<string, number>();
  if (isPacked(hits)) {
    // Counted by number first: no string is looked up per hit.
    const counts = new Int32Array(hits.sourceIds.length);
    for (const n of hits.source) counts[n]! += 1;
    hits.sourceIds.forEach((id, n) => counts[n]! > 0 && perSource.set(id, (perSource.get(id) ?? 0) + counts[n]!));
  } else for (const h of hits) perSource.set(h.sourceId, (perSource.get(h.sourceId) ?? 0) + 1);
  return perSource;
}

/** "47 hits in 19 of 24 transcripts · Time 1: 30 · Time 2: 17". */
export function hitSentence(counts: HitCounts): string {
  const hits = counts.hits === 1 ? '1 hit' : `${counts.hits.toLocaleString('en')} hits`;
  const head = `${hits} in ${counts.transcripts} of ${counts.searched} transcript${counts.searched === 1 ? '' : 's'}`;
  return [head, ...counts.byWave.map((w) => `${w.label}: ${w.hits.toLocaleString('en')}`)].join(' · ');
}
