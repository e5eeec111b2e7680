// Finds Electron's binary on disk WITHOUT require('electron'): that package's
// index.js tries to download the binary when it is missing, which cannot work
// offline. We read the same files it reads: node_modules/electron/path.txt names
// the executable relative to node_modules/electron/dist/.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * @param {string} projectDir the folder holding node_modules/
 * @param {Record<string, string | undefined>} [env] honours ELECTRON_OVERRIDE_DIST_PATH like electron's index.js
 * @returns {string | null} absolute path of the executable, or null when it is not installed
 */
export function electronBinaryPath(projectDir, env = process.env) {
  const pkgDir = path.join(projectDir, 'node_modules', 'electron');
  let relative = '';
  try {
    relative = readFileSync(path.join(pkgDir, 'path.txt'), 'utf8').trim();
  } catch {
    // no path.txt: the postinstall download never ran
  }
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!relative && !override) return null;
  const distDir = override ? path.resolve(override) : path.join(pkgDir, 'dist');
  const binary = path.resolve(distDir, relative || 'electron');
  // path.txt is data on disk: do not let it point outside the dist folder.
  if (!binary.startsWith(distDir + path.sep)) return null;
  try {
    return statSync(binary).isFile() ? binary : null;
  } catch {
    return null;
  }
}
