// core/waves: Time 1 / Time 2: the wave matrix, roles, the change matrix, the paired reader, charts, exports.
// The entry file: views, store and other features import from here, never a file inside.
export * from './changeMatrix';
export * from './charts';
export * from './pairedReader';
export * from './rangeWords';
export * from './waveContext';
export * from './waveExport';
export * from './waveRoles';
export * from './waves';
export * from './compareFilters';
export * from './changeMatrixText';
export * from './stretches';
