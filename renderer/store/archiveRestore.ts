// The heavy half of restoring an archive, kept apart so it runs in the archive worker
// (archiveWorker.ts): reading and checking the archive (unzip, SHA-256, JSON), opening an
// encrypted one's records with its data key to check them, and writing every table into the
// new project's database. At ten times the study that is half a gigabyte of JSON and 30 s of
// work, which held the window the whole time. The registry, the passphrase and the atomic
// creation of the project stay with store/archive.ts on the window's thread.
import Dexie from 'dexie';
import { estimateStoredSize, ValidationError } from '../core/shared';
import { ARCHIVE_TABLE_KEYS, checkOpenedRecords, readArchive, type ArchiveManifest, type ArchiveTables } from '../io/archive';
import { fromBase64, openRecordAsync, recordKeysOf, type SealedField } from './cipher';
import { KEYRING_KEY, sealContext } from './sealedTables';

/** What the window needs of an archive read: no records, only what they add up to. */
export interface ArchiveSummary {
  manifest: ArchiveManifest;
  unpackedBytes: number;
  /** The keyring record's value of an encrypted project's archive (checked by the caller), else null. */
  keyring: unknown;
  transcripts: number;
  /** Null for an encrypted project's archive: its codings are sealed until restored. */
  codings: number | null;
  coders: number;
  lastChange: number | null;
}

/** One archive being restored: read once, then opened and written from what was read. */
export class ArchiveSession {
  private tables: ArchiveTables | null = null;

  async read(bytes: Uint8Array, fileName: string, schemaVersion: number): Promise<ArchiveSummary> {
    const { manifest, tables, unpackedBytes } = await readArchive(bytes, fileName, { schemaVersion });
    this.tables = tables;
    const keyring = (tables.meta ?? []).find((r) => r.key === KEYRING_KEY)?.value ?? null;
    const live = (name: string) => (tables[name] ?? []).filter((r) => r.deletedAt == null).length;
    const codings = (tables.codingSets ?? [])
      .flatMap((s) => s.codings as { deletedAt?: number | null }[])
      .concat((tables.codings ?? []) as { deletedAt?: number | null }[]);
    // A loop: Math.max(...rows) overflows the stack at about 150,000 history rows.
    let lastChange = 0;
    for (const h of tables.history ?? []) if (typeof h.at === 'number' && h.at > lastChange) lastChange = h.at;
    return {
      manifest,
      unpackedBytes,
      keyring,
      transcripts: live('sources'),
      codings: keyring !== null ? null : codings.filter((c) => c.deletedAt == null).length,
      coders: (tables.coders ?? []).length,
      lastChange: lastChange || null,
    };
  }

  /**
   * Every sealed record opened with the data key, before anything is written: each is
   * authenticated (a changed byte, a wrong key or a record moved to another place refuses the
   * archive), and the opened records then pass the same checks as a clear archive's.
   */
  async unseal(dataKey: Uint8Array<ArrayBuffer>, fileName: string): Promise<void> {
    const recordKeys = await recordKeysOf(dataKey);
    const opened = await Promise.all(
      Object.entries(this.read_()).map(async ([table, records]) => {
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
    checkOpenedRecords(Object.fromEntries(opened), fileName);
  }

  /**
   * Every table into the database `dbName` at the archive's schema version, a few megabytes
   * per transaction; an encrypted project's records as they were sealed. A whole restore of
   * ten times the study (419 MB) took 41 s in one transaction, 26 s in pieces;
   * the restore is all or nothing all the same, as the project is listed only once all is
   * written (store/archive.ts, createProjectAtomically). The database is closed again before
   * this returns, so the app can open (and upgrade) it.
   */
  async write(dbName: string, schemaVersion: number, schema: Record<string, string | null>, sealed: boolean): Promise<void> {
    const tables = this.read_();
    const raw = new Dexie(dbName);
    raw.version(schemaVersion).stores(schema);
    try {
      await raw.open();
      for (const table of raw.tables) {
        for (const batch of bySize(tables[table.name] ?? [])) await table.bulkAdd(sealed ? batch.map(textToSealed) : batch);
      }
    } finally {
      raw.close();
    }
  }

  private read_(): ArchiveTables {
    if (!this.tables) throw new Error('The archive was not read.');
    return this.tables;
  }
}

const BATCH_BYTES = 8 * 1024 * 1024;

/** Records in runs of about BATCH_BYTES as stored. */
function* bySize<T>(records: readonly T[]): Generator<T[]> {
  let batch: T[] = [];
  let bytes = 0;
  for (const record of records) {
    batch.push(record);
    bytes += estimateStoredSize(record);
    if (bytes >= BATCH_BYTES) {
      yield batch;
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length) yield batch;
}

/** The sealed field of an archived record (base64 in JSON), as bytes, or null when the record is clear. */
function archivedSealed(record: Record<string, unknown>): SealedField | null {
  if (typeof record._g === 'string') return { _g: fromBase64(record._g) };
  if (typeof record._e === 'string') return { _e: fromBase64(record._e) };
  return null;
}

function textToSealed(record: Record<string, unknown>): Record<string, unknown> {
  const sealed = archivedSealed(record);
  return sealed ? { ...record, ...sealed } : record;
}
