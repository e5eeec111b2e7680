// How much room records take once stored, roughly, before they are written: enough to say
// "310 MB needed" and to refuse an import that cannot fit before any of it is written. The
// count is the text's length plus a little for every value and key (IndexedDB stores a
// serialised copy; Chromium compresses some of it, so this errs on the side of more).

const PER_VALUE = 8;

/** A rough count of the bytes one value takes stored, not counting what it holds. */
function own(v: unknown): number {
  if (typeof v === 'string') return v.length + PER_VALUE;
  if (v instanceof Uint8Array) return v.byteLength + PER_VALUE;
  return PER_VALUE;
}

const holds = (v: unknown): v is object => typeof v === 'object' && v !== null && !(v instanceof Uint8Array);

/**
 * A rough count of the bytes `value` takes stored. Iterative (a deep or huge value cannot
 * overflow the stack), and only containers go on the stack: a study's archive is counted in
 * tens of milliseconds.
 */
export function estimateStoredSize(value: unknown): number {
  if (!holds(value)) return own(value);
  let total = 0;
  const stack: object[] = [value];
  while (stack.length) {
    const v = stack.pop()!;
    total += PER_VALUE;
    if (Array.isArray(v)) {
      for (const item of v) {
        if (holds(item)) stack.push(item);
        else total += own(item);
      }
    } else {
      const record = v as Record<string, unknown>;
      for (const key in record) {
        const item = record[key];
        total += key.length;
        if (holds(item)) stack.push(item);
        else total += own(item);
      }
    }
  }
  return total;
}

/**
 * estimateStoredSize of a long list of like records (codings, turns) from an even sample of
 * them: a project's 400,000 codings counted one by one took a third of a second.
 */
export function estimateListSize(list: readonly unknown[], sample = 500): number {
  if (list.length <= sample) return estimateStoredSize(list);
  let total = 0;
  for (let i = 0; i < sample; i += 1) total += estimateStoredSize(list[Math.floor((i * list.length) / sample)]);
  return PER_VALUE + Math.ceil((total / sample) * list.length);
}

/** estimateStoredSize of a project snapshot: every text counted, the long lists sampled. */
export function estimateSnapshotSize(snapshot: object): number {
  let total = PER_VALUE;
  for (const [key, value] of Object.entries(snapshot)) {
    total += key.length;
    if (key === 'codings' && Array.isArray(value)) total += estimateListSize(value);
    else if (key === 'sources' && Array.isArray(value)) {
      for (const source of value as Record<string, unknown>[]) {
        const { turns, ...rest } = source;
        total += estimateStoredSize(rest) + (Array.isArray(turns) ? estimateListSize(turns, 20) : 0);
      }
    } else total += estimateStoredSize(value);
  }
  return total;
}
