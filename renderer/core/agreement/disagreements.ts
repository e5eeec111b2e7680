// Where two coders differ: per transcript and code, each coder's merged passages are grouped
// with the other's passages they overlap. A group holding one coder's passages only is a
// passage the other did not code with that code ("missing"); a group holding both where some
// passage is not matched at the overlap share is a difference of extent ("boundary"). Groups
// where every passage is matched are agreements and not listed. Sorted by transcript, then place.
// Transcripts: `sourceIds`, else those both coders coded (as compareCoders).
import { live, type ProjectSnapshot } from '../model';
import { mergeRanges } from './compare';

export interface Disagreement {
  sourceId: string;
  codeId: string;
  /** The span covering both versions. */
  start: number;
  end: number;
  kind: 'missing' | 'boundary';
  /** Each coder's passages in the span, in coder order ([] = not coded). */
  versions: { coderId: string; ranges: [number, number][] }[];
}

export interface DisagreementOptions {
  coderIds: [string, string];
  /** Matched when the intersection is at least this share of the union (default 0.9). */
  overlap?: number;
  sourceIds?: string[];
  codeIds?: string[];
}

const overlapShare = (a: readonly [number, number], b: readonly [number, number]) => {
  const inter = Math.min(a[1], b[1]) - Math.max(a[0], b[0]);
  return inter <= 0 ? 0 : inter / (Math.max(a[1], b[1]) - Math.min(a[0], b[0]));
};

export function disagreements(project: ProjectSnapshot, options: DisagreementOptions): Disagreement[] {
  const [first, second] = options.coderIds;
  const overlap = options.overlap ?? 0.9;
  // As compareCoders: by default the transcripts both coders coded; one coder's lone work is not a disagreement.
  const codedBy = new Map<string, Set<string>>();
  for (const c of live(project.codings)) (codedBy.get(c.sourceId) ?? codedBy.set(c.sourceId, new Set()).get(c.sourceId)!).add(c.coderId);
  const compared = (id: string) => (options.sourceIds ? options.sourceIds.includes(id) : Boolean(codedBy.get(id)?.has(first) && codedBy.get(id)?.has(second)));
  const sources = new Map(live(project.sources).filter((s) => compared(s.id)).map((s) => [s.id, s]));
  const codes = new Set(live(project.codes).filter((c) => !options.codeIds || options.codeIds.includes(c.id)).map((c) => c.id));
  const layers = new Map<string, [[number, number][], [number, number][]]>();
  for (const c of live(project.codings)) {
    const side = c.coderId === first ? 0 : c.coderId === second ? 1 : -1;
    if (side < 0 || !sources.has(c.sourceId) || !codes.has(c.codeId)) continue;
    const key = `${c.sourceId}\u0000${c.codeId}`;
    const pair = layers.get(key) ?? layers.set(key, [[], []]).get(key)!;
    pair[side === 0 ? 0 : 1].push([c.start, c.end]);
  }
  const out: Disagreement[] = [];
  for (const [key, [rawA, rawB]] of layers) {
    const [sourceId, codeId] = key.split('\u0000') as [string, string];
    const a = mergeRanges(rawA);
    const b = mergeRanges(rawB);
    // Walk both sorted lists together, growing a group while the next passage overlaps it.
    const all = [...a.map((r) => ({ r, side: 0 })), ...b.map((r) => ({ r, side: 1 }))].sort((x, y) => x.r[0] - y.r[0] || x.r[1] - y.r[1]);
    let group: typeof all = [];
    let groupEnd = -1;
    const flush = () => {
      if (!group.length) return;
      const mine = group.filter((g) => g.side === 0).map((g) => g.r);
      const theirs = group.filter((g) => g.side === 1).map((g) => g.r);
      const matched = (r: [number, number], others: [number, number][]) => others.some((o) => overlapShare(r, o) >= overlap - 1e-12);
      const agreed = mine.length > 0 && theirs.length > 0 && mine.every((r) => matched(r, theirs)) && theirs.every((r) => matched(r, mine));
      if (!agreed) {
        out.push({
          sourceId,
          codeId,
          start: Math.min(...group.map((g) => g.r[0])),
          end: Math.max(...group.map((g) => g.r[1])),
          kind: mine.length && theirs.length ? 'boundary' : 'missing',
          versions: [{ coderId: first, ranges: mine }, { coderId: second, ranges: theirs }],
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
  return out.sort((x, y) => title(x.sourceId).localeCompare(title(y.sourceId), undefined, { numeric: true }) || x.sourceId.localeCompare(y.sourceId) || x.start - y.start || x.end - y.end || x.codeId.localeCompare(y.codeId));
}
