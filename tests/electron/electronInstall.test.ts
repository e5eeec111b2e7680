// `npm start` installs Electron's binary with Electron's own installer when it is missing
// (scripts/electron-install.mjs). Run for real here: the real install.js and @electron/get,
// downloading from mirrors this test controls (a closed port, a name that never resolves, a
// local server), in a copy of the electron package so the project's node_modules is untouched.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closedPort } from '../fixtures/closedPort';
import { failureReason, findOrInstallElectron, installElectron } from '../../scripts/electron-install.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
const ZIP = `electron-v${VERSION}-${process.platform}-${process.arch}.zip`;

let project = '';
let cache = '';
beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'mirabal-electron-install-'));
  cache = join(project, 'cache');
  const pkg = join(project, 'node_modules', 'electron');
  mkdirSync(pkg, { recursive: true });
  for (const file of ['package.json', 'install.js', 'index.js', 'cli.js', 'checksums.json'])
    cpSync(join(ROOT, 'node_modules', 'electron', file), join(pkg, file));
  // Its dependencies, as npm would have placed them beside it.
  for (const scope of ['@electron', '@electron-internal'])
    symlinkSync(join(ROOT, 'node_modules', scope), join(project, 'node_modules', scope), 'dir');
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

/** The environment of a researcher's shell, with the download pointed at `mirror`. */
const envWith = (mirror: string, extra: Record<string, string> = {}) => ({
  ...process.env,
  ELECTRON_MIRROR: mirror,
  electron_config_cache: cache,
  ELECTRON_GET_NO_PROGRESS: '1',
  ...extra,
});

/** A mirror serving a stand-in Electron: a shell script that writes its arguments to a file. */
async function mirror(): Promise<{ url: string; server: Server; zipSha: string }> {
  const script = '#!/bin/sh\nprintf "%s\\n" "$@" > "$(dirname "$0")/ran-with.txt"\n';
  const zip = zipSync({
    electron: [new TextEncoder().encode(script), { os: 3, attrs: 0o100755 << 16 }],
    version: new TextEncoder().encode(`v${VERSION}`),
  });
  const zipSha = createHash('sha256').update(zip).digest('hex');
  const server = createServer((req, res) => {
    if (req.url === `/v${VERSION}/${ZIP}`) res.end(zip);
    else if (req.url === `/v${VERSION}/SHASUMS256.txt`) res.end(`${zipSha} *${ZIP}\n`);
    else res.writeHead(404, 'Not Found').end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`, server, zipSha };
}

describe('installing Electron for npm start', () => {
  it('names a name that does not resolve as no network', async () => {
    const result = await installElectron({ projectDir: project, env: envWith('http://electron-mirror.invalid/'), stdio: 'ignore' });
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/^no network: electron-mirror.invalid could not be looked up/) });
  }, 60_000);

  it('names a refused connection, and installs nothing', async () => {
    const result = await installElectron({ projectDir: project, env: envWith(`http://127.0.0.1:${await closedPort()}/`), stdio: 'ignore' });
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/could not be reached \(ECONNREFUSED/) });
    expect(existsSync(join(project, 'node_modules', 'electron', 'path.txt'))).toBe(false);
  }, 60_000);

  it('refuses a download whose checksum is not the one Electron published', async () => {
    const { url, server } = await mirror();
    try {
      // The stand-in zip is not Electron's: the checksums shipped in the electron package refuse it.
      const result = await findOrInstallElectron({ projectDir: project, env: envWith(url), stdio: 'ignore', log: () => {} });
      expect(result).toEqual({ reason: expect.stringMatching(/checksum did not match/) });
    } finally {
      server.close();
    }
  }, 60_000);

  it('names a server that answers with an error status', async () => {
    const { url, server } = await mirror();
    try {
      const result = await installElectron({ projectDir: project, env: envWith(`${url}missing/`), stdio: 'ignore' });
      expect(result).toEqual({ ok: false, reason: expect.stringMatching(/answered 404/) });
    } finally {
      server.close();
    }
  }, 60_000);

  it.runIf(process.platform === 'linux')(
    'downloads, checks and unpacks Electron, then finds it to start',
    async () => {
      const { url, server } = await mirror();
      const said: string[] = [];
      try {
        const env = envWith(url, { electron_use_remote_checksums: '1' });
        const result = await findOrInstallElectron({ projectDir: project, env, stdio: 'ignore', log: (l) => said.push(l) });
        const binary = join(project, 'node_modules', 'electron', 'dist', 'electron');
        expect(result).toEqual({ binary });
        expect(said.join('\n')).toMatch(new RegExp(`Electron ${VERSION.replace(/\./g, '\\.')} is not installed yet: downloading`));
        expect(readFileSync(join(project, 'node_modules', 'electron', 'path.txt'), 'utf8')).toBe('electron');
        // What it unpacked runs; a second start finds it without downloading again.
        expect(spawnSync(binary, ['--a', 'b']).status).toBe(0);
        expect(readFileSync(join(project, 'node_modules', 'electron', 'dist', 'ran-with.txt'), 'utf8')).toBe('--a\nb\n');
        server.close();
        expect(await findOrInstallElectron({ projectDir: project, env, stdio: 'ignore', log: (l) => said.push(l) })).toEqual({ binary });
        expect(said).toHaveLength(1);
      } finally {
        server.close();
      }
    },
    60_000,
  );

  it('does not download when ELECTRON_OVERRIDE_DIST_PATH names a folder without Electron', async () => {
    const result = await findOrInstallElectron({
      projectDir: project,
      env: envWith('http://electron-mirror.invalid/', { ELECTRON_OVERRIDE_DIST_PATH: join(project, 'nowhere') }),
      log: () => {},
    });
    expect(result.reason).toMatch(/ELECTRON_OVERRIDE_DIST_PATH names .*nowhere, which holds no Electron executable/);
  });
});

describe('failureReason', () => {
  it('says each failure in one line', () => {
    const cases: [string, RegExp][] = [
      ['fetch-error EAI_AGAIN getaddrinfo EAI_AGAIN github.com', /^no network: github.com could not be looked up/],
      ['fetch-error ETIMEDOUT connect ETIMEDOUT 140.82.121.4:443', /could not be reached \(ETIMEDOUT.*firewall or proxy/],
      ['fetch-error UNABLE_TO_VERIFY_LEAF_SIGNATURE unable to verify the first certificate', /certificate was refused/],
      [
        'error HTTPError: Response code 407 (Proxy Authentication Required) for https://x/y.zip\n    at f',
        /^a proxy refused the download \(407/,
      ],
      ['error Error: Generated checksum for "electron.zip" did not match expected checksum.', /checksum did not match/],
      ['error Error [ERR_REQUIRE_ESM]: require() of ES Module', /cannot run Electron's installer; use Node.js 20.19 or later/],
      ["error Error: EACCES: permission denied, mkdir '/x'\n    at y", /^the installer failed: Error: EACCES: permission denied/],
      ['', /^the installer exited with code 1$/],
    ];
    for (const [report, reason] of cases) {
      expect(failureReason(report)).toMatch(reason);
      expect(failureReason(report)).not.toContain('\n');
    }
  });
});
