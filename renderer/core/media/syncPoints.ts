// The researcher's sync points: "this turn starts at this moment of the recording", set while
// listening. They are the most trusted times a transcript has (see timeline.ts).

/** A researcher-set point: the text at `offset` (UTF-16, into Source.text) is said at `seconds`. */
export interface SyncPoint {
  offset: number;
  seconds: number;
}

function isValid(point: SyncPoint): boolean {
  return Number.isInteger(point.offset) && point.offset >= 0 && Number.isFinite(point.seconds) && point.seconds >= 0;
}

/**
 * The points with `point` added, sorted by offset: a point at the same offset is replaced, and
 * every point the new one contradicts is dropped: one earlier in the text at the same or a later
 * time, or one later in the text at the same or an earlier time. The newest point is what the
 * researcher just heard, so it wins, and time always moves on with the text (strictly: two places
 * said at the same instant would leave the moment between them nowhere to go).
 * A point with a negative, fractional or non-finite offset or time is a programming error: RangeError.
 */
export function withSyncPoint(points: readonly SyncPoint[], point: SyncPoint): SyncPoint[] {
  if (!isValid(point))
    throw new RangeError(`A sync point needs a whole offset and a time of 0 or more (got ${point.offset}, ${point.seconds})`);
  const kept = points.filter(
    (p) => (p.offset < point.offset && p.seconds < point.seconds) || (p.offset > point.offset && p.seconds > point.seconds),
  );
  kept.push({ offset: point.offset, seconds: point.seconds });
  return kept.sort((a, b) => a.offset - b.offset);
}

/** The points without the one at `offset` (the same points, in a new array, when there is none). */
export function withoutSyncPoint(points: readonly SyncPoint[], offset: number): SyncPoint[] {
  return points.filter((p) => p.offset !== offset);
}
