// core/media: Transcripts beside their recordings: timestamps written in the text, the researcher's sync points, and the mapping between places in the text and moments of the audio or video.
// The entry file: views, store and other features import from here, never a file inside.
export * from './clock';
export * from './mapping';
export type { SpokenWords } from './spokenWords';
export * from './syncPoints';
export * from './timeline';
export * from './timestamps';
export * from './recording';
