// core/analysis: across codes and cases (issue 20): code co-occurrence, the matrix query, the code
// overview per transcript, saturation; and the triangulation of linked accounts.
// The entry file: views, store and other features import from here, never a file inside.
export * from './cooccurrence';
export * from './matrixQuery';
export * from './codeOverview';
export * from './saturation';
export * from './informants';
export * from './filters';
export type { SourceFilter, StretchOptions } from './scope';
export { topLevelCodeIds } from './scope';
export * from './saturationChart';
export * from './cooccurrenceDisplay';
export * from './triangulationTable';
export * from './heatScale';
export * from './matrixTable';
export * from './overviewTable';
