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
