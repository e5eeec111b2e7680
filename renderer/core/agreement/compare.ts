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
  turns: readonly { start: number; end: number }[];
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

type Ranges = [number, number][];

/** How often (transcripts) progress is told. */
const PROGRESS_EVERY = 50;

/** Units by how many of the coders' layers applied the code (turn, character or document). */
function unitHistogram(unit: Exclude<AgreementUnit, 'segment'>, source: AgreementSource, layers: readonly Ranges[]): number[] {
  const coders = layers.length;
  const h = new Array<number>(coders + 1).fill(0);
  if (unit === 'document') {
    h[layers.filter((r) => r.length > 0).length]! += 1;
    return h;
  }
  // Most codes are not in most transcripts (at ten times the study, 5 of 6 cells): every unit
  // is then one nobody applied, and there is nothing to walk.
  const empty = layers.every((r) => r.length === 0);
  if (unit === 'turn') {
    const turns = source.turns.length ? source.turns : [{ start: 0, end: source.text.length }];
    if (empty) h[0]! += turns.length;
    else turnCounts(turns, layers, h);
    return h;
  }
  if (empty) {
    h[0]! += source.text.length;
    return h;
  }
  // Sweep the boundaries: between two consecutive ones, the number of coders covering is fixed.
  const events: [number, number][] = [];
  for (const ranges of layers) for (const [s, e] of ranges) events.push([s, 1], [e, -1]);
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let depth = 0;
  let at = 0;
  for (const [pos, delta] of events) {
    h[depth]! += pos - at;
    at = pos;
    depth += delta;
  }
  h[0]! += source.text.length - at;
  return h;
}

/**
 * Adds to `h` each turn by how many layers overlap it. Each layer's ranges (sorted, disjoint:
 * unionPairs) mark the turns they overlap, found by binary search, each turn once per layer;
 * so a transcript costs turns + ranges·log(turns), not turns × layers × ranges (twenty coders
 * over 100 turns made that 2,000 steps a cell). Turns out of order (a foreign file) are checked
 * against every range.
 */
function turnCounts(turns: readonly { start: number; end: number }[], layers: readonly Ranges[], h: number[]): void {
  const inOrder = turns.every((t, i) => i === 0 || (t.start >= turns[i - 1]!.start && t.end >= turns[i - 1]!.end));
  if (!inOrder) {
    for (const t of turns) h[layers.filter((ranges) => ranges.some(([s, e]) => s < t.end && e > t.start)).length]! += 1;
    return;
  }
  const count = new Uint16Array(turns.length);
  for (const ranges of layers) {
    let marked = -1;
    for (const [s, e] of ranges) {
      // The first turn ending after the range starts.
      let lo = Math.max(0, marked);
      let hi = turns.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (turns[mid]!.end > s) hi = mid;
        else lo = mid + 1;
      }
      for (let t = lo; t < turns.length && turns[t]!.start < e; t += 1) {
        if (t > marked && turns[t]!.end > s) {
          count[t]! += 1;
          marked = t;
        }
      }
    }
  }
  for (const k of count) h[k]! += 1;
}

/** MAXQDA-style segment matching for two coders, as a table with no "neither" cell. */
function segmentTable(a: Ranges, b: Ranges, overlap: number): BinaryTable {
  const matched = (r: [number, number], others: Ranges) =>
    others.some(([s, e]) => {
      const inter = Math.min(r[1], e) - Math.max(r[0], s);
      const union = Math.max(r[1], e) - Math.min(r[0], s);
      return inter > 0 && inter / union >= overlap - 1e-12;
    });
  const ma = a.filter((r) => matched(r, b)).length;
  const mb = b.filter((r) => matched(r, a)).length;
  return { both: ma + mb, onlyFirst: a.length - ma, onlySecond: b.length - mb, neither: 0 };
}

