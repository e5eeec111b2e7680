// The browser's storage manager, for durable storage: whether the data is protected from the
// browser clearing it when space runs low, and how much space there is. The same calls work
// in Electron's renderer; where a browser lacks them, the answers are null ("cannot tell").
// The space estimate is the store's (store/space.ts): it decides whether an import fits.

function manager(): StorageManager | undefined {
  return globalThis.navigator?.storage;
}

/** Asks the browser to keep this origin's data even under storage pressure. */
export async function requestPersistence(): Promise<boolean | null> {
  const storage = manager();
  if (typeof storage?.persist !== 'function') return null;
  return storage.persist().catch(() => null);
}

export async function isPersisted(): Promise<boolean | null> {
  const storage = manager();
  if (typeof storage?.persisted !== 'function') return null;
  return storage.persisted().catch(() => null);
}
