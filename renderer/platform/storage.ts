// The browser's storage manager, for durable storage: whether the data is protected from the
// browser clearing it when space runs low, and how much space there is. The same calls work
// in Electron's renderer; where a browser lacks them, the answers are null ("cannot tell").

export interface SpaceEstimate {
  usage: number;
  quota: number;
}

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

export async function estimateSpace(): Promise<SpaceEstimate | null> {
  const storage = manager();
  if (typeof storage?.estimate !== 'function') return null;
  const e = await storage.estimate().catch(() => null);
  return e && typeof e.usage === 'number' && typeof e.quota === 'number' ? { usage: e.usage, quota: e.quota } : null;
}
