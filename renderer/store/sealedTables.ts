// Encryption at rest, below everything else that touches a project's database: a Dexie DBCore
// middleware (the innermost, so Dexie's caches and liveQuery see plain records) that seals each
// record on its way into IndexedDB and opens it on its way out. What stays in clear is only what
// IndexedDB needs to find records: the primary key and the indexed fields, which the schema
// keeps to ids, numbers and enums (projectDb.ts, version 8). Everything else of a record,
// its key fields included, travels inside one sealed field, `_e`.
//
// A project without a key is clear and passes through untouched. An encrypted project whose key
// is not in memory (locked) refuses every read of a sealed record and every write, with a
// LockedError: never garbage, never a clear write into an encrypted project.
import type { DBCore, DBCoreCursor, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { openRecord, sealRecord } from './cipher';

export class LockedError extends Error {
  constructor() {
    super('This project is locked. Unlock it with its passphrase or recovery key.');
    this.name = 'LockedError';
  }
}

/** The meta entry holding the wrapped data key; it must be readable before unlocking. */
export const KEYRING_KEY = 'keyring';

/** Each project's record key while it is unlocked; nothing else holds it. */
const recordKeys = new Map<string, Uint8Array>();
/** Projects known to be encrypted (set when a database opens, or when it is encrypted). */
const sealedProjects = new Set<string>();

export function setRecordKey(projectId: string, key: Uint8Array): void {
  sealedProjects.add(projectId);
  recordKeys.set(projectId, key);
}

/** Drops the key: its bytes are overwritten, not only forgotten. */
export function dropRecordKey(projectId: string): void {
  recordKeys.get(projectId)?.fill(0);
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
export function recordKeyFor(projectId: string): Uint8Array | undefined {
  return recordKeys.get(projectId);
}

export function isUnlocked(projectId: string): boolean {
  return recordKeys.has(projectId);
}

export function isKnownSealed(projectId: string): boolean {
  return sealedProjects.has(projectId);
}

interface Sealed {
  _e: Uint8Array;
  [field: string]: unknown;
}

const isSealed = (value: unknown): value is Sealed =>
  typeof value === 'object' && value !== null && (value as { _e?: unknown })._e instanceof Uint8Array;

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
    seal(key: Uint8Array, value: Record<string, unknown>): Record<string, unknown> {
      if (exempt(value)) return value;
      const out: Record<string, unknown> = {};
      for (const path of paths) {
        const v = getPath(value, path);
        if (v !== undefined) setPath(out, path, v);
      }
      out._e = sealRecord(key, value, context(value));
      return out;
    },
    open(key: Uint8Array, stored: Sealed): Record<string, unknown> {
      const value = openRecord(key, stored._e, context(stored)) as Record<string, unknown>;
      // IndexedDB writes an auto-incremented key into the stored record, not into the sealed one.
      if (keyPath && primaryKey.autoIncrement) value[keyPath] = stored[keyPath];
      return value;
    },
  };
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
            if (!isSealed(value)) return value;
            const key = recordKeys.get(projectId);
            if (!key) throw new LockedError();
            return rules.open(key, value);
          };
          const writeKey = (): Uint8Array | null => {
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
            get: (req) => table.get(req).then(open),
            getMany: (req) => table.getMany(req).then((values) => values.map(open)),
            query: (req) => table.query(req).then((res) => (req.values ? { ...res, result: res.result.map(open) } : res)),
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
