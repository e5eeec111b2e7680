// The Electron security checklist (scripts/electronegativity.mjs) sees what it should: a main
// process with the classic mistakes fails it, offline; the report is read row by row.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport, scan, unaccepted } from '../../scripts/electronegativity.mjs';

describe('the Electron security checklist', () => {
  it('fails a main process without isolation, sandbox, navigation limits or permission handler, offline', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mirabal-eneg-'));
    try {
      mkdirSync(join(dir, 'src'));
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bad', devDependencies: { electron: '45.5.0' } }));
      writeFileSync(
        join(dir, 'src', 'main.js'),
        "const { BrowserWindow } = require('electron');\n" +
          'const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, webSecurity: false } });\n' +
          "win.loadURL('http://example.org/');\n",
      );
      const findings = scan(dir, '45.5.0');
      const failing = unaccepted(findings).map((f) => f.check);
      // What our main process does right, and this one does not: each fails the check.
      for (const check of [
        'CONTEXT_ISOLATION_JS_CHECK',
        'WEB_SECURITY_JS_CHECK',
        'SANDBOX_JS_CHECK',
        'LIMIT_NAVIGATION_GLOBAL_CHECK',
        'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
        'HTTP_RESOURCES_JS_CHECK',
      ])
        expect(failing).toContain(check);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('reads the rows of the CSV report, not the lines of a sample that spans several', () => {
    const csv =
      'issue, severity, confidence, filename, location, sample, description, url\n' +
      'CSP_GLOBAL_CHECK,"LOW","FIRM","dist/index.html","6:0","default-src \'self\'","vulnerable",https://x\n' +
      'DANGEROUS_FUNCTIONS_JS_CHECK,"MEDIUM","CERTAIN","dist/assets/exceljs.min-Ab_1.js","10:88742","a\nB_C,""x"",y","Do not",https://x\n' +
      'DANGEROUS_FUNCTIONS_JS_CHECK,"MEDIUM","CERTAIN","dist/assets/index-Q1.js","3:10","eval(x)","Do not",https://x\n';
    const findings = parseReport(csv);
    expect(findings.map((f) => [f.check, f.severity, f.file])).toEqual([
      ['CSP_GLOBAL_CHECK', 'LOW', 'dist/index.html'],
      ['DANGEROUS_FUNCTIONS_JS_CHECK', 'MEDIUM', 'dist/assets/exceljs.min-Ab_1.js'],
      ['DANGEROUS_FUNCTIONS_JS_CHECK', 'MEDIUM', 'dist/assets/index-Q1.js'],
    ]);
    // LOW is noted, the accepted exceljs polyfill passes, eval in our own bundle fails.
    expect(unaccepted(findings).map((f) => f.file)).toEqual(['dist/assets/index-Q1.js']);
  });
});
