// REFI-QDA identifies everything by GUID. Our ids are UUIDs (crypto.randomUUID) almost
// everywhere, and those go out as they are; any other id (and the elements that have no
// record of their own: selections, variables, sets, links) gets a GUID derived from a stable
// key, so exporting the same project twice gives the same file, and two machines that
// export the same variable name give it the same GUID.
//
// Reading, an id that is not a GUID (MAXQDA's and some scripts' "c001") stands for the UUID
// v5 of itself (RFC 9562, in a namespace of our own): every reference to it resolves, and
// importing the same file twice gives the same ids.
import { sha1 } from '@noble/hashes/legacy.js';

const CANONICAL = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const GUID = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

/** A GUID as written by any tool (upper case, braces, spaces) in one form, or null. */
export function normaliseGuid(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  // Our own ids (crypto.randomUUID) are already in the one form: 800,000 of them at ten times the study.
  if (CANONICAL.test(raw)) return raw;
  const m = GUID.exec(raw.trim());
  if (!m) return null;
  const braced = raw.trim().startsWith('{');
  if (braced !== raw.trim().endsWith('}')) return null;
  return m[1]!.toLowerCase();
}

/** 128 bits from a string (cyrb128: four cross-fed 32-bit lanes). Stable, not secret. */
function hash128(key: string): number[] {
  let h1 = 1779033703,
    h2 = 3144134277,
    h3 = 1013904242,
    h4 = 2773480762;
  for (let i = 0; i < key.length; i++) {
    const k = key.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A version-8 (custom) UUID derived from `key`. */
/** Two hex digits for each byte value: an export derives a GUID for each of 400,000 selections at ten times the study. */
const HEX_PAIRS = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const hex32 = (n: number) => HEX_PAIRS[n >>> 24]! + HEX_PAIRS[(n >>> 16) & 255]! + HEX_PAIRS[(n >>> 8) & 255]! + HEX_PAIRS[n & 255]!;

export function derivedGuid(key: string): string {
  const hex = hash128(key).map(hex32).join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The GUID an id goes out under: itself when it is one, else derived from its kind and value. */
export function guidFor(kind: string, id: string): string {
  return normaliseGuid(id) ?? derivedGuid(`${kind}:${id}`);
}

/** The namespace of UUIDs derived from the ids of foreign files (a v4 UUID, fixed for ever). */
export const FOREIGN_ID_NAMESPACE = '5c6a0c8e-3f0e-4b8e-9d2a-7e1f4a9b6c3d';

/** UUID version 5 (SHA-1, RFC 9562 §5.5) of `name` in `namespace`. */
export function uuidV5(name: string, namespace = FOREIGN_ID_NAMESPACE): string {
  const ns = namespace.replace(/-/g, '');
  const bytes = new Uint8Array(16 + new TextEncoder().encode(name).length);
  for (let i = 0; i < 16; i++) bytes[i] = parseInt(ns.slice(i * 2, i * 2 + 2), 16);
  bytes.set(new TextEncoder().encode(name), 16);
  const hash = sha1(bytes);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = [...hash.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The GUID a foreign file's id stands for: the GUID itself, or for any other id (trimmed,
 * case kept: "c001" and "C001" are two ids) its UUID v5. Null only when there is no id.
 */
export function readGuid(raw: string | undefined): string | null {
  const guid = normaliseGuid(raw);
  if (guid) return guid;
  const id = raw?.trim();
  return id ? uuidV5(id) : null;
}

/** Whether a present id is not a GUID (and so is read as its UUID v5). */
export function isForeignId(raw: string | undefined): boolean {
  return raw !== undefined && raw.trim() !== '' && normaliseGuid(raw) === null;
}
