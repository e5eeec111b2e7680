// The list of projects. Each project lives in its own Dexie database (projectDb.ts); this
// small database only remembers which projects exist, their names and when they were used.
import Dexie, { type EntityTable } from 'dexie';

export interface ProjectEntry {
  id: string;
  name: string;
  description: string;
  createdAt: number;
  updatedAt: number;
  openedAt: number | null;
  isSample: boolean;
  /** Soft delete: the project's database is kept until the researcher empties the bin. */
  deletedAt: number | null;
  /**
   * Set while an import or a restore writes the project's data, cleared by its last step: an
   * entry still marked after a crash is swept at the next start, never listed (no index needed).
   */
  incomplete?: true;
  /**
   * Whether the project is encrypted, for the list (a lock beside its name). The keyring in the
   * project's own database is what counts (store/encryption.ts); this copy follows it.
   */
  encrypted?: boolean;
  /** When the last automatic backup was taken (store/backups.ts). */
  lastBackupAt?: number;
  /** The first change not yet in a backup; kept so a closed window's changes are backed up at the next start. */
  unsavedSince?: number;
}

export class RegistryDb extends Dexie {
  projects!: EntityTable<ProjectEntry, 'id'>;

  constructor(name = 'mirabal-workbench') {
    super(name);
    this.version(1).stores({ projects: 'id, name, openedAt, deletedAt' });
  }
}

let shared: RegistryDb | null = null;

export function registry(): RegistryDb {
  shared ??= new RegistryDb();
  return shared;
}

/** Tests and benches use their own registry; the app uses the shared one. */
export function useRegistry(db: RegistryDb): void {
  shared = db;
}

export function projectDbName(projectId: string): string {
  return `mirabal-project-${projectId}`;
}
