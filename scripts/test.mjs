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
/** What failed, by name: printed again just above the last line, where a CI log's tail shows it. */
const failures = [];

function step(name, command, args) {
  console.log(`\n▶ ${name}`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  return r.status === 0;
}

function countVitest(file) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    const names = (report.testResults ?? []).flatMap((suite) => [
      ...(suite.assertionResults ?? [])
        .filter((t) => t.status !== 'passed')
        .map(
          (t) => `${suite.name.replace(root, '.')} > ${t.fullName} (${t.status}): ${(t.failureMessages ?? []).join(' ').split('\n')[0]}`,
        ),
      ...(suite.status === 'failed' && (suite.assertionResults ?? []).length === 0
        ? [`${suite.name.replace(root, '.')}: ${suite.message ?? 'failed to run'}`]
        : []),
    ]);
    return {
      passed: report.numPassedTests ?? 0,
      failed: (report.numFailedTests ?? 0) + (report.numTodoTests ?? 0) + (report.numPendingTests ?? 0),
      names,
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
    failures.push(`${project} tests: crashed before reporting`);
    return;
  }
  passed += counts.passed;
  failed += counts.failed;
  failures.push(...counts.names);
  if (!ok && counts.failed === 0) {
    failed += 1;
    failures.push(`${project} tests: exited with an error, no test failed (a suite that did not load?)`);
  }
}

/** A step that counts as one test. */
function check(name, ok) {
  if (ok) passed += 1;
  else {
    failed += 1;
    failures.push(name);
  }
}

// The type check counts as one test: a type error fails the run.
// core and io also compile on their own without the DOM (tsconfig.core.json, tsconfig.io.json).
const typeChecks = ['tsconfig.json', 'tsconfig.core.json', 'tsconfig.io.json', 'electron/tsconfig.json'];
check(
  'type check',
  typeChecks.every((config) => step(`type check (${config})`, 'npx', ['tsc', '-p', config, '--noEmit'])),
);

// Lint (layers, hooks, TypeScript rules) and formatting count as one test, before the unit tests.
check(
  'lint and format',
  step('lint', 'npx', ['eslint', '.']) && step('format check', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']),
);

// Unit tests validate exports with xmllint, so the tools come first.
ensureTools();
vitest('unit');

if (step('build renderer', 'npx', ['vite', 'build', '--logLevel', 'warn'])) {
  // Electron's security checklist on what ships (the main process and the built renderer): one test.
  check(
    'Electron security checklist',
    step('Electron security checklist (electronegativity, offline)', 'node', ['scripts/electronegativity.mjs']),
  );
  vitest('e2e');
} else {
  check('build renderer', false);
}

if (failures.length > 0) console.log(`\nFailed:\n${failures.map((f) => `  ✗ ${f.slice(0, 400)}`).join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
