// core/transcripts: Transcripts coming in: speaker turns, titles, file names, the import batch, display turns.
// The entry file: views, store and other features import from here, never a file inside.
export * from './batch';
export * from './filenames';
export * from './officeText';
export * from './pdfLayout';
export * from './sections';
export * from './segments';
export * from './transcriptTitle';
export * from './turns';
