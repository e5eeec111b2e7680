// End to end in Chromium on the sample project: Ben double-coded four transcripts with planted
// disagreements; the agreement table, another unit, and the exports; then a third coder joins
// and the disagreements are reviewed with one column per coder; then, in a British locale, the
// paragraph agrees with the table, unused codes say so, headers explain themselves, and the
// Word report holds every table with British dates.
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, screenshot, startApp, type App } from './harness';

let app: App;

/** As the harness's newPage, in a context with another locale (the harness's is the default). */
async function newPageIn(locale: string) {
  const context = await app.browser.newContext({ viewport: { width: 1400, height: 900 }, locale, timezoneId: 'Europe/London' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(app.url) || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
    errors.push(`network request to ${u}`);
    return route.abort();
  });
  await page.goto(app.url);
  return { context, page, errors };
}
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe('agreement', () => {
  it('compares the two coders of the sample, by turn and by segment, and exports the report', async () => {
    const { page, errors } = await app.newPage();
    // The comparison runs in its worker, not on the window's thread.
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.getByRole('button', { name: 'Open sample project' }).click();
    await page.getByRole('tab', { name: 'Agreement' }).click();
    const methods = page.locator('blockquote.methods');
    await expect
      .poll(() => methods.textContent())
      .toMatch(/^Two coders \(Ana \(coder A\) and Ben \(coder B\)\) independently coded 4 transcripts \(1 at Time 1, 3 at Time 2\)/);
    await expect.poll(() => page.locator('.agreement-table tr.pooled').textContent()).toMatch(/All codes used \(pooled\)/);
    expect(workers.some((u) => /agreementWorker/.test(u))).toBe(true);
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
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Ana \(coder A\)/ })
      .click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const heading = list.getByRole('heading', { level: 3 });
    const before = Number(/\((\d+),/.exec((await heading.textContent())!)![1]);
    const first = list.locator('li.disagreement').first();
    const what = (await first.locator('header strong').textContent())!;
    await first.getByLabel('Why').fill('Ana coded the whole account of the referral.');
    await first.getByRole('button', { name: /^Take Ana/ }).click();
    await expect.poll(() => heading.textContent()).toMatch(new RegExp(`\\(${before}, 1 resolved\\)`));
    await list.getByLabel('Which disagreements').selectOption('all');
    await expect
      .poll(() => list.getByRole('status').first().textContent())
      .toMatch(
        /Resolved: Ana \(coder A\)'s version taken into the consensus layer, by Ana \(coder A\), .*“Ana coded the whole account of the referral\.”/,
      );
    await screenshot(page, 'agreement-resolved');
    expect(what).toBeTruthy();
    await expect
      .poll(() => page.getByRole('button', { name: 'Undo' }).getAttribute('title'))
      .toMatch(/Consensus: the first coder’s version/);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => heading.textContent()).toMatch(new RegExp(`\\(${before}, 0 resolved\\)`));

    await page.getByLabel('Unit').selectOption('segment');
    await expect
      .poll(() => methods.textContent())
      .toMatch(/coded segment as the unit of analysis \(segments matching when they overlapped by at least 90%\)/);
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
    await expect
      .poll(() => page.locator('.by-code-source summary').textContent())
      .toMatch(/By code and transcript \(\d+, as NVivo reports it\)/);

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
    for (const name of [/^Take Ana/, /^Take Ben/, /^Take Cleo/, /^All versions$/, /^None$/, /^Edit/])
      expect(await first.getByRole('button', { name }).count()).toBe(1);
    await first.scrollIntoViewIfNeeded();
    await screenshot(page, 'agreement-three-coders');

    const heading = list.getByRole('heading', { level: 3 });
    const before = Number(/\((\d+),/.exec((await heading.textContent())!)![1]);
    await first.getByLabel('Why').fill('Ben kept to the referral itself.');
    await first.getByRole('button', { name: /^Take Ben/ }).click();
    await expect.poll(() => heading.textContent()).toMatch(new RegExp(`\\(${before}, 1 resolved\\)`));
    await list.getByLabel('Which disagreements').selectOption('all');
    await expect
      .poll(() => list.getByRole('status').first().textContent())
      .toMatch(/Resolved: Ben \(coder B\)'s version taken into the consensus layer, by Cleo \(coder C\)/);
    await expect
      .poll(() => page.getByRole('button', { name: 'Undo' }).getAttribute('title'))
      .toMatch(/Consensus: the second coder’s version/);
    expect(errors).toEqual([]);
  }, 90_000);
});

