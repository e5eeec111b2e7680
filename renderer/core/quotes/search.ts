// The text filter: every term must occur in the passage, compared folded (see fold.ts), so
// "cafe" finds "Café", "i'm" finds "I’m", and a typed “quoted phrase” (smart quotes included,
// as a Mac keyboard types them) is one term whose words may be apart by any whitespace.
import { fold } from './fold';

export type Term = string | RegExp;

/** The terms of a query, folded; [] when there is nothing to look for. */
export function searchTerms(text: string | undefined): Term[] {
  if (!text) return [];
  const terms: Term[] = [];
  // A quote left open runs to the end, rather than turning into a term with a stray '"'.
  for (const m of fold(text).matchAll(/"([^"]*)(?:"|$)|([^\s"]+)/g)) {
    const words = (m[1] ?? m[2] ?? '').split(/\s+/).filter((w) => w !== '');
    if (words.length === 1) terms.push(words[0]!);
    // A regex only for a phrase: a line break or double space in the transcript must not hide it.
    else if (words.length > 1) terms.push(new RegExp(words.map((w) => w.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')).join(String.raw`\s+`)));
  }
  return terms;
}

export function containsAll(passage: string, terms: readonly Term[]): boolean {
  if (terms.length === 0) return true;
  const folded = fold(passage);
  return terms.every((t) => (typeof t === 'string' ? folded.includes(t) : t.test(folded)));
}
