// Undoable actions as data. A core operation never writes: it returns an Action, a list of
// record changes (before -> after). The store applies it in one transaction and logs it, and
// undo applies its inverse. Soft deletes are changes with `deletedAt` set in `after`.
import type { BasketItem, Code, Coder, Coding, Decision, FrameworkCell, Memo, Participant } from './model';
import type { SurveyAnswerSet, SurveyItem, SurveyTimePoint } from './surveyModel';

export interface TableRecords {
  codes: Code;
  codings: Coding;
  coders: Coder;
  memos: Memo;
  frameworkCells: FrameworkCell;
  decisions: Decision;
  basketItems: BasketItem;
  /** Participants take part in actions only where an action adds them (a survey import). */
  participants: Participant;
  surveyTimePoints: SurveyTimePoint;
  surveyItems: SurveyItem;
  surveyAnswers: SurveyAnswerSet;
}

export type TableName = keyof TableRecords;

export type Change = {
  [T in TableName]: { table: T; before: TableRecords[T] | null; after: TableRecords[T] | null };
}[TableName];

export interface Action {
  /** Shown in the undo menu and the audit trail, e.g. 'Apply "Time Out"'. */
  label: string;
  changes: Change[];
}

export function invert(action: Action): Action {
  return {
    label: action.label,
    changes: [...action.changes].reverse().map((c) => ({ ...c, before: c.after, after: c.before }) as Change),
  };
}

export function isEmpty(action: Action): boolean {
  return action.changes.length === 0;
}

export function created<T extends TableName>(table: T, record: TableRecords[T]): Change {
  return { table, before: null, after: record } as Change;
}

export function updated<T extends TableName>(table: T, before: TableRecords[T], after: TableRecords[T]): Change {
  return { table, before, after } as Change;
}

/** Applies an action to plain arrays (for tests, previews and in-memory state). */
export function applyToArrays(state: { [T in TableName]?: TableRecords[T][] }, action: Action): void {
  for (const change of action.changes) {
    const list = (state[change.table] ??= []) as { id: string }[];
    const id = (change.after ?? change.before)!.id;
    const at = list.findIndex((r) => r.id === id);
    if (change.after === null) {
      if (at >= 0) list.splice(at, 1);
    } else if (at >= 0) list[at] = change.after;
    else list.push(change.after);
  }
}

/** Structural equality of two records as stored (plain JSON-like data). */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a == null && b == null;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameRecord((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
