// The search index: for each transcript, where each of its words stands (a positional index),
// so a word, a phrase or NEAR is answered from lists of places instead of a scan of 3.5 million
// words. Transcripts are added and removed one at a time (an import, a deletion: no rebuild),
// and each one's part is stored in the project database in a compact form (indexCodec.ts).
//
// Libraries compared (minisearch, flexsearch, orama) find documents, not places in them; a
// concordance needs every hit's offsets, so the places are kept here (numbers in the README).
import type { ProjectSnapshot, Source } from '../shared';
import { compileQuery } from './compile';
import { evaluate, type DocView } from './evaluate';
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

interface Entry {
  part: SourceIndex;
  /** Each word's places (word ordinals, ascending). */
  places: Map<string, Int32Array>;
}

function placesOf(part: SourceIndex): Map<string, Int32Array> {
  const counts = new Int32Array(part.terms.length);
  for (const t of part.termOfWord) counts[t]! += 1;
  const lists = Array.from(counts, (c) => new Int32Array(c));
  const filled = new Int32Array(part.terms.length);
  part.termOfWord.forEach((t, ordinal) => {
    lists[t]![filled[t]!++] = ordinal;
  });
  return new Map(part.terms.map((term, i) => [term, lists[i]!]));
}

/** Ascending ordinals of several lists in one. */
function mergeLists(lists: Int32Array[]): ArrayLike<number> {
  if (lists.length === 0) return [];
  if (lists.length === 1) return lists[0]!;
  const all = new Int32Array(lists.reduce((n, l) => n + l.length, 0));
  let at = 0;
  for (const l of lists) {
    all.set(l, at);
    at += l.length;
  }
  return all.sort();
}

export class SearchIndex {
  private readonly entries = new Map<string, Entry>();
  /** Every word of the corpus, with how many transcripts hold it: wildcards and stems expand over it. */
  private readonly vocabulary = new Map<string, number>();

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
    let bytes = 0;
    for (const { part, places } of this.entries.values()) {
      words += part.starts.length;
      // Three numbers per word, one more in the places lists; a string is 2 bytes a unit.
      bytes += part.starts.byteLength + part.ends.byteLength + part.termOfWord.byteLength + part.starts.length * 4;
      for (const term of places.keys()) bytes += term.length * 2 + 64; // the string, the map entry and the array's header
    }
    for (const term of this.vocabulary.keys()) bytes += term.length * 2 + 48;
    return { words, vocabulary: this.vocabulary.size, bytes };
  }

  put(part: SourceIndex): void {
    this.remove(part.sourceId);
    const places = placesOf(part);
    this.entries.set(part.sourceId, { part, places });
    for (const term of places.keys()) this.vocabulary.set(term, (this.vocabulary.get(term) ?? 0) + 1);
  }

  remove(sourceId: string): void {
    const entry = this.entries.get(sourceId);
    if (!entry) return;
    this.entries.delete(sourceId);
    for (const term of entry.places.keys()) {
      const n = this.vocabulary.get(term)! - 1;
      if (n === 0) this.vocabulary.delete(term);
      else this.vocabulary.set(term, n);
    }
  }

  /** The corpus words a test can match: one for a plain word, many for a wildcard or a stem. */
  private expand(test: WordTest, cache: Map<WordTest, string[]>): string[] {
    if (test.key !== null) return [test.key];
    let terms = cache.get(test);
    if (!terms) {
      terms = [...this.vocabulary.keys()].filter((t) => test.matchesKey(t));
      cache.set(test, terms);
    }
    return terms;
  }

  /**
   * The hits of `query`, as searchText gives them for the same project and options. Every
   * transcript searched must be in the index (the caller indexes what is missing first); one
   * that is not is skipped.
   */
  search(project: ProjectSnapshot, query: string, options: SearchTextOptions = {}): SearchHit[] {
    const compiled = compileQuery(query, options);
    const expanded = new Map<WordTest, string[]>();
    const hits: SearchHit[] = [];
    for (const source of filteredSources(project, options)) {
      const entry = this.entries.get(source.id);
      if (!entry) continue;
      hits.push(...hitsOf(source.id, evaluate(compiled, this.view(source, entry, options, expanded))));
    }
    return codeFilteredHits(project, hits, options);
  }

  private view(source: Source, entry: Entry, options: SearchTextOptions, expanded: Map<WordTest, string[]>): DocView {
    return {
      text: source.text,
      starts: entry.part.starts,
      ends: entry.part.ends,
      units: speakerUnits(source, options.speaker),
      words: (test) =>
        mergeLists(
          this.expand(test, expanded)
            .map((t) => entry.places.get(t))
            .filter((l): l is Int32Array => l !== undefined),
        ),
    };
  }
}
