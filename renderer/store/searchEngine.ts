// The main thread's side of search: keeps the worker's corpus in step with the project (a
// transcript imported is indexed, one purged or binned is dropped: never a full rebuild), stores
// each transcript's part of the index as the worker makes it, and asks the queries. Requests
// go one at a time, in order. A query that runs too long (a regular expression the safety check
// let through) is stopped by ending the worker; the next request starts a fresh one.
import {
  QueryError,
  unpackHits,
  type ConcordanceOrder,
  type AutoCodeUnit,
  type ConcordanceLine,
  type FrequencyOptions,
  type WordFrequencies,
  type PassagePreview,
  type PackedHits,
  type HitTally,
  type SearchHit,
  type SearchProject,
  type SearchTextOptions,
} from '../core/search';
import type { ProjectDb } from './projectDb';
import { createSearchHost, type SearchReply, type SearchRequest } from './searchHost';
import { loadSearchParts, saveSearchParts } from './searchStore';

export interface SearchProgress {
  done: number;
  total: number;
}

/** Transcripts sent to the worker at a time: their texts are read from the database per batch. */
const BATCH = 40;

type Final = Exclude<SearchReply, { type: 'progress' }>;

/** A search run in the worker: its hits per transcript, and its number to ask for its hits by. */
export type FoundSearch = HitTally & { search: number };

export class SearchEngine {
  private worker: Worker | null = null;
  private readonly inline = typeof Worker === 'undefined' ? createSearchHost() : null;
  private held = new Set<string>();
  private queue: Promise<unknown> = Promise.resolve();
  /** The last sync (settled or under way); a search waits for it. */
  private synced: Promise<void> | null = null;
  /**
   * The project the worker holds: sent again only when the caller passes another one (a view
   * keeps one object while the project's records do not change), so a query at ten times the
   * study does not copy 3,500 transcripts' records across each time.
   */
  private sentProject: SearchProject | null = null;

  constructor(
    private readonly db: ProjectDb,
    private readonly timeoutMs = 15_000,
  ) {}

  /** How many transcripts the index holds now. */
  get size(): number {
    return this.held.size;
  }

  private start(): Worker {
    this.worker ??= new Worker(new URL('./searchWorker.ts', import.meta.url), { type: 'module' });
    return this.worker;
  }

  /** Ends the worker (and what it held): the next request starts again from the stored index. */
  private reset(): void {
    this.worker?.terminate();
    this.worker = null;
    this.held = new Set();
    this.synced = null;
    this.sentProject = null;
  }

  /** The project for a request: null when the worker holds this very object already. */
  private projectFor(project: SearchProject): SearchProject | null {
    if (project === this.sentProject) return null;
    this.sentProject = project;
    return project;
  }

  private send(request: SearchRequest, onProgress?: (p: SearchProgress) => void, timeoutMs?: number): Promise<Final> {
    const run = () =>
      new Promise<Final>((resolve, reject) => {
        const receive = (reply: SearchReply) => {
          if (reply.type === 'progress') onProgress?.(reply);
          else resolve(reply);
        };
        if (this.inline) {
          this.inline(request, receive);
          return;
        }
        const worker = this.start();
        const timer =
          timeoutMs === undefined
            ? undefined
            : setTimeout(() => {
                this.reset();
                reject(
                  new Error(`The search took more than ${Math.round(timeoutMs / 1000)} seconds and was stopped. Make it more specific.`),
                );
              }, timeoutMs);
        worker.onmessage = (event: MessageEvent<SearchReply>) => {
          if (event.data.type !== 'progress') clearTimeout(timer);
          receive(event.data);
        };
        worker.onerror = (event) => {
          event.preventDefault();
          clearTimeout(timer);
          this.reset();
          reject(new Error(`The search stopped: ${event.message || 'its worker failed'}.`));
        };
        worker.postMessage(request);
      });
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Brings the index in step with the project's live transcripts: adds those missing (from their
   * stored parts where they fit, else indexing their text, and storing what was made), drops
   * those binned or purged. Returns how many it added and how many it had to index.
   */
  async sync(onProgress?: (p: SearchProgress) => void): Promise<{ added: number; indexed: number }> {
    const running = this.syncNow(onProgress);
    this.synced = running.then(
      () => undefined,
      () => undefined,
    );
    return running;
  }

  /** Waits for the sync under way, or makes the first one. */
  private ready(): Promise<void> {
    this.synced ??= this.sync().then(() => undefined);
    return this.synced;
  }

  private async syncNow(onProgress?: (p: SearchProgress) => void): Promise<{ added: number; indexed: number }> {
    const live = new Set((await this.db.sources.toArray()).filter((s) => s.deletedAt == null).map((s) => s.id));
    const gone = [...this.held].filter((id) => !live.has(id));
    if (gone.length) {
      await this.send({ type: 'remove', ids: gone });
      gone.forEach((id) => this.held.delete(id));
    }
    const missing = [...live].filter((id) => !this.held.has(id));
    let indexed = 0;
    for (let at = 0; at < missing.length; at += BATCH) {
      const ids = missing.slice(at, at + BATCH);
      const [contents, stored] = await Promise.all([this.db.sourceContent.bulkGet(ids), loadSearchParts(this.db, ids)]);
      const sources = contents.filter((c) => c !== undefined).map((c) => ({ id: c.id, text: c.text, turns: c.turns }));
      const reply = await this.send({ type: 'add', sources, stored }, (p) => onProgress?.({ done: at + p.done, total: missing.length }));
      if (reply.type === 'error') throw new Error(reply.message);
      if (reply.type === 'added') {
        await saveSearchParts(this.db, reply.made);
        indexed += reply.made.length;
      }
      sources.forEach((s) => this.held.add(s.id));
      onProgress?.({ done: Math.min(missing.length, at + BATCH), total: missing.length });
    }
    return { added: missing.length, indexed };
  }

