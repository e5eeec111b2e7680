// Recordings linked by reference (issue 23): main keeps a grant per token it made, the file the
// researcher chose in main's own dialog, and serves only those (protocol.ts). The page never
// names a path: it holds tokens, and main decides which file a token means.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  RECORDING_BYTES_MAX,
  RECORDING_FILE_EXTENSIONS,
  type LinkedRecordingFile,
  type RecordingLinkStatus,
  type RecordingRefArgs,
  type RelinkResult,
} from './contract.js';
import { writeFileAtomically } from './files.js';

/** What main knows of a token: the file it stands for, as it was when linked. */
export interface RecordingGrant {
  path: string;
  size: number;
  sha256: string;
}

interface Store {
  grants: Map<string, RecordingGrant>;
  /** The file on disk could not be read: it is kept aside before the first write replaces it. */
  damaged: boolean;
  /** Writes run one after another: two at once would share a temporary file name. */
  writing: Promise<void>;
}

const STORE_FILE = 'recording-links.json';
const stores = new Map<string, Promise<Store>>();

export function linksFile(userData: string): string {
  return path.join(userData, STORE_FILE);
}

/** For tests: the next call reads the store from disk again, as a fresh start of the app would. */
export function forgetLoadedLinks(): void {
  stores.clear();
}

function load(userData: string): Promise<Store> {
  let store = stores.get(userData);
  if (!store) {
    store = readStore(userData);
    stores.set(userData, store);
  }
  return store;
}

async function readStore(userData: string): Promise<Store> {
  const file = linksFile(userData);
  const store: Store = { grants: new Map(), damaged: false, writing: Promise.resolve() };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return store;
    console.warn(`Linked recordings: ${file} could not be read; starting with none.`, e);
    return { ...store, damaged: true };
  }
  try {
    const data = JSON.parse(text) as { version?: unknown; links?: unknown };
    if (data.version !== 1 || typeof data.links !== 'object' || data.links === null) throw new Error('not a version 1 store');
    for (const [token, grant] of Object.entries(data.links as Record<string, unknown>)) {
      if (isGrant(grant)) store.grants.set(token, { path: grant.path, size: grant.size, sha256: grant.sha256 });
    }
    return store;
  } catch (e) {
    // A damaged store must not stop the app: every recording then shows as missing, to be found again.
    console.warn(`Linked recordings: ${file} is damaged; starting with none (it is kept aside on the next change).`, e);
    return { ...store, damaged: true };
  }
}

function isGrant(value: unknown): value is RecordingGrant {
  const g = value as Partial<RecordingGrant> | null;
  return (
    typeof g === 'object' &&
    g !== null &&
    typeof g.path === 'string' &&
    Number.isSafeInteger(g.size) &&
    (g.size ?? -1) >= 0 &&
    typeof g.sha256 === 'string'
  );
}

/** Writes the whole store, atomically; a damaged file is copied aside first rather than lost. */
function save(userData: string, store: Store): Promise<void> {
  const run = store.writing.then(async () => {
    const file = linksFile(userData);
    await mkdir(userData, { recursive: true });
    if (store.damaged) {
      await copyFile(file, `${file}.damaged`).catch(() => undefined);
      store.damaged = false;
    }
    const links = Object.fromEntries(store.grants);
    await writeFileAtomically(file, new TextEncoder().encode(JSON.stringify({ version: 1, links }, null, 2)));
  });
  store.writing = run.catch(() => undefined);
  return run;
}

export function isRecordingFileName(name: string): boolean {
  const ext = path.extname(name).slice(1).toLowerCase();
  return (RECORDING_FILE_EXTENSIONS as readonly string[]).includes(ext);
}

/** Refuses a file the dialog let through that is not a recording the app can play. */
export function assertRecordingFileName(file: string): void {
  if (!isRecordingFileName(file)) {
    const kinds = RECORDING_FILE_EXTENSIONS.map((e) => `.${e}`).join(', ');
    throw new Error(`"${path.basename(file)}" is not a recording the app can play (it takes ${kinds}).`);
  }
}

/** SHA-256 of a file, read in chunks: recordings can be several GB. Also counts the bytes read. */
export async function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.byteLength;
  }
  return { sha256: hash.digest('hex'), size };
}

