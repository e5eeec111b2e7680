// One Dexie database per project. Every schema change gets a new version(n) with its data
// moves in upgrade(); version 1 is frozen as a fixture in tests/store/fixtures.
import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  BasketItem,
  Code,
  Coder,
  Coding,
  Decision,
  FrameworkCell,
  Memo,
  Participant,
  Source,
  SurveyAnswerSet,
  SurveyItem,
  SurveyTimePoint,
  Turn,
  Wave,
} from '../core/shared';
import type { Recording } from '../core/media';
import { toCodingSets, type CodingSet } from './codingSets';
import { projectDbName } from './registry';
import { KEYRING_KEY, markSealed, sealedTables } from './sealedTables';

/** A transcript without its text: listing 350 of them must not load 3.5 million words. */
export type SourceMeta = Omit<Source, 'text' | 'turns'> & { wordCount: number; turnCount: number };

export interface SourceContent {
  id: string;
  text: string;
  turns: Turn[];
  /** Source.originalDocx: kept with the text, never in the listed metadata. */
  originalDocx?: string;
}

/**
 * A piece of a recording kept in the project: chunk `index` of its bytes, or (index -1) its
 * waveform's peaks, as base64 text (recordingPrep.ts says why).
 */
export interface RecordingChunk {
  /** `${recordingId}:${index}` */
  id: string;
  recordingId: string;
  index: number;
  data: string;
  /** On the waveform's record: what its levels (the data) stand for. */
  peaks?: { perSecond: number; duration: number };
}

/** A transcript's part of the search index (core/search indexCodec), its numbers as base64. */
export interface SearchIndexRecord {
  sourceId: string;
  fingerprint: string;
  terms: string;
  numbers: string;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

export interface HistoryEntry {
  seq?: number;
  at: number;
  actor: string;
  action: string;
  summary: string;
  /** Whether Ctrl+Z may take it back; imports and settings are audit-only. */
  undoable: boolean;
  /** For undoable entries: done, undone (redo-able), or dead (undone, then a new action). */
  state?: 'done' | 'undone' | 'dead';
  data?: unknown;
}

export class ProjectDb extends Dexie {
  meta!: EntityTable<MetaEntry, 'key'>;
  waves!: EntityTable<Wave, 'id'>;
  participants!: EntityTable<Participant, 'id'>;
  sources!: EntityTable<SourceMeta, 'id'>;
  sourceContent!: EntityTable<SourceContent, 'id'>;
  codes!: EntityTable<Code, 'id'>;
  codingSets!: EntityTable<CodingSet, 'sourceId'>;
  coders!: EntityTable<Coder, 'id'>;
  memos!: EntityTable<Memo, 'id'>;
  frameworkCells!: EntityTable<FrameworkCell, 'id'>;
  decisions!: EntityTable<Decision, 'id'>;
  basketItems!: EntityTable<BasketItem, 'id'>;
  history!: Table<HistoryEntry, number>;
  searchIndex!: EntityTable<SearchIndexRecord, 'sourceId'>;
  surveyTimePoints!: EntityTable<SurveyTimePoint, 'id'>;
  surveyItems!: EntityTable<SurveyItem, 'id'>;
  surveyAnswers!: EntityTable<SurveyAnswerSet, 'id'>;
  recordings!: EntityTable<Recording, 'id'>;
  recordingChunks!: EntityTable<RecordingChunk, 'id'>;

  constructor(readonly projectId: string) {
    super(projectDbName(projectId));
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2_CHANGES);
    this.version(3).stores(SCHEMA_V3_CHANGES);
    this.version(4).stores(SCHEMA_V4_CHANGES);
    this.version(5)
      .stores(SCHEMA_V5_CHANGES)
      .upgrade(async (tx) => {
        const codings = (await tx.table('codings').toArray()) as Coding[];
        await tx.table('codingSets').bulkAdd(toCodingSets(codings));
      });
    this.version(6).stores(SCHEMA_V6_CHANGES);
    this.version(7).stores(SCHEMA_V7_CHANGES);
    this.version(8).stores(SCHEMA_V8_CHANGES);
    this.version(9).stores(SCHEMA_V9_CHANGES);
    this.version(10).stores(SCHEMA_V10_CHANGES);
    this.version(11).stores(SCHEMA_V11_CHANGES);
    this.use(sealedTables(projectId));
    // Before anyone else reads or writes: whether this project is encrypted, so that a write to
    // a locked one is refused rather than stored in clear (sealedTables.ts).
    this.on(
      'ready',
      async (db: Dexie) => {
        const keyring = await db.table<MetaEntry, string>('meta').get(KEYRING_KEY);
        markSealed(projectId, keyring !== undefined);
      },
      true,
    );
  }
}

