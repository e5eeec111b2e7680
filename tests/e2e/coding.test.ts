// End to end in Chromium: code a passage with the keyboard alone, add an overlapping code,
// undo, redo, reload, and retrieve it; the transcript text never changes while coding.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, sharedPage, startApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const TXT = [
  'Interviewer: What helped when things got heated?',
  'Sam: Taking time out and talking myself down, honestly. It took weeks before it worked.',
  'Interviewer: And at home?',
  'Sam: I walk round the block now instead of shouting.',
].join('\n');

/** Distinct coding ids drawn in the transcript. */
async function markIds(page: Page): Promise<string[]> {
  const all = await page.locator('.coding-mark').evaluateAll((els) => els.map((e) => e.getAttribute('data-coding-ids') ?? ''));
  return [...new Set(all.flatMap((s) => s.split(/[\s,]+/).filter(Boolean)))];
}

/** Shift+Ctrl+Right `words` times, then waits until the coding view reports the selection. */
async function selectWords(page: Page, words: number, characters: number): Promise<void> {
  for (let i = 0; i < words; i += 1) await page.keyboard.press('Control+Shift+ArrowRight');
  await expect.poll(() => page.locator('.selection-info').textContent()).toMatch(new RegExp(`^${characters} characters selected`));
}

/** K opens the code picker; type part of a code's name; Enter applies it. No click between. */
async function codeWithPicker(page: Page, query: string): Promise<void> {
  await page.keyboard.press('k');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Find code');
  await page.keyboard.type(query);
  await expect.poll(() => page.getByLabel('Find code').inputValue()).toBe(query);
  await page.keyboard.press('Enter');
}

async function editorText(page: Page): Promise<string[]> {
  return page.locator('.transcript-editor [data-turn]').allTextContents();
}

