// Saving a whole project as one lossless archive, and restoring one as a new project. The
// archive holds every table of the project's database (soft-deleted records, undo history,
// basket, decisions, settings included) at its schema version; an archive from an older schema
// is written at that version and opened through the same Dexie upgrades as a database.
import { uniqueName, ValidationError } from '../core/shared';
import { dataKeyFrom, isKeyring, loadDataKey, type Keyring } from './encryption';
import type { ArchiveProgress } from './archiveTables';
import { ArchiveRestorer, archiveOffThread } from './archiveOffThread';
import type { ArchiveSummary } from './archiveRestore';
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
  SCHEMA_V11,
} from './projectDb';
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
  8: SCHEMA_V8,
  9: SCHEMA_V9,
  10: SCHEMA_V10,
  11: SCHEMA_V11,
};
export const CURRENT_SCHEMA_VERSION = 11;

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
  return archiveOffThread(db, project, onProgress);
}

/** The keyring an encrypted project's archive carries, checked; null for a clear project's. */
function archiveKeyring(value: unknown, fileName: string): Keyring | null {
  if (value === null) return null;
  if (!isKeyring(value)) throw new Error(`${fileName}: its key record is damaged or from a newer version of the app.`);
  return value;
}

/** Thrown when an encrypted project's archive is restored without its passphrase or recovery key. */
export class ArchiveLockedError extends ValidationError {
  constructor(fileName: string) {
    super(`${fileName} is an encrypted project: enter its passphrase or recovery key to restore it.`);
    this.name = 'ArchiveLockedError';
  }
}

/** What an archive holds, for the preview before anything is written. */
export type ArchivePreview = ReturnType<typeof previewOf>;

function previewOf(summary: ArchiveSummary, fileName: string) {
  const { manifest } = summary;
  return {
    name: nameFromFile(fileName),
    schemaVersion: manifest.schemaVersion,
    encrypted: archiveKeyring(summary.keyring, fileName) !== null,
    transcripts: summary.transcripts,
    codings: summary.codings,
    coders: summary.coders,
    lastChange: summary.lastChange,
    project: { description: manifest.project.description ?? '', createdAt: manifest.project.createdAt ?? null },
  };
}

/**
 * An archive read once (in the archive worker, which keeps what it read) for its preview, and
 * restored from that reading: at ten times the study, reading it again for the restore was
 * 12 s more. Its bytes are moved to the worker (left empty here). Close it when done.
 */
export class OpenedArchive {
  private constructor(
    private readonly restorer: ArchiveRestorer,
    private readonly summary: ArchiveSummary,
    private readonly fileName: string,
    readonly preview: ArchivePreview,
  ) {}

  static async open(bytes: Uint8Array, fileName: string): Promise<OpenedArchive> {
    const restorer = new ArchiveRestorer();
    try {
      const summary = await restorer.read(bytes, fileName, CURRENT_SCHEMA_VERSION);
      return new OpenedArchive(restorer, summary, fileName, previewOf(summary, fileName));
    } catch (error) {
      restorer.close();
      throw error;
    }
  }

  /** The archive as a new project (see importArchive); may be tried again, e.g. with the right passphrase. */
  restore(options: { name?: string; secret?: string } = {}): Promise<ProjectEntry> {
    return restoreFrom(this.restorer, this.summary, this.fileName, options);
  }

  close(): void {
    this.restorer.close();
  }
}

/** What an archive holds, for the preview before anything is written (read in the archive worker). */
export async function previewArchive(bytes: Uint8Array, fileName: string): Promise<ArchivePreview> {
  const archive = await OpenedArchive.open(bytes, fileName);
  archive.close();
  return archive.preview;
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
  // Read, checked and written in the archive worker (archiveRestore.ts); here the passphrase,
  // the registry and the atomic creation of the project.
  const archive = await OpenedArchive.open(bytes, fileName);
  try {
    return await archive.restore(options);
  } finally {
    archive.close();
  }
}

async function restoreFrom(
  restorer: ArchiveRestorer,
  summary: ArchiveSummary,
  fileName: string,
  options: { name?: string; secret?: string },
): Promise<ProjectEntry> {
  const { manifest, unpackedBytes, keyring: keyringValue } = summary;
  const schema = SCHEMAS[manifest.schemaVersion];
  if (!schema) throw new Error(`${fileName}: schema version ${manifest.schemaVersion} is unknown to this app.`);
  const keyring = archiveKeyring(keyringValue, fileName);
  let dataKey: Uint8Array<ArrayBuffer> | null = null;
  if (keyring) {
    if (!options.secret) throw new ArchiveLockedError(fileName);
    dataKey = await dataKeyFrom(keyring, options.secret);
    if (!dataKey) throw new ValidationError(`That passphrase or recovery key does not open ${fileName}; nothing was restored.`);
    await restorer.unseal(dataKey, fileName);
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
      await restorer.write(projectDbName(entry.id), manifest.schemaVersion, schema, keyring !== null);
      // The restored copy opens unlocked, with the archive's key (its passphrase stays the same).
      if (dataKey) await loadDataKey(entry.id, dataKey);
      // Opened as the app opens a project: older schemas go through the same upgrades.
      await projectDb(entry.id).open();
    },
    undefined,
    space,
  );
}
