// The wave matrix: the same people interviewed at Time 1 and Time 2 (and any later wave), and
// per code, how many of them had it in each wave, plus, for the people seen in both waves of a
// pair, who had it at the first only, the second only, both or neither, with McNemar's exact test.
//
// Rules:
// - Only live records count: live participants, sources, codes and codings. `waves` is the
//   project's wave ids sorted by `order` (ties keep the project's list order). Rows are every
//   live code in codebook tree order (parents before children, siblings by `order`, as
//   `orderedTree`); a live code the tree cannot reach (damaged data: a live child of a deleted
//   parent) is appended at the end by `order`, so no live code is ever missing.
// - Who counts at all: live participants passing the filters `roles`, `sites` and `groups` (each
//   undefined or empty = no filter; `groups: ['']` means participants with no group). A source
//   counts only when it is live, has a live participant who passes the filters, and has a wave
//   that is one of the project's waves; other sources count nowhere.
// - `interviewed` in a wave = counted participants with at least one counted source in it (the
//   same for every row).
// - Matching codings: live codings of the row's code (with `includeChildren`, also of any live
//   descendant) by the selected coders: `coderIds` undefined = every coder, an empty list = no
//   one (as codeStats and retrieval). Ranges are clamped to the text; empty ranges are dropped.
// - Per counted source, the matching ranges are unioned into maximal stretches: overlapping and
//   touching ranges merge, so two coders coding the same words, or a parent and a child both
//   coded under includeChildren, count once. With `ignoreInterviewer` (default false) the
//   stretches are then clipped to the source's turns whose speakerRole is not 'interviewer' (a
//   turn without a speakerRole counts; a source without turns counts whole). Text outside every
//   turn (speaker labels, blank lines) then counts nowhere, so an interviewer turn inside a
//   coding splits it into two stretches, and so does a speaker label between two participant
//   turns. Without it interviewer turns count like any other text.
// - `passages` in a cell = the number of stretches over the wave's counted sources; `words` =
//   the sum of countWords (projectSetup) over each stretch's text. `cellPassages` returns
//   exactly these stretches, and `passagesByParticipant` counts them per person: the change
//   matrix and the heat map count with it, so every view's "passages" are these.
// - A participant "has" the code in a wave when at least one stretch lies in one of their
//   sources of that wave (so a coding wholly inside interviewer turns does not count under
//   ignoreInterviewer). `participants` = how many counted participants have it.
// - `paired` compares the waves of `pair` (default: the first two waves in order; with fewer than
//   two waves, all zeros and p = 1) over counted participants interviewed in both:
//   firstOnly / secondOnly / both / neither, and p = mcnemarExact(firstOnly, secondOnly). A pair
//   naming a wave the project does not have finds nobody interviewed there: zeros and p = 1.
//
// Speed (350 sources, 60 codes, 40,000 codings): codings are indexed once by code and source and
// each code's ranges unioned once; a row of one code reads its index entry as it is, a subtree
// unions its codes' sorted lists. Words are counted from a per-source index built in one scan of
// the text (see rangeWordCounter), cached between calls by source record.
import type { ProjectSnapshot } from '../shared';
import { rangeWordCounter } from './rangeWords';
import { collator, compareIds, context, codeGroup, pairedSets } from './waveContext';
import { wordsInStretches } from './stretches';

export { rangeWordCounter };

export interface WaveMatrixOptions {
  /** Only these coders' codings; undefined = everyone, an empty list = no one. */
  coderIds?: readonly string[];
  /** Participant roles counted; undefined or empty = all roles. */
  roles?: readonly string[];
  /** Participant sites counted; undefined or empty = all sites. */
  sites?: readonly string[];
  /** Participant groups counted ('' = no group); undefined or empty = all groups. */
  groups?: readonly string[];
  /** A code's row also counts codings of its live descendants. */
  includeChildren?: boolean;
  /** The two wave ids the paired columns compare; default the first two waves in order. */
  pair?: readonly [string, string];
  /** Count only what lies inside turns not spoken by the interviewer. Default false. */
  ignoreInterviewer?: boolean;
}

export interface WaveCell {
  /** Counted participants who have the code in this wave. */
  participants: number;
  /** Counted participants with at least one counted source in this wave. */
  interviewed: number;
  /** Merged stretches (see the header) over the wave's counted sources. */
  passages: number;
  /** countWords summed over those stretches. */
  words: number;
}

export interface PairedCounts {
  firstOnly: number;
  secondOnly: number;
  both: number;
  neither: number;
  /** mcnemarExact(firstOnly, secondOnly). */
  p: number;
}

