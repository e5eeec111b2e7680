// Saving a whole project as one lossless archive, and restoring one as a new project. The
// archive holds every table of the project's database (soft-deleted records, undo history,
// basket, decisions, settings included) at its schema version; an archive from an older schema
// is written at that version and opened through the same Dexie upgrades as a database.
import Dexie from 'dexie';
import { uniqueName, ValidationError } from '../core/shared';
import { fromBase64, openRecordAsync, recordKeysOf, type RecordKeys, type SealedField } from './cipher';
import { dataKeyFrom, isKeyring, loadDataKey, type Keyring } from './encryption';
import { ARCHIVE_TABLE_KEYS, checkOpenedRecords, readArchive, type ArchiveManifest, type ArchiveTables } from '../io/archive';
import { archiveOf, type ArchiveProgress } from './archiveTables';
import type { ArchiveWorkerReply, ArchiveWorkerRequest } from './archiveWorker';
import {
  projectDb,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  SCHEMA_V6,
  SCHEMA_V7,
  SCHEMA_V8,
  SCHEMA_V9,
  SCHEMA_V10,
} from './projectDb';
import { registry, projectDbName, type ProjectEntry } from './registry';
import { createProjectAtomically, validateProjectName } from './projects';
import { KEYRING_KEY, sealContext } from './sealedTables';

/** Every schema the app has had, by version; the last one is the current schema. */
const SCHEMAS: Record<number, Record<string, string | null>> = {
  1: SCHEMA_V1,
  2: SCHEMA_V2,
  3: SCHEMA_V3,
  4: SCHEMA_V4,
  5: SCHEMA_V5,
  6: SCHEMA_V6,
  7: SCHEMA_V7,
  8: SCHEMA_V8,
  9: SCHEMA_V9,
  10: SCHEMA_V10,
};
export const CURRENT_SCHEMA_VERSION = 10;

/**
 * The project as an archive: read and packed in the archive worker where there is one (the
 * window stays responsive through a 10 s save at ten times the study, and an automatic backup
 * goes unnoticed), on this thread where there is not (tests, scripts) or it cannot start.
 */
export async function exportArchive(projectId: string, onProgress?: ArchiveProgress): Promise<Uint8Array> {
  const entry = await registry().projects.get(projectId);
  if (!entry) throw new Error('This project does not exist.');
  const db = projectDb(projectId);
  await db.open();
  const project = { description: entry.description, isSample: entry.isSample, createdAt: entry.createdAt };
  return (await archiveInWorker(db.name, project, onProgress)) ?? archiveOf(db.backendDB(), project, onProgress);
}

/** The archive from the archive worker, or null where no worker runs. */
function archiveInWorker(dbName: string, project: ArchiveManifest['project'], onProgress?: ArchiveProgress): Promise<Uint8Array | null> {
  let worker: Worker;
  try {
    if (typeof Worker === 'undefined') return Promise.resolve(null);
    worker = new Worker(new URL('./archiveWorker.ts', import.meta.url), { type: 'module' });
  } catch {
    return Promise.resolve(null);
  }
  return new Promise<Uint8Array | null>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<ArchiveWorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') return onProgress?.(reply.done, reply.total);
      worker.terminate();
      if (reply.type === 'done') resolve(reply.bytes);
      else reject(new Error(reply.message));
    };
    // An error event means the worker could not start (a protocol that cannot serve module workers).
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      resolve(null);
    };
    worker.postMessage({ dbName, project } satisfies ArchiveWorkerRequest);
  });
}

/** The sealed field of an archived record, as bytes, or null when the record is clear. */
function archivedSealed(record: Record<string, unknown>): SealedField | null {
  if (typeof record._g === 'string') return { _g: fromBase64(record._g) };
  if (typeof record._e === 'string') return { _e: fromBase64(record._e) };
  return null;
}

function textToSealed(record: Record<string, unknown>): Record<string, unknown> {
  const sealed = archivedSealed(record);
  return sealed ? { ...record, ...sealed } : record;
}

function archiveKeyring(tables: Record<string, Record<string, unknown>[]>, fileName: string): Keyring | null {
  const entry = (tables.meta ?? []).find((r) => r.key === KEYRING_KEY);
  if (!entry) return null;
  if (!isKeyring(entry.value)) throw new Error(`${fileName}: its key record is damaged or from a newer version of the app.`);
  return entry.value;
}

/**
 * Every sealed record of an archive opened, before anything is written: each is authenticated
 * (a changed byte, a wrong key or a record moved to another place refuses the archive), and the
 * opened records then pass the same checks as a clear archive's.
 */
async function openSealed(tables: ArchiveTables, recordKeys: RecordKeys, fileName: string): Promise<ArchiveTables> {
  const opened = await Promise.all(
    Object.entries(tables).map(async ([table, records]) => {
      const keyPath = table === 'history' ? null : (ARCHIVE_TABLE_KEYS[table] ?? 'id'); // history's key is auto-incremented
      const key = ARCHIVE_TABLE_KEYS[table] ?? 'id';
      const rows = await Promise.all(
        records.map(async (record) => {
          const sealed = archivedSealed(record);
          if (!sealed) return record;
          try {
            const value = (await openRecordAsync(recordKeys, sealed, sealContext(table, keyPath, record))) as Record<string, unknown>;
            // An auto-incremented key is in the stored record only (sealedTables.ts).
            return { ...value, [key]: record[key] };
          } catch {
            throw new ValidationError(`${fileName} is damaged: a sealed record of ${table} does not open; nothing was restored.`);
          }
        }),
      );
      return [table, rows] as const;
    }),
  );
  return Object.fromEntries(opened);
}

