// The wave matrix's machinery: who counts, codings indexed by code and source, coded stretches
// unioned and clipped, words counted per stretch. waves.ts states the rules; this applies them.
import { descendantIds, orderedTree } from '../codebook';
import { live, type ProjectSnapshot, type Source, unionFlat, unionSortedFlat } from '../shared';
import { rangeWordCounter } from './rangeWords';
import type { PairedParticipants, WaveMatrixOptions } from './waves';

export const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
export const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Word counters by source record, kept between calls: scanning every transcript is most of a
 * matrix's cost, and a view recomputes the matrix on the same snapshot whenever a filter
 * changes. Only a cache: the text is checked on every use, and a WeakMap lets go of a record
 * as soon as nothing else holds it, so results never depend on it.
 */
const wordCounters = new WeakMap<Source, { text: string; count: (start: number, end: number) => number }>();

/** The codes a row counts: the code, and with includeChildren its live descendants. */
export function codeGroup(project: ProjectSnapshot, codeId: string, options: WaveMatrixOptions): Set<string> {
  return new Set(options.includeChildren ? [codeId, ...descendantIds(project.codes, codeId)] : [codeId]);
}

export interface Context {
  waves: string[];
  pair: readonly [string, string] | null;
  rowIds: string[];
  liveCodes: Set<string>;
  people: Map<string, { pseudonym: string }>;
  /** Counted sources per wave id. */
  sourcesByWave: Map<string, Source[]>;
  /** Participants with at least one counted source, per wave id. */
  interviewed: Map<string, Set<string>>;
  /** Merged (and, under ignoreInterviewer, clipped) stretches per counted source, flat [s0, e0, s1, e1, ...]. */
  stretches: (codeId: string) => Map<string, number[]>;
  /** countWords of a range of the source's text, through its word index (built once, cached). */
  words: (source: Source) => (start: number, end: number) => number;
}

