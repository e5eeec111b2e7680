// The cost of encryption at rest at study scale (issue 15): a copy of the bench project, opened
// and read whole in clear, then encrypted, then opened and read whole again; and unlocking
// (Argon2id). Each figure is the median of five runs, reading a fresh database instance each
// time so Dexie holds nothing from the run before.
import { exportArchive, importArchive } from '../../../renderer/store/archive';
import { encryptProject, lockProject, unlockProject } from '../../../renderer/store/encryption';
import { closeProjectDb, projectDb } from '../../../renderer/store/projectDb';
import { openRecordBytes, openRecord } from '../../../renderer/store/cipher';
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
  const copy = await importArchive(await exportArchive(projectId), 'Encryption bench.mirabal');
  const clear = await openAndRead(copy.id);
  const encryptMs = await timed(() => encryptProject(copy.id, PASSPHRASE));
  const sealed = await openAndRead(copy.id);
  const profile = await sealedReadProfile(copy.id);
  lockProject(copy.id);
  const unlockMs = await timed(() => unlockProject(copy.id, PASSPHRASE));
  return {
    clearOpenMs: clear.openMs,
    clearSnapshotMs: clear.snapshotMs,
    encryptMs,
    encryptedOpenMs: sealed.openMs,
    encryptedSnapshotMs: sealed.snapshotMs,
    openRatio: sealed.openMs / clear.openMs,
    snapshotRatio: sealed.snapshotMs / clear.snapshotMs,
    unlockMs,
    ...profile,
  };
}

/** Where an encrypted snapshot's time goes: reading the sealed records, opening them, parsing. */
async function sealedReadProfile(projectId: string): Promise<Record<string, number>> {
  const db = projectDb(projectId);
  await db.open();
  const key = recordKeyFor(projectId)!;
  const t0 = performance.now();
  const raw = await new Promise<{ id: string; _e: Uint8Array }[]>((resolve, reject) => {
    const request = db.backendDB().transaction('sourceContent').objectStore('sourceContent').getAll();
    request.onsuccess = () => resolve(request.result as { id: string; _e: Uint8Array }[]);
    request.onerror = () => reject(request.error);
  });
  const t1 = performance.now();
  const plain = raw.map((r) => openRecordBytes(key, r._e, `sourceContent\u0000${JSON.stringify(r.id)}`));
  const t2 = performance.now();
  const decoder = new TextDecoder();
  for (const p of plain) JSON.parse(decoder.decode(p));
  const t3 = performance.now();
  for (const r of raw) openRecord(key, r._e, `sourceContent\u0000${JSON.stringify(r.id)}`);
  return {
    sealedTextMegabytes: raw.reduce((n, r) => n + r._e.length, 0) / 1e6,
    readSealedTextMs: t1 - t0,
    decryptTextMs: t2 - t1,
    parseTextMs: t3 - t2,
    openTextMs: performance.now() - t3,
  };
}