describe('coding', () => {
  describe('with the keyboard, one imported transcript', () => {
    const s = sharedPage(
      () => app,
      async ({ page }) => {
        await page.getByLabel('New project name').fill('Coding test');
        await page.getByRole('button', { name: 'Create project' }).click();
        await page.getByRole('button', { name: 'Import transcripts…' }).click();
        const chooser = page.waitForEvent('filechooser');
        await page.getByRole('button', { name: 'Choose files…' }).click();
        await (await chooser).setFiles([{ name: 'Sam_T1.txt', mimeType: 'text/plain', buffer: Buffer.from(TXT) }]);
        await page.getByRole('button', { name: 'Import 1 transcript' }).click();
        await page.getByRole('dialog').waitFor({ state: 'detached' });

        await page.getByRole('tab', { name: 'Coding' }).click();
        await page.getByLabel('New coder name').fill('Tess');
        await page.getByRole('button', { name: 'Add me as a coder' }).click();
        await page.getByRole('dialog').waitFor({ state: 'detached' });
      },
    );
    /** The transcript's turns as imported: coding never changes them. */
    const before = [
      'What helped when things got heated?',
      'Taking time out and talking myself down, honestly. It took weeks before it worked.',
      'And at home?',
      'I walk round the block now instead of shouting.',
    ];
    const editor = () => s.page.locator('.transcript-editor [contenteditable="true"]');

    it('shows the transcript turn by turn, without the speaker labels', async () => {
      expect(await editorText(s.page)).toEqual(before);
      expect(s.errors).toEqual([]);
    });

    it('codes three words with the keyboard alone, and keeps them selected', async () => {
      const { page, errors } = s;
      // Keyboard only: into the transcript, down to Sam's first turn, select three words.
      await editor().focus();
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Home');
      await selectWords(page, 3, 15);
      await codeWithPicker(page, 'time out');
      await expect.poll(() => markIds(page)).toHaveLength(1);
      // The coded passage stays selected, ready for the next code.
      await expect.poll(() => page.locator('.selection-info').textContent()).toMatch(/^15 characters selected/);
      expect(errors).toEqual([]);
    });

    it('adds an overlapping code from the same start', async () => {
      const { page, errors } = s;
      // Five words from the same start get a second, overlapping code.
      await editor().focus();
      await page.keyboard.press('Home');
      await selectWords(page, 5, 27);
      await codeWithPicker(page, 'positive self');
      await expect.poll(() => markIds(page)).toHaveLength(2);
      expect(await page.locator('.coding-mark').filter({ hasText: 'time' }).first().getAttribute('data-coding-ids')).toMatch(
        /\S+[\s,]+\S+/,
      );
      expect(errors).toEqual([]);
    });

    it('changes nothing in the text on typing, deleting and Enter', async () => {
      const { page, errors } = s;
      await editor().focus();
      await page.keyboard.type('xyz');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Enter');
      expect(await editorText(page)).toEqual(before);
      await screenshot(page, 'coding-overlap');
      expect(errors).toEqual([]);
    });

    it('undoes and redoes a coding with Ctrl+Z and Ctrl+Shift+Z', async () => {
      const { page, errors } = s;
      await page.keyboard.press('Control+z');
      await expect.poll(() => markIds(page)).toHaveLength(1);
      await page.keyboard.press('Control+Shift+z');
      await expect.poll(() => markIds(page)).toHaveLength(2);
      expect(errors).toEqual([]);
    });

    it('keeps the codings and the coder over a reload', async () => {
      const { page, errors } = s;
      await page.reload();
      await expect.poll(() => markIds(page)).toHaveLength(2);
      expect(await page.locator('.coder-chip').textContent()).toContain('Tess');
      expect(errors).toEqual([]);
    });

    it('retrieves the coded passage and opens it in the transcript', async () => {
      const { page, errors } = s;
      await page.getByRole('tab', { name: 'Retrieval' }).click();
      await page.getByLabel('Code to retrieve').selectOption({ label: '\u00a0\u00a0\u00a0\u00a0Time Out' });
      await expect.poll(() => page.locator('.passage').count()).toBe(1);
      expect(await page.locator('.passage .excerpt').textContent()).toBe('Taking time out');
      expect(await page.locator('.passage header').textContent()).toMatch(/Sam.*Time 1.*Time Out.*Tess/);
      await page.getByRole('button', { name: 'Open in transcript' }).click();
      await page.getByRole('tab', { name: 'Coding', selected: true }).waitFor();
      await expect.poll(() => markIds(page)).toHaveLength(2);
      // The passage opened from retrieval is selected (its 15 characters).
      await expect.poll(() => page.locator('.selection-info').textContent()).toMatch(/^15 characters selected/);
      expect(errors).toEqual([]);
    });

    it('codes in vivo with I and repeats the last code with R', async () => {
      const { page, errors } = s;
      // In vivo (I) names a new code from the words; R repeats the last code elsewhere.
      await editor().focus();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Control+Shift+ArrowLeft');
      await page.keyboard.press('Control+Shift+ArrowLeft');
      await expect.poll(() => page.locator('.selection-info').textContent()).toMatch(/^9 characters selected/);
      await page.keyboard.press('i');
      const inVivo = page.locator('.code-row', { has: page.locator('.name', { hasText: /^shouting$/ }) });
      await inVivo.waitFor();
      await page.keyboard.press('Home');
      await selectWords(page, 2, 6);
      await page.keyboard.press('r');
      await expect.poll(() => markIds(page)).toHaveLength(4);
      expect(await inVivo.locator('.count').textContent()).toBe('2');
      expect(await editorText(page)).toEqual(before);
      expect(errors).toEqual([]);
    });

    it('makes a code a category on the Codebook tab, and the picker then refuses it, saying why', async () => {
      const { page, errors } = s;
      await page.getByRole('tab', { name: 'Codebook' }).click();
      await page.getByRole('treeitem', { name: /^Process of change/ }).click();
      // The box shows what is stored: it turns checked once the change is saved.
      const category = page.getByLabel('Category: groups codes, not applied to text');
      await category.click();
      await expect.poll(() => category.isChecked()).toBe(true);
      await page.getByRole('treeitem', { name: /^Process of change.*category/ }).waitFor();
      await page.getByRole('tab', { name: 'Coding' }).click();
      await editor().focus();
      await page.keyboard.press('Control+Home');
      await selectWords(page, 2, 11);
      await codeWithPicker(page, 'process of change');
      const picker = page.getByRole('dialog', { name: 'Apply code' });
      await expect
        .poll(() => picker.getByRole('alert').textContent())
        .toBe(
          '"Process of change" is a category: it groups codes but is not applied to text itself. Choose one of its codes, or make it a code on the Codebook tab.',
        );
      await screenshot(page, 'picker-category');
      await page.keyboard.press('Escape');
      await expect.poll(() => markIds(page)).toHaveLength(4);
      expect(errors).toEqual([]);
    });
  });

  it('shows the sample project coded by two coders, and hides the other coder in blind mode', async () => {
    const { page, errors } = await app.newPage();
    await page.getByRole('button', { name: 'Open sample project' }).first().click();
    await page.getByRole('tab', { name: 'Coding' }).click();
    await page.getByRole('button', { name: /Ana \(coder A\)/ }).click();
    await page.getByLabel('Transcript to code').selectOption({ label: 'Dale_T1' });
    await expect.poll(async () => (await markIds(page)).length).toBeGreaterThan(25);
    const both = (await markIds(page)).length;
    await screenshot(page, 'coding-sample');
    await page.getByLabel('Blind').check();
    await expect.poll(async () => (await markIds(page)).length).toBeLessThan(both);
    await page.locator('.coding-mark').first().click();
    await expect.poll(() => page.locator('.coding-card').count()).toBeGreaterThan(0);
    expect(await page.locator('.coding-card').first().textContent()).toContain('Ana (coder A)');
    await page.getByRole('tab', { name: 'Codebook' }).click();
    await page.getByRole('treeitem', { name: /Minimising and deflecting/ }).click();
    expect(await page.getByLabel('Code name').inputValue()).toBe('Minimising and deflecting');
    await screenshot(page, 'codebook');
    expect(errors).toEqual([]);
  });

  describe('the codebook, and memos', () => {
    const s = sharedPage(
      () => app,
      async ({ page }) => {
        await page.getByLabel('New project name').fill('Codebook test');
        await page.getByLabel('Start with').selectOption('empty');
        await page.getByRole('button', { name: 'Create project' }).click();
        await page.getByRole('tab', { name: 'Codebook' }).click();
      },
    );

    it('creates and renames codes, and finds one by a misspelt name', async () => {
      const { page, errors } = s;
      await page.getByRole('button', { name: 'New code' }).click();
      await expect.poll(() => page.getByLabel('Code name').inputValue()).toBe('New code');
      await page.getByLabel('Code name').fill('Change');
      await page.getByLabel('Code name').press('Enter');
      await page.getByRole('treeitem', { name: /Change/ }).waitFor();
      await page.getByRole('button', { name: 'New code' }).click();
      await expect.poll(() => page.getByLabel('Code name').inputValue()).toBe('New code');
      await page.getByLabel('Code name').fill('Sparks');
      await page.getByLabel('Description').fill('Small moments of change');
      await page.getByLabel('Code name').press('Enter');
      await page.getByRole('treeitem', { name: /Change/ }).click();
      await page.getByLabel('Find code').fill('sprks');
      await page.getByLabel('Find code').press('Enter');
      await expect.poll(() => page.getByLabel('Code name').inputValue()).toBe('Sparks');
      expect(errors).toEqual([]);
    });

    it('nests a code under the one above with Alt+Right', async () => {
      const { page, errors } = s;
      await page.getByRole('treeitem', { name: /Sparks/ }).focus();
      await page.keyboard.press('Alt+ArrowRight');
      await expect.poll(() => page.getByRole('treeitem', { name: /Sparks/ }).getAttribute('aria-level')).toBe('2');
      expect(errors).toEqual([]);
    });

    it('deletes a code with its sub-code after asking, and Undo brings both back', async () => {
      const { page, errors } = s;
      await page.getByRole('treeitem', { name: /Change/ }).click();
      await page.keyboard.press('Delete');
      await page
        .getByRole('dialog', { name: 'Delete code?' })
        .getByText(/and its 1 sub-code/)
        .waitFor();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
      await expect.poll(() => page.getByRole('treeitem').count()).toBe(0);
      await page.getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => page.getByRole('treeitem').count()).toBe(2);
      await page.getByRole('treeitem', { name: /Sparks/ }).click();
      expect(await page.getByLabel('Description').inputValue()).toBe('Small moments of change');
      expect(errors).toEqual([]);
    });

    it('keeps memos on the project and on a participant across a reload', async () => {
      const { page, errors } = s;
      await page.getByRole('tab', { name: 'Project' }).click();
      await page.getByLabel('Project memo').fill('Coding began after the pilot.');
      await expect.poll(() => page.locator('.memo-status').textContent(), { timeout: 10_000 }).toBe('Saved');
      await page.getByRole('tab', { name: 'Participants' }).click();
      await page.getByLabel('New participant pseudonym').fill('Dale');
      await page.getByRole('button', { name: 'Add participant' }).click();
      await page.getByRole('button', { name: 'Memo on Dale' }).click();
      await page.getByRole('dialog').getByLabel('Memo on Dale').fill('Hard to reach at Time 2.');
      await expect.poll(() => page.getByRole('dialog').locator('.memo-status').textContent(), { timeout: 10_000 }).toBe('Saved');
      await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
      await page.reload();
      await page.getByRole('button', { name: 'Memo on Dale' }).click();
      expect(await page.getByRole('dialog').getByLabel('Memo on Dale').inputValue()).toBe('Hard to reach at Time 2.');
      await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
      await page.getByRole('tab', { name: 'Project' }).click();
      expect(await page.getByLabel('Project memo').inputValue()).toBe('Coding began after the pilot.');
      expect(errors).toEqual([]);
    });
  });
});