/** Size and hash of a regular file, checked to be the same file from start to end of the read. */
async function measure(file: string): Promise<{ sha256: string; size: number }> {
  const info = await stat(file);
  if (!info.isFile()) throw new Error(`"${path.basename(file)}" is not a regular file.`);
  const hashed = await hashFile(file);
  if (hashed.size !== info.size) throw new Error(`"${path.basename(file)}" changed while it was being read; try again.`);
  return hashed;
}

/** Links a file the researcher chose: hashes it and grants a new token to it. */
export async function linkFile(userData: string, chosen: string): Promise<LinkedRecordingFile> {
  assertRecordingFileName(chosen);
  const file = path.resolve(chosen);
  const { sha256, size } = await measure(file);
  const store = await load(userData);
  const token = randomUUID();
  store.grants.set(token, { path: file, size, sha256 });
  await save(userData, store);
  return { token, fileName: path.basename(file), path: file, size, sha256 };
}

/** Whether a token's file is there and the same size; never rehashes (that would read GBs). */
export async function statusOf(userData: string, ref: RecordingRefArgs): Promise<RecordingLinkStatus> {
  const grant = (await load(userData)).grants.get(ref.token);
  if (!grant) return 'missing';
  let size: number;
  try {
    const info = await stat(grant.path);
    if (!info.isFile()) return 'missing';
    size = info.size;
  } catch {
    return 'missing';
  }
  // The grant and the page's record describe the same file unless something was edited by hand.
  return size === grant.size && grant.size === ref.size && grant.sha256 === ref.sha256 ? 'ok' : 'changed';
}

/**
 * "Find the recording": the chosen file if it is the recording (same size and SHA-256), else a
 * file beside it that is (recordings are often moved together, or renamed, in one folder). A
 * match is granted under the page's token, which also teaches a computer that never saw it.
 */
export async function relink(userData: string, ref: RecordingRefArgs, chosen: string): Promise<RelinkResult> {
  assertRecordingFileName(chosen);
  const file = path.resolve(chosen);
  const info = await stat(file);
  if (!info.isFile()) throw new Error(`"${path.basename(file)}" is not a regular file.`);
  const chosenIsIt = info.size === ref.size && (await sameRecording(file, ref));
  const found = chosenIsIt ? file : await findBeside(file, ref);
  if (!found) return { kind: 'wrong', fileName: path.basename(file) };
  const store = await load(userData);
  store.grants.set(ref.token, { path: found, size: ref.size, sha256: ref.sha256 });
  await save(userData, store);
  return { kind: 'found', path: found, beside: !chosenIsIt };
}

async function sameRecording(file: string, ref: RecordingRefArgs): Promise<boolean> {
  try {
    const hashed = await hashFile(file);
    return hashed.size === ref.size && hashed.sha256 === ref.sha256;
  } catch {
    return false;
  }
}

/** Only files of exactly the right size are hashed, so a folder of other recordings costs little. */
async function findBeside(chosen: string, ref: RecordingRefArgs): Promise<string | null> {
  const dir = path.dirname(chosen);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return null;
  }
  for (const name of names.sort()) {
    const candidate = path.join(dir, name);
    if (candidate === chosen || !isRecordingFileName(name)) continue;
    const info = await stat(candidate).catch(() => null);
    if (!info?.isFile() || info.size !== ref.size) continue;
    if (await sameRecording(candidate, ref)) return candidate;
  }
  return null;
}

/** Forgets a token: its file is no longer served. */
export async function unlink(userData: string, token: string): Promise<void> {
  const store = await load(userData);
  if (store.grants.delete(token)) await save(userData, store);
}

/**
 * A linked file's bytes, for its waveform: only a granted token's, only while it is the file that
 * was linked (its size), and only up to RECORDING_BYTES_MAX.
 */
export async function readLinked(userData: string, ref: RecordingRefArgs): Promise<Uint8Array> {
  const name = ref.fileName;
  if (ref.size > RECORDING_BYTES_MAX)
    throw new Error(`The recording ${name} is over ${RECORDING_BYTES_MAX / 1024 ** 2} MB: it plays, without a waveform.`);
  if ((await statusOf(userData, ref)) !== 'ok') throw new Error(`The recording ${name} is not where it was linked, or has changed.`);
  const bytes = await readFile((await grantFor(userData, ref.token))!.path);
  if (bytes.length !== ref.size) throw new Error(`The recording ${name} changed while it was read.`);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The file a token stands for, if main granted one. */
export async function grantFor(userData: string, token: string): Promise<RecordingGrant | undefined> {
  return (await load(userData)).grants.get(token);
}
