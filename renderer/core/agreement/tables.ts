// The agreement tables as plain data: the tab draws them and the report writes them, from the
// same rows, so the .docx holds exactly what the tab shows. Each cell has the text for the
// screen and the Word report (numbers in the reader's locale, "—" where undefined) and the raw
// text for CSV/XLSX (plain digits, empty where undefined).
import { codePathText } from '../codebook';
import type { ProjectSnapshot } from '../shared';
import type { AgreementReport, CodeAgreement, NullableStats } from './compare';
import { statisticHelp, type StatisticId } from './help';
import { DEFAULT_THRESHOLDS, judgedOn, verdict, verdictLabel, type Thresholds, type Verdict } from './verdict';

export type TableId =
  'by-code' | 'by-wave' | 'by-wave-code' | 'by-code-source' | 'by-source' | 'disagreements' | 'decisions' | 'statistics';

export interface Column {
  /** In files. */
  label: string;
  /** On screen. */
  short: string;
  numeric?: boolean;
  /** What the column means: the header's tooltip. */
  help?: string;
}

export interface Cell {
  text: string;
  /** For CSV/XLSX, where it differs from `text`. */
  raw?: string;
  /** For CSV/XLSX where the cell is a number (`raw`'s value): a number in a workbook, not text. */
  number?: number;
  /** On the cell of the statistic codes are judged on: its colour. */
  verdict?: Verdict;
}

export interface ReportRow {
  key: string;
  cells: Cell[];
  verdict?: Verdict;
  pooled?: boolean;
}

export interface ReportTable {
  id: TableId;
  title: string;
  columns: Column[];
  rows: ReportRow[];
}

export interface TableOptions {
  thresholds?: Thresholds;
  /** The reader's locale for numbers and dates (the browser's); undefined: the runtime default. */
  locale?: string | undefined;
}

/** Header and rows as shown (the Word report), or for CSV/XLSX: `raw`, numbers as numbers. */
export function tableRows(table: ReportTable, form: 'shown'): string[][];
export function tableRows(table: ReportTable, form?: 'raw'): (string | number)[][];
export function tableRows(table: ReportTable, form: 'shown' | 'raw' = 'raw'): (string | number)[][] {
  const cell = (c: Cell) => (form === 'shown' ? c.text : (c.number ?? c.raw ?? c.text));
  return [table.columns.map((c) => c.label), ...table.rows.map((r) => r.cells.map(cell))];
}

const UNDEFINED: Cell = { text: '—', raw: '' };

export function numberCell(x: number | null | undefined, locale: string | undefined, digits = 3): Cell {
  if (x === null || x === undefined) return UNDEFINED;
  // 'negative': a value that rounds to zero shows as 0.000, not -0.000.
  const options = { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'negative' } as const;
  const raw = new Intl.NumberFormat('en', { ...options, useGrouping: false }).format(x);
  return { text: new Intl.NumberFormat(locale, options).format(x), raw, number: Number(raw) };
}

export function countCell(n: number, locale: string | undefined): Cell {
  return { text: new Intl.NumberFormat(locale).format(n), raw: String(n), number: n };
}

const column = (id: StatisticId, report: AgreementReport, numeric = true): Column => {
  const h = statisticHelp(id, report.unit, report.coderIds.length);
  return { label: h.name, short: h.short, numeric, help: h.text };
};

export const codeName = (project: ProjectSnapshot, codeId: string) => codePathText(project.codes, codeId);

/** The statistics of the by-code table, in its column order (and in the key to them). */
export function byCodeStatistics(report: AgreementReport): StatisticId[] {
  return [
    'units',
    'agreement',
    'kappa',
    'pi',
    'ac1',
    'bp',
    'alpha',
    ...(report.unit === 'character' ? (['unitizing'] as const) : []),
    'verdict',
  ];
}

/** The by-code table: the pool first, then every code in codebook order. */
export function byCodeTable(report: AgreementReport, project: ProjectSnapshot, options: TableOptions = {}): ReportTable {
  const { thresholds = DEFAULT_THRESHOLDS, locale } = options;
  const on = judgedOn(report.unit);
  const unitizing = report.unit === 'character';
  const ids = byCodeStatistics(report);
  const row = (key: string, name: string, s: NullableStats, used: boolean, u: number | null | undefined, pooled = false): ReportRow => {
    const v = verdict(s, used, thresholds, on);
    // A code nobody used has nothing to report: its "agreement" is only units nobody coded.
    const stat = (x: number | null) => (used ? numberCell(x, locale) : UNDEFINED);
    const cells: Cell[] = [
      { text: name },
      countCell(s.units, locale),
      { ...stat(s.agreement), ...(on === 'agreement' ? { verdict: v } : {}) },
      stat(s.kappa),
      stat(s.pi),
      stat(s.ac1),
      stat(s.bp),
      { ...stat(s.alpha), ...(on === 'alpha' ? { verdict: v } : {}) },
    ];
    if (unitizing) cells.push(used ? numberCell(u, locale) : UNDEFINED);
    cells.push({ text: verdictLabel(v, s) });
    return { key, cells, verdict: v, ...(pooled ? { pooled } : {}) };
  };
  return {
    id: 'by-code',
    title: 'By code',
    columns: [{ label: 'Code', short: 'Code' }, ...ids.map((id) => column(id, report, id !== 'verdict'))],
    rows: [
      row('pooled', 'All codes used (pooled)', report.pooled, true, report.unitizing?.overall, true),
      ...report.perCode.map((c) => row(c.codeId, codeName(project, c.codeId), c.stats, c.used, c.unitizingAlpha)),
    ],
  };
}

