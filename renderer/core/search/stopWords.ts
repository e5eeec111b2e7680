// Stop words: the small words a frequency list and a word cloud leave out so that what people
// talked about shows (the, and, was). The default is the English list of the `stopword` package
// (108 words: function words only). stopwords-iso's English list was rejected: its 1,298 words
// drop "work", "help", "home", "need", "think", "know", "young", "years", which are the themes
// of interviews, not noise. The package has no contractions, and the tokenizer keeps "don't" one
// word, so the contractions of its words are added (CONTRACTIONS); a project edits the whole.
//
// `import { eng }` keeps the bundle to English: the bundler takes the package's ES module
// (its `module`/`browser` field) and drops the other 61 languages' arrays as unused.
import { eng } from 'stopword';
import { termKey } from './tokens';

function folded(words: readonly string[]): string[] {
  // Folded as the tokenizer folds, so a listed word matches every spelling of it in the text
  // (Don’t, DON'T); blank entries of a hand-edited list are dropped, repeats kept once.
  const out = new Set<string>();
  for (const word of words) {
    const key = termKey(word.trim());
    if (key !== '') out.add(key);
  }
  return [...out];
}

/** Contractions of the list's own words (it has "do", "not", "it", "is"): as common, as empty. */
const CONTRACTIONS = [
  "don't",
  "doesn't",
  "didn't",
  "isn't",
  "wasn't",
  "weren't",
  "aren't",
  "haven't",
  "hasn't",
  "hadn't",
  "can't",
  "couldn't",
  "won't",
  "wouldn't",
  "shouldn't",
  "i'm",
  "i've",
  "i'd",
  "i'll",
  "you're",
  "you've",
  "you'd",
  "you'll",
  "he's",
  "he'd",
  "he'll",
  "she's",
  "she'd",
  "she'll",
  "it's",
  "we're",
  "we've",
  "we'd",
  "we'll",
  "they're",
  "they've",
  "they'd",
  "they'll",
  "that's",
  "there's",
  "what's",
  "let's",
];

/** The default English stop words, folded with termKey (lower case, no accents, straight apostrophes), without repeats. */
export const DEFAULT_STOP_WORDS: readonly string[] = Object.freeze(folded([...eng, ...CONTRACTIONS]));

/**
 * The stop words in force, folded: the project's own list when it has one, which replaces the
 * default (it is not added to it, so a researcher can take a default word back); the default
 * list when `projectList` is undefined. An empty array means "no stop words": every word counts.
 */
export function stopWordSet(projectList: readonly string[] | undefined): Set<string> {
  return new Set(projectList === undefined ? DEFAULT_STOP_WORDS : folded(projectList));
}
