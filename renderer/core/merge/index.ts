// core/merge: Bringing another coder's .qdpx into a project, and what a .qdpx leaves behind.
// The entry file: views, store and other features import from here, never a file inside.
export * from './exportLeftBehind';
export * from './importPreview';
export * from './mergeCodes';
export * from './mergeKeys';
export * from './mergeMemos';
export * from './mergeSources';
export * from './projectMerge';
