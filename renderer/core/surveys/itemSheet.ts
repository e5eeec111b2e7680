// The survey's item sheet both ways (issue 19): one row per item with its wording, type, the
// values that report the indicator, the code it measures (by its path in the codebook), missing
// codes and value labels. Researchers fix the importer's guesses here, in a spreadsheet. A bad
// cell refuses the whole sheet with a message naming file, row and column: nothing half-applied.
import {
  ImportError,
  live,
  SURVEY_ITEM_TYPES,
  type Code,
  type ProjectSnapshot,
  type SurveyItem,
  type SurveyItemType,
  type SurveyValueLabel,
} from '../shared';

export const ITEM_SHEET_COLUMNS = ['label', 'wording', 'type', 'reported', 'code', 'missing', 'value labels'] as const;
type ItemSheetColumn = (typeof ITEM_SHEET_COLUMNS)[number];

/** Separates a code's names from the root down: 'Respectful communication > Negotiates during disagreements'. */
const PATH_SEPARATOR = ' > ';

const labelKey = (label: string) => label.toLowerCase().replace(/\s+/g, '');

/** Every live code's path, and the reverse (by path without case or spacing), built once. */
function codePaths(codes: readonly Code[]): { pathOf: Map<string, string>; byPath: Map<string, string> } {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const pathOf = new Map<string, string>();
  const walk = (c: Code, depth: number): string => {
    const known = pathOf.get(c.id);
    if (known !== undefined) return known;
    const parent = c.parentId === null || depth > 100 ? undefined : byId.get(c.parentId);
    const path = parent ? `${walk(parent, depth + 1)}${PATH_SEPARATOR}${c.name}` : c.name;
    pathOf.set(c.id, path);
    return path;
  };
  for (const c of codes) walk(c, 0);
  const byPath = new Map<string, string>();
  for (const c of live(codes)) {
    const key = pathKey(pathOf.get(c.id)!);
    if (!byPath.has(key)) byPath.set(key, c.id);
  }
  return { pathOf, byPath };
}

const pathKey = (path: string) =>
  path
    .split('>')
    .map((part) => part.trim().toLowerCase().replace(/\s+/g, ' '))
    .join('>');

const listText = (values: readonly (string | number)[] | undefined) => (values ?? []).map(String).join('|');

/** The sheet's rows, header first: the live items in their order. */
export function itemsToCsvRows(project: ProjectSnapshot): string[][] {
  const { pathOf } = codePaths(project.codes);
  const items = live(project.surveyItems ?? [])
    .map((item, index) => ({ item, index }))
    .sort((a, b) => (a.item.order ?? Infinity) - (b.item.order ?? Infinity) || a.index - b.index)
    .map(({ item }) => item);
  return [
    [...ITEM_SHEET_COLUMNS],
    ...items.map((item) => [
      item.label,
      item.wording ?? '',
      item.type,
      listText(item.reported),
      item.codeId ? (pathOf.get(item.codeId) ?? '') : '',
      listText(item.missing),
      (item.valueLabels ?? []).map((v) => `${v.value}=${v.label}`).join('|'),
    ]),
  ];
}

/** A cell's value: a number when written as one ('3', '-1.5'), else the text. */
function parseValue(text: string): string | number {
  const t = text.trim();
  return /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/.test(t) ? Number(t) : t;
}

const parseList = (text: string) =>
  text
    .split('|')
    .map((part) => part.trim())
    .filter(Boolean)
    .map(parseValue);

export interface ItemSheetImport {
  /** The items the sheet changes or adds, ready to store; items not in the sheet are left as they are. */
  items: SurveyItem[];
  created: number;
  updated: number;
}

/**
 * Reads the sheet back. Rows are matched to the project's items by label; a label the project does
 * not have is refused, or, given `newId`, becomes a new item. Columns other than label may be
 * left out of the sheet: those fields stay as they are.
 */
