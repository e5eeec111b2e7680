// The whole project as one snapshot in memory, shared by the views that read all of it
// (Analysis, Retrieval, Quotes, Agreement, Compare, Surveys): loaded once, then kept in step
// record by record. Every write to the database reports which keys of which tables it touched
// (Dexie's storagemutated, which also hears other windows of the app); the model reads just
// those records again and rebuilds only the lists they belong to. At ten times the study a
// fresh snapshot took 3.1 s; one coding changed now costs a read of its transcript's coding set.
//
// Why the database's notices and not the history's actions: actions are one of several ways
// the project changes (imports, merges, purges, a restore, another window), and every one of
// them passes through the database. A model fed by actions alone would drift from it.
//
// The lists are frozen: views share them, and one sorting a list in place would change what
// every other view sees.
import Dexie, { RangeSet, type IntervalTree } from 'dexie';
import {
  live,
  type ProjectSet,
  type ProjectSnapshot,
  type Source,
  type SurveyAnswerSet,
  type SurveyItem,
  type SurveyTimePoint,
  type Wave,
} from '../core/shared';
import type { CodingSet } from './codingSets';
import type { MetaEntry, ProjectDb, SourceContent, SourceMeta } from './projectDb';
import { snapshotSurvey, withContent } from './projectRepo';

/** The tables a snapshot is made of, each with its primary key's field. */
const KEY_OF = {
  waves: 'id',
  participants: 'id',
  sources: 'id',
  sourceContent: 'id',
  codes: 'id',
  codingSets: 'sourceId',
  coders: 'id',
  memos: 'id',
  frameworkCells: 'id',
  decisions: 'id',
  meta: 'key',
  surveyTimePoints: 'id',
  surveyItems: 'id',
  surveyAnswers: 'id',
} as const;

type ModelTable = keyof typeof KEY_OF;
const TABLES = Object.keys(KEY_OF) as ModelTable[];
const SURVEY_TABLES: readonly ModelTable[] = ['surveyTimePoints', 'surveyItems', 'surveyAnswers'];

/** What to read again: whole tables, or some keys of others. */
interface Stale {
  whole: Set<ModelTable>;
  keys: Map<ModelTable, Set<string>>;
}

const everything = (): Stale => ({ whole: new Set(TABLES), keys: new Map() });

/** Records in the order IndexedDB returns them (its keys here are strings, ordered as JS orders them). */
function inKeyOrder<T>(records: Map<string, T>): T[] {
  return [...records.keys()].sort().map((k) => records.get(k)!);
}

/** How long a model no view uses is kept, so switching tabs does not load the project again. */
const KEEP_UNUSED_MS = 60_000;

export class ProjectModel {
  private readonly records = new Map<ModelTable, Map<string, unknown>>(TABLES.map((t) => [t, new Map()]));
  private snapshot: ProjectSnapshot | undefined;
  /** Source objects kept while their metadata and content records are the same (the search index and memos key on them). */
  private readonly sourceCache = new Map<string, { meta: SourceMeta; content: SourceContent; source: Source }>();
  private lists: Partial<Record<keyof ProjectSnapshot, unknown>> = {};
  private survey: Partial<ProjectSnapshot> = {};
  private readonly listeners = new Set<() => void>();
  private stale: Stale | null = null;
  private work: Promise<void> = Promise.resolve();
  private readonly prefix: string;
  private disposeTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(
    private readonly db: ProjectDb,
    private readonly onDispose: () => void = () => undefined,
  ) {
    this.prefix = `idb://${db.name}/`;
    Dexie.on('storagemutated', this.onMutation);
    this.markStale(everything());
  }

