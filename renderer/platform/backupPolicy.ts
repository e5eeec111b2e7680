// Backup names and rotation: shared with Electron's main, which prunes its folder by the same
// rule (the definitions live in electron/backupPolicy.ts for the reason contract.ts gives).
export * from '../../electron/backupPolicy';
