// Merging a second coder's file, part 2: transcripts, participants and waves (see projectMerge.ts).
import { live, type Participant, type ParticipantLink, type ProjectSnapshot, type Source, pseudonymKey } from '../shared';
import type { MergeOptions, MergeSummary } from './projectMerge';
import { n, nameKey, textKey } from './mergeKeys';

// ---------------------------------------------------------------------------------------------
// Sources, participants and waves

export interface SourceMerge {
  /** Incoming live source id -> the source here (existing or created). */
  map: Map<string, Source>;
  created: Source[];
  createdIds: Set<string>;
  participantsCreated: Participant[];
  participantsCreatedIds: Set<string>;
  /** A participant here for any incoming participant: mapped, else by pseudonym. */
  participantHere(incomingId: string): string | undefined;
}

/** Transcripts matched between two pauses of planMergeSteps (each compared by its whole text). */
const SOURCES_PER_STEP = 250;

/** Yields 0 now and then (planMergeSteps' pauses: 3,500 texts compared at ten times the study); returns the sources' merge. */
export function* mergeSources(
  current: ProjectSnapshot,
  incoming: ProjectSnapshot,
  options: MergeOptions,
  warnings: string[],
  summary: MergeSummary,
): Generator<number, SourceMerge> {
  const { newId } = options;
  const buckets = new Map<string, Source[]>();
  const index = (s: Source) => {
    const key = textKey(s.text);
    const list = buckets.get(key);
    if (list) list.push(s);
    else buckets.set(key, [s]);
  };
  let indexed = 0;
  for (const s of live(current.sources)) {
    index(s);
    if (++indexed % SOURCES_PER_STEP === 0) yield 0;
  }
  const sameText = (s: Source): Source | undefined => {
    const same = (buckets.get(textKey(s.text)) ?? []).filter((c) => c.text === s.text);
    return same.find((c) => nameKey(c.title) === nameKey(s.title)) ?? same[0];
  };
  // Counted only when a transcript matches nothing (its codings are then skipped, and said so):
  // counting all 400,000 codings at ten times the study held the window for every merge.
  let counted: Map<string, number> | null = null;
  const codingsOn = (sourceId: string): number => {
    if (!counted) {
      counted = new Map();
      for (const k of live(incoming.codings)) counted.set(k.sourceId, (counted.get(k.sourceId) ?? 0) + 1);
    }
    return counted.get(sourceId) ?? 0;
  };

  const participantsThere = new Map(live(incoming.participants).map((p) => [p.id, p]));
  const participantsByKey = new Map<string, Participant>();
  for (const p of live(current.participants))
    if (!participantsByKey.has(pseudonymKey(p.pseudonym))) participantsByKey.set(pseudonymKey(p.pseudonym), p);
  const participantMap = new Map<string, string>();
  const participantsCreated: Participant[] = [];
  const fromFile = new Map<string, Participant>(); // created id -> the incoming participant
  const participantFor = (source: Source): string | null => {
    if (source.participantId === null) return null;
    const known = participantMap.get(source.participantId);
    if (known !== undefined) return known;
    const p = participantsThere.get(source.participantId);
    if (!p) {
      warnings.push(`Transcript "${source.title}" names a participant who is not in the file; it is added without a participant.`);
      return null;
    }
    const match = participantsByKey.get(pseudonymKey(p.pseudonym));
    if (match) {
      participantMap.set(p.id, match.id);
      summary.participants.matched.push({ incoming: p.pseudonym, existing: match.pseudonym });
      return match.id;
    }
    const record: Participant = {
      id: newId(),
      pseudonym: p.pseudonym.trim(),
      role: p.role,
      site: p.site,
      group: p.group,
      attributes: { ...p.attributes },
      links: [],
      deletedAt: null,
    };
    participantMap.set(p.id, record.id);
    participantsByKey.set(pseudonymKey(record.pseudonym), record);
    participantsCreated.push(record);
    fromFile.set(record.id, p);
    summary.participants.added.push(record.pseudonym);
    return record.id;
  };

  const waveIds = new Set(current.waves.map((w) => w.id));
  const waveByLabel = new Map<string, string>();
  for (const w of current.waves) if (!waveByLabel.has(nameKey(w.label))) waveByLabel.set(nameKey(w.label), w.id);
  const labelThere = new Map(incoming.waves.map((w) => [w.id, w.label]));
  const waveless = new Map<string, string[]>(); // wave label -> titles added without a wave
  const waveFor = (source: Source): string | null => {
    if (source.wave === null) return null;
    if (waveIds.has(source.wave)) return source.wave;
    const label = labelThere.get(source.wave) ?? source.wave;
    const match = waveByLabel.get(nameKey(label));
    if (match !== undefined) return match;
    const titles = waveless.get(label);
    if (titles) titles.push(source.title);
    else waveless.set(label, [source.title]);
    return null;
  };

  const map = new Map<string, Source>();
  const createdSources: Source[] = [];
  let matched = 0;
  for (const s of live(incoming.sources)) {
    if (++matched % SOURCES_PER_STEP === 0) yield 0;
    const match = sameText(s);
    if (match) {
      map.set(s.id, match);
      summary.sources.matched.push({ incoming: s.title, existing: match.title });
    } else if (options.addUnmatchedSources) {
      const record: Source = {
        id: newId(),
        participantId: participantFor(s),
        wave: waveFor(s),
        title: s.title,
        text: s.text,
        turns: [...s.turns],
        origin: { ...s.origin },
        deletedAt: null,
      };
      createdSources.push(record);
      index(record); // the same text twice in the file becomes one transcript
      map.set(s.id, record);
      summary.sources.added.push(record.title);
    } else {
      const skipped = codingsOn(s.id);
      summary.sources.notMatched.push({ title: s.title, codingsSkipped: skipped });
      warnings.push(
        `Transcript "${s.title}" matches no transcript here (its text differs), so ${n(skipped, 'coding')} on it ${skipped === 1 ? 'was' : 'were'} skipped.`,
      );
    }
  }
  for (const [label, titles] of waveless) {
    warnings.push(
      `Wave "${label}" is not in this project, so ${titles.map((t) => `"${t}"`).join(', ')} ${titles.length === 1 ? 'is' : 'are'} added without a wave.`,
    );
  }

  const participantHere = (incomingId: string): string | undefined => {
    const mapped = participantMap.get(incomingId);
    if (mapped !== undefined) return mapped;
    const p = participantsThere.get(incomingId);
    return p ? participantsByKey.get(pseudonymKey(p.pseudonym))?.id : undefined;
  };
  // Links once every participant is known: kept when the linked participant is here or added.
  for (const record of participantsCreated) {
    const p = fromFile.get(record.id)!;
    const links: ParticipantLink[] = [];
    for (const link of p.links) {
      const target = participantHere(link.participantId);
      if (target !== undefined && target !== record.id) links.push({ type: link.type, participantId: target });
      else {
        const other = participantsThere.get(link.participantId)?.pseudonym;
        warnings.push(
          `Participant "${record.pseudonym}": the link "${link.type}" to ${other ? `"${other}"` : 'a participant not in the file'} was dropped, as ${other ? 'they are' : 'that participant is'} not in this project.`,
        );
      }
    }
    record.links = links;
  }
  return {
    map,
    created: createdSources,
    createdIds: new Set(createdSources.map((s) => s.id)),
    participantsCreated,
    participantsCreatedIds: new Set(participantsCreated.map((p) => p.id)),
    participantHere,
  };
}
