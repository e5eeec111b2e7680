// Turning a project encrypted, unlocking and locking it, and changing its passphrase. The
// cryptography is in cipher.ts, the sealing of records in sealedTables.ts; this file holds the
// keyring (the data key wrapped twice: under the passphrase and under the recovery key), which
// is the one record of an encrypted project kept in clear, and the rules around it.
import { ValidationError } from '../core/shared';
import {
  DEFAULT_KDF,
  deriveKey,
  newRecoveryKey,
  openKey,
  parseRecoveryKey,
  passphraseKey,
  recordKeysOf,
  randomBytes,
  sealKey,
  toBase64,
  fromBase64,
  type KdfParams,
  type SealedKey,
} from './cipher';
import { closeProjectDb, projectDb, type MetaEntry, type ProjectDb } from './projectDb';
import { registry } from './registry';
import { dropRecordKey, isUnlocked, KEYRING_KEY, markSealed, setRecordKey } from './sealedTables';

export interface Keyring {
  version: 1;
  /**
   * The first version's record cipher, kept as written so that keyrings of every version read
   * alike: each sealed record now says its own form by its field (`_g` AES-256-GCM, `_e`
   * XChaCha20-Poly1305; cipher.ts), both derived from this keyring's data key.
   */
  cipher: 'xchacha20-poly1305';
  kdf: KdfParams;
  byPassphrase: SealedKey;
  byRecoveryKey: SealedKey & { salt: string };
}

export const MIN_PASSPHRASE_LENGTH = 10;

const recoveryWrapKey = (recovery: Uint8Array<ArrayBuffer>, salt: string) => deriveKey(recovery, 'mirabal: recovery key', fromBase64(salt));

export function validatePassphrase(passphrase: string): void {
  if (passphrase.trim().length < MIN_PASSPHRASE_LENGTH)
    throw new ValidationError(
      `A passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters; a few words are easier to remember than symbols.`,
    );
}

async function passphraseWrap(dataKey: Uint8Array<ArrayBuffer>, passphrase: string): Promise<{ kdf: KdfParams; sealed: SealedKey }> {
  const kdf: KdfParams = { ...DEFAULT_KDF, salt: toBase64(randomBytes(16)) };
  const kek = await passphraseKey(passphrase, kdf);
  return { kdf, sealed: await sealKey(dataKey, kek) };
}

/** A new keyring for a new data key, and the recovery key to show once. */
export async function newKeyring(passphrase: string): Promise<{ keyring: Keyring; dataKey: Uint8Array<ArrayBuffer>; recoveryKey: string }> {
  validatePassphrase(passphrase);
  const dataKey = randomBytes(32);
  const { kdf, sealed } = await passphraseWrap(dataKey, passphrase);
  const recovery = newRecoveryKey();
  const salt = toBase64(randomBytes(16));
  const byRecovery = await sealKey(dataKey, await recoveryWrapKey(recovery.bytes, salt));
  return {
    keyring: { version: 1, cipher: 'xchacha20-poly1305', kdf, byPassphrase: sealed, byRecoveryKey: { ...byRecovery, salt } },
    dataKey,
    recoveryKey: recovery.text,
  };
}

export function isKeyring(value: unknown): value is Keyring {
  const k = value as Keyring | null;
  return typeof k === 'object' && k !== null && k.version === 1 && k.cipher === 'xchacha20-poly1305' && k.kdf?.name === 'argon2id';
}

async function readKeyring(db: ProjectDb): Promise<Keyring | null> {
  const entry = await db.meta.get(KEYRING_KEY);
  if (entry === undefined) return null;
  if (!isKeyring(entry.value)) throw new Error('This project’s key record is damaged or from a newer version of the app.');
  return entry.value;
}

export async function isEncrypted(projectId: string): Promise<boolean> {
  return (await readKeyring(projectDb(projectId))) !== null;
}

// Wrong tries: each costs a full Argon2id run; after five in a row, each next try waits longer.
const wrongTries = new Map<string, number>();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds the next try of a project waits: 0 for the first five, then 1, 2, 4 … up to 60. */
export function unlockDelaySeconds(projectId: string): number {
  const n = wrongTries.get(projectId) ?? 0;
  return n < 5 ? 0 : Math.min(60, 2 ** (n - 5));
}

/** The data key from a passphrase or a recovery key, or null when it opens neither. */
export async function dataKeyFrom(keyring: Keyring, secret: string): Promise<Uint8Array<ArrayBuffer> | null> {
  const recovery = parseRecoveryKey(secret);
  if (recovery) {
    const key = await openKey(keyring.byRecoveryKey, await recoveryWrapKey(recovery, keyring.byRecoveryKey.salt));
    if (key) return key;
  }
  return openKey(keyring.byPassphrase, await passphraseKey(secret, keyring.kdf));
}