export interface WaveRow {
  codeId: string;
  byWave: Record<string, WaveCell>;
  paired: PairedCounts;
}

export interface WaveMatrix {
  /** Wave ids in `order`. */
  waves: string[];
  rows: WaveRow[];
  /** The pair the `paired` columns compare; null when there was none (fewer than two waves). */
  pair?: [string, string] | null;
}

export interface CellPassage {
  sourceId: string;
  participantId: string;
  start: number;
  end: number;
  /** countWords of the stretch; these sum to the cell's `words`. */
  words?: number;
}

export interface PairedParticipants {
  firstOnly: string[];
  secondOnly: string[];
  both: string[];
  neither: string[];
}

/**
 * McNemar's exact test: the two-sided binomial test (p = 1/2) on the discordant pairs.
 * n = b + c, k = min(b, c), p = min(1, 2 · Σ_{i=0..k} C(n, i) / 2^n); 1 when both are 0.
 * Up to n = 1000 the binomial coefficients are summed as doubles (exact while below 2^53, so
 * small tables give exact dyadic p-values such as 0.25) and scaled by 2^-n, which cannot
 * overflow there (C(1000, 500) ≈ 2.7e299). Above, the sum runs from the largest term i = k down
 * with ratios C(n, i-1)/C(n, i) = i/(n-i+1), that term taken in log space: no factorial
 * overflows, stable for n in the thousands (a p below ~1e-308 underflows to 0).
 * Counts must be non-negative integers (RangeError otherwise).
 */
export function mcnemarExact(onlyFirst: number, onlySecond: number): number {
  for (const x of [onlyFirst, onlySecond]) {
    if (!Number.isInteger(x) || x < 0) throw new RangeError(`McNemar counts must be non-negative integers, got ${x}.`);
  }
  const n = onlyFirst + onlySecond;
  const k = Math.min(onlyFirst, onlySecond);
  if (n === 0 || 2 * k >= n) return 1; // b = c: the lower tail already holds at least half the mass
  if (n <= 1000) {
    let choose = 1;
    let sum = 1;
    for (let i = 1; i <= k; i += 1) {
      choose = (choose * (n - i + 1)) / i;
      sum += choose;
    }
    return Math.min(1, 2 * sum * Math.pow(2, -n));
  }
  // log C(n, k) - n log 2: the term at i = k, the largest of the tail since k < n/2.
  let logTop = -n * Math.LN2;
  for (let i = 1; i <= k; i += 1) logTop += Math.log((n - i + 1) / i);
  // Σ_{i<=k} C(n,i) / C(n,k), from the top term down; each ratio is below 1, so no overflow.
  let ratio = 1;
  let sum = 1;
  for (let i = k; i >= 1; i -= 1) {
    ratio *= i / (n - i + 1);
    sum += ratio;
    if (ratio < 1e-17 * sum) break; // the rest cannot change the double
  }
  return Math.min(1, 2 * Math.exp(logTop + Math.log(sum)));
}

/** The per-code wave matrix; see the header for every rule. */
export function waveMatrix(project: ProjectSnapshot, options: WaveMatrixOptions = {}): WaveMatrix {
  const ctx = context(project, options);
  const pair = ctx.pair;
  const rows: WaveRow[] = [];
  for (const codeId of ctx.rowIds) {
    const stretches = ctx.stretches(codeId);
    const byWave: Record<string, WaveCell> = {};
    const has = new Map<string, Set<string>>();
    for (const w of ctx.waves) {
      const people = new Set<string>();
      let passages = 0;
      let words = 0;
      for (const source of ctx.sourcesByWave.get(w) ?? []) {
        const list = stretches.get(source.id);
        if (!list || list.length === 0) continue;
        people.add(source.participantId!);
        passages += list.length / 2;
        words += wordsInStretches(source, list);
      }
      has.set(w, people);
      byWave[w] = { participants: people.size, interviewed: ctx.interviewed.get(w)?.size ?? 0, passages, words };
    }
    const paired = pair ? pairedSets(ctx, pair, has) : null;
    rows.push({
      codeId,
      byWave,
      paired: paired
        ? {
            firstOnly: paired.firstOnly.length,
            secondOnly: paired.secondOnly.length,
            both: paired.both.length,
            neither: paired.neither.length,
            p: mcnemarExact(paired.firstOnly.length, paired.secondOnly.length),
          }
        : { firstOnly: 0, secondOnly: 0, both: 0, neither: 0, p: 1 },
    });
  }
  return { waves: [...ctx.waves], rows, pair: pair ? [pair[0], pair[1]] : null };
}

