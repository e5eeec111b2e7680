// Editing the codebook: create, edit, move, merge, split and delete codes. Nothing here writes:
// each operation returns an Action listing only the records it changes, so the store can apply
// it in one transaction and undo can apply its inverse. An invalid request throws a
// ValidationError before anything is built, so a refusal never leaves half an edit behind.
import { created, updated, type Action, type Change, live, type Code, type Coding, ValidationError } from '../shared';
import { isColour, MAX_NAME_LENGTH, PALETTE, childColour } from './codebook';

export type CodeFields = Pick<Code, 'name' | 'description' | 'inclusion' | 'exclusion' | 'examples' | 'colour' | 'notCodable'>;
export interface NewCode {
  name: string;
  parentId?: string | null;
  description?: string;
  colour?: string;
  index?: number;
}
export type KeyMove = 'up' | 'down' | 'indent' | 'outdent';

/** A row of the codebook tree: the code, its depth, and its place among its siblings (1-based). */
export interface TreeRow {
  code: Code;
  depth: number;
  position: number;
  siblings: number;
}

/**
 * Live codes depth-first, siblings by `order`; a code whose parent does not exist at all is
 * shown at the top. Children are grouped in one pass, so a codebook of thousands of codes
 * costs n log n, not a scan of the whole codebook per code.
 */
export function orderedTree(codes: readonly Code[]): TreeRow[] {
  const ids = new Set(codes.map((c) => c.id));
  const childrenByParent = new Map<string | null, Code[]>();
  for (const code of codes) {
    if (code.deletedAt != null) continue;
    const list = childrenByParent.get(code.parentId);
    if (list) list.push(code);
    else childrenByParent.set(code.parentId, [code]);
  }
  for (const list of childrenByParent.values()) list.sort((a, b) => a.order - b.order);
  const out: TreeRow[] = [];
  const seen = new Set<string>(); // damaged data with a cycle must not recurse forever
  const walk = (parentId: string, depth: number) => {
    const children = (childrenByParent.get(parentId) ?? []).filter((c) => !seen.has(c.id));
    children.forEach((code) => seen.add(code.id));
    children.forEach((code, i) => {
      out.push({ code, depth, position: i + 1, siblings: children.length });
      walk(code.id, depth + 1);
    });
  };
  // The top level: real roots, then orphans (their parent is missing), as one sibling group.
  const roots = [
    ...(childrenByParent.get(null) ?? []),
    ...live(codes)
      .filter((c) => c.parentId !== null && !ids.has(c.parentId))
      .sort((a, b) => a.order - b.order),
  ];
  roots.forEach((code) => seen.add(code.id));
  roots.forEach((code, i) => {
    out.push({ code, depth: 0, position: i + 1, siblings: roots.length });
    walk(code.id, 1);
  });
  return out;
}

/** The live codes below `codeId`, depth-first by order (the code itself not included). */
export function descendantIds(codes: readonly Code[], codeId: string): string[] {
  const out: string[] = [];
  const seen = new Set([codeId]);
  const walk = (id: string) => {
    for (const c of childrenOf(codes, id)) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      out.push(c.id);
      walk(c.id);
    }
  };
  walk(codeId);
  return out;
}

/** Names from the root down to the code, e.g. ['Change', 'Series of sparks']; [] for an unknown id. */
/**
 * A code's path as one line: ' / ' where it is written out (exports, the .qdpx, the methods
 * text), ' › ' where it is read on screen.
 */
export function codePathText(codes: readonly Code[], codeId: string, separator: ' / ' | ' › ' = ' / '): string {
  return codePath(codes, codeId).join(separator);
}

export function codePath(codes: readonly Code[], codeId: string): string[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const path: string[] = [];
  for (
    let c = byId.get(codeId), seen = new Set<string>();
    c && !seen.has(c.id);
    c = c.parentId === null ? undefined : byId.get(c.parentId)
  ) {
    seen.add(c.id);
    path.unshift(c.name);
  }
  return path;
}

export function createCode(codes: readonly Code[], spec: NewCode, newId: () => string, now: number): Action {
  void now; // codes carry no timestamps; `now` is taken for a uniform signature with the other creators
  const parentId = spec.parentId ?? null;
  const parent = parentId === null ? null : liveCode(codes, parentId, 'parent code');
  const siblings = childrenOf(codes, parentId);
  const name = checkName(spec.name, siblings);
  const colour =
    spec.colour !== undefined && spec.colour.trim() !== ''
      ? checkColour(spec.colour)
      : parent
        ? freshColour((i) => childColour(parent.colour, i), siblings, siblings.length)
        : freshColour((i) => PALETTE[i % PALETTE.length]!, siblings, siblings.length);
  const text = (spec.description ?? '').trim();
  const code: Code = {
    id: newId(),
    parentId,
    name,
    description: text,
    inclusion: '',
    exclusion: '',
    examples: '',
    colour,
    order: 0,
    deletedAt: null,
  };
  const draft = new Draft(codes);
  draft.place(siblings, code, spec.index);
  return { label: `Create code "${name}"`, changes: draft.changes() };
}

