// Each store test gets its own registry database in fake IndexedDB.
import { projectDbName, RegistryDb, useRegistry } from '../../renderer/store/registry';

export function freshRegistry(): RegistryDb {
  const db = new RegistryDb(`registry-${crypto.randomUUID()}`);
  useRegistry(db);
  return db;
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
  const text = JSON.stringify(records, (_k, v: unknown) => (v instanceof Uint8Array ? String.fromCharCode(...v) : v));
  return { text, records };
}
