// Bringing a second coder's work into the open project: a REFI-QDA file from another machine,
// already parsed into a ProjectSnapshot, is planned here as one merge without writing anything.
// Transcripts are matched by their text, codes by id, then by path, then by a name that is
// unique on both sides, coders by id then by name. The plan lists what will be added, what is
// already here (so importing the same file twice adds nothing) and, in words, what could not be
// mapped. Every lookup goes through a Map or Set, so 40,000 codings on each side plan at once.
import { created, type Action, type Change, live, type Coding, type Participant, type ProjectSnapshot, type Source } from '../shared';
import { mergeCoders, mergeCodes } from './mergeCodes';
import { mergeSources } from './mergeSources';
import { mergeMemos } from './mergeMemos';
import { CodingIds, inRange, n, timestamp } from './mergeKeys';

export interface MergeOptions {
  /** Add incoming transcripts that match no transcript here (with their participants); otherwise their codings are skipped and listed. */
  addUnmatchedSources: boolean;
  newId: () => string;
  /** Stands in for a coding's or memo's timestamp that is missing or not a number in the file. */
  now: number;
  /** The Action label, e.g. 'Import coding from "ben.qdpx"'. */
  label: string;
}

/** A record of the file beside the record here it was matched to: titles, code paths or names. */
export interface MatchedPair {
  incoming: string;
  existing: string;
}

export interface CoderCounts {
  /** Codings of this coder the merge adds. */
  codingsAdded: number;
  /** Codings of this coder that are already here, identical. */
  codingsAlreadyPresent: number;
}

export interface MergeSummary {
  sources: {
    /** Incoming title -> title here (also when the titles are the same). */
    matched: MatchedPair[];
    /** Titles of transcripts added (only with addUnmatchedSources). */
    added: string[];
    /** Transcripts matching nothing here and not added, with the number of their codings skipped. */
    notMatched: { title: string; codingsSkipped: number }[];
  };
  codes: {
    /** Code paths ('Parent / Child'), incoming -> here. */
    matchedById: MatchedPair[];
    /** Same path, compared without case or surrounding space. */
    matchedByPath: MatchedPair[];
    /** Same name (unique here and in the file), in another place of the tree: worth a look. */
    matchedByName: MatchedPair[];
    /** Full paths of the codes added, as they will read here. */
    added: string[];
  };
  coders: {
    /** `consensus`: the consensus layer (not a coder to compare), in the file and here. */
    matched: (MatchedPair & CoderCounts & { consensus?: true })[];
    /** `name` as it will read here. */
    added: ({ name: string; consensus?: true } & CoderCounts)[];
  };
  codings: {
    added: number;
    /** Identical (same transcript, code, coder, start and end) to a coding already here. */
    alreadyPresent: number;
    /** Not merged: on a transcript not matched, outside the transcript's text, or with a code or coder missing from the file. */
    skipped: number;
  };
  participants: {
    /** Participants of added transcripts matched here by pseudonym: incoming -> here. */
    matched: MatchedPair[];
    /** Pseudonyms of participants added. */
    added: string[];
  };
  memos: {
    added: number;
    /** A memo with the same text is already on the same record here. */
    alreadyPresent: number;
    /** Titles (or a description, for an untitled memo) of memos not merged; warnings give the reason. */
    notMerged: string[];
  };
}

export interface MergePlan {
  /**
   * Coders, codes, codings and memos to create, in that order: one undoable Action. The one
   * change that is not a creation: an empty memo here that an incoming memo fills (the app
   * shows one memo per record, so a second memo beside an empty one would stay hidden).
   */
  action: Action;
  /** New transcripts and participants (the store writes them in the same transaction, outside the undoable action). */
  newSources: Source[];
  newParticipants: Participant[];
  summary: MergeSummary;
  /** Everything that could not be mapped, in words a researcher understands, naming it. */
  warnings: string[];
}

/** Codings gone through between two of planMergeSteps' pauses: a few tens of milliseconds at ten times the study. */
const CODINGS_PER_STEP = 20_000;

