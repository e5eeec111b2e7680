// End to end in Chromium on the sample project: the Analysis tab's matrix query and code overview.
// The matrix: the measures by role counted by hand from the sample (every coder, sub-codes with
// their parents), a cross of role and wave, participants with the code, the filter bar's waves
// narrowing it, the passages behind a cell and one opened in Coding, the table out as XLSX and
// CSV and read back. The overview: twelve transcripts, a density, a strip block and a cell
// opening their places in Coding, the table out as XLSX.
//
// The sample's numbers (measures × role, passages): Expanded space for action 6 | 15 | 0 | 2 |
// 23; column totals 64 | 58 | 27 | 24 | 173. Crossed with wave, Awareness of self and others is
// 11 7 | 1 1 | 1 2 | 0 0 | 23. Participants: totals 2 | 2 | 1 | 1 | 6. Time 2 only: Expanded
// space for action 2 | 9 | 0 | 1 | 12. Respectful communication × Man on programme is one
// passage, Dale's at Time 2 ("I ask what she thinks before I decide stuff, …", 2894–3013).
// Overview, top-level codes: Dale_T1 first; its Awareness of self and others covers 20%.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
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

const EXPANDED = 'Expanded space for action';
const AWARENESS = 'Awareness of self and others';
const matrix = (page: Page) => page.getByRole('table', { name: 'Matrix query' });
const rowTexts = (page: Page, code: string) =>
  matrix(page)
    .locator('tbody tr')
    .filter({ has: page.getByRole('rowheader', { name: code, exact: true }) })
    .locator('td')
    .allTextContents();
const drill = (page: Page) => page.getByRole('complementary', { name: 'Passages behind the cell' });
const overview = (page: Page) => page.getByRole('table', { name: 'Code overview' });

const openSection = async (page: Page, name: 'Matrix query' | 'Code overview') => {
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await page.getByRole('tab', { name, exact: true }).click();
};

describe('Analysis: matrix query', () => {
  const shared = sharedPage(
    () => app,
    async ({ page }) => {
      await page.getByRole('button', { name: 'Open sample project' }).click();
      await openSection(page, 'Matrix query');
    },
  );

  it('counts the measures’ passages by role, with totals', async () => {
    const { page } = shared;
    await expect
      .poll(() => matrix(page).locator('thead th').allTextContents())
      .toEqual(['Code', 'Man on programme', 'Woman (ex-)partner', 'Staff', 'Child', 'Total']);
    await expect.poll(() => rowTexts(page, EXPANDED)).toEqual(['6', '15', '0', '2', '23']);
    expect(await matrix(page).locator('tfoot td').allTextContents()).toEqual(['64', '58', '27', '24', '173']);
    expect(await page.getByLabel('Legend').textContent()).toContain('Totals add up the cells');
    expect(shared.errors).toEqual([]);
  });

  it('crosses role with wave, each role over its waves', async () => {
    const { page } = shared;
    await page.getByLabel('Crossed with').selectOption({ label: 'Wave' });
    await expect
      .poll(() => matrix(page).locator('thead tr').first().locator('th').allTextContents())
      .toEqual(['Code', 'Man on programme', 'Woman (ex-)partner', 'Staff', 'Child', 'Total']);
    expect(await matrix(page).locator('thead tr').first().locator('th').nth(1).getAttribute('colspan')).toBe('2');
    expect(await matrix(page).locator('thead tr').nth(1).locator('th').allTextContents()).toEqual(
      Array(4).fill(['Time 1', 'Time 2']).flat(),
    );
    await expect.poll(() => rowTexts(page, AWARENESS)).toEqual(['11', '7', '1', '1', '1', '2', '0', '0', '23']);
    await screenshot(page, 'analysis-matrix-crossed');
  });

  it('counts participants, each person once in the totals', async () => {
    const { page } = shared;
    await page.getByLabel('Crossed with').selectOption({ label: 'nothing' });
    await page.getByLabel('Cells').selectOption({ label: 'Participants with the code' });
    await expect.poll(() => matrix(page).locator('tfoot td').allTextContents()).toEqual(['2', '2', '1', '1', '6']);
    await page.getByLabel('Cells').selectOption({ label: 'Share of participants' });
    await expect.poll(() => rowTexts(page, 'Respectful communication')).toEqual(['50%', '100%', '0%', '100%', '67%']);
    await page.getByLabel('Cells').selectOption({ label: 'Passages' });
  });

  it('narrows to the waves the filter bar chooses', async () => {
    const { page } = shared;
    const waves = page.getByRole('group', { name: 'Waves' });
    await waves.getByLabel('Time 2').check();
    await expect.poll(() => rowTexts(page, EXPANDED)).toEqual(['2', '9', '0', '1', '12']);
    expect(await page.locator('.analysis-matrix > p.small').textContent()).toContain('Waves: Time 2');
    await waves.getByLabel('Time 2').uncheck();
    await expect.poll(() => rowTexts(page, EXPANDED)).toEqual(['6', '15', '0', '2', '23']);
  });

  it('opens the passages behind a cell, and one of them in Coding', async () => {
    const { page } = shared;
    await matrix(page).getByRole('button', { name: 'Respectful communication, Man on programme: 1' }).click();
    await expect.poll(() => drill(page).locator('h3').textContent()).toBe('Respectful communication · Man on programme');
    const items = drill(page).locator('li');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().textContent()).toContain('Dale_T2');
    expect(await items.first().locator('.excerpt').textContent()).toMatch(/^I ask what she thinks before I decide stuff/);
    await screenshot(page, 'analysis-matrix');

    await items
      .first()
      .getByRole('button', { name: /^Open Dale, Dale_T2/ })
      .click();
    await page.getByRole('dialog', { name: 'Who is coding?' }).getByRole('button').filter({ hasText: 'Ana' }).click();
    await expect.poll(() => page.locator('.coding-head h2').textContent()).toBe('Dale_T2');
    await expect.poll(() => page.url()).toMatch(/#\/project\/[^/]+\/coding\/[^/]+\/2894-3013$/);
    await expect.poll(() => page.locator('.selection-info').textContent()).toMatch(/^119 characters selected/);
    await openSection(page, 'Matrix query');
    expect(shared.errors).toEqual([]);
  });

  it('exports the table as XLSX and CSV, the query and filters on the first line', async () => {
    const { page } = shared;
    await expect.poll(() => rowTexts(page, EXPANDED)).toEqual(['6', '15', '0', '2', '23']);
    const xlsx = await download(page, () => page.getByRole('button', { name: 'Export XLSX' }).click());
    expect(xlsx.name).toBe('matrix-query.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Matrix query')!;
    const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    expect(values(1)).toEqual([
      'Matrix query',
      'Rows: top-level codes, each with its sub-codes; columns: Role; cells: passages',
      'Filters',
      expect.stringContaining('Waves: all; Roles: all'),
    ]);
    expect(values(2)).toEqual(['Code', 'Man on programme', 'Woman (ex-)partner', 'Staff', 'Child', 'Total']);
    expect(values(4)).toEqual([EXPANDED, 6, 15, 0, 2, 23]);
    expect(values(sheet.rowCount)).toEqual(['Total', 64, 58, 27, 24, 173]);

    const csv = await download(page, () => page.getByRole('button', { name: 'Export CSV' }).click());
    expect(csv.name).toBe('matrix-query.csv');
    const rows = Papa.parse<string[]>(csv.text.replace(/^\uFEFF/, '')).data;
    expect(rows[3]).toEqual([EXPANDED, '6', '15', '0', '2', '23']);
    expect(shared.errors).toEqual([]);
  });
});

