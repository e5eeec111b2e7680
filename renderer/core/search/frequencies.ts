// Word frequencies: how often each word is said in the turns of the chosen speaker, in the
// transcripts the filters let through, with the words a search would find when it is clicked
// (the folded key, or the stem). Words are the tokenizer's, so a count and a search agree.
//
// Scale: a study is ~350 transcripts of ~10,000 words. Each transcript is tokenized once and
// every word costs one Map lookup and a character compare; spellings are sliced out of the text
// only for words not written as their key (capitals, accents, curly apostrophes), and stop
// words, short words and numbers are dropped per distinct word after counting, not per word.
import { liveParticipants, personOf } from '../quotes';
import type { ProjectSnapshot } from '../shared';
import { codedStretches, filteredSources, speakerUnits, type SearchFilter } from './filters';
import { stopWordSet } from './stopWords';
import { tokenize } from './tokens';
import type { Speaker } from './types';
import { stemOf } from './words';

export type FrequencyOptions = SearchFilter & {
  /** Whose turns count: the participant's (default), the interviewer's, or both. */
  speaker?: Speaker;
  /** Folded words left out (stopWordSet), matched before stems are grouped. Undefined: the default list; empty: none. */
  stopWords?: ReadonlySet<string>;
  /** Shortest word counted, in characters of the folded word. Default 3. */
  minLength?: number;
  /** 'words' (default): each folded word apart; 'stems': words with the same Porter stem together. */
  forms?: 'words' | 'stems';
  /** At most this many rows, the most frequent. Default: all. */
  limit?: number;
};

export interface WordCount {
  /** The most frequent spelling as written, lower-cased unless the word is always capitalised (names). */
  word: string;
  /**
   * The folded word (what a click searches), or with forms 'stems' the group's Porter stem: its
   * identity, for comparing two counts. A stem is not always a word the stemmer keeps as it is
   * (responsibility -> respons -> respon), so a click on a stem row searches `word` stemmed.
   */
  key: string;
  count: number;
  /** Transcripts, and distinct participants, it is said in. */
  transcripts: number;
  participants: number;
  /** Count per 1,000 words of the counted text (totalWords). */
  share: number;
}

/**
 * The rows and the size of the text they were counted in. `totalWords` is every word inside
 * the counted turns and passages, stop words, short words and numbers included, so a share
 * does not move when the stop list changes and "of 3,412 words counted" means words of text.
 */
export interface WordFrequencies {
  words: WordCount[];
  totalWords: number;
}

interface Tally {
  count: number;
  /** Occurrences written exactly as the key (plain lower case): most, kept without a slice. */
  plain: number;
  /** Every other spelling as written, with its count. */
  spellings: Map<string, number> | null;
  /** Ordinals of the transcripts it is said in, ascending (each pushed on first sight). */
  sources: number[];
}

