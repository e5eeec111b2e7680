// Co-occurrence "within N words" for every pair of codes in one source at once (meetings.ts hands
// each source's stretches here), and the word positions it is measured in. Like overlapSweep.ts,
// its working arrays are kept from source to source: at ten times the study the matrix visits
// 3,500 transcripts, and two typed arrays per code per transcript, a map of links and an array
// per pair of codes cost more than the sweep itself (measured: 535-790 ms in Node, issue 21).
import type { Source } from '../shared';

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu; // countWords' words
/** Word offsets by source record, kept between calls; only a cache (the text is checked on use). */
const wordIndex = new WeakMap<Source, { text: string; starts: Int32Array; ends: Int32Array }>();

/** The offsets where the source's words start and end, in order. */
export function wordsOf(source: Source): { starts: Int32Array; ends: Int32Array } {
  const known = wordIndex.get(source);
  if (known && known.text === source.text) return known;
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of source.text.matchAll(WORD)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  const made = { text: source.text, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
  wordIndex.set(source, made);
  return made;
}

/** How many of the sorted values are at most x. */
export function firstAbove(sorted: Int32Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many of the sorted values are below x. */
export function firstAtLeast(sorted: Int32Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Replaces each packed `offset·total + node` in keys[0, total) by, at that node, the number of
 * values in `sorted` below offset + inclusive, plus `extra`. The keys are sorted first (in
 * `work`), so the count only grows: each is found by galloping on from the previous one.
 */
function toWordCounts(keys: Float64Array, total: number, sorted: Int32Array, inclusive: number, extra: number, work: Float64Array): void {
  work.set(keys.subarray(0, total));
  const order = work.subarray(0, total).sort();
  const n = sorted.length;
  let at = 0;
  for (let r = 0; r < total; r += 1) {
    const node = order[r]! % total;
    const limit = (order[r]! - node) / total + inclusive;
    let lo = at;
    let hi = at;
    let step = 1;
    while (hi < n && sorted[hi]! < limit) {
      lo = hi + 1;
      hi += step;
      step *= 2;
    }
    if (hi > n) hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < limit) lo = mid + 1;
      else hi = mid;
    }
    at = lo;
    keys[node] = lo + extra;
  }
}

/**
 * 'window' for every pair at once. A stretch [start, end) becomes the closed word interval
 * [lo, hi + window] (see meetings.ts reacher); one sweep in lo order finds every linked pair of
 * stretches of different codes; then per pair of codes, the stretches it links fall into trees,
 * as many as linked stretches minus the links that join two trees (a union-find over that
 * pair's links, visited pair by pair after the links are sorted by pair).
 */
export function windowMeetings(
  source: Source,
  codes: readonly { code: number; flat: readonly number[] }[],
  window: number,
  add: (i: number, j: number, count: number) => void,
): void {
  const { starts, ends } = wordsOf(source);
  const m = codes.length;
  let total = 0;
  for (const { flat } of codes) total += flat.length >> 1;
  const s = nodeScratch(total);
  const { lo, hi, owner, order, active, parent } = s;
  let k = 0;
  for (let x = 0; x < m; x += 1) {
    const { code, flat } = codes[x]!;
    add(code, code, flat.length >> 1);
    for (let i = 0; i < flat.length; i += 2, k += 1) {
      lo[k] = flat[i]! * total + k;
      hi[k] = flat[i + 1]! * total + k;
      owner[k] = x;
    }
  }
  // Word positions: lo = words ending by the start, hi = words begun before the end (+ window).
  // Looked up in offset order, each from where the last stopped: a binary search per stretch
  // over every transcript's word arrays missed the cache at nearly every step (measured).
  toWordCounts(lo, total, ends, 1, 0, order);
  toWordCounts(hi, total, starts, 0, window, order);
  // Nodes in lo order, ties by index: (lo, index) packed into one number, sorted as numbers.
  for (let i = 0; i < total; i += 1) order[i] = lo[i]! * total + i;
  const sorted = order.subarray(0, total).sort();
  let links = 0;
  let live = 0;
  for (let r = 0; r < total; r += 1) {
    const node = sorted[r]! % total;
    const x = owner[node]!;
    // Drop, in place, the active nodes that end before this one starts; link to the others.
    let kept = 0;
    for (let a = 0; a < live; a += 1) {
      const other = active[a]!;
      if (hi[other]! < lo[node]!) continue;
      active[kept++] = other;
      const y = owner[other]!;
      if (y === x) continue;
      if (links === linkKey.length) growLinks();
      linkKey[links] = x < y ? x * m + y : y * m + x;
      linkA[links] = node;
      linkB[links] = other;
      links += 1;
    }
    live = kept;
    active[live++] = node;
  }
  if (links === 0) return;
  for (let l = 0; l < links; l += 1) linkOrder[l] = linkKey[l]! * links + l;
  const byPair = linkOrder.subarray(0, links).sort();
  const find = (v: number) => {
    while (parent[v] !== v) {
      parent[v] = parent[parent[v]!]!;
      v = parent[v]!;
    }
    return v;
  };
  let linked = 0;
  let joins = 0;
  const setUp = (v: number) => {
    if (s.stamps[v] !== s.stamp) {
      s.stamps[v] = s.stamp;
      parent[v] = v;
      linked += 1;
    }
    return v;
  };
  for (let r = 0; r < links; r += 1) {
    const l = byPair[r]! % links;
    const key = linkKey[l]!;
    const first = r === 0 || linkKey[byPair[r - 1]! % links] !== key;
    if (first) {
      // A new pair: its nodes start as trees of their own, told apart by a stamp per pair.
      s.stamp += 1;
      linked = 0;
      joins = 0;
    }
    const a = find(setUp(linkA[l]!));
    const b = find(setUp(linkB[l]!));
    if (a !== b) {
      parent[a] = b;
      joins += 1;
    }
    const last = r === links - 1 || linkKey[byPair[r + 1]! % links] !== key;
    if (last) add(codes[Math.floor(key / m)]!.code, codes[key % m]!.code, linked - joins);
  }
}

/** The sweep's working arrays for nodes, kept from source to source and grown as needed. */
interface NodeScratch {
  lo: Float64Array;
  hi: Float64Array;
  owner: Int32Array;
  order: Float64Array;
  active: Int32Array;
  parent: Int32Array;
  /** [node]: the pair whose union-find last set the node up; numbers never reused. */
  stamps: Float64Array;
  stamp: number;
}

let nodes: NodeScratch | null = null;
function nodeScratch(total: number): NodeScratch {
  if (!nodes || nodes.lo.length < total) {
    const size = Math.max(total, 2 * (nodes?.lo.length ?? 0), 64);
    nodes = {
      lo: new Float64Array(size),
      hi: new Float64Array(size),
      owner: new Int32Array(size),
      order: new Float64Array(size),
      active: new Int32Array(size),
      parent: new Int32Array(size),
      stamps: new Float64Array(size).fill(-1),
      stamp: nodes?.stamp ?? 0,
    };
  }
  return nodes;
}

/** The links found by the sweep: the pair of codes (x·m + y, x < y) and the two nodes. */
let linkKey = new Int32Array(1024);
let linkA = new Int32Array(1024);
let linkB = new Int32Array(1024);
let linkOrder = new Float64Array(1024);
function growLinks(): void {
  const size = linkKey.length * 2;
  const grown = (old: Int32Array) => {
    const next = new Int32Array(size);
    next.set(old);
    return next;
  };
  linkKey = grown(linkKey);
  linkA = grown(linkA);
  linkB = grown(linkB);
  linkOrder = new Float64Array(size);
}
