// core/backups: when automatic backups are taken. (Their names and rotation are shared with
// Electron's main, in electron/backupPolicy.ts.)
// The entry file: views, store and other features import from here, never a file inside.
export * from './schedule';
