// The lossless project archive (.mirabal): a zip holding every table of a project's database
// as JSON, one entry per table, and a manifest (format and schema version, table counts, the
// SHA-256 of every entry). No clock inside: the same project always gives the same bytes.
// Reading checks the manifest, every hash and every record before anything is written.
import { deflateSync } from 'fflate';
import { ImportError } from '../core/shared';
import { sha256Hex } from './hash';
import { utf8 } from './utf8';
import { crc32, isZip, readZipEntriesAsync } from './zip';
import {
  concatBytes,
  deflatedInPieces,
  PIECE_BYTES,
  zipDeflated,
  type DeflatedEntry,
  type DeflateLevel,
  type PieceDeflate,
} from './zipWrite';

// Entries' UTF-8, also for the tests that compare an entry's bytes.
export { utf8 };

export const ARCHIVE_FORMAT = 'mirabal-archive';
export const ARCHIVE_FORMAT_VERSION = 1;

/** The tables of each schema version, and each table's key (see store/projectDb.ts). */
export const ARCHIVE_TABLE_KEYS: Record<string, string> = {
  meta: 'key',
  waves: 'id',
  participants: 'id',
  sources: 'id',
  sourceContent: 'id',
  codes: 'id',
  codings: 'id',
  codingSets: 'sourceId',
  coders: 'id',
  memos: 'id',
  frameworkCells: 'id',
  decisions: 'id',
  basketItems: 'id',
  surveyTimePoints: 'id',
  surveyItems: 'id',
  surveyAnswers: 'id',
  recordings: 'id',
  recordingChunks: 'id',
  history: 'seq',
};

export interface ArchiveProject {
  description: string;
  isSample: boolean;
  createdAt: number;
}

export interface ArchiveManifest {
  format: typeof ARCHIVE_FORMAT;
  formatVersion: number;
  appVersion: string;
  schemaVersion: number;
  project: ArchiveProject;
  tables: Record<string, number>;
  sha256: Record<string, string>;
}

export type ArchiveTables = Record<string, Record<string, unknown>[]>;

