// A study-scale corpus, generated deterministically: interviews with speaker turns, about
// 10,000 words each, so that 350 of them make the study's 3.5 million words.
export const VOCABULARY = (
  'the programme group work partner children time out respect listen change week talk angry calm ' +
  'family money friends safe safety afraid control responsibility worker facilitator honest hard ' +
  'better worse sometimes always never think feel felt said told home school park money phone ' +
  'because really just know mean like maybe before after started stopped learnt trying sparks ' +
  'argue arguing myself herself himself support court contact agreement change changed slowly'
).split(' ');

export function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

export interface GeneratedTranscript {
  fileName: string;
  paragraphs: string[];
  words: number;
}

export function generateTranscript(index: number, targetWords = 10_000): GeneratedTranscript {
  const rand = prng(index * 7919 + 17);
  const name = `P${String(Math.floor(index / 2) + 1).padStart(3, '0')}`;
  const wave = index % 2 === 0 ? 'T1' : 'T2';
  const paragraphs: string[] = [];
  let words = 0;
  let interviewer = true;
  while (words < targetWords) {
    const length = interviewer ? 8 + Math.floor(rand() * 20) : 20 + Math.floor(rand() * 90);
    const said: string[] = [];
    for (let i = 0; i < length; i += 1) said.push(VOCABULARY[Math.floor(rand() * VOCABULARY.length)]!);
    said[0] = said[0]!.charAt(0).toUpperCase() + said[0]!.slice(1);
    paragraphs.push(`${interviewer ? 'Interviewer' : name}: ${said.join(' ')}.`);
    words += length;
    interviewer = !interviewer;
  }
  return { fileName: `${name}_${wave}.docx`, paragraphs, words };
}

/**
 * A vocabulary as interviews have one, for the search bench: 30,000 words whose frequencies
 * fall off as Zipf's law says (the n-th word said about 1/n as often as the first), the study's
 * own words placed among them at the ranks they have in speech (police about the 800th word,
 * responsibility about the 1,500th). The generator above draws from 90 words, so every word of
 * it is in every other sentence: a worst case for a search, not a study.
 */
const STUDY_WORDS: [string, number][] = [
  ['police', 800],
  ['court', 900],
  ['responsibility', 1500],
  ['programme', 400],
  ['violence', 1200],
  ['afraid', 2000],
  ['respect', 1100],
  ['children', 300],
  ['listen', 700],
  ['changed', 600],
];

let zipf: { words: string[]; cumulative: Float64Array } | null = null;

function zipfVocabulary(): { words: string[]; cumulative: Float64Array } {
  if (zipf) return zipf;
  const rand = prng(2026);
  const syllables = [
    'ba',
    'ko',
    'ri',
    'sen',
    'ta',
    'lu',
    'mor',
    'di',
    'fe',
    'gan',
    'ho',
    'pi',
    'str',
    'wen',
    'ya',
    'el',
    'on',
    'ar',
    'ist',
    'ung',
  ];
  const words: string[] = [];
  const seen = new Set(STUDY_WORDS.map(([w]) => w));
  while (words.length < 30_000) {
    let w = '';
    // Up to four syllables of twenty: 168,420 possible words, room for 30,000 distinct ones.
    const n = 1 + Math.floor(rand() * 4);
    for (let i = 0; i < n; i += 1) w += syllables[Math.floor(rand() * syllables.length)];
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  for (const [w, rank] of STUDY_WORDS) words.splice(rank, 0, w);
  const cumulative = new Float64Array(words.length);
  let sum = 0;
  words.forEach((_, i) => {
    sum += 1 / (i + 1);
    cumulative[i] = sum;
  });
  for (let i = 0; i < cumulative.length; i += 1) cumulative[i]! /= sum;
  zipf = { words, cumulative };
  return zipf;
}

/** A transcript of about `targetWords` words drawn from the Zipf vocabulary, in speaker turns with sentences. */
export function generateZipfTranscript(index: number, targetWords = 10_000): GeneratedTranscript {
  const { words: vocabulary, cumulative } = zipfVocabulary();
  const rand = prng(index * 104_729 + 7);
  const draw = () => {
    const r = rand();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo]!;
  };
  const name = `Z${String(index + 1).padStart(3, '0')}`;
  const paragraphs: string[] = [];
  let words = 0;
  let interviewer = true;
  while (words < targetWords) {
    const sentences: string[] = [];
    const count = interviewer ? 1 : 1 + Math.floor(rand() * 5);
    for (let s = 0; s < count; s += 1) {
      const length = 5 + Math.floor(rand() * 15);
      const said = Array.from({ length }, draw);
      said[0] = said[0]!.charAt(0).toUpperCase() + said[0]!.slice(1);
      sentences.push(`${said.join(' ')}${interviewer ? '?' : '.'}`);
      words += length;
    }
    paragraphs.push(`${interviewer ? 'Interviewer' : name}: ${sentences.join(' ')}`);
    interviewer = !interviewer;
  }
  return { fileName: `${name}_T${(index % 2) + 1}.txt`, paragraphs, words };
}

/** The word of the Zipf vocabulary at `rank` (0: the most frequent). */
export function zipfWord(rank: number): string {
  return zipfVocabulary().words[rank]!;
}
