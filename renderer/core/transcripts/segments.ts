// Offsets -> what the editor draws. A turn's text is cut at every coding boundary into
// segments, each carrying the ids of the codings covering it; overlapping, nested and
// adjacent codings all become flat runs, so the editor needs no nested marks.
import type { Coding, Turn } from '../shared';

export interface Segment {
  start: number;
  end: number;
  codingIds: string[];
}

type Range = Pick<Coding, 'id' | 'start' | 'end'>;

/** Segments of [from, to) with the codings over each; codings outside the span are ignored. */
export function segmentRange(from: number, to: number, codings: readonly Range[]): Segment[] {
  const inside = codings.filter((c) => c.end > from && c.start < to && c.end > c.start);
  const cuts = new Set<number>([from, to]);
  for (const c of inside) {
    cuts.add(Math.max(from, c.start));
    cuts.add(Math.min(to, c.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    const codingIds = inside.filter((c) => c.start <= start && c.end >= end).map((c) => c.id);
    out.push({ start, end, codingIds });
  }
  return out;
}

/** The turns to show: the source's turns, or the whole text as one paragraph when it has none. */
export function displayTurns(text: string, turns: readonly Turn[]): Turn[] {
  return turns.length ? [...turns].sort((a, b) => a.start - b.start) : [{ start: 0, end: text.length, speaker: null }];
}

/** Indexes of the turns a range touches, for redrawing only what changed. */
export function turnsTouched(turns: readonly Turn[], start: number, end: number): number[] {
  const out: number[] = [];
  turns.forEach((t, i) => {
    if (t.end > start && t.start < end) out.push(i);
    else if (start === end && t.start <= start && start <= t.end) out.push(i);
  });
  return out;
}