/** Records in key order, so the same table always gives the same text. */
function sorted(table: string, records: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const key = ARCHIVE_TABLE_KEYS[table] ?? 'id';
  return [...records].sort((a, b) => {
    const x = a[key] as string | number;
    const y = b[key] as string | number;
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** One table's entry text: its records in key order, as JSON. */
export function tableJson(table: string, records: readonly Record<string, unknown>[]): string {
  return JSON.stringify(sorted(table, records));
}

type ArchiveRecords = readonly Record<string, unknown>[];

/**
 * A table's records, or the records still being read: all at once, or (a big table) in
 * batches as they are read, which must come in key order (IndexedDB's), as the entry does.
 */
export type ArchiveTableInput = ArchiveRecords | Promise<ArchiveRecords> | AsyncIterable<ArchiveRecords>;

/**
 * Deflate levels. Up to 1 MiB an entry is deflated at 6, fflate's default and what every
 * archive was written with before, so small projects keep their archives' bytes. A bigger
 * entry (a study's 31 MB of transcripts) is deflated at 1: in Chromium 1.1 s at level 6, 0.6 s
 * at 3, 0.4 s at 1, for 6.4, 7.0 and 7.3 MB. The whole archive grows from 8.4 to 9.4 MB, and
 * its export fits in the 3 s target with room to spare on a busy machine.
 */
const LEVEL: DeflateLevel = 6;
const BIG_LEVEL: DeflateLevel = 1;
const BIG_ENTRY = 1024 * 1024;

/** The deflate level of an entry of `size` bytes. */
export const entryLevel = (size: number): DeflateLevel => (size > BIG_ENTRY ? BIG_LEVEL : LEVEL);

/** A small entry's bytes, deflated whole at `LEVEL`, with what its zip records need. */
function deflated(path: string, bytes: Uint8Array): DeflatedEntry {
  return { name: path, data: deflateSync(bytes, { level: entryLevel(bytes.length) }), crc: crc32(bytes), size: bytes.length };
}

/** A table's records in key order, a batch at a time: sorted here unless they come in batches. */
async function* inKeyOrder(table: string, input: ArchiveTableInput): AsyncGenerator<ArchiveRecords> {
  if (!(Symbol.asyncIterator in input)) return yield sorted(table, await input);
  const key = ARCHIVE_TABLE_KEYS[table] ?? 'id';
  let previous: string | number | undefined;
  for await (const batch of input) {
    for (const record of batch) {
      const value = record[key] as string | number;
      if (previous !== undefined && !(previous < value)) throw new Error(`The records of ${table} did not come in key order.`);
      previous = value;
    }
    yield batch;
  }
}

/**
 * A table's entry text (tableJson's very bytes) as UTF-8 pieces of about PIECE_BYTES, each made
 * when pulled and kept in `made`, its records counted in `count`: a big table's pieces are
 * deflated (on a deflate worker too) while the next ones are made and its records still read,
 * never one 300 MB string.
 */
async function* tableJsonPieces(table: string, input: ArchiveTableInput, made: Uint8Array[], count: { records: number }) {
  let parts = ['['];
  let length = 1;
  const flush = () => {
    const piece = utf8(parts.join(''));
    made.push(piece);
    parts = [];
    length = 0;
    return piece;
  };
  for await (const batch of inKeyOrder(table, input)) {
    for (const record of batch) {
      const json = (count.records++ ? ',' : '') + JSON.stringify(record);
      parts.push(json);
      length += json.length;
      if (length >= PIECE_BYTES) yield flush();
    }
  }
  parts.push(']');
  yield flush();
}

/**
 * A table's entry, its bytes and its count of records. Up to BIG_ENTRY it is deflated whole
 * (the bytes archives always had); a bigger one is deflated in pieces (io/zipWrite.ts), which
 * the archive worker shares with a deflate worker: at ten times the study its 311 MB of
 * transcripts took 7-10 s to deflate on one thread, and their JSON 4-7 s more before the
 * first byte was deflated, after 6-10 s of reading.
 */
async function tableEntry(
  path: string,
  table: string,
  input: ArchiveTableInput,
  deflatePieces?: PieceDeflate,
): Promise<{ entry: DeflatedEntry; bytes: Uint8Array; count: number }> {
  const made: Uint8Array[] = [];
  const count = { records: 0 };
  const pieces = tableJsonPieces(table, input, made, count);
  await pieces.next(); // the first piece, into `made`
  const second = await pieces.next();
  const first = made[0]!;
  if (second.done && first.length <= BIG_ENTRY) return { entry: deflated(path, first), bytes: first, count: count.records };
  async function* all() {
    yield first;
    if (!second.done) yield second.value;
    yield* pieces;
  }
  const entry = await deflatedInPieces(path, all(), BIG_LEVEL, deflatePieces);
  return { entry, bytes: concatBytes(made), count: count.records };
}

/**
 * The archive of `tables`, each table turned into its entry (JSON, UTF-8, SHA-256, deflate)
 * as soon as its records are there: store/archive.ts passes the tables still being read, so
 * the slow reads of the big ones overlap with the work on the others. The entries go into the
 * zip in name order whatever order they were ready in, so the bytes never depend on timing.
 * Entries are deflated on this thread, a big one's pieces shared with `deflatePieces` (the
 * archive worker's deflate worker): whole entries sent to a worker of their own (as a .qdpx
 * export's) made a save at ten times the study slower, 29 s against 25 s, as the one big entry
 * was still deflated on one thread while this one waited.
 */
export async function writeArchive(
  tables: Record<string, ArchiveTableInput>,
  info: { appVersion: string; schemaVersion: number; project: ArchiveProject },
  /** Where a big entry's pieces are deflated: on this thread unless given. */
  deflatePieces?: PieceDeflate,
): Promise<Uint8Array> {
  const names = Object.keys(tables).sort();
  const packed = new Map<string, { entry: DeflatedEntry; hash: Promise<string>; count: number }>();
  await Promise.all(
    names.map(async (name) => {
      const { entry, bytes, count } = await tableEntry(`tables/${name}.json`, name, tables[name]!, deflatePieces);
      // Not awaited here: the digest runs off this thread in Chromium.
      packed.set(name, { entry, hash: sha256Hex(bytes), count });
    }),
  );
  const ready = names.map((name) => packed.get(name)!);
  const digests = await Promise.all(ready.map((p) => p.hash));
  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT,
    formatVersion: ARCHIVE_FORMAT_VERSION,
    appVersion: info.appVersion,
    schemaVersion: info.schemaVersion,
    project: info.project,
    tables: Object.fromEntries(names.map((name, i) => [name, ready[i]!.count])),
    sha256: Object.fromEntries(ready.map((p, i) => [p.entry.name, digests[i]!])),
  };
  const manifestEntry = deflated('manifest.json', utf8(JSON.stringify(manifest, null, 2)));
  return zipDeflated([manifestEntry, ...ready.map((p) => p.entry)]);
}

const LIMITS = { maxEntries: 64, maxEntryBytes: 512 * 1024 * 1024, maxTotalBytes: 1024 * 1024 * 1024, maxRatio: 200 };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads and checks an archive; throws an ImportError naming the file and the problem. */
export async function readArchive(
  bytes: Uint8Array,
  fileName: string,
  current: { schemaVersion: number },
): Promise<{ manifest: ArchiveManifest; tables: ArchiveTables; unpackedBytes: number }> {
  const refuse = (problem: string) => new ImportError(fileName, problem);
  if (!isZip(bytes)) throw refuse('is not a project archive (not a zip file).');
  const entries = await readZipEntriesAsync(bytes, {
    fileName,
    limits: LIMITS,
    wanted: () => true,
    checkPaths: true,
    invalid: () => refuse('is damaged: its zip structure cannot be read.'),
  });
  const manifestBytes = entries['manifest.json'];
  if (!manifestBytes) throw refuse('is not a project archive (it has no manifest.json).');
  let manifest: ArchiveManifest;
  try {
    manifest = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes)) as ArchiveManifest;
  } catch {
    throw refuse('is damaged: its manifest is not readable JSON.');
  }
  if (!isObject(manifest) || manifest.format !== ARCHIVE_FORMAT) throw refuse('is not a project archive (unknown format).');
  if (manifest.formatVersion !== ARCHIVE_FORMAT_VERSION)
    throw refuse(`uses archive format ${String(manifest.formatVersion)}, which this version of the app cannot read.`);
  if (!Number.isInteger(manifest.schemaVersion) || manifest.schemaVersion < 1)
    throw refuse('is damaged: its manifest names no schema version.');
  if (manifest.schemaVersion > current.schemaVersion) {
    throw refuse(
      `was made by a newer version of the app (project schema ${manifest.schemaVersion}; this app reads up to ${current.schemaVersion}). Update the app to restore it.`,
    );
  }
  if (!isObject(manifest.sha256) || !isObject(manifest.tables) || !isObject(manifest.project))
    throw refuse('is damaged: its manifest is incomplete.');
  const tables: ArchiveTables = {};
  // Every digest starts now and runs while the entries before it are parsed; each entry is
  // still parsed only once its own digest has matched, in the manifest's order.
  const digests = new Map(Object.keys(manifest.sha256).map((path) => [path, entries[path] && sha256Hex(entries[path])]));
  for (const [path, hash] of Object.entries(manifest.sha256)) {
    const entry = entries[path];
    if (!entry) throw refuse(`is damaged: ${path} is missing.`);
    if ((await digests.get(path)) !== hash) throw refuse(`is damaged: ${path} has been altered (its SHA-256 does not match the manifest).`);
    const table = /^tables\/([A-Za-z]+)\.json$/.exec(path)?.[1];
    if (!table || !(table in ARCHIVE_TABLE_KEYS)) throw refuse(`holds an unknown entry, ${path}.`);
    let records: unknown;
    try {
      records = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(entry));
    } catch {
      throw refuse(`is damaged: ${path} is not readable JSON.`);
    }
    if (!Array.isArray(records) || !records.every(isObject)) throw refuse(`is damaged: ${path} is not a list of records.`);
    if (records.length !== manifest.tables[table])
      throw refuse(`is damaged: ${path} holds ${records.length} records, the manifest says ${String(manifest.tables[table])}.`);
    tables[table] = records;
  }
  for (const path of Object.keys(entries))
    if (path !== 'manifest.json' && !(path in manifest.sha256)) throw refuse(`holds ${path}, which its manifest does not list.`);
  checkRecords(tables, refuse);
  // What the records take as JSON: near what they take stored, to say whether they fit.
  const unpackedBytes = Object.values(entries).reduce((n, e) => n + e.length, 0);
  return { manifest, tables, unpackedBytes };
}

