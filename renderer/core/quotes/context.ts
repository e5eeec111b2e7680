// What was said around a passage, for the researcher checking a quote is fair to its speaker.
import type { ProjectSnapshot } from '../shared';
import type { Quote } from './types';

/**
 * Up to `words` whole words each side of the passage, as exact slices of the transcript that
 * adjoin it (so before + quote.text + after is a stretch of the text). Words are runs of
 * non-whitespace, so a slice never cuts a word or a surrogate pair; it may start or end mid-turn.
 * A word the passage itself cuts counts as a word on each side.
 */
export function quoteContext(
  project: ProjectSnapshot,
  quote: Pick<Quote, 'sourceId' | 'start' | 'end'>,
  words = 30,
): { before: string; after: string } {
  const source = project.sources.find((s) => s.id === quote.sourceId);
  const n = Math.floor(words);
  if (!source || !(n >= 1)) return { before: '', after: '' };
  const text = source.text;
  const start = Math.max(0, Math.min(quote.start, text.length));
  const end = Math.max(start, Math.min(quote.end, text.length));

  let from = start;
  for (let count = 0; count < n;) {
    let i = from;
    while (i > 0 && isSpace(text.charCodeAt(i - 1))) i -= 1;
    if (i === 0) break;
    while (i > 0 && !isSpace(text.charCodeAt(i - 1))) i -= 1;
    from = i;
    count += 1;
  }
  let to = end;
  for (let count = 0; count < n;) {
    let i = to;
    while (i < text.length && isSpace(text.charCodeAt(i))) i += 1;
    if (i === text.length) break;
    while (i < text.length && !isSpace(text.charCodeAt(i))) i += 1;
    to = i;
    count += 1;
  }
  return { before: text.slice(from, start), after: text.slice(end, to) };
}

// Whitespace is in the Basic Multilingual Plane, so a boundary found by code unit never splits a pair.
function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
