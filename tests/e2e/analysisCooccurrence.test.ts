// End to end in Chromium on the sample project: the Analysis tab's code co-occurrence. The
// top-level codes by default, cells counted by hand from the sample's codings (overlap, within N
// words, the same speaker turn, participants and Jaccard), the passages behind a cell and one
// opened in Coding, a cell of the heat map opening its passages too, the table out as CSV and
// XLSX and read back, the heat map saved as SVG, and the codes chosen: all of them, or a list.
//
// The sample's numbers for 'Safety and freedom from violence' × 'Awareness of self and others'
// (every coder, sub-codes counted with their parents): overlapping passages 4; in the same
// speaker turn 5 (Dale T1, Dale T2, Leanne T1, Marcus T1 twice), held by 3 participants; the
// codes' own turns 18 and 20, so Jaccard 5 / (18 + 20 − 5) = 0.15. 'Expanded space for action' ×
// safety: 2 overlapping, 6 within 10 words.
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

const SAFETY = 'Safety and freedom from violence';
const AWARENESS = 'Awareness of self and others';
const EXPANDED = 'Expanded space for action';
const table = (page: Page) => page.getByRole('table', { name: 'Code co-occurrence' });
const cell = (page: Page, row: string, column: string) => table(page).getByRole('button', { name: new RegExp(`^${row} × ${column}: `) });
const drill = (page: Page) => page.getByRole('complementary', { name: 'Passages behind the cell' });

const openCooccurrence = async (page: Page) => {
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await page.getByRole('tab', { name: 'Co-occurrence', exact: true }).click();
};

