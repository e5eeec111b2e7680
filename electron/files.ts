// File-system work behind the IPC handlers. Arguments arrive already validated
// (validate.ts); these functions only touch the paths they are given or the
// backups folder they compute.
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MAX_BACKUPS_PER_PROJECT, MAX_OPEN_FILE_BYTES, type BackupEntry, type PickedFile } from './contract.js';

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
 * Writes a backup via a temporary file and rename, so a crash mid-write never leaves a
 * truncated file that looks like a good backup; then prunes to the newest N.
 */
export async function writeBackupFile(
  userData: string,
  projectId: string,
  fileName: string,
  bytes: Uint8Array,
  keep = MAX_BACKUPS_PER_PROJECT,
): Promise<string> {
  const dir = backupDir(userData, projectId);
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, fileName);
  // Valid backup names start with a letter or digit, so a dot-prefixed temp never collides.
  const temp = path.join(dir, `.${fileName}.${process.pid}.tmp`);
  await writeFile(temp, bytes);
  await rename(temp, target);
  await pruneBackups(dir, fileName, keep);
  return target;
}

async function pruneBackups(dir: string, justWritten: string, keep: number): Promise<void> {
  // The file just written is always kept, even if clocks or mtimes say otherwise.
  const others = (await listBackupDir(dir)).filter((e) => e.fileName !== justWritten);
  for (const old of others.slice(Math.max(0, keep - 1))) {
    await rm(path.join(dir, old.fileName), { force: true });
  }
}

/** Backups of a project, newest first (by modification time, then by name). */
export async function listBackupFiles(userData: string, projectId: string): Promise<BackupEntry[]> {
  return listBackupDir(backupDir(userData, projectId));
}

async function listBackupDir(dir: string): Promise<BackupEntry[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const entries: BackupEntry[] = [];
  for (const fileName of names) {
    if (fileName.startsWith('.')) continue; // temp files of writes in progress
    const info = await stat(path.join(dir, fileName));
    if (info.isFile()) entries.push({ fileName, size: info.size, modifiedAt: Math.floor(info.mtimeMs) });
  }
  // Backup names carry timestamps, so the name breaks ties between equal mtimes.
  return entries.sort((a, b) => b.modifiedAt - a.modifiedAt || (a.fileName < b.fileName ? 1 : a.fileName > b.fileName ? -1 : 0));
}