/** Thrown when an encrypted project's archive is restored without its passphrase or recovery key. */
export class ArchiveLockedError extends ValidationError {
  constructor(fileName: string) {
    super(`${fileName} is an encrypted project: enter its passphrase or recovery key to restore it.`);
    this.name = 'ArchiveLockedError';
  }
}

/** What an archive holds, for the preview before anything is written. */
export async function previewArchive(bytes: Uint8Array, fileName: string) {
  const { manifest, tables } = await readArchive(bytes, fileName, { schemaVersion: CURRENT_SCHEMA_VERSION });
  const live = (name: string) => (tables[name] ?? []).filter((r) => r.deletedAt == null).length;
  const codings = (tables.codingSets ?? [])
    .flatMap((s) => s.codings as { deletedAt?: number | null }[])
    .concat((tables.codings ?? []) as { deletedAt?: number | null }[]);
  // A loop: Math.max(...rows) overflows the stack at about 150,000 history rows.
  let lastChange = 0;
  for (const h of tables.history ?? []) if (typeof h.at === 'number' && h.at > lastChange) lastChange = h.at;
  // An encrypted project's codings are sealed in their sets: their number is not known until restored.
  const encrypted = archiveKeyring(tables, fileName) !== null;
  return {
    name: nameFromFile(fileName),
    schemaVersion: manifest.schemaVersion,
    encrypted,
    transcripts: live('sources'),
    codings: encrypted ? null : codings.filter((c) => c.deletedAt == null).length,
    coders: (tables.coders ?? []).length,
    lastChange: lastChange || null,
    project: { description: manifest.project.description ?? '', createdAt: manifest.project.createdAt ?? null },
  };
}

/** The archive's file name without its extension (and without a backup's time stamp). */
export function nameFromFile(fileName: string): string {
  return fileName.replace(/\.mirabal$/i, '').trim() || 'Restored project';
}

/**
 * Restores an archive as a new project, named from the file (made unique). The data is
 * written at the archive's schema version, then opened (and so upgraded) as the app opens a
 * project, all under an unlisted entry that becomes a project only in its last write: a
 * refused archive, a failed write or a crash halfway leaves no project behind.
 */
export async function importArchive(
  bytes: Uint8Array,
  fileName: string,
  options: { name?: string; secret?: string } = {},
): Promise<ProjectEntry> {
  const { manifest, tables, unpackedBytes } = await readArchive(bytes, fileName, { schemaVersion: CURRENT_SCHEMA_VERSION });
  const schema = SCHEMAS[manifest.schemaVersion];
  if (!schema) throw new Error(`${fileName}: schema version ${manifest.schemaVersion} is unknown to this app.`);
  const keyring = archiveKeyring(tables, fileName);
  let dataKey: Uint8Array<ArrayBuffer> | null = null;
  if (keyring) {
    if (!options.secret) throw new ArchiveLockedError(fileName);
    dataKey = await dataKeyFrom(keyring, options.secret);
    if (!dataKey) throw new ValidationError(`That passphrase or recovery key does not open ${fileName}; nothing was restored.`);
    checkOpenedRecords(await openSealed(tables, await recordKeysOf(dataKey), fileName), fileName);
  }
  const others = await registry().projects.toArray();
  const now = Date.now();
  const entry: ProjectEntry = {
    id: crypto.randomUUID(),
    name: validateProjectName(
      uniqueName(
        options.name ?? nameFromFile(fileName),
        others.filter((p) => p.deletedAt == null && !p.incomplete).map((p) => p.name),
      ),
      others.filter((p) => !p.incomplete),
    ),
    description: manifest.project.description ?? '',
    createdAt: manifest.project.createdAt ?? now,
    updatedAt: now,
    openedAt: null,
    isSample: manifest.project.isSample ?? false,
    deletedAt: null,
    ...(keyring ? { encrypted: true } : {}),
  };
  const space = { what: 'this archive', neededBytes: unpackedBytes };
  return createProjectAtomically(
    entry,
    async () => {
      const raw = new Dexie(projectDbName(entry.id));
      raw.version(manifest.schemaVersion).stores(schema);
      try {
        await raw.open();
        await raw.transaction('rw', raw.tables, async () => {
          for (const table of raw.tables) {
            const records = tables[table.name] ?? [];
            if (records.length) await table.bulkAdd(keyring ? records.map(textToSealed) : records);
          }
        });
      } finally {
        raw.close();
      }
      // The restored copy opens unlocked, with the archive's key (its passphrase stays the same).
      if (dataKey) await loadDataKey(entry.id, dataKey);
      // Opened as the app opens a project: older schemas go through the same upgrades.
      await projectDb(entry.id).open();
    },
    undefined,
    space,
  );
}
