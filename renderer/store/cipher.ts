// The cryptography of an encrypted project, in one place. Three keys, each for one job:
// - the data key: 32 random bytes, made once per project, never stored in clear;
// - the record keys, derived from it (HKDF-SHA-256), seal each stored record (see Records,
//   below). Records are sealed inside IndexedDB transactions, which commit as soon as the code
//   awaits anything but IndexedDB itself, so sealing must be synchronous: that rules out
//   WebCrypto there, and @noble/ciphers (audited) does it; reading may wait for WebCrypto;
// - the wrapping keys (AES-256-GCM, WebCrypto) seal the data key: one derived from the
//   passphrase by Argon2id (hash-wasm, memory-hard; its parameters are stored with the
//   wrapped key so they can be raised later), one derived from the recovery key.
import { gcm } from '@noble/ciphers/aes.js';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { inflateSync } from 'fflate';
import { argon2id } from 'hash-wasm';
import { fromBase64, toBase64 } from '../io/base64';

export interface KdfParams {
  name: 'argon2id';
  /** KiB of memory. */
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  salt: string;
}

/** About 0.4 s on a 2-core machine: past OWASP's minimum (19 MiB, 2 passes) with room to raise. */
export const DEFAULT_KDF: Omit<KdfParams, 'salt'> = { name: 'argon2id', memoryKiB: 64 * 1024, iterations: 2, parallelism: 1 };

export interface SealedKey {
  iv: string;
  data: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(n));
}

// One base64 for the whole app (io/base64): sealed fields and rich-text originals alike.
export { fromBase64, toBase64 };

/** The passphrase's key: Argon2id with the parameters given (stored with the project). */
export async function passphraseKey(passphrase: string, params: KdfParams): Promise<Uint8Array<ArrayBuffer>> {
  const raw = await argon2id({
    password: passphrase.normalize('NFC'),
    salt: fromBase64(params.salt),
    memorySize: params.memoryKiB,
    iterations: params.iterations,
    parallelism: params.parallelism,
    hashLength: 32,
    outputType: 'binary',
  });
  return new Uint8Array(raw);
}

/** HKDF-SHA-256 of `secret` for one purpose: every key used for something is its own. */
export async function deriveKey(
  secret: Uint8Array<ArrayBuffer>,
  purpose: string,
  salt = new Uint8Array(0),
): Promise<Uint8Array<ArrayBuffer>> {
  const base = await crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt, info: encoder.encode(purpose) }, base, 256);
  return new Uint8Array(bits);
}

async function aesKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/** Seals the data key under a wrapping key (AES-256-GCM). */
export async function sealKey(dataKey: Uint8Array<ArrayBuffer>, wrappingKey: Uint8Array<ArrayBuffer>): Promise<SealedKey> {
  const iv = randomBytes(12);
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await aesKey(wrappingKey), dataKey);
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

/** The data key, or null when the wrapping key is not the one it was sealed with. */
export async function openKey(sealed: SealedKey, wrappingKey: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    const data = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(sealed.iv) },
      await aesKey(wrappingKey),
      fromBase64(sealed.data),
    );
    return new Uint8Array(data);
  } catch {
    return null; // the tag did not verify: a wrong passphrase or recovery key
  }
}

// The recovery key: 20 random bytes (160 bits) in Crockford's base32, in groups of four, so it
// can be written down and typed back without confusing 0/O or 1/I/L.
const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newRecoveryKey(): { text: string; bytes: Uint8Array<ArrayBuffer> } {
  const bytes = randomBytes(20);
  let bits = '';
  for (const b of bytes) bits += b.toString(2).padStart(8, '0');
  let text = '';
  for (let i = 0; i < bits.length; i += 5) text += BASE32[parseInt(bits.slice(i, i + 5), 2)];
  return { text: text.match(/.{4}/g)!.join('-'), bytes };
}

/** A typed recovery key's bytes, or null when it is not one (then it is a passphrase). */
export function parseRecoveryKey(typed: string): Uint8Array<ArrayBuffer> | null {
  const clean = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{32}$/.test(clean)) return null;
  let bits = '';
  for (const ch of clean) bits += BASE32.indexOf(ch).toString(2).padStart(5, '0');
  const out = new Uint8Array(20);
  for (let i = 0; i < 20; i += 1) out[i] = parseInt(bits.slice(i * 8, i * 8 + 8), 2);
  return out;
}

