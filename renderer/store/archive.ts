// Saving a whole project as one lossless archive, and restoring one as a new project. The
// archive holds every table of the project's database (soft-deleted records, undo history,
// basket, decisions, settings included) at its schema version; an archive from an older schema
// is written at that version and opened through the same Dexie upgrades as a database.
import Dexie from 'dexie';
import { uniqueName } from '../core/shared';
import { readArchive, writeArchive } from '../io/archive';
import { projectDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7 } from './projectDb';
import { registry, projectDbName, type ProjectEntry } from './registry';
import { createProjectAtomically, validateProjectName } from './projects';

/** Every schema the app has had, by version; the last one is the current schema. */
const SCHEMAS: Record<number, Record<string, string | null>> = {
  1: SCHEMA_V1,
  2: SCHEMA_V2,
  3: SCHEMA_V3,
  4: SCHEMA_V4,
  5: SCHEMA_V5,
  6: SCHEMA_V6,
  7: SCHEMA_V7,
};
export const CURRENT_SCHEMA_VERSION = 7;
const APP_VERSION = '0.1.0';

export async function exportArchive(projectId: string): Promise<Uint8Array> {
  const entry = await registry().projects.get(projectId);
  if (!entry) throw new Error('This project does not exist.');
  const db = projectDb(projectId);
  await db.open();
  return writeArchive(readAllTables(db), {
    appVersion: APP_VERSION,
    schemaVersion: db.verno,
    project: { description: entry.description, isSample: entry.isSample, createdAt: entry.createdAt },
  });
}

/**
 * Every table's records, all asked for at once in one read transaction (one state of the
 * project), each promise settling as its table arrives. Straight from IndexedDB, as Dexie's
 * toArray reads them (getAll, in key order; the project's tables have no reading hooks), so
 * that all requests are issued before writeArchive starts on the first table that arrives.
 */
function readAllTables(db: Dexie): Record<string, Promise<Record<string, unknown>[]>> {
  const names = db.tables.map((t) => t.name);
  const tx = db.backendDB().transaction(names, 'readonly');
  return Object.fromEntries(
    names.map((name) => [
      name,
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const request = tx.objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
        request.onerror = () => reject(request.error ?? new Error(`Could not read ${name}.`));
      }),
    ]),
  );
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
  return {
    name: nameFromFile(fileName),
    schemaVersion: manifest.schemaVersion,
    transcripts: live('sources'),
    codings: codings.filter((c) => c.deletedAt == null).length,
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
export async function importArchive(bytes: Uint8Array, fileName: string, options: { name?: string } = {}): Promise<ProjectEntry> {
  const { manifest, tables, unpackedBytes } = await readArchive(bytes, fileName, { schemaVersion: CURRENT_SCHEMA_VERSION });
  const schema = SCHEMAS[manifest.schemaVersion];
  if (!schema) throw new Error(`${fileName}: schema version ${manifest.schemaVersion} is unknown to this app.`);
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
            if (records.length) await table.bulkAdd(records);
          }
        });
      } finally {
        raw.close();
      }
      // Opened as the app opens a project: older schemas go through the same upgrades.
      await projectDb(entry.id).open();
    },
    undefined,
    space,
  );
}
