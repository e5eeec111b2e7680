// File-system work behind the IPC handlers. Arguments arrive already validated
// (validate.ts); these functions only touch the paths they are given or the
// backups folder they compute.
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { backupsToDelete, backupTakenAt } from './backupPolicy.js';
import { MAX_OPEN_FILE_BYTES, type BackupEntry, type PickedFile } from './contract.js';

const MB = 1024 * 1024;

/**
 * Reads the files the user picked. Every file is checked before any is read, so an
 * oversized one fails the whole pick with a clear message instead of a half import.
 */
export async function readPickedFiles(paths: readonly string[], maxBytes = MAX_OPEN_FILE_BYTES): Promise<PickedFile[]> {
  for (const p of paths) {
    const info = await stat(p);
    if (!info.isFile()) throw new Error(`"${path.basename(p)}" is not a regular file.`);
    if (info.size > maxBytes) {
      const size = (info.size / MB).toFixed(1);
      throw new Error(`"${path.basename(p)}" is ${size} MB; files over ${Math.round(maxBytes / MB)} MB are refused.`);
    }
  }
  const files: PickedFile[] = [];
  for (const p of paths) {
    const buf = await readFile(p);
    // A plain Uint8Array (not a Buffer) is what the renderer receives over IPC anyway.
    files.push({ name: path.basename(p), bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) });
  }
  return files;
}

export function backupDir(userData: string, projectId: string): string {
  return path.join(userData, 'backups', projectId);
}

/**
 * Writes a file all or nothing: into a temporary file beside it, flushed to the disk, then
 * renamed over the target (atomic on every system Electron runs on), then the folder entry is
 * flushed. A crash at any moment leaves the old file or the new one, never a truncated mix.
 */
export async function writeFileAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(target);
  // Hidden, and unique by process and time; listings skip it (it has no backup name).
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await open(temp, 'w');
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dir);
}

/** Flushes a folder's entries (the rename); Windows cannot open folders, and needs no such step. */
async function syncFolder(dir: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | null = null;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // EISDIR / EPERM on Windows: the rename is already durable there.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Writes a backup atomically, then prunes the folder by the rotation rule (backupPolicy.ts);
 * the backup just written is always kept, whatever the clock says.
 */
export async function writeBackupFile(
  userData: string,
  projectId: string,
  fileName: string,
  bytes: Uint8Array,
  now = Date.now(),
): Promise<string> {
  const dir = backupDir(userData, projectId);
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, fileName);
  await writeFileAtomically(target, bytes);
  const names = (await listBackupDir(dir)).map((e) => e.fileName);
  for (const old of backupsToDelete(names, now, fileName)) await rm(path.join(dir, old), { force: true });
  return target;
}

/** One backup's bytes; only names that are in the project's folder (validated before). */
export async function readBackupFile(userData: string, projectId: string, fileName: string): Promise<Uint8Array> {
  const file = path.join(backupDir(userData, projectId), fileName);
  try {
    const buf = await readFile(file);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`The backup "${fileName}" is no longer there.`, { cause: e });
    throw e;
  }
}

/**
 * Every project folder under backups/ that holds a backup: how a project whose entry was lost
 * (a wiped or damaged profile) can still be found and restored.
 */
export async function listBackupProjects(userData: string): Promise<string[]> {
  const root = path.join(userData, 'backups');
  let names: string[];
  try {
    names = await readdir(root);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const ids: string[] = [];
  for (const name of names.sort()) {
    if (!/^[A-Za-z0-9_-]+$/.test(name)) continue;
    if ((await listBackupDir(path.join(root, name))).length) ids.push(name);
  }
  return ids;
}

/** Backups of a project, newest first. */
export async function listBackupFiles(userData: string, projectId: string): Promise<BackupEntry[]> {
  return listBackupDir(backupDir(userData, projectId));
}

async function listBackupDir(dir: string): Promise<BackupEntry[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw e;
  }
  const entries: BackupEntry[] = [];
  for (const fileName of names) {
    // Temp files of writes in progress start with a dot, and have no time in their name.
    const takenAt = backupTakenAt(fileName);
    if (takenAt === null) continue;
    const info = await stat(path.join(dir, fileName));
    if (info.isFile()) entries.push({ fileName, size: info.size, takenAt });
  }
  return entries.sort((a, b) => b.takenAt - a.takenAt);
}
