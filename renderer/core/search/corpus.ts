// What the search worker holds: every transcript's text and turns beside the index, so a
// search is asked with the project's small records only (people, waves, sets, transcripts'
// metadata: what the filters read) and never sends 20 MB of text across for each query.
import type { ProjectSnapshot, Source, Turn } from '../shared';
import type { SearchTextOptions } from './searchText';
import { indexSource, SearchIndex, textFingerprint, type SourceIndex } from './searchIndex';
import { turnHolding } from './filters';
import { autoCodePassages, type AutoCodePassage, type AutoCodeUnit } from './autocode';
import { wordFrequencies, type FrequencyOptions, type WordFrequencies } from './frequencies';
import { concordanceLine, sortConcordance, type ConcordanceLine, type ConcordanceOrder, type PackedHits } from './kwic';
import {
  foundFromPacked,
  FoundHitsBuilder,
  hitOffsets,
  placeFoundHit,
  placeFoundHits,
  sourceOfHit,
  tallyOf,
  type FoundHits,
  type HitTally,
} from './foundHits';
import type { SearchHit } from './types';

export interface CorpusText {
  id: string;
  text: string;
  turns: Turn[];
}

/** A project as a search is asked with it: its transcripts without text or turns. */
export type SearchProject = Omit<ProjectSnapshot, 'sources'> & { sources: Omit<Source, 'text' | 'turns'>[] };

/** A passage an auto-code would make, with its words for the preview and its transcript's length. */
export interface PassagePreview extends AutoCodePassage {
  text: string;
  textLength: number;
}

interface LastSearch {
  hits: FoundHits;
  offsets: Int32Array;
  orders: Map<ConcordanceOrder, Int32Array>;
}

const NO_SEARCH: LastSearch = {
  hits: foundFromPacked({ sourceIds: [], source: new Int32Array(0), start: new Int32Array(0), end: new Int32Array(0) }),
  offsets: new Int32Array(1),
  orders: new Map(),
};

/** Context taken to sort by the words before or after a keyword: the nearest words decide. */
const SORT_CONTEXT = 60;

export class SearchCorpus {
  readonly index = new SearchIndex();
  private readonly texts = new Map<string, CorpusText>();
  /** The last search's hits (as found: placed as they are asked for), and their order for each way of sorting asked for so far. */
  private last: LastSearch = NO_SEARCH;
  /** Kept from search to search: its memory is reused (foundHits.ts). */
  private readonly builder = new FoundHitsBuilder();
  /** Bumped whenever a transcript comes or goes: a project put together before is stale then. */
  private version = 0;
  /** The last project put together with its texts, reused while neither it nor the texts change. */
  private prepared: { project: SearchProject; version: number; snapshot: ProjectSnapshot } | null = null;

  get size(): number {
    return this.texts.size;
  }

  has(id: string): boolean {
    return this.texts.has(id);
  }

  /**
   * Takes a transcript in, with its stored part of the index when there is one that fits its
   * text; returns the part made when it had to be made (for the caller to store), else null.
   */
  add(source: CorpusText, stored?: SourceIndex): SourceIndex | null {
    this.texts.set(source.id, source);
    this.version += 1;
    const fingerprint = textFingerprint(source.text);
    if (stored && stored.fingerprint === fingerprint) {
      this.index.put(stored);
      return null;
    }
    if (this.index.holds(source.id, fingerprint)) return null;
    const made = indexSource(source.id, source.text);
    this.index.put(made);
    return made;
  }

  remove(id: string): void {
    this.texts.delete(id);
    this.version += 1;
    this.index.remove(id);
  }

  /** The project with each transcript's text and turns put back (those not held have none, and no hits). */
  withTexts(project: SearchProject): ProjectSnapshot {
    const { prepared } = this;
    if (prepared && prepared.project === project && prepared.version === this.version) return prepared.snapshot;
    const snapshot = {
      ...project,
      sources: project.sources.map((s) => ({ ...s, text: this.texts.get(s.id)?.text ?? '', turns: this.texts.get(s.id)?.turns ?? [] })),
    };
    this.prepared = { project, version: this.version, snapshot };
    return snapshot;
  }

  /**
   * Runs a query and keeps its hits as the last search, whose concordance lines and hits are
   * asked for afterwards, page by page; returns how many each transcript has (what the Search
   * tab counts), not the hits: their characters are looked up only when asked for.
   */
  search(project: SearchProject, query: string, options: SearchTextOptions = {}): HitTally {
    // The last hits are views of the builder's arrays, which the next search overwrites: dropped first, so a search that fails leaves none behind.
    this.last = NO_SEARCH;
    const hits = this.index.find(this.withTexts(project), query, options, this.builder);
    this.last = { hits, offsets: hitOffsets(hits), orders: new Map() };
    return tallyOf(hits);
  }

  /** What a search with these options reads besides the index, set up ahead of it (SearchIndex.prepare). */
  prepare(project: SearchProject, options: SearchTextOptions = {}): void {
    this.index.prepare(this.withTexts(project), options);
  }

  /** Every hit of the last search with its characters (for an auto-code, or a script). */
  hits(): PackedHits {
    return placeFoundHits(this.last.hits, this.index.wordPlaces);
  }

  /** Hit `i` of the last search. */
  private hitAt(i: number): SearchHit {
    const { hits, offsets } = this.last;
    const n = sourceOfHit(offsets, i);
    return { sourceId: hits.sourceIds[n]!, ...placeFoundHit(hits, i, n, this.index.wordPlaces) };
  }

  /** A hit's concordance line, its context kept inside the hit's speaker turn. */
  private lineOf(hit: SearchHit, width: number): ConcordanceLine {
    const source = this.texts.get(hit.sourceId);
    return concordanceLine(source?.text ?? '', hit, width, source && turnHolding(source, hit));
  }

  /**
   * Lines `from` to `to` (exclusive) of the last search's concordance in the order asked, with
   * `width` characters of context each side. Sorting by the words around the keyword reads the
   * context of every hit once per search and order, not once per page.
   */
  lines(order: ConcordanceOrder, from: number, to: number, width: number): ConcordanceLine[] {
    const { hits, orders } = this.last;
    const count = hits.from.length;
    // Reading order needs no ranks: the hits are kept in it (a rank array for 100,000 hits cost more than the page).
    let ranks = order === 'place' ? null : orders.get(order);
    if (!ranks && order !== 'place') {
      const indexed = Array.from({ length: count }, (_, i) => ({ ...this.lineOf(this.hitAt(i), SORT_CONTEXT), i }));
      ranks = Int32Array.from(sortConcordance(indexed, order), (l) => l.i);
      orders.set(order, ranks);
    }
    const out: ConcordanceLine[] = [];
    for (let k = Math.max(0, from); k < Math.min(to, count); k += 1) out.push(this.lineOf(this.hitAt(ranks ? ranks[k]! : k), width));
    return out;
  }

  /** Word counts over the transcripts the options' filters let through (frequencies.ts). */
  frequencies(project: SearchProject, options: FrequencyOptions): WordFrequencies {
    return wordFrequencies(this.withTexts(project), options);
  }

  /** The passages of an auto-code (autocode.ts), with what the preview shows. */
  passages(hits: readonly SearchHit[], unit: AutoCodeUnit): PassagePreview[] {
    return autoCodePassages(this.texts, hits, unit).map((p) => {
      const text = this.texts.get(p.sourceId)!.text;
      return { ...p, text: text.slice(p.start, p.end), textLength: text.length };
    });
  }
}
