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

/** Where a coding starts and ends as one number (exact while both are below 2^26, as every transcript's offsets are); a string beyond. */
const SPAN_BITS = 2 ** 26;
function spanKey(start: number, end: number): number | string {
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end >= 0 && start < SPAN_BITS && end < SPAN_BITS
    ? start * SPAN_BITS + end
    : `${start}:${end}`;
}

/**
 * Codings by what makes two the same (transcript, code, coder, start, end) -> the id here. At
 * ten times the study a merge looks up 400,000 codings in 400,000: a string key joining the five
 * made 800,000 strings of about 150 characters (a third of planning went to collecting them,
 * measured), so the key is a path of maps instead, the last keyed by a number.
 */
export class CodingIds {
  private readonly bySource = new Map<string, Map<string, Map<string, Map<number | string, string>>>>();

  private spans(sourceId: string, codeId: string, coderId: string, make: boolean): Map<number | string, string> | undefined {
    let byCode = this.bySource.get(sourceId);
    if (!byCode) {
      if (!make) return undefined;
      this.bySource.set(sourceId, (byCode = new Map()));
    }
    let byCoder = byCode.get(codeId);
    if (!byCoder) {
      if (!make) return undefined;
      byCode.set(codeId, (byCoder = new Map()));
    }
    let spans = byCoder.get(coderId);
    if (!spans && make) byCoder.set(coderId, (spans = new Map()));
    return spans;
  }

  get(c: Pick<Coding, 'sourceId' | 'codeId' | 'coderId' | 'start' | 'end'>): string | undefined {
    return this.spans(c.sourceId, c.codeId, c.coderId, false)?.get(spanKey(c.start, c.end));
  }

  set(c: Pick<Coding, 'sourceId' | 'codeId' | 'coderId' | 'start' | 'end'>, id: string): void {
    this.spans(c.sourceId, c.codeId, c.coderId, true)!.set(spanKey(c.start, c.end), id);
  }
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