/** The checks readArchive runs, again, on an encrypted project's records once they are opened. */
export function checkOpenedRecords(tables: ArchiveTables, fileName: string): void {
  checkRecords(tables, (problem) => new ImportError(fileName, problem));
}

/**
 * Every record has its key of the right type; codings and transcripts point at what exists.
 * An encrypted project's records are sealed (`_e` or `_g`, store/sealedTables.ts): only their keys can
 * be checked here; their contents are authenticated when they are opened.
 */
function checkRecords(allTables: ArchiveTables, refuse: (problem: string) => ImportError): void {
  const isSealed = (r: Record<string, unknown>) => typeof r._e === 'string' || typeof r._g === 'string';
  for (const [table, records] of Object.entries(allTables)) checkKeys(table, records, refuse);
  const tables = Object.fromEntries(Object.entries(allTables).map(([name, records]) => [name, records.filter((r) => !isSealed(r))]));
  const sources = new Set((allTables.sources ?? []).map((s) => s.id));
  const content = new Set((allTables.sourceContent ?? []).map((s) => s.id));
  for (const s of tables.sourceContent ?? []) {
    if (!sources.has(s.id)) throw refuse(`is damaged: the text of ${String(s.id)} belongs to no transcript.`);
    if (typeof s.text !== 'string' || !Array.isArray(s.turns)) throw refuse(`is damaged: the text of ${String(s.id)} is malformed.`);
  }
  for (const s of allTables.sources ?? [])
    if (!content.has(s.id)) throw refuse(`is damaged: transcript ${String(s.title ?? s.id)} has no text.`);
  const codings = [
    ...(tables.codings ?? []),
    ...(tables.codingSets ?? []).flatMap((set) => (Array.isArray(set.codings) ? (set.codings as Record<string, unknown>[]) : [])),
  ];
  for (const set of tables.codingSets ?? [])
    if (!Array.isArray(set.codings)) throw refuse(`is damaged: the codings of ${String(set.sourceId)} are not a list.`);
  for (const c of codings) {
    if (
      !isObject(c) ||
      typeof c.id !== 'string' ||
      typeof c.sourceId !== 'string' ||
      !Number.isInteger(c.start) ||
      !Number.isInteger(c.end)
    ) {
      throw refuse('is damaged: a coding is malformed.');
    }
    if (!sources.has(c.sourceId)) throw refuse(`is damaged: coding ${c.id} points at no transcript.`);
  }
}

function checkKeys(table: string, records: readonly Record<string, unknown>[], refuse: (problem: string) => ImportError): void {
  const key = ARCHIVE_TABLE_KEYS[table]!;
  const seen = new Set<unknown>();
  for (const [i, r] of records.entries()) {
    const k = r[key];
    const ok = key === 'seq' ? Number.isInteger(k) : typeof k === 'string' && k !== '';
    if (!ok) throw refuse(`is damaged: record ${i + 1} of ${table} has no valid ${key}.`);
    if (seen.has(k)) throw refuse(`is damaged: ${table} holds ${String(k)} twice.`);
    seen.add(k);
  }
}
