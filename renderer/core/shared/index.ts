// core/shared: The model every feature shares, the undoable change records, errors and name rules.
// The entry file: views, store and other features import from here, never a file inside.
export * from './changes';
export * from './errors';
export * from './model';
export * from './names';
export * from './ranges';
export * from './storedSize';
export * from './surveyModel';
