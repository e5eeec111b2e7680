// End to end in Chromium: a transcript of the sample deleted to the bin and restored with its
// codings, another deleted for ever, and a participant who withdrew consent purged with the
// typed confirmation, leaving a log line that names no one.
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

/** Distinct coding ids drawn in the transcript on the Coding tab. */
async function markIds(page: Page): Promise<string[]> {
  const all = await page.locator('.coding-mark').evaluateAll((els) => els.map((e) => e.getAttribute('data-coding-ids') ?? ''));
  return [...new Set(all.flatMap((s) => s.split(/[\s,]+/).filter(Boolean)))].sort();
}

describe('transcript bin and purging a participant', () => {
  const s = sharedPage(
    () => app,
    async ({ page }) => {
      await page.getByRole('button', { name: 'Open sample project' }).first().click();
      await page.getByRole('tab', { name: 'Transcripts', selected: true }).waitFor();
      await page.locator('table.sources tbody tr').nth(11).waitFor();
    },
  );
  const rows = () => s.page.locator('table.sources tbody tr');
  const bin = () => s.page.getByRole('region', { name: 'Bin' });
  let codingsBefore: string[] = [];

  it('deletes a transcript to the bin, and restores it with the same codings', async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'Dale_T1', exact: true }).click();
    await page.getByRole('tab', { name: 'Coding' }).click();
    await page.getByRole('dialog', { name: 'Who is coding?' }).getByRole('button').filter({ hasText: 'Ana' }).click();
    await expect.poll(async () => (await markIds(page)).length).toBeGreaterThan(3);
    codingsBefore = await markIds(page);

    await page.getByRole('tab', { name: 'Transcripts' }).click();
    await page.getByRole('button', { name: 'Delete Dale_T1' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete transcript?' });
    expect(await confirm.textContent()).toContain('moves to the bin');
    await confirm.getByRole('button', { name: 'Move to bin' }).click();
    await expect.poll(() => rows().count()).toBe(11);
    await expect.poll(() => bin().locator('li').count()).toBe(1);
    expect(await bin().locator('li').textContent()).toMatch(/^Dale_T1deleted .+RestoreDelete for ever$/);
    await screenshot(page, 'bin-transcript');

    await page.getByRole('button', { name: 'Restore Dale_T1' }).click();
    await expect.poll(() => rows().count()).toBe(12);
    expect(await bin().count()).toBe(0);
    expect(await page.getByRole('status').textContent()).toBe('Restored Dale_T1.');
    await page.getByRole('button', { name: 'Dale_T1', exact: true }).click();
    await page.getByRole('tab', { name: 'Coding' }).click();
    await expect.poll(() => markIds(page)).toEqual(codingsBefore);
    expect(s.errors).toEqual([]);
  });

  it('deletes a binned transcript for ever after a confirmation that says it cannot be undone', async () => {
    const { page } = s;
    await page.getByRole('tab', { name: 'Transcripts' }).click();
    await page.getByRole('button', { name: 'Delete Leanne_T2' }).click();
    await page.getByRole('dialog', { name: 'Delete transcript?' }).getByRole('button', { name: 'Move to bin' }).click();
    await page.getByRole('button', { name: 'Delete Leanne_T2 for ever' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete for ever?' });
    await expect.poll(() => confirm.textContent()).toMatch(/and with it \d+ codings, \d+ memos?, \d+ quotes?/);
    expect(await confirm.textContent()).toContain('This cannot be undone.');
    expect(await confirm.textContent()).toContain('Undo (Ctrl+Z) will not bring it back');
    await screenshot(page, 'bin-delete-for-ever');
    await confirm.getByRole('button', { name: 'Delete for ever' }).click();
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => bin().count()).toBe(0);
    expect(await rows().count()).toBe(11);
    expect(await page.getByRole('button', { name: 'Leanne_T2', exact: true }).count()).toBe(0);
    expect(s.errors).toEqual([]);
  });

  it('purges a participant only once their pseudonym is typed, and logs it without their name', async () => {
    const { page } = s;
    await page.getByRole('tab', { name: 'Participants' }).click();
    // Six interviewed, and the 28 women the sample's survey adds.
    await expect.poll(() => page.locator('table.participants tbody tr').count()).toBe(34);
    await page.getByRole('button', { name: 'Purge Ruth…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Purge Ruth?' });
    await expect.poll(() => dialog.textContent()).toContain('2 transcript(s) with their text');
    expect(await dialog.textContent()).toMatch(/\d+ coding\(s\), in every coder's layer and the consensus/);
    expect(await dialog.textContent()).toContain('This cannot be undone');
    const purge = dialog.getByRole('button', { name: 'Purge Ruth' });
    // The field to type in has the focus; a near miss does not confirm.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Type the pseudonym to confirm');
    await page.keyboard.type('ruth');
    expect(await purge.isDisabled()).toBe(true);
    await dialog.getByLabel('Type the pseudonym to confirm').fill('Ruth');
    expect(await purge.isEnabled()).toBe(true);
    await screenshot(page, 'purge-participant-confirm');
    await purge.click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('table.participants tbody tr').count()).toBe(33);
    expect(await page.getByRole('status').textContent()).toMatch(/^The participant was purged: 2 transcripts, \d+ codings/);
    expect(await page.locator('table.participants').textContent()).not.toContain('Ruth');
    await screenshot(page, 'purge-participant-done');

    await page.getByRole('tab', { name: 'Transcripts' }).click();
    await expect.poll(() => rows().count()).toBe(9);
    expect(await page.locator('.source-list').textContent()).not.toContain('Ruth');

    await page.getByRole('tab', { name: 'Project' }).click();
    const log = page.getByRole('region', { name: 'Project log' });
    await expect
      .poll(() => log.locator('li').first().textContent())
      .toMatch(/A participant was purged on \d{4}-\d\d-\d\d: 2 transcripts, \d+ codings/);
    const text = await log.textContent();
    expect(text).toContain('A transcript was deleted for ever');
    expect(text).not.toContain('Ruth');
    expect(text).not.toContain('Leanne_T2');
    await log.scrollIntoViewIfNeeded();
    await screenshot(page, 'project-log');
    expect(s.errors).toEqual([]);
  });
});
