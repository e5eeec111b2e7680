// Where coders differ, for any number of them (two or more): per transcript and code, every
// selected coder's merged passages are grouped with the other coders' passages they overlap
// (a chain of overlapping passages is one group). A group is an agreement, and not listed, only
// when every selected coder has a passage in it and each of those passages is matched, at the
// overlap share, by a passage of every other coder. Otherwise it is listed: "missing" when some
// coder has nothing in the group (a passage not everyone coded with that code), else "boundary"
// (all coded it, with a different extent). With two coders this is the pairwise rule it always
// was. Sorted by transcript, then place.
import { live, naturalCompare, type ProjectSnapshot, unionPairs } from '../shared';

export interface Disagreement {
  sourceId: string;
  codeId: string;
  /** The span covering every version. */
  start: number;
  end: number;
  kind: 'missing' | 'boundary';
  /** Every selected coder's passages in the span, in the order of `coderIds` ([] = not coded). */
  versions: { coderId: string; ranges: [number, number][] }[];
  /** Selected coders who coded nothing in this transcript, so are not counted here (3+ coders). */
  absent?: string[];
}

export interface DisagreementOptions {
  /** Two or more coders, in the order their versions are listed. */
  coderIds: readonly string[];
  /** Matched when the intersection is at least this share of the union (default 0.9). */
  overlap?: number;
  sourceIds?: string[];
  codeIds?: string[];
}

type Range = [number, number];

const overlapShare = (a: readonly [number, number], b: readonly [number, number]) => {
  const inter = Math.min(a[1], b[1]) - Math.max(a[0], b[0]);
  return inter <= 0 ? 0 : inter / (Math.max(a[1], b[1]) - Math.min(a[0], b[0]));
};

export function disagreements(project: ProjectSnapshot, options: DisagreementOptions): Disagreement[] {
  const coderIds = [...new Set(options.coderIds)];
  if (coderIds.length < 2) throw new RangeError('Reviewing disagreements needs at least two different coders.');
  const side = new Map(coderIds.map((id, i) => [id, i]));
  const overlap = options.overlap ?? 0.9;
  // Transcripts: by default those at least two of the selected coders coded. A transcript only
  // one of them coded holds nothing but that coder's lone work, which is not a disagreement (as
  // compareCoders leaves it out); but requiring every coder would hide, in a team of three,
  // what two of them disagree on where the third did not code. With two coders: both coded it.
  const codedBy = new Map<string, Set<string>>();
  for (const c of live(project.codings))
    if (side.has(c.coderId)) (codedBy.get(c.sourceId) ?? codedBy.set(c.sourceId, new Set()).get(c.sourceId)!).add(c.coderId);
  const compared = (id: string) => (options.sourceIds ? options.sourceIds.includes(id) : (codedBy.get(id)?.size ?? 0) >= 2);
  const sources = new Map(
    live(project.sources)
      .filter((s) => compared(s.id))
      .map((s) => [s.id, s]),
  );
  const codes = new Set(
    live(project.codes)
      .filter((c) => !options.codeIds || options.codeIds.includes(c.id))
      .map((c) => c.id),
  );
  const layers = new Map<string, Range[][]>();
  for (const c of live(project.codings)) {
    const i = side.get(c.coderId);
    if (i === undefined || !sources.has(c.sourceId) || !codes.has(c.codeId)) continue;
    const key = `${c.sourceId}\u0000${c.codeId}`;
    const perCoder =
      layers.get(key) ??
      layers
        .set(
          key,
          coderIds.map(() => []),
        )
        .get(key)!;
    perCoder[i]!.push([c.start, c.end]);
  }
  const matched = (r: Range, others: Range[]) => others.some((o) => overlapShare(r, o) >= overlap - 1e-12);
  const out: Disagreement[] = [];
  for (const [key, raw] of layers) {
    const [sourceId, codeId] = key.split('\u0000') as [string, string];
    // Walk every coder's sorted passages together, growing a group while the next one overlaps it.
    const all = raw
      .flatMap((ranges, i) => unionPairs(ranges).map((r) => ({ r, side: i })))
      .sort((x, y) => x.r[0] - y.r[0] || x.r[1] - y.r[1]);
    // Whose version counts here: the coders who coded anything in this transcript, when at least
    // two did. A coder of a team of three who never opened it has not disagreed with anyone; else
    // the list would fill with passages the others agree on. (With two coders, as before: both.)
    const present = codedBy.get(sourceId);
    const counts = coderIds.map((id) => (present && present.size >= 2 ? present.has(id) : true));
    let group: typeof all = [];
    let groupEnd = -1;
    const flush = () => {
      if (!group.length) return;
      const versions = coderIds.map((_, i) => group.filter((g) => g.side === i).map((g) => g.r));
      const counted = versions.filter((_, i) => counts[i]);
      const everyone = counted.every((v) => v.length > 0);
      const agreed = everyone && counted.every((mine, i) => counted.every((theirs, j) => i === j || mine.every((r) => matched(r, theirs))));
      if (!agreed) {
        out.push({
          sourceId,
          codeId,
          start: group.reduce((m, g) => Math.min(m, g.r[0]), Infinity),
          end: group.reduce((m, g) => Math.max(m, g.r[1]), -Infinity),
          kind: everyone ? 'boundary' : 'missing',
          versions: coderIds.map((coderId, i) => ({ coderId, ranges: versions[i]! })),
          ...(counts.every(Boolean) ? {} : { absent: coderIds.filter((_, i) => !counts[i]) }),
        });
      }
      group = [];
    };
    for (const item of all) {
      if (group.length && item.r[0] >= groupEnd) flush();
      group.push(item);
      groupEnd = group.length === 1 ? item.r[1] : Math.max(groupEnd, item.r[1]);
    }
    flush();
  }
  const title = (id: string) => sources.get(id)?.title ?? '';
  return out.sort(
    (x, y) =>
      naturalCompare(title(x.sourceId), title(y.sourceId)) ||
      x.sourceId.localeCompare(y.sourceId) ||
      x.start - y.start ||
      x.end - y.end ||
      x.codeId.localeCompare(y.codeId),
  );
}
