// Each store test gets its own registry database in fake IndexedDB.
import { projectDbName, RegistryDb, useRegistry } from '../../renderer/store/registry';

export function freshRegistry(): RegistryDb {
  const db = new RegistryDb(`registry-${crypto.randomUUID()}`);
  useRegistry(db);
  return db;
}

/** Bytes as Latin-1 text, a piece at a time: a sealed recording chunk is over a megabyte, too many arguments for one call. */
function latin1(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return text;
}

/** Every record of every object store, as text, straight from IndexedDB; sealed bytes as Latin-1. */
export async function rawDump(projectId: string): Promise<{ text: string; records: Record<string, unknown>[] }> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(projectDbName(projectId));
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const names = [...idb.objectStoreNames];
  const tx = idb.transaction(names, 'readonly');
  const all = await Promise.all(
    names.map(
      (name) =>
        new Promise<Record<string, unknown>[]>((resolve, reject) => {
          const request = tx.objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
          request.onerror = () => reject(request.error);
        }),
    ),
  );
  idb.close();
  const records = all.flat();
  const text = JSON.stringify(records, (_k, v: unknown) => (v instanceof Uint8Array ? latin1(v) : v));
  return { text, records };
}