const NUMBER = /^[\p{N}\p{M}']+$/u;
const collator = new Intl.Collator('en');

/** The spelling shown: the most frequent one lower-cased, or as written when no occurrence is in lower case. */
function spellingOf(key: string, t: Tally): string {
  let capitalised = t.plain === 0;
  if (capitalised) for (const raw of t.spellings!.keys()) if (raw.toLowerCase() === raw) capitalised = false;
  const forms = new Map<string, number>();
  if (t.plain > 0) forms.set(key, t.plain);
  for (const [raw, n] of t.spellings ?? []) {
    const form = capitalised ? raw : raw.toLowerCase();
    forms.set(form, (forms.get(form) ?? 0) + n);
  }
  let best = '';
  let most = 0;
  // Ties go to the first in code-unit order, so the same text always shows the same word.
  for (const [form, n] of forms) if (n > most || (n === most && form < best)) [best, most] = [form, n];
  return best;
}

const byCount = (a: WordCount, b: WordCount) =>
  b.count - a.count || collator.compare(a.word, b.word) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * How often each word is said: in the filtered transcripts (filteredSources), inside the turns
 * of `speaker` (speakerUnits), and inside / outside the passages coded with the filter's codes.
 * Stop words, words shorter than `minLength` and numbers are left out. Sorted by count, then word.
 */
export function wordFrequencies(project: ProjectSnapshot, options: FrequencyOptions = {}): WordFrequencies {
  const sources = filteredSources(project, options);
  const people = liveParticipants(project);
  const { inside, outside } = codedStretches(project, options);
  const tallies = new Map<string, Tally>();
  let totalWords = 0;
  for (let si = 0; si < sources.length; si += 1) {
    const source = sources[si]!;
    const text = source.text;
    const units = speakerUnits(source, options.speaker);
    if (units.length === 0) continue;
    const within = inside ? (inside.get(source.id) ?? []) : null;
    if (within && within.length === 0) continue;
    const without = outside.get(source.id) ?? [];
    const { starts, ends, keys } = tokenize(text);
    // Words, turns and passages are all in text order: one pointer each walks them together.
    let u = 0;
    let wi = 0;
    let wo = 0;
    for (let w = 0; w < keys.length; w += 1) {
      const start = starts[w]!;
      const end = ends[w]!;
      while (u < units.length && units[u]!.end < end) u += 1;
      if (u === units.length) break;
      if (units[u]!.start > start) continue;
      if (within) {
        while (wi < within.length && within[wi]!.end < end) wi += 1;
        if (wi === within.length) break;
        if (within[wi]!.start > start) continue;
      }
      while (wo < without.length && without[wo]!.end <= start) wo += 1;
      if (wo < without.length && without[wo]!.start < end) continue;
      totalWords += 1;
      const key = keys[w]!;
      let t = tallies.get(key);
      if (t === undefined) tallies.set(key, (t = { count: 0, plain: 0, spellings: null, sources: [] }));
      t.count += 1;
      if (t.sources[t.sources.length - 1] !== si) t.sources.push(si);
      // Written exactly as its key? Compared in place: no slice for the common case.
      if (end - start === key.length && text.startsWith(key, start)) t.plain += 1;
      else {
        const raw = text.slice(start, end);
        t.spellings ??= new Map();
        t.spellings.set(raw, (t.spellings.get(raw) ?? 0) + 1);
      }
    }
  }

  const stopWords = options.stopWords ?? stopWordSet(undefined);
  const minLength = options.minLength ?? 3;
  const participantOf = sources.map((s) => personOf(s, people)?.id);
  const row = (word: string, key: string, count: number, inSources: Iterable<number>): WordCount => {
    const ids = new Set<number>(inSources);
    const persons = new Set<string>();
    for (const si of ids) if (participantOf[si] !== undefined) persons.add(participantOf[si]!);
    return { word, key, count, transcripts: ids.size, participants: persons.size, share: (count * 1000) / totalWords };
  };

  const kept = [...tallies].filter(([key]) => !stopWords.has(key) && !NUMBER.test(key) && [...key].length >= minLength);
  let words: WordCount[];
  if (options.forms === 'stems') {
    const groups = new Map<string, [string, Tally][]>();
    for (const entry of kept) {
      const stem = stemOf(entry[0]);
      (groups.get(stem) ?? groups.set(stem, []).get(stem)!).push(entry);
    }
    words = [...groups].map(([stem, members]) => {
      // The word shown is the group's most frequent member (ties: the first key in code-unit order).
      let top = members[0]!;
      for (const m of members) if (m[1].count > top[1].count || (m[1].count === top[1].count && m[0] < top[0])) top = m;
      const count = members.reduce((sum, m) => sum + m[1].count, 0);
      return row(
        spellingOf(top[0], top[1]),
        stem,
        count,
        members.flatMap((m) => m[1].sources),
      );
    });
  } else {
    words = kept.map(([key, t]) => row(spellingOf(key, t), key, t.count, t.sources));
  }
  words.sort(byCount);
  if (options.limit !== undefined) words = words.slice(0, Math.max(0, options.limit));
  return { words, totalWords };
}

/** One word in two counts: "women at Time 2" (b) against "women at Time 1" (a). */
export interface FrequencyComparison {
  word: string;
  key: string;
  countA: number;
  countB: number;
  perThousandA: number;
  perThousandB: number;
  /** perThousandB / perThousandA, with 0.5 added to both counts (see compareFrequencies). */
  ratio: number;
}

/**
 * Every word of either count side by side, sorted by the size of the difference of the rates
 * per 1,000 words (largest first, then by word). Both must be counted with the same `forms`
 * and without `limit` (a word cut off one list would read as never said).
 */
export function compareFrequencies(a: WordFrequencies, b: WordFrequencies): FrequencyComparison[] {
  const byKey = new Map<string, { word: string; countA: number; countB: number }>();
  for (const w of a.words) byKey.set(w.key, { word: w.word, countA: w.count, countB: 0 });
  for (const w of b.words) {
    const seen = byKey.get(w.key);
    if (!seen) byKey.set(w.key, { word: w.word, countA: 0, countB: w.count });
    else {
      seen.countB = w.count;
      if (w.count > seen.countA) seen.word = w.word;
    }
  }
  const perThousand = (count: number, total: number) => (total > 0 ? (count * 1000) / total : 0);
  // A word never said on one side would divide by zero (or give a ratio of 0): 0.5 is added to
  // both counts, the usual continuity correction, so such a word gets a large but finite ratio.
  // An empty side (no words at all) is taken as one word long for the same reason.
  const rate = (count: number, total: number) => ((count + 0.5) * 1000) / Math.max(total, 1);
  const rows = [...byKey].map(([key, r]) => ({
    word: r.word,
    key,
    countA: r.countA,
    countB: r.countB,
    perThousandA: perThousand(r.countA, a.totalWords),
    perThousandB: perThousand(r.countB, b.totalWords),
    ratio: rate(r.countB, b.totalWords) / rate(r.countA, a.totalWords),
  }));
  const gap = (r: FrequencyComparison) => Math.abs(r.perThousandB - r.perThousandA);
  return rows.sort((x, y) => gap(y) - gap(x) || collator.compare(x.word, y.word) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}
