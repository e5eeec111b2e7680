// The survey tables of issue 19: for each indicator item, the share of women reporting it at
// each time point, paired change between two time points (McNemar for yes/no, Wilcoxon for
// scores), programme against comparison (Fisher), and a measure's items together.
//
// Rules, the same in every function here:
// - Only live records count: soft-deleted time points, items, participants and answers are
//   ignored, and so are answers of a participant the project does not have. A soft-deleted or
//   unknown item has no answers (every count 0, share null, p 1).
// - If two live answers exist for the same participant, time point and item, the last one in
//   `surveyResponses` wins (even when it is the missing one).
// - An answer is missing when there is none, its value is null, a blank string, a number that is
//   not finite, or one of `item.missing`. Otherwise it is reported when it equals one of
//   `item.reported`. Values compare as numbers when both read as numbers ('1' equals 1, ' 1.0 '
//   equals 1), else as text trimmed and case-insensitive ('Yes' equals ' yes').
// - `group` (optional) keeps only participants of that group ('' = those with no group).
import { descendantIds } from '../codebook';
import { live, type Group, type Participant, type ProjectSnapshot, type SurveyItem, type SurveyValue } from '../shared';
import { mcnemarExact } from '../waves';
import { fisherExact, wilcoxonSignedRankExact, type WilcoxonResult } from './stats';

export interface ShareEntry {
  timePointId: string;
  /** Participants with a non-missing answer. */
  n: number;
  /** Of those, how many reported the indicator. */
  reported: number;
  /** reported / n; null when n = 0. */
  share: number | null;
}

export interface PairedChange {
  /** Participants with a non-missing answer at both time points (missing at either: left out). */
  n: number;
  bothYes: number;
  /** Reported at the first time point only. */
  firstOnly: number;
  /** Reported at the second time point only. */
  secondOnly: number;
  neither: number;
  /** mcnemarExact(firstOnly, secondOnly). */
  p: number;
}

export interface OrdinalChange {
  /** Participants with a score at both time points. */
  n: number;
  /** Score higher at the second time point. */
  increased: number;
  decreased: number;
  unchanged: number;
  /** Medians over those n participants; null when n = 0. */
  medianFrom: number | null;
  medianTo: number | null;
  /** Of the differences second − first (unchanged ones are dropped by the test). */
  wilcoxon: WilcoxonResult;
}

export interface GroupDifference {
  programme: { n: number; reported: number };
  comparison: { n: number; reported: number };
  /** fisherExact of [[programme reported, not], [comparison reported, not]]. */
  p: number;
}

export interface MeasureRow {
  item: SurveyItem;
  /** The code the item is linked to: the measure or one of its descendants. */
  codeId: string;
  from: ShareEntry;
  to: ShareEntry;
  /** to.share − from.share; null when either is null. */
  change: number | null;
  paired: PairedChange;
  /** For an item that is not binary: the scores' paired change and Wilcoxon's exact test. */
  ordinal?: OrdinalChange;
}

export interface GroupOption {
  group?: Group;
}

// ---- values ----

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** The value as a number when it reads as one ('1', ' 2.5 ', 3), else null. */
function asNumber(value: string | number): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = value.trim();
  return NUMBER.test(text) ? Number(text) : null;
}

function sameValue(a: string | number, b: string | number): boolean {
  const x = asNumber(a);
  const y = asNumber(b);
  if (x !== null && y !== null) return x === y;
  return String(a).trim().toLowerCase() === String(b).trim().toLowerCase();
}

/** The answer, or null when it is missing (see the rules above). */
function present(item: SurveyItem, value: SurveyValue | undefined): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (typeof value === 'string' && value.trim() === '') return null;
  return (item.missing ?? []).some((m) => sameValue(m, value)) ? null : value;
}

/** Whether an answer reports the indicator; null when the answer is missing (see the rules above). */
export function isReported(item: SurveyItem, value: SurveyValue | undefined): boolean | null {
  const answer = present(item, value);
  if (answer === null) return null;
  return item.reported.some((r) => sameValue(r, answer));
}

/**
 * An answer's score for ordinal, count and numeric items: the value itself when it reads as a
 * number (a scale coded 1–5 keeps its order even when only its ends are labelled); a text
 * answer written as its label ("Often") scores its label's value, or, for a scale of text
 * values, its position among the labels in their order; null when missing or not placed.
 */
export function surveyScore(item: SurveyItem, value: SurveyValue | undefined): number | null {
  const answer = present(item, value);
  if (answer === null) return null;
  const number = asNumber(answer);
  if (number !== null) return number;
  const labels = item.valueLabels ?? [];
  const byLabel = labels.find((v) => sameValue(v.label, answer) || sameValue(v.value, answer));
  if (!byLabel) return null;
  const labelled = asNumber(byLabel.value);
  return labelled !== null ? labelled : labels.indexOf(byLabel);
}