export function context(project: ProjectSnapshot, options: WaveMatrixOptions, only?: ReadonlySet<string>): Context {
  const waveSet = new Set<string>();
  const waves: string[] = [];
  const byOrder = project.waves.map((w, i) => ({ w, i })).sort((a, b) => a.w.order - b.w.order || a.i - b.i);
  for (const { w } of byOrder) {
    if (waveSet.has(w.id)) continue; // a wave id listed twice (damaged data) is one column
    waveSet.add(w.id);
    waves.push(w.id);
  }
  const pair: readonly [string, string] | null = options.pair ?? (waves.length >= 2 ? [waves[0]!, waves[1]!] : null);

  const codes = live(project.codes);
  const liveCodes = new Set(codes.map((c) => c.id));
  const rowIds = orderedTree(project.codes).map((t) => t.code.id);
  const inTree = new Set(rowIds);
  for (const c of [...codes].sort((a, b) => a.order - b.order))
    if (!inTree.has(c.id)) {
      rowIds.push(c.id);
      inTree.add(c.id);
    }

  const pick = (list: readonly string[] | undefined) => (list && list.length > 0 ? new Set(list) : null);
  const roles = pick(options.roles);
  const sites = pick(options.sites);
  const groups = pick(options.groups);
  const people = new Map<string, { pseudonym: string }>();
  for (const p of live(project.participants)) {
    if (roles && !roles.has(p.role)) continue;
    if (sites && !sites.has(p.site)) continue;
    if (groups && !groups.has(p.group)) continue;
    people.set(p.id, p);
  }

  const sourcesByWave = new Map<string, Source[]>(waves.map((w) => [w, []]));
  const interviewed = new Map<string, Set<string>>(waves.map((w) => [w, new Set()]));
  const counted = new Map<string, Source>();
  for (const s of live(project.sources)) {
    if (s.participantId === null || s.wave === null || !people.has(s.participantId) || !waveSet.has(s.wave)) continue;
    counted.set(s.id, s);
    sourcesByWave.get(s.wave)!.push(s);
    interviewed.get(s.wave)!.add(s.participantId);
  }

  // The one pass over the codings: code -> source -> flat [start, end, ...], counted sources only
  // (and, for a drill-down, only the codes asked about).
  const coders = options.coderIds ? new Set(options.coderIds) : null;
  const index = new Map<string, Map<string, number[]>>();
  for (const coding of project.codings) {
    if (coding.deletedAt != null || (coders && !coders.has(coding.coderId)) || !liveCodes.has(coding.codeId)) continue;
    if (only && !only.has(coding.codeId)) continue;
    const source = counted.get(coding.sourceId);
    if (!source) continue;
    const start = Math.max(0, coding.start);
    const end = Math.min(source.text.length, coding.end);
    if (!(end > start)) continue;
    let bySource = index.get(coding.codeId);
    if (!bySource) index.set(coding.codeId, (bySource = new Map()));
    const list = bySource.get(source.id);
    if (list) list.push(start, end);
    else bySource.set(source.id, [start, end]);
  }
  // Each code's ranges are unioned once per source; a row of one code then reads them as they
  // are, and a subtree only unions already sorted lists.
  for (const bySource of index.values()) for (const [id, list] of bySource) bySource.set(id, unionFlat(list));

  const spoken = new Map<string, number[] | null>(); // per source: merged non-interviewer turns, null = whole text
  const allowed = (source: Source): number[] | null => {
    let a = spoken.get(source.id);
    if (a === undefined) {
      const flat: number[] = [];
      for (const t of source.turns) {
        if (t.speakerRole === 'interviewer') continue;
        const start = Math.max(0, t.start);
        const end = Math.min(source.text.length, t.end);
        if (end > start) flat.push(start, end);
      }
      a = source.turns.length === 0 ? null : unionFlat(flat);
      spoken.set(source.id, a);
    }
    return a;
  };

  const stretches = (codeId: string): Map<string, number[]> => {
    const group = [...codeGroup(project, codeId, options)];
    let out: Map<string, number[]>;
    if (group.length === 1)
      out = index.get(codeId) ?? new Map<string, number[]>(); // shared, never written to
    else {
      out = new Map<string, number[]>();
      for (const id of group) {
        for (const [sourceId, ranges] of index.get(id) ?? []) {
          const list = out.get(sourceId);
          out.set(sourceId, list ? unionSortedFlat(list, ranges) : ranges);
        }
      }
    }
    if (!options.ignoreInterviewer) return out;
    const clipped = new Map<string, number[]>();
    for (const [sourceId, ranges] of out) {
      const keep = allowed(counted.get(sourceId)!);
      const list = keep ? intersectFlatRanges(ranges, keep) : ranges;
      if (list.length > 0) clipped.set(sourceId, list);
    }
    return clipped;
  };

  const words = (source: Source) => {
    const known = wordCounters.get(source);
    if (known && known.text === source.text) return known.count;
    const count = rangeWordCounter(source.text);
    wordCounters.set(source, { text: source.text, count });
    return count;
  };

  return { waves, pair, rowIds, liveCodes, people, sourcesByWave, interviewed, stretches, words };
}

export function pairedSets(ctx: Context, pair: readonly [string, string], has: Map<string, Set<string>>): PairedParticipants {
  const out: PairedParticipants = { firstOnly: [], secondOnly: [], both: [], neither: [] };
  const seenFirst = ctx.interviewed.get(pair[0]);
  const seenSecond = ctx.interviewed.get(pair[1]);
  if (!seenFirst || !seenSecond) return out;
  const a = has.get(pair[0]) ?? new Set<string>();
  const b = has.get(pair[1]) ?? new Set<string>();
  for (const id of seenFirst) {
    if (!seenSecond.has(id)) continue;
    const inA = a.has(id);
    const inB = b.has(id);
    (inA ? (inB ? out.both : out.firstOnly) : inB ? out.secondOnly : out.neither).push(id);
  }
  return out;
}

/**
 * The overlap of two sorted, merged flat range lists ([s0, e0, s1, e1, …]); pieces meeting at a
 * boundary stay one stretch. Shared with core/analysis, which clips stretches to turns the same way.
 */
export function intersectFlatRanges(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i]!, b[j]!);
    const e = Math.min(a[i + 1]!, b[j + 1]!);
    if (e > s) {
      // Pieces from two touching allowed turns meet at a boundary: keep them one stretch.
      if (out.length > 0 && out[out.length - 1] === s) out[out.length - 1] = e;
      else out.push(s, e);
    }
    if (a[i + 1]! < b[j + 1]!) i += 2;
    else j += 2;
  }
  return out;
}
