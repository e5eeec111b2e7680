// Small keys and words shared by the merge modules.
import type { Coding } from '../shared';

// ---------------------------------------------------------------------------------------------
// Small helpers

/** Names compared without case or surrounding space. */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

export function pathKey(names: readonly string[]): string {
  return names.map(nameKey).join(' / ');
}

export function codingKey(sourceId: string, codeId: string, coderId: string, start: number, end: number): string {
  return `${sourceId}\u0000${codeId}\u0000${coderId}\u0000${start}\u0000${end}`;
}

export function inRange(k: Pick<Coding, 'start' | 'end'>, length: number): boolean {
  return Number.isInteger(k.start) && Number.isInteger(k.end) && k.start >= 0 && k.start < k.end && k.end <= length;
}

export function timestamp(value: number | undefined, now: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : now;
}

/**
 * A bucket key for a text: its length and an FNV-1a hash of at most about 1,000 of its
 * characters (the start, the end and an even sample between), so a long transcript is not
 * hashed in full. Texts in one bucket are then compared exactly.
 */
export function textKey(text: string): string {
  let hash = 0x811c9dc5;
  const mix = (i: number) => {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  };
  const n = text.length;
  if (n <= 1024) for (let i = 0; i < n; i += 1) mix(i);
  else {
    for (let i = 0; i < 256; i += 1) mix(i);
    for (let i = n - 256; i < n; i += 1) mix(i);
    const step = (n - 512) / 512;
    for (let j = 0; j < 512; j += 1) mix(256 + Math.floor(j * step));
  }
  return `${n}:${(hash >>> 0).toString(36)}`;
}

export function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}

export function n(count: number, word: string): string {
  return `${count} ${plural(count, word)}`;
}
