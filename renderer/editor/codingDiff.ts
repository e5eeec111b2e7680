// Which turns must be redrawn when the shown codings change: those touched by the old or
// the new range of every coding added, removed, moved or recoded. Everything else keeps
// its nodes and its DOM, so applying a code costs one or two turns, not the transcript.
import type { Coding, Turn } from '../core/shared';
import { turnsTouched } from '../core/transcripts';

export type ShownCoding = Pick<Coding, 'id' | 'start' | 'end' | 'codeId'>;

export function changedTurns(turns: readonly Turn[], before: readonly ShownCoding[], after: readonly ShownCoding[]): Set<number> {
  const old = new Map(before.map((c) => [c.id, c]));
  const touched = new Set<number>();
  const touch = (c: ShownCoding) => {
    for (const i of turnsTouched(turns, c.start, c.end)) touched.add(i);
  };
  for (const c of after) {
    const prev = old.get(c.id);
    old.delete(c.id);
    if (prev && prev.start === c.start && prev.end === c.end && prev.codeId === c.codeId) continue;
    if (prev) touch(prev);
    touch(c);
  }
  for (const gone of old.values()) touch(gone);
  return touched;
}
