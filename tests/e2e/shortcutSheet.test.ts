// End to end in Chromium: the keyboard shortcut sheet opens on ? and on F1 from anywhere, lists
// every scope from the registry the views use, and a shortcut it lists does what it says (N adds
// a sub-code in the codebook tree); ? typed in a text field stays a character.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCOPE_LABELS, shortcutSheet } from '../../renderer/core/shortcuts';
import { screenshot, sharedPage, startApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe('the keyboard shortcut sheet', () => {
  const s = sharedPage(() => app);

  it('opens on ? and F1, lists every shortcut of every view, and closes on Esc', async () => {
    const { page, errors } = s;
    // From the projects screen with the mouse, for whoever looks for help there.
    await page.getByRole('button', { name: 'Keyboard shortcuts (? or F1)' }).click();
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Open sample project' }).click();
    await page.getByRole('tab', { name: 'Codebook' }).click();
    await page.keyboard.press('Shift+?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    for (const title of Object.values(SCOPE_LABELS)) await sheet.getByRole('region', { name: title }).waitFor();
    const rows = shortcutSheet(false).flatMap((section) => section.rows);
    expect(await sheet.locator('tbody tr').count()).toBe(rows.length);
    expect(await sheet.textContent()).toContain('Ctrl+Shift+Z');
    await screenshot(page, 'shortcut-sheet');
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    await page.keyboard.press('F1');
    await sheet.waitFor();
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });

  it('leaves ? to a text field, and N in the tree adds a sub-code as the sheet says', async () => {
    const { page, errors } = s;
    const find = page.getByPlaceholder('Find a code (fuzzy) and press Enter');
    await find.fill('');
    await find.press('Shift+?');
    expect(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count()).toBe(0);
    await find.fill('');
    const tree = page.getByRole('region', { name: 'Codebook tree' });
    const before = await tree.getByRole('treeitem').count();
    await tree.getByRole('treeitem').first().focus();
    await page.keyboard.press('n');
    await expect.poll(() => tree.getByRole('treeitem').count()).toBe(before + 1);
    expect(errors).toEqual([]);
  });
});
