// End to end in Chromium on the sample project's fictional survey: the joint display of a measure
// (survey change beside the interviews'), quotes chosen into it, exported as DOCX and read back;
// a survey file imported with a row naming nobody in the project, settled, written as one step
// and undone; each indicator over time; one case beside her partner's account; convergence.
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, pick, screenshot, sharedPage, startApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const subTab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true }).click();

describe('surveys beside the interviews', () => {
  const shared = sharedPage(
    () => app,
    async ({ page }) => {
      await page.getByRole('button', { name: 'Open sample project' }).click();
      await page.getByRole('tab', { name: 'Surveys' }).click();
    },
  );

  it('shows a measure’s joint display: each indicator’s survey change beside the women’s interviews', async () => {
    const { page } = shared;
    const table = page.locator('table.joint');
    await expect
      .poll(() => table.locator('tbody th').allTextContents())
      .toEqual(['Negotiates during disagreements', 'Acts considerately', 'Listens so she feels heard']);
    const negotiates = table.locator('tbody tr').first();
    // Survey: before and 12 months (the time points beside the waves), then the paired test;
    // interviews: the two interviewed women.
    await expect.poll(() => negotiates.locator('td').nth(1).textContent()).toMatch(/^\d+% \(\d+\)$/);
    await expect.poll(() => negotiates.locator('td').nth(4).textContent()).toMatch(/^\d\/2$/);
    await expect.poll(() => page.locator('.draft-paragraph').textContent()).toContain("For 'He negotiates during disagreements',");
    await screenshot(page, 'surveys-joint-display');
    expect(shared.errors).toEqual([]);
  });

  it('takes quotes chosen for an indicator into the display and the exported Word table', async () => {
    const { page } = shared;
    await page.getByRole('button', { name: /^Choose quotes for Negotiates during disagreements, T2$/ }).click();
    const dialog = page.getByRole('dialog');
    const first = dialog.locator('.quote-choices li').first();
    const quote = (await first.textContent())!.trim();
    await first.getByRole('checkbox').check();
    await dialog.getByRole('button', { name: 'Use 1 quote' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    const cell = page.locator('table.joint tbody tr').first().locator('td.quotes').nth(1);
    await expect.poll(() => cell.locator('blockquote').count()).toBe(1);
    const shown = (await cell.locator('blockquote').textContent())!;
    expect(quote).toContain(shown.slice(1, 30));

    const word = await download(page, () => page.getByRole('button', { name: 'Export DOCX' }).click());
    expect(word.name).toBe('joint-display-respectful-communication.docx');
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(word.bytes) });
    expect(text).toContain('Joint display: Respectful communication');
    expect(text).toContain('Negotiates during disagreements');
    expect(text).toContain(shown.slice(1, 30));
    expect(text).toContain('Draft paragraph');
    expect(text).toMatch(/For 'He negotiates during disagreements', \d+% of women \(n = \d+\) reported this before the programme/);
  });

  it('imports a survey file with a row naming nobody, settled before anything is written, as one undoable step', async () => {
    const { page } = shared;
    await subTab(page, 'Survey data');
    await expect.poll(() => page.getByText('30 people answered · 14 items · 6 time points').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Import survey…' }).click();
    const csv = [
      'pseudonym,time point,police_called',
      'Leanne,Before the programme,1',
      'Leanne,12 months,0',
      'Priyah,Before the programme,1',
      'Zara,Before the programme,0',
    ].join('\n');
    await pick(page, 'Choose file…', { name: 'police.csv', bytes: new TextEncoder().encode(csv) });
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByText('police.csv').isVisible()).toBe(true);
    await expect.poll(() => dialog.getByRole('button', { name: 'Import' }).isDisabled()).toBe(true);
    await expect.poll(() => dialog.locator('table.survey-unmatched tbody tr').count()).toBe(2);
    await screenshot(page, 'surveys-import-unmatched');
    await dialog.getByLabel('Who is Priyah').selectOption({ label: 'Priya (close match)' });
    // A settled row can be taken back and settled again.
    const settled = dialog.getByRole('list', { name: 'Settled' });
    await expect.poll(() => settled.textContent()).toContain('priyah → Priya');
    await settled.getByRole('button', { name: 'Change' }).click();
    await expect.poll(() => dialog.locator('table.survey-unmatched tbody tr').count()).toBe(2);
    await dialog.getByLabel('Who is Priyah').selectOption({ label: 'Priya (close match)' });
    await dialog.getByLabel('Who is Zara').selectOption({ label: 'Add as a new participant' });
    await dialog.getByLabel('New participants’ group').selectOption({ label: 'Comparison' });
    await expect.poll(() => dialog.getByLabel('What will be written').textContent()).toContain('4 answers to write');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => page.getByRole('status').textContent()).toContain('police.csv: 4 answers imported, 1 participant(s) added');
    await expect.poll(() => page.getByText('31 people answered · 15 items · 6 time points').isVisible()).toBe(true);
    await expect.poll(() => page.getByLabel('Item police_called name').isVisible()).toBe(true);
    await screenshot(page, 'surveys-data');

    await page.locator('body').press('Control+z');
    await expect.poll(() => page.getByText('30 people answered · 14 items · 6 time points').isVisible()).toBe(true);
    await expect.poll(() => page.getByLabel('Item police_called name').count()).toBe(0);
  });

  it('shows each indicator over the six time points for both groups, with the tests', async () => {
    const { page } = shared;
    await subTab(page, 'Indicators');
    await expect.poll(() => page.locator('table.survey-summary tbody tr').count()).toBe(3);
    await expect.poll(() => page.locator('table.survey-shares tbody tr').count()).toBe(6);
    await expect
      .poll(() => page.locator('table.survey-shares tbody tr').nth(4).locator('td').nth(3).textContent())
      .toMatch(/^McNemar p [=<] /);
    await expect.poll(() => page.locator('img.chart').getAttribute('alt')).toMatch(/share reporting it at each time point/);
    await screenshot(page, 'surveys-indicators');
  });

  it('reads one woman’s answers beside her own and her partner’s accounts', async () => {
    const { page } = shared;
    await subTab(page, 'One case');
    await expect.poll(() => page.getByLabel('Participant').inputValue()).toMatch(/.+/);
    await page.getByLabel('Participant').selectOption({ label: 'Leanne (interviewed)' });
    await expect.poll(() => page.locator('table.case-answers tbody tr').count()).toBe(3);
    await expect.poll(() => page.getByRole('region', { name: 'Leanne (her own account)' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('region', { name: 'Dale (Leanne is partner of Dale)' }).isVisible()).toBe(true);
    // Two coders' codings of the same words show once.
    const daleLines = await page.getByRole('region', { name: 'Dale (Leanne is partner of Dale)' }).locator('blockquote').allTextContents();
    expect(new Set(daleLines).size).toBe(daleLines.length);
    await screenshot(page, 'surveys-case');
  });

  it('lists where survey and interviews agree and where they part, with draft paragraphs', async () => {
    const { page } = shared;
    await subTab(page, 'Convergence');
    await expect.poll(() => page.locator('.survey-convergence h3').first().isVisible()).toBe(true);
    await expect.poll(() => page.locator('.survey-convergence .draft').count()).toBe(4);
    await screenshot(page, 'surveys-convergence');
    expect(shared.errors).toEqual([]);
  });
});
