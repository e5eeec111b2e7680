// Planning a survey import (issue 19): a table read from CSV, XLSX or .sav (renderer/io) becomes
// time points, items, answers and new participants, matched against the project, with every
// problem listed by file, row and column. Nothing is written here: the dialog shows the plan as
// a preview, and the store writes it only when the researcher accepts it. One pass over the
// cells, then one over the answers: 1,000 participants × 6 time points × 60 items stay linear.
import {
  DEFAULT_ROLES,
  ImportError,
  live,
  pseudonymKey,
  ValidationError,
  type Group,
  type Participant,
  type ProjectSnapshot,
  type SurveyItem,
  type SurveyResponse,
  type SurveyTimePoint,
  type SurveyValue,
  type SurveyValueLabel,
} from '../shared';
import { guessItem, ItemStats, suggestParticipants, valueKey } from './surveyGuess';
import { matchTimePoints, surveyLabelKey, timePointRecords } from './surveyTimeMatch';

export { detectSurveyLayout } from './surveyLayout';
export { surveyLabelKey } from './surveyTimeMatch';

/** What any survey file may hold; bigger files are refused before they are read. */
export const SURVEY_LIMITS = { bytes: 200 * 1024 * 1024, columns: 5_000, rows: 2_000_000 } as const;

export interface SurveyColumn {
  name: string;
  /** The variable's label (SPSS), e.g. the question as asked. */
  label?: string;
  valueLabels?: SurveyValueLabel[];
  /** Codes that mean "no answer" (SPSS missing values); values in `missingRanges` that occur are listed here too. */
  missing?: (string | number)[];
  /** SPSS missing-value ranges, e.g. 990 THRU 999 (LO and HI as -Infinity and Infinity). */
  missingRanges?: { low: number; high: number }[];
}

/** A survey file as read: named columns, rows of plain values (empty cells null). */
export interface SurveyTable {
  fileName: string;
  columns: SurveyColumn[];
  rows: SurveyValue[][];
  /** Each row's number as the file shows it (a spreadsheet's row, the header being 1); absent: row i is case i + 1 (.sav). */
  rowNumbers?: number[];
}

/** A column of answers: which item, at which time point (wide rows: the time comes from the time column, `timePoint` is ''). */
export interface SurveyItemColumn {
  column: string;
  item: string;
  timePoint: string;
}

export interface SurveyLayout {
  layout: 'long' | 'wide-rows' | 'wide-columns';
  participantColumn: string;
  timePointColumn?: string;
  itemColumn?: string;
  valueColumn?: string;
  itemColumns?: SurveyItemColumn[];
  /** Sentences for the dialog: what the guess was not sure of, for the researcher to decide. */
  unsure: string[];
}

/** A participant value of the file (its `pseudonymKey`) → a participant's id, a new participant, or left out. */
export type ParticipantChoice = string | 'new' | 'skip';

export interface SurveyImportChoices extends Omit<SurveyLayout, 'unsure'> {
  unsure?: string[];
  participantMatches?: Record<string, ParticipantChoice>;
  newParticipantGroup?: Group;
  newParticipantRole?: string;
  /**
   * The file's time points (by label key, as `timePoints[].fileLabel`) → a live time point's id,
   * or 'new'. Absent: matched by label; and when none matches by label and the file has as many
   * as the project (T0…T5 beside the study's six), in order, which the plan says.
   */
  timePointMatches?: Record<string, string>;
}

export interface SurveyUnmatched {
  /** The key `participantMatches` takes: the value's pseudonymKey. */
  key: string;
  /** The file's rows (as the file numbers them) that name this participant. */
  rows: number[];
  /** As first written in the file. */
  value: string;
  /** Up to three participant ids, closest pseudonym first. */
  suggestions: string[];
}

export interface SurveyImportError {
  row: number;
  column: string;
  /** A whole sentence naming file, row and column, ready to show. */
  message: string;
}

export interface SurveyImportPlan {
  /** Each time point the file names (as written there: `fileLabel`), and the record it is. */
  timePoints: { record: SurveyTimePoint; isNew: boolean; fileLabel: string }[];
  /** The file's time points were taken, in order, as the project's (none matched by label). */
  timePointsByOrder: boolean;
  items: { record: SurveyItem; isNew: boolean }[];
  /** Answers to write: new ones and changed ones (an answer equal to the stored one is left out). */
  responses: SurveyResponse[];
  newParticipants: Participant[];
  unmatched: SurveyUnmatched[];
  /** Nothing may be written while this holds anything. */
  errors: SurveyImportError[];
  /** Answers that would overwrite a different stored answer. */
  replaced: number;
  /** Answers the file gives exactly as stored (not in `responses`). */
  unchanged: number;
}

