// Every transcript's codings as columns of numbers, worked out once per codings list (the
// project model makes a new list when a coding changes; lists are never changed in place). At
// ten times the study a quote query reads 400,000 codings: reading each record's fields (the
// records lie all over memory) and looking its code up in a Set of ids was a third of the query,
// and reading their starts and ends again to merge them another seventh (measured). Columns
// are read in order, and a code or coder is a number a query marks in a small array.
import type { Coding } from '../shared';

export interface CodingColumns {
  /** The transcript's codings as held, deleted ones included. */
  list: Coding[];
  /** Places in `list` by start (spans with the same start keep the order held). */
  order: Int32Array;
  /** Per coding, in list order. Offsets as numbers, not 32-bit integers: a damaged record's offset is kept as it is. */
  start: Float64Array;
  end: Float64Array;
  /** Numbers of codeIds and coderIds (GroupedCodings). */
  code: Int32Array;
  coder: Int32Array;
  /** 1 for a coding not deleted. */
  live: Uint8Array;
}

export interface GroupedCodings {
  bySource: Map<string, CodingColumns>;
  /** Every code and coder id the codings name, numbered in order of first use. */
  codeIds: string[];
  coderIds: string[];
}

const groupedLists = new WeakMap<readonly Coding[], GroupedCodings>();

export function groupedBySource(codings: readonly Coding[]): GroupedCodings {
  let grouped = groupedLists.get(codings);
  if (grouped) return grouped;
  const lists = new Map<string, Coding[]>();
  for (const c of codings) {
    const list = lists.get(c.sourceId);
    if (list) list.push(c);
    else lists.set(c.sourceId, [c]);
  }
  const codes = new Numbering();
  const coders = new Numbering();
  const bySource = new Map<string, CodingColumns>();
  for (const [id, list] of lists) {
    const n = list.length;
    const columns: CodingColumns = {
      list,
      order: startOrder(list),
      start: new Float64Array(n),
      end: new Float64Array(n),
      code: new Int32Array(n),
      coder: new Int32Array(n),
      live: new Uint8Array(n),
    };
    for (let i = 0; i < n; i += 1) {
      const c = list[i]!;
      columns.start[i] = c.start;
      columns.end[i] = c.end;
      columns.code[i] = codes.of(c.codeId);
      columns.coder[i] = coders.of(c.coderId);
      columns.live[i] = c.deletedAt == null ? 1 : 0;
    }
    bySource.set(id, columns);
  }
  grouped = { bySource, codeIds: codes.ids, coderIds: coders.ids };
  groupedLists.set(codings, grouped);
  return grouped;
}

/** Ids numbered in order of first use. */
class Numbering {
  readonly ids: string[] = [];
  private readonly numbers = new Map<string, number>();

  of(id: string): number {
    let n = this.numbers.get(id);
    if (n === undefined) {
      n = this.ids.length;
      this.ids.push(id);
      this.numbers.set(id, n);
    }
    return n;
  }
}

/** 1 at each number whose id passes `test` (a query's codes or coders, as numbers). */
export function marked(ids: readonly string[], test: (id: string) => boolean): Uint8Array {
  const out = new Uint8Array(ids.length);
  ids.forEach((id, n) => (out[n] = test(id) ? 1 : 0));
  return out;
}

const INDEX_BITS = 2 ** 20;

/**
 * The places in `codings` in start order: all merge() needs (spans with the same start merge
 * whichever comes first, and a passage's codes are put in codebook order after); the same
 * start keeps the order held. Sorted as numbers packing the start and the place, with no
 * comparator to call: at ten times the study the comparator was a fifth of a query's time.
 */
function startOrder(codings: readonly Coding[]): Int32Array {
  const order = Int32Array.from(codings, (_, i) => i);
  if (codings.length >= INDEX_BITS) return order.sort((a, b) => codings[a]!.start - codings[b]!.start || a - b);
  const keys = new Float64Array(codings.length);
  for (let i = 0; i < codings.length; i += 1) keys[i] = Math.max(0, codings[i]!.start) * INDEX_BITS + i;
  keys.sort();
  for (let i = 0; i < keys.length; i += 1) order[i] = keys[i]! % INDEX_BITS;
  return order;
}
