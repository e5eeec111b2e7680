// How a survey table is laid out (issue 19), guessed from its column names so the import dialog
// can start from a proposal: long (participant, time point, item, value), wide rows (one row per
// participant and time point) or wide columns (item_T0 … item_T5). Anything the names leave open
// goes into `unsure` as a sentence the dialog shows, so the researcher decides, not the guess.
import { ImportError } from '../shared';
import type { SurveyItemColumn, SurveyLayout, SurveyTable } from './surveyImport';

/** A column name as compared: lower case, runs of anything but letters and digits as one '_'. */
export function columnKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

// Names in order of preference: a pseudonym names a person more surely than an 'id' does.
const PARTICIPANT = [
  'pseudonym',
  'participant',
  'participant_id',
  'participant_name',
  'respondent',
  'respondent_id',
  'person',
  'woman',
  'name',
  'id',
  'pid',
  'case_id',
  'subject',
  'subject_id',
];
const TIME = ['time_point', 'timepoint', 'time', 'tp', 'wave', 'visit', 'round', 'occasion', 'period', 't'];
const ITEM = ['item', 'variable', 'question', 'measure', 'indicator'];
const VALUE = ['value', 'answer', 'response', 'score'];

/** The first column (in `names` order of preference) the table has, or undefined. */
function named(keys: readonly string[], names: readonly string[], taken: ReadonlySet<number>): number | undefined {
  for (const name of names) {
    const i = keys.indexOf(name);
    if (i >= 0 && !taken.has(i)) return i;
  }
  return undefined;
}

// A time suffix: a separator (or none), a marker (T, W, time, wave, TP, or none) and a number.
// The stem is lazy, so separator and marker are taken as long as they can be ('x_time1').
const SUFFIX = /^(.+?)([_.\- ]?)(time|wave|tp|t|w)?(\d{1,3})$/i;

interface Suffixed {
  column: string;
  stem: string;
  family: string;
  n: number;
}

function parseSuffix(column: string): Suffixed | null {
  const m = SUFFIX.exec(column.trim());
  if (!m) return null;
  const [, stem, separator, marker = ''] = m;
  // 'item1' (no separator, no marker) is a question number as often as a time: not a family.
  if (!separator && !marker) return null;
  return { column, stem: stem!.trim(), family: `${separator}|${marker.toLowerCase()}`, n: Number(m[4]) };
}

/** The time point a suffix stands for: 'T3', 'W3', 'Time 3'; a bare number reads as T. */
function timeLabel(family: string, n: number): string {
  const marker = family.split('|')[1];
  if (marker === 'w' || marker === 'wave') return `W${n}`;
  if (marker === 'time') return `Time ${n}`;
  if (marker === 'tp') return `TP${n}`;
  return `T${n}`;
}

const list = (names: readonly string[]) =>
  names
    .slice(0, 8)
    .map((n) => `'${n}'`)
    .join(', ') + (names.length > 8 ? ` and ${names.length - 8} more` : '');

/**
 * The layout the column names suggest. Refuses (ImportError) a table it can make nothing of: no
 * time column, no item×time columns and not the four columns of the long form.
 */
export function detectSurveyLayout(table: SurveyTable): SurveyLayout {
  const names = table.columns.map((c) => c.name);
  const keys = names.map(columnKey);
  const unsure: string[] = [];
  if (names.length < 2) throw unknownLayout(table, 'it has fewer than two columns');
  const taken = new Set<number>();
  const candidates = PARTICIPANT.map((n) => keys.indexOf(n)).filter((i) => i >= 0);
  let participant = candidates[0];
  if (participant === undefined) {
    participant = 0;
    unsure.push(`No column is named for the participant (pseudonym, participant or id); the first column, '${names[0]}', was taken.`);
  } else if (candidates.length > 1) {
    const others = candidates.slice(1).map((i) => names[i]!);
    unsure.push(`Participants are matched by '${names[participant]}'; ${list(others)} could name them too.`);
  }
  taken.add(participant);
  const participantColumn = names[participant]!;
  const time = named(keys, TIME, taken);
  if (time !== undefined) taken.add(time);
  const item = named(keys, ITEM, taken);
  const value = named(keys, VALUE, taken);

  if (time !== undefined && item !== undefined && value !== undefined) {
    const rest = names.filter((_, i) => i !== participant && i !== time && i !== item && i !== value);
    if (rest.length) unsure.push(`Left out (the long form reads participant, time point, item and value only): ${list(rest)}.`);
    return { layout: 'long', participantColumn, timePointColumn: names[time], itemColumn: names[item], valueColumn: names[value], unsure };
  }

  if (time !== undefined) {
    if (item !== undefined || value !== undefined) {
      const which = names[item ?? value!];
      unsure.push(
        `'${which}' looks like a column of the long form, but the long form needs both an item and a value column; it is read as an item.`,
      );
    }
    const itemColumns: SurveyItemColumn[] = names
      .filter((_, i) => i !== participant && i !== time)
      .map((column) => ({ column, item: column.trim(), timePoint: '' }));
    return { layout: 'wide-rows', participantColumn, timePointColumn: names[time], itemColumns, unsure };
  }

  return wideColumns(table, names, participant, unsure);
}

