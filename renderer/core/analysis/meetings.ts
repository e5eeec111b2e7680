// The meetings of codes inside one transcript, per unit, as cooccurrence.ts defines them: every
// pair at once for the matrix (one sweep over the transcript's stretches), one pair with its
// places for a drill-down (a merge of the two codes' stretches). Transcripts never meet.
import type { Source } from '../shared';
import type { CooccurrenceUnit } from './cooccurrence';
import { overlapMeetings } from './overlapSweep';
import { turnsOf } from './scope';
import { firstAbove, firstAtLeast, windowMeetings, wordsOf } from './windowSweep';

/** Stretches as closed integer intervals [lo, hi] that link when they intersect, with their character spans. */
export interface Nodes {
  lo: Int32Array;
  hi: Int32Array;
  flat: readonly number[];
}

export type Reach = (source: Source, flat: readonly number[]) => Nodes;

/** How stretches are laid out for linking: characters for 'overlap', word positions widened by the window for 'window'. */
export function reacher(unit: CooccurrenceUnit, window: number): Reach {
  if (unit !== 'window')
    return (_source, flat) => {
      const k = flat.length >> 1;
      const lo = new Int32Array(k);
      const hi = new Int32Array(k);
      for (let i = 0; i < k; i += 1) {
        lo[i] = flat[2 * i]!;
        hi[i] = flat[2 * i + 1]! - 1; // [start, end) as closed character positions
      }
      return { lo, hi, flat };
    };
  return (source, flat) => {
    // With words numbered in order, lo = words ending by the start and hi = words begun before
    // the end; words wholly between X and a later Y number lo(Y) − hi(X), so "at most `window`
    // words between" is [lo, hi + window] intersecting.
    const { starts, ends } = wordsOf(source);
    const k = flat.length >> 1;
    const lo = new Int32Array(k);
    const hi = new Int32Array(k);
    for (let i = 0; i < k; i += 1) {
      lo[i] = firstAbove(ends, flat[2 * i]!);
      hi[i] = firstAtLeast(starts, flat[2 * i + 1]!) + window;
    }
    return { lo, hi, flat };
  };
}

/** Calls add(i, j, count) for every pair of codes present in the source (i ≤ j, the diagonal included). */
export function sourceMeetings(
  source: Source,
  codes: readonly { code: number; flat: number[] }[],
  unit: CooccurrenceUnit,
  window: number,
  add: (i: number, j: number, count: number) => void,
): void {
  if (unit === 'source') {
    for (let x = 0; x < codes.length; x += 1) for (let y = x; y < codes.length; y += 1) add(codes[x]!.code, codes[y]!.code, 1);
    return;
  }
  if (unit === 'turn') {
    const turns = turnsOf(source);
    const byTurn = new Map<number, number[]>();
    for (const { code, flat } of codes)
      for (const t of turnsHeld(turns, flat)) {
        const list = byTurn.get(t);
        if (list) list.push(code);
        else byTurn.set(t, [code]);
      }
    for (const list of byTurn.values())
      for (let x = 0; x < list.length; x += 1) for (let y = x; y < list.length; y += 1) add(list[x]!, list[y]!, 1);
    return;
  }
  if (unit === 'overlap') {
    overlapMeetings(codes, add);
    return;
  }
  windowMeetings(source, codes, window, add);
}

/** The meetings of two codes in one source as flat [start, end, …]; b null: a's own instances. */
export function pairPlaces(
  source: Source,
  a: readonly number[],
  b: readonly number[] | null,
  unit: CooccurrenceUnit,
  reach: Reach,
): number[] {
  if (unit === 'source') return [0, source.text.length];
  if (unit === 'turn') {
    const turns = turnsOf(source);
    const inA = turnsHeld(turns, a);
    const inB = b ? new Set(turnsHeld(turns, b)) : null;
    return inA.filter((t) => !inB || inB.has(t)).flatMap((t) => [turns[2 * t]!, turns[2 * t + 1]!]);
  }
  if (!b) return [...a];
  const places: number[] = [];
  if (unit === 'overlap') meetDisjoint(reach(source, a), reach(source, b), places);
  else meet(reach(source, a), reach(source, b), places);
  return places;
}

