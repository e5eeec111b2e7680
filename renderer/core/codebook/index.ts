// core/codebook: The codebook: files, the tree and its operations, merges of codebooks, counts and colours.
// The entry file: views, store and other features import from here, never a file inside.
export * from './codeStats';
export * from './codebook';
export * from './codebookMerge';
export * from './codebookOps';
export * from './colours';
