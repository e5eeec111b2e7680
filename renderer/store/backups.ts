// Automatic backups of a project: each one is a project archive (store/archive.ts), written
// where the platform keeps backups (Electron's backups folder, or browser mode's private file
// storage). The platform layer names, writes atomically and prunes; this file decides what goes
// in, reads a backup back to check it, and restores one as a new project.
import { exportArchive, importArchive, previewArchive } from './archive';
import { registry, type ProjectEntry } from './registry';
import { withSpace } from './space';

/** One backup as the platform lists it. */
export interface BackupFile {
  fileName: string;
  size: number;
  takenAt: number;
}

/** What the store needs of the platform's backup store (renderer/platform BackupStore). */
export interface BackupTarget {
  write(projectId: string, bytes: Uint8Array, takenAt: number): Promise<BackupFile>;
  list(projectId: string): Promise<BackupFile[]>;
  read(projectId: string, fileName: string): Promise<Uint8Array>;
  projects(): Promise<string[]>;
  removeAll(projectId: string): Promise<void>;
}

/** A backup checked against its own hashes, with what it holds, or why it cannot be restored. */
/** `codings` is null for an encrypted project's backup: they are sealed until it is restored. */
export type BackupCheck =
  { ok: true; encrypted: boolean; transcripts: number; codings: number | null; coders: number } | { ok: false; problem: string };

/**
 * Saves the project as it is now into a new backup, and notes when. `unsavedSince` is cleared
 * only when no change came after the backup started (the caller passes when that was).
 */
export async function backupProject(projectId: string, target: BackupTarget, takenAt = Date.now()): Promise<BackupFile> {
  const bytes = await exportArchive(projectId);
  // A full disk is said in words, with the backup's size ("8.4 MB needed, 2 MB free").
  const file = await withSpace({ what: 'a backup', neededBytes: bytes.length }, () => target.write(projectId, bytes, takenAt));
  await registry().projects.update(projectId, { lastBackupAt: takenAt });
  return file;
}

/** Marks the project as changed since its last backup (kept across a closed window). */
export async function markUnsaved(projectId: string, at: number): Promise<void> {
  await registry().transaction('rw', registry().projects, async () => {
    const entry = await registry().projects.get(projectId);
    if (entry && entry.unsavedSince == null) await registry().projects.update(projectId, { unsavedSince: at });
  });
}

/** Clears the mark, unless a change came after `since` (the moment the backup started). */
export async function markSaved(projectId: string, since: number, lastChangeAt: number | null): Promise<void> {
  await registry().projects.update(projectId, { unsavedSince: lastChangeAt != null && lastChangeAt >= since ? lastChangeAt : undefined });
}

export async function projectBackupState(projectId: string): Promise<Pick<ProjectEntry, 'lastBackupAt' | 'unsavedSince'>> {
  const entry = await registry().projects.get(projectId);
  return { lastBackupAt: entry?.lastBackupAt, unsavedSince: entry?.unsavedSince };
}

/** Reads a backup and checks every entry against its manifest, as a restore would. */
export async function checkBackup(projectId: string, fileName: string, target: BackupTarget): Promise<BackupCheck> {
  try {
    const preview = await previewArchive(await target.read(projectId, fileName), fileName);
    return { ok: true, encrypted: preview.encrypted, transcripts: preview.transcripts, codings: preview.codings, coders: preview.coders };
  } catch (e) {
    return { ok: false, problem: e instanceof Error ? e.message : String(e) };
  }
}

/** Restores a backup as a new project beside the original, named after it and the backup's time. */
export async function restoreBackupAsCopy(
  projectId: string,
  backup: BackupFile,
  target: BackupTarget,
  when: string,
  secret?: string,
): Promise<ProjectEntry> {
  const entry = await registry().projects.get(projectId);
  // A project no longer listed (its profile wiped) has no name left: the archive holds none.
  const base = (entry?.name ?? 'Recovered project').slice(0, 80);
  return importArchive(await target.read(projectId, backup.fileName), backup.fileName, { name: `${base} (backup of ${when})`, secret });
}

/** A project that has backups but is not in the list any more (e.g. the browser cleared its database). */
export interface UnlistedBackups {
  projectId: string;
  /** Newest first. */
  backups: BackupFile[];
  /** The newest backup that passes its hashes, and what it holds; null when every one is damaged. */
  newest:
    | (BackupFile & {
        description: string;
        createdAt: number | null;
        transcripts: number;
        codings: number | null;
        coders: number;
        encrypted: boolean;
      })
    | null;
}

/**
 * Backups whose project has no entry at all (not even in the bin): a wiped or damaged browser
 * profile loses the project list and databases, while the backups may still be there.
 */
export async function listUnlistedBackups(target: BackupTarget): Promise<UnlistedBackups[]> {
  const known = new Set((await registry().projects.toArray()).filter((p) => !p.incomplete).map((p) => p.id));
  const out: UnlistedBackups[] = [];
  for (const projectId of await target.projects()) {
    if (known.has(projectId)) continue;
    const backups = await target.list(projectId);
    let newest: UnlistedBackups['newest'] = null;
    for (const backup of backups) {
      try {
        const preview = await previewArchive(await target.read(projectId, backup.fileName), backup.fileName);
        newest = {
          ...backup,
          ...preview.project,
          transcripts: preview.transcripts,
          codings: preview.codings,
          coders: preview.coders,
          encrypted: preview.encrypted,
        };
        break;
      } catch {
        // Damaged: try the one before it.
      }
    }
    if (backups.length) out.push({ projectId, backups, newest });
  }
  return out.sort((a, b) => (b.backups[0]?.takenAt ?? 0) - (a.backups[0]?.takenAt ?? 0));
}