/** The merge planned in one go (tests, scripts, a small project). */
export function planMerge(current: ProjectSnapshot, incoming: ProjectSnapshot, options: MergeOptions): MergePlan {
  const steps = planMergeSteps(current, incoming, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The merge planned in steps: the share done (0 to 1) is yielded every CODINGS_PER_STEP
 * codings, and the plan returned at the end, the same as planMerge's. At ten times the study
 * planning takes about a second, so the window's thread runs it a step at a time and draws
 * (and shows the progress) in between (store/inSteps.ts).
 */
export function* planMergeSteps(current: ProjectSnapshot, incoming: ProjectSnapshot, options: MergeOptions): Generator<number, MergePlan> {
  const { newId, now } = options;
  const codingsHere = live(current.codings);
  const codingsThere = live(incoming.codings);
  const total = codingsHere.length + codingsThere.length;
  let seen = 0;
  yield 0; // the live codings of both sides found: 800,000 records read at ten times the study
  const warnings: string[] = [];
  const summary: MergeSummary = {
    sources: { matched: [], added: [], notMatched: [] },
    codes: { matchedById: [], matchedByPath: [], matchedByName: [], added: [] },
    coders: { matched: [], added: [] },
    codings: { added: 0, alreadyPresent: 0, skipped: 0 },
    participants: { matched: [], added: [] },
    memos: { added: 0, alreadyPresent: 0, notMerged: [] },
  };

  const coders = mergeCoders(current.coders, incoming.coders, newId, warnings);
  const codes = mergeCodes(live(current.codes), live(incoming.codes), newId, warnings, summary);
  // The transcripts matched by their text: a step of its own (3,500 texts at ten times the study).
  yield 0;
  const sources = yield* mergeSources(current, incoming, options, warnings, summary);
  yield 0;

  // Codings: each live incoming coding on a mapped transcript, in the file's order.
  const codingIds = new CodingIds(); // of the codings here and those added
  for (const c of codingsHere) {
    codingIds.set(c, c.id);
    if (++seen % CODINGS_PER_STEP === 0) yield seen / total;
  }
  const sourcesThere = new Map(live(incoming.sources).map((s) => [s.id, s]));
  const counts = new Map<string, CoderCounts>(); // by coder id here
  const countOf = (coderId: string) => {
    let count = counts.get(coderId);
    if (!count) counts.set(coderId, (count = { codingsAdded: 0, codingsAlreadyPresent: 0 }));
    return count;
  };
  // Only the codings a memo in the file is on need their counterpart here kept (mergeMemos asks
  // for no other): keeping all 400,000 at ten times the study was a tenth of planning.
  const codingMap = new Map<string, { id: string; fresh: boolean }>();
  const memoed = new Set(live(incoming.memos ?? []).flatMap((m) => (m.target === 'coding' && m.targetId ? [m.targetId] : [])));
  const newCodings: Coding[] = [];
  const outside = new Map<Source, number>(); // incoming transcript -> its codings outside its text
  const missing = { source: 0, code: 0, coder: 0 };
  for (const k of codingsThere) {
    if (++seen % CODINGS_PER_STEP === 0) yield seen / total;
    const from = sourcesThere.get(k.sourceId);
    const target = from ? sources.map.get(from.id) : undefined;
    const codeId = codes.map.get(k.codeId);
    const coderId = coders.map.get(k.coderId);
    if (!from || !target || codeId === undefined || coderId === undefined || !inRange(k, target.text.length)) {
      summary.codings.skipped += 1;
      if (!from) missing.source += 1;
      else if (!target)
        continue; // listed with its transcript, which matched nothing
      else if (codeId === undefined) missing.code += 1;
      else if (coderId === undefined) missing.coder += 1;
      else outside.set(from, (outside.get(from) ?? 0) + 1);
      continue;
    }
    const same = { sourceId: target.id, codeId, coderId, start: k.start, end: k.end };
    const existing = codingIds.get(same);
    if (existing !== undefined) {
      summary.codings.alreadyPresent += 1;
      countOf(coderId).codingsAlreadyPresent += 1;
      if (memoed.has(k.id)) codingMap.set(k.id, { id: existing, fresh: false });
      continue;
    }
    const coding: Coding = {
      id: newId(),
      sourceId: target.id,
      codeId,
      coderId,
      start: k.start,
      end: k.end,
      memo: k.memo ?? '',
      createdAt: timestamp(k.createdAt, now),
      updatedAt: timestamp(k.updatedAt, now),
      deletedAt: null,
    };
    newCodings.push(coding);
    codingIds.set(coding, coding.id); // the same coding twice in the file is added once
    if (memoed.has(k.id)) codingMap.set(k.id, { id: coding.id, fresh: true });
    summary.codings.added += 1;
    countOf(coderId).codingsAdded += 1;
  }
  for (const [source, count] of outside) {
    warnings.push(
      `${n(count, 'coding')} on "${source.title}" ${count === 1 ? 'lies' : 'lie'} outside the transcript's text and ${count === 1 ? 'was' : 'were'} skipped.`,
    );
  }
  const skippedAs = (count: number, one: string, many: string) => {
    if (count > 0) warnings.push(`${n(count, 'coding')} ${count === 1 ? one : many} and ${count === 1 ? 'was' : 'were'} skipped.`);
  };
  skippedAs(missing.source, 'refers to a transcript that is not in the file', 'refer to a transcript that is not in the file');
  skippedAs(missing.code, "uses a code that is not in the file's codebook", "use a code that is not in the file's codebook");
  skippedAs(missing.coder, 'names a coder who is not in the file', 'name a coder who is not in the file');

  for (const { incoming: coder, here, added } of coders.entries) {
    const count = { codingsAdded: 0, codingsAlreadyPresent: 0, ...counts.get(here.id) };
    const layer = here.consensus ? { consensus: true as const } : {};
    if (added) summary.coders.added.push({ name: here.name, ...layer, ...count });
    else summary.coders.matched.push({ incoming: coder.name, existing: here.name, ...layer, ...count });
  }

  const memoChanges = mergeMemos(current, incoming, { codes, sources, codingMap }, options, warnings, summary);

  const changes: Change[] = [
    ...coders.added.map((c) => created('coders', c)),
    ...codes.created.map((c) => created('codes', c)),
    ...newCodings.map((c) => created('codings', c)),
    ...memoChanges,
  ];
  return {
    action: { label: options.label, changes },
    newSources: sources.created,
    newParticipants: sources.participantsCreated,
    summary,
    warnings,
  };
}
