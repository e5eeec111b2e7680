// End to end in Chromium on the sample project: the Analysis tab's triangulation of linked
// accounts. The case families the links make, the agreement between a man's account and his
// (ex-)partner's per code and wave (values counted by hand from the sample's codings), a divergent
// family's two accounts side by side and one passage opened in Coding, the table out as DOCX and
// XLSX and read back, the methods paragraph copied, and the Family column of the participants sheet.
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, screenshot, sharedPage, startApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const openTriangulation = async (page: Page) => {
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await page.getByRole('tab', { name: 'Triangulation', exact: true }).click();
};
const table = (page: Page) => page.getByRole('table', { name: 'Agreement between informants' });
/** The cells of one code × wave row after its code: wave, n, agree, disagree, excluded, %, κ, α, AC1. */
const rowCells = (page: Page, code: string, wave: string) =>
  table(page)
    .locator('tbody tr')
    .filter({ has: page.getByRole('button', { name: `Families for ${code} at ${wave}` }) })
    .locator('td')
    .allTextContents();

describe('Analysis: triangulation of linked accounts', () => {
  const shared = sharedPage(
    () => app,
    async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.getByRole('button', { name: 'Open sample project' }).click();
      await openTriangulation(page);
    },
  );

  it('lists the case families the links make, with staff in Dale’s', async () => {
    const { page } = shared;
    const families = page.getByRole('region', { name: 'Case families' });
    await expect
      .poll(() => families.locator('li').allTextContents())
      .toEqual(['Dale: Leanne (partner), Ellie (child), Ruth (staff)', 'Marcus: Priya (ex-partner)']);
    expect(await families.textContent()).toContain('Links are edited in the Participants tab');
  });

  it('counts agreement between his account and hers per measure and wave', async () => {
    const { page } = shared;
    // One row per measure (13 top-level codes) and wave.
    await expect.poll(() => table(page).locator('tbody tr').count()).toBe(26);
    // 'Safer, healthier childhoods' at Time 2: both women have it, neither man: 2 families, 2
    // disagreements; kappa 0 (po = pe = 0), alpha −0.5, AC1 −1.
    await expect
      .poll(() => rowCells(page, 'Safer, healthier childhoods', 'Time 2'))
      .toEqual(['Time 2', '2', '0', '2', '0', '0.0%', '0.000', '-0.500', '-1.000']);
    // At Time 1 both accounts of both families have it: no variation, so kappa and alpha are
    // undefined (—, with the reason in a tooltip) and AC1 is 1.
    await expect
      .poll(() => rowCells(page, 'Safer, healthier childhoods', 'Time 1'))
      .toEqual([
        'Time 1',
        '2',
        '2',
        '0',
        '0',
        '100.0%',
        expect.stringMatching(/^—Undefined: in every family/),
        expect.stringMatching(/^—/),
        '1.000',
      ]);
    const undefinedCell = table(page).locator('td.has-tip').first();
    await undefinedCell.focus();
    await expect.poll(() => undefinedCell.locator('.tip').isVisible()).toBe(true);
    expect(await undefinedCell.locator('.tip').textContent()).toMatch(/same answer .* It is not reported as 1\./);
    await screenshot(page, 'analysis-triangulation');
    expect(shared.errors).toEqual([]);
  });

  it('compares every code, or the two roles the other way round', async () => {
    const { page } = shared;
    await page.getByRole('group', { name: 'Codes compared' }).getByRole('button', { name: 'All codes' }).click();
    await expect.poll(() => table(page).locator('tbody tr').count()).toBeGreaterThan(26);
    // A sub-code's row: Priya's only passage of 'Children frightened of him' at Time 2.
    await expect
      .poll(() => rowCells(page, 'Children frightened of him', 'Time 2'))
      .toEqual(['Time 2', '2', '1', '1', '0', '50.0%', '0.000', '0.000', '0.200']);
    // Choosing the other side's role swaps the two: a role is never compared with itself.
    await page.getByLabel('First role').selectOption({ label: 'Woman (ex-)partner' });
    await expect.poll(() => page.getByLabel('Second role').inputValue()).toBe('man');
    await page.getByLabel('First role').selectOption({ label: 'Man on programme' });
    await page.getByRole('group', { name: 'Codes compared' }).getByRole('button', { name: 'Measures' }).click();
    await expect.poll(() => table(page).locator('tbody tr').count()).toBe(26);
    expect(shared.errors).toEqual([]);
  });

  it('opens a code × wave row with the divergent families first, his account beside hers', async () => {
    const { page } = shared;
    await page.getByRole('button', { name: 'Families for Safer, healthier childhoods at Time 2' }).click();
    const detail = table(page).locator('tr.tri-detail');
    await expect
      .poll(() => detail.locator('section h4').allTextContents())
      .toEqual(['Dale’s family accounts differ', 'Marcus’s family accounts differ']);
    const dale = page.getByRole('region', { name: "Dale's family" });
    await expect
      .poll(() => dale.locator('thead th').allTextContents())
      .toEqual(['Code', 'Dale (Man on programme): not coded', 'Leanne (partner): coded']);
    // His side is empty, hers holds the passages.
    const row = dale.locator('tbody tr').first();
    expect(await row.locator('td').first().textContent()).toBe('not coded');
    await expect.poll(() => row.locator('td').nth(1).locator('blockquote').count()).toBeGreaterThan(0);
    await dale.evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'analysis-triangulation-families');
  });

  it('opens one of her passages in Coding', async () => {
    const { page } = shared;
    const dale = page.getByRole('region', { name: "Dale's family" });
    await dale.locator('tbody tr').first().locator('td').nth(1).getByRole('button', { name: 'open' }).first().click();
    await page.getByRole('tab', { name: 'Coding', selected: true }).waitFor();
    await expect.poll(() => page.url()).toMatch(/\/coding\/[^/]+\/\d+-\d+$/);
    // The first visit to Coding asks who is coding; the passage is then selected.
    await page.getByRole('dialog', { name: 'Who is coding?' }).getByRole('button').filter({ hasText: 'Ana' }).click();
    await expect.poll(() => page.locator('.selection-info').textContent()).toMatch(/characters selected/);
    expect(shared.errors).toEqual([]);
  });

  it('exports the triangulation table as DOCX, with change by informant and the methods paragraph', async () => {
    const { page } = shared;
    await openTriangulation(page);
    await expect.poll(() => table(page).locator('tbody tr').count()).toBe(26);
    const word = await download(page, () => page.getByRole('button', { name: 'Export DOCX' }).click());
    expect(word.name).toBe('triangulation.docx');
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(word.bytes) });
    expect(text).toContain('Triangulation of linked accounts');
    expect(text).toContain('Accounts compared: Man on programme with Woman (ex-)partner');
    expect(text).toContain('Safer, healthier childhoods');
    expect(text).toContain('Change by informant');
    expect(text).toContain('Dale’s family: Dale emerged, Leanne absent at both waves');
    expect(text).toContain('Draft paragraph');
    expect(text).toContain('Accounts were triangulated within case families');
  });

  it('exports it as XLSX, numbers as numbers and undefined statistics empty', async () => {
    const { page } = shared;
    const xlsx = await download(page, () => page.getByRole('button', { name: 'Export XLSX' }).click());
    expect(xlsx.name).toBe('triangulation.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Triangulation')!;
    expect(String(sheet.getCell('B1').value)).toMatch(/^Accounts compared: Man on programme with Woman \(ex-\)partner/);
    expect(sheet.getRow(2).getCell(3).value).toBe('Families compared (n)');
    const rows = (sheet.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(rows.find((r) => r[0] === 'Safer, healthier childhoods' && r[1] === 'Time 2')).toEqual([
      'Safer, healthier childhoods',
      'Time 2',
      2,
      0,
      2,
      0,
      0,
      0,
      -0.5,
      -1,
    ]);
    const t1 = rows.find((r) => r[0] === 'Safer, healthier childhoods' && r[1] === 'Time 1')!;
    expect(t1.slice(2, 7)).toEqual([2, 2, 0, 0, 100]);
    // Undefined kappa and alpha: empty cells, never 1.
    expect([t1[7], t1[8]].every((v) => v === undefined || v === '' || v === null)).toBe(true);
    expect(t1[9]).toBe(1);
  });

  it('copies the methods paragraph from its box', async () => {
    const { page } = shared;
    const box = page.locator('.tri-paragraph');
    await box.scrollIntoViewIfNeeded();
    await box.getByRole('button', { name: 'Copy paragraph' }).click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toMatch(/^Accounts were triangulated within case families/);
    await screenshot(page, 'analysis-triangulation-paragraph');
    expect(shared.errors).toEqual([]);
  });

  it('shows each participant’s case family in the participants sheet, following the links', async () => {
    const { page } = shared;
    await page.getByRole('tab', { name: 'Participants' }).click();
    const sheet = page.locator('table.participants');
    const family = (name: string) =>
      sheet
        .locator('tbody tr')
        .filter({ has: page.getByLabel(`Pseudonym of ${name}`) })
        .locator('td.family');
    await expect.poll(() => family('Dale').textContent()).toBe("Dale's: himself, Leanne (partner), Ellie (child), Ruth (staff)");
    expect(await family('Ruth').textContent()).toBe("Dale's (staff)");
    expect(await family('Priya').textContent()).toBe("Marcus's (ex-partner)");
    // Editing a link moves her: Priya's link removed, she is in no family and Marcus has no one.
    await page.getByLabel('Links of Priya').fill('');
    await page.getByLabel('Links of Priya').press('Tab');
    await expect.poll(() => family('Priya').textContent()).toBe('none');
    await expect.poll(() => family('Marcus').textContent()).toBe("Marcus's: himself, no one linked");
    await family('Marcus').scrollIntoViewIfNeeded();
    await screenshot(page, 'analysis-triangulation-participants');
    expect(shared.errors).toEqual([]);
  });
});
