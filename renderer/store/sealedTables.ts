// Encryption at rest, below everything else that touches a project's database: a Dexie DBCore
// middleware (the innermost, so Dexie's caches and liveQuery see plain records) that seals each
// record on its way into IndexedDB and opens it on its way out. What stays in clear is only what
// IndexedDB needs to find records: the primary key and the indexed fields, which the schema
// keeps to ids, numbers and enums (projectDb.ts, version 8). Everything else of a record,
// its key fields included, travels inside one sealed field: `_g` (or `_e`, as the first version
// sealed records; cipher.ts). Records are opened by WebCrypto, which is asynchronous: the
// transaction is kept usable meanwhile (keepOpen, below), so a reader can go on reading and
// writing in it. A cursor's value must be there at once: cursors open records synchronously.
//
// A project without a key is clear and passes through untouched. An encrypted project whose key
// is not in memory (locked) refuses every read of a sealed record and every write, with a
// LockedError: never garbage, never a clear write into an encrypted project.
import type { DBCore, DBCoreCursor, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { dropRecordKeys, openRecord, openRecordAsync, sealedField, sealRecord, type RecordKeys, type SealedField } from './cipher';

export class LockedError extends Error {
  constructor() {
    super('This project is locked. Unlock it with its passphrase or recovery key.');
    this.name = 'LockedError';
  }
}

/** The meta entry holding the wrapped data key; it must be readable before unlocking. */
export const KEYRING_KEY = 'keyring';

/** Each project's record key while it is unlocked; nothing else holds it. */
const recordKeys = new Map<string, RecordKeys>();
/** Projects known to be encrypted (set when a database opens, or when it is encrypted). */
const sealedProjects = new Set<string>();

export function setRecordKey(projectId: string, key: RecordKeys): void {
  sealedProjects.add(projectId);
  recordKeys.set(projectId, key);
}

/** Drops the key: its bytes are overwritten, not only forgotten. */
export function dropRecordKey(projectId: string): void {
  const keys = recordKeys.get(projectId);
  if (keys) dropRecordKeys(keys);
  recordKeys.delete(projectId);
}

export function markSealed(projectId: string, sealed: boolean): void {
  if (sealed) sealedProjects.add(projectId);
  else {
    sealedProjects.delete(projectId);
    dropRecordKey(projectId);
  }
}

/** The record key of an unlocked project (for the bench's profile of reading sealed records). */
export function recordKeyFor(projectId: string): RecordKeys | undefined {
  return recordKeys.get(projectId);
}

export function isUnlocked(projectId: string): boolean {
  return recordKeys.has(projectId);
}

export function isKnownSealed(projectId: string): boolean {
  return sealedProjects.has(projectId);
}

/** The sealed field of a value read, or null when it is clear (or not a record). */
const sealedOf = (value: unknown): SealedField | null =>
  typeof value === 'object' && value !== null ? sealedField(value as Record<string, unknown>) : null;

function getPath(value: Record<string, unknown>, path: string): unknown {
  let at: unknown = value;
  for (const part of path.split('.')) at = at == null ? undefined : (at as Record<string, unknown>)[part];
  return at;
}

function setPath(target: Record<string, unknown>, path: string, v: unknown): void {
  const parts = path.split('.');
  let at = target;
  for (const part of parts.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
  at[parts.at(-1)!] = v;
}

/**
 * What a sealed record is bound to: its table and its key. An auto-incremented key (`keyPath`
 * null here) is not known when a record is first written: then the table only.
 */
export function sealContext(table: string, keyPath: string | null, value: Record<string, unknown>): string {
  return keyPath ? `${table}\u0000${JSON.stringify(value[keyPath])}` : table;
}

/** The sealing rules of one table: which fields stay clear, and what binds a sealed value. */
function tableRules(table: DBCoreTable) {
  const { primaryKey, indexes } = table.schema;
  const paths = new Set<string>();
  for (const index of [primaryKey, ...indexes]) {
    const keyPath = index.keyPath;
    if (typeof keyPath === 'string') paths.add(keyPath);
    else if (Array.isArray(keyPath)) keyPath.forEach((p) => paths.add(p));
  }
  const keyPath = typeof primaryKey.keyPath === 'string' ? primaryKey.keyPath : null;
  const context = (value: Record<string, unknown>) => sealContext(table.name, primaryKey.autoIncrement ? null : keyPath, value);
  const exempt = (value: Record<string, unknown>) => table.name === 'meta' && value.key === KEYRING_KEY;
  return {
    seal(key: RecordKeys, value: Record<string, unknown>): Record<string, unknown> {
      if (exempt(value)) return value;
      const out: Record<string, unknown> = {};
      for (const path of paths) {
        const v = getPath(value, path);
        if (v !== undefined) setPath(out, path, v);
      }
      return Object.assign(out, sealRecord(key, value, context(value)));
    },
    open(key: RecordKeys, stored: Record<string, unknown>, sealed: SealedField): Record<string, unknown> {
      try {
        return withKey(openRecord(key, sealed, context(stored)) as Record<string, unknown>, stored);
      } catch (error) {
        throw damaged(error);
      }
    },
    async openAsync(key: RecordKeys, stored: Record<string, unknown>, sealed: SealedField): Promise<Record<string, unknown>> {
      try {
        return withKey((await openRecordAsync(key, sealed, context(stored))) as Record<string, unknown>, stored);
      } catch (error) {
        throw damaged(error);
      }
    },
  };
  /** A seal that does not verify: the bytes were changed (or the record moved) outside the app. */
  function damaged(cause: unknown): Error {
    return new Error(`A sealed record of ${table.name} does not open: it was changed or damaged outside the app.`, { cause });
  }
  // IndexedDB writes an auto-incremented key into the stored record, not into the sealed one.
  function withKey(value: Record<string, unknown>, stored: Record<string, unknown>): Record<string, unknown> {
    if (keyPath && primaryKey.autoIncrement) value[keyPath] = stored[keyPath];
    return value;
  }
}

/** The middleware for one project's database. */
export function sealedTables(projectId: string): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'sealedTables',
    // Below Dexie's own middlewares (the lowest is -1): they see plain records.
    level: -2,
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          const rules = tableRules(table);
          const open = (value: unknown): unknown => {
            const sealed = sealedOf(value);
            if (!sealed) return value;
            const key = recordKeys.get(projectId);
            if (!key) throw new LockedError();
            return rules.open(key, value as Record<string, unknown>, sealed);
          };
          /** Values as read, opened by WebCrypto, the transaction kept usable meanwhile. */
          const openAll = (values: unknown[], trans: DBCoreTransaction): unknown[] | Promise<unknown[]> => {
            const key = recordKeys.get(projectId);
            if (!key || !values.some(sealedOf)) return values.map(open);
            const opened = values.map((v) => {
              const sealed = sealedOf(v);
              return sealed ? rules.openAsync(key, v as Record<string, unknown>, sealed) : v;
            });
            return keepOpen(trans, name, Promise.all(opened));
          };
          const writeKey = (): RecordKeys | null => {
            const key = recordKeys.get(projectId);
            if (key) return key;
            if (sealedProjects.has(projectId)) throw new LockedError();
            return null;
          };
          return {
            ...table,
            mutate(req: DBCoreMutateRequest) {
              if (req.type !== 'add' && req.type !== 'put') {
                writeKey(); // a locked project is not changed at all, deletes included
                return table.mutate(req);
              }
              const key = writeKey();
              if (!key) return table.mutate(req);
              const values = req.values.map((v) => rules.seal(key, v as Record<string, unknown>));
              return table.mutate({ ...req, values });
            },
            get: (req) => table.get(req).then(async (value) => (await openAll([value], req.trans))[0]),
            getMany: (req) => table.getMany(req).then((values) => openAll(values, req.trans)),
            query: (req) =>
              table.query(req).then(async (res) => (req.values ? { ...res, result: await openAll(res.result, req.trans) } : res)),
            openCursor: (req) =>
              table.openCursor(req).then((cursor) => (cursor && req.values !== false ? openingCursor(cursor, open) : cursor)),
          } satisfies DBCoreTable;
        },
      };
    },
  };
}

