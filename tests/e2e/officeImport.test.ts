// End to end in Chromium: transcripts LibreOffice wrote as .odt, .rtf and .pdf
// (tests/fixtures/office) imported through the dialog and read in its worker, what was left
// out said in the review (comments, tracked changes, page headers), a scan refused, bold speaker
// names and table rows read as turns, headings as sections, retrieval by section.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeFile } from '../fixtures/officeFiles';
import { newProjectImporting, screenshot, sharedPage, startApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const fixture = (name: string) => Buffer.from(officeFile(name).bytes);

describe('imports .odt, .rtf and .pdf transcripts', () => {
  const s = sharedPage(
    () => app,
    async ({ page }) => {
      await newProjectImporting(page, 'Office files', [
        { name: 'Dale_T1.odt', mimeType: 'application/vnd.oasis.opendocument.text', buffer: fixture('interview.odt') },
        { name: 'Olga_T2.rtf', mimeType: 'application/rtf', buffer: fixture('wordpad-code-pages.rtf') },
        { name: 'Kieran_T2.pdf', mimeType: 'application/pdf', buffer: fixture('long-interview.pdf') },
        { name: 'scan.pdf', mimeType: 'application/pdf', buffer: fixture('scanned.pdf') },
      ]);
    },
  );

  it('reviews each file, with its title, turns, sections and what was left out; a scan is refused', async () => {
    const { page, errors } = s;
    await expect
      .poll(() => page.locator('tr', { hasText: 'Dale_T1.odt' }).locator('td.status').textContent())
      .toBe(
        '7 turns · Titled “Interview with Dale, Time 1” (the first line of the document, not a turn). ' +
          '2 sections (headings kept apart from the text): “Part 1 — before the programme”, “Part 2 — the programme”. ' +
          '2 tracked changes were read as accepted and 1 comment was left out.',
      );
    await expect.poll(() => page.locator('tr', { hasText: 'Olga_T2.rtf' }).locator('td.status').textContent()).toMatch(/^5 turns/);
    // The PDF, read in the import's worker: its page header and numbers left out, and said.
    await expect
      .poll(() => page.locator('tr', { hasText: 'Kieran_T2.pdf' }).locator('td.status').textContent())
      .toBe(
        '56 turns · Titled “Interview with Kieran, Time 2” (the first line of the document, not a turn). ' +
          '2 sections (headings kept apart from the text): “Part 1 — before the programme”, “Part 2 — the programme”. ' +
          'Left out as page headers, footers and numbers: “Project Mirabal — confidential” (on 3 of 3 pages); page numbers (3).',
      );
    await expect
      .poll(() => page.locator('tr', { hasText: 'scan.pdf' }).locator('td.status').textContent())
      .toMatch(/^scan\.pdf: has no text, only images of pages \(a scan\); make it searchable with OCR first/);
    expect(await page.getByLabel('Participant for Dale_T1.odt').inputValue()).toBe('Dale');
    expect(await page.getByLabel('Role of speaker Olga').inputValue()).toBe('participant');
    await screenshot(page, 'import-office-review');
    await page.getByRole('button', { name: 'Drop all bad files (1)' }).click();
    await page.getByRole('button', { name: 'Import 3 transcripts' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });

  it('reads the .odt with its bold speakers and its table as turns, its headings as sections between them', async () => {
    const { page, errors } = s;
    await page.getByRole('button', { name: 'Interview with Dale, Time 1', exact: true }).click();
    const reader = page.getByRole('article', { name: 'Transcript Interview with Dale, Time 1' });
    await expect.poll(() => reader.locator('.turn .speaker').allTextContents()).toHaveLength(7);
    const said = await reader.locator('.turn .said').allTextContents();
    expect(said[0]).toBe('Can you tell me how things were at home before you started?');
    expect(said[2]).toBe('And what changed?'); // the heading below it is no longer part of the turn
    expect(said.at(-2)).toBe('Other lads like me.');
    expect(said.join(' ')).not.toMatch(/probation|pseudonymised/);
    // Each heading stands right above the turn its section opens with.
    expect(
      await reader
        .locator('.turns > *')
        .evaluateAll((els) => els.map((e) => (e.tagName === 'H3' ? `# ${e.textContent}` : e.querySelector('.speaker')?.textContent))),
    ).toEqual([
      '# Part 1 — before the programme',
      'Interviewer',
      'Dale',
      'Interviewer',
      '# Part 2 — the programme',
      'Dale',
      'Interviewer',
      'Dale',
      'Interviewer',
    ]);
    await screenshot(page, 'import-office-reader');
    expect(errors).toEqual([]);
  });

  it('retrieves a code’s passages of one section', async () => {
    const { page, errors } = s;
    await page.getByRole('tab', { name: 'Coding' }).click();
    await page.getByLabel('New coder name').fill('Tess');
    await page.getByRole('button', { name: 'Add me as a coder' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // The new coder, remembered for this computer, is not created a second time meanwhile.
    await page.waitForTimeout(300);
    expect(await page.getByRole('alert').allTextContents()).toEqual([]);
    await page.getByLabel('Transcript to code').selectOption({ label: 'Interview with Dale, Time 1' });
    await expect.poll(() => page.locator('.transcript-editor [data-turn]').count()).toBe(7);
    // The headings stand above their turns here too, as generated content: never text to code.
    expect(
      await page.locator('.transcript-editor [data-turn]').evaluateAll((els) => els.map((e) => e.getAttribute('data-heading'))),
    ).toEqual(['Part 1 — before the programme', null, null, 'Part 2 — the programme', null, null, null]);
    expect(await page.locator('.transcript-editor [data-turn]').first().textContent()).toBe(
      'Can you tell me how things were at home before you started?',
    );
    await screenshot(page, 'coding-sections');
    // One coding in each part: Dale's first answer (Part 1) and his second (Part 2).
    for (const turn of [1, 3]) {
      await page
        .locator('.transcript-editor [data-turn]')
        .nth(turn)
        .click({ position: { x: 4, y: 6 } });
      await page.keyboard.press('Home');
      await page.keyboard.press('Control+Shift+ArrowRight');
      await page.keyboard.press('Control+Shift+ArrowRight');
      await expect.poll(() => page.locator('.selection-info').textContent()).toMatch(/^6 characters selected/);
      await page.keyboard.press('k');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Find code');
      await page.keyboard.type('time out');
      await page.keyboard.press('Enter');
      // Under CI's parallel load (a recording playing in another file) the reselection can take over a second.
      await expect.poll(() => page.locator('.selection-info').textContent(), { timeout: 5000 }).toMatch(/^6 characters selected/);
    }
    await page.getByRole('tab', { name: 'Retrieval' }).click();
    await page.getByLabel('Code to retrieve').selectOption({ label: '\u00a0\u00a0\u00a0\u00a0Time Out' });
    await expect.poll(() => page.locator('.passage').count()).toBe(2);
    await page.getByLabel('Section', { exact: true }).selectOption({ label: 'Section: Part 2 — the programme' });
    await expect.poll(() => page.locator('.passage').count()).toBe(1);
    expect(await page.locator('.passage .excerpt').textContent()).toBe('I went');
    expect(await page.locator('.passage header').textContent()).toContain('Time 1 · Part 2 — the programme · coded “Time Out” by Tess');
    await screenshot(page, 'retrieval-section');
    expect(errors).toEqual([]);
  });

  it('reads the WordPad .rtf in Cyrillic, Greek and Polish', async () => {
    const { page, errors } = s;
    await page.getByRole('tab', { name: 'Transcripts' }).click();
    await page.getByRole('button', { name: 'Olga_T2', exact: true }).click();
    const reader = page.getByRole('article', { name: 'Transcript Olga_T2' });
    await expect
      .poll(() => reader.locator('.turn .said').allTextContents())
      .toEqual(['Как дела дома?', 'Лучше. Намного лучше.', 'Και στο σπίτι;', 'Źle, ale już nie tak źle.', 'Merci, c’était très utile.']);
    expect(errors).toEqual([]);
  });
});