/** Item×time columns: the suffix family most columns share wins; the rest is left out, said so. */
function wideColumns(table: SurveyTable, names: readonly string[], participant: number, unsure: string[]): SurveyLayout {
  const parsed = names.map((name, i) => (i === participant ? null : parseSuffix(name)));
  // Per family: how many columns belong to a stem seen at two or more times.
  const stemsByFamily = new Map<string, Map<string, Set<number>>>();
  for (const p of parsed) {
    if (!p) continue;
    const stems = stemsByFamily.get(p.family) ?? new Map<string, Set<number>>();
    stemsByFamily.set(p.family, stems);
    const key = p.stem.toLowerCase();
    stems.set(key, (stems.get(key) ?? new Set()).add(p.n));
  }
  let best: string | undefined;
  let bestScore = 0;
  for (const [family, stems] of stemsByFamily) {
    let score = 0;
    for (const times of stems.values()) if (times.size >= 2) score += times.size;
    if (score > bestScore) [best, bestScore] = [family, score];
  }
  if (best === undefined) {
    throw unknownLayout(table, 'no column names a time point, and no columns carry time suffixes such as item_T0 … item_T5');
  }
  const stems = stemsByFamily.get(best)!;
  const bare = best.endsWith('|');
  const itemColumns: SurveyItemColumn[] = [];
  const leftOut: string[] = [];
  const otherFamily: string[] = [];
  const single: string[] = [];
  names.forEach((name, i) => {
    if (i === participant) return;
    const p = parsed[i];
    if (!p) return void leftOut.push(name);
    if (p.family !== best) return void otherFamily.push(name);
    // A bare number seen once ('age_30') is more likely part of the name than a time.
    if (bare && stems.get(p.stem.toLowerCase())!.size < 2) return void single.push(name);
    itemColumns.push({ column: name, item: p.stem, timePoint: timeLabel(best, p.n) });
  });
  // A lower-case marker glued to the stem ('threat1' read as 'threa' at T1; 'negT1' is clear)
  // may be part of the name: said, with the reading, for the researcher to check or change.
  const glued = itemColumns.length ? SUFFIX.exec(itemColumns[0]!.column.trim()) : null;
  if (!bare && best.startsWith('|') && glued?.[3] && glued[3] === glued[3].toLowerCase()) {
    unsure.push(
      `Columns such as '${itemColumns[0]!.column}' were read as the item '${itemColumns[0]!.item}' at ${itemColumns[0]!.timePoint} (no separator before the time); check the item names.`,
    );
  }
  if (bare) {
    unsure.push(
      `Columns such as '${itemColumns[0]!.column}' were read as an item at a time point (here ${itemColumns[0]!.timePoint}); check the numbers are times, not question numbers.`,
    );
  }
  if (single.length) unsure.push(`Left out (a number that may be part of the name, seen at one time only): ${list(single)}.`);
  if (otherFamily.length) unsure.push(`Left out (a different time suffix from the other columns): ${list(otherFamily)}.`);
  if (leftOut.length) unsure.push(`Left out (no time suffix): ${list(leftOut)}.`);
  return { layout: 'wide-columns', participantColumn: names[participant]!, itemColumns, unsure };
}

function unknownLayout(table: SurveyTable, why: string): ImportError {
  return new ImportError(
    table.fileName,
    `the layout of the survey could not be recognised: ${why}. Use one of three layouts: four columns participant, time point, item and value (long form); ` +
      `one row per participant and time point with a time point column (wide rows); or one row per participant with columns such as item_T0 … item_T5 (wide columns).`,
  );
}
