// core/coding: Coding a transcript: apply, resize, memo, snap to words, retrieve, who is coding.
// The entry file: views, store and other features import from here, never a file inside.
export * from './coderIdentity';
export * from './codingOps';
export * from './retrieval';
export * from './snap';
export * from './createAndApply';
