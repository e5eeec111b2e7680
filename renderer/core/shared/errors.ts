/**
 * A file the researcher gave us cannot be used. The message names the file and says what is
 * wrong in words a researcher understands; nothing has been changed when it is thrown.
 */
export class ImportError extends Error {
  readonly fileName: string;

  constructor(fileName: string, problem: string) {
    super(`${fileName}: ${problem}`);
    this.name = 'ImportError';
    this.fileName = fileName;
  }
}

/** A change the project's rules refuse (a duplicate name, a wave still in use); nothing changed. */
export class ValidationError extends Error {
  override name = 'ValidationError';
}

/**
 * What a thrown value says, for the researcher: an Error's message, anything else as text. A
 * full disk is said in words wherever it comes from, never as the database's own text.
 */
export function errorMessage(e: unknown): string {
  if (e instanceof StorageFullError || e instanceof ValueTooLargeError) return e.message;
  if (isStorageFull(e)) return new StorageFullError(onDisk(e) ? 'this file' : 'this change', null, null).message;
  if (isValueTooLarge(e))
    return 'One piece of this change is larger than the database can store in one piece. Nothing was saved. Split the transcript or file and try again.';
  return e instanceof Error ? e.message : String(e);
}

/** "12 KB", "1.5 MB", "12 MB", "2.1 GB": sizes in messages. */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  if (mb >= 1024) {
    const gb = mb / 1024;
    return `${gb >= 10 ? Math.round(gb) : Math.round(gb * 10) / 10} GB`;
  }
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}

const FREE_SPACE_ADVICE =
  'Nothing was saved. Make room (empty the project bin, delete projects or files you no longer need) and try again.';

/**
 * The disk or the browser's share of it is full: `what` ("this import", "this archive") could
 * not be stored. Sizes are null where the browser cannot tell them. Thrown only after every
 * part of the write has been undone.
 */
export class StorageFullError extends Error {
  override name = 'StorageFullError';
  readonly neededBytes: number | null;
  readonly freeBytes: number | null;

  constructor(what: string, neededBytes: number | null, freeBytes: number | null) {
    const sizes = [
      neededBytes != null ? `${formatSize(neededBytes)} needed` : null,
      freeBytes != null ? `${formatSize(freeBytes)} free` : null,
    ].filter(Boolean);
    super(`There is not enough space to store ${what}${sizes.length ? `: ${sizes.join(', ')}` : ''}. ${FREE_SPACE_ADVICE}`);
    this.neededBytes = neededBytes;
    this.freeBytes = freeBytes;
  }
}

/** One value (a transcript's text, a table) is larger than the database stores in one piece. */
export class ValueTooLargeError extends Error {
  override name = 'ValueTooLargeError';
}

type Nested = { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };

/**
 * The errors a full disk or quota gives, however wrapped: IndexedDB's and the file system's
 * QuotaExceededError, Dexie's wrappers (its own QuotaExceededError, an AbortError or a
 * BulkError holding one), an Error's `cause`.
 */
function someError(e: unknown, test: (e: Nested) => boolean, depth = 0): boolean {
  if (typeof e !== 'object' || e === null || depth > 5) return false;
  const x = e as Nested;
  if (test(x)) return true;
  const failures = Array.isArray(x.failures) ? x.failures : typeof x.failures === 'object' && x.failures ? Object.values(x.failures) : [];
  return [x.inner, x.cause, ...failures.slice(0, 5)].some((inner) => someError(inner, test, depth + 1));
}

// The browser's quota, and the disk's (Node's ENOSPC and EDQUOT, as Electron passes them on).
const FULL = /QuotaExceeded|ENOSPC|EDQUOT|no space left on device/i;
const onDisk = (e: unknown) => someError(e, (x) => typeof x.message === 'string' && /ENOSPC|EDQUOT|no space left/i.test(x.message));

export function isStorageFull(e: unknown): boolean {
  return someError(
    e,
    (x) => x.name === 'QuotaExceededError' || x.name === 'StorageFullError' || (typeof x.message === 'string' && FULL.test(x.message)),
  );
}

/** Chromium's "The serialized keys and/or value are too large" (a DataError). */
export function isValueTooLarge(e: unknown): boolean {
  return someError(e, (x) => x.name === 'ValueTooLargeError' || (typeof x.message === 'string' && /value[^.]* too large/i.test(x.message)));
}
