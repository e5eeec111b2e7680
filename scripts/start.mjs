// `npm start`: the desktop app. When Electron's binary is not installed yet, Electron's own
// installer downloads it first (electron-install.mjs); only when that fails does the same app
// start in browser mode on a local port, saying in one line what failed and how to retry. Flags: --port N (browser mode port,
// default 4173, 0 = any free port; or PORT=N in the environment) and --no-build (reuse
// existing build output). A busy port stops browser mode, saying what to do: it never
// moves to another port, whose origin would hold none of the researcher's projects.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { assertPortFree, otherPortWarning, parseStartArgs } from './browserMode.mjs';
import { findOrInstallElectron } from './electron-install.mjs';
import { PROJECT_DIR, buildRenderer, distIsBuilt, serveDist } from './serve.mjs';

/** Compiles electron/ with the TypeScript in node_modules (never npx: no network). */
function compileElectron() {
  const tsc = path.join(PROJECT_DIR, 'node_modules', 'typescript', 'bin', 'tsc');
  return run(process.execPath, [tsc, '-p', path.join(PROJECT_DIR, 'electron', 'tsconfig.json')]);
}

function run(command, args, env = process.env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: PROJECT_DIR, stdio: 'inherit', env });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} exited with ${signal ?? code}`)),
    );
  });
}

async function startElectron(binary, options) {
  const mainBuilt = existsSync(path.join(PROJECT_DIR, 'dist-electron', 'main.js'));
  if (options.build || !distIsBuilt() || !mainBuilt) {
    await buildRenderer();
    await compileElectron();
  }
  // ELECTRON_RUN_AS_NODE, if inherited, would make the binary behave as plain Node.
  const { ELECTRON_RUN_AS_NODE: _ignored, ...env } = process.env;
  const child = spawn(binary, [PROJECT_DIR], { cwd: PROJECT_DIR, stdio: 'inherit', env });
  child.on('exit', (code) => process.exit(code ?? 0));
}

async function startBrowser(options, reason) {
  console.log(`Electron could not be installed: ${reason}.`);
  console.log(
    'Starting the same app in browser mode instead. To try the desktop window again: npm start (or npx install-electron, then npm start).',
  );
  // Before the build: a busy port is said at once, not after a minute of building.
  await assertPortFree(options.port);
  if (options.chosen) console.warn(otherPortWarning(options.port));
  if (options.build || !distIsBuilt()) await buildRenderer();
  const server = await serveDist({ port: options.port });
  console.log(`Open ${server.url} in your browser.`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => void server.close().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

try {
  const options = parseStartArgs(process.argv.slice(2));
  const electron = await findOrInstallElectron({ projectDir: PROJECT_DIR });
  await (electron.binary ? startElectron(electron.binary, options) : startBrowser(options, electron.reason));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
