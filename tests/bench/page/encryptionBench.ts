// The cost of encryption at rest at study scale (issue 15): a copy of the bench project, opened
// and read whole in clear, then encrypted, then opened and read whole again; and unlocking
// (Argon2id). Each figure is the median of five runs, reading a fresh database instance each
// time so Dexie holds nothing from the run before.
import { exportArchive, importArchive } from '../../../renderer/store/archive';
import { encryptProject, lockProject, unlockProject } from '../../../renderer/store/encryption';
import { closeProjectDb, projectDb } from '../../../renderer/store/projectDb';
import { openRecord, openRecordAsync, sealedField } from '../../../renderer/store/cipher';
import { recordKeyFor } from '../../../renderer/store/sealedTables';
import { listSources, loadSetup, loadSnapshot } from '../../../renderer/store/projectRepo';

const PASSPHRASE = 'bench passphrase of some length';

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn(); // the first read pays for compiling the code: not counted
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) times.push(await timed(fn));
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

async function openAndRead(projectId: string): Promise<{ openMs: number; snapshotMs: number }> {
  const open = async () => {
    closeProjectDb(projectId);
    const db = projectDb(projectId);
    await Promise.all([loadSetup(db), listSources(db)]);
  };
  const read = async () => {
    closeProjectDb(projectId);
    await loadSnapshot(projectDb(projectId));
  };
  return { openMs: await median(5, open), snapshotMs: await median(5, read) };
}

export async function runEncryptionBench(projectId: string): Promise<Record<string, number>> {
  const clearArchive = await exportArchive(projectId);
  const copy = await importArchive(clearArchive, 'Encryption bench.mirabal');
  const clear = await openAndRead(copy.id);
  const clearTables = await tableReadTimes(copy.id);
  const encryptMs = await timed(() => encryptProject(copy.id, PASSPHRASE));
  const sealed = await openAndRead(copy.id);
  const profile = await sealedReadProfile(copy.id);
  const sealedTables = await tableReadTimes(copy.id);
  lastCopyId = copy.id;
  lockProject(copy.id);
  const unlockMs = await timed(() => unlockProject(copy.id, PASSPHRASE));
  // Sealed records do not compress: what an encrypted project's archive (and backup) weighs.
  const sealedArchive = await exportArchive(copy.id);
  return {
    clearOpenMs: clear.openMs,
    clearSnapshotMs: clear.snapshotMs,
    encryptMs,
    encryptedOpenMs: sealed.openMs,
    encryptedSnapshotMs: sealed.snapshotMs,
    openRatio: sealed.openMs / clear.openMs,
    snapshotRatio: sealed.snapshotMs / clear.snapshotMs,
    unlockMs,
    clearArchiveMegabytes: clearArchive.length / 1e6,
    encryptedArchiveMegabytes: sealedArchive.length / 1e6,
    ...profile,
    ...Object.fromEntries(
      Object.entries(sealedTables).flatMap(([table, ms]) => [
        [`${table}ClearMs`, clearTables[table]!],
        [`${table}EncryptedMs`, ms],
      ]),
    ),
  };
}

let lastCopyId = '';
/** The encrypted copy the bench leaves unlocked, for a profiler to read again. */
export const encryptionBenchCopyId = (): string => lastCopyId;

/** Each table of the snapshot read alone from a fresh database instance (median of three). */
async function tableReadTimes(projectId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['participants', 'sources', 'sourceContent', 'codes', 'codingSets', 'memos']) {
    out[table] = await median(3, async () => {
      closeProjectDb(projectId);
      await projectDb(projectId).table(table).toArray();
    });
  }
  return out;
}

/** Where an encrypted snapshot's time goes: reading the sealed transcripts, opening them, parsing. */
async function sealedReadProfile(projectId: string): Promise<Record<string, number>> {
  const db = projectDb(projectId);
  await db.open();
  const keys = recordKeyFor(projectId)!;
  const t0 = performance.now();
  const raw = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
    const request = db.backendDB().transaction('sourceContent').objectStore('sourceContent').getAll();
    request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
    request.onerror = () => reject(request.error);
  });
  const t1 = performance.now();
  const sealed = raw.map((r) => sealedField(r)!);
  const context = (r: Record<string, unknown>) => `sourceContent\u0000${JSON.stringify(r.id)}`;
  await Promise.all(raw.map((r, i) => openRecordAsync(keys, sealed[i]!, context(r))));
  const t2 = performance.now();
  raw.forEach((r, i) => openRecord(keys, sealed[i]!, context(r)));
  const t3 = performance.now();
  return {
    sealedTextMegabytes: sealed.reduce((n, f) => n + ('_g' in f ? f._g : f._e).length, 0) / 1e6,
    largeSealedRecords: sealed.filter((f) => '_g' in f).length,
    readSealedTextMs: t1 - t0,
    openTextAsyncMs: t2 - t1,
    openTextSyncMs: t3 - t2,
  };
}
