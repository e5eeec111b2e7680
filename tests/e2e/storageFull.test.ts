// End to end in Chromium with the origin's quota made small through DevTools
// (Storage.overrideQuotaForOrigin): a project that does not fit is refused in words
// ("N MB needed, M KB free"), and no half-written project is listed.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, pick, screenshot, startApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

/** Sets the origin's quota to what it uses now plus `room` bytes; null lifts the limit. */
async function limitQuota(page: Page, room: number | null): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(app.url).origin;
  if (room == null) {
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    return;
  }
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + room });
}

const projectRows = (page: Page) => page.locator('table.projects tbody tr');

describe('storage full', () => {
  it('says in words that the sample does not fit, and lists no half-made project', async () => {
    const { page, errors } = await app.newPage();
    await limitQuota(page, 40 * 1024);
    await page.getByRole('button', { name: 'Open sample project' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/^There is not enough space to store the sample project\. Nothing was saved\./);
    await screenshot(page, 'storage-full-sample');
    expect(await page.getByRole('alert').textContent()).not.toMatch(/Quota|Dexie|Abort/);
    await page.reload();
    await page.getByRole('button', { name: 'Open sample project' }).waitFor();
    expect(await projectRows(page).count()).toBe(0);
    expect(errors.filter((e) => !/QuotaExceeded|quota/i.test(e))).toEqual([]);
  });

  it('undoes the restore of an archive that runs out of room, and says how much it needed', async () => {
    const first = await app.newPage();
    await first.page.getByRole('button', { name: 'Open sample project' }).click();
    await first.page.getByRole('tab', { name: 'Project' }).click();
    const saved = await download(first.page, () => first.page.getByRole('button', { name: 'Save archive (unredacted)…' }).click());
    await first.context.close();

    // Another browser profile, its quota made small before it stores anything (Chromium
    // applies an override to storage opened after it).
    const { page, errors } = await app.newPage();
    await limitQuota(page, 40 * 1024);
    await pick(page, 'Restore archive…', { name: saved.name, bytes: saved.bytes });
    const dialog = page.getByRole('dialog', { name: `Restore ${saved.name}` });
    await dialog.getByRole('button', { name: 'Restore as a new project' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/^There is not enough space to store this archive: [\d.]+ (KB|MB) needed\. Nothing was saved\./);
    await screenshot(page, 'storage-full-archive');
    await page.reload();
    await page.getByRole('button', { name: 'Restore archive…' }).waitFor();
    expect(await projectRows(page).count()).toBe(0);
    expect(errors.filter((e) => !/QuotaExceeded|quota/i.test(e))).toEqual([]);
  });
});
