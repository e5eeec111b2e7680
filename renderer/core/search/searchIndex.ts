// The search index: for each transcript, where each of its words stands (a positional index),
// so a word, a phrase or NEAR is answered from lists of places instead of a scan of 3.5 million
// words. Transcripts are added and removed one at a time (an import, a deletion: no rebuild),
// and each one's part is stored in the project database in a compact form (indexCodec.ts).
//
// Libraries compared (minisearch, flexsearch, orama) find documents, not places in them; a
// concordance needs every hit's offsets, so the places are kept here (numbers in the README).
import type { ProjectSnapshot, Range, Source } from '../shared';
import { compileQuery } from './compile';
import { evaluate, unitBounds, unitWordsOf, wordUnitsOf, type CompiledQuery, type DocView } from './evaluate';
import { FoundHitsBuilder, foundFromPacked, placeFoundHits, type FoundHits, type WordPlaces } from './foundHits';
import { evaluatePacked, mergeOrdinals } from './evaluatePacked';
import { packHits, type PackedHits } from './kwic';
import { codeFilteredHits, filteredSources, speakerUnits } from './filters';
import { hitsOf, type SearchTextOptions } from './searchText';
import { tokenize } from './tokens';
import type { SearchHit } from './types';
import type { WordTest } from './words';

/** One transcript's words: what is stored, and what the index is rebuilt from without re-reading the text. */
export interface SourceIndex {
  sourceId: string;
  /** The text it was made from (fingerprint): a changed text is indexed again. */
  fingerprint: string;
  starts: Int32Array;
  ends: Int32Array;
  /** The distinct folded words, and for each word of the text the number of its entry here. */
  terms: string[];
  termOfWord: Int32Array;
}

