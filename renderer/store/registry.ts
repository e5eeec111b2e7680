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
