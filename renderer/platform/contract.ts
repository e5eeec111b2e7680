// The renderer's entry to the one IPC contract. The definitions live in
// electron/contract.ts (pure types and constants, no imports) so that tsc can emit
// Electron's main to dist-electron/main.js; see the comment there.
export * from '../../electron/contract';
