// The store layer run in real Chromium, for what fake IndexedDB cannot show: when a real
// transaction commits. Sealed records are opened by WebCrypto (asynchronous) while sealedTables
// keeps the transaction usable; here an encrypted project's large coding set is read and written
// back in one transaction (as every coding action does), and undone.
import { created } from '../../../renderer/core/shared/changes';
import type { Coding } from '../../../renderer/core/shared/model';
import { applyAction, undo } from '../../../renderer/store/actions';
import { encryptProject, lockProject, unlockProject } from '../../../renderer/store/encryption';
import { closeProjectDb, projectDb } from '../../../renderer/store/projectDb';
import { loadSnapshot } from '../../../renderer/store/projectRepo';
import { projectDbName } from '../../../renderer/store/registry';
import { createSampleProject } from '../../../renderer/store/sampleProject';

const PASSPHRASE = 'seven blue herons at dusk';

declare global {
  interface Window {
    largeSealedRecords(): Promise<Record<string, unknown>>;
  }
}

/** The sealed field names of one stored record, read with the plain IndexedDB API. */
async function storedFields(projectId: string, store: string, key: string): Promise<string[]> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(projectDbName(projectId));
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const record = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const request = idb.transaction(store).objectStore(store).get(key);
    request.onsuccess = () => resolve(request.result as Record<string, unknown>);
    request.onerror = () => reject(request.error);
  });
  idb.close();
  return Object.keys(record).filter((k) => k.startsWith('_'));
}

window.largeSealedRecords = async () => {
  const sample = await createSampleProject();
  let db = projectDb(sample.id);
  const before = await loadSnapshot(db);
  const source = before.sources[0]!;
  const code = before.codes[0]!;
  const coderId = before.coders[0]!.id;
  const coding = (i: number): Coding => ({
    id: crypto.randomUUID(),
    sourceId: source.id,
    codeId: code.id,
    coderId,
    start: i % 50,
    end: (i % 50) + 10,
    memo: `memo ${i} about the incident`,
    createdAt: i,
    updatedAt: i,
  });
  // Enough codings on one transcript for its coding set to be a large record (16 KB or more).
  const many = Array.from({ length: 150 }, (_, i) => coding(i));
  await applyAction(db, { label: 'many', changes: many.map((c) => created('codings', c)) });
  const clear = await loadSnapshot(db);
  await encryptProject(sample.id, PASSPHRASE);
  closeProjectDb(sample.id);
  db = projectDb(sample.id);
  const sameAfterEncrypting = JSON.stringify(await loadSnapshot(db)) === JSON.stringify(clear);
  const setFields = await storedFields(sample.id, 'codingSets', source.id);
  // One more coding: applyAction reads the large set and writes it back in one transaction.
  const one = coding(999);
  await applyAction(db, { label: 'one more', changes: [created('codings', one)] });
  const afterOne = (await loadSnapshot(db)).codings.filter((c) => c.sourceId === source.id && !c.deletedAt).length;
  await undo(db);
  const afterUndo = (await loadSnapshot(db)).codings.filter((c) => c.sourceId === source.id && !c.deletedAt).length;
  lockProject(sample.id);
  await unlockProject(sample.id, PASSPHRASE);
  const afterUnlock = (await loadSnapshot(projectDb(sample.id))).codings.filter((c) => c.sourceId === source.id && !c.deletedAt).length;
  const clearCount = clear.codings.filter((c) => c.sourceId === source.id && !c.deletedAt).length;
  // The narrowest case: one large read, then a write, nothing else pending in the transaction.
  const memosDb = projectDb(sample.id);
  const long = 'Zephyrine disclosed the strangulation incident. '.repeat(400);
  await memosDb.memos.put({ id: 'm-long', target: 'project', targetId: sample.id, text: long, createdAt: 1, updatedAt: 1 } as never);
  const memoFields = await storedFields(sample.id, 'memos', 'm-long');
  let readThenWrite = 'ok';
  try {
    await memosDb.transaction('rw', memosDb.memos, async () => {
      const memo = await memosDb.memos.get('m-long');
      await memosDb.memos.put({ ...memo!, text: `${memo!.text}Added.` });
    });
  } catch (error) {
    readThenWrite = String(error);
  }
  const memoAfter = (await memosDb.memos.get('m-long'))?.text === `${long}Added.`;
  return { sameAfterEncrypting, setFields, clearCount, afterOne, afterUndo, afterUnlock, memoFields, readThenWrite, memoAfter };
};

document.getElementById('status')!.textContent = 'ready';
