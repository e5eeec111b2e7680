// Agreement's home off the main thread: compareCoders answering requests in the agreement
// worker (agreementWorker.ts), or on the calling thread where there is no worker (tests,
// scripts). The project is sent in parts, each only when it changed (the in-memory model keeps
// a list that did not change as the same array). Transcripts and codings go as number arrays
// (packAgreementParts), moved to the worker rather than copied: at ten times the study,
// 350,000 turns and 400,000 codings as objects took the window's thread over a second to copy,
// and of the transcripts only turns and lengths go, never the words.
import {
  compareCoders,
  turnBounds,
  type AgreementCoding,
  type AgreementInput,
  type AgreementReport,
  type AgreementSource,
  type CompareOptions,
} from '../core/agreement';
import { errorMessage } from '../core/shared';

/** Transcripts as agreement needs them: ids, waves, text lengths, and every turn's [start, end). */
export interface PackedSources {
  ids: string[];
  waves: (string | null)[];
  lengths: Int32Array;
  /** The turns of transcript i are bounds[2·turnFrom[i] …], up to turnFrom[i + 1]. */
  turnFrom: Int32Array;
  bounds: Int32Array;
}

/** Live codings as numbers: which transcript, code and coder (places in the name lists), and where. */
export interface PackedCodings {
  sourceIds: string[];
  codeIds: string[];
  coderIds: string[];
  /** Per coding: source, code, coder (places in the lists above), start, end. */
  columns: Int32Array;
}

/** The project's parts for agreement; a part left out is the one sent before. */
export interface AgreementParts {
  codes?: AgreementInput['codes'];
  waves?: AgreementInput['waves'];
  sources?: PackedSources;
  codings?: PackedCodings;
}

export type AgreementRequest = { parts: AgreementParts; options: Omit<CompareOptions, 'onProgress'> };

export type AgreementReply =
  { type: 'progress'; done: number; total: number } | { type: 'report'; report: PackedReport } | { type: 'error'; message: string };

/** Every statistic of a row, in the order AgreementStats lists them. */
const STAT_KEYS = ['units', 'agreement', 'kappa', 'pi', 'ac1', 'bp', 'alpha'] as const;

/**
 * A report as it crosses to the window: its rows per transcript and per code in a transcript as
 * numbers (places in the report's own lists, statistics with NaN for undefined). At ten times
 * the study they are 24,000 objects; cloned as such, they took the window's thread 50-150 ms
 * to unpack after each comparison, and the worker as long to pack.
 */
export interface PackedReport {
  report: AgreementReport;
  /** STAT_KEYS.length numbers per transcript, in the order of `report.sourceIds`. */
  bySource: Float64Array;
  /** Per row of byCodeAndSource: its code's place in `report.perCode`, its transcript's in `report.sourceIds`. */
  cellCode: Int32Array;
  cellSource: Int32Array;
  cellStats: Float64Array;
}

function putStats(into: Float64Array, row: number, stats: AgreementReport['pooled']): void {
  STAT_KEYS.forEach((key, i) => (into[row * STAT_KEYS.length + i] = stats[key] ?? NaN));
}

function takeStats(from: Float64Array, row: number): AgreementReport['pooled'] {
  const at = row * STAT_KEYS.length;
  const value = (i: number) => (Number.isNaN(from[at + i]!) ? null : from[at + i]!);
  return { units: from[at]!, agreement: value(1), kappa: value(2), pi: value(3), ac1: value(4), bp: value(5), alpha: value(6) };
}

export function packReport(report: AgreementReport): PackedReport {
  const bySource = new Float64Array(report.bySource.length * STAT_KEYS.length);
  report.bySource.forEach((row, i) => putStats(bySource, i, row.stats));
  const codePlace = new Map(report.perCode.map((c, i) => [c.codeId, i]));
  const sourcePlace = new Map(report.sourceIds.map((id, i) => [id, i]));
  const rows = report.byCodeAndSource;
  const cellStats = new Float64Array(rows.length * STAT_KEYS.length);
  rows.forEach((row, i) => putStats(cellStats, i, row.stats));
  return {
    report: { ...report, bySource: [], byCodeAndSource: [] },
    bySource,
    cellCode: Int32Array.from(rows, (r) => codePlace.get(r.codeId)!),
    cellSource: Int32Array.from(rows, (r) => sourcePlace.get(r.sourceId)!),
    cellStats,
  };
}

export function unpackReport(packed: PackedReport): AgreementReport {
  const { report } = packed;
  return {
    ...report,
    bySource: report.sourceIds.map((sourceId, i) => ({ sourceId, stats: takeStats(packed.bySource, i) })),
    byCodeAndSource: Array.from(packed.cellCode, (code, i) => ({
      codeId: report.perCode[code]!.codeId,
      sourceId: report.sourceIds[packed.cellSource[i]!]!,
      stats: takeStats(packed.cellStats, i),
    })),
  };
}

