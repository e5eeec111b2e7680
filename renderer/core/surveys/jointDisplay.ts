// Joint displays (issue 19): per measure of success, each indicator's survey change beside the
// interviews' change on the same code, with the quotes a researcher chose, and whether the two
// point the same way. The survey side is measureSummary's; the interview side is the wave
// matrix's row for the code (people with the code at each wave of the pair, emerged/ceased).
//
// Direction of a change, on either side: the share at the second point minus the share at the
// first, turned round for an item where fewer is better (`better: 'fewer'`); a change smaller
// than `minChange` (default 5 percentage points) in either direction is "unchanged". The survey
// side of a row with several items takes the mean of their (turned) changes. The interviews'
// share is the people with the code among those interviewed at that wave.
import { descendantIds } from '../codebook';
import { live, type Group, type ProjectSnapshot, type SurveyItem, type SurveyTimePoint } from '../shared';
import { waveMatrix, type PairedCounts, type WaveCell, type WaveMatrixOptions } from '../waves';
import { measureSummary, type MeasureRow } from './shares';

export type Direction = 'improved' | 'worsened' | 'unchanged' | 'unknown';

/** Whether the two sides agree: the same way, both unchanged, opposite ways, or one side only moved. */
export type Convergence = 'converging' | 'both unchanged' | 'diverging' | 'survey only' | 'interviews only' | 'unknown';

export const CONVERGENCE_LABELS: Record<Convergence, string> = {
  converging: 'Both point the same way',
  'both unchanged': 'Both unchanged',
  diverging: 'Diverging',
  'survey only': 'Survey changed, interviews did not',
  'interviews only': 'Interviews changed, survey did not',
  unknown: 'Not enough data',
};

export interface JointDisplayOptions {
  /** Survey time points compared; default the ones mapped to the pair's waves, else first and last. */
  from?: string;
  to?: string;
  /** Survey group; null: everyone; default 'programme' when anyone has it, else everyone. */
  group?: Group | null;
  /** The interviews' side: roles, coders, pair of waves (default the first two), sub-codes. */
  waves?: WaveMatrixOptions;
  /** Chosen quotes, as basket item ids by code and wave. */
  quotes?: Record<string, Record<string, string[]>>;
  /** The smallest change in share that counts as a change (default 0.05). */
  minChange?: number;
}

export interface InterviewSide {
  first: WaveCell;
  second: WaveCell;
  paired: PairedCounts;
}

export interface JointDisplayRow {
  codeId: string;
  name: string;
  /** 0 for the measure's own row, 1 for its children, … */
  depth: number;
  survey: MeasureRow[];
  interview: InterviewSide | null;
  /** Basket item ids of the chosen quotes, by wave id (at most three each). */
  quotes: Record<string, string[]>;
  surveyDirection: Direction;
  interviewDirection: Direction;
  convergence: Convergence;
}

export interface JointDisplay {
  measureId: string;
  measureName: string;
  from: SurveyTimePoint | null;
  to: SurveyTimePoint | null;
  group: Group | null;
  pair: [string, string] | null;
  rows: JointDisplayRow[];
}

export const MAX_QUOTES_PER_WAVE = 3;

/** The survey time points a display compares by default, from the interview waves they stand beside. */
export function defaultTimePoints(
  timePoints: readonly SurveyTimePoint[],
  pair: readonly [string, string] | null,
): { from: SurveyTimePoint | null; to: SurveyTimePoint | null } {
  const ordered = live(timePoints).sort((a, b) => a.order - b.order);
  const mapped = (waveId: string | undefined) => (waveId ? ordered.find((t) => t.waveId === waveId) : undefined);
  const from = mapped(pair?.[0]) ?? ordered[0] ?? null;
  const to = mapped(pair?.[1]) ?? ordered.at(-1) ?? null;
  return { from, to: to && from && to.id === from.id ? (ordered.at(-1) ?? null) : to };
}