/** Indices of the turns (flat, sorted) that share a character with any stretch, ascending, each once. */
function turnsHeld(turns: readonly number[], flat: readonly number[]): number[] {
  const out: number[] = [];
  const count = turns.length >> 1;
  for (let i = 0; i < flat.length; i += 2) {
    const s = flat[i]!;
    const e = flat[i + 1]!;
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (turns[2 * mid + 1]! <= s) lo = mid + 1;
      else hi = mid;
    }
    for (let t = lo; t < count && turns[2 * t]! < e; t += 1) if (out.length === 0 || out[out.length - 1]! < t) out.push(t);
  }
  return out;
}

/**
 * Groups of linked stretches holding both codes, when neither code's own intervals intersect
 * (unioned stretches, in characters): a sweep in start order, since whatever reaches furthest
 * in the current group is then of the other code, so joining the group means linking to it.
 */
function meetDisjoint(a: Nodes, b: Nodes, places?: number[]): number {
  let i = 0;
  let j = 0;
  let count = 0;
  let size = 0;
  let groupHi = -1;
  let groupStart = 0;
  let groupEnd = 0;
  const close = () => {
    if (size < 2) return;
    count += 1;
    places?.push(groupStart, groupEnd);
  };
  while (i < a.lo.length || j < b.lo.length) {
    const fromA = j >= b.lo.length || (i < a.lo.length && a.lo[i]! <= b.lo[j]!);
    const nodes = fromA ? a : b;
    const k = fromA ? i++ : j++;
    const lo = nodes.lo[k]!;
    if (size > 0 && lo <= groupHi) {
      size += 1;
      groupHi = Math.max(groupHi, nodes.hi[k]!);
      groupEnd = Math.max(groupEnd, nodes.flat[2 * k + 1]!);
    } else {
      close();
      size = 1;
      groupHi = nodes.hi[k]!;
      groupStart = nodes.flat[2 * k]!;
      groupEnd = nodes.flat[2 * k + 1]!;
    }
  }
  close();
  return count;
}

/**
 * The same where a code's own intervals may intersect (the window widens them): only an A–B
 * intersection links, so groups are kept in a union-find. Sweeping in lo order, a new interval
 * links to every earlier interval of the other code still reaching it; those are collapsed into
 * one cluster (they are now one group), so each side keeps few clusters and the sweep is linear.
 */
function meet(a: Nodes, b: Nodes, places?: number[]): number {
  const na = a.lo.length;
  const n = na + b.lo.length;
  const parent = new Int32Array(n);
  const size = new Int32Array(n).fill(1);
  for (let x = 0; x < n; x += 1) parent[x] = x;
  const find = (x: number) => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  let count = 0;
  const union = (x: number, y: number) => {
    let rx = find(x);
    let ry = find(y);
    if (rx === ry) return;
    if (size[rx]! < size[ry]!) [rx, ry] = [ry, rx];
    count += 1 - (size[rx]! >= 2 ? 1 : 0) - (size[ry]! >= 2 ? 1 : 0);
    parent[ry] = rx;
    size[rx]! += size[ry]!;
  };
  let clustersA: { node: number; hi: number }[] = [];
  let clustersB: { node: number; hi: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < na || j < b.lo.length) {
    const fromA = j >= b.lo.length || (i < na && a.lo[i]! <= b.lo[j]!);
    const node = fromA ? i : na + j;
    const lo = fromA ? a.lo[i]! : b.lo[j]!;
    const hi = fromA ? a.hi[i++]! : b.hi[j++]!;
    const other = fromA ? clustersB : clustersA;
    let reached = -1;
    for (const c of other)
      if (c.hi >= lo) {
        union(node, c.node);
        reached = Math.max(reached, c.hi);
      }
    // Clusters that do not reach this interval reach no later one either.
    const kept = reached >= 0 ? [{ node, hi: reached }] : [];
    if (fromA) {
      clustersB = kept;
      clustersA.push({ node, hi });
    } else {
      clustersA = kept;
      clustersB.push({ node, hi });
    }
  }
  if (places && count > 0) {
    const span = new Map<number, [number, number]>();
    for (let x = 0; x < n; x += 1) {
      const root = find(x);
      if (size[root]! < 2) continue;
      const flat = x < na ? a.flat : b.flat;
      const k = x < na ? x : x - na;
      const s = span.get(root);
      if (s) {
        s[0] = Math.min(s[0], flat[2 * k]!);
        s[1] = Math.max(s[1], flat[2 * k + 1]!);
      } else span.set(root, [flat[2 * k]!, flat[2 * k + 1]!]);
    }
    for (const [s, e] of [...span.values()].sort((x, y) => x[0] - y[0] || x[1] - y[1])) places.push(s, e);
  }
  return count;
}