/** Passage counts by code id, then participant id, then wave id (see passagesByParticipant). */
export type PassageCounts = Map<string, Map<string, Map<string, number>>>;

/**
 * The matrix's passages split by participant: for every row's code, each counted participant's
 * number of stretches (see the header) in their counted sources of each wave. Summed over a
 * wave's participants they are that cell's `passages`. Only non-zero counts are present. `pair`
 * is ignored.
 */
export function passagesByParticipant(project: ProjectSnapshot, options: WaveMatrixOptions = {}): PassageCounts {
  const ctx = context(project, options);
  const out: PassageCounts = new Map();
  for (const codeId of ctx.rowIds) {
    const stretches = ctx.stretches(codeId);
    if (stretches.size === 0) continue;
    const byPerson = new Map<string, Map<string, number>>();
    for (const w of ctx.waves) {
      for (const source of ctx.sourcesByWave.get(w) ?? []) {
        const n = (stretches.get(source.id)?.length ?? 0) / 2;
        if (n === 0) continue;
        let byWave = byPerson.get(source.participantId!);
        if (!byWave) byPerson.set(source.participantId!, (byWave = new Map()));
        byWave.set(w, (byWave.get(w) ?? 0) + n);
      }
    }
    if (byPerson.size > 0) out.set(codeId, byPerson);
  }
  return out;
}

/**
 * The stretches behind one byWave cell (exactly those its `passages` counted), ordered by
 * participant pseudonym (numeric: P2 before P10), then source title, then source id, then offset.
 * [] for a code that is not live or a wave the project does not have. `pair` is ignored.
 */
export function cellPassages(project: ProjectSnapshot, codeId: string, waveId: string, options: WaveMatrixOptions = {}): CellPassage[] {
  const ctx = context(project, options, codeGroup(project, codeId, options));
  if (!ctx.liveCodes.has(codeId)) return [];
  const stretches = ctx.stretches(codeId);
  const sources = [...(ctx.sourcesByWave.get(waveId) ?? [])].sort(
    (a, b) =>
      collator.compare(ctx.people.get(a.participantId!)!.pseudonym, ctx.people.get(b.participantId!)!.pseudonym) ||
      collator.compare(a.title, b.title) ||
      compareIds(a.id, b.id),
  );
  const out: CellPassage[] = [];
  for (const source of sources) {
    const list = stretches.get(source.id) ?? [];
    const count = list.length > 0 ? ctx.words(source) : null;
    for (let i = 0; i < list.length; i += 2) {
      const start = list[i]!;
      const end = list[i + 1]!;
      out.push({ sourceId: source.id, participantId: source.participantId!, start, end, words: count!(start, end) });
    }
  }
  return out;
}

/**
 * The participant ids behind a row's `paired` columns (same pair, filters and rules), each list
 * ordered by pseudonym (numeric), then id. All lists empty when there is no pair or the code
 * is not live.
 */
export function pairedParticipants(project: ProjectSnapshot, codeId: string, options: WaveMatrixOptions = {}): PairedParticipants {
  const ctx = context(project, options, codeGroup(project, codeId, options));
  const pair = ctx.pair;
  if (!pair || !ctx.liveCodes.has(codeId)) return { firstOnly: [], secondOnly: [], both: [], neither: [] };
  const stretches = ctx.stretches(codeId);
  const has = new Map<string, Set<string>>();
  for (const w of pair) {
    const people = new Set<string>();
    for (const source of ctx.sourcesByWave.get(w) ?? []) if ((stretches.get(source.id)?.length ?? 0) > 0) people.add(source.participantId!);
    has.set(w, people);
  }
  const sets = pairedSets(ctx, pair, has);
  const order = (ids: string[]) =>
    ids.sort((a, b) => collator.compare(ctx.people.get(a)!.pseudonym, ctx.people.get(b)!.pseudonym) || compareIds(a, b));
  return { firstOnly: order(sets.firstOnly), secondOnly: order(sets.secondOnly), both: order(sets.both), neither: order(sets.neither) };
}

/**
 * For "sort by change": the share of interviewed participants having the code at the pair's
 * second wave minus the share at its first, in [-1, 1]. 0 when either wave of the pair had
 * nobody interviewed (no change can be seen yet), or when the row has no cell for one of them.
 */
export function changeScore(row: Pick<WaveRow, 'byWave'>, pair: readonly [string, string]): number {
  const first = row.byWave[pair[0]];
  const second = row.byWave[pair[1]];
  if (!first || !second || first.interviewed === 0 || second.interviewed === 0) return 0;
  return second.participants / second.interviewed - first.participants / first.interviewed;
}