// Records. Every record is JSON, sealed with a key derived from the data key; `context` (the
// table, and the record's key where it is known when written) is authenticated with it, so a
// sealed value cannot be moved to another table or record. The sealed field's name says its form:
//
// - `_g`: AES-256-GCM, as every record is written now. Sealed synchronously by @noble (its output
//   is WebCrypto's, byte for byte), inside the transaction that writes it; opened by WebCrypto
//   wherever the reader can take a promise (nearly everywhere), by @noble in a cursor. A random
//   12-byte IV is safe far beyond the number of writes a project sees (NIST's bound is 2^32
//   per key).
// - `_e`: XChaCha20-Poly1305, as the first version wrote records, deflated when over 512 bytes
//   (its plaintext starts with a byte saying which). Still read; no longer written.
//
// Why, measured in Chromium (the bench, and tests of each step): at study scale (20 MB of text)
// WebCrypto opened the text in 65 ms where noble's XChaCha took 280 ms and its AES-GCM 640 ms;
// for 350 small records, 5-8 ms against 10-30 ms. Inflating cost far more than it saved: fflate
// took 750 ms for the 20 MB (the browser's own DecompressionStream 190-460 ms), and about
// 1.2 ms per record however small, while reading from IndexedDB costs about 43 ms per MB for
// records under 64 KB and less above (Chromium keeps those in files of their own): 25 MB of
// incompressible bytes read about as fast as 7 MB. So nothing is compressed: the database is
// larger than it would be deflated, and opens several times faster.
const RAW = 0;
const DEFLATED = 1;

export interface RecordKeys {
  /** AES-256-GCM, for `_g` (noble, sealing and opening synchronously). */
  gcm: Uint8Array;
  /** The same key for WebCrypto, which cannot export it (opening asynchronously). */
  gcmKey: CryptoKey;
  /** XChaCha20-Poly1305, for `_e` (records of the first version). */
  xchacha: Uint8Array;
}

/** A record as stored: one of the two sealed fields, beside the clear key fields. */
export type SealedField = { _e: Uint8Array } | { _g: Uint8Array };

/** The record keys of a data key (HKDF, one purpose each; the data key itself seals nothing). */
export async function recordKeysOf(dataKey: Uint8Array<ArrayBuffer>): Promise<RecordKeys> {
  const gcmRaw = await deriveKey(dataKey, 'mirabal: project records, AES-256-GCM');
  const gcmKey = await crypto.subtle.importKey('raw', gcmRaw, 'AES-GCM', false, ['decrypt']);
  return { gcm: gcmRaw, gcmKey, xchacha: await deriveKey(dataKey, 'mirabal: project records') };
}

/** Overwrites the key bytes (the CryptoKey cannot be read out, and is dropped with the object). */
export function dropRecordKeys(keys: RecordKeys): void {
  keys.gcm.fill(0);
  keys.xchacha.fill(0);
}

export function sealRecord(keys: RecordKeys, value: unknown, context: string): SealedField {
  const json = encoder.encode(JSON.stringify(value));
  const iv = randomBytes(12);
  return { _g: withNonce(iv, gcm(keys.gcm, iv, encoder.encode(context)).encrypt(json)) };
}

function withNonce(nonce: Uint8Array, sealed: Uint8Array): Uint8Array {
  const out = new Uint8Array(nonce.length + sealed.length);
  out.set(nonce);
  out.set(sealed, nonce.length);
  return out;
}

/** Which sealed field a stored record has, if any. */
export function sealedField(stored: Record<string, unknown>): SealedField | null {
  if (stored._g instanceof Uint8Array) return { _g: stored._g };
  if (stored._e instanceof Uint8Array) return { _e: stored._e };
  return null;
}

/** The record's JSON bytes; throws when the key, the context or a single byte is not right. */
export function openRecordBytes(keys: RecordKeys, sealed: SealedField, context: string): Uint8Array {
  const aad = encoder.encode(context);
  if ('_g' in sealed) return gcm(keys.gcm, sealed._g.subarray(0, 12), aad).decrypt(sealed._g.subarray(12));
  const plain = xchacha20poly1305(keys.xchacha, sealed._e.subarray(0, 24), aad).decrypt(sealed._e.subarray(24));
  if (plain[0] === DEFLATED) return inflateSync(plain.subarray(1));
  if (plain[0] === RAW) return plain.subarray(1);
  throw new Error('A sealed record is in a form this version of the app does not know.');
}

export function openRecord(keys: RecordKeys, sealed: SealedField, context: string): unknown {
  return JSON.parse(decoder.decode(openRecordBytes(keys, sealed, context)));
}

/** openRecord, by WebCrypto where it can (several times faster; see above). */
export async function openRecordAsync(keys: RecordKeys, sealed: SealedField, context: string): Promise<unknown> {
  if (!('_g' in sealed)) return openRecord(keys, sealed, context);
  // Records read from IndexedDB are backed by an ArrayBuffer (never a shared one): WebCrypto
  // takes a view of it without a copy.
  const bytes = sealed._g as Uint8Array<ArrayBuffer>;
  const params = { name: 'AES-GCM', iv: bytes.subarray(0, 12), additionalData: encoder.encode(context) };
  const json = await crypto.subtle.decrypt(params, keys.gcmKey, bytes.subarray(12));
  return JSON.parse(decoder.decode(json));
}
