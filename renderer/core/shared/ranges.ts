// Stretches of text, [start, end) in canonical offsets, and their union: one module for what
// the basket, quotes, agreement and the wave matrix all need. Overlapping or touching ranges
// become one; empty ranges cover nothing. Three shapes, one rule: {start, end} objects where
// readability matters, [start, end] pairs in agreement, and flat [s, e, s, e, …] arrays on the
// wave matrix's hot path (no allocation per range).

export interface Range {
  start: number;
  end: number;
}

/** The general union, over any shape, given how to read and make one. */
function unionOf<T>(
  ranges: readonly T[],
  startOf: (r: T) => number,
  endOf: (r: T) => number,
  make: (start: number, end: number) => T,
): T[] {
  const sorted = ranges.filter((r) => endOf(r) > startOf(r)).sort((a, b) => startOf(a) - startOf(b) || endOf(a) - endOf(b));
  const out: { start: number; end: number }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && startOf(r) <= last.end) last.end = Math.max(last.end, endOf(r));
    else out.push({ start: startOf(r), end: endOf(r) });
  }
  return out.map((r) => make(r.start, r.end));
}

/** Sorted, disjoint {start, end} ranges covering what `ranges` cover. */
export function unionRanges(ranges: readonly Range[]): Range[] {
  return unionOf(
    ranges,
    (r) => r.start,
    (r) => r.end,
    (start, end) => ({ start, end }),
  );
}

/** The same for [start, end] pairs. */
export function unionPairs(ranges: readonly (readonly [number, number])[]): [number, number][] {
  return unionOf(
    ranges,
    (r) => r[0],
    (r) => r[1],
    (start, end) => [start, end] as [number, number],
  ) as [number, number][];
}

/** `ranges` cut to [start, end), then unioned. */
export function clipRanges(ranges: readonly Range[], start: number, end: number): Range[] {
  return unionRanges(ranges.map((r) => ({ start: Math.max(start, r.start), end: Math.min(end, r.end) })));
}

// Offsets below 2^26 pack into one exact double, start·2^26 + end, so a typed (comparator-free)
// sort orders them: the wave matrix unions hundreds of thousands of ranges.
const PACK = 2 ** 26;

/** Flat [s, e, …] ranges unioned into sorted maximal stretches, flat. */
export function unionFlat(flat: readonly number[]): number[] {
  const out: number[] = [];
  const push = (s: number, e: number) => {
    const last = out.length - 1;
    if (last > 0 && s <= out[last]!) out[last] = Math.max(out[last]!, e);
    else out.push(s, e);
  };
  let sorted = true;
  for (let i = 2; i < flat.length && sorted; i += 2) sorted = flat[i - 2]! <= flat[i]!;
  if (sorted) {
    for (let i = 0; i + 1 < flat.length; i += 2) if (flat[i + 1]! > flat[i]!) push(flat[i]!, flat[i + 1]!);
    return out;
  }
  const pairs = flat.length >> 1;
  let small = true;
  for (let i = 0; i < flat.length && small; i += 1) small = flat[i]! >= 0 && flat[i]! < PACK;
  if (small) {
    const keys = new Float64Array(pairs);
    for (let i = 0; i < pairs; i += 1) keys[i] = flat[2 * i]! * PACK + flat[2 * i + 1]!;
    keys.sort();
    for (const key of keys) {
      const e = key % PACK;
      const s = (key - e) / PACK;
      if (e > s) push(s, e);
    }
    return out;
  }
  for (const [s, e] of unionPairs(Array.from({ length: pairs }, (_, i) => [flat[2 * i]!, flat[2 * i + 1]!] as [number, number])))
    push(s, e);
  return out;
}

/** The union of two flat lists that are each already unioned, in one pass. */
export function unionSortedFlat(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let s: number;
    let e: number;
    if (j >= b.length || (i < a.length && a[i]! <= b[j]!)) {
      s = a[i]!;
      e = a[i + 1]!;
      i += 2;
    } else {
      s = b[j]!;
      e = b[j + 1]!;
      j += 2;
    }
    const last = out.length - 1;
    if (last > 0 && s <= out[last]!) out[last] = Math.max(out[last]!, e);
    else out.push(s, e);
  }
  return out;
}
