// `npm start` end to end (scripts/start.mjs), with the renderer built: on this machine Electron's
// download fails for real and browser mode starts, saying why in one line and how to retry; with
// ELECTRON_OVERRIDE_DIST_PATH at a stand-in executable, that executable is started with the
// project folder and the researcher's environment (less ELECTRON_RUN_AS_NODE).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closedPort } from '../fixtures/closedPort';
import { electronBinaryPath } from '../../scripts/electron-binary.mjs';
import { PROJECT_DIR } from '../../scripts/serve.mjs';
import { CHROMIUM_ARGS, screenshot } from './harness';

const dir = mkdtempSync(join(tmpdir(), 'mirabal-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `node scripts/start.mjs`: its output so far, a wait for a line, and its exit. */
function start(env: Record<string, string>) {
  const child = spawn(process.execPath, [join(PROJECT_DIR, 'scripts', 'start.mjs'), '--no-build', '--port', '0'], {
    cwd: PROJECT_DIR,
    env: { ...process.env, PORT: '', ...env },
  });
  let output = '';
  const waiters: (() => void)[] = [];
  const seen = (d: Buffer) => {
    output += d.toString();
    for (const w of waiters.splice(0)) w();
  };
  child.stdout.on('data', seen);
  child.stderr.on('data', seen);
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = async (pattern: RegExp): Promise<RegExpExecArray> => {
    for (;;) {
      const match = pattern.exec(output);
      if (match) return match;
      if (child.exitCode !== null) throw new Error(`start.mjs ended without ${pattern}:\n${output}`);
      await Promise.race([new Promise<void>((resolve) => waiters.push(resolve)), exit]);
    }
  };
  return { child, output: () => output, waitFor, exit };
}

describe('npm start', () => {
  // Where Electron is installed (a developer's computer), npm start would rightly open it.
  it.runIf(electronBinaryPath(PROJECT_DIR) === null)(
    'falls back to browser mode when the download fails, naming the failure and how to retry',
    async () => {
      const run = start({ ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/`, electron_config_cache: join(dir, 'cache') });
      try {
        const url = (await run.waitFor(/Open (http:\/\/127\.0\.0\.1:\d+\/) in your browser/))[1]!;
        const output = run.output();
        expect(output).toMatch(/downloading it with Electron's own installer/);
        expect(output).toMatch(/Electron could not be installed: the download server could not be reached \(ECONNREFUSED/);
        expect(output).toMatch(/To try the desktop window again: npm start \(or npx install-electron, then npm start\)/);
        expect(output).not.toMatch(/TypeError|at async/); // one line, not a stack trace
        // The app answers at the address given, in browser mode.
        const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
        try {
          const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
          await page.goto(url);
          await page.getByRole('button', { name: 'Open sample project' }).waitFor();
          await screenshot(page, 'browser-mode-after-failed-download');
        } finally {
          await browser.close();
        }
      } finally {
        run.child.kill('SIGTERM');
        await run.exit;
      }
    },
    120_000,
  );

  it('starts the executable ELECTRON_OVERRIDE_DIST_PATH names, with the project and the environment', async () => {
    // The main process built beforehand, so start.mjs does not rebuild the renderer other tests serve.
    const tsc = spawnSync(process.execPath, [
      join(PROJECT_DIR, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      join(PROJECT_DIR, 'electron', 'tsconfig.json'),
    ]);
    expect(tsc.status).toBe(0);
    const standIn = join(dir, 'electron');
    writeFileSync(standIn, `#!/bin/sh\nprintf "%s\\n" "$@" > "${dir}/args.txt"\nenv > "${dir}/env.txt"\nexit 0\n`);
    chmodSync(standIn, 0o755);
    const run = start({ ELECTRON_OVERRIDE_DIST_PATH: dir, ELECTRON_RUN_AS_NODE: '1', ELECTRON_MIRROR: 'http://mirror.example/' });
    expect(await run.exit).toBe(0);
    expect(run.output()).not.toMatch(/browser mode|downloading/);
    expect(readFileSync(join(dir, 'args.txt'), 'utf8')).toBe(`${PROJECT_DIR}\n`);
    const env = readFileSync(join(dir, 'env.txt'), 'utf8');
    expect(env).not.toMatch(/^ELECTRON_RUN_AS_NODE=/m);
    expect(env).toMatch(/^ELECTRON_MIRROR=http:\/\/mirror\.example\/$/m);
  }, 120_000);
});