// ---- the project, indexed once ----

interface Survey {
  items: Map<string, SurveyItem>;
  /** Live time point ids by `order` (ties keep their array order). */
  timePoints: string[];
  participants: Map<string, Participant>;
  /** itemId → timePointId → participantId → value (the last live answer). */
  answers: Map<string, Map<string, Map<string, SurveyValue>>>;
}

/**
 * One index per snapshot's answers: a view asks for many tables of the same survey (an item at
 * six time points, both groups, paired), and 360,000 answers are worth indexing once.
 */
const indexed = new WeakMap<object, { project: ProjectSnapshot; survey: Survey }>();

function indexSurvey(project: ProjectSnapshot): Survey {
  const key = project.surveyResponses;
  const kept = key ? indexed.get(key) : undefined;
  if (
    kept &&
    kept.project.surveyItems === project.surveyItems &&
    kept.project.surveyTimePoints === project.surveyTimePoints &&
    kept.project.participants === project.participants
  )
    return kept.survey;
  const survey = buildIndex(project);
  if (key) indexed.set(key, { project, survey });
  return survey;
}

function buildIndex(project: ProjectSnapshot): Survey {
  const items = new Map(live(project.surveyItems ?? []).map((i) => [i.id, i]));
  const timePoints = live(project.surveyTimePoints ?? [])
    .slice()
    .sort((a, b) => a.order - b.order)
    .map((t) => t.id);
  const participants = new Map(live(project.participants).map((p) => [p.id, p]));
  const answers = new Map<string, Map<string, Map<string, SurveyValue>>>();
  for (const r of live(project.surveyResponses ?? [])) {
    let byTime = answers.get(r.itemId);
    if (!byTime) answers.set(r.itemId, (byTime = new Map()));
    let byPerson = byTime.get(r.timePointId);
    if (!byPerson) byTime.set(r.timePointId, (byPerson = new Map()));
    byPerson.set(r.participantId, r.value); // a later duplicate replaces an earlier one
  }
  return { items, timePoints, participants, answers };
}

/** participantId → value at one time point, for counted participants of a live item and time point. */
function answersAt(survey: Survey, itemId: string, timePointId: string, group: Group | undefined): Map<string, SurveyValue> {
  const out = new Map<string, SurveyValue>();
  if (!survey.items.has(itemId) || !survey.timePoints.includes(timePointId)) return out;
  for (const [participantId, value] of survey.answers.get(itemId)?.get(timePointId) ?? []) {
    const person = survey.participants.get(participantId);
    if (person && (group === undefined || person.group === group)) out.set(participantId, value);
  }
  return out;
}

function share(survey: Survey, itemId: string, timePointId: string, group: Group | undefined): ShareEntry {
  const item = survey.items.get(itemId);
  let n = 0;
  let reported = 0;
  if (item) {
    for (const value of answersAt(survey, itemId, timePointId, group).values()) {
      const yes = isReported(item, value);
      if (yes === null) continue;
      n += 1;
      if (yes) reported += 1;
    }
  }
  return { timePointId, n, reported, share: n === 0 ? null : reported / n };
}

function paired(survey: Survey, itemId: string, from: string, to: string, group: Group | undefined): PairedChange {
  const out = { n: 0, bothYes: 0, firstOnly: 0, secondOnly: 0, neither: 0 };
  const item = survey.items.get(itemId);
  if (item) {
    const second = answersAt(survey, itemId, to, group);
    for (const [participantId, value] of answersAt(survey, itemId, from, group)) {
      const a = isReported(item, value);
      const b = isReported(item, second.get(participantId));
      if (a === null || b === null) continue;
      out.n += 1;
      if (a && b) out.bothYes += 1;
      else if (a) out.firstOnly += 1;
      else if (b) out.secondOnly += 1;
      else out.neither += 1;
    }
  }
  return { ...out, p: mcnemarExact(out.firstOnly, out.secondOnly) };
}

// ---- the tables ----

/**
 * The share reporting an item at each live time point in order (or only at `timePoints`, still
 * in the project's order; ids that are not live time points are skipped).
 */
export function indicatorShares(
  project: ProjectSnapshot,
  itemId: string,
  options: { group?: Group; timePoints?: readonly string[] } = {},
): ShareEntry[] {
  const survey = indexSurvey(project);
  const wanted = options.timePoints ? new Set(options.timePoints) : null;
  return survey.timePoints.filter((t) => !wanted || wanted.has(t)).map((t) => share(survey, itemId, t, options.group));
}

