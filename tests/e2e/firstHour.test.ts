// End to end in Chromium: what a researcher meets in the first hour. Dialogs that take the
// keyboard, fields whose last keystrokes reach exports and survive a reload.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, screenshot, startApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const focused = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? null);

async function openSample(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open sample project' }).click();
  await page.getByRole('tab', { name: 'Coding' }).waitFor();
}

describe('first hour', () => {
  it('dialogs focus their safest button, keep Tab inside and close on Esc', async () => {
    const { page, errors } = await app.newPage();
    await page.getByLabel('New project name').fill('Focus test');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('button', { name: '← Projects' }).click();
    await page.getByRole('button', { name: 'Delete Focus test' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete project?' });
    await dialog.waitFor();
    // The safe choice has the focus, never the × and never the destructive button.
    await expect.poll(() => focused(page)).toBe('Cancel');
    for (let i = 0; i < 5; i += 1) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')))).toBe(true);
    }
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByText('Focus test').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('a basket label typed and exported at once goes out as typed, and the refusal quotes it', async () => {
    const { page, errors } = await app.newPage();
    await openSample(page);
    await page.getByRole('tab', { name: 'Quotes' }).click();
    await page.getByRole('tab', { name: 'Style & redaction' }).click();
    await page.getByLabel('Identifier 1', { exact: true }).fill('Ellie');
    await page.getByLabel('Replacement 1', { exact: true }).fill("[child's name]");
    await page.getByRole('button', { name: 'Save redaction list' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Redaction list saved.' }).count()).toBe(1);
    await page.getByRole('tab', { name: 'Find quotes' }).click();
    const found = page.getByRole('list', { name: 'Quotes found' }).locator('li');
    await found.first().getByRole('button', { name: 'Add to basket' }).click();
    await page.getByRole('tab', { name: 'Basket (1)' }).click();

    // Typed, then straight to the button: no Enter, no waiting.
    await page.getByLabel('Label of quote 1').fill('Where Ellie hid');
    await page.getByRole('button', { name: 'Markdown' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/quote 1 .*\(its label\) still holds “Ellie”/);
    await page.getByLabel('Label of quote 1').fill('Where the child hid');
    const md = await download(page, () => page.getByRole('button', { name: 'Markdown' }).click());
    expect(md.text).toContain('Where the child hid');
    expect(md.text).not.toContain('Ellie');
    expect(errors).toEqual([]);
  });

  it('a memo typed and reloaded at once is kept', async () => {
    const { page, errors } = await app.newPage();
    await openSample(page);
    await page.getByRole('tab', { name: 'Coding' }).click();
    await page.getByRole('dialog', { name: 'Who is coding?' }).getByRole('button').filter({ hasText: 'Ana' }).click();
    const memo = page.getByLabel('Transcript memo');
    await memo.fill('Check the second half against the audio.');
    await page.reload();
    await expect.poll(() => page.getByLabel('Transcript memo').inputValue()).toBe('Check the second half against the audio.');
    // Stored in the project, not only shown from the crash journal: gone from the journal, it stays.
    await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('mirabal:draft:')).length)).toBe(0);
    await page.reload();
    await expect.poll(() => page.getByLabel('Transcript memo').inputValue()).toBe('Check the second half against the audio.');
    await screenshot(page, 'memo-after-reload');
    expect(errors).toEqual([]);
  });

  it('asks who is coding once per computer, not once per project', async () => {
    const { page, errors } = await app.newPage();
    for (const name of ['Study one', 'Study two']) {
      await page.getByLabel('New project name').fill(name);
      await page.getByRole('button', { name: 'Create project' }).click();
      await page.getByRole('tab', { name: 'Coding' }).click();
      if (name === 'Study one') {
        const gate = page.getByRole('dialog', { name: 'Who is coding?' });
        await expect.poll(() => focused(page)).toBe('New coder name');
        await page.keyboard.type('Tess');
        await page.keyboard.press('Enter');
        await gate.waitFor({ state: 'detached' });
      } else {
        await expect.poll(() => page.getByRole('button', { name: 'Coder' }).textContent()).toContain('Tess');
        expect(await page.getByRole('dialog', { name: 'Who is coding?' }).count()).toBe(0);
      }
      await page.getByRole('button', { name: '← Projects' }).click();
    }
    expect(errors).toEqual([]);
  });

  it('cuts off neither the project name in the header nor any placeholder', async () => {
    const { page, errors } = await app.newPage();
    // Every visible placeholder fits its field: measured in the field's own font.
    const cutPlaceholders = () =>
      page.evaluate(() => {
        const ctx = document.createElement('canvas').getContext('2d')!;
        return [...document.querySelectorAll<HTMLInputElement>('input[placeholder], textarea[placeholder]')]
          .filter((el) => el.offsetParent !== null && el.value === '' && el.tagName === 'INPUT')
          .filter((el) => {
            const css = getComputedStyle(el);
            ctx.font = `${css.fontStyle} ${css.fontWeight} ${css.fontSize} ${css.fontFamily}`;
            const room = el.clientWidth - parseFloat(css.paddingLeft) - parseFloat(css.paddingRight);
            return ctx.measureText(el.placeholder).width > room + 1;
          })
          .map((el) => `${el.getAttribute('aria-label')}: “${el.placeholder}”`);
      });
    expect(await cutPlaceholders()).toEqual([]);
    await openSample(page);
    const title = page.locator('.project-head h1');
    expect(await title.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await title.getAttribute('title')).toBe('Sample study (fictional)');
    for (const tab of [
      'Transcripts',
      'Codebook',
      'Search',
      'Retrieval',
      'Quotes',
      'Time 1 / Time 2',
      'Agreement',
      'Participants',
      'Project',
    ]) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await page.waitForTimeout(300);
      expect(await cutPlaceholders(), tab).toEqual([]);
    }
    await screenshot(page, 'project-header');
    expect(errors).toEqual([]);
  });

  it('shows what is coded on hover, with a highlight strength to choose, and lets go on a click in plain text', async () => {
    const { page, errors } = await app.newPage();
    await openSample(page);
    await page.getByRole('tab', { name: 'Coding' }).click();
    await page.getByRole('dialog', { name: 'Who is coding?' }).getByRole('button').filter({ hasText: 'Ana' }).click();
    const overlap = page.locator('.coding-mark.overlap').first();
    await overlap.hover({ position: { x: 4, y: 4 } });
    const tip = page.getByRole('tooltip');
    await expect.poll(() => tip.locator('.coding-tooltip-row').count()).toBeGreaterThan(1);
    expect(await tip.textContent()).toMatch(/· (Ana|Ben) \(coder [AB]\)/);
    await screenshot(page, 'coding-hover');
    // A stripe names its one coding.
    await page.locator('.coding-stripe').first().hover();
    await expect.poll(() => tip.locator('.coding-tooltip-row').count()).toBe(1);
    await page.mouse.move(5, 5);
    await expect.poll(() => tip.count()).toBe(0);

    // Highlight strength: a stronger setting paints the same mark more opaquely.
    const alpha = () => overlap.evaluate((el) => Number(/^rgba\(.*,\s*([\d.]+)\)$/.exec(getComputedStyle(el).backgroundColor)?.[1] ?? 1));
    const medium = await alpha();
    await page.getByLabel('Highlight strength').selectOption({ label: 'strong' });
    await expect.poll(alpha).toBeGreaterThan(medium);
    await page.getByLabel('Highlight strength').selectOption({ label: 'light' });
    await expect.poll(alpha).toBeLessThan(medium);

    // Click a coding: the side panel shows it; click plain text: the panel lets go.
    await overlap.click();
    await page.getByRole('article').first().waitFor();
    const plain = page
      .locator('.transcript-content .turn')
      .filter({ hasNot: page.locator('.coding-mark') })
      .first();
    await plain.click();
    await expect.poll(() => page.getByRole('article').count()).toBe(0);
    await expect.poll(() => page.locator('.selection-info').textContent()).toBe('Select text to code it');

    // Code names in the sidebar wrap rather than end in "…".
    const cut = await page
      .locator('.code-list .code-row .name')
      .evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
    expect(cut).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('gives sibling codes of the study codebook clearly different colours', async () => {
    const { page, errors } = await app.newPage();
    await openSample(page);
    await page.getByRole('tab', { name: 'Codebook' }).click();
    const colours = await page
      .getByRole('treeitem')
      .evaluateAll((rows) =>
        rows.map((r) => ({ level: r.getAttribute('aria-level'), colour: getComputedStyle(r.querySelector('.swatch')!).backgroundColor })),
      );
    // Children of one parent: consecutive rows at the same level below it.
    const runs: string[][] = [];
    let run: string[] = [];
    for (const row of colours) {
      if (row.level === '2') run.push(row.colour);
      else if (run.length) {
        runs.push(run);
        run = [];
      }
    }
    expect(runs.length).toBeGreaterThan(5);
    // Not only different colours: different hues (shades of one hue are what looked alike).
    const hue = (rgb: string) => {
      const [r, g, b] = (rgb.match(/\d+/g) ?? []).map((v) => Number(v) / 255) as [number, number, number];
      const max = Math.max(r, g, b);
      const d = max - Math.min(r, g, b);
      if (d === 0) return 0;
      const h = max === r ? ((g - b) / d + 6) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
      return h * 60;
    };
    const gap = (a: number, b: number) => Math.min(Math.abs(a - b) % 360, 360 - (Math.abs(a - b) % 360));
    for (const r of runs) {
      for (const [i, a] of r.entries())
        for (const b of r.slice(i + 1)) expect(gap(hue(a), hue(b)), `${a} / ${b}`).toBeGreaterThanOrEqual(15);
    }
    expect(errors).toEqual([]);
  });

  it('puts a new code in view with its name ready to type, and asks before merging', async () => {
    const { page, errors } = await app.newPage();
    await openSample(page);
    await page.getByRole('tab', { name: 'Codebook' }).click();
    await page.getByRole('button', { name: 'New code', exact: true }).click();
    await expect.poll(() => focused(page)).toBe('Code name');
    await page.keyboard.type('Turning points');
    await page.keyboard.press('Enter');
    const row = page.getByRole('treeitem', { name: /Turning points/ });
    await row.waitFor();
    // In view: the row itself is what the page shows at its middle.
    await expect
      .poll(() =>
        row.evaluate((el) => {
          const box = el.getBoundingClientRect();
          return el.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2));
        }),
      )
      .toBe(true);

    await page.getByRole('treeitem', { name: /Steps backwards/ }).click();
    await page.getByLabel('Merge into').selectOption({ label: 'Turning points' });
    await page.getByRole('button', { name: 'Merge…' }).click();
    const ask = page.getByRole('dialog', { name: 'Merge codes?' });
    await expect
      .poll(() => ask.textContent())
      .toMatch(/“Steps backwards” goes into “Turning points”: its \d+ coding\(s\) become codings of “Turning points”/);
    await expect.poll(() => focused(page)).toBe('Cancel');
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    await page.getByRole('treeitem', { name: /Steps backwards/ }).waitFor();
    await page.getByRole('button', { name: 'Merge…' }).click();
    await page.getByRole('dialog', { name: 'Merge codes?' }).getByRole('button', { name: 'Merge' }).click();
    await expect.poll(() => page.getByRole('treeitem', { name: /Steps backwards/ }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('loads without a failed request (the favicon included)', async () => {
    const { context, errors } = await app.newPage();
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
    page.on('requestfailed', (r) => failed.push(`failed ${r.url()} ${r.failure()?.errorText ?? ''}`));
    const iconLoaded = page.waitForResponse((r) => r.url().endsWith('/favicon.svg'));
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Open sample project' }).waitFor();
    const icon = await iconLoaded;
    expect({ status: icon.status(), type: icon.headers()['content-type'] }).toEqual({
      status: 200,
      type: expect.stringContaining('image/svg+xml'),
    });
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
  });
});
