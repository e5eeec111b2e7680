// The app's IndexedDB read and written around the app (raw IndexedDB in the page, no Dexie),
// for tests/e2e/killed.test.ts: what a kill left, the moment to kill at, and entries made old.
import type { Page } from 'playwright-core';
import type { Running } from './killedBrowser';

const REGISTRY = 'mirabal-workbench';
export const PROJECT_DB = 'mirabal-project-';

export interface Row {
  id: string;
  name: string;
  incomplete?: true;
  updatedAt: number;
  deletedAt: number | null;
}
export interface Stored {
  rows: Row[];
  databases: string[];
  counts: Record<string, Record<string, number>>;
}

/** What IndexedDB holds for this origin, read around the app (raw IndexedDB, no Dexie). */
export function stored(page: Page): Promise<Stored> {
  return page.evaluate(
    async ({ registry, prefix }) => {
      const request = <T>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      // Opening a database that was deleted meanwhile would create it again: refused here.
      const open = (name: string) =>
        new Promise<IDBDatabase | null>((resolve) => {
          const r = indexedDB.open(name);
          r.onupgradeneeded = () => r.transaction!.abort();
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => resolve(null);
        });
      const databases = (await indexedDB.databases()).map((d) => d.name!).filter((n) => n === registry || n.startsWith(prefix));
      let rows: Row[] = [];
      const reg = databases.includes(registry) ? await open(registry) : null;
      if (reg) {
        rows = await request(reg.transaction('projects').objectStore('projects').getAll());
        reg.close();
      }
      const counts: Record<string, Record<string, number>> = {};
      for (const name of databases.filter((n) => n.startsWith(prefix))) {
        const db = await open(name);
        if (!db) continue;
        const tables = ['sources', 'sourceContent', 'participants', 'codes', 'codingSets'].filter((t) => db.objectStoreNames.contains(t));
        const tx = tables.length ? db.transaction(tables) : null;
        counts[name.slice(prefix.length)] = Object.fromEntries(
          await Promise.all(tables.map(async (t) => [t, await request(tx!.objectStore(t).count())] as const)),
        );
        db.close();
      }
      return { rows, databases: databases.filter((n) => n === registry || n.slice(prefix.length) in counts), counts };
    },
    { registry: REGISTRY, prefix: PROJECT_DB },
  );
}

export type Stage = 'unfinished entry' | 'its database' | 'its transcripts';

/**
 * Polls IndexedDB in the page, as fast as the page allows, until `stage` is seen for a new
 * unfinished entry; then tells the test (a binding, sent at once) and freezes the page in a
 * busy loop, so the app's next step cannot run before the kill lands. 'finished first' when
 * the new project was whole before the stage was seen.
 */
export function freezeAt(running: Running, stage: Stage, known: string[]): Promise<string> {
  const signalled = new Promise<string>((resolve) => (running.signal = resolve));
  void running.page
    .evaluate(
      async ({ stage, known, registry, prefix }) => {
        const request = <T>(r: IDBRequest<T>) =>
          new Promise<T>((resolve, reject) => {
            r.onsuccess = () => resolve(r.result);
            r.onerror = () => reject(r.error);
          });
        const openExisting = (name: string) =>
          new Promise<IDBDatabase | null>((resolve) => {
            const r = indexedDB.open(name);
            r.onupgradeneeded = () => r.transaction!.abort();
            r.onsuccess = () => resolve(r.result);
            r.onerror = () => resolve(null);
          });
        const freeze = (what: string) => {
          (window as unknown as { killNow(what: string): void }).killNow(what);
          const start = performance.now();
          while (performance.now() - start < 30_000) {
            // frozen until the browser is killed
          }
        };
        for (;;) {
          const names = (await indexedDB.databases()).map((d) => d.name!);
          const reg = names.includes(registry) ? await openExisting(registry) : null;
          const rows = reg ? ((await request(reg.transaction('projects').objectStore('projects').getAll())) as Row[]) : [];
          reg?.close();
          const fresh = rows.find((r) => !known.includes(r.id));
          if (fresh && !fresh.incomplete) return freeze('finished first');
          if (fresh && stage === 'unfinished entry') return freeze('seen');
          if (fresh && names.includes(prefix + fresh.id)) {
            if (stage === 'its database') return freeze('seen');
            const db = await openExisting(prefix + fresh.id);
            const count = db?.objectStoreNames.contains('sources')
              ? await request(db.transaction('sources').objectStore('sources').count())
              : 0;
            db?.close();
            if (count > 0) return freeze('seen');
          }
          await new Promise((r) => setTimeout(r, 0));
        }
      },
      { stage, known, registry: REGISTRY, prefix: PROJECT_DB },
    )
    .catch(() => {}); // the browser is killed while it runs
  return signalled;
}

/** Sets the registry entries `ids` to have been updated `ago` ms before now. */
export async function updatedAgo(page: Page, ids: string[], ago: number): Promise<void> {
  await page.evaluate(
    async ({ registry, ids, ago }) => {
      const request = <T>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      const db = await request(indexedDB.open(registry));
      const store = db.transaction('projects', 'readwrite').objectStore('projects');
      for (const id of ids) {
        const row = (await request(store.get(id))) as Row;
        await request(store.put({ ...row, updatedAt: Date.now() - ago }));
      }
      db.close();
    },
    { registry: REGISTRY, ids, ago },
  );
}
