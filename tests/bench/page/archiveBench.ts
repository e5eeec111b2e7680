// The lossless archive at the bench's scale (issue 14, issue 21): the project saved and
// restored as a new project (the restored copy must export to the same bytes), with the
// window's longest task meanwhile; where a save's time goes, step by step; and an automatic
// backup into the Origin Private File System.
import { deflateSync } from 'fflate';
import { entryLevel, tableJson, utf8 } from '../../../renderer/io/archive';
import { sha256Hex } from '../../../renderer/io/hash';
import { crc32 } from '../../../renderer/io/zip';
import { opfsBackups } from '../../../renderer/platform/opfsBackups';
import { CURRENT_SCHEMA_VERSION, exportArchive, importArchive } from '../../../renderer/store/archive';
import { ArchiveSession } from '../../../renderer/store/archiveRestore';
import { projectDbName } from '../../../renderer/store/registry';
import { backupProject, type BackupTarget } from '../../../renderer/store/backups';
import { projectDb, SCHEMA_V10, type ProjectDb } from '../../../renderer/store/projectDb';
import { discardDatabase, discardProject } from './discard';
import { watchLongTasks } from './longTasks';
import { time } from './timing';

export async function runArchiveBench(db: ProjectDb): Promise<Record<string, number>> {
  // With the window's long tasks meanwhile: the save and the restore run in the archive worker.
  const [[bytes, exportMs], saveTasks] = await watchLongTasks(() => time(() => exportArchive(db.projectId)));
  const moved = bytes.slice(); // a restore moves the file's bytes to its worker; these stay for the checks below
  const [[entry, restoreMs], restoreTasks] = await watchLongTasks(() => time(() => importArchive(moved, 'Bench study.mirabal')));
  const again = await exportArchive(entry.id);
  const same = again.length === bytes.length && again.every((b, i) => b === bytes[i]);
  // Where a restore's time goes: the same steps as the worker takes them, here, one by one.
  const session = new ArchiveSession();
  const [summary, restoreReadMs] = await time(() => session.read(bytes, 'Bench study.mirabal', CURRENT_SCHEMA_VERSION));
  const id = crypto.randomUUID();
  const [, restoreWriteMs] = await time(() => session.write(projectDbName(id), summary.manifest.schemaVersion, SCHEMA_V10, false));
  const [, restoreOpenMs] = await time(() => projectDb(id).open());
  await discardDatabase(id);
  await discardProject(entry.id);
  return {
    restoreReadMs,
    restoreWriteMs,
    restoreOpenMs,
    exportMs,
    restoreMs,
    megabytes: bytes.length / 1e6,
    sameBytes: same ? 1 : 0,
    saveLongestTaskMs: saveTasks.longestMs,
    restoreLongestTaskMs: restoreTasks.longestMs,
  };
}

// Where the archive's export time goes, step by step as exportArchive and writeArchive take
// them (store/archive.ts, io/archive.ts), each step timed over the whole project: reading every
// table from IndexedDB, JSON per table, UTF-8, SHA-256 per entry, deflate at the archive's
// levels and CRC-32. Timed one after another here; the export overlaps the reading with the
// rest, and the hashing with the deflate.
export async function runArchiveProfile(db: ProjectDb): Promise<Record<string, number>> {
  const tables: Record<string, Record<string, unknown>[]> = {};
  const [, readMs] = await time(() =>
    db.transaction('r', db.tables, async () => {
      for (const table of db.tables) tables[table.name] = (await table.toArray()) as Record<string, unknown>[];
    }),
  );
  const names = Object.keys(tables).sort();
  let t0 = performance.now();
  const texts = names.map((name) => tableJson(name, tables[name]!));
  const jsonMs = performance.now() - t0;
  t0 = performance.now();
  const entries = texts.map((text) => utf8(text));
  const encodeMs = performance.now() - t0;
  const [, hashMs] = await time(async () => {
    for (const bytes of entries) await sha256Hex(bytes);
  });
  t0 = performance.now();
  for (const bytes of entries) deflateSync(bytes, { level: entryLevel(bytes.length) });
  const deflateMs = performance.now() - t0;
  t0 = performance.now();
  for (const bytes of entries) crc32(bytes);
  const crcMs = performance.now() - t0;
  const sourceContent = entries[names.indexOf('sourceContent')]!;
  return {
    readMs,
    jsonMs,
    encodeMs,
    hashMs,
    deflateMs,
    crcMs,
    totalMs: readMs + jsonMs + encodeMs + hashMs + deflateMs + crcMs,
    unzippedMegabytes: entries.reduce((n, e) => n + e.length, 0) / 1e6,
    sourceContentMegabytes: sourceContent.length / 1e6,
  };
}

// An automatic backup in browser mode, as the app takes one (store/backups.ts backupProject
// with the Origin Private File System store): the archive exported, written to OPFS and the
// project's backups pruned. The OPFS part (write + prune) is timed apart; the backup is then
// read back and must hold exactly the bytes exportArchive gives for the project.
export async function runBackupBench(db: ProjectDb): Promise<Record<string, number>> {
  const store = opfsBackups();
  if (!store) throw new Error('This Chromium has no Origin Private File System.');
  let writeMs = 0;
  const target: BackupTarget = {
    ...store,
    write: async (projectId, bytes, takenAt) => {
      const [file, ms] = await time(() => store.write(projectId, bytes, takenAt));
      writeMs = ms;
      return file;
    },
  };
  const [file, backupMs] = await time(() => backupProject(db.projectId, target));
  const [written, readMs] = await time(() => store.read(db.projectId, file.fileName));
  const bytes = await exportArchive(db.projectId);
  const same = written.length === bytes.length && written.every((b, i) => b === bytes[i]);
  return {
    backupMs,
    opfsWriteMs: writeMs,
    exportMs: backupMs - writeMs,
    readBackMs: readMs,
    megabytes: file.size / 1e6,
    sameBytes: same ? 1 : 0,
  };
}
