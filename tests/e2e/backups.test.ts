// End to end in Chromium (browser mode, OPFS): changes are backed up on their own, the Backups
// card lists each backup with what it holds, and a backup restores as a copy with every change.
// Also where the data lives, the persistence answer and the space left.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe('automatic backups', () => {
  it('says where the projects live, and asks the browser to keep them once there is one', async () => {
    const { page, errors } = await app.newPage();
    const line = page.getByLabel('Where your data lives');
    await expect.poll(() => line.textContent()).toMatch(/kept in this browser's profile, for http:\/\/127\.0\.0\.1:\d+\. Another browser/);
    await page.getByLabel('New project name').fill('Pilot');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('button', { name: '← Projects' }).click();
    await expect.poll(() => line.textContent()).toMatch(/The browser (has agreed to keep it|has not promised to keep it)/);
    expect(errors).toEqual([]);
  });

  it('backs up a change on its own, lists it checked, and restores it as a copy with the change', async () => {
    const { page, errors } = await app.newPage();
    await page.getByLabel('New project name').fill('Follow-up study');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('tab', { name: 'Project' }).click();
    const card = page.getByRole('region', { name: 'Backups' });
    await expect.poll(() => card.getByRole('status', { name: 'Last backup' }).textContent()).toMatch(/No backup yet/);
    // A change: a third wave.
    await page.getByRole('button', { name: 'Add wave' }).click();
    await page.getByLabel('Wave 3 label').fill('Follow-up');
    await page.getByRole('button', { name: 'Save waves' }).click();
    // Taken in a pause of the work (checked every 15 s).
    await expect
      .poll(() => card.getByRole('status', { name: 'Last backup' }).textContent(), { timeout: 40_000 })
      .toMatch(/^Last backup .+\.$/);
    const rows = card.locator('table.backups-list tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(1);
    await expect.poll(() => rows.first().textContent()).toMatch(/0 transcripts, 0 codings, 0 coders/);
    const storage = page.getByRole('region', { name: 'Where this project lives' });
    await expect.poll(() => storage.textContent()).toMatch(/Using \d+(\.\d)? (KB|MB); about .+ more can be stored here\. Last backup: /);
    await screenshot(page, 'backups-card');

    // Back up now, then restore the newest as a copy: the copy has the third wave.
    await card.getByRole('button', { name: 'Back up now' }).click();
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => rows.first().textContent()).toMatch(/0 transcripts, 0 codings/); // checked
    await rows
      .first()
      .getByRole('button', { name: /^Restore the backup of .+ as a copy$/ })
      .click();
    await expect
      .poll(() => card.getByRole('status').filter({ hasText: 'Restored as' }).textContent())
      .toMatch(/Restored as “Follow-up study \(backup of .+\)”/);
    await card.getByRole('button', { name: 'Open it' }).click();
    await expect.poll(() => page.locator('.project-head h1').textContent()).toMatch(/^Follow-up study \(backup of /);
    await page.getByRole('tab', { name: 'Project' }).click();
    expect(await page.getByLabel('Wave 3 label').inputValue()).toBe('Follow-up');
    await page.getByRole('button', { name: '← Projects' }).click();
    await expect.poll(() => page.locator('table.projects tbody tr').count()).toBe(2);
    await screenshot(page, 'backups-projects');
    expect(errors).toEqual([]);
  });

  it('takes a backup when the project is closed, and shows a damaged one as damaged', async () => {
    const { page, errors } = await app.newPage();
    await page.getByLabel('New project name').fill('Closing');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('tab', { name: 'Project' }).click();
    await page.getByRole('button', { name: 'Add wave' }).click();
    await page.getByLabel('Wave 3 label').fill('Later');
    await page.getByRole('button', { name: 'Save waves' }).click();
    await page.getByRole('button', { name: 'Save waves' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '← Projects' }).click(); // closes the project: a backup, at once
    const lastBackup = page.locator('table.projects tbody tr').first().locator('td').nth(3);
    await expect.poll(() => lastBackup.textContent()).not.toBe('—');
    // Damage the backup in the browser's private file storage, as a failing disk might.
    const damaged = await page.evaluate(async () => {
      const root = await navigator.storage.getDirectory();
      const all = await root.getDirectoryHandle('backups');
      for await (const [, project] of all.entries()) {
        for await (const [name, file] of (project as FileSystemDirectoryHandle).entries()) {
          const handle = file as FileSystemFileHandle;
          const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
          bytes.fill(0x20, 200, 400);
          const w = await handle.createWritable();
          await w.write(bytes);
          await w.close();
          return name;
        }
      }
      return null;
    });
    expect(damaged).toMatch(/^backup-.+\.mirabal$/);
    await page.getByRole('button', { name: 'Closing', exact: true }).click();
    await page.getByRole('tab', { name: 'Project' }).click();
    const row = page.getByRole('region', { name: 'Backups' }).locator('table.backups-list tbody tr').first();
    await expect.poll(() => row.textContent()).toMatch(/Damaged: /);
    expect(await row.getByRole('button', { name: /Restore the backup/ }).isDisabled()).toBe(true);
    await screenshot(page, 'backups-damaged');
    expect(errors).toEqual([]);
  });

  it('finds the backups of a project the browser lost from its list, and restores it', async () => {
    const { page, errors } = await app.newPage();
    await page.getByLabel('New project name').fill('Lost study');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('tab', { name: 'Project' }).click();
    await page.getByRole('button', { name: 'Add wave' }).click();
    await page.getByLabel('Wave 3 label').fill('Twelve months');
    await page.getByRole('button', { name: 'Save waves' }).click();
    await page.getByRole('button', { name: 'Save waves' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '← Projects' }).click(); // a backup on closing
    await expect.poll(() => page.locator('table.projects tbody tr').first().locator('td').nth(3).textContent()).not.toBe('—');
    // The browser clears its databases (as Chromium did after some kills) but keeps its file storage.
    const deleted = await page.evaluate(async () => {
      const names = (await indexedDB.databases()).map((d) => d.name!);
      for (const name of names)
        await new Promise((resolve, reject) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = resolve;
          request.onerror = () => reject(request.error);
        });
      return names.length;
    });
    expect(deleted).toBeGreaterThanOrEqual(2);
    await page.reload();
    const card = page.getByRole('region', { name: 'Backups of projects not listed here' });
    await expect.poll(() => card.locator('tbody tr').count()).toBe(1);
    expect(await card.locator('tbody tr').textContent()).toMatch(/Project created .+0 transcript\(s\), 0 coding\(s\) by 0 coder\(s\)/);
    await screenshot(page, 'backups-unlisted');
    await card.getByRole('button', { name: /^Restore Project created / }).click();
    await expect.poll(() => page.locator('.project-head h1').textContent()).toMatch(/^Recovered project \(backup of /);
    await page.getByRole('tab', { name: 'Project' }).click();
    expect(await page.getByLabel('Wave 3 label').inputValue()).toBe('Twelve months');
    expect(errors).toEqual([]);
  });
});
