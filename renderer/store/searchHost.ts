// The search index's home: a SearchCorpus answering requests, in the search worker
// (searchWorker.ts) or, where there is no worker (tests, scripts), on the calling thread. The
// same code either way, so what the tests see is what the app runs.
import {
  decodeSourceIndex,
  encodeSourceIndex,
  QueryError,
  SearchCorpus,
  type AutoCodeUnit,
  type ConcordanceLine,
  type ConcordanceOrder,
  type PackedHits,
  type HitTally,
  type FrequencyOptions,
  type WordFrequencies,
  type PassagePreview,
  type SearchHit,
  type CorpusText,
  type SearchProject,
  type SearchTextOptions,
  type StoredSourceIndex,
} from '../core/search';
import { errorMessage } from '../core/shared';

export type SearchRequest =
  | { type: 'add'; sources: CorpusText[]; stored: StoredSourceIndex[] }
  | { type: 'remove'; ids: string[] }
  /** `project` null: the one sent last (the engine sends it only when it changes). */
  | { type: 'search'; project: SearchProject | null; query: string; options: SearchTextOptions }
  /** Sets up what a search with these options reads besides the index, before the first one. */
  | { type: 'prepare'; project: SearchProject | null; options: SearchTextOptions }
  /** The hits of search number `search` (the last one), with their characters. */
  | { type: 'hits'; search: number }
  | { type: 'lines'; order: ConcordanceOrder; from: number; to: number; width: number }
  | { type: 'passages'; hits: SearchHit[]; unit: AutoCodeUnit }
  | { type: 'frequencies'; project: SearchProject | null; options: FrequencyOptions }
  | { type: 'stats' };

export type SearchReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'added'; made: StoredSourceIndex[]; size: number }
  | { type: 'removed'; size: number }
  /** A search run: how many hits each transcript has, and its number, to ask for its hits by. */
  | { type: 'found'; tally: HitTally; search: number }
  | { type: 'prepared' }
  | { type: 'hits'; packed: PackedHits }
  | { type: 'lines'; lines: ConcordanceLine[] }
  | { type: 'passages'; passages: PassagePreview[] }
  | { type: 'frequencies'; result: WordFrequencies }
  | { type: 'stats'; transcripts: number; words: number; vocabulary: number; indexBytes: number }
  | { type: 'error'; message: string; position: number | null };

/** How often an indexing run reports progress (transcripts). */
const PROGRESS_EVERY = 10;

export type Post = (reply: SearchReply) => void;

export function createSearchHost(): (request: SearchRequest, post: Post) => void {
  const corpus = new SearchCorpus();
  let project: SearchProject | null = null;
  /** The number of the last search (the corpus keeps its hits only). */
  let searches = 0;
  const projectOf = (sent: SearchProject | null): SearchProject => {
    project = sent ?? project;
    if (!project) throw new Error('The search was asked without a project.');
    return project;
  };
  return (request, post) => {
    try {
      switch (request.type) {
        case 'add': {
          const stored = new Map(request.stored.map((s) => [s.sourceId, s]));
          const made: StoredSourceIndex[] = [];
          request.sources.forEach((source, i) => {
            const kept = stored.get(source.id);
            let part;
            try {
              part = corpus.add(source, kept && decodeSourceIndex(kept));
            } catch {
              // A damaged stored part is made again from the text.
              part = corpus.add(source);
            }
            if (part) made.push(encodeSourceIndex(part));
            if ((i + 1) % PROGRESS_EVERY === 0) post({ type: 'progress', done: i + 1, total: request.sources.length });
          });
          post({ type: 'added', made, size: corpus.size });
          return;
        }
        case 'remove':
          request.ids.forEach((id) => corpus.remove(id));
          post({ type: 'removed', size: corpus.size });
          return;
        case 'stats': {
          const { words, vocabulary, bytes } = corpus.index.stats();
          post({ type: 'stats', transcripts: corpus.size, words, vocabulary, indexBytes: bytes });
          return;
        }
        case 'frequencies':
          post({ type: 'frequencies', result: corpus.frequencies(projectOf(request.project), request.options) });
          return;
        case 'passages':
          post({ type: 'passages', passages: corpus.passages(request.hits, request.unit) });
          return;
        case 'search': {
          // Counted before it runs: one that fails has still replaced the last one's hits.
          searches += 1;
          const tally = corpus.search(projectOf(request.project), request.query, request.options);
          post({ type: 'found', tally, search: searches });
          return;
        }
        case 'prepare':
          corpus.prepare(projectOf(request.project), request.options);
          post({ type: 'prepared' });
          return;
        case 'hits':
          if (request.search !== searches) throw new Error('Another search has run since: search again.');
          post({ type: 'hits', packed: corpus.hits() });
          return;
        case 'lines':
          post({ type: 'lines', lines: corpus.lines(request.order, request.from, request.to, request.width) });
          return;
      }
    } catch (error) {
      post({ type: 'error', message: errorMessage(error), position: error instanceof QueryError ? error.position : null });
    }
  };
}