describe('Analysis: code co-occurrence', () => {
  const shared = sharedPage(
    () => app,
    async ({ page }) => {
      await page.getByRole('button', { name: 'Open sample project' }).click();
      await openCooccurrence(page);
    },
  );

  it('shows the top-level codes by default, counting overlapping passages', async () => {
    const { page } = shared;
    await expect.poll(() => table(page).locator('thead th.cooc-col').count()).toBe(13);
    await expect.poll(() => table(page).locator('tbody th').first().textContent()).toBe('Respectful communication');
    await expect.poll(() => cell(page, SAFETY, AWARENESS).textContent()).toBe('4');
    await expect.poll(() => cell(page, AWARENESS, SAFETY).textContent()).toBe('4');
    // The diagonal: the code's own passages.
    await expect.poll(() => cell(page, 'Expanded space for action', 'Expanded space for action').textContent()).toBe('23');
    expect(await page.locator('.cooc-meaning').textContent()).toContain('The diagonal (grey) is the passages of the code itself.');
    await screenshot(page, 'analysis-cooccurrence');
    expect(shared.errors).toEqual([]);
  });

  it('counts within N words, by speaker turn and by participants', async () => {
    const { page } = shared;
    // 'Expanded space for action' × safety: 2 overlapping, 6 within 10 words (the default).
    await expect.poll(() => cell(page, EXPANDED, SAFETY).textContent()).toBe('2');
    await page.getByLabel('Codes together').selectOption({ label: 'Within N words' });
    await expect.poll(() => page.getByLabel('Words between').inputValue()).toBe('10');
    await expect.poll(() => cell(page, EXPANDED, SAFETY).textContent()).toBe('6');
    // A field being retyped keeps the last count, and says so.
    await page.getByLabel('Words between').fill('');
    await expect.poll(() => page.locator('.cooc-warning').textContent()).toContain('the table still counts within 10');
    expect(await cell(page, EXPANDED, SAFETY).textContent()).toBe('6');
    await page.getByLabel('Words between').fill('10');
    await page.getByLabel('Codes together').selectOption({ label: 'In the same speaker turn' });
    await expect.poll(() => cell(page, SAFETY, AWARENESS).textContent()).toBe('5');
    await expect.poll(() => cell(page, SAFETY, SAFETY).textContent()).toBe('18');
    await page.getByLabel('Cells').selectOption({ label: 'Participants' });
    await expect.poll(() => cell(page, SAFETY, AWARENESS).textContent()).toBe('3');
    expect(await page.locator('.cooc-meaning').textContent()).toContain(
      'Each cell counts the participants with at least one of the speaker turns holding both codes in their transcripts.',
    );
    expect(shared.errors).toEqual([]);
  });

  it('opens the passages behind a cell, and one of them in Coding', async () => {
    const { page } = shared;
    await cell(page, SAFETY, AWARENESS).click();
    const panel = drill(page);
    await expect.poll(() => panel.locator('li.passage').count()).toBe(5);
    expect(await panel.locator('h3').textContent()).toBe(`${SAFETY} with ${AWARENESS}`);
    expect(await panel.locator('p').first().textContent()).toBe("5 places (in the same speaker turn) in 3 participants' transcripts");
    expect(await panel.locator('li.passage strong').allTextContents()).toEqual(['Dale', 'Dale', 'Leanne', 'Marcus', 'Marcus']);
    const first = panel.locator('li.passage').first();
    expect(await first.textContent()).toContain('Dale_T1');
    expect(await first.locator('blockquote').textContent()).toMatch(/^It was an argument that got out of hand\./);
    await screenshot(page, 'analysis-cooccurrence-drill');

    await first.getByRole('button', { name: /^Open in Coding/ }).click();
    // Coding asks who is coding first (this computer has not said); then the meeting is selected.
    await page.getByRole('dialog', { name: 'Who is coding?' }).getByRole('button').filter({ hasText: 'Ana' }).click();
    await expect.poll(() => page.locator('.coding-head h2').textContent()).toBe('Dale_T1');
    await expect.poll(() => page.locator('.selection-info').textContent()).toMatch(/^244 characters selected/); // 737 − 493
    expect(page.url()).toMatch(/#\/project\/[^/]+\/coding\/[^/]+\/493-737$/);
    await screenshot(page, 'analysis-cooccurrence-opened');
    await openCooccurrence(page);
    expect(shared.errors).toEqual([]);
  });

  it('opens a cell of the heat map too', async () => {
    const { page } = shared;
    await page.getByLabel('Codes together').selectOption({ label: 'In the same speaker turn' });
    const img = page.getByRole('img', { name: 'Heat map of code co-occurrence' });
    await expect.poll(() => img.getAttribute('src')).toContain(encodeURIComponent('in the same speaker turn'));
    const svg = decodeURIComponent((await img.getAttribute('src'))!.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''));
    const width = Number(/width="(\d+)"/.exec(svg)![1]);
    const [, x, y] = new RegExp(`<rect x="(\\d+)" y="(\\d+)" width="28" height="28" fill="[^"]+"><title>${SAFETY} × ${AWARENESS}: 5<`).exec(
      svg,
    )!;
    await img.scrollIntoViewIfNeeded();
    const box = (await img.boundingBox())!;
    const scale = box.width / width;
    await img.click({ position: { x: (Number(x) + 14) * scale, y: (Number(y) + 14) * scale } });
    await expect.poll(() => drill(page).locator('h3').textContent()).toBe(`${SAFETY} with ${AWARENESS}`);
    await expect.poll(() => drill(page).locator('li.passage').count()).toBe(5);
    await screenshot(page, 'analysis-cooccurrence-heatmap');
    await drill(page).getByRole('button', { name: 'Close' }).click();
    expect(shared.errors).toEqual([]);
  });

  it('exports the table as CSV and XLSX, the unit, measure and filters first', async () => {
    const { page } = shared;
    await page.getByLabel('Cells').selectOption({ label: 'Jaccard (0–1)' });
    await expect.poll(() => cell(page, SAFETY, AWARENESS).textContent()).toBe('0.15');

    const csv = await download(page, () => page.getByRole('button', { name: 'Export CSV' }).click());
    expect(csv.name).toBe('co-occurrence.csv');
    const rows = Papa.parse<string[]>(csv.text.replace(/^\uFEFF/, ''), { delimiter: ',' }).data;
    expect(rows[0]![0]).toMatch(
      /^Codes together: in the same speaker turn; cells: Jaccard\. Filters: Waves: all; Roles: all;.*Coder: all coders/,
    );
    expect(rows[1]!.length).toBe(14);
    const column = rows[1]!.indexOf(AWARENESS);
    expect(rows.find((r) => r[0] === SAFETY)![column]).toBe('0.152'); // 5 / 33

    const xlsx = await download(page, () => page.getByRole('button', { name: 'Export XLSX' }).click());
    expect(xlsx.name).toBe('co-occurrence.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Co-occurrence')!;
    expect(String(sheet.getCell('A1').value)).toMatch(/^Codes together: in the same speaker turn; cells: Jaccard\. Filters: /);
    const header = (sheet.getRow(2).values as unknown[]).map(String);
    let safety = 0;
    sheet.eachRow((row, n) => {
      if (row.getCell(1).value === SAFETY) safety = n;
    });
    expect(sheet.getRow(safety).getCell(header.indexOf(AWARENESS)).value).toBe(0.152);
    expect(sheet.getRow(safety).getCell(header.indexOf(SAFETY)).value).toBe(1);
    expect(shared.errors).toEqual([]);
  });

  it('saves the heat map as SVG', async () => {
    const { page } = shared;
    const svg = await download(page, () => page.getByRole('button', { name: 'Save SVG' }).click());
    expect(svg.name).toBe('co-occurrence.svg');
    expect(svg.text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.text).toContain('Code co-occurrence');
    expect(svg.text).toContain(`<title>${SAFETY} × ${AWARENESS}: 0.15</title>`);
    expect(svg.text).toMatch(/>\.15<\/text>/);
    expect(shared.errors).toEqual([]);
  });

  it('takes every code, or a chosen list', async () => {
    const { page } = shared;
    await page.getByLabel('Cells').selectOption({ label: 'Counts (passages)' });
    await page.getByLabel('All codes').check();
    await expect.poll(() => table(page).locator('thead th.cooc-col').count()).toBe(52);
    // The first column stays in view while the table scrolls sideways.
    await page.locator('.cooc-scroll').evaluate((el) => el.scrollBy(600, 0));
    await screenshot(page, 'analysis-cooccurrence-all');
    const sticky = await table(page).locator('tbody th').first().boundingBox();
    const box = await page.locator('.cooc-scroll').boundingBox();
    expect(Math.abs(sticky!.x - box!.x)).toBeLessThan(3);

    await page.getByLabel('Chosen codes').check();
    await expect.poll(() => page.getByText('Add codes to compare.').isVisible()).toBe(true);
    await page.getByLabel('Add a code').selectOption({ label: SAFETY });
    await page.getByLabel('Add a code').selectOption({ label: AWARENESS });
    await expect.poll(() => table(page).locator('tbody th').allTextContents()).toEqual([SAFETY, AWARENESS]);
    await expect.poll(() => cell(page, SAFETY, AWARENESS).textContent()).toBe('5');
    await screenshot(page, 'analysis-cooccurrence-chosen');

    // In the same transcript, a meeting is the whole interview: listed cut short, saying how much is left out.
    await page.getByLabel('Codes together').selectOption({ label: 'In the same transcript' });
    await cell(page, SAFETY, AWARENESS).click();
    await expect
      .poll(() => drill(page).locator('li.passage').first().locator('blockquote').textContent())
      .toMatch(/… \([\d,]+ more characters\)$/);
    await screenshot(page, 'analysis-cooccurrence-transcripts');
    expect(shared.errors).toEqual([]);
  });
});
