// Codings for the fictional sample study (see sampleStudy.ts), made against the study's default
// codebook (codebook/default-codebook.json). Coder Ana codes all twelve transcripts; coder Ben
// independently double-codes four of them (Dale_T1, Dale_T2, Leanne_T2, Marcus_T2), so that an
// inter-coder agreement check has something to show. Ben mostly agrees with Ana, but not
// identically: some boundaries differ by a sentence, each applies a few codes the other does
// not, and three passages get a different code from each of them:
//   - Dale_T1 "I'm the one working six days a week..."   Ana: Entitlement / Ben: Protector, provider
//   - Leanne_T2 "I still text him when I'm leaving..."    Ana: Expanded space / Ben: Feeling safe
//   - Marcus_T2 "I'd stopped going through her Facebook"  Ana: Harassment / Ben: Prevents contact
//
// `code` is a codebook path joined by ' / '. `quote` is an exact substring of the transcript that
// occurs exactly once in it. Codings overlap (two codes on the same text) and nest (a child code
// on a short quote inside a longer passage). One quote (Ellie_T1, the safety ladder) deliberately
// spans the interviewer's question and the child's answer, so it contains the newline and label.
import { ANA_DALE_LEANNE_ELLIE } from './sampleCodingsAnaDaleLeanneEllie';
import { ANA_MARCUS_PRIYA_RUTH } from './sampleCodingsAnaMarcusPriyaRuth';
import { BEN } from './sampleCodingsBen';
import type { SampleCoding } from './sampleCodingRows';

export type { SampleCoding } from './sampleCodingRows';

export const SAMPLE_CODERS = [
  { key: 'ana', name: 'Ana (coder A)', colour: '#2f6db5' },
  { key: 'ben', name: 'Ben (coder B)', colour: '#b5512f' },
] as const;

/** Ana codes all twelve transcripts; Ben double-codes four. */
export const SAMPLE_CODINGS: SampleCoding[] = [...ANA_DALE_LEANNE_ELLIE, ...ANA_MARCUS_PRIYA_RUTH, ...BEN];
