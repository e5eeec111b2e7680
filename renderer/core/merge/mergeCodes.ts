// Merging a second coder's file, part 1: coders and the codebook (see projectMerge.ts).
import { type Code, type Coder, uniqueName } from '../shared';
import type { MatchedPair, MergeSummary } from './projectMerge';
import { nameKey, pathKey } from './mergeKeys';

// ---------------------------------------------------------------------------------------------
// Coders

export interface CoderMerge {
  /** Incoming coder id -> coder id here (an id listed twice in the file goes to its first coder). */
  map: Map<string, string>;
  added: Coder[];
  /** Each incoming coder, in the file's order, with the coder here it became. */
  entries: { incoming: Coder; here: Coder; added: boolean }[];
}

/**
 * In the file's order, each coder takes the coder here with its id, else the one with its name,
 * unless an earlier coder of the file took it: two coders of the file never become one here.
 * The file's consensus layer goes into the consensus layer here (whatever either is called),
 * or comes in as the consensus layer; a name alone never joins a coder to a consensus layer.
 */
export function mergeCoders(here: readonly Coder[], there: readonly Coder[], newId: () => string, warnings: string[]): CoderMerge {
  const byId = new Map(here.map((c) => [c.id, c]));
  const byName = new Map<string, Coder>();
  for (const c of here) if (!c.consensus && !byName.has(nameKey(c.name))) byName.set(nameKey(c.name), c);
  const consensusHere = here.find((c) => c.consensus);
  const taken = new Set(here.map((c) => c.id));
  const names = here.map((c) => c.name);
  const claimed = new Set<string>();
  const map = new Map<string, string>();
  const added: Coder[] = [];
  const entries: CoderMerge['entries'] = [];
  for (const coder of there) {
    const free = (c: Coder | undefined) => (c && !claimed.has(c.id) ? c : undefined);
    const sameId = byId.get(coder.id);
    let target = coder.consensus
      ? (free(sameId?.consensus ? sameId : undefined) ?? free(consensusHere))
      : (free(sameId) ?? free(byName.get(nameKey(coder.name))));
    const isNew = !target;
    if (!target) {
      // The id is kept, so this coder is matched by id when their next file comes in.
      const id = taken.has(coder.id) ? newId() : coder.id;
      const base = coder.name.trim() || 'Imported coder';
      const name = uniqueName(base, names);
      if (name !== base) warnings.push(`Coder "${base}" is added as "${name}", as that name is already taken.`);
      target = { id, name, colour: coder.colour, ...(coder.consensus ? { consensus: true } : {}) };
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

export interface CodeMerge {
  /** Incoming live code id -> code id here. */
  map: Map<string, string>;
  /** Codes created, parents before children. */
  created: Code[];
  createdIds: Set<string>;
}

export function mergeCodes(
  here: readonly Code[],
  there: readonly Code[],
  newId: () => string,
  warnings: string[],
  summary: MergeSummary,
): CodeMerge {
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
    const parentId = code.parentId === null ? null : (map.get(code.parentId) ?? null);
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
    if (name !== base)
      warnings.push(`Code "${show(therePaths, code.id)}" is added as "${path}", as its place already holds a code of that name.`);
  }
  return { map, created: createdCodes, createdIds: new Set(createdCodes.map((c) => c.id)) };
}

/** Names from the root down to each code (a missing parent ends the path, a cycle stops it). */
export function pathsOf(codes: readonly Code[]): Map<string, string[]> {
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
export function treeOrder(codes: readonly Code[]): Code[] {
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
