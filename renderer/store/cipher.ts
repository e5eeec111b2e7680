// The cryptography of an encrypted project, in one place. The keys, each for one job:
// - the data key: 32 random bytes, made once per project, never stored in clear;
// - the record keys, derived from it (HKDF-SHA-256), seal each stored record (below).
//   Records are sealed inside IndexedDB transactions, which commit as soon as the code awaits
//   anything but IndexedDB itself, so sealing must be synchronous: that rules out WebCrypto
//   there. @noble/ciphers is audited; its XChaCha20-Poly1305 ran 80-110 MB/s here, its
//   AES-GCM 11-23 MB/s (WebCrypto's 100+). Random nonces: 24 bytes for XChaCha, 12 for
//   AES-GCM, far from a repeat at the number of writes a project sees;
// - the wrapping keys (AES-256-GCM, WebCrypto) seal the data key: one derived from the
//   passphrase by Argon2id (hash-wasm, memory-hard; its parameters are stored with the
//   wrapped key so they can be raised later), one derived from the recovery key.
import { gcm } from '@noble/ciphers/aes.js';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { deflateSync, inflateSync } from 'fflate';
import { argon2id } from 'hash-wasm';

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

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) out[i] = binary.charCodeAt(i);
  return out;
}

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

// Records: JSON, deflated when longer than a few hundred bytes, then sealed; `context` (the
// table, and the record's key where it is known when written) is authenticated with it, so a
// sealed value cannot be moved to another table. Deflating first matters for speed, not only
// size: Chromium moves IndexedDB values over 64 KB into files of their own, and reading sealed
// (incompressible) text took 4x as long as clear text before it was deflated.
//
// Two forms, by size. Small records (most of them) take XChaCha20-Poly1305: fast per record.
// Large ones (transcripts, coding sets) take AES-256-GCM, sealed synchronously by noble (its
// output is WebCrypto's, byte for byte) but opened, where the reader can wait, by WebCrypto
// and the browser's own inflater (openRecordAsync), several times faster than JS: reading a
// whole project is mostly these records.
const RAW = 0;
const DEFLATED = 1;
const DEFLATE_FROM = 512;
const XCHACHA = 1;
const AES_GCM = 2;
const LARGE = 16 * 1024;

export interface RecordKeys {
  xchacha: Uint8Array;
  gcm: Uint8Array;
  /** The same bytes as `gcm`, for WebCrypto. */
  gcmKey: CryptoKey;
}

/** The two record keys of a data key (HKDF, one purpose each). */
export async function recordKeysOf(dataKey: Uint8Array<ArrayBuffer>): Promise<RecordKeys> {
  const xchacha = await deriveKey(dataKey, 'mirabal: project records');
  const gcm = await deriveKey(dataKey, 'mirabal: large project records, AES-GCM');
  return { xchacha, gcm, gcmKey: await crypto.subtle.importKey('raw', gcm, 'AES-GCM', false, ['decrypt']) };
}

export function dropRecordKeys(keys: RecordKeys): void {
  keys.xchacha.fill(0);
  keys.gcm.fill(0);
}

function pack(value: unknown): Uint8Array {
  const json = encoder.encode(JSON.stringify(value));
  const deflated = json.length >= DEFLATE_FROM ? deflateSync(json, { level: 1 }) : null;
  const body = deflated && deflated.length < json.length ? deflated : json;
  const plain = new Uint8Array(1 + body.length);
  plain[0] = body === json ? RAW : DEFLATED;
  plain.set(body, 1);
  return plain;
}

export function sealRecord(keys: RecordKeys, value: unknown, context: string): Uint8Array {
  const plain = pack(value);
  const aad = encoder.encode(context);
  const large = plain.length >= LARGE;
  const nonce = randomBytes(large ? 12 : 24);
  const sealed = large ? gcm(keys.gcm, nonce, aad).encrypt(plain) : xchacha20poly1305(keys.xchacha, nonce, aad).encrypt(plain);
  const out = new Uint8Array(1 + nonce.length + sealed.length);
  out[0] = large ? AES_GCM : XCHACHA;
  out.set(nonce, 1);
  out.set(sealed, 1 + nonce.length);
  return out;
}

function unsealSync(keys: RecordKeys, sealed: Uint8Array, context: string): Uint8Array {
  const aad = encoder.encode(context);
  if (sealed[0] === XCHACHA) return xchacha20poly1305(keys.xchacha, sealed.subarray(1, 25), aad).decrypt(sealed.subarray(25));
  if (sealed[0] === AES_GCM) return gcm(keys.gcm, sealed.subarray(1, 13), aad).decrypt(sealed.subarray(13));
  throw new Error('A sealed record is in a form this version of the app does not know.');
}

function unpackedJson(plain: Uint8Array): Uint8Array {
  if (plain[0] === DEFLATED) return inflateSync(plain.subarray(1));
  if (plain[0] === RAW) return plain.subarray(1);
  throw new Error('A sealed record is in a form this version of the app does not know.');
}

/** The record's JSON bytes; throws when the key, the context or a single byte is not right. */
export function openRecordBytes(keys: RecordKeys, sealed: Uint8Array, context: string): Uint8Array {
  return unpackedJson(unsealSync(keys, sealed, context));
}

export function openRecord(keys: RecordKeys, sealed: Uint8Array, context: string): unknown {
  return JSON.parse(decoder.decode(openRecordBytes(keys, sealed, context)));
}

/** Whether openRecordAsync is faster for this record than openRecord. */
export const opensFasterAsync = (sealed: Uint8Array): boolean => sealed[0] === AES_GCM;

/** openRecord, by WebCrypto and the platform's inflater where the record is large. */
export async function openRecordAsync(keys: RecordKeys, sealed: Uint8Array, context: string): Promise<unknown> {
  if (!opensFasterAsync(sealed)) return openRecord(keys, sealed, context);
  const params = { name: 'AES-GCM', iv: sealed.slice(1, 13), additionalData: encoder.encode(context) };
  const plain = new Uint8Array(await crypto.subtle.decrypt(params, keys.gcmKey, sealed.slice(13)));
  if (plain[0] === RAW) return JSON.parse(decoder.decode(plain.subarray(1)));
  if (plain[0] !== DEFLATED) throw new Error('A sealed record is in a form this version of the app does not know.');
  const stream = new Blob([plain.subarray(1)]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return JSON.parse(await new Response(stream).text());
}
