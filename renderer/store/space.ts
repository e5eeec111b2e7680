// Room to store things. Before a large write (an import, a restore) the browser's estimate
// says whether it can fit, so an import that cannot is refused before any of it is written;
// a write that still runs out of room is undone by its transaction and reported in words
// ("310 MB needed, 120 MB free"), never as the database's QuotaExceededError.
import { isStorageFull, StorageFullError } from '../core/shared';

export interface SpaceEstimate {
  usage: number;
  quota: number;
}

/** Space used by this app's data and the most it may use (the same calls work in Electron's renderer). */
export async function estimateSpace(): Promise<SpaceEstimate | null> {
  const storage = globalThis.navigator?.storage;
  if (typeof storage?.estimate !== 'function') return null;
  const e = await storage.estimate().catch(() => null);
  return e && typeof e.usage === 'number' && typeof e.quota === 'number' ? { usage: e.usage, quota: e.quota } : null;
}

export async function freeSpace(): Promise<number | null> {
  const space = await estimateSpace();
  return space ? Math.max(0, space.quota - space.usage) : null;
}

/** What to say a write needs: "this import", and its size if known. */
export interface SpaceNeed {
  what: string;
  neededBytes?: number | null;
}

/** Refuses at once, writing nothing, when the estimate says `need` cannot fit. */
export async function checkSpace(need: SpaceNeed): Promise<void> {
  if (!need.neededBytes) return;
  const free = await freeSpace();
  if (free != null && free < need.neededBytes) throw new StorageFullError(need.what, need.neededBytes, free);
}

/**
 * A full disk or quota as a StorageFullError in words; any other error as it was. The outer
 * caller names what the researcher asked for ("this archive", not the transcripts inside it).
 * The free space is given only where the estimate agrees the write could not fit: a quota
 * the browser enforces below its own estimate would make "2 MB needed, 10 GB free" nonsense.
 */
export async function inWords(error: unknown, need: SpaceNeed): Promise<unknown> {
  if (!isStorageFull(error)) return error;
  const needed = need.neededBytes ?? null;
  const free = await freeSpace();
  return new StorageFullError(need.what, needed, free != null && needed != null && free < needed ? free : null);
}

/** `write` (all or nothing by its own transaction), checked for room first and reported in words. */
export async function withSpace<T>(need: SpaceNeed, write: () => Promise<T>): Promise<T> {
  await checkSpace(need);
  try {
    return await write();
  } catch (error) {
    throw await inWords(error, need);
  }
}