/** A cursor whose value is opened when read (Dexie's own middlewares wrap cursors the same way). */
function openingCursor(cursor: DBCoreCursor, open: (value: unknown) => unknown): DBCoreCursor {
  return Object.create(cursor, {
    value: { get: () => open(cursor.value) },
  }) as DBCoreCursor;
}

/**
 * `work`'s result, delivered while the transaction is still usable. An IndexedDB transaction
 * commits once no request is pending at the end of a task, and a request can be made only while
 * it is active: inside one of its events, or later in the same task. Chromium's WebCrypto
 * settles AES-GCM within the task that asked (measured: no other task runs meanwhile), so there
 * the result is handed over at once, the transaction still active. Elsewhere it may settle in a
 * later task: so, as Dexie.waitFor does, cheap requests keep the transaction open until `work`
 * is done, and the result is then handed over from inside the next request's success, where the
 * caller can go on reading and writing. Where the transaction has already finished (a lone
 * read), the result is simply handed over.
 */
function keepOpen<T>(trans: DBCoreTransaction, storeName: string, work: Promise<T>): Promise<T> {
  const idb = trans as unknown as IDBTransaction;
  if (typeof idb?.objectStore !== 'function') return work;
  return new Promise<T>((resolve, reject) => {
    let outcome: { ok: true; value: T } | { ok: false; error: unknown } | null = null;
    let settled = false;
    const settle = () => {
      if (settled || !outcome) return;
      settled = true;
      if (outcome.ok) resolve(outcome.value);
      else reject(outcome.error);
    };
    /** A cheap request; false when the transaction is not active (or is gone). */
    const ping = (onDone?: () => void): boolean => {
      let request: IDBRequest;
      try {
        request = idb.objectStore(storeName).count(-Infinity);
      } catch {
        return false;
      }
      request.onsuccess = () => onDone?.();
      request.onerror = (event) => {
        event.preventDefault();
        event.stopPropagation();
        onDone?.();
      };
      return true;
    };
    const spin = () => {
      if (outcome) return settle();
      // No transaction left to keep (it finished): hand the result over whenever it comes.
      if (!ping(spin)) work.then(resolve, reject);
    };
    work.then(
      (value) => {
        outcome = { ok: true, value };
        if (ping()) settle(); // still active: hand over now
      },
      (error: unknown) => {
        outcome = { ok: false, error };
        if (ping()) settle();
      },
    );
    spin();
  });
}
