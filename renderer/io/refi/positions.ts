// REFI-QDA selection positions <-> canonical offsets (DESIGN "Canonical text and offsets").
// The standard counts Unicode code points of the source's plain-text file, but tools disagree
// in the field: NVivo counts UTF-16 units of the text as it wrote it (a CR LF is 2 where the
// file holds CR LF, as NVivo for Windows writes it; an LF is 1 where it holds LF only, as NVivo
// for Mac writes it), universal-newline readers count every break as 1. A wrong model silently shifts every coding by a few
// characters per line, so the import picks the model per source and checks it against word
// boundaries rather than trusting the origin blindly.
import { canonicalNewlines } from '../decode';

export type PositionModel = 'codepoints' | 'utf16' | 'utf16-crlf' | 'codepoints-lf';

export const MODEL_LABELS: Record<PositionModel, string> = {
  codepoints: 'Unicode code points (REFI-QDA standard)',
  utf16: 'UTF-16 code units of the text as written (NVivo)',
  'utf16-crlf': 'UTF-16 units with line breaks counted as 2 (NVivo)',
  'codepoints-lf': 'Unicode code points with line breaks counted as 1',
};

// Fixed order: ties between alternatives go to the one nearer the standard.
const MODELS: readonly PositionModel[] = ['codepoints', 'utf16', 'utf16-crlf', 'codepoints-lf'];

export interface Range {
  start: number;
  end: number;
}

type Converted = { ranges: (Range | null)[]; adjusted: number };

// Widths, in input units and output units, of the only text pieces where models differ.
// Everything else is one unit on both sides.
interface Widths {
  crlfIn: number;
  crlfOut: number;
  crIn: number;
  lfIn: number; // a lone CR or an LF is always one output unit
  astralIn: number;
  astralOut: number;
}

const TO_CANONICAL: Record<PositionModel, Widths> = {
  codepoints: { crlfIn: 2, crlfOut: 1, crIn: 1, lfIn: 1, astralIn: 1, astralOut: 2 },
  utf16: { crlfIn: 2, crlfOut: 1, crIn: 1, lfIn: 1, astralIn: 2, astralOut: 2 },
  'utf16-crlf': { crlfIn: 2, crlfOut: 1, crIn: 2, lfIn: 2, astralIn: 2, astralOut: 2 },
  'codepoints-lf': { crlfIn: 1, crlfOut: 1, crIn: 1, lfIn: 1, astralIn: 1, astralOut: 2 },
};

// Canonical text is LF only; a stray CR is just a character, so CRLF must not merge.
const CANONICAL_TO_CODEPOINTS: Widths = { crlfIn: 2, crlfOut: 2, crIn: 1, lfIn: 1, astralIn: 2, astralOut: 1 };

const SURROGATE = /[\uD800-\uDFFF]/;

interface Resolved {
  // Output offset for a position used as a start / as an end; -1 when past the text.
  floor: number[];
  ceil: number[];
}

// Only these characters can be wider or narrower than one unit on either side.
const SPECIAL = /[\r\n\uD800-\uDBFF]/g;

/**
 * Sorted distinct positions are resolved in one pass over the text, so a source with k
 * selections costs O(n + k log k) however the selections overlap. A position inside a
 * multi-unit piece gets both neighbours: starts snap back and ends snap forward, so a
 * selection never loses the characters it partly covered.
 */
function resolve(text: string, positions: readonly number[], w: Widths): Resolved {
  const k = positions.length;
  const floor = new Array<number>(k).fill(-1);
  const ceil = new Array<number>(k).fill(-1);
  const n = text.length;
  let m = 0;
  let c = 0;
  let j = 0;
  let i = 0;
  // Stopping once every position is placed keeps early selections cheap on long files.
  while (j < k) {
    // Runs of ordinary characters are one unit on both sides: jump over them with the
    // regex engine instead of a JS loop per character.
    SPECIAL.lastIndex = i;
    const stop = SPECIAL.exec(text)?.index ?? n;
    const runEnd = m + (stop - i);
    while (j < k && positions[j]! < runEnd) {
      floor[j] = ceil[j] = c + (positions[j]! - m);
      j++;
    }
    c += stop - i;
    m = runEnd;
    i = stop;
    if (i >= n) break;
    const ch = text.charCodeAt(i);
    let len = 1;
    let wIn = 1;
    let wOut = 1;
    if (ch === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        len = 2;
        wIn = w.crlfIn;
        wOut = w.crlfOut;
      } else {
        wIn = w.crIn;
      }
    } else if (ch === 10) {
      wIn = w.lfIn;
    } else {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        len = 2;
        wIn = w.astralIn;
        wOut = w.astralOut;
      }
    }
    const next = m + wIn;
    while (j < k && positions[j]! < next) {
      floor[j] = c;
      ceil[j] = positions[j] === m ? c : c + wOut;
      j++;
    }
    m = next;
    c += wOut;
    i += len;
  }
  // Positions left over once the text ran out: only the one at its very end is valid.
  while (j < k && positions[j] === m) {
    floor[j] = ceil[j] = c;
    j++;
  }
  return { floor, ceil };
}