const MAX_ERRORS = 1000;
const labelKey = surveyLabelKey;
const text = (v: SurveyValue | undefined) => (v === null || v === undefined ? '' : String(v).trim());

/** One answer cell of a row that is written: `p`, `t`, `i` index the participants, time points and items met. */
interface Cell {
  row: number;
  col: number;
  p: number;
  t: number;
  i: number;
  value: SurveyValue;
}

/** The plan for importing `table` with the researcher's choices; throws an ImportError when the choices do not fit the file. */
export function planSurveyImport(
  project: ProjectSnapshot,
  table: SurveyTable,
  choices: SurveyImportChoices,
  newId: () => string,
): SurveyImportPlan {
  const file = table.fileName;
  const colIndex = new Map(table.columns.map((c, i) => [c.name, i]));
  const need = (name: string | undefined, role: string): number => {
    const i = name === undefined ? undefined : colIndex.get(name);
    if (i === undefined)
      throw new ImportError(file, `the ${role} column ${name ? `'${name}' ` : ''}is not in the file; choose one of its columns.`);
    return i;
  };
  const pCol = need(choices.participantColumn, 'participant');
  const rowNumber = (r: number) => table.rowNumbers?.[r] ?? r + 1;
  const errors: SurveyImportError[] = [];
  let moreErrors = 0;
  const fail = (r: number, col: number, problem: string) => {
    if (errors.length >= MAX_ERRORS) return void moreErrors++;
    const column = table.columns[col]?.name ?? '';
    errors.push({ row: rowNumber(r), column, message: `${file}: row ${rowNumber(r)}, column '${column}': ${problem}` });
  };

  // ---- time points and items: existing ones by label, new ones in the order met ----
  const existingTimes = live(project.surveyTimePoints ?? []);
  const existingItems = live(project.surveyItems ?? []);
  const timeKeys = new Map(existingTimes.map((t) => [labelKey(t.label), t]));
  const itemKeys = new Map(existingItems.map((t) => [labelKey(t.label), t]));
  const times: { label: string; existing?: SurveyTimePoint }[] = [];
  const items: { label: string; existing?: SurveyItem; stats: ItemStats; cols: number[] }[] = [];
  const timeIndex = new Map<string, number>();
  const itemIndex = new Map<string, number>();
  const timeOf = (label: string) => {
    const key = labelKey(label);
    let t = timeIndex.get(key);
    if (t === undefined) timeIndex.set(key, (t = times.push({ label, existing: timeKeys.get(key) }) - 1));
    return t;
  };
  const itemOf = (label: string, col: number) => {
    const key = labelKey(label);
    let i = itemIndex.get(key);
    if (i === undefined) itemIndex.set(key, (i = items.push({ label, existing: itemKeys.get(key), stats: new ItemStats(), cols: [] }) - 1));
    if (!items[i]!.cols.includes(col)) items[i]!.cols.push(col);
    return i;
  };

  // Per row, the cells that carry answers: [column, time point or -1 (from the row), item or -1 (from the row)].
  let tCol = -1;
  let iCol = -1;
  const answerCols: [number, number, number][] = [];
  if (choices.layout === 'long') {
    tCol = need(choices.timePointColumn, 'time point');
    iCol = need(choices.itemColumn, 'item');
    const vCol = need(choices.valueColumn, 'value');
    answerCols.push([vCol, -1, -1]);
  } else if (choices.layout === 'wide-rows') {
    tCol = need(choices.timePointColumn, 'time point');
    const columns =
      choices.itemColumns ?? table.columns.filter((_, i) => i !== pCol && i !== tCol).map((c) => ({ column: c.name, item: c.name }));
    for (const c of columns) {
      const col = need(c.column, 'item');
      answerCols.push([col, -1, itemOf(c.item.trim() || c.column, col)]);
    }
  } else if (choices.layout === 'wide-columns') {
    for (const c of choices.itemColumns ?? []) {
      const col = need(c.column, 'item');
      if (!c.timePoint.trim())
        throw new ImportError(file, `the column '${c.column}' has no time point; give it one or leave the column out.`);
      answerCols.push([col, timeOf(c.timePoint.trim()), itemOf(c.item.trim() || c.column, col)]);
    }
  } else {
    throw new ImportError(file, `'${String(choices.layout)}' is not a survey layout (long, wide-rows or wide-columns).`);
  }
  if (!answerCols.length) throw new ImportError(file, 'no column of answers was chosen; choose at least one item column.');
  // Missing codes and value labels by column and, for existing items, by item: a code is
  // missing (null); a label written out ('Often', as pspp-convert --labels writes) is its value.
  const colMissing = table.columns.map((c) => new Set((c.missing ?? []).map(valueKey)));
  const colLabels = table.columns.map((c) => labelValues(c.valueLabels));
  const itemCodes: { missing: Set<string>; labels: Map<string, string | number> }[] = [];
  const codesOf = (i: number) =>
    (itemCodes[i] ??= {
      missing: new Set((items[i]!.existing?.missing ?? []).map(valueKey)),
      labels: labelValues(items[i]!.existing?.valueLabels),
    });

  // ---- participants ----
  const people = live(project.participants);
  const byId = new Map(people.map((p) => [p.id, p]));
  const byKey = new Map<string, Participant>();
  for (const p of people) if (!byKey.has(pseudonymKey(p.pseudonym))) byKey.set(pseudonymKey(p.pseudonym), p);
  const roles = project.roles ?? DEFAULT_ROLES;
  const role = choices.newParticipantRole ?? (roles.some((r) => r.id === 'woman') ? 'woman' : (roles[0]?.id ?? ''));
  if (role && !roles.some((r) => r.id === role)) throw new ValidationError(`"${role}" is not a role of this project.`);
  const newParticipants: Participant[] = [];
  const unmatched = new Map<string, SurveyUnmatched>();
  const personIds: string[] = [];
  const personIndex = new Map<string, number>();
  /** Resolved participant index per key, or -1 (writes nothing). */
  const resolved = new Map<string, number>();
  const resolve = (value: string, key: string, r: number): number => {
    const known = resolved.get(key);
    if (known !== undefined) return known;
    const choice = choices.participantMatches?.[key];
    let id: string | undefined;
    if (choice === 'skip') id = undefined;
    else if (choice === 'new') {
      const clash = byKey.get(key);
      if (clash)
        fail(r, pCol, `'${value}' is already a participant (${clash.pseudonym}); match the row to her instead of adding her again.`);
      else {
        id = newId();
        newParticipants.push({ id, pseudonym: value, role, site: '', group: choices.newParticipantGroup ?? '', attributes: {}, links: [] });
      }
    } else if (choice !== undefined) {
      if (byId.has(choice)) id = choice;
      else fail(r, pCol, `'${value}' is matched to a participant who is not in the project (any more); choose again.`);
    } else {
      id = (byId.get(value) ?? byKey.get(key))?.id;
      if (id === undefined) unmatched.set(key, { key, rows: [], value, suggestions: suggestParticipants(key, people) });
    }
    let p = -1;
    if (id !== undefined) {
      p = personIndex.get(id) ?? -1;
      if (p < 0) personIndex.set(id, (p = personIds.push(id) - 1));
    }
    resolved.set(key, p);
    return p;
  };

  // ---- the pass over the rows ----
  const cells: Cell[] = [];
  table.rows.forEach((row, r) => {
    const who = text(row[pCol]);
    const hasAnswer = answerCols.some(([col]) => row[col] !== null && row[col] !== undefined && text(row[col]) !== '');
    if (!who) {
      if (hasAnswer) fail(r, pCol, 'the participant is empty; fill it in or delete the row.');
      return;
    }
    const key = pseudonymKey(who);
    const p = resolve(who, key, r);
    unmatched.get(key)?.rows.push(rowNumber(r));
    let rowT = -1;
    let rowI = -1;
    if (tCol >= 0) {
      const label = text(row[tCol]);
      if (!label) {
        if (hasAnswer && p >= 0) fail(r, tCol, 'the time point is empty.');
        return;
      }
      rowT = timeOf(label);
    }
    if (iCol >= 0) {
      const label = text(row[iCol]);
      if (!label) {
        if (hasAnswer && p >= 0) fail(r, iCol, 'the item is empty.');
        return;
      }
      rowI = itemOf(label, answerCols[0]![0]);
    }
    for (const [col, t0, i0] of answerCols) {
      const t = t0 >= 0 ? t0 : rowT;
      const i = i0 >= 0 ? i0 : rowI;
      let value: SurveyValue = row[col] ?? null;
      if (typeof value === 'string') {
        value = value.trim() || null;
        const key = value === null ? '' : valueKey(value);
        if (value !== null) value = colLabels[col]!.get(key) ?? codesOf(i).labels.get(key) ?? value;
      }
      // An empty cell says nothing: it writes nothing (a correction file with a few cells filled
      // must not erase the stored answers beside them). A missing-value code is an answer of
      // "no answer", written as null.
      if (value === null) continue;
      if (value !== null) {
        const key = valueKey(value);
        if (colMissing[col]!.has(key) || codesOf(i).missing.has(key)) value = null;
      }
      items[i]!.stats.add(value, r, col, p >= 0);
      if (p >= 0) cells.push({ row: r, col, p, t, i, value });
    }
  });

  // ---- records: new time points sorted by their numbers, new items typed from their answers ----
  const byOrder = matchTimePoints(times, existingTimes, choices.timePointMatches);
  const timeRecords = timePointRecords(times, existingTimes, newId);
  const itemRecords = items.map(({ label, existing, stats, cols }) => {
    if (existing) {
      for (const bad of stats.textAmongNumbers(existing)) fail(bad.row, bad.col, bad.problem(label));
      return { record: existing, isNew: false };
    }
    const columns = cols.map((c) => table.columns[c]!);
    const guess = guessItem(stats, columns);
    for (const bad of stats.textAmongNumbers(guess)) fail(bad.row, bad.col, bad.problem(label));
    return { record: { id: newId(), label, ...guess }, isNew: true };
  });
  const maxItemOrder = Math.max(-1, ...existingItems.map((it) => it.order ?? -1));
  let nextOrder = maxItemOrder + 1;
  for (const it of itemRecords) if (it.isNew) it.record.order = nextOrder++;

  // ---- duplicates, then the answers against what is stored ----
  const stored = new Map<string, SurveyResponse>();
  for (const s of live(project.surveyResponses ?? [])) stored.set(`${s.participantId}\u0000${s.timePointId}\u0000${s.itemId}`, s);
  const nT = Math.max(1, times.length);
  const nI = Math.max(1, items.length);
  // The first cell of each participant × time point × item: a flat array while that product is
  // small enough (the study's 1,000 × 6 × 60 is 360,000 slots), a map beyond.
  const slots = Math.max(1, personIds.length) * nT * nI;
  const firstIndex = slots <= 8_000_000 ? new Int32Array(slots).fill(-1) : null;
  const firstMap = firstIndex ? null : new Map<number, number>();
  const firstOf = (slot: number): Cell | undefined => {
    const at = firstIndex ? firstIndex[slot]! : (firstMap!.get(slot) ?? -1);
    return at >= 0 ? cells[at] : undefined;
  };
  const responses: SurveyResponse[] = [];
  let replaced = 0;
  let unchanged = 0;
  for (let c = 0; c < cells.length; c += 1) {
    const cell = cells[c]!;
    const slot = (cell.p * nT + cell.t) * nI + cell.i;
    const earlier = firstOf(slot);
    if (earlier) {
      const where =
        earlier.row === cell.row ? `column '${table.columns[earlier.col]!.name}' of the same row` : `row ${rowNumber(earlier.row)}`;
      fail(
        cell.row,
        cell.col,
        `a second answer to '${items[cell.i]!.label}' at '${times[cell.t]!.label}' for the same participant (the first is in ${where}); keep one.`,
      );
      continue;
    }
    if (firstIndex) firstIndex[slot] = c;
    else firstMap!.set(slot, c);
    const participantId = personIds[cell.p]!;
    const timePointId = timeRecords[cell.t]!.record.id;
    const itemId = itemRecords[cell.i]!.record.id;
    // A first import has nothing stored to compare with: no key to build per answer.
    const before = stored.size ? stored.get(`${participantId}\u0000${timePointId}\u0000${itemId}`) : undefined;
    if (before && sameAnswer(before.value, cell.value)) {
      unchanged++;
      continue;
    }
    if (before && before.value !== null) replaced++;
    // No id: the store keeps answers in one set per participant (answerSets.ts), keyed by her.
    responses.push({ participantId, timePointId, itemId, value: cell.value });
  }
  if (moreErrors)
    errors.push({ row: 0, column: '', message: `${file}: ${moreErrors} more problems are not listed; fix the ones above first.` });
  return {
    timePoints: timeRecords,
    timePointsByOrder: byOrder,
    items: itemRecords,
    responses,
    newParticipants,
    unmatched: [...unmatched.values()],
    errors,
    replaced,
    unchanged,
  };
}

/** A label (as text, without case) → its value. */
function labelValues(labels: readonly SurveyValueLabel[] | undefined): Map<string, string | number> {
  const out = new Map<string, string | number>();
  for (const v of labels ?? []) if (typeof v.value === 'number' && !out.has(valueKey(v.label))) out.set(valueKey(v.label), v.value);
  return out;
}

function sameAnswer(a: SurveyValue, b: SurveyValue): boolean {
  if (a === null || b === null) return a === b;
  return valueKey(a) === valueKey(b);
}
