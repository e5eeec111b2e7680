// The text filter: every term must occur in the passage, compared folded (see fold.ts), so
// "cafe" finds "Café", "i'm" finds "I’m", and a typed “quoted phrase” (smart quotes included,
// as a Mac keyboard types them) is one term whose words may be apart by any whitespace.
import { fold } from './fold';

export interface Term {
  /** What the folded passage must contain: a word, or a phrase as a pattern. */
  folded: string | RegExp;
  /**
   * The same test on a passage of ASCII only, whose folded form is its lower case: a
   * case-insensitive pattern, so the passage need not be copied; null when the term holds a
   * letter no ASCII text folds to. At ten times the study a query tests 300,000 passages.
   */
  ascii: RegExp | null;
}

const escape = (word: string) => word.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
const NOT_ASCII = /[^\x00-\x7f]/;

/** The terms of a query, folded; [] when there is nothing to look for. */
export function searchTerms(text: string | undefined): Term[] {
  if (!text) return [];
  const terms: Term[] = [];
  // A quote left open runs to the end, rather than turning into a term with a stray '"'.
  for (const m of fold(text).matchAll(/"([^"]*)(?:"|$)|([^\s"]+)/g)) {
    const words = (m[1] ?? m[2] ?? '').split(/\s+/).filter((w) => w !== '');
    if (words.length === 0) continue;
    // A pattern only for a phrase: a line break or double space in the transcript must not hide it.
    const pattern = words.map(escape).join(String.raw`\s+`);
    terms.push({
      folded: words.length === 1 ? words[0]! : new RegExp(pattern),
      ascii: NOT_ASCII.test(pattern) ? null : new RegExp(pattern, 'i'),
    });
  }
  // Longest first: a passage without the rarer word fails at the first test, and a long
  // pattern is found or ruled out faster (the engine skips ahead by its length).
  return terms.sort((a, b) => patternText(b).length - patternText(a).length);
}

const patternText = (t: Term) => (typeof t.folded === 'string' ? t.folded : t.folded.source);

/**
 * Whether the passage holds every term, compared folded. `asciiOnly`: the caller knows the
 * passage has no character beyond ASCII (its whole text has none), so it is not scanned again.
 */
export function containsAll(passage: string, terms: readonly Term[], asciiOnly = false): boolean {
  if (terms.length === 0) return true;
  // A term whose case-insensitive ASCII pattern matches the passage as written matches it
  // folded too: folding leaves ASCII characters where they are, lower-cased, and puts nothing
  // between two of them. Most passages that match are settled here, unscanned for accents.
  let matched = 0;
  while (matched < terms.length && terms[matched]!.ascii?.test(passage)) matched += 1;
  if (matched === terms.length) return true;
  // For a passage of ASCII only the pattern's answer is the folded answer.
  if (asciiOnly || !NOT_ASCII.test(passage)) return false;
  const folded = fold(passage);
  return terms.slice(matched).every((t) => (typeof t.folded === 'string' ? folded.includes(t.folded) : t.folded.test(folded)));
}

/**
 * Whether a transcript's text is ASCII only, worked out once per transcript record (records
 * are replaced, never changed): at ten times the study a word filter found no match in 250,000
 * passages, and scanning each of them again for accents was a tenth of the query (measured).
 */
const asciiTexts = new WeakMap<object, boolean>();
export function textIsAscii(source: { text: string }): boolean {
  let known = asciiTexts.get(source);
  if (known === undefined) asciiTexts.set(source, (known = !NOT_ASCII.test(source.text)));
  return known;
}
