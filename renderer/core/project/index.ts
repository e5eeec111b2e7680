// core/project: A project's set-up: waves, roles, sets, participants and their attributes, the classification sheet,
// and purging (a participant who withdrew consent, a transcript deleted for ever).
// The entry file: views, store and other features import from here, never a file inside.
export * from './classificationSheet';
export * from './setup';
export * from './purge';
export * from './sets';
