// End to end in Chromium on the sample project: the Analysis tab fits the header, and its
// saturation section counts each transcript's new codes in interview order, per role, with the
// table and chart exported and a transcript opened from the table.
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

const subTab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true }).click();

describe('saturation on the Analysis tab', () => {
  const shared = sharedPage(
    () => app,
    async ({ page }) => {
      await page.getByRole('button', { name: 'Open sample project' }).click();
      await page.getByRole('tab', { name: 'Analysis' }).click();
      await subTab(page, 'Saturation');
    },
  );

  it('keeps the twelve tabs on one line of the header at a 1280-pixel window', async () => {
    const { page } = shared;
    await page.setViewportSize({ width: 1280, height: 900 });
    const head = page.locator('.project-head');
    await expect.poll(() => head.evaluate((h) => h.scrollWidth <= h.clientWidth)).toBe(true);
    const tops = await page.locator('.project-head .tab').evaluateAll((tabs) => tabs.map((t) => t.getBoundingClientRect().top));
    expect(tops).toHaveLength(12);
    expect(new Set(tops).size).toBe(1);
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it('counts the codes each transcript adds, one curve per role', async () => {
    const { page } = shared;
    const all = page.getByRole('table', { name: 'Saturation: all transcripts' });
    // The twelve transcripts in import order; the last line holds every code found.
    await expect.poll(() => all.locator('tbody tr').count()).toBe(12);
    await page.getByLabel('One curve').selectOption('role');
    const men = page.getByRole('table', { name: 'Saturation: Man on programme' });
    await expect.poll(() => men.locator('tbody tr').count()).toBe(4);
    expect(await men.locator('tbody tr td:nth-child(2)').allTextContents()).toEqual(['Dale_T1', 'Dale_T2', 'Marcus_T1', 'Marcus_T2']);
    // Dale's Time 1 opens with 15 codes; Marcus's Time 1 adds one (Physical violence).
    expect(await men.locator('tbody tr').nth(0).locator('td').nth(4).textContent()).toBe('15');
    expect(await men.locator('tbody tr').nth(2).locator('td').nth(6).textContent()).toBe('Physical violence');
    await expect.poll(() => page.locator('.saturation-summary').textContent()).toContain('Man on programme: 30 codes in 4 transcripts');
    expect(await page.locator('.saturation img.chart').getAttribute('src')).toContain('data:image/svg+xml');
    await screenshot(page, 'analysis-saturation');
    expect(shared.errors).toEqual([]);
  });

  it('marks where k transcripts in a row added nothing', async () => {
    const { page } = shared;
    await page.getByLabel('One curve').selectOption('none');
    await page.getByLabel('Transcripts in a row adding nothing').fill('1');
    const all = page.getByRole('table', { name: 'Saturation: all transcripts' });
    const point = all.locator('tr.saturation-point');
    await expect.poll(() => point.count()).toBe(1);
    const added = await all.locator('tbody tr td:nth-child(5)').allTextContents();
    const at = await all.locator('tbody tr').evaluateAll((rows) => rows.findIndex((r) => r.classList.contains('saturation-point')));
    // The stopping point is the last transcript adding a code before the first that adds none.
    expect(Number(added[at])).toBeGreaterThan(0);
    expect(added[at + 1]).toBe('0');
    expect(added.slice(0, at + 1).every((n) => Number(n) > 0)).toBe(true);
  });

  it('exports the table and the chart, and opens a transcript from the table', async () => {
    const { page } = shared;
    const csv = await download(page, () => page.getByRole('button', { name: 'Export CSV' }).click());
    expect(csv.name).toBe('saturation.csv');
    expect(csv.text).toContain('Series,Order,Transcript,Participant,Wave,New codes,Cumulative codes');
    expect(csv.text).toMatch(/All transcripts,1,Dale_T1,Dale,Time 1,15,15,/);
    const svg = await download(page, () => page.getByRole('button', { name: 'Save chart (SVG)' }).click());
    expect(svg.name).toBe('saturation.svg');
    expect(svg.text).toContain('Saturation: codes found, transcript by transcript');
    await page.getByRole('table', { name: 'Saturation: all transcripts' }).getByRole('button', { name: 'Marcus_T1' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Coding' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.url()).toContain('/coding/');
    expect(shared.errors).toEqual([]);
  });
});