describe('agreement report in a British locale', () => {
  it('paragraph and table agree, unused codes say so, headers explain, the .docx holds every table with British dates', async () => {
    const { page, errors, context } = await newPageIn('en-GB');
    await page.getByRole('button', { name: 'Open sample project' }).click();
    await page.getByRole('tab', { name: 'Agreement' }).click();
    const methods = page.locator('blockquote.methods');
    const byCode = page.getByRole('table', { name: 'By code', exact: true });
    await expect.poll(() => byCode.locator('tbody tr').count()).toBeGreaterThan(10);

    // A code nobody used: "not coded by anyone", no figures, counted as such in the paragraph.
    const unusedRow = byCode.locator('tbody tr', { hasText: 'Respectful communication / Acts considerately' });
    expect(await unusedRow.locator('td').last().textContent()).toBe('not coded by anyone');
    expect(await unusedRow.textContent()).not.toMatch(/1\.000/);
    const unused = await byCode.locator('tbody tr.verdict-unused').count();
    expect(unused).toBeGreaterThan(0);
    await expect
      .poll(() => methods.textContent())
      .toContain(`${unused} codes of the codebook were not coded by anyone in these transcripts and are left out of the pooled figures.`);

    // Each statistic's header explains itself, on hover.
    const kappa = byCode.locator('thead th', { hasText: 'Cohen κ' });
    await kappa.hover();
    const tip = kappa.getByRole('tooltip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toMatch(/chance/);
    for (const name of ['Agreement', 'Scott π', 'AC1', 'B–P', 'α'])
      expect(await byCode.locator('thead th', { hasText: name }).first().locator('[role=tooltip]').textContent()).toBeTruthy();
    await screenshot(page, 'agreement-tooltip');

    // The segment unit: alpha is undefined throughout, so text and colours use percent agreement.
    await page.getByLabel('Unit').selectOption('segment');
    await expect.poll(() => methods.textContent()).toMatch(/coded segment as the unit of analysis/);
    const text = (await methods.textContent())!;
    expect(text).not.toMatch(/alpha ≥/);
    expect(text).toMatch(/Chance-corrected coefficients \(kappa, pi, AC1, Brennan–Prediger, alpha\) are undefined at this unit/);
    const [, reliable, tentative, below] = /(\d+) codes? reached percent agreement ≥ 0\.8, (\d+) reached ≥ 0\.667, and (\d+) fell below/
      .exec(text)!
      .map(Number);
    const judged = (v: string) => byCode.locator(`tbody tr:not(.pooled) td.judged.verdict-${v}`).count();
    expect([await judged('reliable'), await judged('tentative'), await judged('below')]).toEqual([reliable, tentative, below]);
    expect(below).toBeGreaterThan(0);
    // The coloured cell is the agreement column; alpha shows as undefined on every row.
    const alphaColumn = (await byCode.locator('thead th').allTextContents()).findIndex((t) => t.startsWith('α'));
    const alphas = await byCode.locator('tbody tr').evaluateAll((rows, i) => rows.map((r) => r.children[i]!.textContent), alphaColumn);
    expect(new Set(alphas)).toEqual(new Set(['—']));
    expect(await page.locator('.filters label', { hasText: 'Thresholds (percent agreement)' }).count()).toBe(1);
    await screenshot(page, 'agreement-segment');

    // The table of contents jumps to the by-transcript table (near the end: it comes into view).
    const heading = page.getByRole('heading', { name: 'By transcript' });
    expect((await heading.boundingBox())!.y).toBeGreaterThan(900);
    await page.getByRole('navigation', { name: 'Contents' }).getByRole('button', { name: 'By transcript' }).click();
    await expect.poll(async () => (await heading.boundingBox())!.y).toBeLessThan(800);
    expect((await heading.boundingBox())!.y).toBeGreaterThanOrEqual(0);
    await screenshot(page, 'agreement-jump');

    // Resolve one disagreement: the decision and the log show a British date (5 Mar 2025, 14:07).
    await page.getByLabel('Unit').selectOption('turn');
    await page.getByRole('button', { name: 'Coder' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Ana \(coder A\)/ })
      .click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const list = page.getByRole('region', { name: 'Disagreements' });
    const first = list.locator('li.disagreement').first();
    await first.getByLabel('Why').fill('Ben kept to the referral itself.');
    await first.getByRole('button', { name: /^Take Ben/ }).click();
    await list.getByLabel('Which disagreements').selectOption('all');
    const british = /\b\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}\b/;
    await expect.poll(() => list.getByRole('status').first().textContent()).toMatch(british);
    const when = british.exec((await list.getByRole('status').first().textContent())!)![0];
    const log = page.getByRole('table', { name: 'Decision log', exact: true });
    expect(await log.locator('tbody tr').first().locator('th').textContent()).toBe(when);
    await log.scrollIntoViewIfNeeded();
    await screenshot(page, 'agreement-decision-log');

    // The Word report: every table the tab shows, read back with mammoth.
    const word = await download(page, () => page.getByRole('button', { name: 'Report (.docx)' }).click());
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(word.bytes) });
    const headings = [...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      'By code',
      'Disagreements',
      'By wave',
      "By code and wave (Krippendorff's alpha)",
      'By code and transcript',
      'By transcript',
      'Decision log',
      'The statistics',
    ]);
    expect(html.match(/<table>/g)).toHaveLength(headings.length);
    const { value: raw } = await mammoth.extractRawText({ buffer: Buffer.from(word.bytes) });
    expect(raw).toContain('not coded by anyone');
    expect(raw).toContain(when);
    expect(raw).toContain('Ben kept to the referral itself.');
    expect(raw).toMatch(/What it corrects for, and when to use it/);

    // The workbook: the by-code sheet first, then a sheet per other table, then the methods.
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      Buffer.from((await download(page, () => page.getByRole('button', { name: 'Export XLSX' }).click())).bytes) as never,
    );
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Agreement',
      'Disagreements',
      'By wave',
      'By code and wave',
      'By code and transcript',
      'By transcript',
      'Decision log',
      'The statistics',
      'Methods',
    ]);

    // Look at the report: mammoth's HTML in a page of its own.
    const reader = await context.newPage();
    await reader.setContent(
      `<style>body{font:13px sans-serif;margin:1.5rem}table{border-collapse:collapse;margin:.5rem 0 1rem}td,th{border:1px solid #ccc;padding:2px 6px;vertical-align:top}</style>${html}`,
    );
    await screenshot(reader, 'agreement-report-docx');
    for (const [i, name] of [
      [1, 'disagreements'],
      [6, 'log'],
    ] as const) {
      await reader.evaluate((h) => document.querySelectorAll('h2')[h]!.scrollIntoView(), i);
      await screenshot(reader, `agreement-report-docx-${name}`);
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