  /**
   * The hits of a query in reading order, once the index holds every transcript (it is brought
   * in step on its first use; after that the view calls sync when the transcripts change).
   * Throws the QueryError of a query that cannot be read.
   */
  async search(project: SearchProject, query: string, options: SearchTextOptions = {}): Promise<SearchHit[]> {
    const found = await this.find(project, query, options);
    return unpackHits(await this.hitsOf(found.search));
  }

  /**
   * Runs a query in the worker, which keeps its hits as the last search: returns how many hits
   * each transcript has (all the Search tab counts), and the search's number. The concordance
   * asks for its lines page by page (`lines`), an auto-code for the hits (`hitsOf`).
   */
  async find(project: SearchProject, query: string, options: SearchTextOptions = {}): Promise<FoundSearch> {
    await this.ready();
    const reply = await this.send({ type: 'search', project: this.projectFor(project), query, options }, undefined, this.timeoutMs);
    if (reply.type === 'error') throw reply.position === null ? new Error(reply.message) : new QueryError(reply.message, reply.position);
    if (reply.type !== 'found') throw new Error('The search worker gave no hits.');
    return { ...reply.tally, search: reply.search };
  }

  /**
   * Sets up in the worker what a search with these options reads besides the index (each
   * transcript's speaker turns), so the first search is as quick as the next: the Search tab
   * asks for it as it opens and when its speaker choice changes.
   */
  async prepare(project: SearchProject, options: SearchTextOptions = {}): Promise<void> {
    await this.ready();
    const reply = await this.send({ type: 'prepare', project: this.projectFor(project), options }, undefined, this.timeoutMs);
    if (reply.type === 'error') throw new Error(reply.message);
  }

  /** Every hit of search number `search` (the last one run), packed; an error once another search has run. */
  async hitsOf(search: number): Promise<PackedHits> {
    const reply = await this.send({ type: 'hits', search }, undefined, this.timeoutMs);
    if (reply.type === 'error') throw new Error(reply.message);
    if (reply.type !== 'hits') throw new Error('The search worker gave no hits.');
    return reply.packed;
  }

  /** Concordance lines `from` to `to` of the last search, in the order asked (a page of the list, or all of it for an export). */
  async lines(order: ConcordanceOrder, from: number, to: number, width: number): Promise<ConcordanceLine[]> {
    const reply = await this.send({ type: 'lines', order, from, to, width }, undefined, this.timeoutMs);
    if (reply.type === 'error') throw new Error(reply.message);
    if (reply.type !== 'lines') throw new Error('The search worker gave no concordance lines.');
    return reply.lines;
  }

  /** Word counts over the filtered transcripts (after bringing the index in step). */
  async frequencies(project: SearchProject, options: FrequencyOptions): Promise<WordFrequencies> {
    await this.ready();
    const reply = await this.send({ type: 'frequencies', project: this.projectFor(project), options }, undefined, this.timeoutMs);
    if (reply.type === 'error') throw new Error(reply.message);
    if (reply.type !== 'frequencies') throw new Error('The search worker gave no word counts.');
    return reply.result;
  }

  /** The passages auto-coding these hits would make, each hit grown to `unit` (core/search autocode). */
  async passages(hits: readonly SearchHit[], unit: AutoCodeUnit): Promise<PassagePreview[]> {
    const plain = hits.map(({ sourceId, start, end }) => ({ sourceId, start, end }));
    const reply = await this.send({ type: 'passages', hits: plain, unit });
    if (reply.type === 'error') throw new Error(reply.message);
    if (reply.type !== 'passages') throw new Error('The search worker gave no passages.');
    return reply.passages;
  }

  /** What the worker's index holds, and an estimate of its size in memory (for the bench and the Project tab). */
  async stats(): Promise<{ transcripts: number; words: number; vocabulary: number; indexBytes: number }> {
    const reply = await this.send({ type: 'stats' });
    if (reply.type !== 'stats') throw new Error('The search worker gave no figures.');
    return reply;
  }

  dispose(): void {
    this.reset();
  }
}

const engines = new Map<ProjectDb, SearchEngine>();

/** The project's search engine, made on first use and kept while the project is open. */
export function searchEngineFor(db: ProjectDb): SearchEngine {
  let engine = engines.get(db);
  if (!engine) {
    engine = new SearchEngine(db);
    engines.set(db, engine);
  }
  return engine;
}

export function disposeSearchEngine(db: ProjectDb): void {
  engines.get(db)?.dispose();
  engines.delete(db);
}
