// End to end in Chromium on the sample project: the wave matrix, filtered by role, a cell's
// passages, the paired reader, and a change-matrix cell filled in, kept over a reload,
// undone, and exported.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, screenshot, startApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});


describe('Time 1 / Time 2', () => {
  it('matrix, filter, passages, paired reader, change matrix cell kept over reload, export', async () => {
    const { page, errors } = await app.newPage();
    await page.getByRole('button', { name: 'Open sample project' }).click();
    await page.getByRole('tab', { name: 'Time 1 / Time 2' }).click();

    const matrix = page.locator('table.matrix');
    await expect.poll(() => matrix.locator('tbody tr').count()).toBeGreaterThan(40);
    // 6 participants, each interviewed at both waves.
    await expect.poll(() => matrix.locator('thead').textContent()).toMatch(/Time 1 \(n = 6\).*Time 2 \(n = 6\)/);
    await screenshot(page, 'compare-matrix');

    await page.getByRole('group', { name: 'Roles' }).getByLabel('Man on programme').check();
    await expect.poll(() => matrix.locator('thead').textContent()).toMatch(/Time 1 \(n = 2\)/);
    await expect.poll(() => page.locator('.wave-matrix p.small').textContent()).toMatch(/Roles: Man on programme/);

    // Open the passages behind the first non-zero Time 1 count.
    const cell = matrix.locator('tbody td.num button:not([disabled])').first();
    const label = (await cell.getAttribute('aria-label'))!;
    await cell.click();
    const drill = page.getByRole('complementary', { name: 'Behind the number' });
    await expect.poll(() => drill.locator('blockquote').count()).toBeGreaterThan(0);
    expect(label).toMatch(/: [1-9]\d* of 2$/);
    await screenshot(page, 'compare-drill');

    const csv = await download(page, () => page.getByRole('button', { name: 'Export CSV' }).click());
    expect(csv.name).toBe('wave-matrix.csv');
    expect(csv.text).toMatch(/^\uFEFF?Filters,"?Waves compared: Time 1 → Time 2; Roles: Man on programme/);
    expect(csv.text).toMatch(/McNemar exact p \(two-sided\)/);

    // Paired reader: one man's Time 1 and Time 2 passages side by side.
    await page.getByRole('tab', { name: 'Paired reader' }).click();
    await expect.poll(() => page.locator('table.paired tbody tr').count()).toBeGreaterThan(1);
    await screenshot(page, 'compare-paired');
    await page.getByRole('button', { name: 'Whole transcripts' }).click();
    await expect.poll(() => page.locator('.side-by-side .pane').count()).toBe(2);

    // Charts: a measure's indicators at both waves, saved as SVG.
    await page.getByRole('tab', { name: 'Charts' }).click();
    await expect.poll(() => page.locator('.chart-grid img').count()).toBe(13);
    await screenshot(page, 'compare-charts');
    const svg = await download(page, () => page.locator('.chart-grid figure').first().getByRole('button', { name: 'Save SVG' }).click());
    expect(svg.name).toBe('respectful-communication.svg');
    expect(svg.text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg".*Respectful communication/s);
    expect(svg.text).toMatch(/\d+% \(\d+\/2\)/);

    // Change matrix: summarise and judge a cell, then reload.
    await page.getByRole('tab', { name: 'Change matrix' }).click();
    const first = page.locator('table.framework .cell-button').first();
    const name = (await first.getAttribute('aria-label'))!;
    await first.click();
    const editor = page.getByRole('dialog', { name });
    await editor.getByLabel('Time 1 summary').fill('Blamed her; “she winds me up”.');
    await editor.getByLabel('Time 2 summary').fill('Owns it: “it was my doing”.');
    await editor.getByLabel('Change judgement').selectOption('strengthened');
    await screenshot(page, 'compare-cell-editor');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByRole('button', { name }).textContent()).toMatch(/Strengthened.*Blamed her/);
    await screenshot(page, 'compare-change-matrix');

    await page.reload();
    await page.getByRole('tab', { name: 'Change matrix' }).click();
    await screenshot(page, 'compare-after-reload');
    await expect.poll(() => page.getByRole('button', { name }).textContent()).toMatch(/Strengthened.*Blamed her/);

    const exported = await download(page, () => page.getByRole('button', { name: 'Export CSV' }).click());
    expect(exported.name).toBe('change-matrix.csv');
    expect(exported.text).toMatch(/Blamed her; “she winds me up”\..*Owns it: “it was my doing”\..*Strengthened/s);

    const xlsx = await download(page, () => page.getByRole('button', { name: 'Export XLSX' }).click());
    expect(xlsx.name).toBe('change-matrix.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Change matrix')!;
    expect(String(sheet.getCell('B1').value)).toMatch(/^Waves compared: Time 1 → Time 2/);
    const values = sheet.getSheetValues().flat().map(String);
    expect(values).toContain('Owns it: “it was my doing”.');

    // Undo takes the cell back.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByRole('button', { name }).textContent()).not.toMatch(/Strengthened/);
    expect(errors).toEqual([]);
  }, 120_000);
});
