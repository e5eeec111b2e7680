// Each store test gets its own registry database in fake IndexedDB.
import { RegistryDb, useRegistry } from '../../renderer/store/registry';

export function freshRegistry(): RegistryDb {
  const db = new RegistryDb(`registry-${crypto.randomUUID()}`);
  useRegistry(db);
  return db;
}
