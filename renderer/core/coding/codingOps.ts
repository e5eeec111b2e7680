// Coding a passage, as Actions over offsets into the canonical text. One coder's codings of
// one code never overlap: applying a code over (or touching) an existing coding of the same
// code by the same coder grows that coding instead, as NVivo and MAXQDA do.
import {
  created,
  updated,
  type Action,
  type Change,
  type Code,
  type Coder,
  type Coding,
  type Memo,
  type MemoTarget,
  ValidationError,
} from '../shared';

export interface CodingRequest {
  sourceId: string;
  codeId: string;
  coderId: string;
  start: number;
  end: number;
}

function checkRange(start: number, end: number, textLength: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > textLength) {
    throw new ValidationError(`The passage ${start}–${end} lies outside the transcript (0–${textLength}).`);
  }
  if (end <= start) throw new ValidationError('Select some text first.');
}

/** Refuses a category (a code that groups codes but is not applied itself), saying what to do. */
export function checkCodable(code: Pick<Code, 'name' | 'notCodable'>): void {
  if (code.notCodable)
    throw new ValidationError(
      `"${code.name}" is a category: it groups codes but is not applied to text itself. Choose one of its codes, or make it a code on the Codebook tab.`,
    );
}

/**
 * Codes a passage. `code` is the code (a category is refused) or, where the caller has checked
 * it already, its name for the undo label.
 */
export function applyCoding(
  codings: readonly Coding[],
  request: CodingRequest,
  textLength: number,
  code: string | Pick<Code, 'name' | 'notCodable'>,
  newId: () => string,
  now: number,
): Action {
  if (typeof code !== 'string') checkCodable(code);
  const codeName = typeof code === 'string' ? code : code.name;
  checkRange(request.start, request.end, textLength);
  const same = codings.filter(
    (c) =>
      c.deletedAt == null &&
      c.sourceId === request.sourceId &&
      c.codeId === request.codeId &&
      c.coderId === request.coderId &&
      c.end >= request.start &&
      c.start <= request.end,
  );
  const label = `Apply "${codeName}"`;
  if (same.length === 0) {
    const coding: Coding = { id: newId(), ...request, memo: '', createdAt: now, updatedAt: now };
    return { label, changes: [created('codings', coding)] };
  }
  const [keep, ...absorbed] = [...same].sort((a, b) => a.createdAt - b.createdAt || a.start - b.start);
  const start = same.reduce((m, c) => Math.min(m, c.start), request.start);
  const end = same.reduce((m, c) => Math.max(m, c.end), request.end);
  if (absorbed.length === 0 && keep!.start === start && keep!.end === end) {
    throw new ValidationError(`This passage is already coded "${codeName}".`);
  }
  const memo = same
    .map((c) => c.memo.trim())
    .filter(Boolean)
    .join('\n\n');
  const changes: Change[] = [updated('codings', keep!, { ...keep!, start, end, memo, updatedAt: now })];
  for (const c of absorbed) changes.push(updated('codings', c, { ...c, deletedAt: now, updatedAt: now }));
  return { label, changes };
}

export function removeCoding(coding: Coding, codeName: string, now: number): Action {
  return { label: `Remove "${codeName}"`, changes: [updated('codings', coding, { ...coding, deletedAt: now, updatedAt: now })] };
}

/** Extends or shrinks a coding's ends; the coding must keep some text. */
export function resizeCoding(coding: Coding, start: number, end: number, textLength: number, codeName: string, now: number): Action {
  checkRange(start, end, textLength);
  if (start === coding.start && end === coding.end) return { label: `Resize "${codeName}"`, changes: [] };
  return { label: `Resize "${codeName}"`, changes: [updated('codings', coding, { ...coding, start, end, updatedAt: now })] };
}

export function setCodingMemo(coding: Coding, memo: string, now: number): Action {
  if (memo === coding.memo) return { label: 'Edit coding memo', changes: [] };
  return { label: 'Edit coding memo', changes: [updated('codings', coding, { ...coding, memo, updatedAt: now })] };
}

/** The code name an in-vivo coding takes from the coded words. */
export function inVivoName(text: string): string {
  const words = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["'“‘(]+|["'”’).,;:!?]+$/g, '');
  if (!words) throw new ValidationError('Select some words to name the in-vivo code.');
  return words.length > 60 ? `${words.slice(0, 59).trimEnd()}…` : words;
}

/** Combines actions into one undo step (e.g. create a code, then apply it). */
export function combine(label: string, ...actions: Action[]): Action {
  return { label, changes: actions.flatMap((a) => a.changes) };
}

export function newCoder(coders: readonly Coder[], name: string, colour: string, newId: () => string): Action {
  const clean = name.trim();
  if (!clean) throw new ValidationError('A coder needs a name.');
  if (coders.some((c) => c.name.toLowerCase() === clean.toLowerCase()))
    throw new ValidationError(`A coder called "${clean}" already exists.`);
  if (!/^#[0-9a-f]{6}$/i.test(colour)) throw new ValidationError(`"${colour}" is not a colour like #3366cc.`);
  return { label: `Add coder ${clean}`, changes: [created('coders', { id: newId(), name: clean, colour })] };
}

/** Writes the memo of a project, participant, transcript or code (one memo per target). */
export function saveMemo(
  memos: readonly Memo[],
  target: MemoTarget,
  targetId: string | null,
  text: string,
  newId: () => string,
  now: number,
): Action {
  const existing = memos.find((m) => m.deletedAt == null && m.target === target && m.targetId === targetId);
  const label = `Edit ${target} memo`;
  if (existing) {
    if (existing.text === text) return { label, changes: [] };
    return { label, changes: [updated('memos', existing, { ...existing, text, updatedAt: now })] };
  }
  if (!text.trim()) return { label, changes: [] };
  return { label, changes: [created('memos', { id: newId(), target, targetId, title: '', text, updatedAt: now })] };
}

/** Codings a viewer may see: in blind mode only the coder's own. */
export function visibleCodings(codings: readonly Coding[], coderId: string | null, blind: boolean): Coding[] {
  return codings.filter((c) => c.deletedAt == null && (!blind || c.coderId === coderId));
}

export function codeName(codes: readonly Code[], codeId: string): string {
  return codes.find((c) => c.id === codeId)?.name ?? 'deleted code';
}
