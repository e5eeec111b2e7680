// A word of the query made into a test on the words of a transcript: as written (its folded
// key), stemmed (Porter: listen, listens, listening), or a wildcard (resp*, wom?n). With
// "match case" or "match accents", a word matched as written is also checked against the text
// itself, so the index can look up the folded key and still honour the choice.
import { stemmer } from 'stemmer';
import { strictKey, termKey, type CaseOptions } from './tokens';
import type { SearchOptions, WordNode } from './types';

export interface WordTest {
  /** The single key every match has, when there is one (a plain word): a direct lookup. */
  key: string | null;
  /** Whether a word with this folded key can match (before the strict check). */
  matchesKey(key: string): boolean;
  /** The strict check on the word as written in the text, or null when there is none. */
  strict: ((raw: string) => boolean) | null;
}

const stems = new Map<string, string>();

/** The Porter stem of a folded key (cached: a corpus has tens of thousands of words, not millions). */
export function stemOf(key: string): string {
  let stem = stems.get(key);
  if (stem === undefined) {
    stem = stemmer(key);
    if (stems.size > 200_000) stems.clear();
    stems.set(key, stem);
  }
  return stem;
}

function wildcardPattern(word: string): RegExp {
  const body = [...word].map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[\\^$.+()[\]{}|/-]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 'su');
}

export function wordTest(node: WordNode, options: SearchOptions): WordTest {
  const strictOptions: CaseOptions = { matchCase: options.matchCase, matchAccents: options.matchAccents };
  const strictWanted = Boolean(options.matchCase || options.matchAccents);
  if (node.wildcard) {
    const loose = wildcardPattern(termKey(node.text));
    const exact = strictWanted ? wildcardPattern(strictKey(node.text, strictOptions)) : null;
    return {
      key: null,
      matchesKey: (key) => loose.test(key),
      strict: exact && ((raw) => exact.test(strictKey(raw, strictOptions))),
    };
  }
  const key = termKey(node.text);
  if (options.stem && !node.exact) {
    // A stemmed word matches every form of it: case and accents are not asked of it.
    const stem = stemOf(key);
    return { key: null, matchesKey: (k) => k === key || stemOf(k) === stem, strict: null };
  }
  const wanted = strictWanted ? strictKey(node.text, strictOptions) : null;
  return {
    key,
    matchesKey: (k) => k === key,
    strict: wanted === null ? null : (raw) => strictKey(raw, strictOptions) === wanted,
  };
}
