// Loaded into Electron's own installer (`node --import` this file node_modules/electron/install.js)
// by electron-install.mjs, to learn why a download failed: the installer prints only the error's
// stack, and for a network failure that is "TypeError: fetch failed", without its cause (no DNS,
// a refused connection). This records the cause of every failed fetch, and everything the
// installer prints as an error, in the file named by MIRABAL_ELECTRON_INSTALL_REPORT, instead of
// the terminal: `npm start` says what failed in one line (electron-install.mjs), not in a stack
// trace. The installer's progress bar still goes to the terminal.
import { appendFileSync } from 'node:fs';
import { format } from 'node:util';

const report = process.env.MIRABAL_ELECTRON_INSTALL_REPORT;
const note = (line) => {
  try {
    if (report) appendFileSync(report, `${line.replace(/\n/g, '\n ')}\n`);
  } catch {
    // a report that cannot be written only loses the explanation, never the install
  }
};

const originalFetch = globalThis.fetch;
if (typeof originalFetch === 'function') {
  globalThis.fetch = async (...args) => {
    try {
      return await originalFetch(...args);
    } catch (error) {
      const cause = error?.cause;
      note(`fetch-error ${cause?.code ?? error?.code ?? ''} ${cause?.message ?? error?.message ?? String(error)}`);
      throw error;
    }
  };
}

console.error = (...args) => note(`error ${format(...args)}`);
