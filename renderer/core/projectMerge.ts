// Bringing a second coder's work into the open project: a REFI-QDA file from another machine,
// already parsed into a ProjectSnapshot, is planned here as one merge without writing anything.
// Transcripts are matched by their text, codes by id, then by path, then by a name that is
// unique on both sides, coders by id then by name. The plan lists what will be added, what is
// already here (so importing the same file twice adds nothing) and, in words, what could not be
// mapped. Every lookup goes through a Map or Set, so 40,000 codings on each side plan at once.
import { created, updated, type Action, type Change } from './changes';
import { live, type Code, type Coder, type Coding, type Memo, type MemoTarget, type Participant, type ParticipantLink, type ProjectSnapshot, type Source } from './model';
import { pseudonymKey, uniqueName } from './projectSetup';

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
    matched: (MatchedPair & CoderCounts)[];
    /** `name` as it will read here. */
    added: ({ name: string } & CoderCounts)[];
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

export function planMerge(current: ProjectSnapshot, incoming: ProjectSnapshot, options: MergeOptions): MergePlan {
  const { newId, now } = options;
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
  const sources = mergeSources(current, incoming, options, warnings, summary);

  // Codings: each live incoming coding on a mapped transcript, in the file's order.
  const codingIds = new Map<string, string>(); // codingKey -> id, of the codings here and added
  for (const c of live(current.codings)) codingIds.set(codingKey(c.sourceId, c.codeId, c.coderId, c.start, c.end), c.id);
  const sourcesThere = new Map(live(incoming.sources).map((s) => [s.id, s]));
  const counts = new Map<string, CoderCounts>(); // by coder id here
  const countOf = (coderId: string) => {
    let count = counts.get(coderId);
    if (!count) counts.set(coderId, (count = { codingsAdded: 0, codingsAlreadyPresent: 0 }));
    return count;
  };
  const codingMap = new Map<string, { id: string; fresh: boolean }>();
  const newCodings: Coding[] = [];
  const outside = new Map<Source, number>(); // incoming transcript -> its codings outside its text
  const missing = { source: 0, code: 0, coder: 0 };
  for (const k of live(incoming.codings)) {
    const from = sourcesThere.get(k.sourceId);
    const target = from ? sources.map.get(from.id) : undefined;
    const codeId = codes.map.get(k.codeId);
    const coderId = coders.map.get(k.coderId);
    if (!from || !target || codeId === undefined || coderId === undefined || !inRange(k, target.text.length)) {
      summary.codings.skipped += 1;
      if (!from) missing.source += 1;
      else if (!target) continue; // listed with its transcript, which matched nothing
      else if (codeId === undefined) missing.code += 1;
      else if (coderId === undefined) missing.coder += 1;
      else outside.set(from, (outside.get(from) ?? 0) + 1);
      continue;
    }
    const key = codingKey(target.id, codeId, coderId, k.start, k.end);
    const existing = codingIds.get(key);
    if (existing !== undefined) {
      summary.codings.alreadyPresent += 1;
      countOf(coderId).codingsAlreadyPresent += 1;
      codingMap.set(k.id, { id: existing, fresh: false });
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
    codingIds.set(key, coding.id); // the same coding twice in the file is added once
    codingMap.set(k.id, { id: coding.id, fresh: true });
    summary.codings.added += 1;
    countOf(coderId).codingsAdded += 1;
  }
  for (const [source, count] of outside) {
    warnings.push(`${n(count, 'coding')} on "${source.title}" ${count === 1 ? 'lies' : 'lie'} outside the transcript's text and ${count === 1 ? 'was' : 'were'} skipped.`);
  }
  const skippedAs = (count: number, one: string, many: string) => {
    if (count > 0) warnings.push(`${n(count, 'coding')} ${count === 1 ? one : many} and ${count === 1 ? 'was' : 'were'} skipped.`);
  };
  skippedAs(missing.source, 'refers to a transcript that is not in the file', 'refer to a transcript that is not in the file');
  skippedAs(missing.code, "uses a code that is not in the file's codebook", "use a code that is not in the file's codebook");
  skippedAs(missing.coder, 'names a coder who is not in the file', 'name a coder who is not in the file');

  for (const { incoming: coder, here, added } of coders.entries) {
    const count = { codingsAdded: 0, codingsAlreadyPresent: 0, ...counts.get(here.id) };
    if (added) summary.coders.added.push({ name: here.name, ...count });
    else summary.coders.matched.push({ incoming: coder.name, existing: here.name, ...count });
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

// ---------------------------------------------------------------------------------------------
// Coders

interface CoderMerge {
  /** Incoming coder id -> coder id here (an id listed twice in the file goes to its first coder). */
  map: Map<string, string>;
  added: Coder[];
  /** Each incoming coder, in the file's order, with the coder here it became. */
  entries: { incoming: Coder; here: Coder; added: boolean }[];
}

/**
 * In the file's order, each coder takes the coder here with its id, else the one with its name,
 * unless an earlier coder of the file took it: two coders of the file never become one here.
 */
function mergeCoders(here: readonly Coder[], there: readonly Coder[], newId: () => string, warnings: string[]): CoderMerge {
  const byId = new Map(here.map((c) => [c.id, c]));
  const byName = new Map<string, Coder>();
  for (const c of here) if (!byName.has(nameKey(c.name))) byName.set(nameKey(c.name), c);
  const taken = new Set(here.map((c) => c.id));
  const names = here.map((c) => c.name);
  const claimed = new Set<string>();
  const map = new Map<string, string>();
  const added: Coder[] = [];
  const entries: CoderMerge['entries'] = [];
  for (const coder of there) {
    const free = (c: Coder | undefined) => (c && !claimed.has(c.id) ? c : undefined);
    let target = free(byId.get(coder.id)) ?? free(byName.get(nameKey(coder.name)));
    const isNew = !target;
    if (!target) {
      // The id is kept, so this coder is matched by id when their next file comes in.
      const id = taken.has(coder.id) ? newId() : coder.id;
      const base = coder.name.trim() || 'Imported coder';
      const name = uniqueName(base, names);
      if (name !== base) warnings.push(`Coder "${base}" is added as "${name}", as that name is already taken.`);
      target = { id, name, colour: coder.colour };
      added.push(target);
      taken.add(id);
      names.push(name);
    }
    claimed.add(target.id);
    if (!map.has(coder.id)) map.set(coder.id, target.id);
    entries.push({ incoming: coder, here: target, added: isNew });
  }
  return { map, added, entries };
}

// ---------------------------------------------------------------------------------------------
// Codes

interface CodeMerge {
  /** Incoming live code id -> code id here. */
  map: Map<string, string>;
  /** Codes created, parents before children. */
  created: Code[];
  createdIds: Set<string>;
}

function mergeCodes(here: readonly Code[], there: readonly Code[], newId: () => string, warnings: string[], summary: MergeSummary): CodeMerge {
  const herePaths = pathsOf(here);
  const therePaths = pathsOf(there);
  const hereById = new Map(here.map((c) => [c.id, c]));
  const hereByPath = new Map<string, Code>();
  const hereByName = new Map<string, Code[]>();
  for (const c of here) {
    const path = pathKey(herePaths.get(c.id)!);
    if (!hereByPath.has(path)) hereByPath.set(path, c);
    const list = hereByName.get(nameKey(c.name));
    if (list) list.push(c);
    else hereByName.set(nameKey(c.name), [c]);
  }
  const thereNames = new Map<string, number>();
  for (const c of there) thereNames.set(nameKey(c.name), (thereNames.get(nameKey(c.name)) ?? 0) + 1);

  const map = new Map<string, string>();
  const claimed = new Set<string>(); // a code here takes at most one incoming code
  const ordered = treeOrder(there);
  const show = (ids: Map<string, string[]>, id: string) => ids.get(id)!.join(' / ');
  const claim = (code: Code, match: Code, list: MatchedPair[]) => {
    map.set(code.id, match.id);
    claimed.add(match.id);
    list.push({ incoming: show(therePaths, code.id), existing: show(herePaths, match.id) });
  };
  for (const code of ordered) {
    const match = hereById.get(code.id);
    if (match && !claimed.has(match.id)) claim(code, match, summary.codes.matchedById);
  }
  for (const code of ordered) {
    if (map.has(code.id)) continue;
    const match = hereByPath.get(pathKey(therePaths.get(code.id)!));
    if (match && !claimed.has(match.id)) claim(code, match, summary.codes.matchedByPath);
  }
  for (const code of ordered) {
    if (map.has(code.id) || thereNames.get(nameKey(code.name)) !== 1) continue;
    const same = hereByName.get(nameKey(code.name));
    if (same?.length === 1 && !claimed.has(same[0]!.id)) claim(code, same[0]!, summary.codes.matchedByName);
  }

  // Everything else is created (the coder may have added codes on purpose), parents first,
  // after the siblings already here; their order among themselves is the file's.
  const siblings = new Map<string | null, { next: number; names: Set<string> }>();
  const siblingsOf = (parentId: string | null) => {
    let entry = siblings.get(parentId);
    if (!entry) {
      entry = { next: 0, names: new Set() };
      siblings.set(parentId, entry);
    }
    return entry;
  };
  for (const c of here) {
    const entry = siblingsOf(c.parentId);
    entry.next = Math.max(entry.next, c.order + 1);
    entry.names.add(nameKey(c.name));
  }
  const createdPaths = new Map<string, string>();
  const pathOf = (id: string) => createdPaths.get(id) ?? herePaths.get(id)?.join(' / ') ?? '';
  const createdCodes: Code[] = [];
  for (const code of ordered) {
    if (map.has(code.id)) continue;
    const parentId = code.parentId === null ? null : map.get(code.parentId) ?? null;
    const entry = siblingsOf(parentId);
    const base = code.name.trim() || 'Imported code';
    const name = uniqueName(base, [...entry.names]);
    const record: Code = {
      id: newId(),
      parentId,
      name,
      description: code.description,
      inclusion: code.inclusion,
      exclusion: code.exclusion,
      examples: code.examples,
      colour: code.colour,
      order: entry.next,
      deletedAt: null,
    };
    entry.next += 1;
    entry.names.add(nameKey(name));
    map.set(code.id, record.id);
    createdCodes.push(record);
    const path = parentId === null ? name : `${pathOf(parentId)} / ${name}`;
    createdPaths.set(record.id, path);
    summary.codes.added.push(path);
    if (name !== base) warnings.push(`Code "${show(therePaths, code.id)}" is added as "${path}", as its place already holds a code of that name.`);
  }
  return { map, created: createdCodes, createdIds: new Set(createdCodes.map((c) => c.id)) };
}

/** Names from the root down to each code (a missing parent ends the path, a cycle stops it). */
function pathsOf(codes: readonly Code[]): Map<string, string[]> {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const paths = new Map<string, string[]>();
  const resolve = (code: Code, seen: Set<string>): string[] => {
    const known = paths.get(code.id);
    if (known) return known;
    seen.add(code.id);
    const parent = code.parentId === null ? undefined : byId.get(code.parentId);
    const path = parent && !seen.has(parent.id) ? [...resolve(parent, seen), code.name] : [code.name];
    paths.set(code.id, path);
    return path;
  };
  for (const code of codes) resolve(code, new Set());
  return paths;
}

/** Live codes depth-first, siblings by order; codes whose parent is missing start their own tree. */
function treeOrder(codes: readonly Code[]): Code[] {
  const ids = new Set(codes.map((c) => c.id));
  const children = new Map<string | null, Code[]>();
  for (const c of codes) {
    const parent = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null;
    const list = children.get(parent);
    if (list) list.push(c);
    else children.set(parent, [c]);
  }
  for (const list of children.values()) list.sort((a, b) => a.order - b.order);
  const out: Code[] = [];
  const seen = new Set<string>();
  const walk = (code: Code) => {
    if (seen.has(code.id)) return;
    seen.add(code.id);
    out.push(code);
    for (const child of children.get(code.id) ?? []) walk(child);
  };
  for (const root of children.get(null) ?? []) walk(root);
  for (const code of codes) walk(code); // damaged data: a cycle with no root
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sources, participants and waves

interface SourceMerge {
  /** Incoming live source id -> the source here (existing or created). */
  map: Map<string, Source>;
  created: Source[];
  createdIds: Set<string>;
  participantsCreated: Participant[];
  participantsCreatedIds: Set<string>;
  /** A participant here for any incoming participant: mapped, else by pseudonym. */
  participantHere(incomingId: string): string | undefined;
}

function mergeSources(current: ProjectSnapshot, incoming: ProjectSnapshot, options: MergeOptions, warnings: string[], summary: MergeSummary): SourceMerge {
  const { newId } = options;
  const buckets = new Map<string, Source[]>();
  const index = (s: Source) => {
    const key = textKey(s.text);
    const list = buckets.get(key);
    if (list) list.push(s);
    else buckets.set(key, [s]);
  };
  for (const s of live(current.sources)) index(s);
  const sameText = (s: Source): Source | undefined => {
    const same = (buckets.get(textKey(s.text)) ?? []).filter((c) => c.text === s.text);
    return same.find((c) => nameKey(c.title) === nameKey(s.title)) ?? same[0];
  };
  const codingsOn = new Map<string, number>();
  for (const k of live(incoming.codings)) codingsOn.set(k.sourceId, (codingsOn.get(k.sourceId) ?? 0) + 1);

  const participantsThere = new Map(live(incoming.participants).map((p) => [p.id, p]));
  const participantsByKey = new Map<string, Participant>();
  for (const p of live(current.participants)) if (!participantsByKey.has(pseudonymKey(p.pseudonym))) participantsByKey.set(pseudonymKey(p.pseudonym), p);
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
    const record: Participant = { id: newId(), pseudonym: p.pseudonym.trim(), role: p.role, site: p.site, group: p.group, attributes: { ...p.attributes }, links: [], deletedAt: null };
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
  for (const s of live(incoming.sources)) {
    const match = sameText(s);
    if (match) {
      map.set(s.id, match);
      summary.sources.matched.push({ incoming: s.title, existing: match.title });
    } else if (options.addUnmatchedSources) {
      const record: Source = { id: newId(), participantId: participantFor(s), wave: waveFor(s), title: s.title, text: s.text, turns: [...s.turns], origin: { ...s.origin }, deletedAt: null };
      createdSources.push(record);
      index(record); // the same text twice in the file becomes one transcript
      map.set(s.id, record);
      summary.sources.added.push(record.title);
    } else {
      const skipped = codingsOn.get(s.id) ?? 0;
      summary.sources.notMatched.push({ title: s.title, codingsSkipped: skipped });
      warnings.push(`Transcript "${s.title}" matches no transcript here (its text differs), so ${n(skipped, 'coding')} on it ${skipped === 1 ? 'was' : 'were'} skipped.`);
    }
  }
  for (const [label, titles] of waveless) {
    warnings.push(`Wave "${label}" is not in this project, so ${titles.map((t) => `"${t}"`).join(', ')} ${titles.length === 1 ? 'is' : 'are'} added without a wave.`);
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
        warnings.push(`Participant "${record.pseudonym}": the link "${link.type}" to ${other ? `"${other}"` : 'a participant not in the file'} was dropped, as ${other ? 'they are' : 'that participant is'} not in this project.`);
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

// ---------------------------------------------------------------------------------------------
// Memos

interface Mapped {
  codes: CodeMerge;
  sources: SourceMerge;
  codingMap: Map<string, { id: string; fresh: boolean }>;
}

/** Where a memo goes: a record created by this merge, or one that was here (merged if it has no memo yet, or kept as it is). */
type Destination = { targetId: string; kind: 'fresh' | 'mergeable' | 'kept'; what: string } | { reason: string };

function mergeMemos(current: ProjectSnapshot, incoming: ProjectSnapshot, mapped: Mapped, options: MergeOptions, warnings: string[], summary: MergeSummary): Change[] {
  const there = live(incoming.memos ?? []);
  if (there.length === 0) return [];
  const codesThere = new Map(live(incoming.codes).map((c) => [c.id, c]));
  const sourcesThere = new Map(live(incoming.sources).map((s) => [s.id, s]));
  const participantsThere = new Map(live(incoming.participants).map((p) => [p.id, p]));
  const codingsThere = new Map(live(incoming.codings).map((k) => [k.id, k]));
  const codePathsThere = pathsOf(live(incoming.codes));

  // Memos here (and those this merge creates) by the record they are on.
  const onTarget = new Map<string, Memo[]>();
  const file = (m: Memo) => {
    const key = `${m.target}\u0000${m.targetId ?? ''}`;
    const list = onTarget.get(key);
    if (list) list.push(m);
    else onTarget.set(key, [m]);
  };
  for (const m of live(current.memos ?? [])) file(m);

  const destination = (memo: Memo): Destination => {
    const id = memo.targetId ?? '';
    switch (memo.target) {
      case 'project':
        return { reason: 'project memos stay with their own project' };
      case 'code': {
        const code = codesThere.get(id);
        if (!code) return { reason: 'its code is not in the file' };
        const what = `code "${codePathsThere.get(id)!.join(' / ')}"`;
        const here = mapped.codes.map.get(id)!;
        return { targetId: here, kind: mapped.codes.createdIds.has(here) ? 'fresh' : 'mergeable', what };
      }
      case 'coding': {
        const coding = codingsThere.get(id);
        const source = coding ? sourcesThere.get(coding.sourceId) : undefined;
        const here = mapped.codingMap.get(id);
        if (!coding || !source) return { reason: 'its coding is not in the file' };
        if (!here) return { reason: `its coding on "${source.title}" was skipped` };
        return { targetId: here.id, kind: here.fresh ? 'fresh' : 'mergeable', what: `a coding on "${source.title}"` };
      }
      case 'source': {
        const source = sourcesThere.get(id);
        if (!source) return { reason: 'its transcript is not in the file' };
        const here = mapped.sources.map.get(id);
        if (!here) return { reason: `its transcript "${source.title}" matches no transcript here` };
        return { targetId: here.id, kind: mapped.sources.createdIds.has(here.id) ? 'fresh' : 'kept', what: `transcript "${here.title}"` };
      }
      case 'participant': {
        const p = participantsThere.get(id);
        if (!p) return { reason: 'its participant is not in the file' };
        const here = mapped.sources.participantHere(id);
        if (here === undefined) return { reason: `participant "${p.pseudonym}" is not in this project` };
        return { targetId: here, kind: mapped.sources.participantsCreatedIds.has(here) ? 'fresh' : 'kept', what: `participant "${p.pseudonym}"` };
      }
    }
  };

  const changes: Change[] = [];
  for (const memo of there) {
    if (!memo.text.trim()) continue; // an empty memo carries nothing to merge
    const title = memoTitle(memo, codePathsThere, sourcesThere, participantsThere, codingsThere);
    const to = destination(memo);
    const notMerged = (why: string) => {
      summary.memos.notMerged.push(title);
      warnings.push(`${memo.title.trim() ? `Memo "${title}"` : title} was not merged: ${why}.`);
    };
    if ('reason' in to) {
      notMerged(to.reason);
      continue;
    }
    const existing = onTarget.get(`${memo.target}\u0000${to.targetId}`) ?? [];
    if (existing.some((m) => m.text.trim() === memo.text.trim())) {
      summary.memos.alreadyPresent += 1;
      continue;
    }
    if (to.kind === 'kept') {
      notMerged(`${to.what} was already in this project, and memos on it are not imported`);
      continue;
    }
    if (existing.some((m) => m.text.trim() !== '')) {
      notMerged(`${to.what} already has a different memo here`);
      continue;
    }
    // The app shows one memo per record: an empty memo here is filled rather than hidden behind a second.
    const blank = existing[0];
    const fields = { title: memo.title, text: memo.text, updatedAt: timestamp(memo.updatedAt, options.now) };
    if (blank) {
      const record: Memo = { ...blank, ...fields };
      changes.push(updated('memos', blank, record));
      existing[0] = record;
    } else {
      const record: Memo = { id: options.newId(), target: memo.target, targetId: to.targetId, ...fields, deletedAt: null };
      changes.push(created('memos', record));
      file(record);
    }
    summary.memos.added += 1;
  }
  return changes;
}

function memoTitle(memo: Memo, codePaths: Map<string, string[]>, sources: Map<string, Source>, participants: Map<string, Participant>, codings: Map<string, Coding>): string {
  if (memo.title.trim()) return memo.title.trim();
  const id = memo.targetId ?? '';
  const on: Record<MemoTarget, () => string> = {
    project: () => 'Project memo',
    code: () => `Memo on code "${codePaths.get(id)?.join(' / ') ?? 'unknown'}"`,
    source: () => `Memo on transcript "${sources.get(id)?.title ?? 'unknown'}"`,
    participant: () => `Memo on participant "${participants.get(id)?.pseudonym ?? 'unknown'}"`,
    coding: () => `Memo on a coding of "${sources.get(codings.get(id)?.sourceId ?? '')?.title ?? 'unknown'}"`,
  };
  return on[memo.target]();
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/** Names compared without case or surrounding space. */
function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

function pathKey(names: readonly string[]): string {
  return names.map(nameKey).join(' / ');
}

function codingKey(sourceId: string, codeId: string, coderId: string, start: number, end: number): string {
  return `${sourceId}\u0000${codeId}\u0000${coderId}\u0000${start}\u0000${end}`;
}

function inRange(k: Pick<Coding, 'start' | 'end'>, length: number): boolean {
  return Number.isInteger(k.start) && Number.isInteger(k.end) && k.start >= 0 && k.start < k.end && k.end <= length;
}

function timestamp(value: number | undefined, now: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : now;
}

/**
 * A bucket key for a text: its length and an FNV-1a hash of at most about 1,000 of its
 * characters (the start, the end and an even sample between), so a long transcript is not
 * hashed in full. Texts in one bucket are then compared exactly.
 */
function textKey(text: string): string {
  let hash = 0x811c9dc5;
  const mix = (i: number) => {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  };
  const n = text.length;
  if (n <= 1024) for (let i = 0; i < n; i += 1) mix(i);
  else {
    for (let i = 0; i < 256; i += 1) mix(i);
    for (let i = n - 256; i < n; i += 1) mix(i);
    const step = (n - 512) / 512;
    for (let j = 0; j < 512; j += 1) mix(256 + Math.floor(j * step));
  }
  return `${n}:${(hash >>> 0).toString(36)}`;
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}

function n(count: number, word: string): string {
  return `${count} ${plural(count, word)}`;
}
