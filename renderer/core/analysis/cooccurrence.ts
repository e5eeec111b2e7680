// Code co-occurrence (NVivo's matrix of codes by codes, MAXQDA's Code Relations Browser): how
// often two codes meet, under a chosen unit.
//
// A code's stretches in a transcript are the wave matrix's passages (scope.ts: its codings by
// the chosen coders, with includeChildren its sub-codes', unioned, optionally clipped to
// non-interviewer turns). What counts as one meeting of codes A and B (A ≠ B), per unit:
// - overlap: A's and B's stretches in a transcript, linked wherever an A-stretch and a B-stretch
//   share at least one character, fall into connected groups; each group holding both codes is
//   one meeting, spanning its stretches. (Equivalently: the union of A's and B's stretches,
//   merged only where the two codes share characters, counting the pieces that hold both.)
//   Touching without sharing a character is not overlap. One long A-stretch crossed by two
//   B-stretches is one meeting, from either side, so the count is symmetric.
// - window: the same, linking an A-stretch and a B-stretch when at most `window` words lie
//   wholly in the text between them (0 when they overlap or touch; a word a stretch cuts is not
//   between them). Words are countWords' words. window 0 links stretches with only spaces or
//   punctuation between them.
// - turn: a speaker turn holding both: a stretch holds every turn it shares a character with
//   (a passage across turns is in each). Text outside every turn (speaker labels) is in none; a
//   transcript without turns is one turn. The meeting spans the turn.
// - source: a transcript holding both; the meeting spans the transcript.
// A code's own count (the diagonal) is under the same unit: its stretches (overlap, window; a
// stretch always meets itself, so this is the wave matrix's passages), the turns holding it,
// the transcripts holding it.
// Measures: 'passages' counts meetings; 'participants' counts the distinct participants with at
// least one meeting in their transcripts (transcripts of no live participant count for no one);
// 'jaccard' = |A∩B| / (|A| + |B| − |A∩B|) over the unit's instances, i.e. meetings ÷ (A's count
// + B's count − meetings), 0 when neither occurs: the diagonal is 1 where the code occurs. Every
// meeting holds an instance of A and one of B, and meetings are disjoint, so meetings ≤ both
// counts and the measure lies in [0, 1]. All three are symmetric by construction.
//
// Speed (60 codes, 40,000 codings): codings are indexed by code and source once (scope.ts); each
// transcript's stretches are then swept once for all pairs of its codes (meetings.ts), never
// comparing codings across transcripts nor merging two codes' lists per pair.
import { live, type ProjectSnapshot } from '../shared';
import { pairPlaces, reacher, sourceMeetings } from './meetings';
import { countedSources, chosenCodes, codedStretches, participantOfSource, type SourceFilter, type StretchOptions } from './scope';

export type CooccurrenceUnit = 'overlap' | 'turn' | 'window' | 'source';
export type CooccurrenceMeasure = 'passages' | 'participants' | 'jaccard';

/** Words between two stretches for the 'window' unit when none is given. */
export const DEFAULT_COOCCURRENCE_WINDOW = 10;

export interface CooccurrenceOptions extends SourceFilter, StretchOptions {
  unit: CooccurrenceUnit;
  /** For 'window': at most this many words between the two stretches (a non-negative integer). */
  window?: number;
  /** The rows and columns; default every live codable code in codebook order. */
  codeIds?: readonly string[];
  /** Default 'passages'. */
  measure?: CooccurrenceMeasure;
}

export interface Cooccurrence {
  /** The codes of the rows and columns, in order (live codes only, each once). */
  codeIds: string[];
  /** cells[i][j] for codeIds[i] and codeIds[j]; symmetric. */
  cells: number[][];
}

/** One meeting behind a cell: where in which transcript, and whose transcript it is. */
export interface CooccurrencePlace {
  sourceId: string;
  /** The transcript's live participant, or null. */
  participantId: string | null;
  start: number;
  end: number;
}

