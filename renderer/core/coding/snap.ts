// Selections snap outwards to whole words (unless the coder holds a modifier), and never
// start or end on whitespace, so a hurried drag still codes "taking responsibility" whole.
const WORD = /[\p{L}\p{N}\p{M}'’_-]/u;

function isWordChar(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  // A surrogate pair is one character: look at the whole code point.
  if (code >= 0xdc00 && code <= 0xdfff && index > 0) return WORD.test(text.slice(index - 1, index + 1));
  if (code >= 0xd800 && code <= 0xdbff) return WORD.test(text.slice(index, index + 2));
  return WORD.test(text[index]!);
}

export function trimRange(text: string, start: number, end: number): [number, number] {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  while (s < e && /\s/.test(text[s]!)) s += 1;
  while (e > s && /\s/.test(text[e - 1]!)) e -= 1;
  return [s, e];
}

export function snapToWords(text: string, start: number, end: number): [number, number] {
  let [s, e] = trimRange(text, start, end);
  if (s === e) return [s, e];
  while (s > 0 && isWordChar(text, s - 1) && isWordChar(text, s)) s -= 1;
  while (e < text.length && isWordChar(text, e - 1) && isWordChar(text, e)) e += 1;
  // Never split a surrogate pair.
  if (s > 0 && /[\udc00-\udfff]/.test(text[s]!)) s -= 1;
  if (e < text.length && /[\udc00-\udfff]/.test(text[e]!)) e += 1;
  return [s, e];
}

/** The offset one word further left (-1) or right (+1), for extending or shrinking a coding by keyboard. */
export function stepWord(text: string, offset: number, direction: -1 | 1): number {
  let i = Math.max(0, Math.min(text.length, offset));
  if (direction > 0) {
    while (i < text.length && !isWordChar(text, i)) i += 1;
    while (i < text.length && isWordChar(text, i)) i += 1;
  } else {
    while (i > 0 && !isWordChar(text, i - 1)) i -= 1;
    while (i > 0 && isWordChar(text, i - 1)) i -= 1;
  }
  return i;
}
