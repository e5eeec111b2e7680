// core/search: full-text search over the transcripts. The query language (query.ts), the
// reference scan (searchText.ts) and the positional index (searchIndex.ts) that must give the
// same hits, the filters shared with the other tabs (filters.ts), and safe regular expressions
// (regex.ts). The search worker (store/searchWorker.ts) only hosts the index.
export * from './types';
export * from './query';
export * from './tokens';
export * from './filters';
export * from './searchText';
export * from './searchIndex';
export * from './indexCodec';
export { compileQuery } from './compile';
export * from './corpus';
export * from './kwic';
export * from './foundHits';
export * from './summary';
export * from './autocode';
export * from './frequencies';
export * from './stopWords';
export * from './wordCloud';
