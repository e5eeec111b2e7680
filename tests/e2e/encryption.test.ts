// End to end in Chromium: a project created encrypted, a transcript imported and coded, the
// browser's own IndexedDB holding none of its words; locked, refused with a wrong passphrase,
// unlocked; a backup of it restored as a copy with the recovery key.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readQdpx } from '../../renderer/io/qdpx';
import { download, screenshot, sharedPage, startApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const TXT = [
  'Interviewer: What helped when things got heated?',
  'Marisol: Taking time out and talking myself down, honestly. It took weeks before it worked.',
  'Interviewer: And at home?',
  'Marisol: I walk round the block now instead of shouting.',
].join('\n');
const PASSPHRASE = 'lanterns over the quiet harbour';

/** Every string of every record of every project database, read with the plain IndexedDB API. */
async function rawStrings(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const out: string[] = [];
    for (const { name } of await indexedDB.databases()) {
      if (!name?.startsWith('mirabal-project-')) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const names = [...db.objectStoreNames];
      const tx = db.transaction(names, 'readonly');
      for (const store of names) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const r = tx.objectStore(store).getAll();
          r.onsuccess = () => resolve(r.result as unknown[]);
          r.onerror = () => reject(r.error);
        });
        out.push(JSON.stringify(rows, (_k, v: unknown) => (v instanceof Uint8Array ? String.fromCharCode(...v) : v)));
      }
      db.close();
    }
    return out.join('\n');
  });
}

describe('an encrypted project', () => {
  let recoveryKey = '';
  const s = sharedPage(() => app);

  it('is created encrypted, shows its recovery key once, and takes a transcript and a coding', async () => {
    const { page, errors } = s;
    await page.getByLabel('New project name').fill('Confidential study');
    await page.getByLabel('encrypted').check();
    await page.getByRole('button', { name: 'Create project' }).click();
    const dialog = page.getByRole('dialog', { name: 'Encrypt this project' });
    await dialog.getByLabel('Passphrase', { exact: true }).fill('too short');
    await expect.poll(() => dialog.textContent()).toMatch(/At least 10 characters/);
    await dialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await dialog.getByLabel('Passphrase, again').fill(PASSPHRASE);
    await dialog.getByRole('button', { name: 'Encrypt' }).click();
    const shown = page.getByRole('dialog', { name: 'Your recovery key' });
    recoveryKey = (await shown.getByLabel('Recovery key', { exact: true }).textContent()) ?? '';
    expect(recoveryKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
    await screenshot(page, 'encryption-recovery-key');
    expect(await shown.getByRole('button', { name: 'Done' }).isDisabled()).toBe(true);
    await shown.getByLabel('I have written down the recovery key').check();
    await shown.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.locator('.project-head h1').textContent()).toBe('Confidential study');

    await page.getByRole('button', { name: 'Import transcripts…' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose files…' }).click();
    await (await chooser).setFiles([{ name: 'Marisol_T1.txt', mimeType: 'text/plain', buffer: Buffer.from(TXT) }]);
    await page.getByRole('button', { name: 'Import 1 transcript' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Coding' }).click();
    await page.getByLabel('New coder name').fill('Tess');
    await page.getByRole('button', { name: 'Add me as a coder' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.locator('.transcript-editor [contenteditable="true"]').focus();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('Control+Shift+ArrowRight');
    await page.keyboard.press('k');
    await page.keyboard.type('time out');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.coding-mark').count()).toBeGreaterThan(0);

    const raw = await rawStrings(page);
    expect(raw).toContain('xchacha20-poly1305'); // the scan read the project's records
    for (const words of ['heated', 'Taking time out', 'shouting', 'Marisol', 'Tess']) expect(raw).not.toContain(words);
    expect(errors).toEqual([]);
  });

  it('locks, refuses a wrong passphrase, and unlocks with the right one', async () => {
    const { page, errors } = s;
    await page.getByRole('button', { name: 'Lock now', exact: true }).click();
    const unlock = page.getByRole('main', { name: 'Unlock project' });
    await unlock.waitFor();
    expect(await page.locator('.transcript-editor').count()).toBe(0);
    await unlock.getByLabel('Passphrase or recovery key').fill('lanterns over the loud harbour');
    await unlock.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => unlock.getByRole('alert').textContent()).toMatch(/does not open this project/);
    await screenshot(page, 'encryption-unlock');
    await unlock.getByLabel('Passphrase or recovery key').fill(PASSPHRASE);
    await unlock.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => page.locator('.coding-mark').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it("exports a .qdpx (in the clear, and says so) made in the worker with the project's keys", async () => {
    const { page, errors } = s;
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.getByRole('tab', { name: 'Project' }).click();
    await page.getByRole('button', { name: 'Export project (.qdpx, unredacted)…' }).click();
    const preview = page.getByRole('dialog', { name: 'Export project (.qdpx)' });
    await expect.poll(() => preview.getByRole('note').first().textContent()).toMatch(/the \.qdpx file will not be/);
    const saved = await download(page, () => preview.getByRole('button', { name: 'Export .qdpx' }).click());
    expect(saved.name).toBe('Confidential study (unencrypted).qdpx');
    const { project } = await readQdpx(saved.bytes, saved.name);
    expect(project.sources.map((x) => x.title)).toEqual(['Marisol_T1']);
    expect(project.sources[0]!.text).toContain('Taking time out');
    expect(project.codings).toHaveLength(1);
    expect(workers.some((url) => /qdpxWorker/.test(url))).toBe(true);
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Exported 1 transcript, \d+ codes and 1 coding/);
    expect(errors).toEqual([]);
  });

  it('backs up encrypted, and restores the backup as a copy with the recovery key', async () => {
    const { page, errors } = s;
    await page.getByRole('tab', { name: 'Project' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Project log' }).textContent()).toMatch(/Imported 1 transcript/);
    await screenshot(page, 'encryption-card');
    const card = page.getByRole('region', { name: 'Backups' });
    await card.getByRole('button', { name: 'Back up now' }).click();
    const rows = card.locator('table.backups-list tbody tr');
    await expect.poll(() => rows.first().textContent(), { timeout: 20_000 }).toMatch(/1 transcripts, codings, 1 coders \(encrypted\)/);
    await rows
      .first()
      .getByRole('button', { name: /^Restore the backup of .+ as a copy$/ })
      .click();
    const ask = page.getByRole('dialog', { name: 'Restore an encrypted backup' });
    await ask.getByLabel('Passphrase or recovery key').fill('not it at all, sorry');
    await ask.getByRole('button', { name: 'Restore as a copy' }).click();
    await expect.poll(() => ask.getByRole('alert').textContent()).toMatch(/does not open/);
    await ask.getByLabel('Passphrase or recovery key').fill(recoveryKey);
    await ask.getByRole('button', { name: 'Restore as a copy' }).click();
    await card.getByRole('button', { name: 'Open it' }).click();
    await expect.poll(() => page.locator('.project-head h1').textContent()).toMatch(/^Confidential study \(backup of /);
    await page.getByRole('tab', { name: 'Coding' }).click();
    await expect.poll(() => page.locator('.coding-mark').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: '← Projects' }).click();
    await expect.poll(() => page.locator('table.projects .badge').filter({ hasText: 'encrypted' }).count()).toBe(2);
    await screenshot(page, 'encryption-projects');
    expect(errors).toEqual([]);
  });
});