describe('Analysis: code overview', () => {
  const shared = sharedPage(
    () => app,
    async ({ page }) => {
      await page.getByRole('button', { name: 'Open sample project' }).click();
      await openSection(page, 'Code overview');
    },
  );

  it('shows each transcript’s codes as densities and a strip, with a legend', async () => {
    const { page } = shared;
    await expect.poll(() => overview(page).locator('tbody tr').count()).toBe(12);
    expect(await overview(page).locator('thead th.overview-code').count()).toBe(13);
    expect(await overview(page).locator('tbody th').first().textContent()).toContain('Dale_T1');
    const cell = overview(page).getByRole('button', { name: `Dale_T1 · ${AWARENESS}: 19.8% of the transcript coded` });
    await expect.poll(() => cell.textContent()).toBe('20');
    expect(await page.getByLabel('Legend').textContent()).toContain('the share of the transcript’s characters coded with the code');
    expect(await overview(page).getByRole('group', { name: 'Passages of Dale_T1' }).getByRole('button').count()).toBeGreaterThan(5);
    await screenshot(page, 'analysis-overview');
    expect(shared.errors).toEqual([]);
  });

  it('opens a strip block’s passage and a cell’s first passage in Coding', async () => {
    const { page } = shared;
    const block = overview(page).getByRole('group', { name: 'Passages of Leanne_T2' }).getByRole('button').first();
    await block.click();
    await page.getByRole('dialog', { name: 'Who is coding?' }).getByRole('button').filter({ hasText: 'Ana' }).click();
    await expect.poll(() => page.locator('.coding-head h2').textContent()).toBe('Leanne_T2');
    await expect.poll(() => page.url()).toMatch(/\/coding\/[^/]+\/265-516$/);

    await openSection(page, 'Code overview');
    await overview(page)
      .getByRole('button', { name: `Dale_T1 · ${AWARENESS}: 19.8% of the transcript coded` })
      .click();
    await expect.poll(() => page.locator('.coding-head h2').textContent()).toBe('Dale_T1');
    await expect.poll(() => page.url()).toMatch(/\/coding\/[^/]+\/\d+-\d+$/);
    expect(shared.errors).toEqual([]);
  });

  it('exports the table as XLSX', async () => {
    const { page } = shared;
    await openSection(page, 'Code overview');
    await expect.poll(() => overview(page).locator('tbody tr').count()).toBe(12);
    const xlsx = await download(page, () => page.getByRole('button', { name: 'Export XLSX' }).click());
    expect(xlsx.name).toBe('code-overview.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Code overview')!;
    const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    expect(values(1)[0]).toBe('Code overview');
    expect(values(2).slice(0, 6)).toEqual(['Transcript', 'Participant', 'Wave', 'Characters', 'Respectful communication', EXPANDED]);
    expect(values(3).slice(0, 3)).toEqual(['Dale_T1', 'Dale', 'Time 1']);
    expect(values(3)[8]).toBeCloseTo(0.198, 3);
    expect(sheet.rowCount).toBe(14);
  });

  it('shows every code as a column on request', async () => {
    const { page } = shared;
    await page.getByLabel('Codes', { exact: true }).selectOption({ label: 'All codes' });
    await expect.poll(() => overview(page).locator('thead th.overview-code').count()).toBe(52);
    await screenshot(page, 'analysis-overview-all');
  });
});
