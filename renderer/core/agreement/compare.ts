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
import { live, unionPairs, type ProjectSnapshot, type Source } from '../shared';
import { addHistograms, addTables, binaryStats, multiStats, type AgreementStats, type BinaryTable } from './counted';
import { unitizingAlpha, type CodedUnit } from './unitizing';

export type AgreementUnit = 'turn' | 'character' | 'segment' | 'document';

export interface CompareOptions {
  coderIds: string[];
  unit: AgreementUnit;
  /** Segment unit only: the share of the union two segments must overlap by (0–1]. */
  overlap?: number;
  sourceIds?: string[];
  codeIds?: string[];
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

/** Units by how many of the coders' layers applied the code (turn, character or document). */
function unitHistogram(unit: Exclude<AgreementUnit, 'segment'>, source: Source, layers: readonly Ranges[]): number[] {
  const coders = layers.length;
  const h = new Array<number>(coders + 1).fill(0);
  if (unit === 'document') {
    h[layers.filter((r) => r.length > 0).length]! += 1;
  } else if (unit === 'turn') {
    const turns = source.turns.length ? source.turns : [{ start: 0, end: source.text.length }];
    for (const t of turns) {
      const k = layers.filter((ranges) => ranges.some(([s, e]) => s < t.end && e > t.start)).length;
      h[k]! += 1;
    }
  } else {
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
  }
  return h;
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
function pairTable(unit: Exclude<AgreementUnit, 'segment'>, source: Source, a: Ranges, b: Ranges): BinaryTable {
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

export function compareCoders(project: ProjectSnapshot, options: CompareOptions): AgreementReport {
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
  const sources = live(project.sources).filter((s) =>
    options.sourceIds ? options.sourceIds.includes(s.id) : coderIds.every((id) => codedBy.get(s.id)?.has(id)),
  );

  const perSourceCode = new Map<string, Map<string, { table: BinaryTable | null; histogram: number[] }>>();
  // Codes some chosen coder used, per transcript.
  const usedIn = new Map<string, Set<string>>();
  const unitizing: CodedUnit[] = [];
  let offset = 0;
  for (const source of sources) {
    const byCode = raw.get(source.id) ?? new Map<string, [number, number][][]>();
    const cells = new Map<string, { table: BinaryTable | null; histogram: number[] }>();
    const used = new Set<string>();
    usedIn.set(source.id, used);
    for (const code of codes) {
      const layers: Ranges[] = (byCode.get(code.id) ?? coderIds.map(() => [])).map((r) => unionPairs(r));
      const clipped = layers.map((ranges) =>
        ranges.map(([s, e]) => [Math.max(0, s), Math.min(source.text.length, e)] as [number, number]).filter(([s, e]) => e > s),
      );
      if (clipped.some((r) => r.length)) used.add(code.id);
      if (options.unit === 'segment') {
        const table = segmentTable(clipped[0]!, clipped[1]!, overlap!);
        cells.set(code.id, { table, histogram: [] });
        continue;
      }
      const pair = coderIds.length === 2;
      const table = pair ? pairTable(options.unit, source, clipped[0]!, clipped[1]!) : null;
      cells.set(code.id, { table, histogram: pair ? [] : unitHistogram(options.unit, source, clipped) });
      if (options.unit === 'character') {
        clipped.forEach((ranges, i) =>
          ranges.forEach(([s, e]) => unitizing.push({ begin: offset + s, length: e - s, coder: coderIds[i]!, category: code.id })),
        );
      }
    }
    perSourceCode.set(source.id, cells);
    offset += source.text.length;
  }

  const summarise = (sourceList: readonly Source[], codeList: readonly string[]) => {
    const cells = sourceList.flatMap((s) => codeList.map((id) => perSourceCode.get(s.id)?.get(id)).filter((c) => c !== undefined));
    const table = coderIds.length === 2 ? addTables(cells.map((c) => c!.table!)) : null;
    const histogram =
      coderIds.length === 2
        ? null
        : addHistograms(
            cells.map((c) => c!.histogram),
            coderIds.length,
          );
    return { table, histogram, stats: statsFor(options.unit, coderIds.length, table, histogram) };
  };
  const usedCodes = (sourceList: readonly Source[]) =>
    codes.map((c) => c.id).filter((id) => sourceList.some((s) => usedIn.get(s.id)?.has(id)));
  const perCodeFor = (sourceList: readonly Source[]): CodeAgreement[] => {
    const used = new Set(usedCodes(sourceList));
    return codes.map((code) => {
      const s = summarise(sourceList, [code.id]);
      return {
        codeId: code.id,
        used: used.has(code.id),
        ...(s.table ? { table: s.table } : {}),
        ...(s.histogram ? { histogram: s.histogram } : {}),
        stats: s.stats,
      };
    });
  };
  const usedIds = usedCodes(sources);
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
    pooled: summarise(sources, usedIds).stats,
    bySource: sources.map((s) => ({ sourceId: s.id, stats: summarise([s], usedCodes([s])).stats })),
    byCodeAndSource: sources.flatMap((s) =>
      usedIds.flatMap((codeId) => {
        const cell = perSourceCode.get(s.id)?.get(codeId);
        const applied =
          cell &&
          (cell.table ? cell.table.both + cell.table.onlyFirst + cell.table.onlySecond > 0 : cell.histogram.slice(1).some((n) => n > 0));
        return applied ? [{ codeId, sourceId: s.id, stats: summarise([s], [codeId]).stats }] : [];
      }),
    ),
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
