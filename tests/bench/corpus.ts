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
