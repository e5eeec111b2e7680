// compareCoders: how far independent coders agree, on a unit the team chooses and states.
//
// What is compared:
// - Transcripts: `sourceIds` if given, else every live transcript that each selected coder has
//   coded at least once (the double-coded ones). Codes: `codeIds` if given, else every live code.
// - A coder's own overlapping or touching codings of one code in one transcript are merged first,
//   so they count once.
// - Units (per code, "applied" or "not applied" by each coder):
//   turn      — each speaker turn or paragraph; applied when a coding overlaps it.
//   character — each character (NVivo's unit); applied when a coding covers it.
//   document  — each transcript; applied when the coder used the code anywhere in it.
//   segment   — MAXQDA's unit, two coders only: each coder's (merged) segment is matched when the
//               other coder has a segment of the same code overlapping it by at least `overlap`
//               of their union (default 0.9). Agreement = matched segments / all segments; there
//               is no "neither" cell, so chance-corrected coefficients are not defined (null).
// - Pooling: per code, per transcript, per wave and overall, the unit tables are added and the
//   statistics computed once from the sum (pooled kappa is not the mean of kappas). Codes
//   nobody used in the transcripts a pool covers are listed (used: false, "not coded by anyone")
//   but left out of that pool: their many "neither" units would make agreement look better than
//   it is. So the overall pool counts the codes used anywhere, a wave's pool the codes used in
//   that wave, a transcript's pool the codes used in that transcript.
// - Undefined statistics are null (counted.ts): no units, or no variation (every coder applied
//   the code to every unit). At the segment unit every chance-corrected coefficient is null.
// - With character units, Krippendorff's unitizing alpha is also given per code and overall,
//   with the transcripts laid end to end as one continuum.
import { orderedTree } from '../codebook';
import { live, unionPairs, type Coding, type ProjectSnapshot, type Source } from '../shared';

/**
 * What compareCoders reads of a transcript: its turns and its text's length, never the words. So
 * the agreement worker is sent turns and lengths, not 35 million words (agreementWorker.ts).
 */
export type AgreementSource = Pick<Source, 'id' | 'wave' | 'deletedAt'> & {
  /** Its turns: as objects (a snapshot's), or as [start, end) pairs in one array (`turnBounds`). */
  turns?: readonly { start: number; end: number }[];
  /**
   * The turns as pairs, as the agreement worker unpacks them from its message: 856,000 turn
   * objects at ten times the study took it a quarter of a second to make.
   */
  turnBounds?: Int32Array;
  text: { readonly length: number };
};

/** What compareCoders reads of a coding. */
export type AgreementCoding = Pick<Coding, 'sourceId' | 'codeId' | 'coderId' | 'start' | 'end' | 'deletedAt'>;

/** What compareCoders reads of a project; a ProjectSnapshot is one. */
export type AgreementInput = Pick<ProjectSnapshot, 'codes' | 'waves'> & {
  sources: readonly AgreementSource[];
  codings: readonly AgreementCoding[];
};
import { binaryStats, multiStats, type AgreementStats, type BinaryTable } from './counted';
import { unitizingAlpha, type CodedUnit } from './unitizing';
import { cellWidth, unitCell, unitCount } from './unitCells';

export type AgreementUnit = 'turn' | 'character' | 'segment' | 'document';

