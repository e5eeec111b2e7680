// An agreement report in words: the paragraph a methods section needs (who coded what, on which
// unit, with which statistic, how much of the codebook reached the team's threshold, and which
// codes were not coded by anyone or had an undefined statistic), and the rows of the CSV. The
// verdicts come from verdict.ts and the tables from tables.ts, as on screen.
import type { ProjectSnapshot } from '../shared';
import type { AgreementReport } from './compare';
import { byCodeTable, tableRows } from './tables';
import { DEFAULT_THRESHOLDS, JUDGED_ON_NAMES, judgedOn, UNIT_NAMES, verdict, type Thresholds, type Verdict } from './verdict';

export {
  DEFAULT_THRESHOLDS,
  JUDGED_ON_NAMES,
  judgedOn,
  undefinedReason,
  verdict,
  verdictLabel,
  type JudgedOn,
  type Thresholds,
  type Verdict,
} from './verdict';

/** The CSV / first XLSX sheet: coders, transcripts, method, then the by-code table with its unit. */
export function agreementRows(
  report: AgreementReport,
  project: ProjectSnapshot,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): (string | number)[][] {
  const coderName = (id: string) => project.coders.find((c) => c.id === id)?.name ?? id;
  const [header, ...rows] = tableRows(byCodeTable(report, project, { thresholds }));
  const withUnit = (row: (string | number)[], unit: string) => [row[0]!, unit, ...row.slice(1)];
  return [
    ['Coders', report.coderIds.map(coderName).join(', ')],
    ['Transcripts', report.sourceIds.length],
    ['Method', report.method],
    withUnit(header!, 'Unit'),
    ...rows.map((row) => withUnit(row, UNIT_NAMES[report.unit])),
  ];
}

const two = (x: number | null, why: string) => (x === null ? `undefined (${why})` : x.toFixed(2));
const plural = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;
const list = (names: string[]) => (names.length ? ` (${names.join(', ')})` : '');

/** A paragraph for the methods section, stating coders, transcripts, unit and statistics. */
export function methodsParagraph(report: AgreementReport, project: ProjectSnapshot, thresholds: Thresholds = DEFAULT_THRESHOLDS): string {
  const coders = report.coderIds.map((id) => project.coders.find((c) => c.id === id)?.name ?? id);
  const sources = project.sources.filter((s) => report.sourceIds.includes(s.id));
  const byWave = project.waves
    .map((w) => [w.label, sources.filter((s) => s.wave === w.id).length] as const)
    .filter(([, k]) => k > 0)
    .map(([label, k]) => `${k} at ${label}`);
  const on = judgedOn(report.unit);
  const used = report.perCode.filter((c) => c.used);
  const unused = report.perCode.length - used.length;
  const kappaName = report.coderIds.length === 2 ? "Cohen's kappa" : "Fleiss' kappa";
  const p = report.pooled;
  const name = (codeId: string) => project.codes.find((x) => x.id === codeId)?.name ?? '';
  const judged = (v: Verdict) => used.filter((c) => verdict(c.stats, true, thresholds, on) === v).map((c) => name(c.codeId));
  const [reliable, tentative, below, undefinedFor] = (['reliable', 'tentative', 'below', 'undefined'] as const).map(judged) as [
    string[],
    string[],
    string[],
    string[],
  ];
  const who = coders.length === 2 ? `Two coders (${coders.join(' and ')})` : `${coders.length} coders (${coders.join(', ')})`;
  const statName = JUDGED_ON_NAMES[on];
  const parts = [
    `${who} independently coded ${plural(sources.length, 'transcript')}${byWave.length ? ` (${byWave.join(', ')})` : ''} with the project codebook.`,
    `Agreement was assessed for each of the ${plural(used.length, 'code')} they used, with the ${UNIT_NAMES[report.unit]} as the unit of analysis${report.unit === 'segment' ? ` (segments matching when they overlapped by at least ${Math.round((report.overlap ?? 0.9) * 100)}%)` : ''}; each coder's overlapping codings of a code were merged first.`,
  ];
  if (unused > 0)
    parts.push(
      `${plural(unused, 'code')} of the codebook ${unused === 1 ? 'was' : 'were'} not coded by anyone in these transcripts and ${unused === 1 ? 'is' : 'are'} left out of the pooled figures.`,
    );
  if (p.agreement === null) parts.push('No units were compared, so no agreement statistic is defined.');
  else if (report.unit === 'segment') {
    parts.push(
      `Pooled over codes, ${(p.agreement * 100).toFixed(1)}% of ${p.units.toLocaleString('en')} coded segments were matched by the other coder.`,
    );
    parts.push(
      'Chance-corrected coefficients (kappa, pi, AC1, Brennan–Prediger, alpha) are undefined at this unit, as there are no units both coders left uncoded, so codes were judged on percent agreement.',
    );
  } else {
    const why = p.units === 0 ? 'no units' : 'no variation';
    parts.push(
      `Pooled over codes (from the summed unit tables, not an average of per-code values), percent agreement was ${(p.agreement * 100).toFixed(1)}%, ${kappaName} ${two(p.kappa, why)} and Krippendorff's alpha (nominal) ${two(p.alpha, why)} over ${p.units.toLocaleString('en')} ${UNIT_NAMES[report.unit]}-by-code units.`,
    );
  }
  const guidance =
    on === 'alpha'
      ? "Following Krippendorff's guidance, "
      : 'Against the thresholds Krippendorff gives for alpha, applied here to percent agreement, ';
  parts.push(
    `${guidance}${plural(reliable.length, 'code')} reached ${statName} ≥ ${thresholds.reliable}, ${tentative.length} reached ≥ ${thresholds.tentative}, and ${below.length} fell below${list(below)}.`,
  );
  if (undefinedFor.length) {
    parts.push(
      `For ${plural(undefinedFor.length, 'code')}${list(undefinedFor)} ${statName} is undefined and no verdict is given: every coder applied ${undefinedFor.length === 1 ? 'it' : 'each'} to every unit, so there was no variation (chance agreement is 1 and ${statName} would be 0/0; it is not reported as 1).`,
    );
  }
  return parts.join(' ');
}
