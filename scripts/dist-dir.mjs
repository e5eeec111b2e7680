// `npm run dist:dir`: an unpacked app (release/<platform>-unpacked/) from this checkout, for
// developers who have Electron's binary: the one `npm start` installed into
// node_modules/electron/dist, or the folder ELECTRON_OVERRIDE_DIST_PATH names. electron-builder
// is told to use it (electronDist) instead of downloading Electron again. Installers for
// researchers are built by .github/workflows/release.yml.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { electronBinaryPath } from './electron-binary.mjs';
import { PROJECT_DIR } from './serve.mjs';

const binary = electronBinaryPath(PROJECT_DIR);
if (!binary) {
  console.error(
    "Electron's binary is not here: run `npm start` once with internet (it installs it), or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding it.",
  );
  process.exit(1);
}
const electronDist = process.env.ELECTRON_OVERRIDE_DIST_PATH
  ? path.resolve(process.env.ELECTRON_OVERRIDE_DIST_PATH)
  : path.join(PROJECT_DIR, 'node_modules', 'electron', 'dist');
const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: PROJECT_DIR, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run('npm', ['run', 'build']);
run('npx', ['electron-builder', '--dir', '--publish', 'never', `-c.electronDist=${electronDist}`]);
