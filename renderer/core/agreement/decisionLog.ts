// Disagreements and the decisions taken on them, in words and as tables: one wording for the
// list on screen, the decision log and the report. Dates are written in the reader's locale
// (the browser's, passed in), so a British team sees 5 Mar 2025, 14:07 and not Mar 5, 2025.
import { live, type Decision, type ProjectSnapshot } from '../shared';
import { takenCoder } from './consensus';
import type { Disagreement } from './disagreements';
import { codeName, type ReportTable } from './tables';

/**
 * Date and time in `locale` (a BCP 47 tag such as navigator.language; undefined: the runtime's
 * default), medium date and short time, as the rest of the app shows dates. `timeZone` is for
 * tests; the app uses the system's.
 */
export function formatWhen(ms: number, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(ms);
}

type CoderName = (coderId: string) => string;

/** What kind of disagreement, naming who did not code it and who had not coded the transcript. */
export function disagreementKind(d: Disagreement, coderName: CoderName): string {
  const absent = d.absent ?? [];
  const many = d.versions.length > 2;
  const without = d.versions.filter((v) => v.ranges.length === 0 && !absent.includes(v.coderId)).map((v) => coderName(v.coderId));
  const kind = d.kind === 'boundary' ? 'different extent' : many ? `not coded by ${without.join(', ')}` : 'coded by one coder only';
  return absent.length ? `${kind} (${absent.map(coderName).join(', ')}: transcript not coded)` : kind;
}

/** Whose version a decision took, named from the record itself (so it stays right whoever is compared now). */
export function decisionTaken(decision: Decision, coderName: CoderName): string {
  const taken = takenCoder(decision);
  if (taken !== null) return `${coderName(taken)}'s version`;
  const many = decision.coderIds.length > 2;
  const names = {
    both: many ? 'all versions' : 'both versions',
    neither: many ? 'no version' : 'neither version',
    edit: `an edited version (started from ${many ? 'all' : 'both'})`,
  };
  return names[decision.choice as keyof typeof names] ?? decision.choice;
}

/** The line under a resolved disagreement. */
export function decisionLine(decision: Decision, coderName: CoderName, locale?: string, timeZone?: string): string {
  const why = decision.why ? ` — “${decision.why}”` : '';
  return `Resolved: ${decisionTaken(decision, coderName)} taken into the consensus layer, by ${decision.decidedBy}, ${formatWhen(decision.decidedAt, locale, timeZone)}${why}`;
}

export interface LogOptions {
  locale?: string | undefined;
  timeZone?: string;
}

const coderNameIn =
  (project: ProjectSnapshot): CoderName =>
  (id) =>
    project.coders.find((c) => c.id === id)?.name ?? id;
const titleIn = (project: ProjectSnapshot) => (id: string) => project.sources.find((s) => s.id === id)?.title ?? id;

/** Every disagreement with each coder's passages and the decision on it (open, or what was taken). */
export function disagreementTable(
  list: readonly Disagreement[],
  project: ProjectSnapshot,
  decisionFor: (d: Disagreement) => Decision | undefined,
  options: LogOptions = {},
): ReportTable {
  const coderName = coderNameIn(project);
  const coderIds = list[0]?.versions.map((v) => v.coderId) ?? [];
  const text = (sourceId: string) => project.sources.find((s) => s.id === sourceId)?.text ?? '';
  return {
    id: 'disagreements',
    title: 'Disagreements',
    columns: [
      { label: 'Transcript', short: 'Transcript' },
      { label: 'Code', short: 'Code' },
      { label: 'Disagreement', short: 'Disagreement' },
      ...coderIds.map((id) => ({ label: coderName(id), short: coderName(id) })),
      { label: 'Decision', short: 'Decision' },
    ],
    rows: list.map((d) => {
      const decision = decisionFor(d);
      const versions = d.versions.map((v) => ({
        text: d.absent?.includes(v.coderId)
          ? 'transcript not coded'
          : v.ranges.length
            ? v.ranges.map(([a, b]) => text(d.sourceId).slice(a, b)).join(' … ')
            : 'not coded',
      }));
      const outcome = decision
        ? `${decisionTaken(decision, coderName)}, by ${decision.decidedBy}, ${formatWhen(decision.decidedAt, options.locale, options.timeZone)}`
        : 'open';
      return {
        key: `${d.sourceId}:${d.codeId}:${d.start}:${d.end}`,
        cells: [
          { text: titleIn(project)(d.sourceId) },
          { text: codeName(project, d.codeId) },
          { text: disagreementKind(d, coderName) },
          ...versions,
          { text: outcome },
        ],
      };
    }),
  };
}

/** The decision log: every live decision on the given transcripts, oldest first. */
export function decisionLogTable(project: ProjectSnapshot, sourceIds: readonly string[], options: LogOptions = {}): ReportTable {
  const coderName = coderNameIn(project);
  const decisions = live(project.decisions ?? [])
    .filter((d) => sourceIds.includes(d.sourceId))
    .sort((a, b) => a.decidedAt - b.decidedAt || a.id.localeCompare(b.id));
  return {
    id: 'decisions',
    title: 'Decision log',
    columns: ['When', 'Transcript', 'Code', 'Coders compared', 'Taken into consensus', 'Decided by', 'Why'].map((label) => ({
      label,
      short: label,
    })),
    rows: decisions.map((d) => ({
      key: d.id,
      cells: [
        { text: formatWhen(d.decidedAt, options.locale, options.timeZone), raw: new Date(d.decidedAt).toISOString() },
        { text: titleIn(project)(d.sourceId) },
        { text: codeName(project, d.codeId) },
        { text: d.coderIds.map(coderName).join(', ') },
        { text: decisionTaken(d, coderName) },
        { text: d.decidedBy },
        { text: d.why },
      ],
    })),
  };
}