/** Two coders: the four cells, from the units each applied alone and together. */
function pairTable(unit: Exclude<AgreementUnit, 'segment'>, source: AgreementSource, a: Ranges, b: Ranges): BinaryTable {
  const together = unitHistogram(unit, source, [a, b]);
  const both = together[2]!;
  const onlyFirst = unitHistogram(unit, source, [a])[1]! - both;
  const onlySecond = unitHistogram(unit, source, [b])[1]! - both;
  return { both, onlyFirst, onlySecond, neither: together[0]! };
}

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

  // Cells by transcript and by the code's place in `codes` (arrays, not maps: a pool of every
  // transcript at ten times the study adds 200,000 cells, and each report pools it several ways).
  type Cell = { table: BinaryTable | null; histogram: number[] };
  const pair = coderIds.length === 2;
  const cellOf = (source: AgreementSource, clipped: Ranges[]): Cell => {
    if (options.unit === 'segment') return { table: segmentTable(clipped[0]!, clipped[1]!, overlap!), histogram: [] };
    const table = pair ? pairTable(options.unit, source, clipped[0]!, clipped[1]!) : null;
    return { table, histogram: pair ? [] : unitHistogram(options.unit, source, clipped) };
  };
  const cellsOf = new Map<string, Cell[]>();
  // Whether some chosen coder used each code, per transcript.
  const usedIn = new Map<string, Uint8Array>();
  const unitizing: CodedUnit[] = [];
  let offset = 0;
  for (const source of sources) {
    const byCode = raw.get(source.id);
    const used = new Uint8Array(codes.length);
    // The cell of a code no chosen coder used here is the same for every such code (5 of 6
    // at ten times the study): made once per transcript.
    let uncoded: Cell | null = null;
    const cells = codes.map((code, k) => {
      const coded = byCode?.get(code.id);
      if (!coded)
        return (uncoded ??= cellOf(
          source,
          coderIds.map(() => []),
        ));
      const clipped = coded.map((r) =>
        unionPairs(r)
          .map(([s, e]) => [Math.max(0, s), Math.min(source.text.length, e)] as [number, number])
          .filter(([s, e]) => e > s),
      );
      if (clipped.some((r) => r.length)) used[k] = 1;
      if (options.unit === 'character') {
        clipped.forEach((ranges, i) =>
          ranges.forEach(([s, e]) => unitizing.push({ begin: offset + s, length: e - s, coder: coderIds[i]!, category: code.id })),
        );
      }
      return cellOf(source, clipped);
    });
    cellsOf.set(source.id, cells);
    usedIn.set(source.id, used);
    offset += source.text.length;
    if (cellsOf.size % PROGRESS_EVERY === 0) options.onProgress?.(cellsOf.size, sources.length);
  }

  /** The cells of these transcripts and codes (by place) added up, and their statistics. */
  const summarise = (sourceList: readonly AgreementSource[], codeList: readonly number[]) => {
    const table = pair ? { both: 0, onlyFirst: 0, onlySecond: 0, neither: 0 } : null;
    const histogram = pair ? null : new Array<number>(coderIds.length + 1).fill(0);
    for (const s of sourceList) {
      const cells = cellsOf.get(s.id)!;
      for (const k of codeList) {
        const cell = cells[k]!;
        if (table) {
          table.both += cell.table!.both;
          table.onlyFirst += cell.table!.onlyFirst;
          table.onlySecond += cell.table!.onlySecond;
          table.neither += cell.table!.neither;
        } else cell.histogram.forEach((w, n) => (histogram![n]! += w));
      }
    }
    return { table, histogram, stats: statsFor(options.unit, coderIds.length, table, histogram) };
  };
  /** The places of the codes some chosen coder used in these transcripts. */
  const usedCodes = (sourceList: readonly AgreementSource[]): number[] => {
    const any = new Uint8Array(codes.length);
    for (const s of sourceList) usedIn.get(s.id)!.forEach((u, k) => (any[k]! |= u));
    return codes.map((_, k) => k).filter((k) => any[k] === 1);
  };
  const perCodeFor = (sourceList: readonly AgreementSource[]): CodeAgreement[] => {
    const used = new Set(usedCodes(sourceList));
    return codes.map((code, k) => {
      const s = summarise(sourceList, [k]);
      return {
        codeId: code.id,
        used: used.has(k),
        ...(s.table ? { table: s.table } : {}),
        ...(s.histogram ? { histogram: s.histogram } : {}),
        stats: s.stats,
      };
    });
  };
  const usedAll = usedCodes(sources);
  const perCode = perCodeFor(sources);

  let unitizingResult: AgreementReport['unitizing'];
  if (options.unit === 'character' && offset > 0) {
    unitizingResult = unitizingAlpha({ begin: 0, length: offset }, unitizing, coderIds);
    for (const row of perCode) {
      const value = unitizingResult.byCategory[row.codeId];
      if (value !== undefined) row.unitizingAlpha = value;
    }
  }
  const waveIds = project.waves.map((w) => w.id).filter((w) => sources.some((s) => s.wave === w));
  return {
    unit: options.unit,
    coderIds,
    sourceIds: sources.map((s) => s.id),
    overlap,
    perCode,
    pooled: summarise(sources, usedAll).stats,
    bySource: sources.map((s) => ({ sourceId: s.id, stats: summarise([s], usedCodes([s])).stats })),
    byCodeAndSource: sources.flatMap((s) => {
      const cells = cellsOf.get(s.id)!;
      return usedAll.flatMap((k) => {
        const cell = cells[k]!;
        const applied = cell.table
          ? cell.table.both + cell.table.onlyFirst + cell.table.onlySecond > 0
          : cell.histogram.slice(1).some((n) => n > 0);
        return applied ? [{ codeId: codes[k]!.id, sourceId: s.id, stats: summarise([s], [k]).stats }] : [];
      });
    }),
    byWave: waveIds.map((waveId) => {
      const inWave = sources.filter((s) => s.wave === waveId);
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
