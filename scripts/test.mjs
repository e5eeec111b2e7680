// `npm test`: type check, lint, unit tests, a production build, then end-to-end tests in real
// Chromium. Ends with one line "N passed, N failed" counting every test (CI reads it).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureTools } from './ensure-tools.mjs';

const root = join(import.meta.dirname, '..');
const out = join(root, 'test-results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

let passed = 0;
let failed = 0;

function step(name, command, args) {
  console.log(`\n▶ ${name}`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  return r.status === 0;
}

function countVitest(file) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    return {
      passed: report.numPassedTests ?? 0,
      failed: (report.numFailedTests ?? 0) + (report.numTodoTests ?? 0) + (report.numPendingTests ?? 0),
    };
  } catch {
    return null;
  }
}

function vitest(project) {
  const file = join(out, `${project}.json`);
  const ok = step(`${project} tests`, 'npx', [
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ]);
  const counts = countVitest(file);
  if (!counts) {
    // A run that crashed before reporting counts as one failure, never as silence.
    failed += 1;
    return;
  }
  passed += counts.passed;
  failed += counts.failed;
  if (!ok && counts.failed === 0) failed += 1;
}

// The type check counts as one test: a type error fails the run.
// core and io also compile on their own without the DOM (tsconfig.core.json, tsconfig.io.json).
const typeChecks = ['tsconfig.json', 'tsconfig.core.json', 'tsconfig.io.json', 'electron/tsconfig.json'];
if (typeChecks.every((config) => step(`type check (${config})`, 'npx', ['tsc', '-p', config, '--noEmit']))) passed += 1;
else failed += 1;

// Lint (layers, hooks, TypeScript rules) and formatting count as one test, before the unit tests.
if (step('lint', 'npx', ['eslint', '.']) && step('format check', 'npx', ['prettier', '--check', '.', '--log-level', 'warn'])) passed += 1;
else failed += 1;

// Unit tests validate exports with xmllint, so the tools come first.
ensureTools();
vitest('unit');

if (step('build renderer', 'npx', ['vite', 'build', '--logLevel', 'warn'])) {
  // Electron's security checklist on what ships (the main process and the built renderer): one test.
  if (step('Electron security checklist (electronegativity, offline)', 'node', ['scripts/electronegativity.mjs'])) passed += 1;
  else failed += 1;
  vitest('e2e');
} else {
  failed += 1;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