/** The co-occurrence matrix; see the header for what a meeting is per unit. */
export function codeCooccurrence(project: ProjectSnapshot, options: CooccurrenceOptions): Cooccurrence {
  const window = windowOf(options);
  const codeIds = chosenCodes(project, options.codeIds);
  const n = codeIds.length;
  const sources = countedSources(project, options);
  const personOf = participantOfSource(project, sources);
  const stretches = codedStretches(project, sources, codeIds, options);
  const present = new Map<string, { code: number; flat: number[] }[]>();
  codeIds.forEach((id, code) => {
    for (const [sourceId, flat] of stretches.get(id)!) {
      if (flat.length === 0) continue;
      const list = present.get(sourceId);
      if (list) list.push({ code, flat });
      else present.set(sourceId, [{ code, flat }]);
    }
  });

  const counts = square(n);
  const measure = options.measure ?? 'passages';
  const people = new Map<string, Set<number>>(); // participant -> pair keys i·n + j (i ≤ j) met
  for (const source of sources) {
    const codes = present.get(source.id);
    if (!codes) continue;
    const person = measure === 'participants' ? personOf.get(source.id) : undefined;
    let met: Set<number> | undefined;
    if (person !== undefined) {
      met = people.get(person);
      if (!met) people.set(person, (met = new Set()));
    }
    const add = (i: number, j: number, count: number) => {
      if (count === 0) return;
      counts[i]![j]! += count;
      if (i !== j) counts[j]![i]! += count;
      met?.add(i < j ? i * n + j : j * n + i);
    };
    sourceMeetings(source, codes, options.unit, window, add);
  }

  if (measure === 'participants') {
    const cells = square(n);
    for (const met of people.values())
      for (const key of met) {
        const i = Math.floor(key / n);
        const j = key % n;
        cells[i]![j]! += 1;
        if (i !== j) cells[j]![i]! += 1;
      }
    return { codeIds, cells };
  }
  if (measure === 'jaccard') {
    const cells = counts.map((row, i) =>
      row.map((both, j) => {
        const either = counts[i]![i]! + counts[j]![j]! - both;
        return either > 0 ? both / either : 0;
      }),
    );
    return { codeIds, cells };
  }
  return { codeIds, cells: counts };
}

/**
 * The meetings behind the cell of codeA and codeB (the code's own instances when they are the
 * same), under the same options: as many as the cell's 'passages' count, in reading order
 * (participant, wave, title), then by offset. [] when either code is not live.
 */
export function cooccurrencePassages(
  project: ProjectSnapshot,
  codeA: string,
  codeB: string,
  options: CooccurrenceOptions,
): CooccurrencePlace[] {
  const reach = reacher(options.unit, windowOf(options));
  const liveCodes = new Set(live(project.codes).map((c) => c.id));
  if (!liveCodes.has(codeA) || !liveCodes.has(codeB)) return [];
  const sources = countedSources(project, options);
  const personOf = participantOfSource(project, sources);
  const stretches = codedStretches(project, sources, [codeA, codeB], options);
  const out: CooccurrencePlace[] = [];
  for (const source of sources) {
    const a = stretches.get(codeA)!.get(source.id);
    const b = stretches.get(codeB)!.get(source.id);
    if (!a?.length || !b?.length) continue;
    const flat = pairPlaces(source, a, codeA === codeB ? null : b, options.unit, reach);
    const participantId = personOf.get(source.id) ?? null;
    for (let i = 0; i < flat.length; i += 2) out.push({ sourceId: source.id, participantId, start: flat[i]!, end: flat[i + 1]! });
  }
  return out;
}

function windowOf(options: CooccurrenceOptions): number {
  if (options.unit !== 'window') return 0;
  const window = options.window ?? DEFAULT_COOCCURRENCE_WINDOW;
  if (!Number.isInteger(window) || window < 0)
    throw new RangeError(`A co-occurrence window is a whole number of words, 0 or more; got ${window}.`);
  return window;
}

function square(n: number): number[][] {
  return Array.from({ length: n }, () => new Array<number>(n).fill(0));
}
