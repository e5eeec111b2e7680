// The wave matrix's machinery: who counts, codings indexed by code and source, coded stretches
// unioned and clipped, words counted per stretch. waves.ts states the rules; this applies them.
import { descendantIds } from '../codebook';
import { live, type ProjectSnapshot, type Source, nameCollator } from '../shared';
import { codesInTreeOrder, groupStretches, indexCodings, spokenRanges, wordCounter } from './stretches';
import type { PairedParticipants, WaveMatrixOptions } from './waves';

export const collator = nameCollator;
export const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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

  const liveCodes = new Set(live(project.codes).map((c) => c.id));
  const rowIds = codesInTreeOrder(project);

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

  // The one pass over the codings (for a drill-down, of the codes asked about only).
  const index = indexCodings(project, counted, options.coderIds, only);
  const spoken = new Map<string, number[] | null>(); // per source, computed once
  const keepOf = (sourceId: string): number[] | null => {
    let a = spoken.get(sourceId);
    if (a === undefined) spoken.set(sourceId, (a = spokenRanges(counted.get(sourceId)!)));
    return a;
  };
  const stretches = (codeId: string): Map<string, number[]> =>
    groupStretches(index, [...codeGroup(project, codeId, options)], options.ignoreInterviewer ? keepOf : undefined);
  const words = wordCounter;

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