/** FNV-1a over the text, with its length: cheap, and enough to notice a transcript whose text changed. */
export function textFingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${text.length}:${(h >>> 0).toString(16)}`;
}

export function indexSource(sourceId: string, text: string): SourceIndex {
  const tokens = tokenize(text);
  const numbers = new Map<string, number>();
  const termOfWord = new Int32Array(tokens.keys.length);
  tokens.keys.forEach((key, i) => {
    let n = numbers.get(key);
    if (n === undefined) {
      n = numbers.size;
      numbers.set(key, n);
    }
    termOfWord[i] = n;
  });
  return { sourceId, fingerprint: textFingerprint(text), starts: tokens.starts, ends: tokens.ends, terms: [...numbers.keys()], termOfWord };
}

/**
 * One transcript in memory, flat: its words' numbers in the corpus vocabulary, sorted, and for
 * each the places it stands (word ordinals, ascending) in one shared array. A map per
 * transcript took six times the memory (3.8 GB at 3,500 transcripts, measured); these are four
 * number arrays, looked up by binary search.
 */
interface Entry {
  /** Where each word stands; the words' own texts are kept once, in the vocabulary. */
  part: Pick<SourceIndex, 'sourceId' | 'fingerprint' | 'starts' | 'ends'>;
  termIds: Int32Array;
  /** The places of termIds[k] are ordinals[offsets[k] .. offsets[k + 1]). */
  offsets: Int32Array;
  ordinals: Int32Array;
}

/** The most words a query's check for candidate transcripts looks up in each (wordsNeeded). */
const WORDS_CHECKED = 16;

/** Where word `id` is among a transcript's sorted word numbers, or -1. */
function termRank(entry: Entry, id: number): number {
  let lo = 0;
  let hi = entry.termIds.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = entry.termIds[mid]!;
    if (at === id) return mid;
    if (at < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

const NO_WORDS: WordPlaces = { starts: new Int32Array(0), ends: new Int32Array(0) };

export class SearchIndex {
  private readonly entries = new Map<string, Entry>();
  /** Every word of the corpus by its number; numbers are never reused. */
  private readonly numbers = new Map<string, number>();
  private readonly terms: string[] = [];
  /** How many transcripts hold each word: wildcards and stems expand over those held. */
  private docCounts = new Int32Array(1024);

  get size(): number {
    return this.entries.size;
  }

  /** Whether the index holds this transcript as its text is now. */
  holds(sourceId: string, fingerprint: string): boolean {
    return this.entries.get(sourceId)?.part.fingerprint === fingerprint;
  }

  sourceIds(): string[] {
    return [...this.entries.keys()];
  }

  /** Its size: words indexed, distinct words, and an estimate of the bytes it holds in memory. */
  stats(): { words: number; vocabulary: number; bytes: number } {
    let words = 0;
    let bytes = this.docCounts.byteLength;
    for (const e of this.entries.values()) {
      words += e.part.starts.length;
      bytes += e.part.starts.byteLength + e.part.ends.byteLength + e.termIds.byteLength + e.offsets.byteLength + e.ordinals.byteLength;
    }
    let vocabulary = 0;
    this.terms.forEach((term, id) => {
      if (this.docCounts[id]! > 0) vocabulary += 1;
      bytes += term.length * 2 + 48; // the string and its map entry
    });
    return { words, vocabulary, bytes };
  }

  private numberOf(term: string): number {
    let id = this.numbers.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.numbers.set(term, id);
      this.terms.push(term);
      if (id >= this.docCounts.length) {
        const grown = new Int32Array(this.docCounts.length * 2);
        grown.set(this.docCounts);
        this.docCounts = grown;
      }
    }
    return id;
  }

  put(part: SourceIndex): void {
    this.remove(part.sourceId);
    const ids = part.terms.map((t) => this.numberOf(t));
    // The transcript's words in the order of their numbers, each with its places counted out.
    const order = ids.map((_, local) => local).sort((a, b) => ids[a]! - ids[b]!);
    const rank = new Int32Array(ids.length);
    order.forEach((local, k) => (rank[local] = k));
    const offsets = new Int32Array(ids.length + 1);
    for (const local of part.termOfWord) offsets[rank[local]! + 1]! += 1;
    for (let k = 0; k < ids.length; k += 1) offsets[k + 1]! += offsets[k]!;
    const cursor = offsets.slice(0, ids.length);
    const ordinals = new Int32Array(part.termOfWord.length);
    part.termOfWord.forEach((local, ordinal) => (ordinals[cursor[rank[local]!]!++] = ordinal));
    const termIds = Int32Array.from(order, (local) => ids[local]!);
    for (const id of termIds) this.docCounts[id]! += 1;
    const { sourceId, fingerprint, starts, ends } = part;
    this.entries.set(sourceId, { part: { sourceId, fingerprint, starts, ends }, termIds, offsets, ordinals });
  }

  remove(sourceId: string): void {
    const entry = this.entries.get(sourceId);
    if (!entry) return;
    this.entries.delete(sourceId);
    for (const id of entry.termIds) this.docCounts[id]! -= 1;
  }

  /** The corpus words a test can match, by number: one for a plain word, many for a wildcard or a stem. */
  private expand(test: WordTest, cache: Map<WordTest, number[]>): number[] {
    if (test.key !== null) {
      const id = this.numbers.get(test.key);
      return id === undefined ? [] : [id];
    }
    let ids = cache.get(test);
    if (!ids) {
      ids = [];
      for (let id = 0; id < this.terms.length; id += 1) if (this.docCounts[id]! > 0 && test.matchesKey(this.terms[id]!)) ids.push(id);
      cache.set(test, ids);
    }
    return ids;
  }

  /** A word's places in one transcript (a view, not a copy), or null when it is not there. */
  private placesIn(entry: Entry, id: number): Int32Array | null {
    const k = termRank(entry, id);
    return k < 0 ? null : entry.ordinals.subarray(entry.offsets[k], entry.offsets[k + 1]);
  }

  /**
   * The words a transcript must hold one of for the query to find anything in it: every word it
   * names, by number (a phrase, AND, NEAR or NOT finds nothing where none of its words stands).
   * Null when that cannot be said cheaply: a regular expression reads the text itself, and a
   * wildcard matching many words would cost more to check than it saves.
   */
  private wordsNeeded(compiled: CompiledQuery, expanded: Map<WordTest, number[]>): number[] | null {
    if (compiled.patterns.size > 0) return null;
    const ids = new Set<number>();
    for (const test of compiled.tests.values()) for (const id of this.expand(test, expanded)) ids.add(id);
    return ids.size <= WORDS_CHECKED ? [...ids] : null;
  }

  /**
   * The transcripts searched that may have hits: those holding one of the words needed, when
   * known. At ten times the study a rare word stands in a few hundred of 3,500 transcripts, and
   * setting each of the others up for the search was most of its time (measured).
   */
  private candidates(project: ProjectSnapshot, options: SearchTextOptions, needed: number[] | null): { source: Source; entry: Entry }[] {
    const out: { source: Source; entry: Entry }[] = [];
    for (const source of this.sourcesFor(project, options)) {
      const entry = this.entries.get(source.id);
      if (entry && (needed === null || needed.some((id) => termRank(entry, id) >= 0))) out.push({ source, entry });
    }
    return out;
  }

  /**
   * The hits of `query` as found (foundHits.ts): whole-word hits by their word numbers, so no
   * character is looked up until a line or a hit is asked for. Without code filters no hit
   * object is made at all (tens of thousands of them cost more than finding them). Every
   * transcript searched must be in the index (the caller indexes what is missing first); one
   * that is not is skipped. `into` may be a builder kept from search to search (its memory is
   * then reused): the hits are views of its arrays, good until it is used again.
   */
  find(project: ProjectSnapshot, query: string, options: SearchTextOptions = {}, into = new FoundHitsBuilder()): FoundHits {
    if (options.codedWith?.length || options.notCodedWith?.length) return foundFromPacked(packHits(this.search(project, query, options)));
    const compiled = compileQuery(query, options);
    const expanded = new Map<WordTest, number[]>();
    const hits = into.reset();
    for (const { source, entry } of this.candidates(project, options, this.wordsNeeded(compiled, expanded))) {
      const doc = this.view(source, entry, options, expanded);
      hits.enter(source.id);
      // Words, wildcards, phrases and AND/OR/NOT over them go straight into the arrays; the rest as spans.
      if (!evaluatePacked(compiled, doc, hits)) for (const span of evaluate(compiled, doc)) hits.push(span.start, span.end);
    }
    return hits.finish();
  }

  /**
   * Sets up, ahead of the first query, what a search with these options reads of each
   * transcript besides the index: its speaker turns and the unit of each word. At ten times the
   * study that took the first search 0.5-1.2 s; the Search tab asks for it as it opens.
   */
  prepare(project: ProjectSnapshot, options: SearchTextOptions = {}): void {
    for (const source of this.sourcesFor(project, options)) {
      const entry = this.entries.get(source.id);
      if (entry) this.unitsOf(source, entry, options.speaker);
    }
  }

  /** A transcript's words' places (to place found hits); none for one the index does not hold. */
  readonly wordPlaces = (sourceId: string): WordPlaces => this.entries.get(sourceId)?.part ?? NO_WORDS;

  /** The hits of `query` with their characters, as searchText gives them for the same project and options (three number arrays). */
  searchPacked(project: ProjectSnapshot, query: string, options: SearchTextOptions = {}): PackedHits {
    return placeFoundHits(this.find(project, query, options), this.wordPlaces);
  }

  search(project: ProjectSnapshot, query: string, options: SearchTextOptions = {}): SearchHit[] {
    const compiled = compileQuery(query, options);
    const expanded = new Map<WordTest, number[]>();
    const hits: SearchHit[] = [];
    for (const { source, entry } of this.candidates(project, options, this.wordsNeeded(compiled, expanded))) {
      hits.push(...hitsOf(source.id, evaluate(compiled, this.view(source, entry, options, expanded))));
    }
    return codeFilteredHits(project, hits, options);
  }

  /**
   * The transcripts a filter lets through, in reading order, kept per project object and filter:
   * ordering 3,500 transcripts by pseudonym took longer than finding a rare word in all of them.
   */
  private readonly filtered = new WeakMap<ProjectSnapshot, Map<string, Source[]>>();

  private sourcesFor(project: ProjectSnapshot, options: SearchTextOptions): Source[] {
    let byFilter = this.filtered.get(project);
    if (!byFilter) this.filtered.set(project, (byFilter = new Map()));
    const { roles, sites, groups, participantIds, waves, setIds } = options;
    const key = JSON.stringify([roles, sites, groups, participantIds, waves, setIds]);
    let found = byFilter.get(key);
    if (!found) byFilter.set(key, (found = filteredSources(project, options)));
    return found;
  }

  /**
   * Each transcript's searchable stretches per speaker and the unit of each of its words, kept
   * while its turns and its words are the same arrays (a changed text is a new entry).
   */
  private readonly units = new WeakMap<object, Map<string, UnitsOfSource>>();
  /** How many times a transcript's units were worked out (for tests: a prepared search works none out). */
  unitsMade = 0;

  private unitsOf(source: Source, entry: Entry, speaker: SearchTextOptions['speaker']): UnitsOfSource {
    let bySpeaker = this.units.get(source.turns);
    if (!bySpeaker) this.units.set(source.turns, (bySpeaker = new Map()));
    const key = speaker ?? 'participant';
    let found = bySpeaker.get(key);
    if (!found || found.starts !== entry.part.starts) {
      const units = speakerUnits(source, speaker);
      const bounds = unitBounds(units);
      const { starts, ends } = entry.part;
      const wordUnits = wordUnitsOf(bounds, starts, ends);
      bySpeaker.set(key, (found = { units, bounds, starts, wordUnits, unitWords: unitWordsOf(wordUnits, units.length) }));
      this.unitsMade += 1;
    }
    return found;
  }

  private view(source: Source, entry: Entry, options: SearchTextOptions, expanded: Map<WordTest, number[]>): DocView {
    const lists = (test: WordTest) =>
      this.expand(test, expanded)
        .map((id) => this.placesIn(entry, id))
        .filter((l): l is Int32Array => l !== null);
    // Named one by one: spreading the units' record into each transcript's view cost more.
    const { units, bounds, starts, wordUnits, unitWords } = this.unitsOf(source, entry, options.speaker);
    return {
      text: source.text,
      units,
      bounds,
      starts,
      wordUnits,
      unitWords,
      ends: entry.part.ends,
      words: (test) => mergeOrdinals(lists(test)),
      wordLists: lists,
    };
  }
}

interface UnitsOfSource {
  units: Range[];
  bounds: Int32Array;
  /** The words the units were placed on (to notice a text indexed again). */
  starts: Int32Array;
  wordUnits: Uint16Array | Int32Array;
  unitWords: Int32Array;
}
