// End to end in Chromium: the browser is killed (SIGKILL to every process of it) while the
// sample study is being encrypted, at several moments after the click. Each time Chromium
// starts again on the same profile, and the project must be whole either way: still clear,
// opening with all its transcripts, or encrypted, asking for the passphrase and then opening
// with all its transcripts. Never a mix (store/encryption.ts writes it in one transaction).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDist } from '../../scripts/serve.mjs';
import { chromiumRecreatedStore, launch } from './killedBrowser';

const PASSPHRASE = 'the kettle sings at seven';
const TRANSCRIPTS = 12;

let server: { url: string; close(): Promise<void> };
const profiles: string[] = [];
beforeAll(async () => {
  server = await serveDist({ port: 0 });
});
afterAll(async () => {
  await server?.close();
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
});

describe('killed while a project is being encrypted', () => {
  it('leaves it whole, clear or encrypted, at every moment', async () => {
    const outcomes: string[] = [];
    for (const ms of [0, 100, 300, 400, 500, 600, 700, 1500, 3000]) {
      const profile = mkdtempSync(join(tmpdir(), 'mirabal-killed-encrypt-'));
      profiles.push(profile);
      let running = await launch(profile, server.url);
      await running.page.getByRole('button', { name: 'Open sample project' }).click();
      await running.page.getByRole('tab', { name: 'Project' }).click();
      await running.page.getByRole('button', { name: 'Encrypt this project…' }).click();
      const dialog = running.page.getByRole('dialog', { name: 'Encrypt this project' });
      await dialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
      await dialog.getByLabel('Passphrase, again').fill(PASSPHRASE);
      await dialog.getByRole('button', { name: 'Encrypt' }).click();
      await new Promise((r) => setTimeout(r, ms));
      await running.kill();

      running = await launch(profile, server.url);
      const { page } = running;
      if (chromiumRecreatedStore(profile, server.url)) {
        outcomes.push(`${ms} ms: Chromium wiped its own store after the kill`);
        await running.kill();
        continue;
      }
      await page.locator('table.projects .project-name').first().click();
      const unlock = page.getByRole('main', { name: 'Unlock project' });
      const tabs = page.getByRole('tab', { name: 'Transcripts' });
      await Promise.race([unlock.waitFor(), tabs.waitFor()]);
      let outcome = 'clear';
      if (await unlock.isVisible()) {
        outcome = 'encrypted';
        await unlock.getByLabel('Passphrase or recovery key').fill(PASSPHRASE);
        await unlock.getByRole('button', { name: 'Unlock' }).click();
      }
      await tabs.click();
      await expect.poll(() => page.locator('table.sources tbody tr').count(), { timeout: 20_000 }).toBe(TRANSCRIPTS);
      expect(running.errors).toEqual([]);
      outcomes.push(`${ms} ms: ${outcome}`);
      await running.kill();
    }
    console.log(`Killed while encrypting: ${outcomes.join('; ')}`);
    // Both sides were seen: the kill landed before and after the one transaction committed.
    expect(outcomes.some((o) => o.endsWith('clear'))).toBe(true);
    expect(outcomes.some((o) => o.endsWith('encrypted'))).toBe(true);
  }, 300_000);
});
