// Installs Electron's binary when it is missing, with Electron's own installer
// (node_modules/electron/install.js, as `npx install-electron` runs it), so that `npm start`
// opens the desktop window on any computer that can download it. The installer honours
// Electron's own environment variables (ELECTRON_MIRROR, ELECTRON_CUSTOM_DIR,
// electron_config_cache, ELECTRON_OVERRIDE_DIST_PATH, …): they pass through unchanged. Its
// output, progress bar included, goes to the terminal. When it fails, failureReason says why in
// one line, from what electron-install-hook.mjs recorded.
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { electronBinaryPath } from './electron-binary.mjs';

const HOOK = path.join(import.meta.dirname, 'electron-install-hook.mjs');

/** Electron's version as installed in node_modules (the one the installer downloads). */
export function electronVersion(projectDir) {
  try {
    return JSON.parse(readFileSync(path.join(projectDir, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

/**
 * Runs Electron's installer. Resolves to { ok: true } when it finished, or { ok: false, reason }
 * with the reason in one line (never rejects: a failed install means browser mode, not a crash).
 */
export async function installElectron({ projectDir, env = process.env, stdio = 'inherit' }) {
  const installer = path.join(projectDir, 'node_modules', 'electron', 'install.js');
  const dir = mkdtempSync(path.join(tmpdir(), 'mirabal-electron-install-'));
  const report = path.join(dir, 'report.txt');
  try {
    const { ELECTRON_RUN_AS_NODE: _ignored, ...rest } = env;
    const code = await new Promise((resolve) => {
      const child = spawn(process.execPath, ['--import', pathToFileURL(HOOK).href, installer], {
        cwd: projectDir,
        stdio,
        env: { ...rest, MIRABAL_ELECTRON_INSTALL_REPORT: report },
      });
      child.on('error', (error) => {
        appendFileSync(report, `error ${error.message}\n`);
        resolve(1);
      });
      child.on('exit', (status, signal) => resolve(signal ? 1 : (status ?? 1)));
    });
    if (code === 0) return { ok: true };
    let text = '';
    try {
      text = readFileSync(report, 'utf8');
    } catch {
      // the installer failed before the hook could write anything
    }
    return { ok: false, reason: failureReason(text, code) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Electron's executable, installing it first when it is missing; or why there is none, in one
 * line, for browser mode to say. `log` tells the researcher what is happening meanwhile.
 */
export async function findOrInstallElectron({ projectDir, env = process.env, stdio = 'inherit', log = console.log }) {
  const found = electronBinaryPath(projectDir, env);
  if (found) return { binary: found };
  if (env.ELECTRON_OVERRIDE_DIST_PATH)
    return { reason: `ELECTRON_OVERRIDE_DIST_PATH names ${env.ELECTRON_OVERRIDE_DIST_PATH}, which holds no Electron executable` };
  const version = electronVersion(projectDir);
  if (!version) return { reason: 'the electron package is not in node_modules (run npm install)' };
  log(`Electron ${version} is not installed yet: downloading it with Electron's own installer (about 100 MB, once)…`);
  const result = await installElectron({ projectDir, env, stdio });
  if (!result.ok) return { reason: result.reason };
  const binary = electronBinaryPath(projectDir, env);
  return binary ? { binary } : { reason: 'the installer finished, but no Electron executable is where it said' };
}

const NO_NETWORK = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'ENETDOWN']);
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET']);

/**
 * Why the installer failed, in one line, from its report (electron-install-hook.mjs): lines
 * "fetch-error CODE message" for each failed request, and "error …" for what it printed.
 */
export function failureReason(report, exitCode = 1) {
  const lines = report.split('\n');
  const fetchError = lines.find((l) => l.startsWith('fetch-error '));
  const printed = lines
    .filter((l) => l.startsWith('error '))
    .map((l) => l.slice(6))
    .join('\n');
  if (fetchError) {
    const [, code = '', ...words] = fetchError.split(' ');
    const detail = words.join(' ').trim();
    const host = /(?:ENOTFOUND|EAI_AGAIN)\s+(\S+)/.exec(detail)?.[1];
    if (NO_NETWORK.has(code))
      return `no network: ${host ? `${host} could not be looked up` : detail || code} (this computer is offline, or its DNS is blocked)`;
    if (UNREACHABLE.has(code))
      return `the download server could not be reached (${code}${detail ? `: ${detail}` : ''}); a firewall or proxy may be blocking it`;
    if (/certificate|CERT_|SELF_SIGNED/i.test(`${code} ${detail}`))
      return `the download server's certificate was refused (${detail || code}); a proxy that inspects HTTPS may be in the way`;
    return `the download failed (${[code, detail].filter(Boolean).join(': ')})`;
  }
  const http = /Response code (\d{3}) \(([^)]*)\) for (\S+)/.exec(printed);
  if (http) {
    const [, status, text] = http;
    if (status === '407') return `a proxy refused the download (407 ${text || 'Proxy Authentication Required'})`;
    return `the download server answered ${status}${text ? ` ${text}` : ''} for ${http[3]}`;
  }
  if (/did not match expected checksum|checksum/i.test(printed))
    return "the downloaded file's checksum did not match (a damaged download, or a mirror serving another file)";
  if (/ERR_REQUIRE_ESM|require\(\) of ES Module/.test(printed))
    return `this Node.js (${process.version}) cannot run Electron's installer; use Node.js 20.19 or later`;
  const first = printed
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l && !l.startsWith('at '));
  return first ? `the installer failed: ${first}` : `the installer exited with code ${exitCode}`;
}
