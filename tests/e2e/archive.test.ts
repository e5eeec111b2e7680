// End to end in Chromium: a project saved as one archive and restored as a new project with
// everything a .qdpx leaves behind; a file that is not an archive refused, changing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, pick, screenshot, startApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe('project archive', () => {
  it('saves the sample with its basket and redaction list, and restores it as a new project', async () => {
    const { page, errors } = await app.newPage();
    await page.getByRole('button', { name: 'Open sample project' }).click();
    await page.getByRole('tab', { name: 'Quotes' }).click();
    await page.getByRole('tab', { name: 'Style & redaction' }).click();
    await page.getByLabel('Identifier 1', { exact: true }).fill('Ellie');
    await page.getByLabel('Replacement 1', { exact: true }).fill("[child's name]");
    await page.getByRole('button', { name: 'Save redaction list' }).click();
    await page.getByRole('tab', { name: 'Find quotes' }).click();
    await page.getByRole('list', { name: 'Quotes found' }).locator('li').first().getByRole('button', { name: 'Add to basket' }).click();
    await page.getByRole('tab', { name: 'Basket (1)' }).waitFor();

    await page.getByRole('tab', { name: 'Project' }).click();
    // Saved by the archive worker, off the window's thread.
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    const saved = await download(page, () => page.getByRole('button', { name: 'Save archive (unredacted)…' }).click());
    expect(workers.some((u) => /archiveWorker/.test(u))).toBe(true);
    expect(saved.name).toBe('Sample study (fictional).mirabal');
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /^Saved Sample study \(fictional\)\.mirabal/ })
          .count(),
      )
      .toBe(1);

    await page.getByRole('button', { name: '← Projects' }).click();
    await pick(page, 'Restore archive…', { name: saved.name, bytes: saved.bytes });
    const dialog = page.getByRole('dialog', { name: `Restore ${saved.name}` });
    await expect.poll(() => dialog.textContent()).toMatch(/12 transcript\(s\), \d+ coding\(s\) by 2 coder\(s\)/);
    await screenshot(page, 'archive-restore-preview');
    await dialog.getByRole('button', { name: 'Restore as a new project' }).click();
    await expect.poll(() => page.locator('.project-head h1').textContent()).toBe('Sample study (fictional) (2)');
    // The save, the backup taken on leaving the project, and the preview with the restore (one
    // reading for both) each had an archive worker.
    expect(workers.filter((u) => /archiveWorker/.test(u)).length).toBeGreaterThanOrEqual(3);
    await page.getByRole('tab', { name: 'Quotes' }).click();
    await page.getByRole('tab', { name: 'Basket (1)' }).waitFor();
    await page.getByRole('tab', { name: 'Style & redaction' }).click();
    await expect.poll(() => page.getByLabel('Identifier 1', { exact: true }).inputValue()).toBe('Ellie');
    expect(errors).toEqual([]);
  });

  it('refuses a file that is not an archive, saying why, and creates nothing', async () => {
    const { page, errors } = await app.newPage();
    await pick(page, 'Restore archive…', { name: 'notes.mirabal', bytes: new TextEncoder().encode('just some notes') });
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/notes\.mirabal: is not a project archive \(not a zip file\)/);
    expect(await page.locator('table.projects').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