export function jointDisplay(project: ProjectSnapshot, measureCodeId: string, options: JointDisplayOptions = {}): JointDisplay {
  const measure = project.codes.find((c) => c.id === measureCodeId && c.deletedAt == null);
  const waveOptions: WaveMatrixOptions = { includeChildren: true, ...options.waves };
  const matrix = waveMatrix(project, waveOptions);
  const pair = matrix.pair ?? null;
  const timePoints = project.surveyTimePoints ?? [];
  const defaults = defaultTimePoints(timePoints, pair);
  const from = timePoints.find((t) => t.id === options.from) ?? defaults.from;
  const to = timePoints.find((t) => t.id === options.to) ?? defaults.to;
  const group = options.group !== undefined ? options.group : defaultGroup(project);
  const empty: JointDisplay = { measureId: measureCodeId, measureName: measure?.name ?? '', from, to, group, pair, rows: [] };
  if (!measure) return empty;
  const summary =
    from && to ? measureSummary(project, measureCodeId, { from: from.id, to: to.id, ...(group !== null ? { group } : {}) }) : [];
  const byCode = new Map<string, MeasureRow[]>();
  for (const row of summary) byCode.set(row.codeId, [...(byCode.get(row.codeId) ?? []), row]);
  const matrixRows = new Map(matrix.rows.map((r) => [r.codeId, r]));
  const depthOf = depths(project, measureCodeId);
  const min = options.minChange ?? 0.05;
  const codeIds = [...(byCode.has(measureCodeId) ? [measureCodeId] : []), ...descendantIds(project.codes, measureCodeId)];
  const rows = codeIds.map((codeId): JointDisplayRow => {
    const survey = byCode.get(codeId) ?? [];
    const waveRow = matrixRows.get(codeId);
    const interview =
      pair && waveRow ? { first: waveRow.byWave[pair[0]]!, second: waveRow.byWave[pair[1]]!, paired: waveRow.paired } : null;
    const fewer = survey.length > 0 && survey.every((r) => r.item.better === 'fewer');
    const surveyDirection = direction(surveyChange(survey), min);
    const interviewDirection = direction(interviewChange(interview, fewer), min);
    return {
      codeId,
      name: project.codes.find((c) => c.id === codeId)?.name ?? '',
      depth: depthOf.get(codeId) ?? 0,
      survey,
      interview,
      quotes: limitQuotes(options.quotes?.[codeId] ?? {}),
      surveyDirection,
      interviewDirection,
      convergence: convergenceOf(surveyDirection, interviewDirection),
    };
  });
  return { ...empty, rows };
}

/** 'programme' when anyone in the project is in the programme group, else null (everyone). */
function defaultGroup(project: ProjectSnapshot): Group | null {
  return project.participants.some((p) => p.deletedAt == null && p.group === 'programme') ? 'programme' : null;
}

function depths(project: ProjectSnapshot, rootId: string): Map<string, number> {
  const parent = new Map(project.codes.map((c) => [c.id, c.parentId]));
  const out = new Map<string, number>();
  for (const id of [rootId, ...descendantIds(project.codes, rootId)]) {
    let depth = 0;
    for (let at = parent.get(id); at && id !== rootId; at = parent.get(at)) {
      depth += 1;
      if (at === rootId) break;
    }
    out.set(id, depth);
  }
  return out;
}

/** The mean change of a row's items, each turned round where fewer is better; null without any. */
function surveyChange(rows: readonly MeasureRow[]): number | null {
  const changes = rows.filter((r) => r.change !== null).map((r) => (r.item.better === 'fewer' ? -r.change! : r.change!));
  return changes.length ? changes.reduce((a, b) => a + b, 0) / changes.length : null;
}

function interviewChange(side: InterviewSide | null, fewerIsBetter: boolean): number | null {
  if (!side || !side.first.interviewed || !side.second.interviewed) return null;
  const change = side.second.participants / side.second.interviewed - side.first.participants / side.first.interviewed;
  return fewerIsBetter ? -change : change;
}

function direction(change: number | null, min: number): Direction {
  if (change === null) return 'unknown';
  // A hair under the threshold from floating point (0.55 − 0.5) still counts as reaching it.
  if (Math.abs(change) + 1e-9 < min) return 'unchanged';
  return change > 0 ? 'improved' : 'worsened';
}

export function convergenceOf(survey: Direction, interviews: Direction): Convergence {
  if (survey === 'unknown' || interviews === 'unknown') return 'unknown';
  if (survey === 'unchanged' && interviews === 'unchanged') return 'both unchanged';
  if (survey === 'unchanged') return 'interviews only';
  if (interviews === 'unchanged') return 'survey only';
  return survey === interviews ? 'converging' : 'diverging';
}

function limitQuotes(byWave: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(byWave).map(([wave, ids]) => [wave, ids.slice(0, MAX_QUOTES_PER_WAVE)]));
}

/** Items of a display, for a caption: the wording where there is one, else the short label. */
export function itemText(item: SurveyItem): string {
  return item.wording?.trim() || item.label;
}
