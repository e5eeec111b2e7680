// The guesses a survey import makes for the researcher to check in the preview: an item's type
// from its answers (surveyImport.ts gathers them in its one pass), and the participants an
// unmatched name in the file may mean.
import { pseudonymKey, type Participant, type SurveyItem, type SurveyValue } from '../shared';
import type { SurveyColumn } from './surveyImport';

/** Values compare as text without case or surrounding space: 9, '9' and ' 9' are one code. */
export const valueKey = (v: string | number) => String(v).trim().toLowerCase();

const YES = new Set(['yes', 'y', 'no', 'n']);
/** Text answers kept per item for messages: enough to show, bounded for a huge file. */
const MAX_TEXT_CELLS = 200;

/** What one pass learns of an item's answers (missing ones left out). */
export class ItemStats {
  numbers = 0;
  texts = 0;
  /** Every number is 0 or 1. */
  zeroOne = true;
  integers = true;
  nonNegative = true;
  /** Every text is yes or no (y, n). */
  yesNo = true;
  /** The 'yes' as the file writes it, e.g. 'Yes'. */
  yesAs: string | undefined;
  /** Text answers on rows that are written: each is a problem when the item holds numbers. */
  textCells: { row: number; col: number; value: string }[] = [];

  add(value: SurveyValue, row: number, col: number, written: boolean): void {
    if (value === null) return;
    if (typeof value === 'number') {
      this.numbers++;
      if (value !== 0 && value !== 1) this.zeroOne = false;
      if (!Number.isInteger(value)) this.integers = false;
      if (value < 0) this.nonNegative = false;
      return;
    }
    this.texts++;
    const key = valueKey(value);
    if (!YES.has(key)) this.yesNo = false;
    else if (key.startsWith('y')) this.yesAs ??= value;
    if (written && this.textCells.length < MAX_TEXT_CELLS) this.textCells.push({ row, col, value });
  }

  /** Text answers to an item whose answers are numbers: each a problem naming the item. */
  textAmongNumbers(
    item: Pick<SurveyItem, 'type' | 'reported' | 'valueLabels'>,
  ): { row: number; col: number; problem: (label: string) => string }[] {
    const numeric =
      this.numbers > 0 ||
      item.type === 'count' ||
      item.type === 'numeric' ||
      item.reported.some((r) => typeof r === 'number') ||
      (item.valueLabels ?? []).some((v) => typeof v.value === 'number');
    if (!numeric) return [];
    return this.textCells.map(({ row, col, value }) => ({
      row,
      col,
      problem: (label: string) => `'${value}' is not a number, and the answers to '${label}' are numbers; correct it or clear the cell.`,
    }));
  }
}

/**
 * A new item's type, guessed from its answers and its columns' value labels (missing codes left
 * out): only 0/1 or yes/no → binary, reporting 1 or yes; a small integer scale with value labels
 * → ordinal; non-negative integers → count; anything else → numeric. An ordinal item reports its
 * upper half (3 and 4 of 1–4): a starting point the researcher sets right in the item sheet.
 * Counts and numbers report nothing until she says what counts.
 */
export function guessItem(stats: ItemStats, columns: readonly SurveyColumn[]): Omit<SurveyItem, 'id' | 'label'> {
  const missing: (string | number)[] = [];
  const seen = new Set<string>();
  for (const c of columns) for (const m of c.missing ?? []) if (!seen.has(valueKey(m)) && seen.add(valueKey(m))) missing.push(m);
  const valueLabels = columns.find((c) => c.valueLabels?.length)?.valueLabels;
  const wording = columns.find((c) => c.label?.trim())?.label?.trim();
  const scale = (valueLabels ?? []).filter((v) => !seen.has(valueKey(v.value))).map((v) => v.value);
  const scaleNumbers = scale.filter((v): v is number => typeof v === 'number');
  const numbersOnly = stats.texts === 0 && scaleNumbers.length === scale.length;
  const base = {
    ...(wording ? { wording } : {}),
    ...(valueLabels?.length ? { valueLabels: valueLabels.map((v) => ({ ...v })) } : {}),
    ...(missing.length ? { missing } : {}),
  };
  const any = stats.numbers > 0 || scale.length > 0;
  if (numbersOnly && any && stats.zeroOne && scaleNumbers.every((v) => v === 0 || v === 1)) {
    return { type: 'binary', reported: [1], ...base };
  }
  if (stats.numbers === 0 && stats.texts > 0 && stats.yesNo) return { type: 'binary', reported: [stats.yesAs ?? 'yes'], ...base };
  // Two coded values labelled yes and no (1 = Yes, 2 = No, as SPSS files often have): binary,
  // reporting the value labelled yes.
  const yesLabel = (valueLabels ?? []).filter((v) => !seen.has(valueKey(v.value)));
  if (numbersOnly && yesLabel.length === 2 && yesLabel.every((v) => YES.has(valueKey(v.label)))) {
    const yes = yesLabel.find((v) => valueKey(v.label).startsWith('y'))!;
    return { type: 'binary', reported: [yes.value], ...base };
  }
  // Answers written as words (Never, Sometimes, Often): a scale whose order and reporting
  // values the researcher sets in the item sheet; not numbers, so no word is an error.
  if (stats.numbers === 0 && stats.texts > 0) return { type: 'ordinal', reported: [], ...base };
  if (numbersOnly && stats.integers && scaleNumbers.length >= 2 && scaleNumbers.every(Number.isInteger)) {
    const low = Math.min(...scaleNumbers);
    const high = Math.max(...scaleNumbers);
    if (high - low <= 10) {
      const middle = (low + high) / 2;
      return { type: 'ordinal', reported: scaleNumbers.filter((v) => v > middle).sort((a, b) => a - b), ...base };
    }
  }
  if (numbersOnly && stats.numbers > 0 && stats.integers && stats.nonNegative) return { type: 'count', reported: [], ...base };
  return { type: 'numeric', reported: [], ...base };
}

/** Edit distance, giving up (returning limit + 1) once it must exceed `limit`: names are short. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      best = Math.min(best, row[j]!);
    }
    if (best > limit) return limit + 1;
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * Up to three live participants whose pseudonym is closest to `key` (a pseudonymKey): a few
 * letters apart (a third of the name, at least two), or one name holding the other ('Ana' and
 * 'Ana M.'). Closest first, then by pseudonym.
 */
export function suggestParticipants(key: string, people: readonly Participant[]): string[] {
  const scored: { id: string; d: number; name: string }[] = [];
  for (const p of people) {
    if (p.deletedAt != null) continue;
    const other = pseudonymKey(p.pseudonym);
    if (!other) continue;
    const limit = Math.max(2, Math.ceil(Math.max(key.length, other.length) / 3));
    let d = distance(key, other, limit);
    if (d > limit && Math.min(key.length, other.length) >= 3 && (other.includes(key) || key.includes(other))) d = limit;
    if (d <= limit) scored.push({ id: p.id, d, name: other });
  }
  scored.sort((a, b) => a.d - b.d || a.name.localeCompare(b.name));
  return scored.slice(0, 3).map((s) => s.id);
}
