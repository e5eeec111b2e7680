// Options built afresh on every render (filters, id lists) are equal by content but new by
// reference, which would recompute every memo that depends on them. `useStable` keeps the
// previous reference while the content is the same, so dependency lists stay honest (no
// `ids.join()` or `JSON.stringify(options)` standing in for the value).
import { useRef } from 'react';

/** Deep equality of plain data: primitives, arrays and plain objects. */
export function sameContent(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) => Object.prototype.hasOwnProperty.call(b, k) && sameContent((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

export function useStable<T>(value: T): T {
  const ref = useRef(value);
  if (!sameContent(ref.current, value)) ref.current = value;
  return ref.current;
}
