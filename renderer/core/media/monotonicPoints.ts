// Known times that contradict each other (a later place in the text at an earlier moment) are
// settled by trust: each tier of points is added to those already kept, keeping only what fits.

export interface TimedOffset {
  offset: number;
  seconds: number;
}

/** The last index whose offset is <= offset, -1 when none (points sorted by offset). */
function lastAtOrBefore<T extends TimedOffset>(points: readonly T[], offset: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (points[mid]!.offset <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Whether a new point sits between its neighbours in `kept` without running time backwards. */
function fits<T extends TimedOffset>(kept: readonly T[], point: TimedOffset): boolean {
  const before = lastAtOrBefore(kept, point.offset);
  if (before >= 0 && (kept[before]!.offset === point.offset || kept[before]!.seconds > point.seconds)) return false;
  const after = kept[before + 1];
  return after === undefined || after.seconds >= point.seconds;
}

/**
 * The largest subset of `points` whose times never decrease as offsets increase, at most one per
 * offset: one wrong timestamp loses itself, not every point after it. O(n log n): patience
 * sorting on the times, in offset order (equal offsets latest time first and duplicates
 * dropped, so at most one of them joins a chain).
 */
function longestOrderedChain<T extends TimedOffset>(points: readonly T[]): T[] {
  const sorted = [...points]
    .sort((a, b) => a.offset - b.offset || b.seconds - a.seconds)
    .filter((p, i, all) => i === 0 || p.offset !== all[i - 1]!.offset || p.seconds !== all[i - 1]!.seconds);
  const tails: number[] = []; // tails[len - 1]: index of the chain of that length with the lowest last time
  const previous = new Int32Array(sorted.length).fill(-1);
  sorted.forEach((p, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[tails[mid]!]!.seconds <= p.seconds) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const chain: T[] = [];
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i !== -1; i = previous[i]!) chain.push(sorted[i]!);
  return chain.reverse();
}

function merge<T extends TimedOffset>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.offset <= b[j]!.offset)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

/**
 * Points from tiers in order of trust, made monotonic: every point of a tier that contradicts a
 * point of a more trusted tier (or sits at its offset) is dropped, then the tier's own
 * contradictions are settled by keeping its longest consistent chain. Times never decrease with
 * the offset in the result, and offsets strictly increase.
 */
export function monotonicPoints<T extends TimedOffset>(tiers: readonly (readonly T[])[]): T[] {
  let kept: T[] = [];
  for (const tier of tiers) {
    const candidates = tier.filter((p) => fits(kept, p));
    kept = merge(kept, longestOrderedChain(candidates));
  }
  return kept;
}