export const SCHEMA_V1 = {
  meta: 'key',
  waves: 'id, order',
  participants: 'id, pseudonym, role, site, deletedAt',
  sources: 'id, participantId, wave, origin.sha256, deletedAt',
  sourceContent: 'id',
  codes: 'id, parentId, deletedAt',
  codings: 'id, sourceId, codeId, coderId, [sourceId+coderId]',
  coders: 'id',
  memos: 'id, [target+targetId]',
  history: '++seq, at, action',
} as const;

/**
 * Version 2 keeps only the codings index the app queries (by transcript). Each index costs a
 * write per coding: with four, importing 40,000 codings took 13-15 s in Chromium. No data moves.
 */
export const SCHEMA_V2_CHANGES = {
  codings: 'id, sourceId',
} as const;

export const SCHEMA_V2 = { ...SCHEMA_V1, ...SCHEMA_V2_CHANGES };

/** Version 3 adds the change matrix (framework cells); a new table, so nothing moves. */
export const SCHEMA_V3_CHANGES = {
  frameworkCells: 'id, participantId, codeId',
} as const;

export const SCHEMA_V3 = { ...SCHEMA_V2, ...SCHEMA_V3_CHANGES };

/** Version 4 adds the consensus decisions log; a new table, so nothing moves. */
export const SCHEMA_V4_CHANGES = {
  decisions: 'id, sourceId',
} as const;

export const SCHEMA_V4 = { ...SCHEMA_V3, ...SCHEMA_V4_CHANGES };

/**
 * Version 5 stores codings one set per transcript (see codingSets.ts: 40,000 single-coding
 * records took 5-7 s to write in Chromium, 350 sets take 0.3 s). Its upgrade copies every
 * coding, deleted ones included, into the sets; version 6 then drops the emptied-out table,
 * as Dexie needs the old table readable in the upgrade that moves its data.
 */
export const SCHEMA_V5_CHANGES = {
  codingSets: 'sourceId',
} as const;

export const SCHEMA_V5 = { ...SCHEMA_V4, ...SCHEMA_V5_CHANGES };

export const SCHEMA_V6_CHANGES = {
  codings: null,
} as const;

export const SCHEMA_V6 = (({ codings: _dropped, ...rest }) => rest)(SCHEMA_V5);

/** Version 7 adds the quote basket; a new table, so nothing moves. */
export const SCHEMA_V7_CHANGES = {
  basketItems: 'id',
} as const;

export const SCHEMA_V7 = { ...SCHEMA_V6, ...SCHEMA_V7_CHANGES };

/**
 * Version 8 keeps out of the indexes whatever could hold words: a participant's pseudonym and
 * site, and the SHA-256 of a transcript's file (no query used them but the import's duplicate
 * count, which now reads the transcripts' records). In an encrypted project the indexed fields
 * stay in clear, so they may hold only ids, numbers and enums. No data moves.
 */
export const SCHEMA_V8_CHANGES = {
  participants: 'id, role, deletedAt',
  sources: 'id, participantId, wave, deletedAt',
} as const;

export const SCHEMA_V8 = { ...SCHEMA_V7, ...SCHEMA_V8_CHANGES };

/**
 * Version 9 adds the search index, one record per transcript (store/searchStore.ts); a new
 * table, so nothing moves: the index of an older project is built when it is first searched.
 */
export const SCHEMA_V9_CHANGES = {
  searchIndex: 'sourceId',
} as const;

export const SCHEMA_V9 = { ...SCHEMA_V8, ...SCHEMA_V9_CHANGES };

/**
 * Version 10 adds the surveys beside the interviews (issue 19): time points, items, and each
 * participant's answers as one record (SurveyAnswerSet); new tables, so nothing moves. Only ids
 * are indexed: an answer set's key is its participant's id.
 */
export const SCHEMA_V10_CHANGES = {
  surveyTimePoints: 'id',
  surveyItems: 'id',
  surveyAnswers: 'id',
} as const;

export const SCHEMA_V10 = { ...SCHEMA_V9, ...SCHEMA_V10_CHANGES };

/**
 * Version 11 adds recordings beside transcripts (issue 23): one record per recording, and a
 * stored recording's bytes in chunks (RecordingChunk), its waveform among them; new tables, so
 * nothing moves. Only ids are indexed.
 */
export const SCHEMA_V11_CHANGES = {
  recordings: 'id, sourceId',
  recordingChunks: 'id, recordingId',
} as const;

export const SCHEMA_V11 = { ...SCHEMA_V10, ...SCHEMA_V11_CHANGES };

const open = new Map<string, ProjectDb>();

export function projectDb(projectId: string): ProjectDb {
  let db = open.get(projectId);
  if (!db) {
    db = new ProjectDb(projectId);
    open.set(projectId, db);
  }
  return db;
}

export function closeProjectDb(projectId: string): void {
  open.get(projectId)?.close();
  open.delete(projectId);
}
