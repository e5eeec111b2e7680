// Geometry for the coding margin, kept free of the DOM so it is unit-tested: which turn an
// offset falls in, and how stripes pack into lanes so overlapping ones sit side by side.
import type { Turn } from '../core/shared';

/** Index of the turn holding `offset` (or the nearest turn before it); 0 when none is before. */
export function turnIndexAt(turns: readonly Turn[], offset: number): number {
  let lo = 0;
  let hi = turns.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (turns[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export interface Span {
  id: string;
  top: number;
  bottom: number;
}

/**
 * Greedy interval partitioning: stripes sorted by top (longer first on ties) take the
 * leftmost lane whose last stripe ended above them, with `gap` pixels of air. Minimal
 * lane count for intervals, and stable: a stripe's lane depends only on those above it.
 */
export function assignLanes(spans: readonly Span[], gap = 2): { lanes: Map<string, number>; count: number } {
  const sorted = [...spans].sort((a, b) => a.top - b.top || b.bottom - a.bottom || (a.id < b.id ? -1 : 1));
  const laneEnds: number[] = [];
  const lanes = new Map<string, number>();
  for (const s of sorted) {
    let lane = laneEnds.findIndex((end) => end + gap <= s.top);
    if (lane < 0) lane = laneEnds.push(s.bottom) - 1;
    else laneEnds[lane] = s.bottom;
    lanes.set(s.id, lane);
  }
  return { lanes, count: laneEnds.length };
}
