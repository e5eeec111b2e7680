// An agreement report in words and tables: the rows a spreadsheet gets, and the paragraph a
// methods section needs (who coded what, on which unit, with which statistic, and how much of
// the codebook reached the team's threshold).
import { codePath } from '../codebookOps';
import type { ProjectSnapshot } from '../model';
import type { AgreementReport, NullableStats } from './compare';

/** Krippendorff's guidance: alpha ≥ .800 to rely on data, ≥ .667 for tentative conclusions. */
export interface Thresholds {
  tentative: number;
  reliable: number;
}

export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = { tentative: 0.667, reliable: 0.8 };

export type Verdict = 'reliable' | 'tentative' | 'below' | 'unused';

/** Judged on alpha, or on percent agreement where alpha is not defined (segment unit). */
export function verdict(stats: NullableStats, used: boolean, thresholds: Thresholds = DEFAULT_THRESHOLDS): Verdict {
  if (!used) return 'unused';
  const value = stats.alpha ?? stats.agreement;
  return value >= thresholds.reliable ? 'reliable' : value >= thresholds.tentative ? 'tentative' : 'below';
}

const fixed = (x: number | null, digits = 3) => (x === null ? '' : x.toFixed(digits));

const UNIT_NAMES = { turn: 'speaker turn', character: 'character', document: 'transcript', segment: 'coded segment' } as const;

export function agreementRows(report: AgreementReport, project: ProjectSnapshot, thresholds: Thresholds = DEFAULT_THRESHOLDS): string[][] {
  const coderName = (id: string) => project.coders.find((c) => c.id === id)?.name ?? id;
  const header = ['Code', 'Unit', 'Units compared', 'Percent agreement', report.coderIds.length === 2 ? "Cohen's kappa" : "Fleiss' kappa", "Scott's pi", "Gwet's AC1", 'Brennan–Prediger', "Krippendorff's alpha"];
  if (report.unit === 'character') header.push('Unitizing alpha');
  header.push('Verdict');
  const line = (name: string, s: NullableStats, v: string, u?: number) => {
    const row = [name, UNIT_NAMES[report.unit], String(s.units), fixed(s.agreement), fixed(s.kappa), fixed(s.pi), fixed(s.ac1), fixed(s.bp), fixed(s.alpha)];
    if (report.unit === 'character') row.push(u === undefined ? '' : fixed(u));
    row.push(v);
    return row;
  };
  const rows = report.perCode.map((c) => line(codePath(project.codes, c.codeId).join(' / '), c.stats, c.used ? verdict(c.stats, true, thresholds) : 'not used by these coders', c.unitizingAlpha));
  return [
    ['Coders', report.coderIds.map(coderName).join(', ')],
    ['Transcripts', String(report.sourceIds.length)],
    ['Method', report.method],
    header,
    line('All codes used (pooled)', report.pooled, verdict(report.pooled, true, thresholds), report.unitizing?.overall),
    ...rows,
  ];
}

/** A paragraph for the methods section, stating coders, transcripts, unit and statistics. */
export function methodsParagraph(report: AgreementReport, project: ProjectSnapshot, thresholds: Thresholds = DEFAULT_THRESHOLDS): string {
  const coders = report.coderIds.map((id) => project.coders.find((c) => c.id === id)?.name ?? id);
  const sources = project.sources.filter((s) => report.sourceIds.includes(s.id));
  const byWave = project.waves
    .map((w) => [w.label, sources.filter((s) => s.wave === w.id).length] as const)
    .filter(([, k]) => k > 0)
    .map(([label, k]) => `${k} at ${label}`);
  const used = report.perCode.filter((c) => c.used);
  const kappaName = report.coderIds.length === 2 ? "Cohen's kappa" : "Fleiss' kappa";
  const p = report.pooled;
  const count = (v: Verdict) => used.filter((c) => verdict(c.stats, true, thresholds) === v).length;
  const names = (v: Verdict) => used.filter((c) => verdict(c.stats, true, thresholds) === v).map((c) => project.codes.find((x) => x.id === c.codeId)?.name ?? '');
  const below = names('below');
  const who = coders.length === 2 ? `Two coders (${coders.join(' and ')})` : `${coders.length} coders (${coders.join(', ')})`;
  const parts = [
    `${who} independently coded ${sources.length} transcript${sources.length === 1 ? '' : 's'}${byWave.length ? ` (${byWave.join(', ')})` : ''} with the project codebook.`,
    `Agreement was assessed for each of the ${used.length} codes they used, with the ${UNIT_NAMES[report.unit]} as the unit of analysis${report.unit === 'segment' ? ` (segments matching when they overlapped by at least ${Math.round((report.overlap ?? 0.9) * 100)}%)` : ''}; each coder's overlapping codings of a code were merged first.`,
    report.unit === 'segment'
      ? `Pooled over codes, ${(p.agreement * 100).toFixed(1)}% of ${p.units} coded segments were matched by the other coder.`
      : `Pooled over codes (from the summed unit tables, not an average of per-code values), percent agreement was ${(p.agreement * 100).toFixed(1)}%, ${kappaName} ${fixed(p.kappa, 2)} and Krippendorff's alpha (nominal) ${fixed(p.alpha, 2)} over ${p.units.toLocaleString('en')} ${UNIT_NAMES[report.unit]}-by-code units.`,
    `Following Krippendorff's guidance, ${count('reliable')} code${count('reliable') === 1 ? '' : 's'} reached alpha ≥ ${thresholds.reliable}, ${count('tentative')} reached ≥ ${thresholds.tentative}, and ${below.length} fell below${below.length ? ` (${below.join(', ')})` : ''}.`,
  ];
  return parts.join(' ');
}
