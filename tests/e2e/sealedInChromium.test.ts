// Encryption at rest in real Chromium, below the UI (tests/e2e/storePage): sealed records
// opened by WebCrypto inside read-write transactions that go on reading and writing after it.
// Chromium settles WebCrypto's AES-GCM within the task, so sealedTables hands the records over
// at once there; where it settles later (Node's WebCrypto, in tests/store/sealedRecords.test.ts)
// the transaction is kept open by requests until it does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDist } from '../../scripts/serve.mjs';
import { CHROMIUM_ARGS } from './harness';

let dir = '';
let server: { url: string; close(): Promise<void> };
let browser: Browser;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mirabal-store-page-'));
  await build({
    configFile: false,
    root: join(import.meta.dirname, 'storePage'),
    base: './',
    logLevel: 'warn',
    build: { outDir: join(dir, 'dist'), emptyOutDir: true, chunkSizeWarningLimit: 5000 },
  });
  server = await serveDist({ projectDir: dir, port: 0 });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('sealed records in Chromium', () => {
  it('reads a large coding set and writes it back in one transaction, encrypted, undone and unlocked again', async () => {
    const page = await (await browser.newContext()).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
    const result = await page.evaluate(() => window.largeSealedRecords());
    expect(result).toMatchObject({ sameAfterEncrypting: true, setFields: ['_g'] });
    const clear = result.clearCount as number;
    expect(clear).toBeGreaterThanOrEqual(150);
    expect(result).toMatchObject({ afterOne: clear + 1, afterUndo: clear, afterUnlock: clear });
    expect(result).toMatchObject({ memoFields: ['_g'], readThenWrite: 'ok', memoAfter: true });
    expect(errors).toEqual([]);
  }, 120_000);
});
