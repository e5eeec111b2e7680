// End to end in Chromium on the sample project: the Search tab indexes the transcripts in its
// worker, finds a query with counts per wave and participant, sorts the concordance, exports
// it, explains a bad query, and opens a hit in its transcript.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, screenshot, sharedPage, startApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe('Search', () => {
  const s = sharedPage(
    () => app,
    async ({ page }) => {
      await page.getByRole('button', { name: 'Open sample project' }).click();
      await page.getByRole('tab', { name: 'Search' }).click();
    },
  );
  const lines = () => s.page.getByRole('list', { name: 'Concordance' }).getByRole('listitem');
  /** Until the lines in view have come from the search worker and are drawn. */
  const drawn = () =>
    expect.poll(() => s.page.getByRole('list', { name: 'Concordance' }).getAttribute('aria-busy'), { timeout: 10_000 }).toBe('false');

  it('finds a word in the participants’ turns, with the hits counted per wave and participant', async () => {
    const { page, errors } = s;
    await page.getByLabel('Search the transcripts').fill('police OR court*');
    await page.getByLabel('Search the transcripts').press('Enter');
    await expect
      .poll(() => page.getByRole('status', { name: 'Search counts' }).textContent())
      .toMatch(/^\d+ hits? in \d+ of 12 transcripts · Time 1: \d+/);
    await drawn();
    expect(await lines().count()).toBeGreaterThan(2);
    const keywords = await page.locator('.kwic-keyword').allTextContents();
    expect(keywords.every((k) => /^(police|court\w*)$/i.test(k))).toBe(true);
    const perPerson = await page.getByRole('complementary', { name: 'Hits per participant' }).locator('tbody tr').count();
    expect(perPerson).toBeGreaterThan(1);
    await screenshot(page, 'search-concordance');
    expect(errors).toEqual([]);
  });

  it('sorts the concordance by the words after the keyword, and exports it as CSV', async () => {
    const { page, errors } = s;
    await page.getByRole('button', { name: 'words after' }).click();
    // The lines in view come from the search worker, sorted there: wait until they are drawn.
    await drawn();
    await expect.poll(() => page.locator('.kwic-right').count()).toBeGreaterThan(3);
    const after = await page.locator('.kwic-right').allTextContents();
    // Punctuation does not count: the first word after the keyword does.
    const firstWords = after.map((t) => (/[\p{L}\p{N}']+/u.exec(t)?.[0] ?? '').toLowerCase());
    expect(firstWords).toEqual([...firstWords].sort((a, b) => a.localeCompare(b)));
    expect(new Set(firstWords).size).toBeGreaterThan(3);
    const file = await download(page, () => page.getByRole('button', { name: 'Export CSV' }).click());
    const csv = new TextDecoder().decode(file.bytes);
    expect(csv.split('\n')[0]).toMatch(/^\uFEFF?Participant,Wave,Transcript,Before,Keyword,After,Start,End/);
    expect(csv.split('\n').length).toBeGreaterThan(3);
    expect(errors).toEqual([]);
  });

  it('says where a query cannot be read, and refuses a regular expression that could hang', async () => {
    const { page, errors } = s;
    const box = page.getByLabel('Search the transcripts');
    await box.fill('police AND');
    await box.press('Enter');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/AND needs a word on each side/);
    await box.fill('/(a+)+b/');
    await box.press('Enter');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/repeats inside/);
    await page.getByRole('button', { name: 'How to search' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'How to search' }).textContent()).toMatch(/NEAR/);
    await screenshot(page, 'search-help');
    await page.getByRole('button', { name: 'How to search' }).click();
    expect(errors).toEqual([]);
  });

  it('auto-codes the hits by sentence after a preview, as one step Ctrl+Z takes back', async () => {
    const { page, errors } = s;
    const box = page.getByLabel('Search the transcripts');
    await box.fill('police');
    await box.press('Enter');
    await expect.poll(() => lines().count()).toBeGreaterThan(1);
    await drawn();
    const hits = await lines().count();
    await page.getByRole('button', { name: 'Auto-code…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Auto-code the hits' });
    const code = dialog.getByLabel('Code to apply');
    const value = await code.evaluate(
      (el) => [...(el as HTMLSelectElement).options].find((o) => o.text.trim() === 'Harassment and other abuse')!.value,
    );
    await code.selectOption(value);
    await dialog.getByLabel('How much to code').selectOption('sentence');
    const passages = dialog.getByRole('list', { name: 'Passages to code' }).getByRole('listitem');
    await expect.poll(() => passages.count()).toBeGreaterThan(0);
    const count = await passages.count();
    expect(count).toBeLessThanOrEqual(hits);
    expect(await passages.first().textContent()).toMatch(/police/i);
    await passages.first().getByRole('checkbox').uncheck();
    await screenshot(page, 'search-autocode-preview');
    await dialog.getByRole('button', { name: `Code ${count - 1} passage` }).click();
    await expect
      .poll(() => page.getByRole('status', { name: 'Auto-coded' }).textContent())
      .toMatch(new RegExp(`^Coded ${count - 1} passages? "Harassment and other abuse" as Auto-coded`));
    const undo = page.getByRole('button', { name: 'Undo' });
    await expect
      .poll(() => undo.getAttribute('title'))
      .toMatch(/Undo: Auto-code \d+ passages? "Harassment and other abuse" \(search "police"\)/);
    // The codings exist under the Auto-coded coder, and one Ctrl+Z takes every one back.
    await page.locator('.project-head h1').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => undo.getAttribute('title')).not.toMatch(/Auto-code/);
    expect(errors).toEqual([]);
  });

  it('counts words without stop words, saves the word cloud as SVG, compares waves, and searches a clicked word', async () => {
    const { page, errors } = s;
    await page.getByRole('tab', { name: 'Word frequencies' }).click();
    const table = page.getByRole('table', { name: 'Most frequent words' });
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(20);
    const words = await table.locator('tbody td:first-child').allTextContents();
    for (const stop of ['the', 'and', "don't", 'was']) expect(words).not.toContain(stop);
    expect(await page.getByRole('status', { name: 'Words counted' }).textContent()).toMatch(/different words in [\d,]+ words counted/);
    await expect.poll(() => page.getByRole('img', { name: 'Word cloud' }).locator('text').count()).toBeGreaterThan(20);
    await screenshot(page, 'search-word-frequencies');
    const file = await download(page, () => page.getByRole('button', { name: 'Save word cloud (SVG)' }).click());
    expect(file.name).toBe('Word cloud.svg');
    const svg = new TextDecoder().decode(file.bytes);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain(`data-word="${words[0]}"`);
    // Time 2 against Time 1, per 1,000 words.
    await page.getByLabel('Compare waves').selectOption({ label: 'Time 2 against Time 1' });
    await expect.poll(() => page.getByRole('table', { name: 'Words compared' }).locator('tbody tr').count()).toBeGreaterThan(10);
    await screenshot(page, 'search-word-compare');
    await page.getByLabel('Compare waves').selectOption({ label: 'no comparison' });
    // A click on a word searches it.
    await table.getByRole('button', { name: words[0]!, exact: true }).click();
    await expect.poll(() => page.getByLabel('Search the transcripts').inputValue()).toBe(words[0]);
    await expect.poll(() => lines().count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('opens a hit at its place in the transcript', async () => {
    const { page, errors } = s;
    const box = page.getByLabel('Search the transcripts');
    await box.fill('"my fault"');
    await box.press('Enter');
    await expect.poll(() => lines().count()).toBeGreaterThan(0);
    await lines().first().click();
    await expect.poll(() => page.getByRole('tab', { name: 'Coding' }).getAttribute('aria-selected')).toBe('true');
    // The hit is selected in the transcript (its 8 characters), ready to code.
    await expect.poll(() => page.locator('.selection-info').textContent()).toMatch(/^8 characters selected/);
    await screenshot(page, 'search-opened-hit');
    expect(errors).toEqual([]);
  });

  it('finds in the open transcript with Ctrl+F: every hit painted, Enter goes to one, K codes it, F3 goes on', async () => {
    const { page, errors } = s;
    const gate = page.getByRole('dialog', { name: 'Who is coding?' });
    if (await gate.count()) await gate.getByRole('button').filter({ hasText: 'Ana' }).click();
    await page.locator('.transcript-content').click();
    await page.keyboard.press('Control+f');
    const box = page.getByRole('searchbox', { name: 'Find in the transcript' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Find in the transcript');
    await page.keyboard.type('the OR he');
    const count = page.getByRole('status', { name: 'Find hits' });
    await expect.poll(() => count.textContent()).toMatch(/^0 of \d+$/);
    const total = Number((await count.textContent())!.split(' of ')[1]);
    expect(total).toBeGreaterThan(5);
    // Every hit is painted over the text (CSS highlights), the text itself untouched.
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('transcript-find-hit')?.size ?? 0)).toBe(total);
    await page.keyboard.press('Enter');
    await expect.poll(() => count.textContent()).toBe(`1 of ${total}`);
    await expect.poll(() => page.locator('.selection-info').textContent()).toMatch(/^(3|2) characters selected/);
    await screenshot(page, 'find-in-transcript');
    // From the text: K opens the picker on the hit; F3 goes to the next hit.
    await page.keyboard.press('k');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Find code');
    await page.keyboard.press('Escape');
    await page.keyboard.press('F3');
    await expect.poll(() => count.textContent()).toBe(`2 of ${total}`);
    await page.keyboard.press('Shift+F3');
    await expect.poll(() => count.textContent()).toBe(`1 of ${total}`);
    // Back to the box, and Escape closes Find and its highlights.
    await page.keyboard.press('Control+f');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Find in the transcript');
    await box.press('Escape');
    await expect.poll(() => box.count()).toBe(0);
    expect(await page.evaluate(() => CSS.highlights.has('transcript-find-hit'))).toBe(false);
    expect(errors).toEqual([]);
  });
});
