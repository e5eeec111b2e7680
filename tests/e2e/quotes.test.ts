// End to end in Chromium on the sample project: find quotes for a code at Time 2 for one
// role, set a redaction, put two quotes in the basket, label and trim one, see an export
// refused while a typed label still names someone, then export DOCX (read back with mammoth)
// and Markdown, and copy to the clipboard.
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, screenshot, sharedPage, startApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe('Quotes', () => {
  describe('finds, redacts, baskets, trims, refuses a leak, and exports DOCX and Markdown', () => {
    const s = sharedPage(
      () => app,
      async ({ page, context }) => {
        await context.grantPermissions(['clipboard-read', 'clipboard-write']);
        await page.getByRole('button', { name: 'Open sample project' }).click();
        await page.getByRole('tab', { name: 'Quotes' }).click();
      },
    );
    const found = () => s.page.getByRole('list', { name: 'Quotes found' }).locator('li');
    const dale = () => found().filter({ hasText: '(Dale, Time 2)' }).filter({ hasText: "[child's name] on the stairs" }).first();
    const items = () => s.page.getByRole('list', { name: 'Basket' }).locator('li');

    it('saves a redaction list, and shows the attribution on an example quote', async () => {
      const { page, errors } = s;
      // Redaction first: the child's name never leaves the app.
      await page.getByRole('tab', { name: 'Style & redaction' }).click();
      await page.getByLabel('Identifier 1', { exact: true }).fill('Ellie');
      await page.getByLabel('Replacement 1', { exact: true }).fill("[child's name]");
      await page.getByRole('button', { name: 'Save redaction list' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Redaction list saved.' }).count()).toBe(1);
      await expect.poll(() => page.getByLabel('Example quote').textContent()).toMatch(/\(\w+, Time \d\)$/);
      await screenshot(page, 'quotes-style');
      expect(errors).toEqual([]);
    });

    it('finds the quotes of a code at Time 2 for the men on the programme, redacted, with counts and context', async () => {
      const { page, errors } = s;
      await page.getByRole('tab', { name: 'Find quotes' }).click();
      const codeSelect = page.getByLabel('Add a code');
      const value = await codeSelect.evaluate(
        (el) => [...(el as HTMLSelectElement).options].find((o) => o.text.trim() === 'Takes responsibility')!.value,
      );
      await codeSelect.selectOption(value);
      await page.getByRole('group', { name: 'Waves' }).getByLabel('Time 2').check();
      await page.getByRole('group', { name: 'Roles' }).getByLabel('Man on programme').check();
      await expect.poll(() => found().count()).toBeGreaterThanOrEqual(2);
      const counts = await page.getByLabel('Quote counts').textContent();
      // Two men in the sample, both interviewed at Time 2.
      expect(counts).toMatch(/passages? from 2 of 2 participants/);
      const headers = await found().locator('header strong').allTextContents();
      expect(headers.every((h) => /^\((Dale|Marcus), Time 2\)$/.test(h))).toBe(true);
      await expect.poll(() => dale().count()).toBe(1);
      await dale().getByRole('button', { name: 'Context' }).click();
      await expect.poll(() => dale().locator('.context').count()).toBe(2);
      await screenshot(page, 'quotes-find');
      expect(errors).toEqual([]);
    });

    it('exports the result list too: every quote found, redacted, with its attribution', async () => {
      const { page, errors } = s;
      const csv = await download(page, () => page.getByRole('button', { name: 'CSV' }).click());
      expect(csv.name).toMatch(/^Quotes - Takes responsibility \(with sub-codes\) · Time 2 · Man on programme\.csv$/);
      const lines = csv.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe('#,Quote,Attribution,Codes,Label,Used in,Transcript,Start,End,Time,Trimmed');
      expect(lines.length - 1).toBe(await found().count());
      expect(csv.text).toContain("[child's name] on the stairs");
      expect(csv.text).not.toMatch(/Ellie/);
      expect(errors).toEqual([]);
    });

    it('puts two quotes in the basket', async () => {
      const { page, errors } = s;
      await dale().getByRole('button', { name: 'Add to basket' }).click();
      await found().filter({ hasText: '(Marcus, Time 2)' }).first().getByRole('button', { name: 'Add to basket' }).click();
      await expect.poll(() => page.getByRole('tab', { name: 'Basket (2)' }).count()).toBe(1);
      expect(errors).toEqual([]);
    });

    it('orders the basket by dragging and by buttons, and labels a quote and names its paper', async () => {
      const { page, errors } = s;
      // The basket: move Marcus first, label one quote with a name (typed, so not redacted).
      await page.getByRole('tab', { name: 'Basket (2)' }).click();
      // By dragging the second quote's handle onto the first, then by the buttons down and up.
      await items().nth(1).locator('.drag-handle').dragTo(items().first());
      await expect.poll(() => items().first().textContent()).toMatch(/\(Marcus, Time 2\)/);
      await page.getByRole('button', { name: 'Move quote 1 down' }).click();
      await expect.poll(() => items().first().textContent()).toMatch(/\(Dale, Time 2\)/);
      await page.getByRole('button', { name: 'Move quote 2 up' }).click();
      await expect.poll(() => items().first().textContent()).toMatch(/\(Marcus, Time 2\)/);
      await page.getByLabel('Label of quote 2').fill('Dale on Ellie and the door');
      await page.getByLabel('Label of quote 2').press('Enter');
      await page.getByLabel('Paper using quote 2').fill('Paper 1');
      await page.getByLabel('Paper using quote 2').press('Enter');
      expect(errors).toEqual([]);
    });

    it('trims a quote by cutting words out, shown as an ellipsis', async () => {
      const { page, errors } = s;
      // Trim: cut the first sentence of Marcus's quote; it shows as an ellipsis.
      const first = items().first();
      await first.getByRole('button', { name: 'Trim…' }).click();
      const raw = first.locator('.raw-passage span').first();
      await raw.evaluate((span) => {
        const text = span.firstChild!;
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, (text.textContent ?? '').indexOf('.') + 1);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
      });
      await first.getByRole('button', { name: 'Cut selection' }).click();
      await expect.poll(() => first.locator('.quote-body').textContent()).toMatch(/^… /);
      await expect.poll(() => first.locator('.raw-passage .cut').count()).toBe(1);
      await screenshot(page, 'quotes-basket');
      expect(errors).toEqual([]);
    });

    it('refuses an export while a typed label still names the child, saying where', async () => {
      const { page, errors } = s;
      // The label still names the child: every export is refused, saying where.
      await page.getByRole('button', { name: 'DOCX' }).click();
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toMatch(/Not exported: quote 2 \(Dale, Time 2\) \(its label\) still holds “Ellie” \(listed: Ellie\)/);
      await page.getByLabel('Label of quote 2').fill('Dale on the door');
      await page.getByLabel('Label of quote 2').press('Enter');
      expect(errors).toEqual([]);
    });

    it('exports the basket as DOCX, in its order, trimmed, labelled and redacted', async () => {
      const { page, errors } = s;
      const docx = await download(page, () => page.getByRole('button', { name: 'DOCX' }).click());
      expect(docx.name).toBe('Quote basket.docx');
      const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(docx.bytes) });
      expect(text).toContain('Quotes from Sample study (fictional)');
      expect(text).toMatch(/… [^\n]+ \(Marcus, Time 2\)/);
      expect(text).toMatch(/\[child's name\] on the stairs[^\n]* \(Dale, Time 2\)/);
      expect(text).toContain('2. Dale on the door · used in Paper 1');
      expect(text).toContain('Codes: Awareness of self and others / Takes responsibility');
      expect(text).not.toMatch(/Ellie/);
      expect(text.indexOf('(Marcus, Time 2)')).toBeLessThan(text.indexOf('(Dale, Time 2)'));
      expect(errors).toEqual([]);
    });

    it('exports the basket as Markdown', async () => {
      const { page, errors } = s;
      const md = await download(page, () => page.getByRole('button', { name: 'Markdown' }).click());
      expect(md.name).toBe('Quote basket.md');
      expect(md.text).toMatch(/^# Quotes from Sample study \(fictional\)\n/);
      expect(md.text).toMatch(
        /\*\*2\. Dale on the door · used in Paper 1\*\*\n\n> .*\\\[child's name\\\] on the stairs.* \(Dale, Time 2\)/,
      );
      expect(md.text).not.toMatch(/Ellie/);
      expect(errors).toEqual([]);
    });

    it("copies only one paper's quotes as text", async () => {
      const { page, errors } = s;
      await page.getByLabel('Show quotes used in').selectOption('Paper 1');
      await page.getByRole('button', { name: 'Copy' }).click();
      await expect
        .poll(() => page.evaluate(() => navigator.clipboard.readText()))
        .toMatch(/^[^\n]*\[child's name\] on the stairs[^\n]* \(Dale, Time 2\)$/);
      expect(errors).toEqual([]);
    });

    it('keeps the basket over a reload, and Ctrl+Z takes back the last change (the new label)', async () => {
      const { page, errors } = s;
      await page.reload();
      await page.getByRole('tab', { name: 'Basket (2)' }).click();
      await expect.poll(() => page.getByLabel('Label of quote 2').inputValue()).toBe('Dale on the door');
      await page.locator('body').press('Control+z');
      await expect.poll(() => page.getByLabel('Label of quote 2').inputValue()).toBe('Dale on Ellie and the door');
      expect(errors).toEqual([]);
    });
  });
});
