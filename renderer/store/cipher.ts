// The cryptography of an encrypted project, in one place. Three keys, each for one job:
// - the data key: 32 random bytes, made once per project, never stored in clear;
// - the record key, derived from it (HKDF-SHA-256), seals each stored record with
//   XChaCha20-Poly1305. Records are sealed inside IndexedDB transactions, which commit as soon
//   as the code awaits anything but IndexedDB itself, so this cipher must be synchronous: that
//   rules out WebCrypto there. @noble/ciphers is audited and ran 80-110 MB/s here; its
//   AES-GCM only 11-14 MB/s. A 24-byte random nonce per record cannot repeat in practice;
// - the wrapping keys (AES-256-GCM, WebCrypto) seal the data key: one derived from the
//   passphrase by Argon2id (hash-wasm, memory-hard; its parameters are stored with the
//   wrapped key so they can be raised later), one derived from the recovery key.
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

// Records: JSON, deflated when longer than a few hundred bytes, sealed. `context` (the table,
// and the record's key where it is known when written) is authenticated with it, so a sealed
// value cannot be moved to another table. Deflating first matters for speed, not only size:
// Chromium compresses what IndexedDB stores and moves values over 64 KB out into files of their
// own, so a sealed (incompressible) transcript was stored and read as a file, three times its
// deflated size; measured at study scale, reading sealed text took 4x as long as clear text.
const RAW = 0;
const DEFLATED = 1;
const DEFLATE_FROM = 512;

export function sealRecord(recordKey: Uint8Array, value: unknown, context: string): Uint8Array {
  const json = encoder.encode(JSON.stringify(value));
  const deflated = json.length >= DEFLATE_FROM ? deflateSync(json, { level: 1 }) : null;
  const body = deflated && deflated.length < json.length ? deflated : json;
  const plain = new Uint8Array(1 + body.length);
  plain[0] = body === json ? RAW : DEFLATED;
  plain.set(body, 1);
  const nonce = randomBytes(24);
  const sealed = xchacha20poly1305(recordKey, nonce, encoder.encode(context)).encrypt(plain);
  const out = new Uint8Array(24 + sealed.length);
  out.set(nonce);
  out.set(sealed, 24);
  return out;
}

/** The record's JSON bytes; throws when the key, the context or a single byte is not right. */
export function openRecordBytes(recordKey: Uint8Array, sealed: Uint8Array, context: string): Uint8Array {
  const plain = xchacha20poly1305(recordKey, sealed.subarray(0, 24), encoder.encode(context)).decrypt(sealed.subarray(24));
  if (plain[0] === DEFLATED) return inflateSync(plain.subarray(1));
  if (plain[0] === RAW) return plain.subarray(1);
  throw new Error('A sealed record is in a form this version of the app does not know.');
}

export function openRecord(recordKey: Uint8Array, sealed: Uint8Array, context: string): unknown {
  return JSON.parse(decoder.decode(openRecordBytes(recordKey, sealed, context)));
}