  /** The snapshot as of the last write read, or undefined while the first load runs. */
  readonly current = (): ProjectSnapshot | undefined => this.snapshot;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    clearTimeout(this.disposeTimer);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.disposeTimer = setTimeout(() => this.dispose(), KEEP_UNUSED_MS);
    };
  };

  /** Resolves when every write heard so far has been read into the snapshot. */
  async settled(): Promise<ProjectSnapshot | undefined> {
    let seen: Promise<void>;
    do {
      seen = this.work;
      await seen;
    } while (seen !== this.work);
    return this.snapshot;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.disposeTimer);
    Dexie.on('storagemutated').unsubscribe(this.onMutation);
    this.records.clear();
    this.sourceCache.clear();
    this.snapshot = undefined;
    this.onDispose();
  }

  private readonly onMutation = (parts: Record<string, unknown>): void => {
    if (this.disposed) return;
    if ((parts as { all?: unknown }).all) return this.markStale(everything());
    const stale: Stale = { whole: new Set(), keys: new Map() };
    for (const [part, tree] of Object.entries(parts)) {
      if (!part.startsWith(this.prefix) || !part.endsWith('/')) continue; // the primary keys' part only
      const table = part.slice(this.prefix.length, -1) as ModelTable;
      if (!(table in KEY_OF)) continue;
      for (const range of RangeSet(tree as IntervalTree)) {
        if (typeof range.from === 'string' && range.from === range.to) {
          const keys = stale.keys.get(table) ?? new Set<string>();
          stale.keys.set(table, keys.add(range.from));
        } else stale.whole.add(table); // a range (a clear, a bulk write of 50 or more): the table again
      }
    }
    if (stale.whole.size || stale.keys.size) this.markStale(stale);
  };

  private markStale(stale: Stale): void {
    if (this.stale) {
      for (const t of stale.whole) this.stale.whole.add(t);
      for (const [t, keys] of stale.keys) {
        const known = this.stale.keys.get(t) ?? new Set<string>();
        for (const k of keys) known.add(k);
        this.stale.keys.set(t, known);
      }
      return; // the read already queued takes these too
    }
    this.stale = stale;
    this.work = this.work.then(() => this.readStale());
  }

  private async readStale(): Promise<void> {
    const stale = this.stale;
    this.stale = null;
    if (!stale || this.disposed) return;
    const tables = [...new Set([...stale.whole, ...stale.keys.keys()])];
    try {
      const reads = await this.db.transaction(
        'r',
        tables.map((t) => this.db.table(t)),
        () =>
          Promise.all(
            tables.map(async (t) => {
              if (stale.whole.has(t)) return { t, all: (await this.db.table(t).toArray()) as Record<string, unknown>[] };
              const keys = [...stale.keys.get(t)!];
              return { t, keys, values: (await this.db.table(t).bulkGet(keys)) as (Record<string, unknown> | undefined)[] };
            }),
          ),
      );
      if (this.disposed) return;
      for (const read of reads) {
        const records = this.records.get(read.t)!;
        if (read.all) {
          records.clear();
          for (const r of read.all) records.set(r[KEY_OF[read.t]] as string, r);
        } else read.keys!.forEach((k, i) => (read.values![i] ? records.set(k, read.values![i]) : records.delete(k)));
      }
      this.rebuild(new Set(tables));
    } catch (e) {
      this.failed(e);
      return;
    }
    for (const l of this.listeners) l();
  }

  /**
   * A read that failed (a locked or closing database): the views wait rather than show a
   * snapshot that may be out of date, and everything is read again shortly.
   */
  private failed(e: unknown): void {
    if (!this.db.isOpen()) return this.dispose();
    console.error('The project model could not read the changes; reading the project again:', e);
    for (const t of TABLES) this.records.get(t)!.clear();
    this.sourceCache.clear();
    this.snapshot = undefined;
    this.lists = {};
    this.survey = {};
    for (const l of this.listeners) l();
    setTimeout(() => this.disposed || this.markStale(everything()), 2_000);
  }

  private all<T>(table: ModelTable): T[] {
    return inKeyOrder(this.records.get(table)! as Map<string, T>);
  }

  /** The snapshot's lists made again from the tables read, the others kept as they were. */
  private rebuild(tables: Set<ModelTable>): void {
    const lists = { ...this.lists };
    const set = (name: keyof ProjectSnapshot, value: unknown[]) => (lists[name] = Object.freeze(value));
    if (tables.has('waves'))
      set(
        'waves',
        this.all<Wave>('waves').sort((a, b) => a.order - b.order),
      );
    if (tables.has('participants')) set('participants', live(this.all('participants')));
    if (tables.has('sources') || tables.has('sourceContent')) set('sources', this.sources());
    for (const name of ['codes', 'memos', 'frameworkCells', 'decisions'] as const) if (tables.has(name)) set(name, live(this.all(name)));
    if (tables.has('coders')) set('coders', this.all('coders'));
    if (tables.has('codingSets')) set('codings', live(this.all<CodingSet>('codingSets').flatMap((s) => s.codings)));
    this.lists = lists;
    // The survey's answers flattened again only when a survey table changed (a coding does not
    // touch 340,000 answers).
    if (SURVEY_TABLES.some((t) => tables.has(t)))
      this.survey = snapshotSurvey(
        this.all<SurveyTimePoint>('surveyTimePoints'),
        this.all<SurveyItem>('surveyItems'),
        this.all<SurveyAnswerSet>('surveyAnswers'),
      );
    const sets = (this.records.get('meta')!.get('sets') as MetaEntry | undefined)?.value;
    this.snapshot = {
      ...(lists as Pick<
        ProjectSnapshot,
        'waves' | 'participants' | 'sources' | 'codes' | 'codings' | 'coders' | 'memos' | 'frameworkCells' | 'decisions'
      >),
      ...(Array.isArray(sets) && sets.length ? { sets: sets as ProjectSet[] } : {}),
      ...this.survey,
    };
  }

  private sources(): Source[] {
    const contents = this.records.get('sourceContent')! as Map<string, SourceContent>;
    const out: Source[] = [];
    const seen = new Set<string>();
    for (const meta of live(this.all<SourceMeta>('sources'))) {
      const content = contents.get(meta.id);
      if (!content) continue;
      seen.add(meta.id);
      const cached = this.sourceCache.get(meta.id);
      if (cached && cached.meta === meta && cached.content === content) {
        out.push(cached.source);
        continue;
      }
      const { wordCount: _w, turnCount: _t, ...rest } = meta;
      const source = withContent(rest, content);
      this.sourceCache.set(meta.id, { meta, content, source });
      out.push(source);
    }
    for (const id of this.sourceCache.keys()) if (!seen.has(id)) this.sourceCache.delete(id);
    return out;
  }
}

const models = new WeakMap<ProjectDb, ProjectModel>();

/** The project's model, made (and its first load begun) on first use. */
export function projectModel(db: ProjectDb): ProjectModel {
  let model = models.get(db);
  if (!model) {
    const made = new ProjectModel(db, () => {
      if (models.get(db) === made) models.delete(db);
    });
    models.set(db, (model = made));
  }
  return model;
}