/** The arrays of a packed report, to move rather than copy. */
export const reportTransferables = (p: PackedReport): ArrayBuffer[] =>
  [p.bySource, p.cellCode, p.cellSource, p.cellStats].map((a) => a.buffer as ArrayBuffer);

export function packSources(sources: readonly AgreementSource[]): PackedSources {
  const live = sources.filter((s) => s.deletedAt == null);
  const each = live.map(turnBounds);
  const turnFrom = new Int32Array(live.length + 1);
  each.forEach((b, i) => (turnFrom[i + 1] = turnFrom[i]! + b.length / 2));
  const bounds = new Int32Array(2 * turnFrom[live.length]!);
  each.forEach((b, i) => bounds.set(b, 2 * turnFrom[i]!));
  return {
    ids: live.map((s) => s.id),
    waves: live.map((s) => s.wave),
    lengths: Int32Array.from(live, (s) => s.text.length),
    turnFrom,
    bounds,
  };
}

/** The transcripts back, each one's turns a view of the packed bounds (no object per turn). */
export function unpackSources(packed: PackedSources): AgreementSource[] {
  return packed.ids.map((id, i) => ({
    id,
    wave: packed.waves[i]!,
    turnBounds: packed.bounds.subarray(2 * packed.turnFrom[i]!, 2 * packed.turnFrom[i + 1]!),
    text: { length: packed.lengths[i]! },
  }));
}

/** The live codings of `coderIds` packed. */
export function packCodings(codings: readonly AgreementCoding[], coderIds: readonly string[]): PackedCodings {
  const chosen = new Set(coderIds);
  const lists = { sourceIds: [] as string[], codeIds: [] as string[], coderIds: [] as string[] };
  const places = { sourceIds: new Map<string, number>(), codeIds: new Map<string, number>(), coderIds: new Map<string, number>() };
  const placeOf = (kind: keyof typeof lists, id: string) => {
    let at = places[kind].get(id);
    if (at === undefined) {
      places[kind].set(id, (at = lists[kind].length));
      lists[kind].push(id);
    }
    return at;
  };
  const kept = codings.filter((c) => c.deletedAt == null && chosen.has(c.coderId));
  const columns = new Int32Array(kept.length * 5);
  kept.forEach((c, i) => {
    columns[5 * i] = placeOf('sourceIds', c.sourceId);
    columns[5 * i + 1] = placeOf('codeIds', c.codeId);
    columns[5 * i + 2] = placeOf('coderIds', c.coderId);
    columns[5 * i + 3] = c.start;
    columns[5 * i + 4] = c.end;
  });
  return { ...lists, columns };
}

export function unpackCodings(packed: PackedCodings): AgreementCoding[] {
  const out: AgreementCoding[] = [];
  const { columns } = packed;
  for (let i = 0; i < columns.length; i += 5)
    out.push({
      sourceId: packed.sourceIds[columns[i]!]!,
      codeId: packed.codeIds[columns[i + 1]!]!,
      coderId: packed.coderIds[columns[i + 2]!]!,
      start: columns[i + 3]!,
      end: columns[i + 4]!,
    });
  return out;
}

/** The typed arrays of some parts, to move to the worker rather than copy. */
export function transferables(parts: AgreementParts): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  if (parts.sources)
    out.push(
      parts.sources.lengths.buffer as ArrayBuffer,
      parts.sources.turnFrom.buffer as ArrayBuffer,
      parts.sources.bounds.buffer as ArrayBuffer,
    );
  if (parts.codings) out.push(parts.codings.columns.buffer as ArrayBuffer);
  return out;
}

export function createAgreementHost(): (request: AgreementRequest, post: (reply: AgreementReply) => void) => void {
  const held: Partial<AgreementInput> = {};
  return ({ parts, options }, post) => {
    if (parts.codes) held.codes = parts.codes;
    if (parts.waves) held.waves = parts.waves;
    if (parts.sources) held.sources = unpackSources(parts.sources);
    if (parts.codings) held.codings = unpackCodings(parts.codings);
    try {
      const { codes, codings, waves, sources } = held;
      if (!codes || !codings || !waves || !sources) throw new Error('Agreement was asked before the project was sent.');
      const report = compareCoders(
        { codes, codings, waves, sources },
        { ...options, onProgress: (done, total) => post({ type: 'progress', done, total }) },
      );
      post({ type: 'report', report: packReport(report) });
    } catch (e) {
      post({ type: 'error', message: errorMessage(e) });
    }
  };
}
