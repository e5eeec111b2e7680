// Names as researchers type them: compared without case or accents, made unique, counted.

export function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32);
}

/** Pseudonyms are compared without case, accents or surrounding space. */
export function pseudonymKey(pseudonym: string): string {
  return pseudonym
    .trim()
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

export function countWords(text: string): number {
  const matches = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return matches ? matches.length : 0;
}

/**
 * `base`, or the first of `format(base, 2)`, `format(base, 3)`, … not yet taken (compared
 * without case): a restored project, a second sample, a new code beside "New code".
 */
export function uniqueName(base: string, taken: readonly string[], format = (b: string, n: number) => `${b} (${n})`): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n += 1) name = format(base, n);
  return name;
}

// One collator for every list sorted by name with numbers by value (P2 before P10), as
// localeCompare(b, undefined, { numeric: true }) sorts: that call builds a collator each time,
// and ordering 3,500 transcript titles with it took 270 ms of opening a project (12 ms this way).
const natural = new Intl.Collator(undefined, { numeric: true });

/** Compares names as a reader orders them: numbers by value, in the user's locale. */
export const naturalCompare = (a: string, b: string): number => natural.compare(a, b);

/**
 * Names in the analyses' order: numbers by value, no case or accents, the same in every
 * locale ('en'), so an export reads the same on every computer.
 */
export const nameCollator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
