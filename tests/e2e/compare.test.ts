// End to end in Chromium on the sample project: the wave matrix (one role by default), a cell's
// passages, the paired reader, and a change-matrix cell filled in, kept over a reload,
// undone, and exported.
import ExcelJS from 'exceljs';
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

/** The sample project, open at Time 1 / Time 2. */
async function openWaves(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open sample project' }).click();
  await page.getByRole('tab', { name: 'Time 1 / Time 2' }).click();
}

/** The numbers shown in the change matrix's cells of one code, [first, second] per participant row. */
async function changeCounts(page: Page, code: string): Promise<[number, number][]> {
  const texts = await page.locator(`table.framework .cell-button[aria-label$="× ${code}"] .counts`).allTextContents();
  return texts.map((t) => t.split('→').map((n) => Number(n.trim())) as [number, number]);
}

/** The wave matrix's Passages count of a code (by its row heading) at the second wave. */
async function secondWavePassages(page: Page, code: string): Promise<number> {
  const row = page.locator('table.matrix tbody tr').filter({ has: page.locator('th', { hasText: new RegExp(`^${code}$`) }) });
  // Columns: code, then People, Passages, Words per wave: the second wave's Passages is the 6th cell.
  return Number(await row.locator('th, td').nth(5).textContent());
}

/**
 * Every <text> of each chart image, drawn by this Chromium at the SVG's own size: its box
 * relative to the SVG's (rotated labels included), so "fits" means what is seen.
 */
async function chartTextBoxes(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((imgs) =>
    imgs.map((img) => {
      const svgText = decodeURIComponent((img as HTMLImageElement).src.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''));
      const host = document.createElement('div');
      host.style.cssText = 'position:absolute;left:0;top:0;visibility:hidden';
      host.innerHTML = svgText;
      document.body.append(host);
      const svg = host.querySelector('svg')!;
      const frame = svg.getBoundingClientRect();
      const texts = [...svg.querySelectorAll('text')].map((t) => {
        const box = t.getBoundingClientRect();
        return {
          text: t.textContent ?? '',
          left: box.left - frame.left,
          right: box.right - frame.left,
          top: box.top - frame.top,
          bottom: box.bottom - frame.top,
        };
      });
      host.remove();
      return { width: frame.width, height: frame.height, texts };
    }),
  );
}