/** Loads the record key of a project (or of an archive being restored) into memory. */
export async function loadDataKey(projectId: string, dataKey: Uint8Array<ArrayBuffer>): Promise<void> {
  setRecordKey(projectId, await recordKeysOf(dataKey));
  dataKey.fill(0);
}

export async function unlockProject(projectId: string, secret: string): Promise<void> {
  const keyring = await readKeyring(projectDb(projectId));
  if (!keyring) throw new ValidationError('This project is not encrypted.');
  const delay = unlockDelaySeconds(projectId);
  if (delay) await sleep(delay * 1000);
  const dataKey = await dataKeyFrom(keyring, secret);
  if (!dataKey) {
    const tries = (wrongTries.get(projectId) ?? 0) + 1;
    wrongTries.set(projectId, tries);
    const wait = unlockDelaySeconds(projectId);
    throw new ValidationError(
      `That passphrase or recovery key does not open this project.${wait ? ` After ${tries} wrong tries, the next one waits ${wait} s.` : ''}`,
    );
  }
  wrongTries.delete(projectId);
  await loadDataKey(projectId, dataKey);
}

type LockListener = (projectId: string) => void;
const lockListeners = new Set<LockListener>();

/** Tells the screens a project was locked, so they drop what they show of it. */
export function onProjectLocked(listener: LockListener): () => void {
  lockListeners.add(listener);
  return () => lockListeners.delete(listener);
}

/** Drops the key from memory and closes the database (and with it Dexie's caches). */
export function lockProject(projectId: string): void {
  dropRecordKey(projectId);
  closeProjectDb(projectId);
  for (const listener of lockListeners) listener(projectId);
}

export { isUnlocked };

/**
 * Turns a clear project encrypted, all or nothing: every record of every table is read and
 * written back sealed, with the keyring, in one IndexedDB transaction, so a crash or a kill at
 * any moment leaves the whole project either as it was or encrypted. Returns the recovery key,
 * to be shown once.
 */
export async function encryptProject(projectId: string, passphrase: string): Promise<{ recoveryKey: string }> {
  const db = projectDb(projectId);
  await db.open();
  if (await readKeyring(db)) throw new ValidationError('This project is already encrypted.');
  const { keyring, dataKey, recoveryKey } = await newKeyring(passphrase);
  const recordKey = await recordKeysOf(dataKey);
  dataKey.fill(0);
  try {
    await db.transaction('rw', db.tables, async () => {
      const all = await Promise.all(db.tables.map(async (table) => [table, await table.toArray()] as const));
      // From here on every write of this project is sealed (sealedTables.ts).
      setRecordKey(projectId, recordKey);
      for (const [table, records] of all) if (records.length) await table.bulkPut(records);
      await db.meta.put({ key: KEYRING_KEY, value: keyring } satisfies MetaEntry);
    });
  } catch (error) {
    markSealed(projectId, false); // the transaction rolled back: the project is clear as before
    throw error;
  }
  await registry().projects.update(projectId, { encrypted: true });
  return { recoveryKey };
}

/**
 * A new passphrase: the data key is wrapped again (one write of the keyring); no record is
 * touched. `current` is the passphrase or the recovery key.
 */
export async function changePassphrase(projectId: string, current: string, next: string): Promise<void> {
  validatePassphrase(next);
  const db = projectDb(projectId);
  const keyring = await readKeyring(db);
  if (!keyring) throw new ValidationError('This project is not encrypted.');
  const dataKey = await dataKeyFrom(keyring, current);
  if (!dataKey) throw new ValidationError('The current passphrase (or recovery key) is not right; nothing was changed.');
  const { kdf, sealed } = await passphraseWrap(dataKey, next);
  dataKey.fill(0);
  await db.transaction('rw', db.meta, async () => {
    // Another window may have changed it meanwhile: only the keyring read above is replaced.
    const now = await readKeyring(db);
    if (JSON.stringify(now) !== JSON.stringify(keyring))
      throw new ValidationError('The passphrase was changed elsewhere in the meantime; try again.');
    await db.meta.put({ key: KEYRING_KEY, value: { ...keyring, kdf, byPassphrase: sealed } satisfies Keyring });
  });
}

/** The keyring of a project, for an archive of it (the archive carries it, as the database does). */
export async function keyringOf(projectId: string): Promise<Keyring | null> {
  return readKeyring(projectDb(projectId));
}