export function updateCode(codes: readonly Code[], codeId: string, patch: Partial<CodeFields>): Action {
  const code = liveCode(codes, codeId);
  const next: Code = { ...code };
  // Only the editable fields are taken: id, parent and order change through moves, never here.
  if (patch.name !== undefined) next.name = checkName(patch.name, childrenOf(codes, code.parentId), code.id);
  for (const f of ['description', 'inclusion', 'exclusion', 'examples'] as const) if (patch[f] !== undefined) next[f] = patch[f].trim();
  if (patch.colour !== undefined) {
    next.colour = checkColour(patch.colour);
    // Chosen now, so the project's own: exports write it.
    if (next.colour !== code.colour) delete next.autoColour;
  }
  // Stored only when set: a codebook that never had categories keeps records as they were.
  if (patch.notCodable === true) next.notCodable = true;
  if (patch.notCodable === false) delete next.notCodable;
  const draft = new Draft(codes);
  draft.set(next);
  const label =
    next.name !== code.name
      ? `Rename "${code.name}" to "${next.name}"`
      : Boolean(next.notCodable) !== Boolean(code.notCodable)
        ? `Make "${code.name}" ${next.notCodable ? 'a category' : 'a code'}`
        : `Edit "${code.name}"`;
  return { label, changes: draft.changes() };
}

/** Puts the code under `newParentId` at position `index` of its new siblings (counted without it). */
export function moveCode(codes: readonly Code[], codeId: string, newParentId: string | null, index: number): Action {
  const code = liveCode(codes, codeId);
  if (newParentId !== null) {
    const parent = liveCode(codes, newParentId, 'new parent code');
    if (parent.id === code.id || descendantIds(codes, code.id).includes(parent.id)) {
      throw new ValidationError(`"${code.name}" cannot be moved under itself or one of its own sub-codes.`);
    }
  }
  const others = childrenOf(codes, newParentId).filter((c) => c.id !== code.id);
  checkName(code.name, others);
  const draft = new Draft(codes);
  if (code.parentId !== newParentId) draft.renumber(childrenOf(codes, code.parentId).filter((c) => c.id !== code.id));
  draft.place(others, { ...code, parentId: newParentId }, index);
  return { label: `Move "${code.name}"`, changes: draft.changes() };
}

/** Keyboard moves in the codebook tree; an empty Action when the code is already at the edge. */
export function moveCodeByKey(codes: readonly Code[], codeId: string, direction: KeyMove): Action {
  const code = liveCode(codes, codeId);
  const siblings = childrenOf(codes, code.parentId);
  const at = siblings.findIndex((c) => c.id === code.id);
  const none: Action = { label: `Move "${code.name}"`, changes: [] };
  const parent = code.parentId === null ? undefined : live(codes).find((c) => c.id === code.parentId);
  switch (direction) {
    case 'up':
      return at > 0 ? moveCode(codes, codeId, code.parentId, at - 1) : none;
    case 'down':
      return at < siblings.length - 1 ? moveCode(codes, codeId, code.parentId, at + 1) : none;
    case 'indent': {
      const prev = siblings[at - 1];
      return prev ? moveCode(codes, codeId, prev.id, childrenOf(codes, prev.id).length) : none;
    }
    case 'outdent': {
      if (!parent) return none;
      const uncles = childrenOf(codes, parent.parentId);
      return moveCode(codes, codeId, parent.parentId, uncles.findIndex((c) => c.id === parent.id) + 1);
    }
  }
}

/**
 * Folds `fromId` into `intoId`: its codings and children move over and it is soft-deleted.
 * A moved coding that would exactly repeat one already under `into` is soft-deleted instead;
 * a memo it carries is appended to the kept coding so no researcher's note disappears.
 */
