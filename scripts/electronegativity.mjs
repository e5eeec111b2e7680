// Electron's security checklist, checked by Doyensec's electronegativity on what ships: the main
// process (electron/), the built renderer (dist/) and package.json (the Electron version). Part
// of `npm test`: it fails on any finding above LOW that is not accepted below, with its reason.
//
// Offline: electronegativity would fetch translations and Electron's release list. The release
// check is skipped (-x), and offline.mjs makes every connection fail at once, so nothing leaves
// the machine and nothing waits for a timeout.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');

/** Findings judged and accepted: each names the check, the file and why it is no risk. */
export const ACCEPTED = [
  {
    check: 'DANGEROUS_FUNCTIONS_JS_CHECK',
    file: /^dist\/assets\/exceljs\.min-[\w-]+\.js$/,
    why:
      "exceljs's bundled setImmediate polyfill calls Function(''+callback) when given a string, which the app never does; " +
      "the page's Content-Security-Policy has no 'unsafe-eval', so Function() is refused anyway",
  },
];

const FINDING = /^([A-Z_]+),"([A-Z]+)","([A-Z]+)","([^"]*)","([^"]*)"/;

/** The findings of electronegativity's CSV report (a sample may span lines: only rows are read). */
export function parseReport(csv) {
  return csv
    .split('\n')
    .map((line) => FINDING.exec(line))
    .filter((m) => m !== null)
    .map(([, check, severity, confidence, file, location]) => ({ check, severity, confidence, file, location }));
}

const ABOVE_LOW = new Set(['MEDIUM', 'HIGH', 'CRITICAL']);

/** Findings above LOW that no entry of ACCEPTED covers: each fails the check. */
export function unaccepted(findings) {
  return findings.filter((f) => ABOVE_LOW.has(f.severity) && !ACCEPTED.some((a) => a.check === f.check && a.file.test(f.file)));
}

/** Runs electronegativity offline on `input` (a folder) and returns its findings. */
export function scan(input, electronVersion) {
  const require = createRequire(import.meta.url);
  const cli = join(require.resolve('@doyensec/electronegativity/package.json'), '..', 'dist', 'index.js');
  const work = mkdtempSync(join(tmpdir(), 'mirabal-electronegativity-'));
  try {
    const report = join(work, 'report.csv');
    const args = ['--import', pathToFileURL(join(import.meta.dirname, 'offline.mjs')).href, cli, '-i', input, '-r', '-e', electronVersion];
    args.push('-x', 'AvailableSecurityFixesGlobalCheck', '-o', report);
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, LANG: 'en-US' } });
    if (r.status !== 0) throw new Error(`electronegativity did not run (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
    return parseReport(readFileSync(report, 'utf8'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function run() {
  const electron = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const work = mkdtempSync(join(tmpdir(), 'mirabal-app-'));
  try {
    // What ships, without source maps (they repeat the sources, and the findings with them).
    cpSync(join(root, 'electron'), join(work, 'electron'), { recursive: true });
    cpSync(join(root, 'dist'), join(work, 'dist'), { recursive: true, filter: (src) => !src.endsWith('.map') });
    cpSync(join(root, 'package.json'), join(work, 'package.json'));
    const findings = scan(work, electron);
    const open = unaccepted(findings);
    for (const f of findings) {
      const verdict = open.includes(f) ? 'FAILS' : ABOVE_LOW.has(f.severity) ? 'accepted' : 'noted';
      console.log(`${verdict.padEnd(8)} ${f.severity} ${f.check} ${f.file}:${f.location}`);
    }
    const accepted = findings.filter((f) => ABOVE_LOW.has(f.severity)).length - open.length;
    console.log(
      open.length === 0
        ? `Electron security checklist: nothing above LOW (${accepted} accepted, each with its reason in scripts/electronegativity.mjs).`
        : `Electron security checklist: ${open.length} finding(s) above LOW; see https://github.com/doyensec/electronegativity/wiki.`,
    );
    return open.length === 0 ? 0 : 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === import.meta.filename) process.exit(run());
