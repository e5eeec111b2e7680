// The agreement tab as a sequence of sections, in the tab's order: the tab's table of contents
// and the Word report both come from it, so the report holds every table the tab shows.
import type { ProjectSnapshot } from '../shared';
import type { AgreementReport } from './compare';
import { decisionFor } from './consensus';
import { decisionLogTable, disagreementTable } from './decisionLog';
import { disagreements } from './disagreements';
import { statisticHelp } from './help';
import { methodsParagraph } from './report';
import {
  byCodeAndSourceTable,
  byCodeStatistics,
  byCodeTable,
  bySourceTable,
  byWaveCodeTable,
  byWaveTable,
  type ReportTable,
  type TableId,
} from './tables';
import { DEFAULT_THRESHOLDS, type Thresholds } from './verdict';

export type SectionId = TableId | 'methods';

export interface ReportSection {
  id: SectionId;
  title: string;
  paragraphs?: string[];
  table?: ReportTable;
}

export interface DocumentOptions {
  thresholds?: Thresholds;
  /** The reader's locale (navigator.language); undefined: the runtime default. */
  locale?: string | undefined;
  timeZone?: string;
}

/** The sections of the tab that are not always there: by wave only with more than one wave. */
export function hasWaves(report: AgreementReport): boolean {
  return report.byWave.length > 1;
}

/** Methods, by code, disagreements, by wave, by code and transcript, by transcript, decision log, and a key to the statistics. */
export function agreementSections(report: AgreementReport, project: ProjectSnapshot, options: DocumentOptions = {}): ReportSection[] {
  const { thresholds = DEFAULT_THRESHOLDS, locale, timeZone } = options;
  const tableOptions = { thresholds, locale };
  // The disagreements the tab lists: same coders, transcripts and overlap share.
  const list = disagreements(project, { coderIds: report.coderIds, sourceIds: report.sourceIds, overlap: report.overlap ?? 0.9 });
  const decisions = project.decisions ?? [];
  const section = (table: ReportTable): ReportSection => ({ id: table.id, title: table.title, table });
  const stats = byCodeStatistics(report);
  return [
    { id: 'methods', title: 'Methods', paragraphs: [methodsParagraph(report, project, thresholds), report.method] },
    section(byCodeTable(report, project, tableOptions)),
    section(disagreementTable(list, project, (d) => decisionFor(decisions, d), { locale, ...(timeZone ? { timeZone } : {}) })),
    ...(hasWaves(report)
      ? [section(byWaveTable(report, project, tableOptions)), section(byWaveCodeTable(report, project, tableOptions))]
      : []),
    section(byCodeAndSourceTable(report, project, tableOptions)),
    section(bySourceTable(report, project, tableOptions)),
    section(decisionLogTable(project, report.sourceIds, { locale, ...(timeZone ? { timeZone } : {}) })),
    {
      id: 'statistics',
      title: 'The statistics',
      table: {
        id: 'statistics',
        title: 'The statistics',
        columns: [
          { label: 'Statistic', short: 'Statistic' },
          { label: 'What it corrects for, and when to use it', short: 'Meaning' },
        ],
        rows: stats.map((id) => {
          const h = statisticHelp(id, report.unit, report.coderIds.length);
          return { key: id, cells: [{ text: h.name }, { text: h.text }] };
        }),
      },
    },
  ];
}