export function readItemsCsv(
  project: ProjectSnapshot,
  rows: readonly (readonly string[])[],
  fileName: string,
  newId?: () => string,
): ItemSheetImport {
  const numbered = rows.map((cells, index) => ({ cells, row: index + 1 })).filter(({ cells }) => cells.some((c) => c.trim() !== ''));
  const [header, ...body] = numbered;
  if (!header) throw new ImportError(fileName, 'is empty; the item sheet needs a header row naming its columns.');
  const columns = new Map<ItemSheetColumn, number>();
  header.cells.forEach((cell, i) => {
    const name = cell.trim().toLowerCase().replace(/\s+/g, ' ') as ItemSheetColumn;
    if (!name) return;
    if (!(ITEM_SHEET_COLUMNS as readonly string[]).includes(name)) {
      throw new ImportError(
        fileName,
        `row ${header.row}, column '${cell.trim()}': not a column of the item sheet (${ITEM_SHEET_COLUMNS.join(', ')}).`,
      );
    }
    if (columns.has(name)) throw new ImportError(fileName, `row ${header.row}, column '${cell.trim()}': the column appears twice.`);
    columns.set(name, i);
  });
  if (!columns.has('label')) throw new ImportError(fileName, `row ${header.row}: the sheet needs a 'label' column naming each item.`);

  const { byPath } = codePaths(project.codes);
  const existing = new Map(live(project.surveyItems ?? []).map((item) => [labelKey(item.label), item]));
  let order = Math.max(-1, ...live(project.surveyItems ?? []).map((i) => i.order ?? -1)) + 1;
  const seen = new Map<string, number>();
  const items: SurveyItem[] = [];
  let created = 0;
  for (const { cells, row } of body) {
    const cell = (name: ItemSheetColumn) => {
      const i = columns.get(name);
      return i === undefined ? undefined : (cells[i] ?? '').trim();
    };
    const refuse = (name: ItemSheetColumn, problem: string) => new ImportError(fileName, `row ${row}, column '${name}': ${problem}`);
    const label = cell('label')!;
    if (!label) throw refuse('label', 'the item has no label.');
    const key = labelKey(label);
    const twice = seen.get(key);
    if (twice !== undefined) throw refuse('label', `'${label}' is listed twice (rows ${twice} and ${row}); keep one row per item.`);
    seen.set(key, row);
    let item = existing.get(key);
    if (!item) {
      if (!newId) throw refuse('label', `the project has no survey item '${label}'; import the survey first, or check the spelling.`);
      item = { id: newId(), label, type: 'numeric', reported: [], order: order++ };
      created++;
    }
    const next: SurveyItem = { ...item };
    const wording = cell('wording');
    if (wording !== undefined) {
      if (wording) next.wording = wording;
      else delete next.wording;
    }
    const type = cell('type');
    if (type !== undefined)
      next.type = parseType(type, () =>
        refuse('type', `'${type}' is not an item type (${SURVEY_ITEM_TYPES.map((t) => t.id).join(', ')}).`),
      );
    const reported = cell('reported');
    if (reported !== undefined) next.reported = parseList(reported);
    const code = cell('code');
    if (code !== undefined) {
      const codeId = code ? byPath.get(pathKey(code)) : null;
      if (codeId === undefined)
        throw refuse(
          'code',
          `the codebook has no code '${code}'; write its path from the top, e.g. 'Respectful communication > Negotiates during disagreements'.`,
        );
      next.codeId = codeId;
    }
    const missing = cell('missing');
    if (missing !== undefined) {
      const list = parseList(missing);
      if (list.length) next.missing = list;
      else delete next.missing;
    }
    const labels = cell('value labels');
    if (labels !== undefined) {
      const list = parseValueLabels(labels, (problem) => refuse('value labels', problem));
      if (list.length) next.valueLabels = list;
      else delete next.valueLabels;
    }
    if (next.type === 'binary' && next.reported.length === 0) {
      throw refuse('reported', `a yes/no item needs the value that reports it, e.g. 1 or yes.`);
    }
    items.push(next);
  }
  return { items, created, updated: items.length - created };
}

function parseType(text: string, bad: () => Error): SurveyItemType {
  const key = text.trim().toLowerCase();
  const found = SURVEY_ITEM_TYPES.find((t) => t.id === key || t.label.toLowerCase() === key);
  if (!found) throw bad();
  return found.id;
}

/** '1=Never|2=Sometimes': each part a value, '=', its label. */
function parseValueLabels(text: string, bad: (problem: string) => Error): SurveyValueLabel[] {
  const out: SurveyValueLabel[] = [];
  const values = new Set<string>();
  for (const part of text.split('|')) {
    if (!part.trim()) continue;
    const at = part.indexOf('=');
    const value = at < 0 ? '' : part.slice(0, at).trim();
    const label = at < 0 ? '' : part.slice(at + 1).trim();
    if (!value || !label) throw bad(`'${part.trim()}' is not value=label; write the labels as 1=Never|2=Sometimes.`);
    if (values.has(value.toLowerCase())) throw bad(`the value ${value} has two labels.`);
    values.add(value.toLowerCase());
    out.push({ value: parseValue(value), label });
  }
  return out;
}
