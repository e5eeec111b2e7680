// End to end in Chromium on the sample project: Ben double-coded four transcripts with planted
// disagreements; the agreement table, another unit, and the exports; then a third coder joins
// and the disagreements are reviewed with one column per coder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, screenshot, startApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe('agreement', () => {
  it('compares the two coders of the sample, by turn and by segment, and exports the report', async () => {
    const { page, errors } = await app.newPage();
    await page.getByRole('button', { name: 'Open sample project' }).click();
    await page.getByRole('tab', { name: 'Agreement' }).click();
    const methods = page.locator('blockquote.methods');
    await expect.poll(() => methods.textContent()).toMatch(/^Two coders \(Ana \(coder A\) and Ben \(coder B\)\) independently coded 4 transcripts \(1 at Time 1, 3 at Time 2\)/);
    await expect.poll(() => page.locator('.agreement-table tr.pooled').textContent()).toMatch(/All codes used \(pooled\)/);
    // The planted disagreements show as codes below the threshold.
    await expect.poll(() => page.locator('.agreement-table tr.verdict-below').count()).toBeGreaterThan(0);
    await screenshot(page, 'agreement-turns');
    // The planted disagreements are listed, each coder's version side by side.
    const list = page.getByRole('region', { name: 'Disagreements' });
    await expect.poll(() => list.locator('li.disagreement').count()).toBeGreaterThan(2);
    await expect.poll(() => list.textContent()).toMatch(/Protector, provider, head of family/);
    await list.locator('li.disagreement').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'agreement-disagreements');

    // Resolve the first one into the consensus layer, with a reason; it leaves the open list.
    // Decisions are logged with who took them: say who is at this computer first.
    await expect.poll(() => list.getByText(/Choose who you are/).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Coder' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /Ana \(coder A\)/ }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const heading = list.getByRole('heading', { level: 3 });
    const before = Number(/\((\d+),/.exec((await heading.textContent())!)![1]);
    const first = list.locator('li.disagreement').first();
    const what = (await first.locator('header strong').textContent())!;
    await first.getByLabel('Why').fill('Ana coded the whole account of the referral.');
    await first.getByRole('button', { name: /^Take Ana/ }).click();
    await expect.poll(() => heading.textContent()).toMatch(new RegExp(`\\(${before}, 1 resolved\\)`));
    await list.getByLabel('Which disagreements').selectOption('all');
    await expect.poll(() => list.getByRole('status').first().textContent()).toMatch(/Resolved: Ana \(coder A\)'s version taken into the consensus layer, by Ana \(coder A\), .*“Ana coded the whole account of the referral\.”/);
    await screenshot(page, 'agreement-resolved');
    expect(what).toBeTruthy();
    await expect.poll(() => page.getByRole('button', { name: 'Undo' }).getAttribute('title')).toMatch(/Consensus: the first coder’s version/);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => heading.textContent()).toMatch(new RegExp(`\\(${before}, 0 resolved\\)`));

    await page.getByLabel('Unit').selectOption('segment');
    await expect.poll(() => methods.textContent()).toMatch(/coded segment as the unit of analysis \(segments matching when they overlapped by at least 90%\)/);
    await page.getByLabel('Unit').selectOption('character');
    await expect.poll(() => page.locator('.agreement-table thead').first().textContent()).toMatch(/αu/);

    const csv = (await download(page, () => page.getByRole('button', { name: 'Export CSV' }).click())).text;
    expect(csv).toMatch(/Coders,"?Ana \(coder A\), Ben \(coder B\)/);
    expect(csv).toMatch(/Unitizing alpha/);
    const md = await download(page, () => page.getByRole('button', { name: 'Methods paragraph (.md)' }).click());
    expect(md.text).toMatch(/^# Inter-coder agreement\n\nTwo coders/);

    // Compare on one transcript chosen by hand, then go back to all the double-coded ones.
    await page.locator('.source-choice summary').click();
    for (const title of ['Dale_T2', 'Leanne_T2', 'Marcus_T2']) await page.locator('.source-choice').getByLabel(title).uncheck();
    await expect.poll(() => methods.textContent()).toMatch(/independently coded 1 transcript \(1 at Time 1\)/);
    await page.getByRole('button', { name: 'Back to the double-coded transcripts' }).click();
    await expect.poll(() => methods.textContent()).toMatch(/independently coded 4 transcripts/);

    // Plan double coding: a seeded share per role × wave stratum.
    await page.getByText('Plan double coding').click();
    await page.getByLabel('Share to double-code').fill('50');
    await expect.poll(() => page.locator('.double-coding').textContent()).toMatch(/\d+ of 12 transcripts for the second coder/);
    await expect.poll(() => page.locator('.double-coding .strata li').count()).toBeGreaterThan(3);

    // The report as Word: the methods paragraph and the table, read back with our own .docx reader.
    const word = await download(page, () => page.getByRole('button', { name: 'Report (.docx)' }).click());
    const { docxToText } = await import('../../renderer/io/docx');
    const docText = await docxToText(word.bytes, 'agreement.docx');
    expect(docText).toMatch(/^Inter-coder agreement\nTwo coders \(Ana \(coder A\) and Ben \(coder B\)\)/);
    expect(docText).toMatch(/All codes used \(pooled\)/);
    await expect.poll(() => page.getByRole('heading', { name: 'By transcript' }).count()).toBe(1);
    await expect.poll(() => page.locator('.by-code-source summary').textContent()).toMatch(/By code and transcript \(\d+, as NVivo reports it\)/);

    // Blind mode hides the comparison.
    await page.getByLabel('Blind').check();
    await expect.poll(() => page.getByText(/Blind mode is on/).count()).toBe(1);
    expect(errors).toEqual([]);
  }, 90_000);

  it('reviews disagreements among three coders: one column and one choice per coder', async () => {
    const { page, errors } = await app.newPage();
    await page.getByRole('button', { name: 'Open sample project' }).click();
    await page.getByRole('tab', { name: 'Agreement' }).click();
    // The sample has two coders; a third joins at this computer (and is the one deciding).
    await page.getByRole('button', { name: 'Coder' }).click();
    await page.getByLabel('New coder name').fill('Cleo (coder C)');
    await page.getByRole('button', { name: 'Add me as a coder' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // All three are chosen; Cleo has coded nothing yet, so no transcript is coded by all three:
    // choose one of Ana and Ben's double-coded transcripts by hand.
    await expect.poll(() => page.locator('.source-choice summary').textContent()).toMatch(/^0 transcript\(s\) compared/);
    await page.locator('.source-choice summary').click();
    await page.locator('.source-choice').getByLabel('Marcus_T2').check();
    await expect.poll(() => page.locator('.agreement-table thead').first().textContent()).toMatch(/Fleiss κ/);

    const list = page.getByRole('region', { name: 'Disagreements' });
    await expect.poll(() => list.locator('li.disagreement').count()).toBeGreaterThan(0);
    const first = list.locator('li.disagreement').first();
    expect(await first.locator('.versions h4').allTextContents()).toEqual(['Ana (coder A)', 'Ben (coder B)', 'Cleo (coder C)']);
    // Cleo has coded nothing in Marcus_T2: her column is there, but she is not counted as
    // disagreeing with what Ana and Ben both coded.
    await expect.poll(() => first.locator('header').textContent()).toMatch(/\(Cleo \(coder C\): transcript not coded\)/);
    for (const name of [/^Take Ana/, /^Take Ben/, /^Take Cleo/, /^All versions$/, /^None$/, /^Edit/]) expect(await first.getByRole('button', { name }).count()).toBe(1);
    await first.scrollIntoViewIfNeeded();
    await screenshot(page, 'agreement-three-coders');

    const heading = list.getByRole('heading', { level: 3 });
    const before = Number(/\((\d+),/.exec((await heading.textContent())!)![1]);
    await first.getByLabel('Why').fill('Ben kept to the referral itself.');
    await first.getByRole('button', { name: /^Take Ben/ }).click();
    await expect.poll(() => heading.textContent()).toMatch(new RegExp(`\\(${before}, 1 resolved\\)`));
    await list.getByLabel('Which disagreements').selectOption('all');
    await expect.poll(() => list.getByRole('status').first().textContent()).toMatch(/Resolved: Ben \(coder B\)'s version taken into the consensus layer, by Cleo \(coder C\)/);
    await expect.poll(() => page.getByRole('button', { name: 'Undo' }).getAttribute('title')).toMatch(/Consensus: the second coder’s version/);
    expect(errors).toEqual([]);
  }, 90_000);
});