export function mergeCodes(codes: readonly Code[], codings: readonly Coding[], fromId: string, intoId: string, now: number): Action {
  const from = liveCode(codes, fromId);
  const into = liveCode(codes, intoId);
  if (from.id === into.id) throw new ValidationError(`"${from.name}" cannot be merged into itself.`);
  if (descendantIds(codes, from.id).includes(into.id))
    throw new ValidationError(`"${from.name}" cannot be merged into its own sub-code "${into.name}".`);
  const kept = childrenOf(codes, into.id).filter((c) => c.id !== from.id);
  const incoming = childrenOf(codes, from.id);
  for (const child of incoming) {
    const twin = kept.find((k) => nameKey(k.name) === nameKey(child.name));
    if (twin)
      throw new ValidationError(
        `Both "${from.name}" and "${into.name}" have a sub-code called "${twin.name}"; rename or merge one of them first.`,
      );
  }
  const draft = new Draft(codes);
  draft.renumber([...kept, ...incoming.map((c) => ({ ...c, parentId: into.id }))]);
  draft.set({ ...from, deletedAt: now });

  const work = new Map(codings.map((c) => [c.id, c]));
  const key = (c: Coding) => `${c.sourceId}\u0000${c.coderId}\u0000${c.start}\u0000${c.end}`;
  const existing = new Map(
    live(codings)
      .filter((c) => c.codeId === into.id)
      .map((c) => [key(c), c.id]),
  );
  for (const c of live(codings).filter((c) => c.codeId === from.id)) {
    const twinId = existing.get(key(c));
    if (twinId === undefined) {
      work.set(c.id, { ...c, codeId: into.id, updatedAt: now });
      existing.set(key(c), c.id); // two identical codings of `from` must not both survive either
      continue;
    }
    work.set(c.id, { ...c, deletedAt: now, updatedAt: now });
    const twin = work.get(twinId)!;
    const memo = c.memo.trim();
    if (memo && !twin.memo.includes(memo))
      work.set(twinId, { ...twin, memo: twin.memo.trim() ? `${twin.memo}\n\n${memo}` : memo, updatedAt: now });
  }
  return { label: `Merge "${from.name}" into "${into.name}"`, changes: [...draft.changes(), ...diff('codings', codings, work)] };
}

/** A new sibling right after `codeId`, in a shade of its colour, taking the listed codings. */
export function splitCode(
  codes: readonly Code[],
  codings: readonly Coding[],
  codeId: string,
  spec: { name: string; codingIds: readonly string[] },
  newId: () => string,
  now: number,
): Action {
  const code = liveCode(codes, codeId);
  if (spec.codingIds.length === 0) throw new ValidationError(`Choose the codings of "${code.name}" that go to the new code.`);
  const byId = new Map(live(codings).map((c) => [c.id, c]));
  const moving = [...new Set(spec.codingIds)].map((id) => {
    const c = byId.get(id);
    if (!c || c.codeId !== code.id) throw new ValidationError(`Coding ${id} is not a coding of "${code.name}", so it cannot be split off.`);
    return c;
  });
  const siblings = childrenOf(codes, code.parentId);
  const colour = freshColour((i) => childColour(code.colour, i), [...siblings, code], 0);
  const create = createCode(codes, { name: spec.name, parentId: code.parentId, colour, index: siblings.indexOf(code) + 1 }, newId, now);
  const newCodeId = create.changes.find((c) => c.before === null)!.after!.id;
  const moves: Change[] = moving.map((c) => updated('codings', c, { ...c, codeId: newCodeId, updatedAt: now }));
  return { label: `Split "${code.name}" into "${spec.name.trim()}"`, changes: [...create.changes, ...moves] };
}

/** What deleting a code takes with it: the code and its live sub-codes, and their live codings. */
/**
 * What merging `fromId` into `intoId` will do, for the confirmation: codings moved, codings
 * dropped because the target already has the same passage by the same coder, sub-codes moved.
 */
export function mergeImpact(
  codes: readonly Code[],
  codings: readonly Coding[],
  fromId: string,
  intoId: string,
): { codings: number; duplicates: number; subCodes: number } {
  const from = liveCode(codes, fromId);
  const into = liveCode(codes, intoId);
  const key = (c: Coding) => `${c.sourceId}\u0000${c.coderId}\u0000${c.start}\u0000${c.end}`;
  const seen = new Set(
    live(codings)
      .filter((c) => c.codeId === into.id)
      .map(key),
  );
  let moved = 0;
  let duplicates = 0;
  for (const c of live(codings).filter((c) => c.codeId === from.id)) {
    if (seen.has(key(c))) duplicates += 1;
    else moved += 1;
    seen.add(key(c));
  }
  return { codings: moved, duplicates, subCodes: childrenOf(codes, from.id).length };
}

export function deleteImpact(codes: readonly Code[], codings: readonly Coding[], codeId: string): { codes: number; codings: number } {
  const ids = new Set([liveCode(codes, codeId).id, ...descendantIds(codes, codeId)]);
  return { codes: ids.size, codings: live(codings).filter((c) => ids.has(c.codeId)).length };
}