/** Units, agreement, kappa, alpha and verdict: the shorter rows of the by-wave and by-transcript tables. */
function shortStats(report: AgreementReport, s: NullableStats, used: boolean, options: TableOptions): { cells: Cell[]; verdict: Verdict } {
  const on = judgedOn(report.unit);
  const v = verdict(s, used, options.thresholds ?? DEFAULT_THRESHOLDS, on);
  const cells = [
    countCell(s.units, options.locale),
    { ...numberCell(s.agreement, options.locale), ...(on === 'agreement' ? { verdict: v } : {}) },
    numberCell(s.kappa, options.locale),
    { ...numberCell(s.alpha, options.locale), ...(on === 'alpha' ? { verdict: v } : {}) },
    { text: verdictLabel(v, s) },
  ];
  return { cells, verdict: v };
}

const shortColumns = (report: AgreementReport): Column[] =>
  (['units', 'agreement', 'kappa', 'alpha', 'verdict'] as const).map((id) => column(id, report, id !== 'verdict'));

const waveLabel = (project: ProjectSnapshot, waveId: string | undefined) =>
  project.waves.find((w) => w.id === waveId)?.label ?? waveId ?? '—';

/** Drift: the pool of each wave, over the codes used in that wave. */
export function byWaveTable(report: AgreementReport, project: ProjectSnapshot, options: TableOptions = {}): ReportTable {
  return {
    id: 'by-wave',
    title: 'By wave',
    columns: [{ label: 'Wave', short: 'Wave' }, ...shortColumns(report)],
    rows: report.byWave.map((w) => {
      // A wave where nobody used any code has nothing pooled.
      const s = shortStats(
        report,
        w.pooled,
        w.perCode.some((c) => c.used),
        options,
      );
      return { key: w.waveId, cells: [{ text: waveLabel(project, w.waveId) }, ...s.cells], verdict: s.verdict };
    }),
  };
}

/** Each code's judged statistic at each wave (codes used in some wave). */
export function byWaveCodeTable(report: AgreementReport, project: ProjectSnapshot, options: TableOptions = {}): ReportTable {
  const on = judgedOn(report.unit);
  const h = statisticHelp(on, report.unit, report.coderIds.length);
  const cell = (c: CodeAgreement): Cell => {
    const v = verdict(c.stats, c.used, options.thresholds ?? DEFAULT_THRESHOLDS, on);
    if (!c.used) return { text: 'not coded', raw: '', verdict: v };
    return { ...numberCell(c.stats[on], options.locale), verdict: v };
  };
  return {
    id: 'by-wave-code',
    title: `By code and wave (${h.name})`,
    columns: [
      { label: 'Code', short: `Code (${h.short} by wave)` },
      ...report.byWave.map((w) => ({
        label: waveLabel(project, w.waveId),
        short: waveLabel(project, w.waveId),
        numeric: true,
        help: h.text,
      })),
    ],
    rows: report.perCode
      .filter((c) => c.used)
      .map((c) => ({
        key: c.codeId,
        cells: [{ text: codeName(project, c.codeId) }, ...report.byWave.map((w) => cell(w.perCode.find((x) => x.codeId === c.codeId)!))],
      })),
  };
}

const sourceTitle = (project: ProjectSnapshot, id: string) => project.sources.find((s) => s.id === id)?.title ?? id;

/** NVivo's view: each code in each transcript where some chosen coder used it. */
export function byCodeAndSourceTable(report: AgreementReport, project: ProjectSnapshot, options: TableOptions = {}): ReportTable {
  return {
    id: 'by-code-source',
    title: 'By code and transcript',
    columns: [{ label: 'Code', short: 'Code' }, { label: 'Transcript', short: 'Transcript' }, ...shortColumns(report)],
    rows: report.byCodeAndSource.map((c) => {
      const s = shortStats(report, c.stats, true, options);
      return {
        key: `${c.codeId}:${c.sourceId}`,
        cells: [{ text: codeName(project, c.codeId) }, { text: sourceTitle(project, c.sourceId) }, ...s.cells],
        verdict: s.verdict,
      };
    }),
  };
}

/** Each transcript's pool, over the codes used in it. */
export function bySourceTable(report: AgreementReport, project: ProjectSnapshot, options: TableOptions = {}): ReportTable {
  return {
    id: 'by-source',
    title: 'By transcript',
    columns: [{ label: 'Transcript', short: 'Transcript' }, { label: 'Wave', short: 'Wave' }, ...shortColumns(report)],
    rows: report.bySource.map((b) => {
      const source = project.sources.find((x) => x.id === b.sourceId);
      // Pooled over the codes used in the transcript: no units means nobody used any code there.
      const s = shortStats(report, b.stats, b.stats.units > 0, options);
      return {
        key: b.sourceId,
        cells: [{ text: source?.title ?? b.sourceId }, { text: waveLabel(project, source?.wave ?? undefined) }, ...s.cells],
        verdict: s.verdict,
      };
    }),
  };
}
