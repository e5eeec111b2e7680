// Co-occurrence by overlap for every pair of codes in one source at once (meetings.ts hands each
// source's stretches here): a sweep with working arrays kept from source to source.

/**
 * 'overlap' for every pair at once, in one sweep over the source's stretches. Each code's
 * stretches are disjoint, so the stretches of two codes linked by overlap form a forest (two
 * A-stretches cannot both overlap the same two B-stretches: the earlier B would have to end
 * after the later A begins, past where the later B starts). A forest has as many trees as
 * nodes minus edges, so a pair's meetings are the stretches of either code overlapping the
 * other code minus their overlapping pairs, all found by one sweep instead of a merge per pair.
 */
export function overlapMeetings(
  codes: readonly { code: number; flat: number[] }[],
  add: (i: number, j: number, count: number) => void,
): void {
  const m = codes.length;
  let total = 0;
  for (const { flat } of codes) total += flat.length >> 1;
  const s = sweepScratch(total, m);
  const { starts, ends, owner, order, active, edges, touching, seen, pairs } = s;
  let k = 0;
  codes.forEach(({ code, flat }, x) => {
    add(code, code, flat.length >> 1);
    for (let i = 0; i < flat.length; i += 2, k += 1) {
      starts[k] = flat[i]!;
      ends[k] = flat[i + 1]!;
      owner[k] = x;
    }
  });
  // Stretches by start, ties in list order: (start, index) packed into one number and sorted as numbers.
  for (let i = 0; i < total; i += 1) order[i] = starts[i]! * total + i;
  const sorted = order.subarray(0, total).sort();
  let activeCount = 0;
  let pairCount = 0;
  for (let n = 0; n < total; n += 1) {
    const node = sorted[n]! % total;
    const start = starts[node]!;
    const x = owner[node]!;
    let kept = 0;
    for (let a = 0; a < activeCount; a += 1) {
      const other = active[a]!;
      if (ends[other]! <= start) continue;
      active[kept++] = other;
      const y = owner[other]!;
      if (y === x) continue;
      const pair = x < y ? x * m + y : y * m + x;
      if (edges[pair] === 0) pairs[pairCount++] = pair;
      edges[pair]! += 1;
      if (!seen[node * m + y]) {
        seen[node * m + y] = 1;
        touching[x * m + y]! += 1;
      }
      if (!seen[other * m + x]) {
        seen[other * m + x] = 1;
        touching[y * m + x]! += 1;
      }
    }
    activeCount = kept;
    active[activeCount++] = node;
  }
  for (let p = 0; p < pairCount; p += 1) {
    const pair = pairs[p]!;
    const x = Math.floor(pair / m);
    const y = pair % m;
    add(codes[x]!.code, codes[y]!.code, touching[x * m + y]! + touching[y * m + x]! - edges[pair]!);
    // Left clean for the next transcript: only what this one touched.
    edges[pair] = 0;
    touching[x * m + y] = 0;
    touching[y * m + x] = 0;
  }
  seen.fill(0, 0, total * m);
}

/** The sweep's working arrays, kept from transcript to transcript and grown as needed. */
interface SweepScratch {
  starts: Float64Array;
  ends: Float64Array;
  owner: Int32Array;
  order: Float64Array;
  active: Int32Array;
  /** [x·m + y], x < y: overlapping pairs of stretches of codes x and y. */
  edges: Int32Array;
  /** [x·m + y]: stretches of x overlapping some stretch of y. */
  touching: Int32Array;
  /** [node·m + y]: node already counted in touching for y. */
  seen: Uint8Array;
  /** The pairs with an edge, each once, in the order first met. */
  pairs: Int32Array;
}

/**
 * At ten times the study the sweep ran over 3,500 transcripts, each with 60 codes; making nine
 * arrays per transcript (three of them m² or more, zeroed) and visiting every pair of codes
 * after cost more than the sweep itself in Chromium (measured). They are kept here, all zero
 * between calls where it matters (edges, touching, seen), and only the pairs met are visited.
 */
let sweep: SweepScratch | null = null;
function sweepScratch(total: number, m: number): SweepScratch {
  const fits = sweep && sweep.starts.length >= total && sweep.edges.length >= m * m && sweep.seen.length >= total * m;
  if (!fits) {
    const nodes = Math.max(total, 2 * (sweep?.starts.length ?? 0), 64);
    const codes = Math.max(m, Math.ceil(Math.sqrt(sweep?.edges.length ?? 0)), 8);
    sweep = {
      starts: new Float64Array(nodes),
      ends: new Float64Array(nodes),
      owner: new Int32Array(nodes),
      order: new Float64Array(nodes),
      active: new Int32Array(nodes),
      edges: new Int32Array(codes * codes),
      touching: new Int32Array(codes * codes),
      seen: new Uint8Array(nodes * codes),
      pairs: new Int32Array(codes * codes),
    };
  }
  return sweep!;
}