function wellFormed(r: Range): boolean {
  return Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.end >= r.start;
}

function distinctSorted(ranges: readonly Range[]): number[] {
  const all: number[] = [];
  for (const r of ranges) if (wellFormed(r)) all.push(r.start, r.end);
  all.sort((a, b) => a - b);
  const out: number[] = [];
  for (const p of all) if (out.length === 0 || out[out.length - 1] !== p) out.push(p);
  return out;
}

/** Binary search; `positions` always contains p when this is called. */
function indexOf(positions: readonly number[], p: number): number {
  let lo = 0;
  let hi = positions.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (positions[mid]! < p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when the model's positions are plain UTF-16 offsets into `raw`, which is also canonical. */
function isIdentity(raw: string, model: PositionModel): boolean {
  if (raw.indexOf('\r') !== -1 || SURROGATE.test(raw)) return false;
  return model !== 'utf16-crlf' || raw.indexOf('\n') === -1;
}

/**
 * Converts file positions to canonical offsets. null for a range outside the text, with
 * end < start or with non-integer positions. Positions falling inside a line break pair or a
 * surrogate pair are moved (start back to the break/char start, end forward past it) and
 * `adjusted` counts the moved positions (a range with both ends moved counts 2). A range
 * with start === end is allowed and stays empty: both ends move back, so a caret inside a
 * CRLF does not grow into a selection of the line break.
 */
export function toCanonical(raw: string, ranges: readonly Range[], model: PositionModel): { ranges: (Range | null)[]; adjusted: number } {
  if (isIdentity(raw, model)) {
    const n = raw.length;
    return {
      ranges: ranges.map((r) => (wellFormed(r) && r.end <= n ? { start: r.start, end: r.end } : null)),
      adjusted: 0,
    };
  }
  const positions = distinctSorted(ranges);
  const { floor, ceil } = resolve(raw, positions, TO_CANONICAL[model]);
  let adjusted = 0;
  const out = ranges.map((r): Range | null => {
    if (!wellFormed(r)) return null;
    const si = indexOf(positions, r.start);
    const ei = indexOf(positions, r.end);
    const start = floor[si]!;
    if (start < 0 || floor[ei]! < 0) return null;
    if (floor[si] !== ceil[si]) adjusted++;
    if (floor[ei] !== ceil[ei]) adjusted++;
    const end = r.start === r.end ? start : ceil[ei]!;
    return { start, end };
  });
  return { ranges: out, adjusted };
}

/**
 * Canonical offsets (canonical text: LF only) -> REFI code points (the model we write).
 * Inverse of toCanonical(canonical, _, 'codepoints') for ranges that do not split a
 * surrogate pair; a split pair is widened to the whole character. Offsets are clamped to the
 * text because a stored coding past the end is a bug upstream, not something to export.
 */
export function toCodePoints(canonical: string, ranges: readonly Range[]): Range[] {
  const n = canonical.length;
  // An offset that is not a whole number would miss the position table below.
  const clamp = (x: number, lo: number) => Math.min(Math.max(lo, Number.isFinite(x) ? Math.trunc(x) : lo), n);
  const clamped = ranges.map((r) => {
    const start = clamp(r.start, 0);
    return { start, end: clamp(r.end, start) };
  });
  if (!SURROGATE.test(canonical)) return clamped;
  const positions = distinctSorted(clamped);
  const { floor, ceil } = resolve(canonical, positions, CANONICAL_TO_CODEPOINTS);
  return clamped.map((r) => {
    const start = floor[indexOf(positions, r.start)]!;
    return { start, end: r.start === r.end ? start : ceil[indexOf(positions, r.end)]! };
  });
}

const WORD = /[\p{L}\p{N}\p{M}'’_-]/u;

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function onBoundary(text: string, p: number): boolean {
  if (p <= 0 || p >= text.length) return true;
  const at = text.charCodeAt(p);
  const before = text.charCodeAt(p - 1);
  // Splitting a character is the clearest sign of a wrong model.
  if (isLow(at) && isHigh(before)) return false;
  const prev = isLow(before) && p >= 2 && isHigh(text.charCodeAt(p - 2)) ? text.slice(p - 2, p) : text[p - 1]!;
  const next = isHigh(at) && isLow(text.charCodeAt(p + 1)) ? text.slice(p, p + 2) : text[p]!;
  return !WORD.test(prev) || !WORD.test(next);
}

/**
 * Share (0..1) of range ends (starts and ends, counted separately) on word boundaries in
 * `text` (canonical); 1 when there is nothing to judge. People select whole words, so under
 * the right model nearly every end is on a boundary and under a wrong one the drift breaks
 * words. A position inside a surrogate pair is never a boundary. null and empty ranges are
 * ignored.
 */
export function boundaryScore(text: string, ranges: readonly (Range | null)[]): number {
  let total = 0;
  let hits = 0;
  for (const r of ranges) {
    if (!r || r.start === r.end) continue;
    total += 2;
    if (onBoundary(text, r.start)) hits++;
    if (onBoundary(text, r.end)) hits++;
  }
  return total === 0 ? 1 : hits / total;
}

/**
 * The model a tool's files use. NVivo counts UTF-16 units of the stored text, so the text
 * itself (does it hold CR LF?) decides how a line break counts: nothing to guess per platform.
 */
export function preferredModel(origin: string | undefined): PositionModel {
  return origin !== undefined && /nvivo/i.test(origin) ? 'utf16' : 'codepoints';
}

export interface ModelChoice {
  model: PositionModel;
  ranges: (Range | null)[];
  adjusted: number;
  score: number;
  switched: boolean;
  /**
   * Not switched, but the boundary check's second opinion disagrees: the chosen model puts
   * under 80% of the selection ends on word boundaries and `doubt` would put more there, with
   * too few selections (or too small a margin) to overrule the origin. The reader warns.
   */
  doubt: { model: PositionModel; score: number } | null;
  considered: { model: PositionModel; score: number }[];
}

const SWITCH_BELOW = 0.8;
/** Fewer selections than this say too little about a model to overrule the origin. */
const MIN_EVIDENCE = 3;
const SWITCH_MARGIN = 0.15;
// 0.95 - 0.8 is 0.1499999… in binary; the margin is meant as written.
const EPSILON = 1e-9;

function sameResult(a: Converted, b: Converted): boolean {
  if (a.adjusted !== b.adjusted) return false;
  for (let i = 0; i < a.ranges.length; i++) {
    const x = a.ranges[i];
    const y = b.ranges[i];
    if (x === y) continue;
    if (!x || !y || x.start !== y.start || x.end !== y.end) return false;
  }
  return true;
}

/**
 * Picks the model for one source: the origin's preferred model unless it leaves a selection
 * outside the text where another model fits them all, or the models disagree for this text
 * and another clearly fits better (preferred score < 0.8 and the best
 * alternative at least 0.15 higher, counting only alternatives that map every well-formed
 * range inside the text). The origin wins close calls because boundary scores are noisy on a
 * handful of selections, and a tool's known habit is the better prior. Models giving
 * identical results for these ranges on this text are not distinguished: `considered` then
 * lists one entry per distinct result, the preferred model first.
 */
export function chooseModel(raw: string, ranges: readonly Range[], origin: string | undefined): ModelChoice {
  const preferred = preferredModel(origin);
  const canonical = canonicalNewlines(raw);
  const order = [preferred, ...MODELS.filter((m) => m !== preferred)];
  // Models whose widths agree on every piece the text contains map it identically; telling
  // them apart up front saves whole walks (a CRLF file without emoji has two mappings, not four).
  const present = [raw.includes('\r\n'), /\r(?!\n)/.test(raw), /(?<!\r)\n/.test(raw), /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(raw)];
  const mapping = (model: PositionModel): string => {
    const w = TO_CANONICAL[model];
    return [w.crlfIn, w.crIn, w.lfIn, w.astralIn].map((x, i) => (present[i] ? x : '-')).join();
  };
  const seen = new Set<string>();
  const distinct: (Converted & { model: PositionModel; score: number })[] = [];
  for (const model of order) {
    const key = mapping(model);
    if (seen.has(key)) continue;
    seen.add(key);
    const result = toCanonical(raw, ranges, model);
    if (distinct.some((d) => sameResult(d, result))) continue;
    distinct.push({ model, ...result, score: boundaryScore(canonical, result.ranges) });
  }
  const pref = distinct[0]!;
  let best: (typeof distinct)[number] | null = null;
  for (const d of distinct.slice(1)) {
    const fits = d.ranges.every((r, i) => r !== null || !wellFormed(ranges[i]!));
    if (fits && (!best || d.score > best.score)) best = d;
  }
  const evidence = ranges.filter((r) => wellFormed(r) && r.end > r.start).length;
  // A selection past the end of the text proves the model wrong, however few there are.
  const prefMisses = pref.ranges.some((r, i) => r === null && wellFormed(ranges[i]!));
  const switched =
    best !== null &&
    ((prefMisses && best.score >= pref.score) ||
      (evidence >= MIN_EVIDENCE && pref.score < SWITCH_BELOW && best.score - pref.score >= SWITCH_MARGIN - EPSILON));
  const chosen = switched ? best! : pref;
  const doubt = !switched && best !== null && pref.score < SWITCH_BELOW && best.score > pref.score ? best : null;
  return {
    model: chosen.model,
    ranges: chosen.ranges,
    adjusted: chosen.adjusted,
    score: chosen.score,
    switched,
    doubt: doubt && { model: doubt.model, score: doubt.score },
    considered: distinct.map((d) => ({ model: d.model, score: d.score })),
  };
}