export interface CompareOptions {
  coderIds: string[];
  unit: AgreementUnit;
  /** Segment unit only: the share of the union two segments must overlap by (0–1]. */
  overlap?: number;
  sourceIds?: string[];
  codeIds?: string[];
  /** Told as transcripts are compared (done of total), for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/** The statistics of a report: any of them null where undefined (see the header). */
export type NullableStats = AgreementStats;

export interface CodeAgreement {
  codeId: string;
  /** Whether any selected coder used the code in the transcripts this row covers. */
  used: boolean;
  /** Two coders: the unit table. */
  table?: BinaryTable;
  /** More coders: units by how many coders applied the code. */
  histogram?: number[];
  stats: NullableStats;
  /** Character unit only; null where undefined. */
  unitizingAlpha?: number | null;
}

export interface AgreementReport {
  unit: AgreementUnit;
  coderIds: string[];
  sourceIds: string[];
  overlap: number | null;
  perCode: CodeAgreement[];
  pooled: NullableStats;
  bySource: { sourceId: string; stats: NullableStats }[];
  /** NVivo's view: each code in each transcript where some chosen coder used it. */
  byCodeAndSource: { codeId: string; sourceId: string; stats: NullableStats }[];
  byWave: { waveId: string; perCode: CodeAgreement[]; pooled: NullableStats }[];
  unitizing?: { byCategory: Record<string, number | null>; overall: number | null };
  /** The conventions used, in words, for the methods section. */
  method: string;
}

/** How often (transcripts) progress is told. */
const PROGRESS_EVERY = 50;

function statsFor(unit: AgreementUnit, coders: number, table: BinaryTable | null, histogram: number[] | null): NullableStats {
  const s = coders === 2 ? binaryStats(table!) : multiStats(histogram!, coders);
  if (unit !== 'segment') return s;
  return { units: s.units, agreement: s.agreement, kappa: null, pi: null, ac1: null, bp: null, alpha: null };
}

export function compareCoders(project: AgreementInput, options: CompareOptions): AgreementReport {
  const coderIds = [...new Set(options.coderIds)];
  if (coderIds.length < 2) throw new RangeError('Agreement needs at least two coders.');
  if (options.unit === 'segment' && coderIds.length !== 2) throw new RangeError('The coded-segment unit compares exactly two coders.');
  const overlap = options.unit === 'segment' ? (options.overlap ?? 0.9) : null;
  if (overlap !== null && !(overlap > 0 && overlap <= 1)) throw new RangeError('The overlap share must be above 0 and at most 1.');
  // Codebook order, so the report reads like the codebook.
  const codes = orderedTree(live(project.codes))
    .map((r) => r.code)
    .filter((c) => !options.codeIds || options.codeIds.includes(c.id));
  const codeSet = new Set(codes.map((c) => c.id));
  const codings = live(project.codings).filter((c) => coderIds.includes(c.coderId));
  const coderIndex = new Map(coderIds.map((id, i) => [id, i]));

  // Raw ranges by source, code and coder.
  const raw = new Map<string, Map<string, [number, number][][]>>();
  const codedBy = new Map<string, Set<string>>();
  for (const c of codings) {
    (codedBy.get(c.sourceId) ?? codedBy.set(c.sourceId, new Set()).get(c.sourceId)!).add(c.coderId);
    if (!codeSet.has(c.codeId)) continue;
    const byCode = raw.get(c.sourceId) ?? raw.set(c.sourceId, new Map()).get(c.sourceId)!;
    const layers =
      byCode.get(c.codeId) ??
      byCode
        .set(
          c.codeId,
          coderIds.map(() => []),
        )
        .get(c.codeId)!;
    layers[coderIndex.get(c.coderId)!]!.push([c.start, c.end]);
  }
  const chosenSources = options.sourceIds ? new Set(options.sourceIds) : null;
  const sources = live(project.sources).filter((s) =>
    chosenSources ? chosenSources.has(s.id) : coderIds.every((id) => codedBy.get(s.id)?.has(id)),
  );

  // Cells by transcript and code: transcript i's cell of codes[k] is the `width` numbers at
  // (i·K + k)·width (unitCells.ts). Float64, not Int32: a pool of characters passes 2^31.
  const pair = coderIds.length === 2;
  const K = codes.length;
  const width = cellWidth(coderIds.length);
  const cells = new Float64Array(sources.length * K * width);
  /** Where an uncoded cell has its units: "neither" for two coders, "none applied" for more. */
  const uncodedAt = pair ? 3 : 0;
  // Whether some chosen coder used each code, per transcript (at i·K + k).
  const usedIn = new Uint8Array(sources.length * K);
  const unitizing: CodedUnit[] = [];
  let offset = 0;
  sources.forEach((source, i) => {
    const byCode = raw.get(source.id);
    // A code no chosen coder used here (5 of 6 at ten times the study) has one number, its
    // units (none at the segment unit: no segments, nothing to match); the array starts at zero.
    const unitsHere = options.unit === 'segment' ? 0 : unitCount(options.unit, source);
    codes.forEach((code, k) => {
      const at = (i * K + k) * width;
      const coded = byCode?.get(code.id);
      if (!coded) {
        cells[at + uncodedAt] = unitsHere;
        return;
      }
      const clipped = coded.map((r) =>
        unionPairs(r)
          .map(([s, e]) => [Math.max(0, s), Math.min(source.text.length, e)] as [number, number])
          .filter(([s, e]) => e > s),
      );
      if (clipped.some((r) => r.length)) usedIn[i * K + k] = 1;
      if (options.unit === 'character') {
        clipped.forEach((ranges, c) =>
          ranges.forEach(([s, e]) => unitizing.push({ begin: offset + s, length: e - s, coder: coderIds[c]!, category: code.id })),
        );
      }
      cells.set(unitCell(options.unit, source, clipped, overlap ?? 1), at);
    });
    offset += source.text.length;
    if ((i + 1) % PROGRESS_EVERY === 0) options.onProgress?.(i + 1, sources.length);
  });

  const statsOf = (sum: ArrayLike<number>) => {
    const table = pair ? { both: sum[0]!, onlyFirst: sum[1]!, onlySecond: sum[2]!, neither: sum[3]! } : null;
    const histogram = pair ? null : Array.from(sum);
    return { table, histogram, stats: statsFor(options.unit, coderIds.length, table, histogram) };
  };
  /** The cells of these transcripts and codes (by place) added up, and their statistics. */
  const summarise = (sourceList: readonly number[], codeList: readonly number[]) => {
    const sum = new Float64Array(width);
    for (const i of sourceList)
      for (const k of codeList) {
        const at = (i * K + k) * width;
        for (let w = 0; w < width; w += 1) sum[w]! += cells[at + w]!;
      }
    return statsOf(sum);
  };
  /** The places of the codes some chosen coder used in these transcripts. */
  const usedCodes = (sourceList: readonly number[]): number[] => {
    const any = new Uint8Array(K);
    for (const i of sourceList) for (let k = 0; k < K; k += 1) any[k]! |= usedIn[i * K + k]!;
    return codes.map((_, k) => k).filter((k) => any[k] === 1);
  };
  /** Each code's row over these transcripts: their cells added code by code in one walk. */
  const perCodeFor = (sourceList: readonly number[]): CodeAgreement[] => {
    const used = new Set(usedCodes(sourceList));
    const sums = new Float64Array(K * width);
    for (const i of sourceList) {
      const from = i * K * width;
      for (let j = 0; j < K * width; j += 1) sums[j]! += cells[from + j]!;
    }
    return codes.map((code, k) => {
      const s = statsOf(sums.subarray(k * width, (k + 1) * width));
      return {
        codeId: code.id,
        used: used.has(k),
        ...(s.table ? { table: s.table } : {}),
        ...(s.histogram ? { histogram: s.histogram } : {}),
        stats: s.stats,
      };
    });
  };
  const every = sources.map((_, i) => i);
  const usedAll = usedCodes(every);
  const perCode = perCodeFor(every);

  let unitizingResult: AgreementReport['unitizing'];
  if (options.unit === 'character' && offset > 0) {
    unitizingResult = unitizingAlpha({ begin: 0, length: offset }, unitizing, coderIds);
    for (const row of perCode) {
      const value = unitizingResult.byCategory[row.codeId];
      if (value !== undefined) row.unitizingAlpha = value;
    }
  }
  const waveIds = project.waves.map((w) => w.id).filter((w) => sources.some((s) => s.wave === w));
  /** Whether anyone applied the code of cell (i, k) to some unit. */
  const applied = (i: number, k: number) => {
    const at = (i * K + k) * width;
    return pair ? cells[at]! + cells[at + 1]! + cells[at + 2]! > 0 : cells.subarray(at + 1, at + width).some((n) => n > 0);
  };
  return {
    unit: options.unit,
    coderIds,
    sourceIds: sources.map((s) => s.id),
    overlap,
    perCode,
    pooled: summarise(every, usedAll).stats,
    bySource: sources.map((s, i) => ({ sourceId: s.id, stats: summarise([i], usedCodes([i])).stats })),
    byCodeAndSource: sources.flatMap((s, i) =>
      usedAll.flatMap((k) => (applied(i, k) ? [{ codeId: codes[k]!.id, sourceId: s.id, stats: summarise([i], [k]).stats }] : [])),
    ),
    byWave: waveIds.map((waveId) => {
      const inWave = every.filter((i) => sources[i]!.wave === waveId);
      return { waveId, perCode: perCodeFor(inWave), pooled: summarise(inWave, usedCodes(inWave)).stats };
    }),
    ...(unitizingResult ? { unitizing: unitizingResult } : {}),
    method: methodText(options.unit, coderIds.length, overlap),
  };
}

function methodText(unit: AgreementUnit, coders: number, overlap: number | null): string {
  const units = {
    turn: 'speaker turns (or paragraphs); a code counts as applied to a turn when a coding overlaps it',
    character: 'characters (as NVivo); a code counts as applied to a character when a coding covers it',
    document: 'transcripts; a code counts as applied when the coder used it anywhere in the transcript',
    segment: `coded segments (as MAXQDA); a segment agrees when the other coder coded the same code over at least ${Math.round((overlap ?? 0.9) * 100)}% of the two segments' extent`,
  }[unit];
  const kappa = coders === 2 ? "Cohen's kappa" : "Fleiss' kappa";
  return `Unit: ${units}. Each coder's overlapping codings of one code were merged first. Per code, each unit is applied or not by each coder; pooled figures are computed from the summed unit tables, not averaged, of the codes some coder used in the transcripts pooled (codes not coded by anyone are left out). Statistics: percent agreement, ${kappa}, Scott's pi, Gwet's AC1, Brennan–Prediger (two categories) and Krippendorff's alpha (nominal)${unit === 'segment' ? ' — at the segment unit only percent agreement is defined, as there are no units both coders left uncoded' : ''}. A statistic is reported as undefined, not as 1, where nothing was compared or where there was no variation (every coder applied the code to every unit, so chance agreement is 1 and kappa, pi and alpha are 0/0).`;
}
