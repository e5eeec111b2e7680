// One code in one transcript, as the units each coder applied it to: the cell compareCoders
// adds up. A cell is numbers in a row of a flat array, so pooling thousands of transcripts by
// code, wave and transcript is a walk over consecutive numbers (at ten times the study a report
// pools 200,000 cells several ways; as objects in a map by transcript that was half its time).
import type { AgreementSource, AgreementUnit } from './compare';

export type Ranges = [number, number][];

/**
 * Numbers per cell. Two coders: the unit table [both, only the first, only the second,
 * neither]. More coders: units by how many coders applied the code (0…coders).
 */
export const cellWidth = (coders: number) => (coders === 2 ? 4 : coders + 1);

/** Two coders' units by state: bit 1 the first applied the code, bit 2 the second. */
const PAIR_WEIGHTS = [1, 2] as const;

/** How many units a transcript has. */
export function unitCount(unit: Exclude<AgreementUnit, 'segment'>, source: AgreementSource): number {
  if (unit === 'document') return 1;
  if (unit === 'turn') return Math.max(1, turnBounds(source).length / 2);
  return source.text.length;
}

/** Turn bounds made from a snapshot's turn objects, once per list of turns. */
const boundsOfTurns = new WeakMap<readonly { start: number; end: number }[], Int32Array>();

/** A transcript's turns as [start, end) pairs. */
export function turnBounds(source: AgreementSource): Int32Array {
  if (source.turnBounds) return source.turnBounds;
  const turns = source.turns ?? [];
  let bounds = boundsOfTurns.get(turns);
  if (!bounds) {
    bounds = new Int32Array(2 * turns.length);
    turns.forEach((t, i) => {
      bounds![2 * i] = t.start;
      bounds![2 * i + 1] = t.end;
    });
    boundsOfTurns.set(turns, bounds);
  }
  return bounds;
}

/**
 * The cell of one code in one transcript from each coder's ranges (merged, clipped: disjoint
 * and in order within a layer). Two coders are walked once, their states told apart by weight.
 */
export function unitCell(unit: AgreementUnit, source: AgreementSource, layers: readonly Ranges[], overlap: number): number[] {
  if (unit === 'segment') return segmentCell(layers[0]!, layers[1]!, overlap);
  if (layers.length !== 2)
    return unitHistogram(
      unit,
      source,
      layers,
      layers.map(() => 1),
    );
  const h = unitHistogram(unit, source, layers, PAIR_WEIGHTS);
  return [h[3]!, h[1]!, h[2]!, h[0]!];
}

/**
 * Units by the sum of the weights of the layers that applied the code: with every weight 1,
 * how many coders did; with two coders weighted 1 and 2, which of them did.
 */
function unitHistogram(
  unit: Exclude<AgreementUnit, 'segment'>,
  source: AgreementSource,
  layers: readonly Ranges[],
  weights: readonly number[],
): number[] {
  const h = new Array<number>(weights.reduce((a, b) => a + b, 0) + 1).fill(0);
  if (unit === 'document') {
    h[layers.reduce((sum, r, i) => sum + (r.length > 0 ? weights[i]! : 0), 0)]! += 1;
    return h;
  }
  if (unit === 'turn') {
    const bounds = turnBounds(source);
    // A transcript without turns is one unit, the whole of it.
    turnCounts(bounds.length ? bounds : Int32Array.of(0, source.text.length), layers, weights, h);
    return h;
  }
  // Sweep the boundaries: between two consecutive ones, the layers covering are fixed.
  const events: [number, number][] = [];
  layers.forEach((ranges, i) => {
    for (const [s, e] of ranges) events.push([s, weights[i]!], [e, -weights[i]!]);
  });
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
 * Adds to `h` each turn (pairs of `bounds`) by the weights of the layers that overlap it. Each
 * layer's ranges (sorted, disjoint: unionPairs) mark the turns they overlap, found by binary
 * search, each turn once per layer; so a transcript costs turns + ranges·log(turns), not turns ×
 * layers × ranges (twenty coders over 100 turns made that 2,000 steps a cell). Turns out of
 * order (a foreign file) are checked against every range.
 */
function turnCounts(bounds: Int32Array, layers: readonly Ranges[], weights: readonly number[], h: number[]): void {
  const turns = bounds.length / 2;
  if (!inOrder(bounds)) {
    for (let t = 0; t < turns; t += 1) {
      const [start, end] = [bounds[2 * t]!, bounds[2 * t + 1]!];
      h[layers.reduce((sum, ranges, i) => sum + (ranges.some(([s, e]) => s < end && e > start) ? weights[i]! : 0), 0)]! += 1;
    }
    return;
  }
  const count = new Uint16Array(turns);
  layers.forEach((ranges, layer) => {
    const weight = weights[layer]!;
    let marked = -1;
    for (const [s, e] of ranges) {
      // The first turn ending after the range starts.
      let lo = Math.max(0, marked);
      let hi = turns;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (bounds[2 * mid + 1]! > s) hi = mid;
        else lo = mid + 1;
      }
      for (let t = lo; t < turns && bounds[2 * t]! < e; t += 1) {
        if (t > marked && bounds[2 * t + 1]! > s) {
          count[t]! += weight;
          marked = t;
        }
      }
    }
  });
  for (let t = 0; t < turns; t += 1) h[count[t]!]! += 1;
}

/** Whether turns are in order (starts and ends never go back), once per transcript. */
const ordered = new WeakMap<Int32Array, boolean>();
function inOrder(bounds: Int32Array): boolean {
  let known = ordered.get(bounds);
  if (known === undefined) {
    known = true;
    for (let i = 2; i < bounds.length && known; i += 2) known = bounds[i]! >= bounds[i - 2]! && bounds[i + 1]! >= bounds[i - 1]!;
    ordered.set(bounds, known);
  }
  return known;
}

/** MAXQDA-style segment matching for two coders, as a table with no "neither" cell. */
function segmentCell(a: Ranges, b: Ranges, overlap: number): number[] {
  const matched = (r: [number, number], others: Ranges) =>
    others.some(([s, e]) => {
      const inter = Math.min(r[1], e) - Math.max(r[0], s);
      const union = Math.max(r[1], e) - Math.min(r[0], s);
      return inter > 0 && inter / union >= overlap - 1e-12;
    });
  const ma = a.filter((r) => matched(r, b)).length;
  const mb = b.filter((r) => matched(r, a)).length;
  return [ma + mb, a.length - ma, b.length - mb, 0];
}