/** Yes/no change of each participant answering at both time points, with McNemar's exact p. */
export function pairedChange(
  project: ProjectSnapshot,
  itemId: string,
  fromTimePointId: string,
  toTimePointId: string,
  options: GroupOption = {},
): PairedChange {
  return paired(indexSurvey(project), itemId, fromTimePointId, toTimePointId, options.group);
}

/** Change of score (see surveyScore) of each participant scored at both time points, with Wilcoxon's p. */
export function ordinalChange(
  project: ProjectSnapshot,
  itemId: string,
  fromTimePointId: string,
  toTimePointId: string,
  options: GroupOption = {},
): OrdinalChange {
  const survey = indexSurvey(project);
  const item = survey.items.get(itemId);
  const fromScores: number[] = [];
  const toScores: number[] = [];
  if (item) {
    const second = answersAt(survey, itemId, toTimePointId, options.group);
    for (const [participantId, value] of answersAt(survey, itemId, fromTimePointId, options.group)) {
      const a = surveyScore(item, value);
      const b = surveyScore(item, second.get(participantId));
      if (a === null || b === null) continue;
      fromScores.push(a);
      toScores.push(b);
    }
  }
  const differences = toScores.map((b, i) => b - fromScores[i]!);
  return {
    n: differences.length,
    increased: differences.filter((d) => d > 0).length,
    decreased: differences.filter((d) => d < 0).length,
    unchanged: differences.filter((d) => d === 0).length,
    medianFrom: median(fromScores),
    medianTo: median(toScores),
    wilcoxon: wilcoxonSignedRankExact(differences),
  };
}

/** Programme against comparison at one time point, with Fisher's exact p. */
export function groupDifference(project: ProjectSnapshot, itemId: string, timePointId: string): GroupDifference {
  const survey = indexSurvey(project);
  const programme = share(survey, itemId, timePointId, 'programme');
  const comparison = share(survey, itemId, timePointId, 'comparison');
  return {
    programme: { n: programme.n, reported: programme.reported },
    comparison: { n: comparison.n, reported: comparison.reported },
    p: fisherExact(programme.reported, programme.n - programme.reported, comparison.reported, comparison.n - comparison.reported),
  };
}

/**
 * Every live item linked to a measure code or to one of its live descendants: codes in the
 * codebook's depth-first order (the measure first, children by `order`), then items by `order`
 * (an item without one after those with one; ties keep their array order). With sortBy
 * 'change', rows by change, largest first, nulls last, ties keeping that order. A measure code
 * that is deleted or unknown has no items.
 */
export function measureSummary(
  project: ProjectSnapshot,
  measureCodeId: string,
  options: { from: string; to: string; group?: Group; sortBy?: 'codebook' | 'change' },
): MeasureRow[] {
  const measure = project.codes.find((c) => c.id === measureCodeId);
  if (!measure || measure.deletedAt != null) return [];
  const codeIds = [measureCodeId, ...descendantIds(project.codes, measureCodeId)];
  const survey = indexSurvey(project);
  const items = [...survey.items.values()];
  const itemOrder = (i: SurveyItem) => i.order ?? Number.POSITIVE_INFINITY;
  const rows: MeasureRow[] = [];
  for (const codeId of codeIds) {
    const linked = items.filter((i) => i.codeId === codeId).sort((a, b) => compareNumbers(itemOrder(a), itemOrder(b)));
    for (const item of linked) {
      const from = share(survey, item.id, options.from, options.group);
      const to = share(survey, item.id, options.to, options.group);
      const change = from.share === null || to.share === null ? null : to.share - from.share;
      const row: MeasureRow = { item, codeId, from, to, change, paired: paired(survey, item.id, options.from, options.to, options.group) };
      if (item.type !== 'binary')
        row.ordinal = ordinalChange(
          project,
          item.id,
          options.from,
          options.to,
          options.group !== undefined ? { group: options.group } : {},
        );
      rows.push(row);
    }
  }
  if (options.sortBy === 'change') {
    // By improvement: a fall in "he uses money to control" (better: 'fewer') is a gain.
    const gain = (r: MeasureRow) => (r.change === null ? null : r.item.better === 'fewer' ? -r.change : r.change);
    rows.sort((a, b) => {
      const x = gain(a);
      const y = gain(b);
      if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0);
      return y - x;
    });
  }
  return rows;
}

// ---- helpers ----

/** Infinity − Infinity is NaN, which a sort must not see. */
function compareNumbers(a: number, b: number): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
