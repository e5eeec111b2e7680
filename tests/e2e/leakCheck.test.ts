// End to end in Chromium: a listed name hidden in a transcript's title (which the quote text
// never shows) refuses the quotes export, naming the place; nothing is saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe('the leak check on quote exports', () => {
  it('refuses a CSV whose transcript column holds a listed name, and says where', async () => {
    const { page, errors } = await app.newPage();
    await page.getByRole('button', { name: 'Open sample project' }).click();
    await page.getByRole('tab', { name: 'Quotes' }).click();
    await page.getByRole('tab', { name: 'Style & redaction' }).click();
    await page.getByLabel('Identifier 1', { exact: true }).fill('Dale');
    await page.getByLabel('Replacement 1', { exact: true }).fill('[man]');
    await page.getByRole('button', { name: 'Save redaction list' }).click();
    await page.getByRole('tab', { name: 'Find quotes' }).click();
    let downloads = 0;
    page.on('download', () => (downloads += 1));
    await page.getByRole('button', { name: 'CSV' }).first().click();
    const alert = page.getByRole('alert').filter({ hasText: 'Not exported' });
    await expect.poll(() => alert.textContent()).toMatch(/its transcript\) still holds “Dale/);
    await screenshot(page, 'leak-check-title');
    expect(downloads).toBe(0);
    expect(errors).toEqual([]);
  });
});