describe('Time 1 / Time 2', () => {
  describe('matrix, passages, paired reader, charts, a change-matrix cell kept over reload, export', () => {
    const s = sharedPage(
      () => app,
      ({ page }) => openWaves(page),
    );
    /** The change-matrix cell filled in, by its accessible name. */
    let name = '';

    it('shows the wave matrix of the first role, the men, n = 2 at each wave', async () => {
      const { page, errors } = s;
      const matrix = page.locator('table.matrix');
      await expect.poll(() => matrix.locator('tbody tr').count()).toBeGreaterThan(40);
      // The two men on the programme (the first role), each interviewed at both waves.
      await expect.poll(() => matrix.locator('thead').textContent()).toMatch(/Time 1 \(n = 2\).*Time 2 \(n = 2\)/);
      await expect.poll(() => page.locator('.wave-matrix p.small').first().textContent()).toMatch(/Roles: Man on programme/);
      await screenshot(page, 'compare-matrix');
      expect(errors).toEqual([]);
    });

    it('opens the passages behind a count', async () => {
      const { page, errors } = s;
      const matrix = page.locator('table.matrix');
      // Open the passages behind the first non-zero Time 1 count.
      const cell = matrix.locator('tbody td.num button:not([disabled])').first();
      const label = (await cell.getAttribute('aria-label'))!;
      await cell.click();
      const drill = page.getByRole('complementary', { name: 'Behind the number' });
      await expect.poll(() => drill.locator('blockquote').count()).toBeGreaterThan(0);
      expect(label).toMatch(/: [1-9]\d* of 2$/);
      await screenshot(page, 'compare-drill');
      expect(errors).toEqual([]);
    });

    it('exports the wave matrix as CSV with its filters and the McNemar p', async () => {
      const { page, errors } = s;
      const csv = await download(page, () => page.getByRole('button', { name: 'Export CSV' }).click());
      expect(csv.name).toBe('wave-matrix.csv');
      expect(csv.text).toMatch(/^\uFEFF?Filters,"?Waves compared: Time 1 → Time 2; Roles: Man on programme/);
      expect(csv.text).toMatch(/McNemar exact p \(two-sided\)/);
      expect(errors).toEqual([]);
    });

    it("shows one man's Time 1 and Time 2 passages side by side, or the whole transcripts", async () => {
      const { page, errors } = s;
      // Paired reader: one man's Time 1 and Time 2 passages side by side.
      await page.getByRole('tab', { name: 'Paired reader' }).click();
      await expect.poll(() => page.locator('table.paired tbody tr').count()).toBeGreaterThan(1);
      await screenshot(page, 'compare-paired');
      await page.getByRole('button', { name: 'Whole transcripts' }).click();
      await expect.poll(() => page.locator('.side-by-side .pane').count()).toBe(2);
      expect(errors).toEqual([]);
    });

    it("charts a measure's indicators at both waves and saves a chart as SVG", async () => {
      const { page, errors } = s;
      await page.getByRole('tab', { name: 'Charts' }).click();
      await expect.poll(() => page.locator('.chart-grid img').count()).toBe(13);
      await screenshot(page, 'compare-charts');
      const svg = await download(page, () => page.locator('.chart-grid figure').first().getByRole('button', { name: 'Save SVG' }).click());
      expect(svg.name).toBe('respectful-communication.svg');
      expect(svg.text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg".*Respectful communication/s);
      expect(svg.text).toMatch(/\d+% \(\d+\/2\)/);
      expect(errors).toEqual([]);
    });

    it('keeps a change-matrix cell, summarised and judged, over a reload', async () => {
      const { page, errors } = s;
      await page.getByRole('tab', { name: 'Change matrix' }).click();
      const first = page.locator('table.framework .cell-button').first();
      name = (await first.getAttribute('aria-label'))!;
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
      expect(errors).toEqual([]);
    });

    it('exports the change matrix, that cell included, as CSV and XLSX', async () => {
      const { page, errors } = s;
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
      expect(errors).toEqual([]);
    });

    it('takes the cell back with Undo', async () => {
      const { page, errors } = s;
      await page.getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => page.getByRole('button', { name }).textContent()).not.toMatch(/Strengthened/);
      expect(errors).toEqual([]);
    });
  });

  describe('one role by default with n per role; change matrix and wave matrix count the same passages; charts fit', () => {
    const s = sharedPage(
      () => app,
      ({ page }) => openWaves(page),
    );
    const matrix = () => s.page.locator('table.matrix');
    const roles = () => s.page.getByRole('group', { name: 'Roles' });
    const perRole = () => s.page.locator('.wave-matrix .role-counts');
    /** The change matrix's [first, second] counts of Respectful communication with every role, and their Time 2 sum. */
    let everyone: [number, number][] = [];
    let changeTotal = 0;

    it('starts on the first role with transcripts at both waves, and gives its n', async () => {
      const { page, errors } = s;
      // The first role with transcripts at both waves is chosen at the top; the others are not.
      await expect.poll(() => roles().getByLabel('Man on programme').isChecked()).toBe(true);
      for (const other of ['Woman (ex-)partner', 'Staff', 'Child', 'Stakeholder'])
        expect(await roles().getByLabel(other).isChecked()).toBe(false);
      await expect.poll(() => matrix().locator('thead').textContent()).toMatch(/Time 1 \(n = 2\).*Time 2 \(n = 2\)/);
      await expect.poll(() => perRole().textContent()).toMatch(/Man on programme: 2 at Time 1, 2 at Time 2, 2 at both/);
      expect(await perRole().textContent()).not.toMatch(/Woman|Staff|Child|mix/);
      await screenshot(page, 'compare-matrix-one-role');
      expect(errors).toEqual([]);
    });

    it('lists men only behind "Only at Time 2"', async () => {
      const { page, errors } = s;
      const respectful = matrix()
        .locator('tbody tr')
        .filter({ has: page.locator('th', { hasText: /^Respectful communication$/ }) });
      await respectful.locator('td').nth(7).getByRole('button').click();
      const drill = page.getByRole('complementary', { name: 'Behind the number' });
      await expect.poll(() => drill.locator('li').count()).toBeGreaterThan(0);
      expect(new Set(await drill.locator('li .muted').allTextContents())).toEqual(new Set(['Man on programme']));
      await drill.getByRole('button', { name: 'Close' }).click();
      expect(errors).toEqual([]);
    });

    it("counts in the change matrix, for one role, the wave matrix's passages at Time 2", async () => {
      const { page, errors } = s;
      // With all coders, the change matrix's Time 2 numbers for a code add up to the wave matrix's passages: one role…
      const menInMatrix = await secondWavePassages(page, 'Respectful communication');
      await page.getByRole('tab', { name: 'Change matrix' }).click();
      await expect.poll(async () => (await changeCounts(page, 'Respectful communication')).length).toBe(2);
      const men = await changeCounts(page, 'Respectful communication');
      expect(men.reduce((sum, [, second]) => sum + second, 0)).toBe(menInMatrix);
      expect(errors).toEqual([]);
    });

    it("counts in the change matrix every role, two coders' codings of the same words once", async () => {
      const { page, errors } = s;
      // …and every role (no role ticked), where two coders' codings of the same words once counted twice here.
      await roles().getByLabel('Man on programme').uncheck();
      await expect.poll(async () => (await changeCounts(page, 'Respectful communication')).length).toBe(6);
      everyone = await changeCounts(page, 'Respectful communication');
      changeTotal = everyone.reduce((sum, [, second]) => sum + second, 0);
      await expect.poll(() => page.locator('.change-matrix .muted.small').first().textContent()).toMatch(/coded passages/);
      await screenshot(page, 'compare-change-matrix-all-roles');
      expect(errors).toEqual([]);
    });

    it("counts in a cell's dialog the passages its cell counts", async () => {
      const { page, errors } = s;
      const busiest = everyone.reduce((best, [, second], i) => (second > everyone[best]![1] ? i : best), 0);
      const cellButton = page.locator('table.framework .cell-button[aria-label$="× Respectful communication"]').nth(busiest);
      const cellName = (await cellButton.getAttribute('aria-label'))!;
      await cellButton.click();
      const editor = page.getByRole('dialog', { name: cellName });
      const second = everyone[busiest]![1];
      await expect
        .poll(() => editor.locator('section').nth(1).locator('p.small').textContent())
        .toMatch(new RegExp(`^${second} passages?\\b`));
      expect(await editor.locator('section').nth(1).locator('ol.evidence > li').count()).toBe(second);
      await screenshot(page, 'compare-cell-editor-passages');
      await editor.getByRole('button', { name: 'Cancel' }).click();
      expect(errors).toEqual([]);
    });

    it("counts in the wave matrix, for every role, the change matrix's passages, with each role's n and the mix said", async () => {
      const { page, errors } = s;
      await page.getByRole('tab', { name: 'Wave matrix' }).click();
      await expect.poll(() => matrix().locator('thead').textContent()).toMatch(/Time 1 \(n = 6\)/);
      expect(await secondWavePassages(page, 'Respectful communication')).toBe(changeTotal);
      expect(changeTotal).toBeGreaterThan(0);
      // Several roles counted together: each role's n is shown, and the mix is said.
      await expect.poll(() => perRole().textContent()).toMatch(/mix roles/);
      const perRoleText = (await perRole().textContent())!;
      for (const role of ['Man on programme', 'Woman \\(ex-\\)partner', 'Staff', 'Child'])
        expect(perRoleText).toMatch(new RegExp(`${role}: \\d+ at Time 1, \\d+ at Time 2, \\d+ at both`));
      await screenshot(page, 'compare-matrix-all-roles');
      expect(errors).toEqual([]);
    });

    it('keeps every filter line and label inside its chart, the filters written out whole', async () => {
      const { page, errors } = s;
      await roles().getByLabel('Man on programme').check();
      await page.getByRole('tab', { name: 'Charts' }).click();
      await expect.poll(() => page.locator('.chart-grid img').count()).toBe(13);
      await screenshot(page, 'compare-charts-wrapped');
      for (const chart of await chartTextBoxes(page, '.chart-grid img')) {
        for (const t of chart.texts) {
          expect(t.left, t.text).toBeGreaterThanOrEqual(-0.5);
          expect(t.right, t.text).toBeLessThanOrEqual(chart.width + 0.5);
        }
        const written = chart.texts.map((t) => t.text).join(' ');
        expect(written).toMatch(/Waves compared: Time 1 → Time 2;.*Interviewer turns: counted/s);
      }
      expect(errors).toEqual([]);
    });

    it('fits the heat map and everything drawn in it in its card, wide (all codes) or narrow (one measure)', async () => {
      const { page, errors } = s;
      const card = page.locator('figure.chart.heat');
      for (const codes of ['', 'Respectful communication']) {
        if (codes) await page.getByLabel('Heat map codes').selectOption({ label: codes });
        await card.scrollIntoViewIfNeeded();
        const outer = (await card.boundingBox())!;
        const inner = (await card.locator('img').boundingBox())!;
        expect(inner.x).toBeGreaterThanOrEqual(outer.x - 0.5);
        expect(inner.x + inner.width).toBeLessThanOrEqual(outer.x + outer.width + 0.5);
        expect(inner.width).toBeGreaterThan(outer.width / 3);
        const [heat] = await chartTextBoxes(page, 'figure.chart.heat img');
        for (const t of heat!.texts) {
          expect(t.left, t.text).toBeGreaterThanOrEqual(-0.5);
          expect(t.right, t.text).toBeLessThanOrEqual(heat!.width + 0.5);
          expect(t.top, t.text).toBeGreaterThanOrEqual(-0.5);
        }
        expect(heat!.texts.map((t) => t.text).join(' ')).toMatch(/Waves compared:.*Interviewer turns: counted/s);
        await screenshot(page, codes ? 'compare-heat-map-one-measure' : 'compare-heat-map');
      }
      expect(errors).toEqual([]);
    });
  });
});
