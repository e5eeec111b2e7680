// Records of an encrypted project are sealed with AES-256-GCM in `_g` and opened by WebCrypto
// while the transaction is kept usable (store/cipher.ts, store/sealedTables.ts); large ones are
// not compressed. Projects and archives sealed by the first version (XChaCha20-Poly1305 in `_e`,
// deflated over 512 bytes) still open, and their records are sealed anew when next written.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportArchive, importArchive } from '../../renderer/store/archive';
import { encryptProject, lockProject, unlockProject } from '../../renderer/store/encryption';
import { projectDb } from '../../renderer/store/projectDb';
import { loadSnapshot } from '../../renderer/store/projectRepo';
import { projectDbName } from '../../renderer/store/registry';
import { createSampleProject } from '../../renderer/store/sampleProject';
import { freshRegistry } from './helpers';

const PASSPHRASE = 'seven blue herons at dusk';
const LONG = 'Zephyrine disclosed the strangulation incident. '.repeat(400);
/** An encrypted archive written by the first version: every record in `_e`, deflated over 512 bytes. */
const frozenXchacha = new Uint8Array(readFileSync(new URL('./fixtures/archive-v8-sealed-xchacha.mirabal', import.meta.url)));

beforeEach(() => freshRegistry());

/** One stored record of a store, straight from IndexedDB; `change` rewrites it there. */
async function rawRecord(projectId: string, store: string, key: string, change?: (r: Record<string, unknown>) => void) {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(projectDbName(projectId));
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tx = idb.transaction(store, change ? 'readwrite' : 'readonly');
  const record = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const request = tx.objectStore(store).get(key);
    request.onsuccess = () => resolve(request.result as Record<string, unknown>);
    request.onerror = () => reject(request.error);
  });
  if (change) {
    change(record);
    tx.objectStore(store).put(record);
  }
  await new Promise((resolve) => (tx.oncomplete = resolve));
  idb.close();
  return record;
}

async function encryptedSample() {
  const sample = await createSampleProject();
  const db = projectDb(sample.id);
  await db.memos.add({ id: 'm-long', target: 'project', targetId: sample.id, text: LONG, createdAt: 1, updatedAt: 1 } as never);
  await db.memos.add({ id: 'm-short', target: 'project', targetId: sample.id, text: 'short', createdAt: 1, updatedAt: 1 } as never);
  await encryptProject(sample.id, PASSPHRASE);
  return { id: sample.id, db };
}

describe('sealed records', () => {
  it('seals every record, large or small, with AES-GCM in _g, uncompressed', async () => {
    const { id } = await encryptedSample();
    const long = await rawRecord(id, 'memos', 'm-long');
    const short = await rawRecord(id, 'memos', 'm-short');
    expect(Object.keys(long).sort()).toEqual(['_g', 'id', 'target', 'targetId']);
    expect(Object.keys(short).sort()).toEqual(['_g', 'id', 'target', 'targetId']);
    // Not compressed: the sealed bytes are the JSON's length, plus the IV (12) and the tag (16).
    expect((long._g as Uint8Array).length).toBeGreaterThan(LONG.length);
  });

  it('reads a large record and writes in the same transaction while WebCrypto opens it', async () => {
    const { db } = await encryptedSample();
    await db.transaction('rw', db.memos, db.history, async () => {
      const memo = await db.memos.get('m-long');
      expect(memo?.text).toBe(LONG);
      // The transaction is still usable after the asynchronous opening: more reads and writes.
      await db.memos.put({ ...memo!, text: `${LONG}Added.` });
      await db.history.add({ at: 1, actor: '', action: 'test', summary: 'in the same transaction', undoable: false });
      expect((await db.memos.get('m-long'))?.text).toBe(`${LONG}Added.`);
    });
    expect((await db.memos.get('m-long'))?.text).toBe(`${LONG}Added.`);
  });

  it('opens large records through a cursor too (synchronously)', async () => {
    const { db } = await encryptedSample();
    const texts: string[] = [];
    await db.memos.each((m) => texts.push(m.text));
    expect(texts).toContain(LONG);
    expect(texts).toContain('short');
  });

  it('refuses a large record changed by one byte outside the app, naming the table, never returning garbage', async () => {
    const { id } = await encryptedSample();
    await rawRecord(id, 'memos', 'm-long', (r) => {
      (r._g as Uint8Array)[40]! ^= 1;
    });
    const db = projectDb(id);
    await expect(db.memos.get('m-long')).rejects.toThrow(/A sealed record of memos does not open/);
    await expect(db.memos.get('m-short')).resolves.toMatchObject({ text: 'short' });
  });

  it('restores an archive sealed by the first version, and seals its records anew in _g when written', async () => {
    const restored = await importArchive(frozenXchacha, 'Frozen.mirabal', { secret: PASSPHRASE });
    const db = projectDb(restored.id);
    const snapshot = await loadSnapshot(db);
    expect(snapshot.sources.length).toBeGreaterThan(0);
    expect(snapshot.memos?.find((m) => m.id === 'm-long')?.text).toBe(LONG);
    expect((await rawRecord(restored.id, 'memos', 'm-long'))._e).toBeInstanceOf(Uint8Array);
    await db.memos.update('m-long', { text: `${LONG}Edited.` });
    expect((await rawRecord(restored.id, 'memos', 'm-long'))._g).toBeInstanceOf(Uint8Array);
    lockProject(restored.id);
    await unlockProject(restored.id, PASSPHRASE);
    expect((await projectDb(restored.id).memos.get('m-long'))?.text).toBe(`${LONG}Edited.`);
    // And the mixed project (old and new forms) archives and restores whole.
    const again = await importArchive(await exportArchive(restored.id), 'Again.mirabal', { secret: PASSPHRASE });
    expect(await loadSnapshot(projectDb(again.id))).toEqual(await loadSnapshot(projectDb(restored.id)));
  }, 30_000);
});