export function deleteCode(codes: readonly Code[], codings: readonly Coding[], codeId: string, now: number): Action {
  const code = liveCode(codes, codeId);
  const ids = new Set([code.id, ...descendantIds(codes, codeId)]);
  // Siblings keep their order numbers: gaps are harmless (order is only compared) and leaving
  // them keeps the action to exactly what was deleted.
  const changes: Change[] = live(codes)
    .filter((c) => ids.has(c.id))
    .map((c) => updated('codes', c, { ...c, deletedAt: now }));
  for (const c of live(codings)) if (ids.has(c.codeId)) changes.push(updated('codings', c, { ...c, deletedAt: now }));
  return { label: `Delete "${code.name}"`, changes };
}

// ---- helpers ----

/** Names are compared as a researcher reads them: case and spacing do not make a new code. */
const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** Live children of `parentId` (null: top level) by order; ties keep their array order (stable sort). */
export function childrenOf(codes: readonly Code[], parentId: string | null): Code[] {
  return codes.filter((c) => c.deletedAt == null && c.parentId === parentId).sort((a, b) => a.order - b.order);
}

function liveCode(codes: readonly Code[], id: string, what = 'code'): Code {
  const code = codes.find((c) => c.id === id);
  if (!code || code.deletedAt != null) throw new ValidationError(`The ${what} no longer exists (it may have been deleted).`);
  return code;
}

function checkName(raw: string, siblings: readonly Code[], selfId?: string): string {
  const name = raw.trim();
  if (!name) throw new ValidationError('A code needs a name.');
  if (/[\r\n]/.test(name)) throw new ValidationError('A code name must be one line.');
  if (name.length > MAX_NAME_LENGTH)
    throw new ValidationError(`A code name may be at most ${MAX_NAME_LENGTH} characters; put the detail in the description.`);
  const twin = siblings.find((s) => s.id !== selfId && nameKey(s.name) === nameKey(name));
  if (twin) throw new ValidationError(`There is already a code called "${twin.name}" here; choose another name.`);
  return name;
}

function checkColour(raw: string): string {
  const colour = raw.trim().toLowerCase();
  if (!isColour(colour)) throw new ValidationError(`"${raw}" is not a colour like "#a1b2c3".`);
  return colour;
}

/** The candidate colour from `start` on that no sibling already wears, so neighbours stay apart. */
function freshColour(candidate: (i: number) => string, siblings: readonly Code[], start: number): string {
  const used = new Set(siblings.map((s) => s.colour.toLowerCase()));
  for (let i = start; i < start + PALETTE.length; i++) if (!used.has(candidate(i))) return candidate(i);
  return candidate(start);
}

/** Record-level diff of one table: only records whose fields changed become changes. */
function diff<T extends 'codes' | 'codings'>(
  table: T,
  before: readonly (T extends 'codes' ? Code : Coding)[],
  work: Map<string, Code | Coding>,
): Change[] {
  const original = new Map<string, Code | Coding>(before.map((r) => [r.id, r]));
  const out: Change[] = [];
  for (const [id, rec] of work) {
    const old = original.get(id);
    if (!old) out.push(created(table, rec as never));
    else if (!sameFields(old, rec)) out.push(updated(table, old as never, rec as never));
  }
  return out;
}

function sameFields(a: object, b: object): boolean {
  const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  return [...keys].every((k) => x[k] === y[k]);
}

/**
 * Working copies of the codes: an operation edits them freely (a record may be touched twice,
 * e.g. moved then renumbered) and the Action gets one before -> after per changed record.
 */
class Draft {
  private readonly work: Map<string, Code>;
  constructor(private readonly codes: readonly Code[]) {
    this.work = new Map(codes.map((c) => [c.id, c]));
  }
  set(code: Code): void {
    this.work.set(code.id, code);
  }
  /** Gives `list` the orders 0..n-1 in the order given. */
  renumber(list: readonly Code[]): void {
    list.forEach((c, order) => this.set({ ...(this.work.get(c.id) ?? c), parentId: c.parentId, order }));
  }
  /** Inserts `code` among `siblings` (which exclude it) at `index`, default last, and renumbers them. */
  place(siblings: readonly Code[], code: Code, index: number | undefined): void {
    const at = index === undefined || Number.isNaN(index) ? siblings.length : Math.max(0, Math.min(siblings.length, Math.trunc(index)));
    this.renumber([...siblings.slice(0, at), code, ...siblings.slice(at)]);
  }
  changes(): Change[] {
    return diff('codes', this.codes, this.work);
  }
}
